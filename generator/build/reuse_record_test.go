package build

import (
	"reflect"
	"testing"

	"almanac/generator/site"
)

func TestReuseRecordReadsBack(t *testing.T) {
	rec := &reuseRecord{
		Rendered: site.Rendered{
			TOC:        []site.Heading{{Level: 2, ID: "a", Text: "A"}, {Level: 3, ID: "b", Text: "B é"}},
			Plain:      "Some text, 한국어 too.",
			Links:      []site.Link{{Dest: "/x/", Pos: site.Pos{File: "content/a.md", Line: 3, Col: 7}}, {Dest: "i.png", Image: true}},
			Words:      5,
			Anchors:    []string{"a", "b", "fn:1"},
			Highlights: []string{"Faster exports"},
		},
		Diags: site.Diagnostics{{Pos: site.Pos{File: "content/a.md", Line: -1, Col: 2}, Severity: site.Warning, Msg: "m", Hint: "h", Lost: "l", Wants: "w"}},
	}
	raw, err := encodeRecord(rec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeRecord(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rec) {
		t.Fatalf("read back\n%#v\nwant\n%#v", got, rec)
	}
	empty, err := decodeRecord(mustEncode(t, &reuseRecord{}))
	if err != nil || !reflect.DeepEqual(empty, &reuseRecord{}) {
		t.Fatalf("empty record read back as %#v, %v", empty, err)
	}
	// A record cut short, or one with bytes after it, is refused.
	plain := mustInflate(t, raw)
	for _, bad := range [][]byte{plain[:len(plain)-1], plain[:len(plain)/2], append(plain, 0), {0xff}} {
		if _, err := decodeRecord(deflated(t, bad)); err == nil {
			t.Errorf("record of %d bytes read back", len(bad))
		}
	}
	if _, err := decodeRecord(raw[:len(raw)/2]); err == nil {
		t.Error("a truncated deflated record read back")
	}
}

// The record is written field by field: a field added to what it keeps
// must be added to encodeRecord and decodeRecord too, then counted here.
func TestReuseRecordKeepsEveryField(t *testing.T) {
	if n := reflect.TypeFor[site.Rendered]().NumField(); n != 7 {
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
	raw, err := encodeRecord(rec)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func mustInflate(t *testing.T, raw []byte) []byte {
	rd := inflater(raw)
	defer inflaters.Put(rd)
	var b []byte
	buf := make([]byte, 512)
	for {
		n, err := rd.Read(buf)
		b = append(b, buf[:n]...)
		if err != nil {
			return b
		}
	}
}

func deflated(t *testing.T, plain []byte) []byte {
	raw, err := encodeRaw(plain)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
