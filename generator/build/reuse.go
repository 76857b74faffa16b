package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/site"
)

// A warm build takes a content page's files from the output it replaces
// when it can prove they would come out the same: when the page's key is
// the one the last build wrote them under. The key is a digest of all a
// content page's files can show:
//
//   - the build itself: this program (its executable's bytes), the
//     theme's and the site's layouts, strings and static files,
//     almanac.toml and the options that change output (base URL, drafts,
//     live reload);
//   - the build's present as far as the page shows it: its offset in the
//     site's time zone; its date, the whole of it or the metrics report
//     computed at it where the layout of the page's kind shows them
//     (render.PagePresent: a release's countdown shows the date, a
//     metric's series the report); and which action items are overdue:
//     in a post-mortem's own key for its own items, the one content page
//     of the theme that shows them, or the whole site's in every key
//     when the site has layouts of its own;
//   - what the page shows of other pages: under the theme's layouts, the
//     facts (source path, front matter bytes, title, URL, dates from git
//     and from the code's history, a metric's points from its CSV file)
//     of itself and of the pages it shows (site.Page.Shown), where its
//     body's links lead now, the people, tags and services it may link
//     to by name, the pages its action items track, and with ref
//     shortcodes which files there are (reuse_key.go); with content page
//     layouts of the site's own (its base layout, a partial, a content
//     kind's layout), every page's facts and the content folder's other
//     files' names, since such a layout may show any page's front matter
//     (a layout that shows another page's body is not supported);
//   - the page's own file, and for a page with ```chart blocks the
//     metrics report they draw.
//
// So a story, whose layout shows nothing of the present but its offset,
// is taken from a build of another day; a release is rendered again each
// day.
//
// So an edit to a body reuses every other page, and an edit to a front
// matter, a page added or a page removed every page that does not show
// it: a story's title renders the story, its release, the decisions
// that name it and the pages that link to it again. An edit to a layout
// or an option renders every page. The home page, lists, feeds and the
// search index are taken file by file as reuse_lists.go says. What a
// reused page contributes to them (its plain text, links, anchors,
// headings and the warnings its body gave) is kept with its key in the
// cache folder, beside the highlighting cache, and the files are checked
// to be the ones that build wrote (size and modification time) before
// they are linked into the staging folder.

const reuseVersion = "almanac page reuse 6"

// reuseEntry is what the cache keeps of one page.
type reuseEntry struct {
	Key    [32]byte
	Charts bool // its body has ```chart blocks: the report is in its key
	// Links is where its body's links led (reuser.resolved), checked
	// once the key is the same: the destinations are in its record. Where
	// is siteDigests.where then: while it is the same, so is Links.
	Links  [32]byte
	Where  [32]byte
	Files  []string
	Stamps []output.Stamp
	Off    int64 // its reuseRecord in the records file
	Len    int64
}

// reuseRecord is what a reused page restores.
type reuseRecord struct {
	Rendered site.Rendered // all but the HTML
	Diags    site.Diagnostics
}

// reuser reuses pages in one build and records them for the next.
type reuser struct {
	dir   string
	out   output.Reuser
	prep  *render.Prepared
	s     *site.Site
	links *linkResolver // this build's: where each page's links lead
	// digests are the parts of a key that are the site's (reuse_key.go).
	digests siteDigests
	report  [32]byte // the metrics report, for pages that draw it
	now     time.Time
	day     string // the present's date in the site's time zone
	// presents are what each kind's pages show of the present, worked
	// out before the first page is rendered (readPresents).
	kinds       []site.Kind
	presentOnce sync.Once
	presents    map[site.Kind]render.Present

	old     map[string]reuseEntry
	oldData *os.File

	mu      sync.Mutex
	next    map[string]reuseEntry
	newData *os.File
	w       *bufio.Writer
	off     int64
	failed  error
	reused  int
	renders int

	// The lists' files and the search index (reuse_lists.go).
	lists      *listKeys
	oldLists   map[string]listEntry
	oldIndex   *indexEntry
	listKeys   map[string][32]byte // this build's list files' keys
	nextLists  map[string]listEntry
	nextIndex  *indexEntry
	listsTaken int
	indexTaken bool
	// search is the search index kept for the next build (when this
	// one makes the index): with the last build's, a page taken from it
	// is indexed only if its document changed, so its text is not read.
	search *render.SearchState
}

// The cache holds an index (pages.idx) and the records file it names
// (pages-*.dat); a build writes a new records file, then swaps in the
// index that names it, then removes the old records: a reader sees an
// index and its own records, or the last ones, never a mix.
const (
	reuseIndexName = "pages.idx"
	reuseDataName  = "pages-*.dat"
)

