package render

import (
	"bytes"
	"errors"
	"html/template"
	"strconv"
	"strings"
	"text/template/parse"
)

// Calls of T, relURL and absURL whose arguments are all string literals,
// {{T "nav.calendar"}} or href="{{relURL "/index.xml"}}", give the same
// string on every page of a render. fold writes that string into the
// layouts' trees in their place, once a render, before the first
// execution: the action then holds a literal, which html/template escapes
// for its context as it escaped the call's result, and each page is
// spared a call through reflection per literal (some forty a detail page).
// Each render's sets are its own copies of the trees (html/template's
// Clone copies them), so one render's strings never reach another's.

// folder gives the string a call with these literal arguments returns,
// and false for a call it leaves alone (one that would fail).
type folder func(args []string) (string, bool)

// folders are the functions fold may call ahead, bound to e.
func folders(e *env) map[string]folder {
	one := func(f func(string) string) folder {
		return func(args []string) (string, bool) {
			if len(args) != 1 {
				return "", false
			}
			return f(args[0]), true
		}
	}
	return map[string]folder{
		"T": func(args []string) (string, bool) {
			rest := make([]any, len(args)-1)
			for i, a := range args[1:] {
				rest[i] = a
			}
			return e.tr.T(args[0], rest...), true
		},
		"relURL": one(e.u.rel),
		"absURL": one(e.u.abs),
	}
}

// fold replaces the foldable calls in every template of set.
func fold(set *template.Template, fs map[string]folder) {
	for _, t := range set.Templates() {
		if t.Tree != nil && t.Tree.Root != nil {
			foldNode(t.Tree.Root, fs)
		}
	}
}

func foldNode(n parse.Node, fs map[string]folder) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			foldNode(c, fs)
		}
	case *parse.ActionNode:
		foldPipe(n.Pipe, fs)
	case *parse.TemplateNode:
		foldPipe(n.Pipe, fs)
	case *parse.IfNode:
		foldBranch(&n.BranchNode, fs)
	case *parse.WithNode:
		foldBranch(&n.BranchNode, fs)
	case *parse.RangeNode:
		foldBranch(&n.BranchNode, fs)
	}
}

func foldBranch(b *parse.BranchNode, fs map[string]folder) {
	foldPipe(b.Pipe, fs)
	foldNode(b.List, fs)
	foldNode(b.ElseList, fs)
}

func foldPipe(p *parse.PipeNode, fs map[string]folder) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			if sub, ok := a.(*parse.PipeNode); ok {
				foldPipe(sub, fs)
			}
		}
		foldCommand(c, fs)
	}
}

// foldCommand turns a call of a foldable function with string literals
// only into the literal of its result, kept in the node of its first
// argument (which knows its tree and position).
func foldCommand(c *parse.CommandNode, fs map[string]folder) {
	if len(c.Args) < 2 {
		return
	}
	id, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok {
		return
	}
	f, ok := fs[id.Ident]
	if !ok {
		return
	}
	args := make([]string, len(c.Args)-1)
	for i, a := range c.Args[1:] {
		s, ok := a.(*parse.StringNode)
		if !ok {
			return
		}
		args[i] = s.Text
	}
	out, ok := f(args)
	if !ok {
		return
	}
	lit := c.Args[1].(*parse.StringNode)
	lit.Text = out
	lit.Quoted = strconv.Quote(lit.Text)
	c.Args = []parse.Node{lit}
}

// Once html/template has escaped a layout, a folded literal is an action
// of its own: {{"Calendar" | _html_template_htmlescaper}}, a call through
// reflection per page that gives the same string every time. settle
// escapes a set's templates from the names the render executes in it
// (Prepared.entryNames), once, before the set's first page runs, and
// then writes in place of each such action the text it prints, which a
// page copies as it copies the layout's own text.
//
// The trees are changed before any execution that could escape them
// further: html/template escapes a template again only from a name not
// yet executed, and copies it then for a context it has not met. So
// every name the render executes in a set must be among those settle
// escapes from (badge.html runs in a set of its own for that reason).

// escaperPrefix begins the names of the functions html/template adds to
// escape an action's value for its context.
const escaperPrefix = "_html_template_"

// settle escapes set from names and turns its escaped literal actions
// into text.
func settle(set *template.Template, names []string) {
	var entry *template.Template
	for _, name := range names {
		t := set.Lookup(name)
		if t == nil {
			continue
		}
		// The writer fails at the first byte and dot is nil, so that
		// the template stops almost at once: only the escaping counts.
		if err := t.Execute(refuse{}, nil); errors.Is(err, errRefused) || err == nil {
			if entry == nil {
				entry = t
			}
		}
	}
	if entry == nil {
		return // nothing escaped: every set's execution fails as before
	}
	for _, t := range set.Templates() {
		if t.Tree != nil && t.Tree.Root != nil {
			settleList(t.Tree.Root, entry)
		}
	}
}

// settleList turns the escaped literal actions of list, and of the lists
// within it, into text; entry is an escaped template of the set, which
// prints one action at a time.
func settleList(list *parse.ListNode, entry *template.Template) {
	if list == nil {
		return
	}
	for i, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := printLiteral(n, entry); ok {
				list.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: text}
			}
		case *parse.IfNode:
			settleList(n.List, entry)
			settleList(n.ElseList, entry)
		case *parse.WithNode:
			settleList(n.List, entry)
			settleList(n.ElseList, entry)
		case *parse.RangeNode:
			settleList(n.List, entry)
			settleList(n.ElseList, entry)
		}
	}
}

// printLiteral prints an action that is a string literal followed by the
// escapers html/template gave it, by running it alone as entry's tree.
func printLiteral(a *parse.ActionNode, entry *template.Template) ([]byte, bool) {
	p := a.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) < 2 {
		return nil, false
	}
	if c := p.Cmds[0]; len(c.Args) != 1 {
		return nil, false
	} else if _, ok := c.Args[0].(*parse.StringNode); !ok {
		return nil, false
	}
	for _, c := range p.Cmds[1:] {
		id, ok := c.Args[0].(*parse.IdentifierNode)
		if len(c.Args) != 1 || !ok || !strings.HasPrefix(id.Ident, escaperPrefix) {
			return nil, false
		}
	}
	root := entry.Tree.Root
	entry.Tree.Root = &parse.ListNode{NodeType: parse.NodeList, Pos: a.Pos, Nodes: []parse.Node{a}}
	var b bytes.Buffer
	err := entry.Execute(&b, nil)
	entry.Tree.Root = root
	if err != nil {
		return nil, false
	}
	return b.Bytes(), true
}

// refuse is a writer that takes nothing.
type refuse struct{}

var errRefused = errors.New("render: escaping only")

func (refuse) Write([]byte) (int, error) { return 0, errRefused }
