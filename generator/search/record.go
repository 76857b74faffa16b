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

// Record is what a result shows. Records are kept RecordsPerFile to a
// file (RecordFile), fetched only when one of them is shown.
type Record struct {
	URL    string      `json:"u"`           // as the browser should follow it (under the base path)
	Title  string      `json:"t"`           //
	Kind   string      `json:"k"`           // story, release, postmortem, metric, page
	ID     string      `json:"i,omitempty"` // id or version
	Date   string      `json:"d,omitempty"` // YYYY-MM-DD
	Badges [][2]string `json:"b,omitempty"` // [class, label]: kind, status, severity
	Text   string      `json:"x,omitempty"` // for the snippet: its first RecordTextBytes
}

// RecordsPerFile is how many records one file holds: document doc's
// record is entry doc % RecordsPerFile of file doc / RecordsPerFile. One
// file per page would be thousands of small files to write, a tenth of
// the index's build time on a large site; a result's file then brings
// three neighbours along, 5–6 KB gzipped.
const RecordsPerFile = 4

// RecordFile is the output name of the file of records number file,
// relative to the index folder.
func RecordFile(file int) string { return fmt.Sprintf("d/%d.bin", file) }

// RecordFiles is how many record files n documents need.
func RecordFiles(n int) int { return (n + RecordsPerFile - 1) / RecordsPerFile }

// RecordsIn is how many records file holds among n documents.
func RecordsIn(file, n int) int {
	return max(0, min(RecordsPerFile, n-file*RecordsPerFile))
}

// RecordChunk writes one record file: the encoded records (Record's
// results, in document order; nil for a missing one, written null) as a
// JSON array, gzipped. Safe for concurrent use.
func (x *Index) RecordChunk(recs [][]byte) []byte {
	n := 2
	for _, r := range recs {
		n += len(r) + 5
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, r := range recs {
		if i > 0 {
			b = append(b, ',')
		}
		if r == nil {
			r = []byte("null")
		}
		b = append(b, r...)
	}
	b = append(b, ']')
	return x.recZip.compress(b)
}

// Record encodes document doc's record, for RecordChunk. The index remembers a hash of it for the version it
// gives the files. Safe for concurrent use.
func (x *Index) Record(doc int, r Record) ([]byte, error) {
	if doc < 0 || doc >= x.n {
		return nil, fmt.Errorf("search: document %d out of range [0,%d)", doc, x.n)
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
