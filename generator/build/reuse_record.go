package build

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"sync"

	"almanac/generator/internal/binrec"
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
//
// The head ends with the digest of the whole text (PlainSum), which the
// search index compares with the one it indexed last time.

var errBadRecord = errors.New("page record does not read back")

// recordBuffers are the records' and the inflated texts' buffers, and
// recordEncoders the heads', reused page by page.
var (
	recordBuffers  = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	recordEncoders = sync.Pool{New: func() any { return new(binrec.Encoder) }}
)

// encodeRecord writes rec as a record into a buffer of recordBuffers,
// to be put back once it is copied.
func encodeRecord(rec *reuseRecord) (*bytes.Buffer, error) {
	buf := recordBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	e := recordEncoders.Get().(*binrec.Encoder)
	defer recordEncoders.Put(e)
	e.B = e.B[:0]
	r := rec.Rendered
	plain := r.Plain
	if r.PlainSum == ([32]byte{}) {
		r.PlainSum = sha256.Sum256([]byte(plain))
	}
	r.Plain = summaryLead(plain)
	encodeRendered(e, &r)
	e.Uint(uint64(len(rec.Diags)))
	for _, d := range rec.Diags {
		encodePos(e, d.Pos)
		e.Int(int64(d.Severity))
		e.Str(d.Msg)
		e.Str(d.Hint)
		e.Str(d.Lost)
		e.Str(d.Wants)
	}
	var n [binary.MaxVarintLen64]byte
	buf.Write(n[:binary.PutUvarint(n[:], uint64(len(e.B)))])
	buf.Write(e.B)
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
	d := binrec.NewDecoder(head)
	rec := &reuseRecord{}
	decodeRendered(d, &rec.Rendered)
	if n := d.Count(1); n > 0 {
		rec.Diags = make(site.Diagnostics, n)
		for i := range rec.Diags {
			g := &rec.Diags[i]
			g.Pos = decodePos(d)
			g.Severity = site.Severity(d.Int())
			g.Msg, g.Hint, g.Lost, g.Wants = d.Str(), d.Str(), d.Str(), d.Str()
		}
	}
	if d.Bad() || d.Len() != 0 {
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
	} else {
		rec.Rendered.Cut = true
	}
	return rec, nil
}

func encodePos(e *binrec.Encoder, p site.Pos) {
	e.Str(p.File)
	e.Int(int64(p.Line))
	e.Int(int64(p.Col))
}

func encodeRendered(e *binrec.Encoder, r *site.Rendered) {
	e.Str(r.HTML)
	e.Uint(uint64(len(r.TOC)))
	for _, h := range r.TOC {
		e.Int(int64(h.Level))
		e.Str(h.ID)
		e.Str(h.Text)
	}
	e.Str(r.Plain)
	e.Uint(uint64(len(r.Links)))
	for _, l := range r.Links {
		e.Str(l.Dest)
		img := uint64(0)
		if l.Image {
			img = 1
		}
		e.Uint(img)
		encodePos(e, l.Pos)
	}
	e.Int(int64(r.Words))
	e.Strs(r.Anchors)
	e.Strs(r.Highlights)
	e.B = append(e.B, r.PlainSum[:]...)
}

func decodePos(d *binrec.Decoder) site.Pos {
	return site.Pos{File: d.Str(), Line: int(d.Int()), Col: int(d.Int())}
}

func decodeRendered(d *binrec.Decoder, r *site.Rendered) {
	r.HTML = d.Str()
	if n := d.Count(1); n > 0 {
		r.TOC = make([]site.Heading, n)
		for i := range r.TOC {
			r.TOC[i] = site.Heading{Level: int(d.Int()), ID: d.Str(), Text: d.Str()}
		}
	}
	r.Plain = d.Str()
	if n := d.Count(1); n > 0 {
		r.Links = make([]site.Link, n)
		for i := range r.Links {
			l := &r.Links[i]
			l.Dest = d.Str()
			l.Image = d.Uint() == 1
			l.Pos = decodePos(d)
		}
	}
	r.Words = int(d.Int())
	r.Anchors = d.Strs()
	r.Highlights = d.Strs()
	copy(r.PlainSum[:], d.Bytes(len(r.PlainSum)))
}
