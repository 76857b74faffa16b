package render

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sync"

	"almanac/generator/internal/binrec"
	"almanac/generator/search"
	"almanac/generator/site"
)

// A build with a cache folder keeps its search index there (SearchState),
// so that the next build indexes only the pages whose documents changed:
// the index in its kept form (search.ReadLive), and per document its
// page's source, two digests and its record. A page's text digest covers
// what its document holds, with the page's plain text as its digest
// (site.Rendered.PlainSum), so that a page taken from the last build
// need not bring its text back; its head digest covers the rest of its
// record (URL, title, date, badges). A page whose text digest is the one
// kept keeps its postings; one whose head digest is too keeps its record.
// A page that changed is indexed again with its whole text, which a page
// taken from the last build asks of the build (its plain function).
//
// The file:
//
//	magic, key, the SHA-256 of the body, len(index), len(docs)
//	body: the index's kept form, the documents, the records
//
// The key says which program wrote it (the tokenizer is the program's);
// a file of another key, or whose body is not the one its digest names,
// is not read, and the build indexes every page, writing a new one.

const stateMagic = "almanac search state 1\n"

const stateHead = len(stateMagic) + 32 + 32 + 8 + 8

// SearchState is a build's search index kept for the next build. Safe
// for concurrent use.
type SearchState struct {
	path  string
	key   [32]byte
	plain func(*site.Page) (string, error)

	// The last build's: its index (nil when there was none to read), its
	// documents by source, and the file its records are read from.
	live *search.Live
	docs map[string]stateDoc
	old  *os.File
	recs int64 // where the old file's records start

	begin sync.Once
	mu    sync.Mutex
	next  []stateDoc // this build's, by document number
	tmp   *os.File   // the file written, renamed over path by Save
	err   error      // writing it failed: nothing is saved
	// replaced counts the documents indexed again in this build.
	replaced int
}

// stateDoc is one document of a kept index.
type stateDoc struct {
	source     string
	num        int // its number in the last build
	text, head [32]byte
	noted      bool   // indexed in this build
	raw        []byte // its record, made in this build
	off, n     int64  // or where it is among the old file's records
}

// ReadSearchState reads the index a build kept at path with the same key;
// when there is none (or it does not read back), the state is empty and
// the build indexes every page. plain returns a page's whole plain text
// when its Rendered was cut (a page taken from the last build). Save or
// Close it once the build is done.
func ReadSearchState(path string, key [32]byte, plain func(*site.Page) (string, error)) *SearchState {
	s := &SearchState{path: path, key: key, plain: plain}
	if err := s.read(); err != nil {
		s.close()
		s.live, s.docs = nil, nil
	}
	return s
}

var errState = errors.New("search state does not read back")

// read reads the file at s.path: the body is index, records, documents.
func (s *SearchState) read() error {
	f, err := os.Open(s.path)
	if err != nil {
		return err
	}
	s.old = f
	var head [stateHead]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return err
	}
	h := head[len(stateMagic):]
	if string(head[:len(stateMagic)]) != stateMagic || [32]byte(h[:32]) != s.key {
		return errState
	}
	want := [32]byte(h[32:64])
	liveLen, docsLen := binary.LittleEndian.Uint64(h[64:72]), binary.LittleEndian.Uint64(h[72:80])
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() < int64(stateHead) {
		return errState
	}
	body := uint64(st.Size()) - uint64(stateHead)
	if liveLen > body || docsLen > body-liveLen {
		return errState
	}
	recsLen := body - liveLen - docsLen
	sum := sha256.New()
	index := make([]byte, liveLen)
	docs := make([]byte, docsLen)
	if _, err := io.ReadFull(f, index); err != nil {
		return err
	}
	sum.Write(index)
	if _, err := io.CopyN(sum, f, int64(recsLen)); err != nil {
		return err
	}
	if _, err := io.ReadFull(f, docs); err != nil {
		return err
	}
	sum.Write(docs)
	if [32]byte(sum.Sum(nil)) != want {
		return errState
	}
	live, err := search.ReadLive(index)
	if err != nil {
		return err
	}
	d := binrec.NewSharedDecoder(docs)
	n := d.Count(1)
	if n != live.Len() {
		return errState
	}
	s.docs = make(map[string]stateDoc, n)
	off := int64(0)
	for i := range n {
		doc := stateDoc{source: d.Str(), num: i}
		copy(doc.text[:], d.Bytes(32))
		copy(doc.head[:], d.Bytes(32))
		doc.off, doc.n = off, int64(d.Uint())
		off += doc.n
		if _, dup := s.docs[doc.source]; dup {
			return errState
		}
		s.docs[doc.source] = doc
	}
	if d.Bad() || d.Len() != 0 || off != int64(recsLen) {
		return errState
	}
	s.live, s.recs = live, int64(stateHead)+int64(liveLen)
	return nil
}

