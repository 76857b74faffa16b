package search

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Segments come back in the order they were kept, and when the temporary
// file stops taking writes (a full disk) none of those it holds is lost.
func TestSpillKeepsEverySegment(t *testing.T) {
	name := filepath.Join(t.TempDir(), "spill")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	s := &spill{f: f, tried: true}
	s.add([]byte("one"))
	s.add([]byte("two"))
	// From now on writes fail, reads still work.
	ro, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	s.f = ro
	s.add([]byte("three"))
	s.add([]byte("four"))
	var got []string
	if err := s.each(func(b []byte) error { got = append(got, string(b)); return nil }); err != nil {
		t.Fatal(err)
	}
	if want := []string{"one", "two", "three", "four"}; !slices.Equal(got, want) {
		t.Errorf("segments = %q, want %q", got, want)
	}
	s.close()
}

// Without a temporary file the segments are kept in memory, compressed,
// and come back as they went in.
func TestSpillInMemory(t *testing.T) {
	s := &spill{tried: true}
	big := []byte(strings.Repeat("rollback ", 1000))
	s.add([]byte("one"))
	s.add(big)
	var got [][]byte
	if err := s.each(func(b []byte) error { got = append(got, bytes.Clone(b)); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || string(got[0]) != "one" || !bytes.Equal(got[1], big) {
		t.Errorf("segments came back as %d, want the two added", len(got))
	}
	if len(s.mem[1]) >= len(big)/4 {
		t.Errorf("a segment in memory takes %d bytes for %d: not compressed", len(s.mem[1]), len(big))
	}
}

// A damaged segment makes Finish fail with an error, at whatever byte it
// was cut, rather than panic or write a wrong index.
func TestDamagedSegment(t *testing.T) {
	docs := sampleDocs(segmentDocs)
	var whole []byte
	{
		x := NewIndex(len(docs))
		for i, d := range docs {
			if err := x.Add(i, d); err != nil {
				t.Fatal(err)
			}
		}
		if err := x.sealed.each(func(b []byte) error { whole = bytes.Clone(b); return nil }); err != nil || whole == nil {
			t.Fatalf("no sealed segment (%v)", err)
		}
	}
	for _, cut := range []int{1, len(whole) / 3, len(whole) / 2, len(whole) - 1} {
		x := NewIndex(len(docs))
		for i, d := range docs {
			if err := x.Add(i, d); err != nil {
				t.Fatal(err)
			}
		}
		x.sealed.close()
		x.sealed = spill{tried: true}
		x.sealed.add(whole[:cut])
		if _, err := x.Finish(nil, 0); err == nil {
			t.Errorf("Finish with a segment cut to %d of %d bytes: no error", cut, len(whole))
		}
	}
}
