package build

import (
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"io"
	"strings"
	"sync"

	"almanac/generator/output"
	"almanac/generator/render"
	"almanac/generator/search"
	"almanac/generator/site"
)

// A page's body as HTML is only read when the page's own file is
// rendered: by Apply, for the pages a change touches, and by Settle, for
// every page when layouts change. At 10,000 pages the HTML of every body
// was 130 MiB of the preview's heap, to be read again only after a layout
// change. So once a page's files are written, its Rendered is replaced by
// a light copy without the HTML, which is kept deflated beside it (a
// sixth of the size with bodyCodec's dictionary, a few milliseconds for
// a layout change to read back a hundred pages). The copies are new values: a Rendered
// that a Settle's snapshot holds is never changed.
//
// The plain text goes the same way (61 MB at 10,000 pages): only the
// search index reads all of it, and the index is kept from one Settle to
// the next, so it reads the text of a page whose text changed (its digest,
// PlainSum, tells) and, for the record files it writes again, of their
// four pages. The light copy keeps the lead that lists and feeds show
// (summaryLead, as a build does) and is marked Cut. The text is deflated
// before the HTML, in one stream: the HTML repeats the text's words, which
// the stream then costs little, and the text reads back without the HTML.
//
// The home page's body (the home page shows it), those of the plain pages
// under reports/ (a report may show one as its narrative) and, when a
// list layout shows bodies, every page's stay as they are.

// deflaters and inflaters are BestSpeed writers and readers without a
// dictionary, for the warm build's records (reuse_record.go).
var (
	deflaters = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
		return w
	}}
	inflaters sync.Pool
)

// inflater reads the deflated z with a pooled reader (each holds tens
// of kilobytes of state); put it back in inflaters when done.
func inflater(z []byte) io.ReadCloser {
	rd, _ := inflaters.Get().(io.ReadCloser)
	if rd == nil {
		return flate.NewReader(bytes.NewReader(z))
	}
	rd.(flate.Resetter).Reset(bytes.NewReader(z), nil)
	return rd
}

// bodyCodec deflates the light bodies with a preset dictionary: the end
// of the first body it is given, text and HTML. Bodies share their markup
// and many of their words, which a body deflated alone pays for each
// time: with the dictionary (at level 2, the fastest that takes one, as
// fast as BestSpeed) the deflated bodies of a generated site take a
// quarter less. The dictionary stays for the Incremental's life, as the
// bodies deflated with it do. The zero value is ready to use.
type bodyCodec struct {
	once      sync.Once
	dict      []byte
	deflaters sync.Pool
	inflaters sync.Pool
}

// bodyLevel is the deflate level of light bodies; bodyDictMax the most
// of the first body taken for the dictionary (deflate looks back 32 KiB).
const (
	bodyLevel   = 2
	bodyDictMax = 32 << 10
)

// start makes the dictionary of the first body deflated, once.
func (c *bodyCodec) start(text, html string) {
	c.once.Do(func() {
		d := text + html
		c.dict = []byte(d[max(0, len(d)-bodyDictMax):])
		c.deflaters.New = func() any {
			w, _ := flate.NewWriterDict(io.Discard, bodyLevel, c.dict)
			return w
		}
	})
}

// light returns a copy of r without its HTML and with only the lead of
// its plain text (unless the whole is no longer than the lead), and the
// two deflated: the lengths of the text kept (0 when none) and of the
// HTML, then the text and the HTML as one stream.
func (c *bodyCodec) light(r *site.Rendered) (*site.Rendered, []byte) {
	light := *r
	light.HTML = ""
	text := ""
	if !r.Cut {
		if lead := summaryLead(r.Plain); len(lead) < len(r.Plain) {
			text, light.Plain, light.Cut = r.Plain, lead, true
			if light.PlainSum == ([32]byte{}) {
				light.PlainSum = sha256.Sum256([]byte(text))
			}
		}
	}
	c.start(text, r.HTML)
	head := binary.AppendUvarint(nil, uint64(len(text)))
	head = binary.AppendUvarint(head, uint64(len(r.HTML)))
	buf := bytes.NewBuffer(head)
	w := c.deflaters.Get().(*flate.Writer)
	w.Reset(buf)
	io.WriteString(w, text)
	io.WriteString(w, r.HTML)
	w.Close()
	c.deflaters.Put(w)
	return &light, bytes.Clone(buf.Bytes())
}

