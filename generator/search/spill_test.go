package search

import (
	"os"
	"path/filepath"
	"slices"
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
