package build

import (
	"bytes"
	"compress/flate"
	"fmt"
	"strings"
	"testing"

	"almanac/generator/site"
)

// A light body reads back as it was, and a body deflated after the first
// takes less than it would alone: the first one's markup and words are
// the dictionary.
func TestBodyCodecSharesTheFirstBody(t *testing.T) {
	body := func(n int) *site.Rendered {
		var html, plain strings.Builder
		for i := range 12 {
			fmt.Fprintf(&html, `<h2 id="step-%d-%d">Step %d</h2>`+"\n"+`<p>Export the deploy log of service %d, then attach it to the audit of release %d.</p>`+"\n", n, i, i, n*7+i, n+i)
			fmt.Fprintf(&plain, "Step %d\nExport the deploy log of service %d, then attach it to the audit of release %d.\n", i, n*7+i, n+i)
		}
		return &site.Rendered{HTML: html.String(), Plain: plain.String(), Words: 100}
	}
	var c bodyCodec
	c.light(body(1))
	second := body(2)
	light, z := c.light(second)
	if light.HTML != "" || !light.Cut || len(light.Plain) >= len(second.Plain) {
		t.Fatalf("light copy: HTML %d bytes, cut %v, text %d of %d bytes", len(light.HTML), light.Cut, len(light.Plain), len(second.Plain))
	}
	if back := c.heavy(light, z); back.HTML != second.HTML || back.Plain != second.Plain || back.Cut {
		t.Error("the body does not read back as it was")
	}
	if whole := c.whole(light, z); whole.Plain != second.Plain || whole.HTML != "" {
		t.Error("the text does not read back as it was")
	}
	var alone bytes.Buffer
	w, _ := flate.NewWriter(&alone, flate.BestSpeed)
	w.Write([]byte(second.Plain + second.HTML))
	w.Close()
	if len(z) >= alone.Len()*3/4 {
		t.Errorf("deflated with the first body, %d bytes; alone, %d", len(z), alone.Len())
	}
}