// Kept reports whether the state holds the last build's index: then only
// the pages that changed are indexed, and the others' text is not needed.
func (s *SearchState) Kept() bool { return s != nil && s.live != nil }

// Replaced is how many documents of the kept index this build indexed
// again.
func (s *SearchState) Replaced() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.replaced
}

// Save puts the index this build wrote in place of the last one; Close
// without Save drops it. The state is done either way.
func (s *SearchState) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.close()
	if s.tmp == nil {
		return s.err
	}
	err := s.err
	if cerr := s.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(s.tmp.Name(), s.path)
	}
	if err != nil {
		os.Remove(s.tmp.Name())
	}
	s.tmp = nil
	return err
}

// Close drops what this build wrote and lets the last build's file go.
func (s *SearchState) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tmp != nil {
		s.tmp.Close()
		os.Remove(s.tmp.Name())
		s.tmp = nil
	}
	s.close()
}

func (s *SearchState) close() {
	if s.old != nil {
		s.old.Close()
		s.old = nil
	}
}

// WithSearchState has Prepare index the site's pages through s: the
// pages a build renders or takes are indexed only when their document
// changed since s was kept, and the index is kept for the next build.
func WithSearchState(s *SearchState) PrepareOption {
	return func(pc *prepareConfig) { pc.searchCache = &SearchCache{state: s} }
}

// start numbers this build's documents: the kept index's documents are
// renumbered to them, by source.
func (s *SearchState) start(st *searchState) {
	s.begin.Do(func() {
		s.next = make([]stateDoc, len(st.pages))
		if s.live == nil {
			return
		}
		from := make([]int, len(st.pages))
		for i, pg := range st.pages {
			from[i] = -1
			if old, ok := s.docs[pg.Source]; ok {
				from[i] = old.num
			}
		}
		if err := s.live.Renumber(from); err != nil {
			s.live, s.err = nil, err
		}
	})
}

// note takes page pg, document n, into the state. With a kept index it
// indexes the page when its document changed and makes its record when
// that changed, and reports true; without one it only notes the page's
// digests, and reports false: the caller indexes it.
func (s *SearchState) note(p *Prepared, st *searchState, n int, pg *site.Page) (bool, error) {
	s.start(st)
	d := p.searchDoc(pg)
	text, head, err := p.searchDigests(pg, d)
	if err != nil {
		return false, err
	}
	doc := stateDoc{source: pg.Source, text: text, head: head, noted: true}
	if s.live == nil {
		s.mu.Lock()
		s.next[n] = doc
		s.mu.Unlock()
		return false, nil
	}
	old, had := s.docs[pg.Source]
	sameText := had && old.text == text
	if sameText && old.head == head {
		doc.off, doc.n = old.off, old.n
		s.mu.Lock()
		s.next[n] = doc
		s.mu.Unlock()
		return true, nil
	}
	if r := pg.Rendered; r != nil && r.Cut {
		// Taken from the last build: its whole text, for the index and
		// the record.
		plain, err := s.plain(pg)
		if err != nil {
			return true, err
		}
		if sha256.Sum256([]byte(plain)) != r.PlainSum {
			return true, errors.New("search: the text kept of " + pg.Source + " is not the page's")
		}
		d.Body[0] = plain
	}
	rec := p.searchRecord(pg, d)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !sameText {
		if err := s.live.Replace(n, d); err != nil {
			return true, err
		}
		s.replaced++
	}
	if doc.raw, err = s.live.Record(n, rec); err != nil {
		return true, err
	}
	s.next[n] = doc
	return true, nil
}

