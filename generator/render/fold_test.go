package render

import (
	"context"
	"html/template"
	"strings"
	"testing"
	"text/template/parse"

	"almanac/generator/output"
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

// literalActions counts the actions under n that print a string literal,
// escaped or not, with no call of their own.
func literalActions(n parse.Node) int {
	count := 0
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				count += literalActions(c)
			}
		}
	case *parse.ActionNode:
		if p := n.Pipe; len(p.Decl) == 0 && len(p.Cmds[0].Args) == 1 {
			_, ok := p.Cmds[0].Args[0].(*parse.StringNode)
			for _, c := range p.Cmds[1:] {
				id, isID := c.Args[0].(*parse.IdentifierNode)
				ok = ok && isID && strings.HasPrefix(id.Ident, escaperPrefix)
			}
			if ok {
				count++
			}
		}
	case *parse.IfNode:
		count += literalActions(n.List) + literalActions(n.ElseList)
	case *parse.WithNode:
		count += literalActions(n.List) + literalActions(n.ElseList)
	case *parse.RangeNode:
		count += literalActions(n.List) + literalActions(n.ElseList)
	}
	return count
}

// TestSettle: once escaped, a layout's literal actions become text, and
// it prints the same bytes as before in every context html/template
// escapes for, a template called in two contexts included; literals in
// assignments and pipelines with calls of their own still run.
func TestSettle(t *testing.T) {
	const src = `<p title="{{"a<b &amp; 'c'"}}">{{"x&y <b>"}}</p>
<a href="{{"/a b/?q=<x>"}}" data-x={{"/index.xml"}} onclick="f({{"o'k"}})">{{"+"}}</a>
<script>var s = {{"</script>"}}; var u = "{{"/d/?a=1&b=2"}}";</script>
<style>p::after { content: "{{"q\"r"}}" }</style>
{{if .}}{{"in if"}}{{else}}{{"in else"}}{{end}}{{range .}}{{"in range"}}{{.}}{{end}}
{{$x := "kept"}}{{$x}} {{"printed" | printf "%s!"}} {{template "sub" "dot"}}
<b title="{{template "sub" "attr"}}">{{block "blk" .}}{{"in block"}}{{end}}</b>
{{define "sub"}}{{"<i>"}}{{.}}{{end}}`
	run := func(settled bool) (string, *template.Template) {
		tmpl, err := template.New("t").Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if settled {
			settle(tmpl, []string{"t"})
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, []string{"one", "two"}); err != nil {
			t.Fatal(err)
		}
		return b.String(), tmpl
	}
	made, _ := run(false)
	settled, tmpl := run(true)
	if settled != made {
		t.Errorf("settled:\n%s\nmade:\n%s", settled, made)
	}
	for _, name := range []string{"t", "sub", "blk"} {
		if n := literalActions(tmpl.Lookup(name).Tree.Root); n != 0 {
			t.Errorf("%s: %d literal actions left: %s", name, n, tmpl.Lookup(name).Tree.Root)
		}
	}
	if !strings.Contains(tmpl.Tree.Root.String(), `"kept"`) || !strings.Contains(tmpl.Tree.Root.String(), `printf`) {
		t.Errorf("an assignment or a call was settled: %s", tmpl.Tree.Root)
	}
}

// TestPrepareSettles: once a render has made its pages, what its layouts
// run holds no literal action: the T calls fold made literals are text.
func TestPrepareSettles(t *testing.T) {
	r, err := New(Options{Theme: theme(), Site: siteFS()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Prepare(fixture("en", "https://almanac.example.org/"), WithoutIndex())
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(context.Background(), p.Jobs(), output.NewMemory()); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for layout, set := range p.sets {
		if layout == "decision.html" || layout == "folder.html" || layout == "metric.html" {
			continue // no page of the fixture runs them
		}
		for _, name := range []string{p.entry(layout), "head.html", "footer.html", "main"} {
			if tm := set.Lookup(name); tm != nil && tm.Tree != nil {
				checked++
				if n := literalActions(tm.Tree.Root); n != 0 {
					t.Errorf("%s, %s: %d literal actions left", layout, name, n)
				}
			}
		}
	}
	if checked < 20 {
		t.Fatalf("checked %d templates", checked)
	}
}
