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

// Record is what a result shows, in the document's own small file
// (d/N.bin), fetched only when the result is shown.
type Record struct {
	URL    string      `json:"u"`           // as the browser should follow it (under the base path)
	Title  string      `json:"t"`           //
	Kind   string      `json:"k"`           // story, release, postmortem, metric, page
	ID     string      `json:"i,omitempty"` // id or version
	Date   string      `json:"d,omitempty"` // YYYY-MM-DD
	Badges [][2]string `json:"b,omitempty"` // [class, label]: kind, status, severity
	Text   string      `json:"x,omitempty"` // for the snippet: its first RecordTextBytes
}

// RecordName is the output name of document doc's record, relative to the
// index folder. Records are plain JSON, the one part of the index not
// compressed by the writer: there is one per page, written while the
// pages are, where compressing them would cost a tenth of the index's
// build time. Hosts compress JSON on the fly (Netlify does).
func RecordName(doc int) string { return fmt.Sprintf("d/%d.json", doc) }

// Record encodes document doc's record, ready to be written to
// RecordName(doc). The index remembers a hash of it for the version it
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
