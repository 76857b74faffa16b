package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// RecordTextBytes is how much of a document's text its record keeps for
// snippets.
const RecordTextBytes = 3 << 10

const recordHashLen = 8

// Record is what a result shows, in its record file (RecordFileName),
// fetched only when the result is shown.
type Record struct {
	URL    string      `json:"u"`           // as the browser should follow it (under the base path)
	Title  string      `json:"t"`           //
	Kind   string      `json:"k"`           // story, release, postmortem, metric, page
	ID     string      `json:"i,omitempty"` // id or version
	Date   string      `json:"d,omitempty"` // YYYY-MM-DD
	Badges [][2]string `json:"b,omitempty"` // [class, label]: kind, status, severity
	Text   string      `json:"x,omitempty"` // for the snippet: its first RecordTextBytes
}

// RecordsPerFile is how many documents' records one file holds: file f
// (RecordFileName) is a JSON array of the records of documents 4f to
// 4f+3. One file a document would make the records half the files of a
// build, and making a file is much of what writing a build costs; in the
// browser a query still fetches one file a result shown, each a few
// kilobytes more (see the search benchmarks in generator/render).
const RecordsPerFile = 4

// RecordFiles is how many record files n documents need.
func RecordFiles(n int) int { return (n + RecordsPerFile - 1) / RecordsPerFile }

// RecordFileName is the output name of record file f, relative to the
// index folder. Records are JSON, gzipped as the shards are (Index.Compress)
// when they are written: a host that compresses on the fly would spend
// that on every request, and one that does not would send them whole.
func RecordFileName(f int) string { return fmt.Sprintf(recordFiles, f) }

// recordFiles is the pattern of RecordFileName, which the manifest
// gives the script.
const recordFiles = "d/%d.bin"

// JoinRecords writes one record file from its documents' records as
// Encode gives them; a missing record is null.
func JoinRecords(recs [][]byte) []byte {
	n := 2
	for _, r := range recs {
		n += len(r) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, r := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		if len(r) == 0 {
			r = []byte("null")
		}
		b = append(b, r...)
	}
	return append(b, ']')
}

// Record encodes document doc's record, for its record file. The index
// remembers a hash of it for the version it gives the files. Safe for
// concurrent use.
func (x *Index) Record(doc int, r Record) ([]byte, error) {
	if err := x.checkDoc(doc); err != nil {
		return nil, err
	}
	raw, err := r.Encode()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	x.mu.Lock()
	copy(x.recs[doc][:], sum[:])
	x.mu.Unlock()
	return raw, nil
}

// Encode returns the record as its file holds it: JSON, the text cut to
// RecordTextBytes.
func (r Record) Encode() ([]byte, error) {
	r.Text = cut(strings.TrimSpace(r.Text), RecordTextBytes)
	var b bytes.Buffer
	b.Grow(len(r.Text) + len(r.Title) + len(r.URL) + 256) // the text, escaped little, is most of it
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false) // the script inserts text, never HTML
	if err := e.Encode(r); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// cut returns s cut to at most n bytes on a character boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Keep keeps document doc's encoded record (from Record) until its file
// is written (RecordFile), out of the heap like the index's segments.
// Safe for concurrent use; call it before Finish.
func (x *Index) Keep(doc int, data []byte) error {
	if err := x.checkDoc(doc); err != nil {
		return err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.finished {
		return fmt.Errorf("search: record %d kept after the index was finished", doc)
	}
	if x.kept == nil {
		x.kept = make([]int32, x.n)
	}
	x.kept[doc] = int32(x.records.add(data)) + 1
	return nil
}

// RecordFile returns record file f of the records kept. Safe for
// concurrent use once the index is finished, until Close.
func (x *Index) RecordFile(f int) ([]byte, error) { return x.appendRecordFile(nil, f) }

// WriteRecordFile gzips record file f onto the end of dst, as Compress
// does RecordFile's bytes, without a copy of them of its own. Safe for
// concurrent use once the index is finished, until Close.
func (x *Index) WriteRecordFile(dst *bytes.Buffer, f int) error {
	raw, _ := x.raw.Get().(*[]byte)
	if raw == nil {
		raw = new([]byte)
	}
	b, err := x.appendRecordFile((*raw)[:0], f)
	if err == nil {
		x.CompressTo(dst, b)
		*raw = b
	}
	x.raw.Put(raw)
	return err
}

// appendRecordFile appends record file f to b, as JoinRecords writes it:
// each kept record read from where it is kept straight into b.
func (x *Index) appendRecordFile(b []byte, f int) ([]byte, error) {
	x.mu.Lock()
	done := x.finished
	x.mu.Unlock()
	if !done {
		return nil, fmt.Errorf("search: record file %d asked for before the index was finished", f)
	}
	first := f * RecordsPerFile
	if f < 0 || first >= x.n {
		return nil, fmt.Errorf("search: record file %d out of range [0,%d)", f, RecordFiles(x.n))
	}
	b = append(b, '[')
	for doc := first; doc < min(first+RecordsPerFile, x.n); doc++ {
		if doc > first {
			b = append(b, ',')
		}
		n := len(b)
		if x.kept != nil && x.kept[doc] != 0 {
			var err error
			if b, err = x.records.appendTo(b, int(x.kept[doc]-1)); err != nil {
				return nil, err
			}
		}
		if len(b) == n {
			b = append(b, "null"...)
		}
	}
	return append(b, ']'), nil
}

// KeptRecord returns document doc's record as Keep kept it, or nil when
// none was. Safe for concurrent use once the index is finished, until
// Close.
func (x *Index) KeptRecord(doc int) ([]byte, error) {
	if x.kept == nil || doc < 0 || doc >= len(x.kept) || x.kept[doc] == 0 {
		return nil, nil
	}
	return x.records.get(int(x.kept[doc] - 1))
}

// Close lets go of the records and shards kept and of any temporary file.
func (x *Index) Close() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.sealed.close()
	x.records.close()
	x.shards.close()
}
