package render

import (
	"html/template"
	"maps"
	"slices"
	"strings"
	"text/template/parse"
	"time"

	"almanac/generator/calendar"
	"almanac/generator/site"
)

// What the lists' files show of the build's present. A warm build takes a
// list file from the last output only when its key shows that it would
// come out the same (build/reuse_lists.go), so the key must hold all the
// file shows of the present, and should hold no more: a build without
// --now has a present of its own, to the nanosecond, and a key that held
// it would render every list again.
//
// Every list file may show the present's date and UTC offset in the
// site's time zone (a countdown, "today", the month of now, a zone's
// name), which action items are overdue, and which reports exist (the
// sitemap and the link to the latest one); the key of every list file
// holds those. Beyond them:
//
//   - a report's JSON file, the list of reports and the page of the
//     running period show the present itself (its figures are counted
//     up to it; the JSON names it): all of it; the page of a period gone
//     by shows the day it was made;
//   - the metrics pages and the home page's tiles show the metrics
//     report, computed at the present: the report;
//   - the calendar's pages show which action items' due times have gone
//     by (to the minute): those, as Also;
//   - a layout shows what the walk below finds in it: the present itself
//     where it names .Now but to print its date or zone, the report where
//     it calls metrics or metricSeries, or shows a page's body (a body
//     may draw charts from the report).
//
// The list files of the core (lists, terms, people, folders, feeds, the
// search index, static files) are made with layouts of their own, which
// the walk covers together: what any of them shows, each is keyed with.

// Present is what a file shows of the present beyond the date, the
// offset, the overdue marks and the reports every list file's key holds.
type Present struct {
	Exact   bool   // the present itself, to the nanosecond
	Metrics bool   // the metrics report computed at the present
	Also    string // anything else it shows of the present, as a key
}

// or is the union of what two files show.
func (a Present) or(b Present) Present {
	a.Exact, a.Metrics = a.Exact || b.Exact, a.Metrics || b.Metrics
	a.Also += b.Also
	return a
}

// ListPresent is what each list file of a Prepared shows of the present.
type ListPresent struct {
	// Common is what every list file shows beyond the date, offset and
	// overdue marks: which reports exist, by key, and which narratives
	// they show.
	Common string
	files  map[string]Present // the extensions' files and the home page
	other  Present            // every other list file
}

// Of is what the list file name shows of the present.
func (l *ListPresent) Of(name string) Present {
	if pr, ok := l.files[name]; ok {
		return pr
	}
	return l.other
}

// ListPresent works out what each list file shows of the present (see
// above). It reads the layouts' parse trees: call it before the lists are
// rendered (html/template rewrites a tree as it first runs it).
func (p *Prepared) ListPresent() *ListPresent {
	l := &ListPresent{files: map[string]Present{}}
	special := map[string]bool{"home.html": true}
	for _, k := range site.TypedKinds() {
		special[k.Layout] = true // content pages', not lists'
	}
	special["page.html"] = true
	mark := func(jobs []Job, pr Present, layouts ...string) {
		for _, name := range layouts {
			special[name] = true
			pr = pr.or(p.layoutPresent(name))
		}
		for _, j := range jobs {
			l.files[j.Name] = l.files[j.Name].or(pr)
		}
	}
	for _, x := range p.exts {
		switch x := x.(type) {
		case *metricsExt:
			mark(x.jobs(), Present{Metrics: true}, kindInfo(site.KindMetric).ListLayout, "actions.html")
		case *calendarExt:
			mark(x.jobs(), Present{Also: x.pastActions()}, "calendar.html")
		case *reportExt:
			x.state()
			keys := slices.Sorted(maps.Keys(x.byKey))
			for _, per := range x.periods {
				keys = append(keys, per.Key)
			}
			l.Common = strings.Join(keys, " ")
			mark(x.jobs(), Present{Exact: true}, "reports.html")
			// The page of a period gone by shows the present only as
			// the day its report was made, and the overdue marks; its
			// JSON names the present itself.
			page := p.layoutPresent("report.html")
			special["report.html"] = true
			for _, per := range x.periods {
				if !per.Running {
					l.files[site.OutputFile(per.URL())] = page
				}
			}
		}
	}
	mark([]Job{p.homeJob()}, Present{}, "home.html")
	for _, name := range slices.Sorted(maps.Keys(p.sets)) {
		if !special[name] {
			l.other = l.other.or(p.layoutPresent(name))
		}
	}
	return l
}

