package build

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"almanac/generator/content"
	"almanac/generator/site"
)

// configFile is the site's configuration, at the site root.
const configFile = "almanac.toml"

// sourceFile is one file of the content folder as Incremental knows it.
type sourceFile struct {
	exists   bool
	markdown bool
	page     *site.Page // as decoded now; nil when it could not be
	diags    site.Diagnostics

	// The file as the last good Apply used it: nil or false when it was
	// not part of that site.
	good      *site.Page
	goodMD    *site.Rendered
	goodZ     []byte // goodMD's HTML deflated, when goodMD is light (see lighten)
	goodAsset bool

	// The body as last rendered, and what it was rendered from.
	md      *site.Rendered
	mdZ     []byte // md's HTML deflated, when md is light (see lighten)
	mdFrom  uint64 // the hash of the body it was rendered from (see bodyHash)
	mdLine  int
	mdDiags site.Diagnostics
	charts  bool // the body has a chart block, drawn from the metrics report
}

func (x *Incremental) contentDir() string {
	return x.cfg.Content()
}

// note sorts changed paths into the work Apply has to do, and decodes the
// changed content files.
func (x *Incremental) note(ctx context.Context, paths []string) {
	var changed []string
	for _, p := range paths {
		p = strings.Trim(path.Clean("/"+p), "/")
		switch {
		case p == "" || p == configFile:
			x.dirty.reload = true
		case p == PreviewClient || content.IgnoredPath(p):
		case within(p, "layouts"):
			x.dirty.layouts = true
			x.markFiles(p)
		case within(p, "static"):
			x.dirty.statics = true
			x.markFiles(p)
		case within(p, x.contentDir()):
			changed = append(changed, p)
		}
	}
	if x.dirty.reload {
		return // everything is read again
	}
	x.refresh(ctx, x.expand(changed))
}

// markFiles marks p as changed, or, when p is a folder, the files in it.
func (x *Incremental) markFiles(p string) {
	if st, err := fs.Stat(x.b.opts.Source, p); err == nil && st.IsDir() {
		files, _ := walkFiles(context.Background(), x.b.opts.Source, p)
		for _, f := range files {
			x.dirty.mark(f)
		}
		return
	}
	x.dirty.mark(p)
}

// expand turns changed paths into the files they stand for: a folder's
// files now, and the files known to have been in it.
func (x *Incremental) expand(paths []string) []string {
	src := x.b.opts.Source
	set := map[string]bool{}
	for _, p := range paths {
		if st, err := fs.Stat(src, p); err == nil && st.IsDir() {
			files, _ := walkFiles(context.Background(), src, p)
			for _, f := range files {
				set[f] = true
			}
		} else {
			set[p] = true
		}
		for known := range x.files {
			if strings.HasPrefix(known, p+"/") {
				set[known] = true
			}
		}
	}
	list := make([]string, 0, len(set))
	for f := range set {
		list = append(list, f)
	}
	sort.Strings(list)
	return list
}

// refresh reads changed content files again: Markdown files are decoded,
// other files noted as there or gone; a metric page beside a changed file
// is decoded again too, since it may read it (a CSV of points); and when
// a file comes or goes, so is every page whose ref shortcodes were
// rewritten by looking for files (site.Page.Refs).
func (x *Incremental) refresh(ctx context.Context, names []string) {
	queued := map[string]bool{}
	var decode []string
	queue := func(name string) {
		x.dirty.mark(name)
		if !queued[name] {
			queued[name] = true
			decode = append(decode, name)
		}
	}
	moved := false // a file came or went
	for _, name := range names {
		st, err := fs.Stat(x.b.opts.Source, name)
		exists := err == nil && st.Mode().IsRegular()
		f := x.files[name]
		if f == nil {
			if !exists {
				continue
			}
			f = &sourceFile{markdown: content.IsMarkdown(name)}
			x.files[name] = f
		}
		moved = moved || f.exists != exists
		x.dirty.mark(name)
		f.exists = exists
		if !exists {
			f.page, f.diags = nil, nil
			continue
		}
		if f.markdown {
			queue(name)
			continue
		}
		for other, g := range x.files {
			if g.exists && g.page != nil && g.page.Kind == site.KindMetric && path.Dir(other) == path.Dir(name) {
				queue(other)
			}
		}
	}
	if moved {
		for other, g := range x.files {
			if g.exists && g.page != nil && g.page.Refs {
				queue(other)
			}
		}
	}
	x.decode(ctx, decode)
}

