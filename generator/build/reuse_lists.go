package build

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/site"
)

// A warm build takes the lists' files (lists, terms, people, feeds,
// calendar, reports, the extensions' files, static files) from the output
// it replaces too, file by file, when it can prove each would come out
// the same. Every such file is made of the build (the site's digest, as
// in a page's key, which holds the present's offset), what it shows of
// the present (every list file which reports exist, render.ReportKeys;
// some the date, which action items are overdue, the metrics report or
// the present itself, as FinishReusing says with each file), and the
// pages it names among its sources (render.Job.Sources: the pages whose
// text it shows; a page's text is made of its file and the site). So a
// file's key is a digest of those
// and of the files of its sources, or of every page's file for a file
// that names none. A build without --now thus takes every list that does
// not show the time of day from a build earlier the same day, and those
// that show no date from a build of any day. The search index shows no
// present: it is one unit, whose files together show every page's text,
// so it is taken whole, and then not made at all, or made again (the
// pages indexed), its files then taken one by one as the lists' are.

// listEntry is what the cache keeps of one list file.
type listEntry struct {
	Key   [32]byte
	Stamp output.Stamp
}

// indexEntry is what the cache keeps of the search index's files.
type indexEntry struct {
	Key    [32]byte
	Files  []string
	Stamps []output.Stamp
}

// listKeys makes the keys of list files.
type listKeys struct {
	base  [32]byte // the build (with the present's offset), the names
	marks [32]byte // which action items are overdue
	all   [32]byte // every page's facts and file
	urls  [32]byte // where links may lead (siteDigests.urls)
	// reports are the reports that exist (render.ReportKeys), read with
	// the first list file's key; day, now and report are the present's
	// date, the present and the digest of the metrics report.
	reports *string
	day     string
	now     []byte
	report  [32]byte
	// pages are the digests of each page's source, file and facts and
	// of the pages it shows (reuser.sourceDigest), by source: a list
	// file's key is one digest over those of its sources (the largest
	// name ten thousand).
	pages map[string][32]byte
	// src holds the sources that are not pages: a file beside a page (an
	// image) is copied as it is, so its bytes are in the copy's key.
	src fs.FS
	// long keeps the digest of a long list of sources by its first
	// element's address: the search index's shards all name the same
	// slice of every page, and hashing ten thousand digests for each of
	// four hundred shards took a third of a second.
	long map[longKey]longSources
	// own are the digests of each page's source, file and own facts
	// alone: the calendar shows of its events only what their own front
	// matter says (see calendarFile), under the theme's layouts.
	own map[string][32]byte
}

// longKey names a long list of sources by its first element's address,
// and which of the pages' digests its key is made of.
type longKey struct {
	first *string
	own   bool
}

// longSources is the digest of a list of sources, and its length.
type longSources struct {
	n   int
	sum [32]byte
}

// longList is how many sources make a list worth keeping the digest of.
const longList = 256

func newListKeys(u *reuser, s *site.Site, src fs.FS) *listKeys {
	k := &listKeys{pages: make(map[string][32]byte, len(s.Pages)), own: map[string][32]byte{}, src: src}
	h := sha256.New()
	io.WriteString(h, reuseVersion+" lists\x00")
	h.Write(u.digests.lists[:])
	k.day = u.day
	k.now, _ = u.now.MarshalBinary()
	k.report = u.report
	h.Write(u.digests.names[:])
	all, marks := sha256.New(), sha256.New()
	all.Write(u.digests.all[:])
	for _, p := range s.Pages {
		writeField(marks, overdueMarks(p, u.now))
		writeField(all, p.Source)
		all.Write(p.Sum[:])
		k.pages[p.Source] = u.sourceDigest(p)
		if !u.digests.ownLayouts {
			k.own[p.Source] = ownDigest(p)
		}
	}
	k.base, k.all, k.marks, k.urls = sum(h), sum(all), sum(marks), u.digests.urls
	return k
}

// key is a list file's key; shows is what it shows of the present.
func (k *listKeys) key(name string, sources []string, shows render.Present) [32]byte {
	// The digest of base, the present it shows, name and the sources'
	// parts, written as they come: the search index's files each name
	// every page, and one slice of them all would be a third of a
	// megabyte a file at 10,000 pages.
	h := sha256.New()
	var buf [binary.MaxVarintLen64 + 40]byte
	h.Write(k.base[:])
	if k.reports != nil {
		writeField(h, *k.reports)
	}
	if shows.Exact {
		writeField(h, "now "+string(k.now))
	} else if shows.Day {
		writeField(h, "day "+k.day)
	}
	if shows.Metrics {
		writeField(h, "report "+string(k.report[:]))
	}
	if shows.Marks {
		writeField(h, "marks "+string(k.marks[:]))
	}
	writeField(h, shows.Also)
	h.Write(binary.AppendUvarint(buf[:0], uint64(len(name))))
	io.WriteString(h, name)
	if showsBodies(name) {
		h.Write(k.urls[:])
	}
	pages, own := k.pages, calendarFile(name) && len(k.own) > 0
	if own {
		pages = k.own
	}
	switch {
	case len(sources) == 0:
		h.Write(k.all[:])
	case len(sources) >= longList:
		// The list's own digest, made once for the slice.
		lk := longKey{&sources[0], own}
		l, ok := k.long[lk]
		if !ok || l.n != len(sources) {
			// The map holds the slice's first element, so no other slice
			// can take its address while the keys are made.
			l = longSources{n: len(sources), sum: k.sourcesSum(pages, sources)}
			if k.long == nil {
				k.long = map[longKey]longSources{}
			}
			k.long[lk] = l
		}
		h.Write(append(append(buf[:0], 'L'), l.sum[:]...))
	default:
		k.writeSources(h, pages, sources, buf[:0])
	}
	return sum(h)
}

