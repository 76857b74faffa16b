package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestYAMLSyntaxErrors writes front matter with one common mistake each
// and expects the error at the character to fix, with a hint about it.
// The front matter starts on line 2 of the file, after "---".
func TestYAMLSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, matter string
		at           string // line:col in the file
		hint         string // a part of the hint
	}{
		{"tab indenting a key", "id: STORY-1\nvoc:\n\t- quote: x\n", "4:1", "replace the tab with spaces"},
		{"tab indenting a nested key", "id: STORY-1\nvoc:\n  - quote: x\n  \tdate: 2026-07-01\n", "5:3", "replace the tab with spaces"},
		{"tab on a line of its own", "id: STORY-1\ntitle: T\n\t\nstatus: ready\n", "4:1", "replace the tab with spaces"},
		{"unquoted colon in a value", "id: STORY-1\ntitle: Deploy: rollback\n", "3:14", `put the value in quotes, e.g. title: "Deploy: rollback"`},
		{"unquoted colon after a comma", "id: STORY-1\nso_that: we ship, and then: rest\n", "3:27", `so_that: "we ship, and then: rest"`},
		{"unquoted colon, counted in characters", "id: STORY-1\ntitle: 배포: 로그\n", "3:10", `title: "배포: 로그"`},
		{"value starting with @", "id: STORY-1\nowner: @mina\n", "3:8", `cannot start with @: put the value in quotes, e.g. owner: "@mina"`},
		{"value starting with a backquote", "id: STORY-1\ntitle: `make` fails\n", "3:8", "cannot start with `"},
		{"value starting with %", "id: STORY-1\ntitle: %d errors\n", "3:8", "cannot start with % (it would start a directive)"},
		{"value starting with *", "id: STORY-1\ntitle: *important*\n", "3:8", `is an alias (*name): put the value in quotes, e.g. title: "*important*"`},
		{"value naming no anchor", "id: STORY-1\ntitle: *new\n", "3:8", `is an alias of an anchor (&name): put the value in quotes, e.g. title: "*new"`},
		{"value starting with & and a space", "id: STORY-1\ntitle: & more\n", "3:8", `is an anchor (&name): put the value in quotes, e.g. title: "& more"`},
		{"missing space after the colon", "id: STORY-1\ntitle:Export\nstatus: ready\n", "3:6", "put a space after the colon: title: Export"},
		{"missing space before a URL", "id: STORY-1\nurl:https://example.org/x\n", "3:4", "url: https://example.org/x"},
		{"key indented more than the one above", "id: STORY-1\ntitle: T\n  status: ready\n", "4:9", "line it up with title: (0 spaces)"},
		{"nested key indented more than its sibling", "id: STORY-1\nvoc:\n  - quote: x\n     date: 2026-07-01\n", "5:10", "line it up with quote: (4 spaces)"},
		{"key indented less than its siblings", "id: STORY-1\nvoc:\n  - quote: x\n    date: 2026-07-01\n   source: call\n", "6:4", "its indentation (3 spaces) matches no line above: indent it by 4, 2 or 0 spaces"},
		{"list item out of line", "id: STORY-1\nacceptance:\n  - a\n - b\n", "5:2", "indent it by 2 or 0 spaces"},
		{"list item without a key", "id: STORY-1\n- export the log\n", "3:1", "a list item (- …) goes below its key"},
		{"dash after a key", "id: STORY-1\nacceptance: - a\n", "3:13", "put the items on the lines below the key"},
		{"unclosed double quote", "id: STORY-1\ntitle: \"Export log\nstatus: ready\n", "3:8", `close the " that starts this value`},
		{"unclosed single quote", "id: STORY-1\ntitle: 'Export log\nstatus: ready\n", "3:8", "close the ' that starts this value"},
		{"text after the closing quote", "id: STORY-1\ntitle: \"Export\" the log\n", "3:17", "nothing may follow it"},
		{"quote inside a quoted value", "id: STORY-1\ntitle: \"the \"new\" log\"\n", "3:14", `writing a quote inside it as \"`},
		{"unclosed bracket", "id: STORY-1\ntags: [deploy, log\nstatus: ready\n", "3:7", "close the list with ]"},
		{"unclosed bracket on the last line", "id: STORY-1\ntags: [deploy, log\n", "3:7", "close the list with ]"},
		{"unclosed brace", "id: STORY-1\nvoc: {quote: x\nstatus: ready\n", "3:6", "close the mapping with }"},
		{"bracket that closes nothing", "id: STORY-1\ntags: [deploy]]\n", "3:15", "this ] closes nothing"},
		{"text after a template", "id: STORY-1\ntitle: {{ .Name }} log\n", "3:20", "ends at its closing bracket"},
		{"missing list item", "id: STORY-1\ntags: [deploy, , log]\n", "3:16", "an item is missing between two commas"},
		{"backslash in double quotes", "id: STORY-1\ntitle: \"C:\\data\"\n", "3:11", `write \\ for a backslash`},
		{"text of a block value not indented", "id: STORY-1\nso_that: >\nwe ship\n", "4:1", "indent the text of a | or > value"},
		{"text after a block indicator", "id: STORY-1\nso_that: |x\n  we ship\n", "3:11", "only a comment may follow | or >"},
		{"control character", "id: STORY-1\ntitle: a\x07b\n", "3:9", "U+0007"},
		{"after comments and blank lines", "# a story\n\nid: STORY-1\n\ntitle: Deploy: rollback\n", "6:14", "put the value in quotes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const name = "content/stories/s.md"
			src := "---\n" + tt.matter + "---\n"
			p, diags := LoadPage(fstest.MapFS{name: {Data: []byte(src)}}, name, testConfig())
			if p != nil || len(diags) != 1 {
				t.Fatalf("want one error and no page, got page %v and\n%s", p != nil, diagLines(diags))
			}
			d := diags[0]
			if got := fmt.Sprintf("%d:%d", d.Pos.Line, d.Pos.Col); got != tt.at {
				t.Errorf("at %s, want %s: %s", got, tt.at, d.Error())
			}
			if !strings.Contains(d.Hint, tt.hint) {
				t.Errorf("hint %q does not say %q", d.Hint, tt.hint)
			}
			if !strings.HasPrefix(d.Msg, "malformed YAML front matter: ") {
				t.Errorf("message %q", d.Msg)
			}
		})
	}
}

