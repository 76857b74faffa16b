package calendar

import (
	"fmt"
	"testing"
	"time"
)

func TestUpcoming(t *testing.T) {
	s := loadSite(t, fixtureSite)
	loc := seoul(t)
	events := Events(s)
	tests := []struct {
		name  string
		now   time.Time
		limit int
		want  string // version:status:days:milestones
	}{
		{"from Nov 25", fixtureNow, 0, "[1.5.0:planned:36:[Code freeze] 1.6.0:frozen:43:[]]"},
		{"limit one", fixtureNow, 1, "[1.5.0:planned:36:[Code freeze]]"},
		{"after the freeze", time.Date(2026, 12, 22, 9, 0, 0, 0, loc), 0, "[1.5.0:planned:9:[] 1.6.0:frozen:16:[]]"},
		// 00:30 on Dec 31 in Seoul is still Dec 30 in UTC: the release is today
		{"release day in the site zone", time.Date(2026, 12, 30, 15, 30, 0, 0, time.UTC), 0, "[1.5.0:planned:0:[] 1.6.0:frozen:7:[]]"},
		{"the day after", time.Date(2027, 1, 1, 0, 0, 0, 0, loc), 0, "[1.6.0:frozen:6:[]]"},
		{"nothing left", time.Date(2027, 2, 1, 0, 0, 0, 0, loc), 0, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, u := range Upcoming(events, loc, tt.now, tt.limit) {
				var ms []string
				for _, m := range u.Milestones {
					ms = append(ms, m.Title)
				}
				got = append(got, fmt.Sprintf("%s:%s:%d:%v", u.Version, u.Status, u.DaysToGo, ms))
				if u.Release == nil || u.Release.Page == nil || u.Release.Kind != KindRelease {
					t.Errorf("%s: no release event", u.Version)
				}
				if u.Date.Hour() != 0 || u.Date.Location() != loc {
					t.Errorf("%s: date %v is not midnight in the site zone", u.Version, u.Date)
				}
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("Upcoming = %v, want %s", got, tt.want)
			}
		})
	}
}
