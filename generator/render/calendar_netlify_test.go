package render_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"almanac/generator/calendar"
)

// netlifyPattern turns a [[headers]] "for" path into the expression Netlify
// matches it with: "*" matches anything (across folders), ":name" one
// folder, and a trailing slash is optional.
func netlifyPattern(path string) *regexp.Regexp {
	var parts []string
	for _, p := range strings.Split(path, "/") {
		switch {
		case p == "":
			continue
		case strings.HasPrefix(p, ":"):
			parts = append(parts, "[^/]+")
		case p == "*":
			parts = append(parts, "?.*")
		default:
			parts = append(parts, strings.ReplaceAll(regexp.QuoteMeta(p), `\*`, ".*"))
		}
	}
	return regexp.MustCompile("(?i)^/" + strings.Join(parts, "/") + "/?$")
}

// TestNetlifyServesFeedsAsCalendars checks that netlify.toml gives both
// feeds the text/calendar type, at the site root and under a sub-path.
func TestNetlifyServesFeedsAsCalendars(t *testing.T) {
	var cfg struct {
		Headers []struct {
			For    string
			Values map[string]string
		}
	}
	if _, err := toml.DecodeFile("../../netlify.toml", &cfg); err != nil {
		if os.IsNotExist(err) {
			t.Skip("no netlify.toml")
		}
		t.Fatal(err)
	}
	for _, name := range []string{calendar.CalendarFeed, calendar.ReleasesFeed} {
		for _, url := range []string{"/" + name, "/team/" + name} {
			typ := ""
			for _, h := range cfg.Headers {
				if netlifyPattern(h.For).MatchString(url) {
					if v, ok := h.Values["Content-Type"]; ok {
						typ = v
					}
				}
			}
			if !strings.HasPrefix(typ, "text/calendar") {
				t.Errorf("netlify.toml serves %s as %q, want text/calendar", url, typ)
			}
		}
	}
	if netlifyPattern("/*.ics").MatchString("/index.html") {
		t.Error("the pattern matcher is too loose")
	}
}
