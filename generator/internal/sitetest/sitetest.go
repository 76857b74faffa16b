// Package sitetest turns a whole site written in one string into an
// fstest.MapFS, so integration tests read like the site they build:
//
//	-- almanac.toml --
//	title = "T"
//	-- content/stories/a.md --
//	---
//	id: STORY-1
//	---
//	Body.
package sitetest

import (
	"strings"
	"testing/fstest"
)

// Parse splits s into files at lines of the form "-- path --". Text before
// the first marker is ignored; each file holds the lines up to the next
// marker, as written (the last one ends where s ends).
func Parse(s string) fstest.MapFS {
	fsys := fstest.MapFS{}
	var name string
	var body strings.Builder
	flush := func() {
		if name != "" {
			fsys[name] = &fstest.MapFile{Data: []byte(body.String()), Mode: 0o644}
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		t := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			name = strings.TrimSpace(t[3 : len(t)-3])
			continue
		}
		if name != "" {
			body.WriteString(line)
		}
	}
	flush()
	return fsys
}
