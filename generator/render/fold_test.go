package render

import (
	"html/template"
	"strings"
	"testing"
)

// TestFold: a layout gives the same bytes with its literal calls folded
// as with them made on every execution, in every context html/template
// escapes for, and calls fold must leave alone still run (or fail) as
// they did.
func TestFold(t *testing.T) {
	r, err := New(Options{Theme: theme(), Site: siteFS()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Prepare(fixture("ko", "https://example.org/team/"))
	if err != nil {
		t.Fatal(err)
	}
	const src = `<p title="{{T "nav.calendar"}}">{{T "nav.calendar"}} {{T "no.such.key"}}</p>
<a href="{{relURL "/a b/?q=<x>"}}" data-x={{absURL "/index.xml"}}>{{relURL "/c/"}}</a>
<script>var s = {{T "search.none"}}; var u = "{{relURL "/d/"}}";</script>
<style>p::after { content: "{{T "skip"}}" }</style>
{{with T "footer.atom"}}<i>{{.}}</i>{{end}}{{if eq (T "skip") "x"}}no{{end}}
{{T "stories.n" 3}} {{T "countdown.future" "2"}} {{printf "%s" (relURL "/e/") | html}}
{{template "sub" (T "nav.actions")}}{{define "sub"}}<b>{{.}}</b>{{end}}`
	fm := funcMap(p.env)
	run := func(folded bool) string {
		tmpl, err := template.New("t").Funcs(fm).Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if folded {
			fold(tmpl, folders(p.env))
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, nil); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	made, folded := run(false), run(true)
	if folded != made {
		t.Errorf("folded:\n%s\nmade:\n%s", folded, made)
	}

	bad, err := template.New("bad").Funcs(fm).Parse(`{{relURL "/a/" "/b/"}}`)
	if err != nil {
		t.Fatal(err)
	}
	fold(bad, folders(p.env))
	if err := bad.Execute(&strings.Builder{}, nil); err == nil {
		t.Error("relURL with two arguments runs once folded")
	}
	if !strings.Contains(bad.Tree.Root.String(), "relURL") {
		t.Errorf("relURL with two arguments was folded: %s", bad.Tree.Root)
	}
}