// reading is a pooled reader of light bodies with a buffer to copy
// through: each holds tens of kilobytes of state, which a layout change,
// reading back every body, would otherwise make anew for each.
type reading struct {
	src bytes.Reader
	rd  io.ReadCloser
	buf [8 << 10]byte
}

// readBack reads what light deflated in z: the whole text, when it kept
// one, and the HTML when html is set. It makes nothing but the two
// strings, each of the length the header gives: a layout change reads
// back every body, and buffers grown as they are filled made three times
// the garbage of what they read.
func (c *bodyCodec) readBack(z []byte, html bool) (text, body string) {
	n, k := binary.Uvarint(z)
	if k <= 0 {
		return "", ""
	}
	m, k2 := binary.Uvarint(z[k:])
	if k2 <= 0 {
		return "", ""
	}
	z = z[k+k2:]
	rg, _ := c.inflaters.Get().(*reading)
	if rg == nil {
		rg = new(reading)
		rg.src.Reset(z)
		rg.rd = flate.NewReaderDict(&rg.src, c.dict)
	} else {
		rg.src.Reset(z)
		rg.rd.(flate.Resetter).Reset(&rg.src, c.dict)
	}
	defer c.inflaters.Put(rg)
	text = rg.readString(int(n))
	if html {
		body = rg.readString(int(m))
	}
	return text, body
}

// readString reads the next n bytes as a string.
func (rg *reading) readString(n int) string {
	if n == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(n)
	for b.Len() < n {
		k, err := rg.rd.Read(rg.buf[:min(len(rg.buf), n-b.Len())])
		b.Write(rg.buf[:k])
		if err != nil {
			break
		}
	}
	return b.String()
}

// heavy returns a copy of the light r with its HTML and its whole text
// read back from z.
func (c *bodyCodec) heavy(r *site.Rendered, z []byte) *site.Rendered {
	text, body := c.readBack(z, true)
	heavy := *r
	heavy.HTML = body
	if r.Cut && text != "" {
		heavy.Plain, heavy.Cut = text, false
	}
	return &heavy
}

// whole returns a copy of the light r with its whole text read back from
// z, and no HTML; r itself when its text is whole.
func (c *bodyCodec) whole(r *site.Rendered, z []byte) *site.Rendered {
	if !r.Cut {
		return r
	}
	text, _ := c.readBack(z, false)
	if text == "" {
		return r
	}
	whole := *r
	whole.Plain, whole.Cut = text, false
	return &whole
}

// keepsHTML reports whether a page's Rendered keeps its HTML: the home
// page's, those of the plain pages that a report may show as its
// narrative, and every page's when a list shows bodies.
func (x *Incremental) keepsHTML(s *site.Site, p *site.Page) bool {
	return p == s.Home || mayNarrate(s, p) || x.listsShowBodies()
}

// mayNarrate reports whether p may be the narrative of a report, which
// the report shows (its HTML, read by the reports extension from the
// page's Rendered): a plain page under the content folder's reports/. The
// other plain pages (the handbook) show their bodies in their own files
// only, and go light as the typed pages do: at 10,000 pages their HTML
// and whole text were some 15 MiB of the preview's live heap.
func mayNarrate(s *site.Site, p *site.Page) bool {
	return !isTyped(p.Kind) && strings.HasPrefix(p.Source, s.Config.Content()+"/reports/")
}