// showsBodies reports whether the list file made by job name shows a
// page's body as HTML, whose links may lead to any page: the home page
// shows its own, a report its narrative and its releases' highlights.
// Its key holds every page's place and URL (its sources' files hold the
// bodies).
func showsBodies(name string) bool {
	return name == "index.html" || strings.HasPrefix(name, "reports/")
}

// sourcesSum is the digest of a list of sources as key writes them.
func (k *listKeys) sourcesSum(pages map[string][32]byte, sources []string) [32]byte {
	h := sha256.New()
	var buf [binary.MaxVarintLen64 + 40]byte
	k.writeSources(h, pages, sources, buf[:0])
	return sum(h)
}

// writeSources writes each source's part of a key: a page's digest, or
// another file's name and bytes.
func (k *listKeys) writeSources(h hash.Hash, pages map[string][32]byte, sources []string, buf []byte) {
	for _, src := range sources {
		if d, ok := pages[src]; ok {
			h.Write(append(append(buf[:0], 'p'), d[:]...))
			continue
		}
		// Not a page: its name, never the same as a page's digest, and
		// the bytes of the file of that name, if there is one (a name
		// that is no file, such as a list's lengths, stands for itself).
		h.Write(binary.AppendUvarint(append(buf[:0], '?'), uint64(len(src))))
		io.WriteString(h, src)
		h.Write(k.appendFile(buf[:0], src))
	}
}

// appendFile appends the digest of the source file name, if there is
// one. A file that cannot be read gives a key no build had, so that
// its copy is made again (and fails as it would in a cold build).
func (k *listKeys) appendFile(b []byte, name string) []byte {
	// A name with a NUL byte (render.Job's names that are no file) is
	// never opened: the system refuses it, which is not "no such file".
	if k.src == nil || !fs.ValidPath(name) || strings.IndexByte(name, 0) >= 0 {
		return b
	}
	f, err := k.src.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return b
	}
	if err == nil {
		defer f.Close()
		h := sha256.New()
		if _, err = io.Copy(h, f); err == nil {
			return h.Sum(append(b, 'f'))
		}
	}
	return binary.AppendVarint(append(b, 'x'), time.Now().UnixNano())
}

// indexKey is the search index's key.
func (k *listKeys) indexKey() [32]byte {
	h := sha256.New()
	h.Write(k.base[:])
	writeField(h, "search index")
	h.Write(k.all[:])
	return sum(h)
}

func writeField(h hash.Hash, s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	io.WriteString(h, s)
}

// takeIndex links the last build's search index files when its key is
// this build's: then the build need not index anything.
func (u *reuser) takeIndex() bool {
	e := u.oldIndex
	if e == nil || e.Key != u.lists.indexKey() || !u.out.Reuse(e.Files, e.Stamps) {
		return false
	}
	u.nextIndex, u.indexTaken = e, true
	for _, name := range e.Files {
		// Each file's own key, for a build that makes the index again
		// but may take the files whose sources are unchanged (a record
		// file shows four pages).
		if le, ok := u.oldLists[name]; ok {
			u.nextLists[name] = le
		}
	}
	return true
}

// takeList links the last build's file of this name when its key is this
// build's; either way it notes the key for the next build.
func (u *reuser) takeList(name string, sources []string, shows render.Present) bool {
	if u.lists.reports == nil {
		r := u.prep.ReportKeys()
		u.lists.reports = &r
	}
	k := u.lists.key(name, sources, shows)
	u.listKeys[name] = k
	e, ok := u.oldLists[name]
	if !ok || e.Key != k || !u.out.Reuse([]string{name}, []output.Stamp{e.Stamp}) {
		return false
	}
	u.listsTaken++
	return true
}

// listsDone keeps every list file's key and stamp, and the search
// index's files (those named, when the index was made), for the next build.
func (u *reuser) listsDone(indexFiles []string) {
	for name, k := range u.listKeys {
		if st, ok := u.out.Stamp(name); ok {
			u.nextLists[name] = listEntry{Key: k, Stamp: st}
		}
	}
	if u.nextIndex != nil || indexFiles == nil {
		return
	}
	e := &indexEntry{Key: u.lists.indexKey(), Files: slices.Clone(indexFiles)}
	for _, name := range e.Files {
		st, ok := u.out.Stamp(name)
		if !ok {
			return
		}
		e.Stamps = append(e.Stamps, st)
	}
	u.nextIndex = e
}
