package build

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"sync"

	"almanac/generator/site"
)

// A reused page's record is read back for every page of a warm build, so
// it is written field by field rather than with gob, whose decoder read
// each record's type description again and spent more on reflection than
// on the text itself. Strings are a length and their bytes, numbers
// varints, lists a count and their items. The page's whole plain text,
// most of a record, is only read by the search index: it is kept
// deflated after the rest, where the text is cut to the lead a summary
// shows (summaryLead), and inflated only for a build that indexes the
// page. Any record that does not read back whole is refused, and the page
// is rendered.
//
//	record = uvarint(len(head)) head deflate(plain)

var errBadRecord = errors.New("page record does not read back")

// recordBuffers are the records' and the inflated texts' buffers, and
// recordEncoders the heads', reused page by page.
var (
	recordBuffers  = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	recordEncoders = sync.Pool{New: func() any { return new(recordEncoder) }}
)

// encodeRecord writes rec as a record into a buffer of recordBuffers,
// to be put back once it is copied.
func encodeRecord(rec *reuseRecord) (*bytes.Buffer, error) {
	buf := recordBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	e := recordEncoders.Get().(*recordEncoder)
	defer recordEncoders.Put(e)
	e.b = e.b[:0]
	r := rec.Rendered
	plain := r.Plain
	r.Plain = summaryLead(plain)
	e.rendered(&r)
	e.uint(uint64(len(rec.Diags)))
	for _, d := range rec.Diags {
		e.pos(d.Pos)
		e.int(int64(d.Severity))
		e.str(d.Msg)
		e.str(d.Hint)
		e.str(d.Lost)
		e.str(d.Wants)
	}
	var n [binary.MaxVarintLen64]byte
	buf.Write(n[:binary.PutUvarint(n[:], uint64(len(e.b)))])
	buf.Write(e.b)
	zw := deflaters.Get().(*flate.Writer) // BestSpeed writers, shared with the preview's bodies
	defer deflaters.Put(zw)
	zw.Reset(buf)
	_, err := io.WriteString(zw, plain)
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		recordBuffers.Put(buf)
		return nil, err
	}
	return buf, nil
}

// decodeRecord reads back what encodeRecord wrote; without full, the
// plain text is only its lead.
func decodeRecord(raw []byte, full bool) (*reuseRecord, error) {
	n, w := binary.Uvarint(raw)
	if w <= 0 || n > uint64(len(raw)-w) {
		return nil, errBadRecord
	}
	head, plainZ := raw[w:w+int(n)], raw[w+int(n):]
	d := recordDecoder{b: head}
	rec := &reuseRecord{}
	d.rendered(&rec.Rendered)
	if n := d.count(); n > 0 {
		rec.Diags = make(site.Diagnostics, n)
		for i := range rec.Diags {
			g := &rec.Diags[i]
			g.Pos = d.pos()
			g.Severity = site.Severity(d.int())
			g.Msg, g.Hint, g.Lost, g.Wants = d.str(), d.str(), d.str(), d.str()
		}
	}
	if d.bad || len(d.b) != 0 {
		return nil, errBadRecord
	}
	if full {
		buf := recordBuffers.Get().(*bytes.Buffer)
		defer recordBuffers.Put(buf)
		buf.Reset()
		rd := inflater(plainZ)
		_, err := buf.ReadFrom(rd)
		inflaters.Put(rd)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(buf.String(), rec.Rendered.Plain) {
			return nil, errBadRecord
		}
		rec.Rendered.Plain = buf.String()
	}
	return rec, nil
}

type recordEncoder struct{ b []byte }

func (e *recordEncoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *recordEncoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *recordEncoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}
func (e *recordEncoder) strs(list []string) {
	e.uint(uint64(len(list)))
	for _, s := range list {
		e.str(s)
	}
}
func (e *recordEncoder) pos(p site.Pos) {
	e.str(p.File)
	e.int(int64(p.Line))
	e.int(int64(p.Col))
}

func (e *recordEncoder) rendered(r *site.Rendered) {
	e.str(r.HTML)
	e.uint(uint64(len(r.TOC)))
	for _, h := range r.TOC {
		e.int(int64(h.Level))
		e.str(h.ID)
		e.str(h.Text)
	}
	e.str(r.Plain)
	e.uint(uint64(len(r.Links)))
	for _, l := range r.Links {
		e.str(l.Dest)
		img := uint64(0)
		if l.Image {
			img = 1
		}
		e.uint(img)
		e.pos(l.Pos)
	}
	e.int(int64(r.Words))
	e.strs(r.Anchors)
	e.strs(r.Highlights)
}

// recordDecoder reads a record; bad is set at the first thing that does
// not read, and every later read gives zero values.
type recordDecoder struct {
	b   []byte
	bad bool
}

func (d *recordDecoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *recordDecoder) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a list's length, which cannot exceed the bytes left (each
// item takes one at least).
func (d *recordDecoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(n)
}

func (d *recordDecoder) str() string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *recordDecoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = d.str()
	}
	return list
}

func (d *recordDecoder) pos() site.Pos {
	return site.Pos{File: d.str(), Line: int(d.int()), Col: int(d.int())}
}

func (d *recordDecoder) rendered(r *site.Rendered) {
	r.HTML = d.str()
	if n := d.count(); n > 0 {
		r.TOC = make([]site.Heading, n)
		for i := range r.TOC {
			r.TOC[i] = site.Heading{Level: int(d.int()), ID: d.str(), Text: d.str()}
		}
	}
	r.Plain = d.str()
	if n := d.count(); n > 0 {
		r.Links = make([]site.Link, n)
		for i := range r.Links {
			l := &r.Links[i]
			l.Dest = d.str()
			l.Image = d.uint() == 1
			l.Pos = d.pos()
		}
	}
	r.Words = int(d.int())
	r.Anchors = d.strs()
	r.Highlights = d.strs()
}
