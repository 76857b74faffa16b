package render

import (
	"html/template"
	"strconv"
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
