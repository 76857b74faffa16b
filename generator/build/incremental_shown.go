package build

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"almanac/generator/calendar"
	"almanac/generator/content"
	"almanac/generator/render"
	"almanac/generator/site"
	"almanac/generator/sitefs"
)

// What the lists show of a page whose body alone changed. Its front
// matter is as it was, so a list, a term page, a person's page, the
// calendar or the metrics show of it what they showed; only a few files
// show what comes of a body:
//
//   - the search index (the page's whole text), rendered apart (see Run);
//   - the Atom feed (an excerpt of the text, for an entry with no summary);
//   - the reports (a release's highlights, a narrative's HTML);
//   - the home page (the home page's own body);
//   - whatever shows a file that is not Markdown (an image, a CSV), whose
//     bytes are all it has.
//
// The default theme's list layouts show no body; a site whose own layouts
// (or the theme's) let a list show one (body, .Rendered, .Body, the table
// of contents, the word count) has every list that names a changed page
// rendered again, as when its front matter changes.

// showsBody reports whether the file made by job name may show something
// of the body of the page at src, when only that body changed.
func (s *Settling) showsBody(name, src string, pg *site.Page) bool {
	switch {
	case !content.IsMarkdown(src):
		return true
	case name == "index.xml", strings.HasPrefix(name, "search/"):
		return true
	case name == "index.html":
		return src == s.home
	case strings.HasPrefix(name, "reports/"):
		return pg == nil || pg.Release != nil || !isTyped(pg.Kind)
	}
	return false
}

func isTyped(k site.Kind) bool {
	for _, ki := range site.TypedKinds() {
		if ki.Name == k {
			return true
		}
	}
	return false
}

// shows reports whether a list job shows what changed: a file among its
// sources that changed, unless only that file's body changed and the job
// shows no body.
func (s *Settling) shows(j render.Job) bool {
	relations := namesRelations(j.Name) || s.calendarOwn && calendarFile(j.Name)
	for _, src := range j.Sources {
		if !s.w.sources[src] || relations && s.w.shown[src] {
			continue
		}
		if !s.w.bodies[src] || s.listsShowBodies || s.showsBody(j.Name, src, s.bodyPages[src]) {
			return true
		}
	}
	return false
}

// namesRelations reports whether the file made by job name names among
// its sources every page it shows anything of, the pages its pages are
// related to included (the stories of a release it lists): the reports
// do (see report.Index.Reads). Such a file shows nothing new of a page
// marked changed only because that page shows a changed one.
func namesRelations(name string) bool {
	return strings.HasPrefix(name, "reports/")
}

// The calendar (its month pages and its two feeds) shows of each release,
// post-mortem and decision that its sources name only what that page's
// own front matter says: no release's stories, no incident's releases.
// So a release marked changed because one of its stories did changes
// nothing there: at 10,000 pages a story's title edit rendered 62 month
// pages again for nothing. That holds of the theme's layouts; a site
// with its own calendar layout, base layout or partials may show more of
// an event's page, and has the calendar rendered as any list.

// calendarFile reports whether the file made by job name is the
// calendar's.
func calendarFile(name string) bool {
	return strings.HasPrefix(name, "calendar/") || name == calendar.CalendarFeed || name == calendar.ReleasesFeed
}

// calendarLayoutsOwn reports whether the site's own layouts leave the
// calendar's to the theme: no calendar.html, baseof.html or partial of
// its own. Any doubt counts as no.
func calendarLayoutsOwn(site fs.FS) bool {
	if site == nil {
		return true
	}
	for _, name := range []string{"layouts/calendar.html", "layouts/" + baseof} {
		if _, err := fs.Stat(site, name); !errors.Is(err, fs.ErrNotExist) {
			return false
		}
	}
	partials, err := fs.Glob(site, "layouts/partials/*.html")
	return err == nil && len(partials) == 0
}