// newReuser returns nil when pages cannot be reused in this build: no
// cache folder, or an output that cannot take files from the last one.
func (b *Builder) newReuser(r *run) *reuser {
	out, ok := r.out.(output.Reuser)
	if !ok || b.opts.CacheDir == "" {
		return nil
	}
	dir := filepath.Join(b.opts.CacheDir, "pages")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	u := &reuser{dir: dir, out: out, s: r.site, now: r.now, day: r.now.In(siteZone(r.cfg)).Format(time.DateOnly), next: map[string]reuseEntry{},
		listKeys: map[string][32]byte{}, nextLists: map[string]listEntry{}}
	var err error
	if u.digests, err = b.siteDigest(r); err != nil {
		return nil
	}
	u.report = reportDigest(r.report)
	for _, p := range r.site.Pages {
		if !slices.Contains(u.kinds, p.Kind) {
			u.kinds = append(u.kinds, p.Kind)
		}
	}
	u.newData, err = os.CreateTemp(dir, reuseDataName)
	if err != nil {
		return nil
	}
	u.w = bufio.NewWriterSize(u.newData, 1<<20)
	u.lists = newListKeys(u, r.site, b.opts.Source)
	u.readOld()
	u.sweep(time.Now().Add(-leftoverAge))
	return u
}

// leftoverAge is how old a temporary file of the cache folder must be to
// be taken for one a killed build left: a live build's are minutes old.
const leftoverAge = 24 * time.Hour

// sweep removes what builds that were killed left in the cache folder
// before they could rename or remove it, modified before the time given:
// records files no index names, and the temporary files of the index, the
// search index and the front matter trees (each tens of megabytes on a
// large site).
func (u *reuser) sweep(before time.Time) {
	entries, err := os.ReadDir(u.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(u.dir, name)
		if u.oldData != nil && p == u.oldData.Name() || p == u.newData.Name() {
			continue
		}
		leftover := false
		for _, pattern := range []string{reuseDataName, reuseIndexName + ".*", searchStateName + ".*", "matter.trees.*"} {
			if ok, _ := filepath.Match(pattern, name); ok {
				leftover = true
			}
		}
		if info, err := e.Info(); leftover && err == nil && info.Mode().IsRegular() && info.ModTime().Before(before) {
			os.Remove(p)
		}
	}
}

// readOld reads the last build's index; without one nothing is reused.
func (u *reuser) readOld() {
	f, err := os.Open(filepath.Join(u.dir, reuseIndexName))
	if err != nil {
		return
	}
	defer f.Close()
	var version, dataName string
	var old map[string]reuseEntry
	var lists map[string]listEntry
	var index indexEntry
	dec := gob.NewDecoder(bufio.NewReader(f))
	if dec.Decode(&version) != nil || version != reuseVersion || dec.Decode(&dataName) != nil ||
		dec.Decode(&old) != nil || dataName != filepath.Base(dataName) ||
		dec.Decode(&lists) != nil || dec.Decode(&index) != nil {
		return
	}
	data, err := os.Open(filepath.Join(u.dir, dataName))
	if err != nil {
		return
	}
	u.old, u.oldData, u.oldLists = old, data, lists
	if index.Key != ([32]byte{}) && len(index.Files) == len(index.Stamps) {
		u.oldIndex = &index
	}
}

// readPresents works out what each kind's pages show of the present. It
// reads the layouts, so it runs before any page is rendered: take, which
// every page but the home page goes through before it is rendered, runs
// it first (html/template rewrites a tree as it first runs it).
func (u *reuser) readPresents() {
	u.presents = make(map[site.Kind]render.Present, len(u.kinds))
	for _, k := range u.kinds {
		u.presents[k] = u.prep.PagePresent(k)
	}
}

// pagePresent is what a page of kind k shows of the present.
func (u *reuser) pagePresent(k site.Kind) render.Present {
	u.presentOnce.Do(u.readPresents)
	pr, ok := u.presents[k]
	if !ok {
		return render.Present{Day: true, Exact: true, Metrics: true}
	}
	return pr
}

