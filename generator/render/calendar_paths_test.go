package render

import (
	"testing"

	"almanac/generator/calendar"
)

// The jobs and the subscribe links name the feeds before they are made:
// the names must be those calendar.Feeds gives them.
func TestCalendarFeedPaths(t *testing.T) {
	s := fixture("en", "https://x.org/team/")
	feeds := calendar.Feeds(s, calendar.Events(s))
	paths := feedPaths()
	if len(feeds) != len(paths) {
		t.Fatalf("calendar.Feeds gives %d feeds, feedPaths names %d", len(feeds), len(paths))
	}
	for i, f := range feeds {
		if f.Path != paths[i] || f.URL != "/"+paths[i] {
			t.Errorf("feed %d: %s at %s, feedPaths says %s", i, f.Path, f.URL, paths[i])
		}
	}
}
