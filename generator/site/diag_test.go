package site

import (
	"strings"
	"testing"
)

func text(l Diagnostics) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

func unknownID(file string, line int, id string) Diagnostic {
	return Diagnostic{Pos: Pos{File: file, Line: line, Col: 15}, Msg: `tracking: unknown id "` + id + `"`, Wants: "id " + id}
}

// TestSortFoldsReferencesIntoTheirCause checks that errors about references
// to what a page that failed to load would have defined are named in a
// note on that page's error instead of on their own, and that sorting again
// after more were appended adds to the note without repeating it.
func TestSortFoldsReferencesIntoTheirCause(t *testing.T) {
	broken := Diagnostic{Pos: Pos{File: "content/stories/x.md", Line: 3, Col: 14}, Msg: "malformed YAML front matter",
		Hint: "put the value in quotes", Lost: "file content/stories/x.md\nid STORY-128\nurl /stories/x/"}
	other := Diagnostic{Pos: Pos{File: "content/a.md", Line: 1}, Msg: "file is empty"}
	l := Diagnostics{
		unknownID("content/postmortems/p.md", 12, "STORY-128"),
		unknownID("content/postmortems/p.md", 14, "STORY-9"),
		broken, other,
	}
	l.Sort()
	want := `content/a.md:1: error: file is empty
content/postmortems/p.md:14:15: error: tracking: unknown id "STORY-9"
content/stories/x.md:3:14: error: malformed YAML front matter (put the value in quotes; 1 reference to STORY-128 elsewhere is not checked until this is fixed: content/postmortems/p.md:12:15)
`
	if got := text(l); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	l.Sort()
	if got := text(l); got != want {
		t.Fatalf("sorted again:\n%s\nwant\n%s", got, want)
	}
	// The link checks come later and are appended.
	l.Append(Diagnostics{
		{Pos: Pos{File: "content/b.md", Line: 4, Col: 1}, Msg: "no page at content/stories/x.md", Wants: "file content/stories/x.md"},
		{Pos: Pos{File: "content/b.md", Line: 5, Col: 1}, Msg: "no page or file at /stories/x/", Wants: "url /stories/x/"},
		{Pos: Pos{File: "content/b.md", Line: 6, Col: 1}, Msg: "no page or file at /stories/y/", Wants: "url /stories/y/"},
		unknownID("content/postmortems/p.md", 12, "STORY-128"), // once more: named once
		unknownID("content/postmortems/o.md", 2, "STORY-128"),
	})
	l.Sort()
	want = `content/a.md:1: error: file is empty
content/b.md:6:1: error: no page or file at /stories/y/
content/postmortems/p.md:14:15: error: tracking: unknown id "STORY-9"
content/stories/x.md:3:14: error: malformed YAML front matter (put the value in quotes; 4 references to STORY-128 elsewhere are not checked until this is fixed: content/b.md:4:1, content/b.md:5:1, content/postmortems/o.md:2:15 and 1 more)
`
	if got := text(l); got != want {
		t.Fatalf("after more:\n%s\nwant\n%s", got, want)
	}
	if errs, _ := l.Count(); errs != 4 {
		t.Errorf("%d errors, want 4", errs)
	}
}

// TestSortNotesPagesThatMayDefineAReference checks a reference whose page
// failed to load with an id that could not be read: its error stays, with a
// note naming the pages that may define it, written once however often the
// list is sorted.
func TestSortNotesPagesThatMayDefineAReference(t *testing.T) {
	l := Diagnostics{
		unknownID("content/postmortems/p.md", 12, "STORY-7"),
		{Pos: Pos{File: "content/stories/b.md", Line: 2, Col: 5}, Msg: "malformed YAML front matter", Lost: "file content/stories/b.md\nid ?"},
		{Pos: Pos{File: "content/stories/a.md", Line: 2, Col: 5}, Msg: "malformed YAML front matter", Lost: "file content/stories/a.md\nid ?"},
		{Pos: Pos{File: "content/releases/r.md", Line: 2, Col: 5}, Msg: "malformed YAML front matter", Lost: "file content/releases/r.md\nrelease ?"},
	}
	l.Sort()
	l.Sort()
	want := `content/postmortems/p.md:12:15: error: tracking: unknown id "STORY-7" (content/stories/a.md or content/stories/b.md did not load and may define it)`
	if got := l[0].Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, d := range l[1:] {
		if d.Hint != "" {
			t.Errorf("%s: hint %q", d.Pos, d.Hint)
		}
	}
}

// TestSortWithoutLostPages checks that a list without failed pages sorts
// as it always did.
func TestSortWithoutLostPages(t *testing.T) {
	l := Diagnostics{
		unknownID("content/b.md", 2, "STORY-1"),
		{Pos: Pos{File: "content/a.md", Line: 9}, Severity: Warning, Msg: "w"},
		{Pos: Pos{File: "content/a.md", Line: 9}, Msg: "e"},
		unknownID("content/b.md", 2, "STORY-1"),
	}
	l.Sort()
	want := "content/a.md:9: error: e\ncontent/a.md:9: warning: w\ncontent/b.md:2:15: error: tracking: unknown id \"STORY-1\"\n"
	if got := text(l); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