// lighten lets go of the HTML of the bodies whose files are written, in
// the files and in the linked site.
func (x *Incremental) lighten(ctx context.Context) {
	s := x.site
	if s == nil {
		return
	}
	var todo []*sourceFile
	for _, p := range s.Pages {
		f := x.files[p.Source]
		if f != nil && f.md != nil && f.md.HTML != "" && !x.keepsHTML(s, p) {
			todo = append(todo, f)
		}
	}
	parallel(ctx, len(todo), func(i int) {
		f := todo[i]
		old := f.md
		f.md, f.mdZ = x.bodies.light(old)
		if f.goodMD == old {
			f.goodMD, f.goodZ = f.md, f.mdZ
		}
	})
	for _, p := range s.Pages {
		if f := x.files[p.Source]; f != nil && f.mdZ != nil && p.Rendered != nil && p.Rendered.HTML != "" {
			p.Rendered = f.md
		}
	}
	x.letGo(s)
}

// letGo lets go of the Markdown of the bodies rendered, in the files and
// in the linked site: a body is read again from its file (content.ReadBody,
// which checks the file's hash) when it is to be rendered again and has
// not changed (its links lead elsewhere, its charts' figures changed). A
// release's stays: the reports read its highlights from it. The decoded
// page is replaced by a copy without it, never changed in place, since a
// Settle's snapshot may be reading it.
func (x *Incremental) letGo(s *site.Site) {
	for _, p := range s.Pages {
		f := x.files[p.Source]
		if f == nil || f.page == nil || p.Release != nil || p.Sum == ([32]byte{}) || f.page.Sum != p.Sum {
			continue
		}
		p.Body = nil
		if f.page.Body != nil {
			old := f.page
			light := *old
			light.Body = nil
			f.page = &light
			if f.good == old {
				f.good = &light
			}
		}
	}
}

// bodyHash names a body's bytes, to tell whether it changed.
func (x *Incremental) bodyHash(body []byte) uint64 { return maphash.Bytes(x.seed, body) }

// inflate gives the pages at srcs their HTML back, for their files to be
// rendered.
func (x *Incremental) inflate(st *applyState, srcs map[string]bool) {
	for src := range srcs {
		p, f := st.links.bySource[src], x.files[src]
		if p != nil && f != nil && f.mdZ != nil && p.Rendered == f.md {
			p.Rendered = x.bodies.heavy(f.md, f.mdZ)
		}
	}
}

// pagesChunk is how many bodies Apply renders before it deflates them as
// it goes, and how many pages it then renders at a time.
func (x *Incremental) pagesChunk() int {
	if x.chunk > 0 {
		return x.chunk
	}
	return settleChunk
}

// runPages renders the content pages' own files into out. When the
// bodies were deflated as they were rendered (st.deflated), it renders
// them pagesChunk at a time and gives each chunk's pages their HTML back
// only while it renders them; else it gives every page shown its HTML
// back and renders them at once. Every chunk is rendered; the error holds
// the diagnostics of all.
func (x *Incremental) runPages(ctx context.Context, st *applyState, jobs []render.Job, out output.Writer) error {
	if !st.deflated {
		x.inflate(st, st.shown)
		return st.prep.Run(ctx, jobs, out)
	}
	var diags site.Diagnostics
	n := x.pagesChunk()
	for i := 0; i < len(jobs); i += n {
		part := jobs[i:min(i+n, len(jobs))]
		var todo []*site.Page
		back := map[*site.Page]*site.Rendered{}
		for _, j := range part {
			if len(j.Sources) == 0 {
				continue
			}
			p, f := st.links.bySource[j.Sources[0]], x.files[j.Sources[0]]
			if p != nil && f != nil && f.mdZ != nil && p.Rendered == f.md && back[p] == nil {
				back[p] = p.Rendered
				todo = append(todo, p)
			}
		}
		parallel(ctx, len(todo), func(i int) {
			p := todo[i]
			p.Rendered = x.bodies.heavy(p.Rendered, x.files[p.Source].mdZ)
		})
		err := st.prep.Run(ctx, part, out)
		for p, light := range back {
			p.Rendered = light
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if other := asDiagnostics(&diags, err); other != nil {
				return other
			}
		}
	}
	return diags.Err()
}

