package render

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"strings"
	"sync"

	"almanac/generator/metrics"
	"almanac/generator/report"
	"almanac/generator/site"
)

// reportsURL is the list of the reports to stakeholders.
const reportsURL = "/reports/"

// reportExt is the reports extension: /reports/, a page and a JSON file
// per quarter and per month with content (/reports/2026-q4/ and
// /reports/2026-q4.json), computed from the site at its Now.
//
// A narrative of the team's own goes on top of a report: a plain page
// under content/reports/ whose file is named for the period. At
// content/reports/2026-q4.md its URL is the report's, and the report
// takes it (claims): the page has no file of its own. In a folder
// (content/reports/notes/2026-q4.md) it also stays a page at its own URL.
// Any other page at a report's URL is an error, since it would hide the
// report.
//
// A release's highlights and a narrative's HTML are read while their page
// is rendered, before the build lets go of the Markdown; the highlights
// are kept in the release's Rendered, so that a warm build may take the
// release from its last output and still have them.
type reportExt struct {
	p *Prepared

	mu         sync.Mutex
	highlights map[string][]string       // by the release page's source
	narratives map[string]template.HTML  // by the narrative page's source
	built      map[string]*report.Report // by period key

	once     sync.Once
	periods  []report.Period
	keyOfURL map[string]string // period URL → key, for claims (a page each)

	factsOnce sync.Once
	facts     *metrics.Facts // the deployments and incidents, for every period
	indexOnce sync.Once
	index     *report.Index         // the site's facts by date, for every period
	byKey     map[string]*site.Page // narrative pages by period key
}

func (x *reportExt) funcs() template.FuncMap {
	return template.FuncMap{
		// the newest report, for links from the home and metrics pages
		"latestReport": x.latest,
		"restoreText":  x.restoreText,
	}
}

// state lists the periods and finds the narratives, once.
func (x *reportExt) state() {
	x.once.Do(func() {
		s := x.p.s
		x.periods = report.Periods(s, s.Now)
		x.keyOfURL = make(map[string]string, len(x.periods))
		for _, per := range x.periods {
			x.keyOfURL[per.URL()] = per.Key
		}
		x.byKey = map[string]*site.Page{}
		dir := s.Config.Content() + "/reports/"
		for _, pg := range s.Plain {
			if !strings.HasPrefix(pg.Source, dir) {
				continue
			}
			key := strings.TrimSuffix(path.Base(pg.Source), path.Ext(pg.Source))
			if _, err := report.ParseKey(key, s.Config.Location, s.Now); err == nil {
				if _, dup := x.byKey[key]; !dup {
					x.byKey[key] = pg
				}
			}
		}
	})
}

// pageRendered keeps what the reports need of a page's whole text.
func (x *reportExt) pageRendered(pg *site.Page) error {
	x.state()
	switch {
	case pg.Release != nil:
		var h []string
		switch {
		case pg.Body != nil:
			h = report.Highlights(pg.Body)
			if pg.Rendered != nil {
				pg.Rendered.Highlights = h
			}
		case pg.Rendered != nil:
			h = pg.Rendered.Highlights // taken from the last build with its files
		}
		x.mu.Lock()
		if x.highlights == nil {
			x.highlights = map[string][]string{}
		}
		x.highlights[pg.Source] = h
		x.mu.Unlock()
	case pg.Rendered != nil && x.isNarrative(pg):
		x.mu.Lock()
		if x.narratives == nil {
			x.narratives = map[string]template.HTML{}
		}
		x.narratives[pg.Source] = template.HTML(pg.Rendered.HTML)
		x.mu.Unlock()
	}
	return nil
}

func (x *reportExt) isNarrative(pg *site.Page) bool {
	for _, n := range x.byKey {
		if n == pg {
			return true
		}
	}
	return false
}

// releaseHighlights returns a release's highlights: kept while it was
// rendered, or read from its body when that is still at hand.
func (x *reportExt) releaseHighlights(pg *site.Page) []string {
	x.mu.Lock()
	h, ok := x.highlights[pg.Source]
	x.mu.Unlock()
	if !ok && pg.Body != nil {
		h = report.Highlights(pg.Body)
	}
	return h
}

// narrative returns the HTML of a period's narrative, "" without one.
func (x *reportExt) narrative(pg *site.Page) template.HTML {
	if pg == nil {
		return ""
	}
	x.mu.Lock()
	h, ok := x.narratives[pg.Source]
	x.mu.Unlock()
	if !ok && pg.Rendered != nil {
		h = template.HTML(pg.Rendered.HTML)
	}
	return h
}

// build computes one period's report, once: its page, its JSON file and
// the list all read it. Every build comes after the pages are rendered,
// so the highlights are in.
func (x *reportExt) build(per report.Period) *report.Report {
	x.mu.Lock()
	r, ok := x.built[per.Key]
	x.mu.Unlock()
	if ok {
		return r
	}
	s := x.p.s
	x.factsOnce.Do(func() { x.facts = metrics.NewFacts(s) })
	r = report.Build(s, per, s.Now, report.Options{Highlights: x.releaseHighlights, Facts: x.facts, Index: x.dateIndex()})
	x.mu.Lock()
	if x.built == nil {
		x.built = map[string]*report.Report{}
	}
	if prev, ok := x.built[per.Key]; ok {
		r = prev
	} else {
		x.built[per.Key] = r
	}
	x.mu.Unlock()
	return r
}

