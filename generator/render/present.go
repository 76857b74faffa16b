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
// Every list file may show the present's UTC offset in the site's time
// zone (a zone's name) and which reports exist (the sitemap and the link
// to the latest one); the key of every list file holds those. Beyond
// them:
//
//   - a report's JSON file, the list of reports and the page of the
//     running period show the present itself (its figures are counted
//     up to it; the JSON names it): all of it; the page of a period gone
//     by shows the day it was made;
//   - the metrics pages and the home page's tiles show the metrics
//     report, computed at the present: the report;
//   - the calendar shows the date (today, the month of now, the feeds'
//     window) and which action items' due times have gone by (to the
//     minute): those, as Also;
//   - a layout shows what the walk below finds in it: the date where it
//     counts days or lists the releases to come, the present itself where
//     it names .Now but to print its date or zone, the report where it
//     calls metrics or metricSeries, or shows a page's body (a body may
//     draw charts from the report), which action items are overdue where
//     it calls overdue or pmActions or reads the views made of them
//     (fields named Overdue, OpenActions, HomeActions and a person's
//     Actions, which are sorted overdue first).
//
// A list file shows what its layout shows (Job.layout), and what the code
// of the extension that makes it shows. The core's code shows the present
// only in data its layout must read to show it: the views of open action
// items, sorted overdue first, which the walk notes.

// Present is what a file shows of the present beyond what every key of
// its kind holds: for a list file the offset and which reports exist; for
// a content page the offset and its own overdue marks (PagePresent).
type Present struct {
	Day     bool   // the date in the site's time zone
	Marks   bool   // which action items are overdue (list files)
	Exact   bool   // the present itself, to the nanosecond
	Metrics bool   // the metrics report computed at the present
	Also    string // anything else it shows of the present, as a key
}

// or is the union of what two files show.
func (a Present) or(b Present) Present {
	a.Day, a.Marks = a.Day || b.Day, a.Marks || b.Marks
	a.Exact, a.Metrics = a.Exact || b.Exact, a.Metrics || b.Metrics
	a.Also += b.Also
	return a
}

// ReportKeys is what every list file shows of the present beyond the
// offset: which reports exist, by key, and which narratives they show.
func (p *Prepared) ReportKeys() string {
	for _, x := range p.exts {
		if x, ok := x.(*reportExt); ok {
			x.state()
			keys := slices.Sorted(maps.Keys(x.byKey))
			for _, per := range x.periods {
				keys = append(keys, per.Key)
			}
			return strings.Join(keys, " ")
		}
	}
	return ""
}

// listPresent works out what each of the list jobs shows of the present
// (see above), by name. Files made by no layout and by no extension that
// shows it (the search index, the feeds, static files) show none. It
// reads the layouts' parse trees: call it before the jobs run
// (html/template rewrites a tree as it first runs it).
func (p *Prepared) listPresent(jobs []Job) map[string]Present {
	// What the extensions' code shows of the present, beyond their
	// layouts.
	code := map[string]Present{}
	for _, x := range p.exts {
		var (
			mine []Job
			pr   Present
			gone = map[string]bool{}
		)
		switch x := x.(type) {
		case *metricsExt:
			mine, pr = x.jobs(), Present{Metrics: true, Marks: true}
		case *calendarExt:
			mine, pr = x.jobs(), Present{Day: true, Marks: true, Also: x.pastActions()}
		case *reportExt:
			x.state()
			for _, per := range x.periods {
				if !per.Running {
					// Its page shows the present only as its layout
					// does (the day the report was made) and the
					// overdue marks; its JSON names the present.
					gone[site.OutputFile(per.URL())] = true
				}
			}
			mine, pr = x.jobs(), Present{Exact: true}
		}
		for _, j := range mine {
			if !gone[j.Name] {
				code[j.Name] = code[j.Name].or(pr)
			}
		}
	}
	out := make(map[string]Present, len(jobs))
	layouts := map[string]Present{}
	for _, j := range jobs {
		pr := code[j.Name]
		if j.layout != "" {
			lp, ok := layouts[j.layout]
			if !ok {
				lp = p.layoutReads(j.layout).list()
				layouts[j.layout] = lp
			}
			pr = pr.or(lp)
		}
		out[j.Name] = pr
	}
	return out
}

// PagePresent is what the content pages of a kind show of the present
// beyond the offset and their own overdue marks, as their layout says (a
// page's own body, which may draw charts, is the caller's to weigh). It
// reads the layouts' parse trees: call it before any page is rendered.
func (p *Prepared) PagePresent(k site.Kind) Present {
	r := p.layoutReads(layoutOf(k))
	return Present{Day: r.day, Exact: r.exact || r.reports, Metrics: r.metrics}
}

// reads are what a layout's templates read of the present.
type reads struct {
	day     bool // the date: countdowns, days until, upcoming releases
	exact   bool // the present itself (a field named Now)
	metrics bool // the metrics report
	marks   bool // which action items are overdue
	bodies  bool // pages' bodies, which may draw charts from the report
	reports bool // which reports exist
}

// list is what a list file made with the layout shows beyond what every
// list file's key holds (which reports exist among it).
func (r reads) list() Present {
	return Present{Day: r.day, Marks: r.marks, Exact: r.exact, Metrics: r.metrics || r.bodies}
}

// layoutReads is what a layout reads of the present, as far as its
// templates say: everything they run, from the one a page starts in.
func (p *Prepared) layoutReads(layout string) reads {
	set := p.sets[layout]
	if set == nil {
		set = p.sets["page.html"] // as execute does
		if set == nil {
			return reads{}
		}
		layout = "page.html"
	}
	w := presentWalk{set: set, seen: map[string]bool{}}
	w.template(p.entry(layout))
	return w.r
}

// presentWalk walks the templates a layout runs for what they show of the
// present.
type presentWalk struct {
	set  *template.Template
	seen map[string]bool
	r    reads
}

// dateOnly are the functions that show of a time its date or zone alone:
// {{date .Now}} shows the day, {{zone .Now}} the offset.
var dateOnly = map[string]bool{"date": true, "longDate": true, "zone": true}

// dayFuncs are the functions that show the present's date: how many days
// to a date, and the releases still to come.
var dayFuncs = map[string]bool{"daysUntil": true, "countdown": true, "calUpcoming": true}

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
		// Unknown: assume the worst.
		w.r = reads{day: true, exact: true, metrics: true, marks: true, bodies: true, reports: true}
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
		case "metrics", "metricSeries":
			w.r.metrics = true
		case "body":
			w.r.bodies = true
		case "latestReport":
			w.r.reports = true
		case "overdue", "pmActions":
			w.r.marks = true
		case "header":
			w.template(headerName)
		case "badge":
			w.template(badgeName)
		default:
			w.r.day = w.r.day || dayFuncs[n.Ident]
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

// command walks one command; date or longDate of a Now alone (.Now,
// $r.Now) shows the day, zone of it the offset, which every key holds.
func (w *presentWalk) command(c *parse.CommandNode) {
	if len(c.Args) == 2 {
		if id, ok := c.Args[0].(*parse.IdentifierNode); ok && dateOnly[id.Ident] && endsInNow(c.Args[1]) {
			w.r.day = w.r.day || id.Ident != "zone"
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

// fields notes a field named Now on the way (the present itself), and
// the fields of the views that show or are sorted by overdue marks.
func (w *presentWalk) fields(idents []string) {
	for _, id := range idents {
		switch id {
		case "Now":
			w.r.exact = true
		case "Overdue", "OpenActions", "HomeActions", "Actions":
			w.r.marks = true
		}
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