// finish writes the index: the kept one with every change in it, or, when
// there was none, x's, which every page was added to. Either is kept in
// a new file for Save.
func (s *SearchState) finish(p *Prepared, st *searchState) (*search.Live, *search.Output, error) {
	s.start(st)
	facets := p.searchFacets(st)
	if s.live == nil {
		w := s.create()
		var out *search.Output
		var err error
		if w == nil {
			out, err = st.index.Finish(facets, 0)
		} else {
			out, err = st.index.FinishKeeping(facets, 0, w)
			s.written(w, err, st.index.KeptRecord)
		}
		return nil, out, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for n := range s.next {
		if !s.next[n].noted {
			// Not indexed in this build (its page did not render).
			if err := s.live.Drop(n); err != nil {
				return nil, nil, err
			}
			s.next[n] = stateDoc{source: st.pages[n].Source}
		}
	}
	out, err := s.live.Finish(facets, 0)
	if err != nil {
		return nil, nil, err
	}
	if w := s.create(); w != nil {
		s.written(w, s.live.WriteState(w), s.record)
	}
	return s.live, out, nil
}

// record is document n's record, as this build made it or as the last
// one kept it. Safe for concurrent use once the pages are noted.
func (s *SearchState) record(n int) ([]byte, error) {
	doc := s.next[n]
	if doc.raw != nil || doc.n == 0 {
		return doc.raw, nil
	}
	b := make([]byte, doc.n)
	if s.old == nil {
		return nil, errState
	}
	if _, err := s.old.ReadAt(b, s.recs+doc.off); err != nil {
		return nil, err
	}
	return b, nil
}

// stateWriter writes the body of a state file, counting and hashing it.
type stateWriter struct {
	f   *os.File
	w   *bufio.Writer
	sum hash.Hash
	n   int64
}

func (w *stateWriter) Write(b []byte) (int, error) {
	w.sum.Write(b)
	w.n += int64(len(b))
	return w.w.Write(b)
}

// create starts this build's file, or returns nil when none can be
// written (then nothing is kept, and the next build indexes every page).
func (s *SearchState) create() *stateWriter {
	f, err := os.CreateTemp(filepath.Dir(s.path), filepath.Base(s.path)+".*")
	if err != nil {
		s.err = err
		return nil
	}
	w := &stateWriter{f: f, w: bufio.NewWriterSize(f, 256<<10), sum: sha256.New()}
	if _, err := f.Write(make([]byte, stateHead)); err != nil {
		s.fail(f, err)
		return nil
	}
	return w
}

// written ends the file whose index w wrote (err is how that went): the
// records, which record gives, then the documents, then the head.
func (s *SearchState) written(w *stateWriter, err error, record func(int) ([]byte, error)) {
	liveLen := w.n
	var e binrec.Encoder
	e.Uint(uint64(len(s.next)))
	for n := range s.next {
		if err != nil {
			break
		}
		var raw []byte
		if raw, err = record(n); err == nil {
			_, err = w.Write(raw)
		}
		doc := s.next[n]
		e.Str(doc.source)
		e.B = append(append(e.B, doc.text[:]...), doc.head[:]...)
		e.Uint(uint64(len(raw)))
	}
	if err == nil {
		docsLen := int64(len(e.B))
		_, err = w.Write(e.B)
		if err == nil {
			err = w.w.Flush()
		}
		head := make([]byte, 0, stateHead)
		head = append(append(append(head, stateMagic...), s.key[:]...), w.sum.Sum(nil)...)
		head = binary.LittleEndian.AppendUint64(head, uint64(liveLen))
		head = binary.LittleEndian.AppendUint64(head, uint64(docsLen))
		if err == nil {
			_, err = w.f.WriteAt(head, 0)
		}
	}
	if err != nil {
		s.fail(w.f, err)
		return
	}
	s.tmp = w.f
}

// fail drops a file that could not be written.
func (s *SearchState) fail(f *os.File, err error) {
	f.Close()
	os.Remove(f.Name())
	if s.err == nil {
		s.err = err
	}
}

// searchDigests are a page's text and head digests (see SearchState).
func (p *Prepared) searchDigests(pg *site.Page, d search.Doc) (text, head [32]byte, err error) {
	h := sha256.New()
	writeSearchText(h, pg, d)
	h.Sum(text[:0])
	raw, err := p.searchRecordHead(pg, d).Encode()
	if err != nil {
		return text, head, err
	}
	head = sha256.Sum256(raw)
	return text, head, nil
}

// writeSearchText writes what a page's search document holds to h, for
// a digest: its fields, each after its length, with the page's plain text
// as its digest (the first of the body's parts), so that a Rendered cut
// or whole writes the same.
func writeSearchText(h io.Writer, pg *site.Page, d search.Doc) {
	var n [binary.MaxVarintLen64]byte
	count := func(c int) { h.Write(n[:binary.PutUvarint(n[:], uint64(c))]) }
	field := func(s string) {
		count(len(s))
		io.WriteString(h, s)
	}
	list := func(l []string) {
		count(len(l))
		for _, s := range l {
			field(s)
		}
	}
	field(d.ID)
	field(d.Title)
	list(d.Keys)
	list(d.Lead)
	body := d.Body
	if pg.Rendered != nil {
		sum := plainSum(pg.Rendered)
		field(string(sum[:]))
		body = body[1:]
	}
	list(body)
}

// plainSum is the digest of a Rendered's whole text, computed once.
func plainSum(r *site.Rendered) [32]byte {
	if r.PlainSum == ([32]byte{}) && !r.Cut {
		r.PlainSum = sha256.Sum256([]byte(r.Plain))
	}
	return r.PlainSum
}