// dateIndex is the site's facts by date, made once.
func (x *reportExt) dateIndex() *report.Index {
	x.indexOnce.Do(func() { x.index = report.NewIndex(x.p.s) })
	return x.index
}

// periodSources are the files the report of one period reads (see
// report.Index.Reads), and its narrative: a preview renders a period's
// page and JSON file again when one of them changes, not on every edit.
func (x *reportExt) periodSources(per report.Period, narr *site.Page) []string {
	src := appendSources(nil, x.dateIndex().Reads(per, x.p.s.Now)...)
	return appendSources(src, narr)
}

// sources are the files the list of reports reads: every report's.
func (x *reportExt) sources() []string {
	s := x.p.s
	src := appendSources(nil, s.Releases...)
	src = appendSources(src, s.Stories...)
	src = appendSources(src, s.PostMortems...)
	src = appendSources(src, s.Decisions...)
	return src
}

// claims takes the narrative written at a report's own URL
// (content/reports/2026-q4.md): the report shows it.
func (x *reportExt) claims(pg *site.Page) bool {
	x.state()
	n := x.byKey[x.keyAt(pg.URL)]
	return n == pg
}

// keyAt is the key of the period whose report is at url, or "".
func (x *reportExt) keyAt(url string) string {
	x.state()
	return x.keyOfURL[url]
}

// jobs make /reports/, and each period's page and JSON file.
func (x *reportExt) jobs() []Job {
	x.state()
	p := x.p
	src := x.sources()
	for _, pg := range x.byKey {
		src = append(src, pg.Source)
	}
	list := p.data("reports.html", reportsURL, p.env.tr.T("report.nav"))
	jobs := []Job{{Name: site.OutputFile(reportsURL), Sources: src, layout: list.Layout, make: func(b *bytes.Buffer) error {
		if err := x.clash(); err != nil {
			return err
		}
		list.Report = x.indexView()
		return p.execute(b, list, "")
	}}}
	for _, per := range x.periods {
		per := per
		narr := x.byKey[per.Key]
		psrc := x.periodSources(per, narr)
		d := p.data("report.html", per.URL(), "")
		jobs = append(jobs,
			Job{Name: site.OutputFile(per.URL()), Sources: psrc, layout: d.Layout, make: func(b *bytes.Buffer) error {
				d.Report = x.pageView(x.build(per), narr)
				d.Title = p.env.tr.T("report.title", d.Report.Name)
				d.Crumbs = []Crumb{{Name: p.env.tr.T("report.nav"), URL: reportsURL}, {Name: d.Report.Name}}
				return p.execute(b, d, "")
			}},
			Job{Name: strings.TrimPrefix(reportJSON(per), "/"), Sources: psrc, make: func(b *bytes.Buffer) error {
				return report.WriteJSON(b, x.build(per))
			}})
	}
	return jobs
}

// reportJSON is the site-relative URL of a report's JSON file.
func reportJSON(per report.Period) string { return "/reports/" + per.Key + ".json" }

// clash reports a content page that takes a report's URL: the page would
// be published there instead of the report. The first one is reported
// (Run reads one site.Diagnostic from a job); the next shows once it is
// moved.
func (x *reportExt) clash() error {
	for _, per := range x.periods {
		if pg := x.p.s.ByURL[per.URL()]; pg != nil && pg != x.byKey[per.Key] {
			return site.Diagnostic{Pos: site.Pos{File: pg.Source, Line: 1, Col: 1}, Severity: site.Error,
				Msg:  fmt.Sprintf("%s is where the %s report goes", per.URL(), per.Key),
				Hint: fmt.Sprintf("move a narrative into a folder, e.g. %s/reports/notes/%s.md, or give the page another slug", x.p.s.Config.Content(), per.Key)}
		}
	}
	return nil
}

// latest is the newest quarter's report link, nil when there is none.
func (x *reportExt) latest() *reportLink {
	x.state()
	for _, per := range x.periods {
		if per.Kind == report.Quarter {
			l := x.p.env.reportLink(per)
			return &l
		}
	}
	return nil
}

// restoreText writes an incident's time to restore out ("2 h 5 min").
func (x *reportExt) restoreText(h *float64) string {
	if h == nil {
		return ""
	}
	return x.p.env.hoursText(*h)
}

// reportURLs are /reports/ and every report's page, for the sitemap.
func (p *Prepared) reportURLs() []string {
	for _, x := range p.exts {
		if r, ok := x.(*reportExt); ok {
			r.state()
			urls := []string{reportsURL}
			for _, per := range r.periods {
				urls = append(urls, per.URL())
			}
			return urls
		}
	}
	return nil
}
