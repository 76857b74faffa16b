package content

import (
	"testing"
	"testing/fstest"
	"unsafe"
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
