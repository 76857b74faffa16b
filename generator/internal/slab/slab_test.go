package slab

import (
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// Room taken one after another comes from one block, each part capped
// at its end, and what is written into one part stays as it was while the
// next parts are written.
func TestTextSharesBlocksAndKeepsValues(t *testing.T) {
	var text Text
	words := []string{"export", "the deploy log", "", "ready", strings.Repeat("x", 300)}
	got := make([]string, len(words))
	for i, w := range words {
		got[i] = text.Clone(w)
	}
	for i, w := range words {
		if got[i] != w {
			t.Fatalf("value %d = %q, want %q", i, got[i], w)
		}
	}
	first := uintptr(unsafe.Pointer(unsafe.StringData(got[0])))
	last := uintptr(unsafe.Pointer(unsafe.StringData(got[4])))
	if want := uintptr(len("export") + len("the deploy log") + len("ready")); last-first != want {
		t.Errorf("the last value starts %d bytes after the first, want %d: not one block", last-first, want)
	}
	room := text.Take(4)
	if len(room) != 0 || cap(room) != 4 {
		t.Fatalf("Take(4) = len %d cap %d, want 0 and 4", len(room), cap(room))
	}
	room = append(room, "abcdef"...) // past its room: a copy
	next := text.Clone("next")
	if next != "next" || string(room) != "abcdef" {
		t.Errorf("after writing past a part's room: next = %q, room = %q", next, room)
	}
}

// A value too large for a block's share, and any value of a nil Text,
// is an allocation of its own.
func TestTextLargeAndNil(t *testing.T) {
	var text Text
	small := text.Clone("a")
	large := text.Clone(strings.Repeat("y", textBlock/16+1))
	after := text.Clone("b")
	if d := uintptr(unsafe.Pointer(unsafe.StringData(after))) - uintptr(unsafe.Pointer(unsafe.StringData(small))); d != 1 {
		t.Errorf("a large value took room in the block: the next small one starts %d bytes on", d)
	}
	if len(large) != textBlock/16+1 {
		t.Errorf("large value has %d bytes", len(large))
	}
	var none *Text
	if s := none.Clone("free"); s != "free" {
		t.Errorf("nil Text: %q", s)
	}
	if b := none.Take(3); cap(b) != 3 {
		t.Errorf("nil Text: Take(3) has room %d", cap(b))
	}
}

// A new block starts when the room left is too small; the values in the
// old one stay.
func TestTextNextBlock(t *testing.T) {
	var text Text
	chunk := strings.Repeat("z", textBlock/16)
	var kept []string
	for range 17 {
		kept = append(kept, text.Clone(chunk))
	}
	for i, s := range kept {
		if s != chunk {
			t.Fatalf("value %d changed", i)
		}
	}
	if text.Clone("c") != "c" {
		t.Fatal("small value after a full block")
	}
}

// Values of Of are zero, parts of one block, and capped: appending past
// n copies.
func TestOfTakeAndNew(t *testing.T) {
	type rec struct {
		name string
		n    int
	}
	var recs Of[rec]
	a, b := recs.New(), recs.New()
	if *a != (rec{}) || *b != (rec{}) {
		t.Fatal("New is not zero")
	}
	if d := uintptr(unsafe.Pointer(b)) - uintptr(unsafe.Pointer(a)); d != unsafe.Sizeof(rec{}) {
		t.Errorf("second value %d bytes after the first, want %d", d, unsafe.Sizeof(rec{}))
	}
	a.name, b.name = "a", "b"

	var lists Of[string]
	first := lists.Take(2)
	first = append(first, "x", "y")
	second := lists.Take(1)
	second = append(second, "z")
	first = append(first, "grown")
	if second[0] != "z" || strings.Join(first, ",") != "x,y,grown" {
		t.Errorf("appending past a part's room wrote over the next: %q %q", first, second)
	}
	var none *Of[rec]
	if r := none.New(); r == nil || *r != (rec{}) {
		t.Error("nil Of: New")
	}
	if l := lists.Take(10000); cap(l) != 10000 {
		t.Errorf("a large list has room %d", cap(l))
	}
}

// Concurrent takers never get the same room (run with -race).
func TestConcurrentTakers(t *testing.T) {
	var text Text
	var recs Of[[4]int]
	var wg sync.WaitGroup
	out := make([][]string, 4)
	for g := range 4 {
		wg.Go(func() {
			for i := range 2000 {
				s := strings.Repeat(string(rune('a'+g)), 1+i%40)
				out[g] = append(out[g], text.Clone(s))
				r := recs.New()
				r[0] = g
			}
		})
	}
	wg.Wait()
	for g, list := range out {
		for i, s := range list {
			if s != strings.Repeat(string(rune('a'+g)), 1+i%40) {
				t.Fatalf("goroutine %d value %d = %q", g, i, s)
			}
		}
	}
}