// layoutPresent is what a layout shows of the present, as far as its
// templates say: everything they run, from the one a page starts in.
func (p *Prepared) layoutPresent(layout string) Present {
	set := p.sets[layout]
	if set == nil {
		return Present{}
	}
	start := baseofName
	if p.r.tmpl.alone[layout] {
		start = layout
	}
	w := presentWalk{set: set, seen: map[string]bool{}}
	w.template(start)
	return w.pr
}

// presentWalk walks the templates a layout runs for what they show of the
// present.
type presentWalk struct {
	set  *template.Template
	seen map[string]bool
	pr   Present
}

// dateOnly are the functions that show of a time its date or zone alone:
// {{date .Now}} shows the day, which every key holds.
var dateOnly = map[string]bool{"date": true, "longDate": true, "zone": true}

func (w *presentWalk) template(name string) {
	if w.seen[name] {
		return
	}
	w.seen[name] = true
	t := w.set.Lookup(name)
	if i := strings.Index(name, "$htmltemplate_"); t == nil && i > 0 {
		// A copy html/template made of a template for another context:
		// it runs what the template runs.
		w.template(name[:i])
		return
	}
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		if name == baseofName || name == headerName || name == badgeName {
			return // a set may have none; executing one would fail
		}
		w.pr.Exact, w.pr.Metrics = true, true // unknown: assume the worst
		return
	}
	w.node(t.Tree.Root)
}

func (w *presentWalk) node(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				w.node(c)
			}
		}
	case *parse.ActionNode:
		w.node(n.Pipe)
	case *parse.IfNode:
		w.branch(&n.BranchNode)
	case *parse.RangeNode:
		w.branch(&n.BranchNode)
	case *parse.WithNode:
		w.branch(&n.BranchNode)
	case *parse.TemplateNode:
		w.node(n.Pipe)
		w.template(n.Name)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				w.command(c)
			}
		}
	case *parse.CommandNode:
		w.command(n)
	case *parse.ChainNode:
		w.node(n.Node)
		w.fields(n.Field)
	case *parse.FieldNode:
		w.fields(n.Ident)
	case *parse.VariableNode:
		w.fields(n.Ident)
	case *parse.IdentifierNode:
		switch n.Ident {
		case "metrics", "metricSeries", "body":
			w.pr.Metrics = true
		case "header":
			w.template(headerName)
		case "badge":
			w.template(badgeName)
		}
	}
}

func (w *presentWalk) branch(b *parse.BranchNode) {
	w.node(b.Pipe)
	w.node(b.List)
	if b.ElseList != nil {
		w.node(b.ElseList)
	}
}

// command walks one command; date, longDate or zone of a Now alone
// (.Now, $r.Now) shows the day or offset, which every key holds.
func (w *presentWalk) command(c *parse.CommandNode) {
	if len(c.Args) == 2 {
		if id, ok := c.Args[0].(*parse.IdentifierNode); ok && dateOnly[id.Ident] && endsInNow(c.Args[1]) {
			return
		}
	}
	for _, a := range c.Args {
		w.node(a)
	}
}

// endsInNow reports whether n is a field or variable's field named Now,
// and nothing that could run a function.
func endsInNow(n parse.Node) bool {
	var idents []string
	switch n := n.(type) {
	case *parse.FieldNode:
		idents = n.Ident
	case *parse.VariableNode:
		idents = n.Ident
	}
	return len(idents) > 0 && idents[len(idents)-1] == "Now"
}

// fields notes a field named Now on the way: the present itself.
func (w *presentWalk) fields(idents []string) {
	if slices.Contains(idents, "Now") {
		w.pr.Exact = true
	}
}

// pastActions says which open action items' due times the present has
// passed, one byte each in the calendar's order: the calendar marks them
// overdue to the minute (actionPast), not by the day.
func (x *calendarExt) pastActions() string {
	st, now := x.calendar(), x.p.s.Now
	var b strings.Builder
	b.WriteString("calendar ")
	for i := range st.events {
		if ev := &st.events[i]; ev.Kind == calendar.KindActionItem {
			b.WriteByte('0' + boolByte(actionPast(ev, now)))
		}
	}
	return b.String()
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// actionPast reports whether an action item's event is open and its due
// time has gone by at now: the calendar shows it overdue.
func actionPast(ev *calendar.Event, now time.Time) bool {
	return ev.Status != "done" && ev.Status != "wont_do" && ev.Start.Before(now)
}
