package render

import (
	"context"

	"almanac/generator/output"
	"almanac/generator/site"
)

// A warm build may take a content page's files from the previous output
// instead of rendering them (see build's reuse). render says which files a
// page makes, which pages may be taken so, and tells the extensions of a
// page taken so as if it had been rendered.

// bodyWatcher is a page watcher that needs a page's Markdown or HTML when
// it is told of it, not only what its Rendered keeps once the HTML is let
// go: a page it needs so is always rendered.
type bodyWatcher interface {
	needsBody(pg *site.Page) bool
}

// PageFiles are the names of the files a content page makes (its page and
// its aliases' redirects), in the order RenderPage writes them.
func (p *Prepared) PageFiles(pg *site.Page) []string {
	if pg == p.s.Home {
		return nil
	}
	jobs := p.PageJobs(pg)
	names := make([]string, len(jobs))
	for i, j := range jobs {
		names[i] = j.Name
	}
	return names
}

// Reusable reports whether a content page's files may be taken from the
// previous output: not the home page (the lists make it), not a page an
// extension shows inside its own file, not one whose Markdown or HTML an
// extension needs.
func (p *Prepared) Reusable(pg *site.Page) bool {
	if pg == p.s.Home || p.claimed(pg) {
		return false
	}
	for _, x := range p.exts {
		if w, ok := x.(bodyWatcher); ok && w.needsBody(pg) {
			return false
		}
	}
	return true
}

// PageReused tells the extensions that watch pages of a page whose files
// were taken from the previous output, its Rendered restored (all but the
// HTML): the search index takes its text as if it had been rendered.
func (p *Prepared) PageReused(pg *site.Page) error {
	return p.tellWatchers(pg)
}

// tellWatchers tells every page watcher that pg's files are written.
func (p *Prepared) tellWatchers(pg *site.Page) error {
	for _, x := range p.exts {
		if w, ok := x.(pageWatcher); ok {
			if err := w.pageRendered(pg); err != nil {
				return err
			}
		}
	}
	return nil
}

// needsBody: a narrative is shown as its HTML. (A release's highlights,
// read from its Markdown, are kept in its Rendered and come back with a
// reused page.)
func (x *reportExt) needsBody(pg *site.Page) bool {
	x.state()
	return x.isNarrative(pg)
}

// FinishReusing is Finish for a warm build that may take files from the
// previous output: take is asked about every file but the content pages'
// own, by name, sources and what it shows of the present (present.go),
// and the files it took are not made. It returns the names of the search
// index's files, taken or made (none when the Prepared was made
// WithoutIndex), never nil.
func (p *Prepared) FinishReusing(ctx context.Context, out output.Writer, take func(name string, sources []string, shows Present) bool) ([]string, error) {
	return p.finish(ctx, out, take)
}

// finish is Finish, or FinishReusing with a take.
func (p *Prepared) finish(ctx context.Context, out output.Writer, take func(name string, sources []string, shows Present) bool) ([]string, error) {
	var fins []finisher
	for _, x := range p.exts {
		if f, ok := x.(finisher); ok {
			fins = append(fins, f)
			f.start()
		}
	}
	defer func() {
		for _, f := range fins {
			f.close()
		}
	}()
	var (
		jobs  []Job
		all   = p.listJobs()
		shows map[string]Present
	)
	if take != nil {
		shows = p.listPresent(all)
	}
	for _, j := range all {
		if take == nil || !take(j.Name, j.Sources, shows[j.Name]) {
			jobs = append(jobs, j)
		}
	}
	if err := p.Run(ctx, jobs, out); err != nil {
		return nil, err
	}
	index := p.IndexJobs()
	names := make([]string, len(index))
	var todo []Job
	for i, j := range index {
		names[i] = j.Name
		if take == nil || !take(j.Name, j.Sources, Present{}) { // the index shows no present
			todo = append(todo, j)
		}
	}
	return names, p.Run(ctx, todo, out)
}