// TestYAMLErrorLine checks the lines the YAML library gets wrong: for an
// error of its parser it names the line where the enclosing block began.
func TestYAMLErrorLine(t *testing.T) {
	raw := []byte("id: STORY-1\ntitle: T\nvoc:\n  - quote: x\n    date: 2026-07-01\n\n\n   source: call\n")
	_, err := parseYAML(raw, 2)
	pe, ok := err.(*posError)
	if !ok {
		t.Fatalf("error %v", err)
	}
	if pe.line != 9 || pe.col != 4 {
		t.Errorf("at %d:%d, want 9:4 (%s)", pe.line, pe.col, pe.msg)
	}
}

// TestYAMLErrorTooLongToSearch checks that front matter too long to search
// for the position still gets the library's line and the tab found there.
func TestYAMLErrorTooLongToSearch(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: STORY-1\nvoc:\n")
	for b.Len() <= maxYAMLSearch {
		b.WriteString("  - quote: some words a customer said\n")
	}
	lines := strings.Count(b.String(), "\n")
	b.WriteString("\t- quote: x\n")
	_, err := parseYAML([]byte(b.String()), 2)
	pe, ok := err.(*posError)
	if !ok {
		t.Fatalf("error %v", err)
	}
	if want := lines + 2; pe.line != want || pe.col != 1 || pe.hint != tabIndentHint {
		t.Errorf("at %d:%d (%q), want %d:1 with the tab hint", pe.line, pe.col, pe.hint, want)
	}
}