// inflateFor gives the pages whose own files jobs are (bySource[their
// first source]) their HTML back, and returns the light values to put
// back once the files are written.
func (s *Settling) inflateFor(jobs []render.Job, bySource map[string]*site.Page) map[*site.Page]*site.Rendered {
	if bySource == nil {
		return nil
	}
	back := map[*site.Page]*site.Rendered{}
	var todo []*site.Page
	for _, j := range jobs {
		if len(j.Sources) == 0 {
			continue
		}
		p := bySource[j.Sources[0]]
		if p == nil || back[p] != nil || p.Rendered == nil || p.Rendered.HTML != "" || s.bodyZ[p.Source] == nil {
			continue
		}
		back[p] = p.Rendered
		todo = append(todo, p)
	}
	parallel(context.Background(), len(todo), func(i int) {
		p := todo[i]
		p.Rendered = s.x.bodies.heavy(p.Rendered, s.bodyZ[p.Source])
	})
	return back
}

// inflateAll gives every page of a Settle's linked site its HTML back,
// and returns what puts the light values back (the linked site may be
// Apply's own: see SettleAlone).
func (s *Settling) inflateAll(ctx context.Context, pages []*site.Page) (restore func()) {
	light := make([]*site.Rendered, len(pages))
	parallel(ctx, len(pages), func(i int) {
		p := pages[i]
		if z := s.bodyZ[p.Source]; z != nil && p.Rendered != nil && p.Rendered.HTML == "" {
			light[i] = p.Rendered
			p.Rendered = s.x.bodies.heavy(p.Rendered, z)
		}
	})
	return func() {
		for i, r := range light {
			if r != nil {
				pages[i].Rendered = r
			}
		}
	}
}

// wholeText is a page's whole plain text: its Rendered's, or, when that
// was cut, read back from what lighten deflated.
func (s *Settling) wholeText(p *site.Page) (string, error) {
	r := p.Rendered
	if r == nil {
		return "", nil
	}
	if !r.Cut {
		return r.Plain, nil
	}
	z := s.bodyZ[p.Source]
	if z == nil {
		return "", errors.New(p.Source + ": the page's whole text is not kept")
	}
	text, _ := s.x.bodies.readBack(z, false)
	return text, nil
}

// recordFiles names the search index's record files of a site of n
// pages or fewer.
func recordFiles(n int) map[string]bool {
	names := make(map[string]bool, search.RecordFiles(n))
	for f := range search.RecordFiles(n) {
		names[searchPrefix+search.RecordFileName(f)] = true
	}
	return names
}

// wholeFor gives the pages of the record files among jobs (those named
// in records) their whole text, and returns the light values to put back
// once the files are written.
func (s *Settling) wholeFor(jobs []render.Job, records map[string]bool, bySource func() map[string]*site.Page) map[*site.Page]*site.Rendered {
	back := map[*site.Page]*site.Rendered{}
	var todo []*site.Page
	for _, j := range jobs {
		if !records[j.Name] {
			continue
		}
		for _, src := range j.Sources {
			p := bySource()[src]
			if p == nil || back[p] != nil || p.Rendered == nil || !p.Rendered.Cut || s.bodyZ[src] == nil {
				continue
			}
			back[p] = p.Rendered
			todo = append(todo, p)
		}
	}
	parallel(context.Background(), len(todo), func(i int) {
		p := todo[i]
		p.Rendered = s.x.bodies.whole(p.Rendered, s.bodyZ[p.Source])
	})
	return back
}
