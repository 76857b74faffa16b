package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"reflect"
	"strings"
	"testing"

	"almanac/generator/site"
)

func TestReuseRecordReadsBack(t *testing.T) {
	long := strings.Repeat("A long body of words, 한국어 too. ", 40)
	rec := &reuseRecord{
		Rendered: site.Rendered{
			TOC:        []site.Heading{{Level: 2, ID: "a", Text: "A"}, {Level: 3, ID: "b", Text: "B é"}},
			Plain:      long,
			Links:      []site.Link{{Dest: "/x/", Pos: site.Pos{File: "content/a.md", Line: 3, Col: 7}}, {Dest: "i.png", Image: true}},
			Words:      5,
			Anchors:    []string{"a", "b", "fn:1"},
			Highlights: []string{"Faster exports"},
		},
		Diags: site.Diagnostics{{Pos: site.Pos{File: "content/a.md", Line: -1, Col: 2}, Severity: site.Warning, Msg: "m", Hint: "h", Lost: "l", Wants: "w"}},
	}
	raw := mustEncode(t, rec)
	// The record keeps the whole text's digest, computed when it is
	// written, and a record read without the text says it is cut.
	rec.Rendered.PlainSum = sha256.Sum256([]byte(long))
	got, err := decodeRecord(raw, true)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rec) {
		t.Fatalf("read back\n%#v\nwant\n%#v", got, rec)
	}
	// Without the whole text, the lead a summary shows.
	lead, err := decodeRecord(raw, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := summaryLead(long); lead.Rendered.Plain != want || len(want) >= len(long) {
		t.Fatalf("lead %q, want %q", lead.Rendered.Plain, want)
	}
	if !lead.Rendered.Cut {
		t.Error("a record read without its text is not marked cut")
	}
	lead.Rendered.Plain, lead.Rendered.Cut = long, false
	if !reflect.DeepEqual(lead, rec) {
		t.Fatalf("read back without the text\n%#v\nwant\n%#v", lead, rec)
	}
	for _, full := range []bool{true, false} {
		empty, err := decodeRecord(mustEncode(t, &reuseRecord{}), full)
		want := &reuseRecord{Rendered: site.Rendered{Cut: !full, PlainSum: sha256.Sum256(nil)}}
		if err != nil || !reflect.DeepEqual(empty, want) {
			t.Fatalf("empty record read back as %#v, %v", empty, err)
		}
	}
	// A record cut short, or garbled, is refused.
	for _, bad := range [][]byte{raw[:len(raw)-1], raw[:len(raw)/2], raw[:3], {0xff}, nil} {
		if _, err := decodeRecord(bad, true); err == nil {
			t.Errorf("record of %d bytes read back", len(bad))
		}
	}
	n, w := binary.Uvarint(raw)
	head := raw[w : w+int(n)]
	for _, bad := range [][]byte{head[:len(head)-1], append(bytes.Clone(head), 0)} {
		rec := binary.AppendUvarint(nil, uint64(len(bad)))
		rec = append(rec, bad...)
		rec = append(rec, raw[w+int(n):]...)
		for _, full := range []bool{true, false} {
			if _, err := decodeRecord(rec, full); err == nil {
				t.Errorf("record with a head of %d bytes for %d read back", len(bad), len(head))
			}
		}
	}
}

// The record is written field by field: a field added to what it keeps
// must be added to encodeRecord and decodeRecord too, then counted here.
func TestReuseRecordKeepsEveryField(t *testing.T) {
	if n := reflect.TypeFor[site.Rendered]().NumField(); n != 9 {
		t.Errorf("site.Rendered has %d fields: keep the new ones in reuse_record.go", n)
	}
	exported := 0
	for f := range reflect.TypeFor[site.Diagnostic]().Fields() {
		if f.IsExported() {
			exported++
		}
	}
	if exported != 6 {
		t.Errorf("site.Diagnostic has %d exported fields: keep the new ones in reuse_record.go", exported)
	}
	if n := reflect.TypeFor[site.Link]().NumField(); n != 3 {
		t.Errorf("site.Link has %d fields", n)
	}
	if n := reflect.TypeFor[site.Heading]().NumField(); n != 3 {
		t.Errorf("site.Heading has %d fields", n)
	}
}

func mustEncode(t *testing.T, rec *reuseRecord) []byte {
	buf, err := encodeRecord(rec)
	if err != nil {
		t.Fatal(err)
	}
	raw := bytes.Clone(buf.Bytes())
	recordBuffers.Put(buf)
	return raw
}
