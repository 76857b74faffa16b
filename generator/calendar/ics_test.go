package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// vevents returns the content lines of each VEVENT in an unfolded feed.
func vevents(t *testing.T, data []byte) [][]string {
	t.Helper()
	var out [][]string
	var cur []string
	for _, line := range strings.Split(unfold(string(data)), "\r\n") {
		switch {
		case line == "BEGIN:VEVENT":
			cur = []string{}
		case line == "END:VEVENT":
			out = append(out, cur)
			cur = nil
		case cur != nil:
			cur = append(cur, line)
		}
	}
	return out
}

func TestICSDates(t *testing.T) {
	loc := seoul(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, loc) }
	tests := []struct {
		name  string
		event Event
		want  []string // lines that must be there
		not   []string // property prefixes that must not
	}{
		{
			name:  "all-day is a DATE with an exclusive end",
			event: Event{AllDay: true, Start: day(2026, 11, 3), End: day(2026, 11, 4)},
			want:  []string{"DTSTART;VALUE=DATE:20261103", "DTEND;VALUE=DATE:20261104"},
		},
		{
			name:  "all-day on the 31st ends on the 1st",
			event: Event{AllDay: true, Start: day(2026, 10, 31), End: day(2026, 11, 1)},
			want:  []string{"DTSTART;VALUE=DATE:20261031", "DTEND;VALUE=DATE:20261101"},
		},
		{
			name:  "all-day at the year's end",
			event: Event{AllDay: true, Start: day(2026, 12, 31), End: day(2027, 1, 1)},
			want:  []string{"DTSTART;VALUE=DATE:20261231", "DTEND;VALUE=DATE:20270101"},
		},
		{
			name:  "all-day on a leap day",
			event: Event{AllDay: true, Start: day(2028, 2, 29), End: day(2028, 3, 1)},
			want:  []string{"DTSTART;VALUE=DATE:20280229", "DTEND;VALUE=DATE:20280301"},
		},
		{
			name:  "all-day without end lasts one day",
			event: Event{AllDay: true, Start: day(2028, 2, 28)},
			want:  []string{"DTSTART;VALUE=DATE:20280228", "DTEND;VALUE=DATE:20280229"},
		},
		{
			name:  "all-day over three days",
			event: Event{AllDay: true, Start: day(2026, 12, 30), End: day(2027, 1, 2)},
			want:  []string{"DTSTART;VALUE=DATE:20261230", "DTEND;VALUE=DATE:20270102"},
		},
		{
			name: "all-day date stays in the site zone, not UTC",
			// midnight in Seoul is 15:00 UTC the day before
			event: Event{AllDay: true, Start: day(2026, 11, 1), End: day(2026, 11, 2)},
			want:  []string{"DTSTART;VALUE=DATE:20261101"},
		},
		{
			name: "timed is a DATE-TIME in UTC",
			event: Event{Start: time.Date(2026, 11, 3, 8, 30, 0, 0, loc),
				End: time.Date(2026, 11, 3, 10, 0, 15, 0, loc)},
			want: []string{"DTSTART:20261102T233000Z", "DTEND:20261103T010015Z"},
			not:  []string{"DTSTART;", "DTEND;"},
		},
		{
			name:  "timed without end has no DTEND",
			event: Event{Start: time.Date(2026, 11, 3, 8, 30, 0, 0, loc)},
			want:  []string{"DTSTART:20261102T233000Z"},
			not:   []string{"DTEND"},
		},
		{
			name: "timed with an end before its start has no DTEND",
			event: Event{Start: time.Date(2026, 11, 3, 8, 30, 0, 0, loc),
				End: time.Date(2026, 11, 3, 8, 0, 0, 0, loc)},
			not: []string{"DTEND"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.event
			e.UID, e.Kind, e.Title = "x@almanac", KindRelease, "x"
			evs := vevents(t, ICS([]Event{e}, ICSOptions{Stamp: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}))
			if len(evs) != 1 {
				t.Fatalf("%d VEVENTs, want 1", len(evs))
			}
			lines := strings.Join(evs[0], "\n")
			for _, w := range tt.want {
				if !containsLine(evs[0], w) {
					t.Errorf("missing %q in\n%s", w, lines)
				}
			}
			for _, n := range tt.not {
				for _, l := range evs[0] {
					if strings.HasPrefix(l, n) {
						t.Errorf("unexpected %q in\n%s", l, lines)
					}
				}
			}
			if !containsLine(evs[0], "DTSTAMP:20260102T030405Z") {
				t.Errorf("DTSTAMP is not the given stamp in UTC:\n%s", lines)
			}
		})
	}
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func TestICSStatus(t *testing.T) {
	tests := []struct {
		kind   Kind
		status string
		want   string
	}{
		{KindRelease, "planned", "TENTATIVE"},
		{KindRelease, "frozen", "CONFIRMED"},
		{KindRelease, "released", "CONFIRMED"},
		{KindRelease, "rolled_back", "CONFIRMED"},
		{KindRelease, "cancelled", "CANCELLED"},
		{KindMilestone, "planned", "TENTATIVE"},
		{KindMilestone, "cancelled", "CANCELLED"},
		{KindRollback, "rolled_back", "CONFIRMED"},
		{KindIncident, "draft", "CONFIRMED"},
		{KindActionItem, "open", "CONFIRMED"},
		{KindActionItem, "done", "CONFIRMED"},
		{KindActionItem, "wont_do", "CANCELLED"},
	}
	for _, tt := range tests {
		e := Event{Kind: tt.kind, Status: tt.status}
		if got := icsStatus(&e); got != tt.want {
			t.Errorf("icsStatus(%s, %s) = %s, want %s", tt.kind, tt.status, got, tt.want)
		}
	}
}