// actionPattern finds template actions; bodyWords, within one, what
// reads a page's body or what is made of it; quoted, the names a
// template action calls; defined, the names a file defines.
var (
	actionPattern = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	bodyWords     = regexp.MustCompile(`\b(body|Body|Rendered|Plain|TOC|hasTOC|Words)\b`)
	homeOwnBody   = regexp.MustCompile(`^\{\{-?\s*body\s+\.(Page)?\s*-?\}\}$`)
	quoted        = regexp.MustCompile(`"([^"]+)"`)
	definedName   = regexp.MustCompile(`\bdefine\s+"([^"]+)"`)
)

// layoutsShowBodies reports whether a layout that is not a content page's
// own may show a page's body: it reads one itself, or calls a partial or
// a template that does. A content page's own layout shows its body (that
// file is rendered by Apply); the home layout may show the home page's
// own body ({{body .}}), which showsBody knows of. Any doubt (a layout
// that cannot be read) counts as yes.
func layoutsShowBodies(files fs.FS) bool {
	own := map[string]bool{"page.html": true}
	for _, k := range site.TypedKinds() {
		own[k.Layout] = true
	}
	type layout struct {
		name    string // under layouts/
		actions []string
		defines []string
	}
	var all []layout
	for _, pattern := range []string{"layouts/*.html", "layouts/partials/*.html"} {
		names, err := fs.Glob(files, pattern)
		if err != nil {
			return true
		}
		for _, name := range names {
			data, err := fs.ReadFile(files, name)
			if err != nil {
				return true
			}
			l := layout{name: strings.TrimPrefix(name, "layouts/")}
			for _, a := range actionPattern.FindAllString(string(data), -1) {
				l.actions = append(l.actions, a)
				if m := definedName.FindStringSubmatch(a); m != nil {
					l.defines = append(l.defines, m[1])
				}
			}
			all = append(all, l)
		}
	}
	// Which files read a body, directly or through what they call, until
	// nothing more is found.
	reads := map[string]bool{}   // by file
	readers := map[string]bool{} // template names (file names, defined names) that read
	for changed := true; changed; {
		changed = false
		for _, l := range all {
			if reads[l.name] {
				continue
			}
			for _, a := range l.actions {
				if l.name == "home.html" && homeOwnBody.MatchString(a) {
					continue
				}
				calls := false
				for _, m := range quoted.FindAllStringSubmatch(a, -1) {
					calls = calls || readers[m[1]]
				}
				if calls || bodyWords.MatchString(stripQuotedReaders(a)) {
					reads[l.name] = true
					changed = true
					// Partials and baseof.html are in every layout's set
					// of templates, so what they define may be called from
					// any; a layout's own templates are its alone.
					if !strings.HasPrefix(l.name, "partials/") && l.name != baseof {
						break
					}
					readers[path.Base(l.name)] = true
					for _, d := range l.defines {
						readers[d] = true
					}
					break
				}
			}
		}
	}
	for _, l := range all {
		if reads[l.name] && !own[l.name] && !strings.HasPrefix(l.name, "partials/") {
			return true
		}
	}
	return false
}

// stripQuotedReaders leaves string literals out of an action, so that a
// word in a translation key or a class name ("toc.title") is not taken
// for a field; the names it calls are looked up apart.
func stripQuotedReaders(action string) string {
	return quoted.ReplaceAllString(action, `""`)
}

const baseof = "baseof.html"

// listsShowBodies is layoutsShowBodies of the site's layouts over the
// theme's, worked out once per set of templates, as calendarOwn is.
func (x *Incremental) listsShowBodies() bool {
	x.readLayouts()
	return x.bodiesShown
}

// calendarOwn is calendarLayoutsOwn of the site's layouts, worked out
// once per set of templates.
func (x *Incremental) calendarOwn() bool {
	x.readLayouts()
	return x.calendarShowsOwn
}

func (x *Incremental) readLayouts() {
	if x.bodiesFor != x.renderer || x.renderer == nil {
		x.bodiesFor = x.renderer
		x.bodiesShown = layoutsShowBodies(sitefs.Overlay{Site: x.b.opts.Source, Theme: x.b.opts.Theme})
		x.calendarShowsOwn = calendarLayoutsOwn(x.b.opts.Source)
	}
}