// reload reads almanac.toml and the whole content folder again. Rendered
// bodies are forgotten: the configuration shapes them (raw HTML, links
// under the base URL's path).
func (x *Incremental) reload(ctx context.Context) {
	src := x.b.opts.Source
	cfg, diags, ok := x.b.loadConfig() // the pipeline's config stage
	x.cfg, x.cfgDiags = cfg, diags
	if !ok {
		return
	}
	names, walkDiags := walkFiles(ctx, src, x.contentDir())
	x.cfgDiags.Append(walkDiags)
	for _, f := range x.files {
		f.exists, f.page, f.diags, f.md, f.mdZ, f.mdFrom, f.mdDiags = false, nil, nil, nil, nil, 0, nil
	}
	var decode []string
	for _, name := range names {
		f := x.files[name]
		if f == nil {
			f = &sourceFile{markdown: content.IsMarkdown(name)}
			x.files[name] = f
		}
		f.exists = true
		if f.markdown {
			decode = append(decode, name)
		}
	}
	x.decode(ctx, decode)
	x.gitDates = x.b.readGitDates(ctx)
	x.dirty.reload = false
	x.dirty.all = true
}

// decode decodes Markdown files on GOMAXPROCS goroutines. A file that is
// gone by the time it is read (removed, or renamed away, after it was
// listed) counts as removed: the event of its removal follows.
func (x *Incremental) decode(ctx context.Context, names []string) {
	parallel(ctx, len(names), func(i int) {
		f := x.files[names[i]]
		f.page, f.diags = content.LoadPage(x.b.opts.Source, names[i], x.cfg)
		if f.diags.HasErrors() && x.vanished(names[i]) {
			f.exists, f.page, f.diags = false, nil, nil
		}
	})
}

// vanished reports whether a site file is no longer there.
func (x *Incremental) vanished(name string) bool {
	_, err := fs.Stat(x.b.opts.Source, name)
	return errors.Is(err, fs.ErrNotExist)
}

// Gone lists the content files that the errors among diags are about and
// that are no longer there: files removed, or renamed away, after a step
// saw them and before it read them (an editor's temporary file). Such
// errors say nothing about the site; Apply with those paths takes the
// files as removed, and lets the failed work run again. Call it where
// Apply is called.
func (x *Incremental) Gone(diags site.Diagnostics) []string {
	var gone []string
	dir := x.contentDir()
	for _, d := range diags {
		name := d.Pos.File
		if d.Severity != site.Error || name == dir || !within(name, dir) || !fs.ValidPath(name) || slices.Contains(gone, name) {
			continue
		}
		if x.vanished(name) {
			gone = append(gone, name)
		}
	}
	return gone
}

// sameMatter reports whether two decodings of a page differ at most in
// their body, so that the linked site stays as it is.
func sameMatter(a, b *site.Page) bool {
	if a == nil || b == nil {
		return a == b
	}
	ca, cb := *a, *b
	ca.Body, cb.Body, ca.Rendered, cb.Rendered = nil, nil, nil, nil
	ca.Sum, cb.Sum = [32]byte{}, [32]byte{} // the bytes' hash: the body's too
	return reflect.DeepEqual(ca, cb)
}

// structural reports whether the changes alter the linked site: a page
// added, removed or with other front matter, an asset added or removed.
func (x *Incremental) structural() bool {
	for src := range x.dirty.sources {
		f, ok := x.files[src]
		switch {
		case !ok:
		case f.markdown && !sameMatter(f.page, f.good):
			return true
		case f.markdown && f.exists != (f.good != nil):
			return true
		case !f.markdown && f.exists != f.goodAsset:
			return true
		}
	}
	return false
}

// currentPages are the decoded pages of the files that exist.
func (x *Incremental) currentPages() []*site.Page {
	pages := make([]*site.Page, 0, len(x.files))
	for _, f := range x.files {
		if f.exists && f.page != nil {
			pages = append(pages, f.page)
		}
	}
	return pages
}

func (x *Incremental) currentAssets(pages []*site.Page) []string {
	var others []string
	for name, f := range x.files {
		if f.exists && !f.markdown {
			others = append(others, name)
		}
	}
	return content.Assets(others, pages, x.contentDir())
}
