package content

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// dateLayout is how dates are written: a day in the site's time zone.
const dateLayout = "2006-01-02"

// parseDate reads YYYY-MM-DD as midnight in loc.
func parseDate(s string, loc *time.Location) (time.Time, error) {
	t, err := time.ParseInLocation(dateLayout, s, loc)
	if err != nil || len(s) != len(dateLayout) {
		return time.Time{}, errors.New("not a date")
	}
	return t, nil
}

// canonicalDatetime accepts the spellings RFC 3339 allows besides the
// usual one: a space or lower-case t between date and time, lower-case z.
func canonicalDatetime(s string) string {
	if len(s) > 10 && (s[10] == ' ' || s[10] == 't') {
		s = s[:10] + "T" + s[11:]
	}
	if strings.HasSuffix(s, "z") {
		s = s[:len(s)-1] + "Z"
	}
	return s
}

// parseDatetime reads an RFC 3339 datetime with an offset and returns it in
// loc. The error is a message and a hint.
func parseDatetime(s string, loc *time.Location) (time.Time, string, string) {
	c := canonicalDatetime(s)
	if t, err := time.Parse(time.RFC3339Nano, c); err == nil {
		return t.In(loc), "", ""
	}
	example := func(t time.Time) string { return t.Format(time.RFC3339) }
	if t, err := time.ParseInLocation("2006-01-02T15:04:05.999999999", c, loc); err == nil {
		return time.Time{}, fmt.Sprintf("%q has no time zone offset", s), "add one, e.g. " + example(t)
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", c, loc); err == nil {
		return time.Time{}, fmt.Sprintf("%q has no seconds and no time zone offset", s), "write e.g. " + example(t)
	}
	if t, err := parseDate(s, loc); err == nil {
		return time.Time{}, fmt.Sprintf("%q is a date, but a date and time is needed", s),
			"write e.g. " + example(t.Add(9*time.Hour))
	}
	return time.Time{}, fmt.Sprintf("%q is not an RFC 3339 datetime", s), "write e.g. 2026-07-14T09:12:00+09:00"
}

// looseLayouts are the date spellings other generators write, tried in
// order on plain pages. Layouts without a zone are read in the site's zone.
var looseLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05.999999999 -07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04 -0700",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05 -0700 MST",
}

// parseLooseDate reads any of looseLayouts; the year alone is not enough.
func parseLooseDate(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range looseLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t.In(loc), nil
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, canonicalDatetime(s)); err == nil {
		return t.In(loc), nil
	}
	return time.Time{}, errors.New("not a date")
}

// IDPattern is the shape of story and post-mortem ids: STORY-101,
// PM-2026-003.
const IDPattern = `^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$`

// DatetimePattern is the shape of the datetimes front matter takes: RFC
// 3339 with an offset (a space or a lower-case t between date and time,
// and a lower-case z, are read too).
const DatetimePattern = `^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$`

// DatePattern is the shape of dates: YYYY-MM-DD.
const DatePattern = `^\d{4}-\d{2}-\d{2}$`

var idRE = regexp.MustCompile(IDPattern)

// idPrefix returns the part of an id before its first hyphen.
func idPrefix(id string) string {
	p, _, _ := strings.Cut(id, "-")
	return p
}
