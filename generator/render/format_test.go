package render

import (
	"testing"
	"time"
)

// translators returns the theme's English and Korean tables.
func translators(t *testing.T) (en, ko *translator) {
	t.Helper()
	tr, err := loadTranslations(theme())
	if err != nil {
		t.Fatal(err)
	}
	return tr.forLang("en"), tr.forLang("ko")
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {3, "3"}, {2.5, "2.5"}, {0.125, "0.13"}, {1234, "1,234"},
		{1234567.891, "1,234,567.89"}, {-4200, "-4,200"}, {999, "999"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.in); got != tt.want {
			t.Errorf("formatNumber(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	en, ko := translators(t)
	tests := []struct {
		d      time.Duration
		en, ko string
	}{
		{20 * time.Minute, "20 min", "20분"},
		{2*time.Hour + 5*time.Minute, "2 h 5 min", "2시간 5분"},
		{3 * time.Hour, "3 h", "3시간"},
		{26*time.Hour + 30*time.Minute, "1 d 2 h 30 min", "1일 2시간 30분"},
		{48 * time.Hour, "2 d", "2일"},
		{45 * time.Second, "45 s", "45초"},
		{89 * time.Second, "1 min", "1분"},
		{90 * time.Second, "2 min", "2분"},
		{-10 * time.Minute, "−10 min", "−10분"},
	}
	for _, tt := range tests {
		if got := en.formatDuration(tt.d); got != tt.en {
			t.Errorf("en formatDuration(%v) = %q, want %q", tt.d, got, tt.en)
		}
		if got := ko.formatDuration(tt.d); got != tt.ko {
			t.Errorf("ko formatDuration(%v) = %q, want %q", tt.d, got, tt.ko)
		}
	}
}

func TestClock(t *testing.T) {
	en, ko := translators(t)
	ce, ck := clock{loc: seoul, tr: en}, clock{loc: seoul, tr: ko}
	utc := time.Date(2026, 5, 17, 23, 30, 0, 0, time.UTC) // 08:30 on the 18th in Seoul
	tests := []struct {
		name, got, want string
	}{
		{"date", ce.date(utc), "2026-05-18"},
		{"date zero", ce.date(time.Time{}), ""},
		{"datetime", ce.datetime(utc), "2026-05-18 08:30"},
		{"hm", ce.hm(utc), "08:30"},
		{"machine", ce.machine(utc), "2026-05-18T08:30:00+09:00"},
		{"machine day", ce.machine(day("2026-05-18")), "2026-05-18"},
		{"long en", ce.long(utc), "Mon 18 May 2026"},
		{"long ko", ck.long(utc), "2026년 5월 18일 (월)"},
		{"zone", ce.zone(utc), "Asia/Seoul (UTC+09:00)"},
		{"zone utc", clock{loc: time.UTC, tr: en}.zone(utc), "UTC+00:00"},
		{"zone west", clock{loc: time.FixedZone("America/Denver", -6*3600-30*60), tr: en}.zone(utc), "America/Denver (UTC-06:30)"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestDays(t *testing.T) {
	c := clock{loc: seoul}
	now := at("2026-05-06 23:50")
	tests := []struct {
		t    time.Time
		want int
	}{
		{day("2026-05-06"), 0},
		{at("2026-05-07 00:10"), 1}, // twenty minutes later, but tomorrow
		{day("2026-05-18"), 12},
		{day("2026-05-01"), -5},
		{time.Date(2026, 5, 6, 16, 0, 0, 0, time.UTC), 1}, // 01:00 on the 7th in Seoul
	}
	for _, tt := range tests {
		if got := c.days(now, tt.t); got != tt.want {
			t.Errorf("days(%v) = %d, want %d", tt.t, got, tt.want)
		}
	}
}

func TestCountdown(t *testing.T) {
	en, ko := translators(t)
	s := fixture("en", "")
	e := &env{site: s, clk: clock{loc: seoul, tr: en}, tr: en}
	k := &env{site: s, clk: clock{loc: seoul, tr: ko}, tr: ko}
	tests := []struct {
		t      time.Time
		past   string
		en, ko string
	}{
		{day("2026-05-18"), "", "in 12 days", "12일 남음"},
		{day("2026-05-07"), "", "in 1 day", "1일 남음"},
		{day("2026-05-06"), "", "today", "오늘"},
		{day("2026-05-05"), "", "1 day late", "1일 지연"},
		{day("2026-05-01"), "countdown.ago", "5 days ago", "5일 전"},
	}
	for _, tt := range tests {
		if got := e.countdown(tt.t, tt.past); got != tt.en {
			t.Errorf("en countdown(%v) = %q, want %q", tt.t, got, tt.en)
		}
		if got := k.countdown(tt.t, tt.past); got != tt.ko {
			t.Errorf("ko countdown(%v) = %q, want %q", tt.t, got, tt.ko)
		}
	}
	if got, want := e.spans(s.ByID["PM-2026-004"]), "detected after 20 min, mitigated after 2 h 5 min, resolved after 3 h 28 min"; got != want {
		t.Errorf("spans = %q, want %q", got, want)
	}
	if got, want := k.spans(s.ByID["PM-2026-004"]), "20분 만에 감지, 2시간 5분 만에 완화, 3시간 28분 만에 해결"; got != want {
		t.Errorf("ko spans = %q, want %q", got, want)
	}
}
