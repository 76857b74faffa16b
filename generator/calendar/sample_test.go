package calendar

import (
	"bytes"
	"context"
	"os"
	"testing"

	ical "github.com/emersion/go-ical"

	"almanac/generator/content"
)

// TestSampleSiteFeeds builds the feeds of the repository's own sample
// content and reads them back: every event parses, UIDs are unique, lines
// are folded. It is skipped when the sample does not load cleanly, since
// the content belongs to the whole team.
func TestSampleSiteFeeds(t *testing.T) {
	root := os.DirFS("../..")
	cfg, diags := content.LoadConfig(root)
	s, more := content.Load(context.Background(), root, cfg, content.Options{Now: fixtureNow})
	diags.Append(more)
	if s == nil || diags.HasErrors() || len(s.Releases) == 0 {
		t.Skipf("sample content does not load cleanly: %v", diags.Err())
	}
	events := Events(s)
	seen := map[string]bool{}
	for _, e := range events {
		if seen[e.UID] {
			t.Errorf("duplicate UID %s", e.UID)
		}
		seen[e.UID] = true
	}
	for _, f := range Feeds(s, events) {
		checkFolded(t, string(f.Data))
		cal, err := ical.NewDecoder(bytes.NewReader(f.Data)).Decode()
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		for _, e := range cal.Events() {
			for _, p := range []string{ical.PropSummary, ical.PropDescription} {
				if _, err := e.Props.Text(p); err != nil {
					t.Errorf("%s: %v", f.Path, err)
				}
			}
			if _, err := e.DateTimeStart(nil); err != nil {
				t.Errorf("%s: %v", f.Path, err)
			}
		}
		if f.Path == CalendarFeed && len(cal.Events()) != len(events) {
			t.Errorf("%s: %d events, want %d", f.Path, len(cal.Events()), len(events))
		}
	}
}