// key is a page's key, but for where its body's links lead (resolved).
func (u *reuser) key(p *site.Page, charts bool) [32]byte {
	h := sha256.New()
	h.Write(u.digests.site[:])
	h.Write(p.Sum[:])
	if !u.digests.ownPageLayouts {
		u.pageKeyFacts(h, p)
	}
	pr := u.pagePresent(p.Kind)
	if charts || pr.Metrics {
		h.Write(u.report[:])
	}
	if pr.Exact {
		b, _ := u.now.MarshalBinary()
		writeField(h, "now "+string(b))
	} else if pr.Day {
		writeField(h, "day "+u.day)
	}
	if !u.digests.ownPageLayouts { // else the whole site's marks are in site
		h.Write([]byte(overdueMarks(p, u.now)))
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// resolved is the digest of where the links of p's body lead in this
// build: a page added, removed or moved elsewhere changes it for the
// pages that link there, and only for those. (With layouts of the site's
// own every page's URL is in every key.)
func (u *reuser) resolved(p *site.Page, links []site.Link) [32]byte {
	dests := linkDests(links)
	if u.digests.ownPageLayouts || len(dests) == 0 {
		return [32]byte{}
	}
	resolve := u.links.forPage(p)
	h := sha256.New()
	for _, dest := range dests {
		url, ok := resolve(dest)
		if !ok {
			url = "\x00" // no page's URL
		}
		writeField(h, dest)
		writeField(h, url)
	}
	return sum(h)
}

// linkDests are the destinations of links, sorted, each once.
func linkDests(links []site.Link) []string {
	if len(links) == 0 {
		return nil
	}
	dests := make([]string, len(links))
	for i, l := range links {
		dests[i] = l.Dest
	}
	slices.Sort(dests)
	return slices.Compact(dests)
}

// take reuses the page's files when its key and files are the last
// build's and those files are still in place, restoring its Rendered and
// the warnings its body gave. It returns false when the page must be
// rendered.
func (u *reuser) take(p *site.Page) (site.Diagnostics, bool) {
	u.presentOnce.Do(u.readPresents)
	e, ok := u.old[p.Source]
	if !ok || e.Key != u.key(p, e.Charts) || !u.prep.Reusable(p) {
		return nil, false
	}
	if files := u.prep.PageFiles(p); !slices.Equal(files, e.Files) {
		return nil, false
	}
	raw := make([]byte, e.Len)
	if _, err := u.oldData.ReadAt(raw, e.Off); err != nil {
		return nil, false
	}
	// The whole text is read for the search index alone, and not when
	// the index kept knows it.
	rec, err := decodeRecord(raw, !u.indexTaken && !u.search.Kept())
	if err != nil || e.Where != u.digests.where && u.resolved(p, rec.Rendered.Links) != e.Links {
		return nil, false
	}
	e.Where = u.digests.where
	if !u.out.Reuse(e.Files, e.Stamps) {
		return nil, false
	}
	p.Rendered = &rec.Rendered
	u.keep(p.Source, e, raw, true)
	return rec.Diags, true
}

// record keeps a freshly rendered page for the next build: its
// Rendered (before the plain text is cut) and its body's warnings.
func (u *reuser) record(p *site.Page, charts bool, diags site.Diagnostics) {
	if diags.HasErrors() || !u.prep.Reusable(p) {
		return
	}
	e := reuseEntry{Key: u.key(p, charts), Charts: charts, Links: u.resolved(p, p.Rendered.Links), Where: u.digests.where,
		Files: u.prep.PageFiles(p)}
	for _, name := range e.Files {
		st, ok := u.out.Stamp(name)
		if !ok {
			return
		}
		e.Stamps = append(e.Stamps, st)
	}
	rec := reuseRecord{Rendered: *p.Rendered, Diags: diags}
	rec.Rendered.HTML = ""
	// Deflated: most of a record is the page's text, and a large
	// site's cache is uploaded and restored by CI between builds.
	buf, err := encodeRecord(&rec)
	if err != nil {
		return
	}
	u.keep(p.Source, e, buf.Bytes(), false)
	recordBuffers.Put(buf)
}

// keep appends a record to the new records file.
func (u *reuser) keep(source string, e reuseEntry, raw []byte, reused bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if reused {
		u.reused++
	} else {
		u.renders++
	}
	if u.failed != nil {
		return
	}
	if _, err := u.w.Write(raw); err != nil {
		u.failed = err
		return
	}
	e.Off, e.Len = u.off, int64(len(raw))
	u.off += e.Len
	u.next[source] = e
}

// save swaps in the new index and records, once the build's output is
// in place, and removes the last build's records.
func (u *reuser) save() error {
	if u.search != nil {
		u.search.Save() // a failure only makes the next build index every page
	}
	oldData := ""
	if u.oldData != nil {
		oldData = u.oldData.Name()
	}
	u.close()
	err := u.failed
	if err == nil {
		err = u.w.Flush()
	}
	if cerr := u.newData.Close(); err == nil {
		err = cerr
	}
	var idx *os.File
	if err == nil {
		idx, err = os.CreateTemp(u.dir, reuseIndexName+".*")
	}
	if err == nil {
		enc := gob.NewEncoder(idx)
		err = enc.Encode(reuseVersion)
		if err == nil {
			err = enc.Encode(filepath.Base(u.newData.Name()))
		}
		if err == nil {
			err = enc.Encode(u.next)
		}
		if err == nil {
			err = enc.Encode(u.nextLists)
		}
		if err == nil {
			index := indexEntry{}
			if u.nextIndex != nil {
				index = *u.nextIndex
			}
			err = enc.Encode(index)
		}
		if cerr := idx.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(idx.Name(), filepath.Join(u.dir, reuseIndexName))
		}
		if err != nil {
			os.Remove(idx.Name())
		}
	}
	if err != nil {
		os.Remove(u.newData.Name())
		return err
	}
	if oldData != "" && oldData != u.newData.Name() {
		os.Remove(oldData)
	}
	return nil
}

// close lets go of the last build's records file.
func (u *reuser) close() {
	if u.oldData != nil {
		u.oldData.Close()
		u.oldData = nil
	}
}

// abort drops the new records (the build failed).
func (u *reuser) abort() {
	if u.search != nil {
		u.search.Close()
	}
	u.close()
	u.newData.Close()
	os.Remove(u.newData.Name())
}
