package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"almanac/generator/metrics"
	"almanac/generator/site"
)

// The parts of a page's key (see reuse.go): everything a content page's
// files can show but its own file.

// siteDigests are the digests a page's key is made of, but for what is
// the page's own (pageKeyFacts).
type siteDigests struct {
	// site is the build: this program, the layouts, strings and static
	// files, almanac.toml, the options and the present's offset; with
	// content page layouts of the site's own (ownPageLayouts), every
	// page's facts and which action items are overdue too. lists is the
	// same for the lists (reuse_lists.go), with layouts of the site's own
	// of any kind (ownLayouts).
	site, lists [32]byte
	// all is the build with every page's facts.
	all [32]byte
	// names are the people, tags and services the site has, whose pages
	// a page links to by name; files every content file's name, which
	// ref shortcodes are looked up among; urls those and every page's
	// URL, aliases included: where any link may lead.
	names, files, urls [32]byte
	// where is what any link's destination is resolved against: the
	// build (its base URL, its content folder) and urls.
	where [32]byte
	// ownLayouts: the site has layouts of its own; ownPageLayouts: some
	// of them are content pages' (pageLayout).
	ownLayouts, ownPageLayouts bool
}

// pageLayout reports whether the site's layout file name (under layouts/)
// may be run by a content page: the base layout, a partial, or a content
// kind's layout. Every other top-level layout is a list's, parsed in a
// set of its own; the strings (i18n/) are the build's, and other files
// are not templates.
func pageLayout(name string) bool {
	rel := strings.TrimPrefix(name, "layouts/")
	switch {
	case rel == "baseof.html", rel == "page.html", strings.HasPrefix(rel, "partials/"):
		return true
	case strings.Contains(rel, "/") || !strings.HasSuffix(rel, ".html"):
		return false
	}
	for _, k := range site.TypedKinds() {
		if k.Layout == rel {
			return true
		}
	}
	return false
}

// siteDigest works out the digests of a page's key. A content page shows
// other pages' facts, but under the theme's layouts only those of
// site.Page.Shown, its links' targets, and a few looked up by name (see
// pageKeyFacts); a layout of the site's own may show anything, so then
// every page's facts are in every page's key (a content page's layout)
// or every list's (any layout).
func (b *Builder) siteDigest(r *run) (siteDigests, error) {
	var d siteDigests
	h := sha256.New()
	field, at := fieldWriters(h)
	field(reuseVersion)
	exe, err := executableDigest()
	if err != nil {
		return d, err
	}
	h.Write(exe[:])
	for i, fsys := range []fs.FS{b.opts.Theme, b.opts.Source} {
		if fsys == nil {
			continue
		}
		names, err := filesUnder(fsys, siteDirs...)
		if err != nil {
			return d, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return d, err
			}
			if i == 1 && strings.HasPrefix(name, "layouts/") {
				d.ownLayouts = true
				d.ownPageLayouts = d.ownPageLayouts || pageLayout(name)
			}
			field(name)
			field(string(data))
		}
		field("--")
	}
	if data, err := fs.ReadFile(b.opts.Source, "almanac.toml"); err == nil {
		field(string(data))
	}
	field(r.cfg.BaseURL)
	field(b.opts.LiveReload)
	if b.opts.Drafts {
		field("drafts")
	}
	// The present's offset in the site's time zone (a zone's name); what
	// else a page shows of the present, its layout says (pageKey).
	_, offset := r.now.In(siteZone(r.cfg)).Zone()
	field(time.Duration(offset * int(time.Second)).String())
	global := sum(h)

	s := r.site
	all := sha256.New()
	all.Write(global[:])
	field, at = fieldWriters(all)
	files := sha256.New()
	for _, p := range s.Pages {
		pageFacts(field, at, p)
		if d.ownLayouts {
			field(overdueMarks(p, r.now))
		}
		writeField(files, p.Source)
	}
	for _, a := range s.Assets {
		field(a)
		writeField(files, a)
	}
	d.all, d.files = sum(all), sum(files)
	urls := sha256.New()
	urls.Write(d.files[:])
	for _, p := range s.Pages {
		writeField(urls, p.URL)
		for _, a := range p.Aliases {
			writeField(urls, a)
		}
	}
	for _, u := range slices.Sorted(maps.Keys(s.ByURL)) {
		writeField(urls, u)
	}
	d.urls = sum(urls)
	d.where = sha256.Sum256(append(global[:], d.urls[:]...))
	d.site, d.lists = global, global
	if d.ownPageLayouts {
		d.site = d.all
	}
	if d.ownLayouts {
		d.lists = d.all
	}
	names := sha256.New()
	for _, list := range [][]*site.Term{s.Tags, s.Services} {
		for _, t := range list {
			writeField(names, t.Name)
			writeField(names, t.URL)
		}
		writeField(names, "--")
	}
	for _, p := range s.People {
		writeField(names, p.Name)
		writeField(names, p.URL)
	}
	d.names = sum(names)
	return d, nil
}

// fieldWriters return functions that write a string and a time to h, each
// with its length first.
func fieldWriters(h hash.Hash) (field func(string), at func(time.Time)) {
	field = func(s string) { writeField(h, s) }
	at = func(t time.Time) {
		b, _ := t.MarshalBinary()
		writeField(h, string(b))
	}
	return field, at
}

