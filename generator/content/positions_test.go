package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// checkPositions asserts Page.Fields entries as "line:col".
func checkPositions(t *testing.T, name, src string, want map[string]string) {
	t.Helper()
	p := decodeOne(t, fstest.MapFS{name: {Data: []byte(src)}}, name)
	for key, lc := range want {
		if got := p.Pos(key).String(); got != name+":"+lc {
			t.Errorf("Pos(%q) = %s, want %s:%s", key, got, name, lc)
		}
	}
}

func TestPositionsYAML(t *testing.T) {
	src := `---
id: STORY-1
title: T
status: ready
voc:
  - source: a
    quote: first
  - source: b
    quote: "second"
---
`
	checkPositions(t, "content/stories/s.md", src, map[string]string{
		"id": "2:5", "status": "4:9", "voc": "6:3", "voc[0].quote": "7:12", "voc[1]": "8:5", "voc[1].quote": "9:12",
	})
}

func TestPositionsTOML(t *testing.T) {
	tables := `+++
id = "STORY-1"
title = 'T'
status = "ready"
[[voc]]
source = "a"
quote = "first"
[[voc]]
source = """b"""
  quote = "second"
+++
`
	checkPositions(t, "content/stories/s.md", tables, map[string]string{
		"id": "2:6", "status": "4:10", "voc[0]": "5:1", "voc[0].quote": "7:9", "voc[1]": "8:1", "voc[1].quote": "10:11",
	})
	inline := `+++
title = "T"  # a comment with = and [x]
id = "STORY-1"
status = "ready"
tags = [ "a",
  "b" ]
voc = [
  { source = "a", quote = "first" },
  { source = "b", quote = "second" },
]
+++
`
	checkPositions(t, "content/stories/s.md", inline, map[string]string{
		"id": "3:6", "tags[1]": "6:3", "voc": "7:7", "voc[1]": "9:3", "voc[1].quote": "9:27",
	})
}

func TestPositionsJSON(t *testing.T) {
	src := `{
  "id": "STORY-1",
  "title": "T",
  "status": "ready",
  "voc": [
    {"source": "a", "quote": "first"},
    {"source": "b",
     "quote": "second"}
  ]
}

Body
`
	checkPositions(t, "content/stories/s.md", src, map[string]string{
		"id": "2:9", "status": "4:13", "voc": "5:10", "voc[1]": "7:5", "voc[1].quote": "8:15",
	})
}

// nth returns the line:col of the n-th (1-based) occurrence of needle.
func nth(src, needle string, n int) string {
	off := -1
	for range n {
		i := strings.Index(src[off+1:], needle)
		if i < 0 {
			return "absent"
		}
		off += 1 + i
	}
	li := newLineIndex([]byte(src), 1)
	line, col := li.pos(off)
	return fmt.Sprintf("%d:%d", line, col)
}

func TestPositionsNestedPostMortem(t *testing.T) {
	for format, src := range map[string]string{"yaml": pmYAML, "toml": pmTOML, "json": pmJSON} {
		q, dq := `"`, "" // strings are quoted in TOML and JSON, dates only in JSON
		if format == "yaml" {
			q = ""
		}
		if format == "json" {
			dq = `"`
		}
		t.Run(format, func(t *testing.T) {
			checkPositions(t, "content/postmortems/p.md", src, map[string]string{
				"action_items[0].due":   nth(src, dq+"2026-08-01", 1),
				"timeline[2].at":        nth(src, dq+"2026-07-15T11:00:00+09:00", 2),
				"action_items[1].owner": nth(src, q+"Alice Kim", 2),
				"lessons.got_lucky[0]":  nth(src, q+"Low traffic", 1),
				"authors[1]":            nth(src, q+"Bo Park", 1),
			})
		})
	}
	// A spot check written out by hand.
	checkPositions(t, "content/postmortems/p.md", pmYAML, map[string]string{
		"authors[1]": "5:22", "timeline[2].at": "27:9", "action_items[0].due": "36:10",
	})
}

func TestBodyLine(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		body      string
	}{
		{"yaml", "---\ntitle: A\n---\n# Body\n", 4, "# Body\n"},
		{"toml", "\n\n+++\ntitle = \"A\"\n+++\nBody", 6, "Body"},
		{"json object", "{\n\"title\": \"A\"\n}\n\nBody\n", 5, "Body\n"},
		{"json delimited", ";;;\n{\"title\": \"A\"}\n;;;\nBody\n", 4, "Body\n"},
		{"none", "Just text\n", 1, "Just text\n"},
		{"empty matter", "---\n---\nBody\n", 3, "Body\n"},
		{"crlf", "---\r\ntitle: A\r\n---\r\nBody\r\n", 4, "Body\n"},
		{"bom", "\ufeff---\ntitle: A\n---\nBody\n", 4, "Body\n"},
	}
	for _, tt := range tests {
		p := decodeOne(t, fstest.MapFS{"content/a.md": {Data: []byte(tt.src)}}, "content/a.md")
		if p.BodyLine != tt.line || string(p.Body) != tt.body {
			t.Errorf("%s: BodyLine %d body %q, want %d %q", tt.name, p.BodyLine, p.Body, tt.line, tt.body)
		}
		if tt.name != "none" && tt.name != "empty matter" && p.Title != "A" {
			t.Errorf("%s: title %q, want A", tt.name, p.Title)
		}
	}
}
