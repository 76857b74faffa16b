package check

import (
	"strings"
	"testing"
	"unsafe"

	"almanac/generator/markdown"
)

// The anchors of a page are kept for the whole build while its HTML is let
// go: none may be a substring that keeps the HTML alive.
func TestAnchorsDoNotHoldThePage(t *testing.T) {
	page := strings.Repeat("<p>text</p>", 100) + `<h2 id="rollback">Rollback</h2>`
	start := uintptr(unsafe.Pointer(unsafe.StringData(page)))
	end := start + uintptr(len(page))
	for _, a := range Anchors(page) {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(a))); p >= start && p < end {
			t.Errorf("anchor %q points into the page's HTML", a)
		}
	}
}

func TestAnchorsOfTags(t *testing.T) {
	tests := []struct {
		html string
		want []string
	}{
		{`<a name="old-anchor"></a><a id="new-anchor"></a>`, []string{"old-anchor", "new-anchor"}},
		{`<A NAME="upper">x</A><h2 ID="shout">`, []string{"upper", "shout"}},
		{`<a href="#x" name=bare>y</a>`, []string{"bare"}},
		{`<a name = 'spaced' >`, []string{"spaced"}},
		{`<div name="not-an-anchor"><input name="q"><meta name="x">`, nil},
		{`<abbr name="no">`, nil},
		{`<!-- <a id="commented"> --><p id="after">`, []string{"after"}},
		{`<!-- raw HTML omitted --><a id="kept">`, []string{"kept"}},
		{`<script>var s = '<a id="in-script">';</script><a id="out">`, []string{"out"}},
		{`<style>p[id="x"]{}</style>`, nil},
		{`<p title="a > b" id="past-gt">`, []string{"past-gt"}},
		{`<img alt="1 < 2" id=img-id/>`, []string{"img-id/"}},
		{`<br/><hr /><a id="after-void">`, []string{"after-void"}},
		{`a < b and <p disabled id="p">`, []string{"p"}},
		{`<a name="same"></a><h2 id="same">`, []string{"same"}},
		{`<a id="">`, nil},
		{`<p id="unterminated>`, nil},
		{`<a name="x"`, nil},
	}
	for _, tt := range tests {
		if got := Anchors(tt.html); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Anchors(%q) = %q, want %q", tt.html, got, tt.want)
		}
	}
}

// TestAnchorsOfMarkdown: explicit anchors count as well as heading ids:
// {#id}, and <a id> and <a name>, which are kept (as bare anchors) even
// while the rest of the raw HTML is left out, as GitHub keeps them.
func TestAnchorsOfMarkdown(t *testing.T) {
	src := []byte(`## Upgrade / Downgrade Strategy {#upgrade}

<a name="legacy-anchor"></a>
Text with an inline <a id="inline-anchor"></a> anchor.

## 🚀 Getting Started
`)
	for _, tt := range []struct {
		unsafe bool
		want   string
	}{
		{false, "upgrade|legacy-anchor|inline-anchor|-getting-started"},
		{true, "upgrade|legacy-anchor|inline-anchor|-getting-started"},
	} {
		r, err := markdown.New(markdown.Options{Unsafe: tt.unsafe}).Render("content/a.md", 1, src, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(Anchors(r.HTML), "|"); got != tt.want {
			t.Errorf("unsafe=%v: anchors %q, want %q", tt.unsafe, got, tt.want)
		}
	}
}

func TestMatchAnchor(t *testing.T) {
	ids := map[string]bool{"rollback": true, "upgrade--downgrade-strategy": true, "api--sdk": true,
		"Mixed-Case": true, "배포-절차": true, "straße": true}
	tests := []struct {
		frag  string
		exact bool
		fold  string
	}{
		{"rollback", true, ""},
		{"Rollback", false, "rollback"},
		{"ROLLBACK", false, "rollback"},
		{"Upgrade--Downgrade-Strategy", false, "upgrade--downgrade-strategy"},
		{"API--SDK", false, "api--sdk"},
		{"mixed-case", false, "Mixed-Case"},
		{"Mixed-Case", true, ""},
		{"배포-절차", true, ""},
		{"STRASSE", false, ""}, // not one letter for one letter
		{"Straße", false, "straße"},
		{"upgrade-downgrade-strategy", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		exact, fold := MatchAnchor(ids, tt.frag)
		if exact != tt.exact || fold != tt.fold {
			t.Errorf("MatchAnchor(%q) = %v, %q; want %v, %q", tt.frag, exact, fold, tt.exact, tt.fold)
		}
	}
	if _, fold := MatchAnchor(map[string]bool{"Setup": true, "setup": true, "SETUP": true}, "sEtUp"); fold != "SETUP" {
		t.Errorf("several spellings: fold %q, want the first in sort order, %q", fold, "SETUP")
	}
}

// FuzzAnchors: any HTML, however broken, gives anchors without a panic,
// none of them empty.
func FuzzAnchors(f *testing.F) {
	for _, seed := range []string{`<a name="x" id='y'>`, `<!--`, `<script>`, `<p a= b=>`, `<a name=`, `< a`, `<a =x id=z>`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range Anchors(s) {
			if a == "" {
				t.Fatalf("empty anchor from %q", s)
			}
		}
	})
}