// pageKeyFacts writes what a content page's files show of the site beyond
// its own file, under the theme's layouts (an audit of them, which
// TestWarmBuildAfterFrontMatterEdits holds to a cold build):
//
//   - its own facts beyond its file (dates from git and the code's
//     history, a metric's points);
//   - the facts of the pages it shows (site.Page.Shown: a story's release
//     and decisions, a release's stories, incidents and hotfixes, ...),
//     which a preview renders it again for too;
//   - the people, tags and services, linked to by name (person, tag,
//     service), and the pages a post-mortem's action items track by id
//     (byID);
//   - with ref shortcodes in its body, which files there are.
//
// Where its body's links lead is in its key too (reuser.resolved).
func (u *reuser) pageKeyFacts(h hash.Hash, p *site.Page) {
	if d, ok := u.lists.pages[p.Source]; ok {
		h.Write(d[:]) // sourceDigest, worked out once for the lists
	} else {
		u.shownFacts(h, p)
	}
	h.Write(u.digests.names[:])
	if p.Refs {
		h.Write(u.digests.files[:])
	}
}

// sourceDigest is the digest of what a list file shows of a page it
// names among its sources: its path, its file, and its facts and those
// of the pages it shows. A list that shows a story shows its release's
// version, a release its stories: the preview renders a list again when
// one of those changes too. (The people, tags and services, which lists
// link to by name, are in every list's key.)
func (u *reuser) sourceDigest(p *site.Page) [32]byte {
	h := sha256.New()
	writeField(h, p.Source)
	h.Write(p.Sum[:])
	u.shownFacts(h, p)
	return sum(h)
}

// ownDigest is the digest of a page's path, file and own facts.
func ownDigest(p *site.Page) [32]byte {
	h := sha256.New()
	field, at := fieldWriters(h)
	field(p.Source)
	h.Write(p.Sum[:])
	pageFacts(field, at, p)
	return sum(h)
}

// shownFacts writes the facts of a page beyond its file, those of the
// pages it shows and which pages its action items track.
func (u *reuser) shownFacts(h hash.Hash, p *site.Page) {
	field, at := fieldWriters(h)
	pageFacts(field, at, p)
	for _, q := range p.Shown() {
		field("shown")
		pageFacts(field, at, q)
	}
	if pm := p.PostMortem; pm != nil {
		for _, a := range pm.ActionItems {
			if a.Tracking == "" {
				continue
			}
			if q := u.s.ByID[a.Tracking]; q != nil {
				field("tracks " + q.Source + "\x00" + q.URL)
			} else {
				field("tracks nothing")
			}
		}
	}
}

// pageFacts writes what other pages may show of a page.
func pageFacts(field func(string), at func(time.Time), p *site.Page) {
	field(p.Source)
	field(string(p.MatterSum[:]))
	field(p.Title)
	field(p.URL)
	at(p.Date)
	at(p.Lastmod)
	if st := p.Story; st != nil {
		at(st.FirstCommitAt)
		at(st.MergedAt)
		field(sourceFact(st.FirstCommitFrom))
		field(sourceFact(st.MergedFrom))
	}
	if rl := p.Release; rl != nil {
		at(rl.ReleasedAt)
		field(sourceFact(rl.ReleasedFrom))
	}
	if m := p.Metric; m != nil {
		// Points read from a CSV file beside the page, not its front
		// matter.
		for _, pt := range m.Points {
			at(pt.Date)
			field(strconv.FormatFloat(pt.Value, 'g', -1, 64))
		}
	}
}

// overdueMarks says which of a post-mortem's action items are overdue at
// now, one byte each; "" for other pages.
func overdueMarks(p *site.Page, now time.Time) string {
	pm := p.PostMortem
	if pm == nil {
		return ""
	}
	marks := make([]byte, len(pm.ActionItems))
	for i, a := range pm.ActionItems {
		marks[i] = '0'
		if a.Overdue(now) {
			marks[i] = '1'
		}
	}
	return string(marks)
}

func sourceFact(s *site.Source) string {
	if s == nil {
		return ""
	}
	var b bytes.Buffer
	gob.NewEncoder(&b).Encode(s)
	return b.String()
}

// siteZone is the site's time zone.
func siteZone(cfg site.Config) *time.Location {
	if cfg.Location == nil {
		return time.UTC
	}
	return cfg.Location
}

// reportDigest is the digest of the metrics report that ```chart blocks
// draw.
func reportDigest(r *metrics.Report) [32]byte {
	data, err := metrics.JSON(r)
	if err != nil {
		return [32]byte{} // such a report is never equal to another
	}
	return sha256.Sum256(data)
}

// filesUnder lists the files under the folders of fsys, sorted.
func filesUnder(fsys fs.FS, dirs ...string) ([]string, error) {
	var names []string
	for _, dir := range dirs {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				return err
			}
			if !d.IsDir() {
				names = append(names, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(names)
	return names, nil
}

var exeDigest = sync.OnceValues(func() ([32]byte, error) {
	name, err := os.Executable()
	if err != nil {
		return [32]byte{}, err
	}
	f, err := os.Open(name)
	if err != nil {
		return [32]byte{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [32]byte{}, err
	}
	return sum(h), nil
})

// executableDigest is the digest of this program: another build of
// almanac may render the same page otherwise.
func executableDigest() ([32]byte, error) { return exeDigest() }

func sum(h hash.Hash) [32]byte {
	var d [32]byte
	h.Sum(d[:0])
	return d
}
