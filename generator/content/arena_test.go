package content

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"

	"almanac/generator/site"
)

// TestFrontMatterValuesShareOneBlock: a page's text values are slices of
// one allocation, not a string each, and keep their values.
func TestFrontMatterValuesShareOneBlock(t *testing.T) {
	fsys := fstest.MapFS{"content/stories/export.md": {Data: []byte(`---
id: STORY-9
title: "  Export the deploy log  "
status: ready
owner: Minji Kim
tags: [deploys, export]
team: platform
acceptance: ["a CSV of every deploy"]
---
Body.
`)}}
	p := decodeOne(t, fsys, "content/stories/export.md")
	values := []string{p.Title, p.Story.ID, p.Story.Status, p.Story.Owner, p.Tags[0], p.Tags[1], p.Story.Team, p.Story.Acceptance[0]}
	want := []string{"Export the deploy log", "STORY-9", "ready", "Minji Kim", "deploys", "export", "platform", "a CSV of every deploy"}
	for i := range values {
		if values[i] != want[i] {
			t.Fatalf("value %d = %q, want %q", i, values[i], want[i])
		}
	}
	// Every value lies within the span of the first to the last one kept:
	// one block, as long as they were written into it in order.
	lo, hi := uintptr(^uint(0)), uintptr(0)
	for _, v := range values {
		at := uintptr(unsafe.Pointer(unsafe.StringData(v)))
		lo, hi = min(lo, at), max(hi, at+uintptr(len(v)))
	}
	total := 0
	for _, v := range want {
		total += len(v)
	}
	if span := int(hi - lo); span > 4*total {
		t.Errorf("the values span %d bytes for %d bytes of text: not one block", span, total)
	}
}

// A page's lists of text are parts of one slice, each capped at its end:
// appending to one copies it and leaves the next as it was. Repeated
// values are dropped in place, keeping the first of each.
func TestFrontMatterListsShareOneSlice(t *testing.T) {
	fsys := fstest.MapFS{"content/stories/export.md": {Data: []byte(`---
id: STORY-9
title: Export the deploy log
status: ready
tags: [deploys, export, deploys, "", export]
acceptance:
  - a CSV of every deploy
  - the CSV opens in a spreadsheet
---
Body.
`)}}
	p := decodeOne(t, fsys, "content/stories/export.md")
	if got := strings.Join(p.Tags, ","); got != "deploys,export" {
		t.Fatalf("tags = %q, want deploys,export", got)
	}
	acc := strings.Join(p.Story.Acceptance, "|")
	if acc != "a CSV of every deploy|the CSV opens in a spreadsheet" {
		t.Fatalf("acceptance = %q", acc)
	}
	first := unsafe.Pointer(unsafe.SliceData(p.Tags))
	second := unsafe.Pointer(unsafe.SliceData(p.Story.Acceptance))
	if d := uintptr(second) - uintptr(first); d != 5*unsafe.Sizeof("") {
		t.Errorf("acceptance starts %d bytes after the tags, want right after their 5 places", int(d))
	}
	for range 4 {
		p.Tags = append(p.Tags, "extra")
	}
	if got := strings.Join(p.Story.Acceptance, "|"); got != acc {
		t.Errorf("appending to the tags changed the acceptance criteria: %q", got)
	}
}

func TestDedupe(t *testing.T) {
	long := make([]string, 0, 40)
	want := []string{}
	for i := range 40 {
		s := strconv.Itoa(i % 13)
		long = append(long, s)
		if i < 13 {
			want = append(want, s)
		}
	}
	for _, c := range []struct{ in, want []string }{
		{nil, nil},
		{[]string{"a"}, []string{"a"}},
		{[]string{"b", "a", "b", "c", "a"}, []string{"b", "a", "c"}},
		{long, want},
	} {
		if got := dedupe(slices.Clone(c.in)); !slices.Equal(got, c.want) {
			t.Errorf("dedupe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The pages of one load, as linked, are values of shared blocks: the
// records of 40 stories lie side by side, each right after another, with
// none of the rounding up to a size class that allocations of their own
// would show.
func TestLoadedPagesShareBlocks(t *testing.T) {
	var src strings.Builder
	for i := range 40 {
		n := strconv.Itoa(i)
		src.WriteString("-- content/stories/s" + n + ".md --\n---\nid: STORY-" + n + "\ntitle: Story number " + n +
			"\nstatus: ready\ntags: [a" + n + ", b]\n---\nBody " + n + ".\n")
	}
	s, diags := loadSite(t, src.String(), Options{LazyBodies: true})
	if diags.HasErrors() {
		t.Fatalf("diagnostics:\n%s", diagLines(diags))
	}
	if len(s.Stories) != 40 {
		t.Fatalf("%d stories", len(s.Stories))
	}
	var at []uintptr
	for i, p := range s.Stories {
		if !strings.HasPrefix(p.Title, "Story number ") || p.Story.Status != "ready" || len(p.Tags) != 2 {
			t.Fatalf("story %d: %q %q %q", i, p.Title, p.Story.Status, p.Tags)
		}
		at = append(at, uintptr(unsafe.Pointer(p)))
	}
	slices.Sort(at)
	size := unsafe.Sizeof(withKind[site.Story]{})
	for i := 1; i < len(at); i++ {
		if gap := at[i] - at[i-1]; gap != size {
			t.Fatalf("story records %d bytes apart, each %d bytes: not parts of one block", gap, size)
		}
	}
}