func TestICSStampDefault(t *testing.T) {
	loc := seoul(t)
	at := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, loc) }
	events := []Event{
		{UID: "a@x", AllDay: true, Start: at(1), End: at(2), LastModified: time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)},
		{UID: "b@x", AllDay: true, Start: at(3), End: at(4), LastModified: time.Date(2026, 10, 7, 9, 30, 0, 0, time.UTC)},
	}
	for _, ev := range vevents(t, ICS(events, ICSOptions{})) {
		if !containsLine(ev, "DTSTAMP:20261007T093000Z") {
			t.Errorf("DTSTAMP is not the newest LAST-MODIFIED:\n%s", strings.Join(ev, "\n"))
		}
	}
}

func TestICSHeader(t *testing.T) {
	data := ICS(nil, ICSOptions{Name: "Harbor, team", TimeZone: "Asia/Seoul"})
	want := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//almanac//calendar//EN\r\nCALSCALE:GREGORIAN\r\n" +
		"METHOD:PUBLISH\r\nNAME:Harbor\\, team\r\nX-WR-CALNAME:Harbor\\, team\r\nX-WR-TIMEZONE:Asia/Seoul\r\n" +
		"REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\nX-PUBLISHED-TTL:PT6H\r\nEND:VCALENDAR\r\n"
	if string(data) != want {
		t.Errorf("empty calendar =\n%q\nwant\n%q", data, want)
	}
}

func TestAbsoluteURL(t *testing.T) {
	tests := []struct{ base, ref, want string }{
		{"https://harbor.example.org/almanac/", "/releases/1.4.0/", "https://harbor.example.org/almanac/releases/1.4.0/"},
		{"https://harbor.example.org/almanac", "/releases/1.4.0/", "https://harbor.example.org/almanac/releases/1.4.0/"},
		{"https://harbor.example.org/", "/postmortems/x/", "https://harbor.example.org/postmortems/x/"},
		{"/", "/releases/1.4.0/", ""},
		{"", "/releases/1.4.0/", ""},
		{"https://harbor.example.org/", "https://other.example.org/x", "https://other.example.org/x"},
		{"https://harbor.example.org/", "", ""},
		{"https://harbor.example.org/", "/a\r\nb/", "https://harbor.example.org/ab/"},
	}
	for _, tt := range tests {
		if got := absoluteURL(tt.base, tt.ref); got != tt.want {
			t.Errorf("absoluteURL(%q, %q) = %q, want %q", tt.base, tt.ref, got, tt.want)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{6 * time.Hour, "PT6H"}, {24 * time.Hour, "P1D"}, {90 * time.Minute, "PT90M"}, {time.Second, "PT1M"},
	}
	for _, tt := range tests {
		if got := formatDuration(tt.d); got != tt.want {
			t.Errorf("formatDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestWebcal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://harbor.example.org/calendar.ics", "webcal://harbor.example.org/calendar.ics"},
		{"http://localhost:1313/calendar.ics", "webcal://localhost:1313/calendar.ics"},
		{"/calendar.ics", "/calendar.ics"},
	}
	for _, tt := range tests {
		if got := Webcal(tt.in); got != tt.want {
			t.Errorf("Webcal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFeedsDeterministic builds the site twice, and once more with the
// events shuffled: the UIDs and every byte of both feeds are the same.
func TestFeedsDeterministic(t *testing.T) {
	a := loadSite(t, fixtureSite)
	b := loadSite(t, fixtureSite)
	ea, eb := Events(a), Events(b)
	if len(ea) != len(eb) {
		t.Fatalf("%d events, then %d", len(ea), len(eb))
	}
	for i := range ea {
		if ea[i].UID != eb[i].UID {
			t.Errorf("event %d: UID %s, then %s", i, ea[i].UID, eb[i].UID)
		}
	}
	shuffled := append([]Event(nil), eb...)
	for i, j := 0, len(shuffled)-1; i < j; i, j = i+1, j-1 {
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	}
	fa, fb, fc := Feeds(a, ea), Feeds(b, eb), Feeds(b, shuffled)
	for i := range fa {
		if !bytes.Equal(fa[i].Data, fb[i].Data) || !bytes.Equal(fa[i].Data, fc[i].Data) {
			t.Errorf("%s differs between builds", fa[i].Path)
		}
	}
}

func TestFeedLines(t *testing.T) {
	s := loadSite(t, fixtureSite)
	for _, f := range Feeds(s, Events(s)) {
		checkFolded(t, string(f.Data))
		if bytes.Contains(bytes.ReplaceAll(f.Data, []byte("\r\n"), nil), []byte("\n")) {
			t.Errorf("%s has a bare LF", f.Path)
		}
	}
	// The Korean title is longer than 75 octets: folded, and whole again
	// once unfolded.
	all := string(Feeds(s, Events(s))[0].Data)
	title := "SUMMARY:Release 1.5.0: 정산 배치 요약을 한 번의 호출로 내려받는 새 내보내기와 은행 휴일 처리 개선"
	if len(title) <= maxLine {
		t.Fatalf("test title has only %d octets", len(title))
	}
	if strings.Contains(all, title) {
		t.Error("the long Korean SUMMARY is not folded")
	}
	if !strings.Contains(unfold(all), title+"\r\n") {
		t.Error("the long Korean SUMMARY does not unfold to the title")
	}
}
