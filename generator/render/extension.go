package render

import (
	"context"
	"errors"
	"html/template"

	"almanac/generator/output"
	"almanac/generator/site"
)

// The core renderer knows templates, UI strings, URLs, page data, jobs and
// static files. Every feature beyond that is an extension: the metrics
// pages, the calendar, the search index and the feeds. An extension adds
// template functions and files, and may also be told when a page has been
// rendered, finish work once every page has been, or draw fenced blocks in
// Markdown. Prepare makes one of each for the site it binds; a new feature
// is one more type here and one line in newExtensions, and the caller
// (build, the preview) does not change.
type extension interface {
	// funcs are the template functions it adds. Their names must be
	// known before any site is bound, so funcs is also called on the
	// zero value (see funcStubs): it must not read its state there.
	funcs() template.FuncMap
	// jobs are the files it makes beside the core's.
	jobs() []Job
}

// pageWatcher is an extension told of each content page once its own
// files are written, while the page's whole text is still at hand.
type pageWatcher interface {
	pageRendered(pg *site.Page) error
}

// finisher is an extension whose files can only be made once every page
// has been rendered. start begins that work in the background, so that it
// overlaps the lists; finalJobs waits for it; close lets go of what it
// keeps.
type finisher interface {
	start()
	finalJobs() []Job
	close()
}

// fencer is an extension that draws fenced blocks of its own languages
// (```chart) in every page's Markdown.
type fencer interface {
	fences() map[string]FenceFunc
}

// claimer is an extension that shows a content page inside one of its own
// files (a report shows the narrative written for its period): such a
// page gets no file of its own, and the extension's file takes its URL.
// Extensions that watch pages still see it rendered.
type claimer interface {
	claims(pg *site.Page) bool
}

// claimed reports whether an extension shows pg inside its own file.
func (p *Prepared) claimed(pg *site.Page) bool {
	for _, x := range p.exts {
		if c, ok := x.(claimer); ok && c.claims(pg) {
			return true
		}
	}
	return false
}

// homeSource is an extension whose figures the home page shows: its
// sources count among the home page's.
type homeSource interface {
	homeSources() []string
}

// FenceFunc draws one fenced block: its info string, its text and where
// it starts. It has the markdown package's FenceFunc signature.
type FenceFunc = func(info string, code []byte, pos site.Pos) (string, error)

// newExtensions makes the site's extensions, in the order of their files
// among the jobs.
func newExtensions(p *Prepared, pc prepareConfig) []extension {
	return []extension{
		&feedsExt{p: p},
		&searchExt{p: p, off: p.s.Config.SearchDisabled, noIndex: pc.noIndex, cache: pc.searchCache},
		&metricsExt{p: p, report: pc.report},
		&calendarExt{p: p},
		&reportExt{p: p},
	}
}

// funcStubs are every template function's name, for parsing: the core's
// and each extension's, bound to nothing.
func funcStubs() template.FuncMap {
	fm := funcMap(&env{})
	fm["header"] = (&Prepared{}).header
	fm["badge"] = (&Prepared{}).badge
	for _, x := range newExtensions(&Prepared{s: &site.Site{}}, prepareConfig{}) {
		for name, fn := range x.funcs() {
			fm[name] = fn
		}
	}
	return fm
}

// Fences are the fenced block languages the extensions draw, for the
// Markdown of every page.
func (p *Prepared) Fences() map[string]FenceFunc {
	out := map[string]FenceFunc{}
	for _, x := range p.exts {
		if f, ok := x.(fencer); ok {
			for lang, fn := range f.fences() {
				out[lang] = fn
			}
		}
	}
	return out
}

// RenderPage writes a content page's own files (the page and redirects at
// its aliases) on the calling goroutine, then tells the extensions that
// watch pages (the search index takes the page's text there). The home
// page is rendered with the lists, by Finish. Errors that come from a
// template are site.Diagnostics.
func (p *Prepared) RenderPage(pg *site.Page, out output.Writer) error {
	if pg == p.s.Home {
		return nil
	}
	var diags site.Diagnostics
	for _, j := range p.PageJobs(pg) {
		if err := p.run(j, out); err != nil {
			if asDiag(&diags, err) != nil {
				return err
			}
		}
	}
	if err := p.tellWatchers(pg); err != nil {
		return err
	}
	return diags.Err()
}

// Outputs reports whether the site makes a file of that name, the search
// index's files aside (nothing links to them): what the link checks
// accept besides pages.
func (p *Prepared) Outputs() func(name string) bool {
	names := map[string]bool{}
	for _, j := range p.siteJobsWith(false) {
		names[j.Name] = true
	}
	for _, pg := range p.s.Pages {
		if pg != p.s.Home {
			p.pageJobNames(pg, func(name string) { names[name] = true })
		}
	}
	return func(name string) bool { return names[name] }
}

// Finish makes every file but the content pages' own, once RenderPage has
// rendered each of those: the home page, the lists, terms and people, the
// extensions' files and the static files. The extensions that finish
// after the pages (the search index) work in the background meanwhile.
func (p *Prepared) Finish(ctx context.Context, out output.Writer) error {
	_, err := p.finish(ctx, out, nil)
	return err
}

// JobsBeforeIndex are Jobs less the search index's files, without
// finishing the index: what a preview renders first, so that a list does
// not wait for the index.
func (p *Prepared) JobsBeforeIndex() []Job { return dedupe(p.siteJobs()) }

// IndexJobs are the search index's files alone, the last of Jobs (less
// any whose name an earlier job of Jobs takes), the index finished first.
// With JobsBeforeIndex they are Jobs, for a caller that renders the
// lists before the index without listing the site's jobs twice.
func (p *Prepared) IndexJobs() []Job {
	var jobs []Job
	for _, x := range p.exts {
		if f, ok := x.(finisher); ok {
			jobs = append(jobs, f.finalJobs()...)
		}
	}
	return jobs
}

// listJobs are the site's jobs less the content pages' own files and the
// finishers' files.
func (p *Prepared) listJobs() []Job {
	// Only the names of the content pages' jobs: making the jobs
	// themselves, twice, held up the start of the lists.
	own := map[string]bool{}
	for _, pg := range p.s.Pages {
		if pg != p.s.Home {
			p.pageJobNames(pg, func(name string) { own[name] = true })
		}
	}
	var jobs []Job
	for _, j := range dedupe(p.siteJobsWith(false)) {
		if !own[j.Name] {
			jobs = append(jobs, j)
		}
	}
	return jobs
}

// asDiag moves the diagnostic err is into list and returns nil, or
// returns err when it is none.
func asDiag(list *site.Diagnostics, err error) error {
	if d, ok := site.AsDiagnostics(err); ok {
		list.Append(d)
		return nil
	}
	var one site.Diagnostic
	if errors.As(err, &one) {
		list.Add(one)
		return nil
	}
	return err
}
