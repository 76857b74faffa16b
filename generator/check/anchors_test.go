package check

import (
	"strings"
	"testing"
	"unsafe"
)

// The anchors of a page are kept for the whole build while its HTML is let
// go: none may be a substring that keeps the HTML alive.
func TestAnchorsDoNotHoldThePage(t *testing.T) {
	page := strings.Repeat("<p>text</p>", 100) + `<h2 id="rollback">Rollback</h2>`
	start := uintptr(unsafe.Pointer(unsafe.StringData(page)))
	end := start + uintptr(len(page))
	for _, a := range Anchors(page) {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(a))); p >= start && p < end {
			t.Errorf("anchor %q points into the page's HTML", a)
		}
	}
}
