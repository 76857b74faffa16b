package build

import (
	"bytes"
	"compress/flate"
	"fmt"
	"runtime"
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

// Reading a body back makes little beyond the text and the HTML it
// returns: a layout change reads back every body of the site.
func TestBodyCodecReadsBackWithoutWaste(t *testing.T) {
	var html, plain strings.Builder
	for i := range 40 {
		fmt.Fprintf(&html, `<p id="p-%d">The rollout of region %d paused at %d%% while the error budget recovered.</p>`+"\n", i, i, i*3)
		fmt.Fprintf(&plain, "The rollout of region %d paused at %d%% while the error budget recovered.\n", i, i*3)
	}
	r := &site.Rendered{HTML: html.String(), Plain: plain.String(), Words: 400}
	var c bodyCodec
	light, z := c.light(r)
	if back := c.heavy(light, z); back.HTML != r.HTML || back.Plain != r.Plain {
		t.Fatal("the body does not read back as it was")
	}
	const runs = 50
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		c.heavy(light, z)
	}
	runtime.ReadMemStats(&after)
	per := int(after.TotalAlloc-before.TotalAlloc) / runs
	if most := len(r.HTML) + len(r.Plain) + 2<<10; per > most {
		t.Errorf("reading back %d bytes of HTML and text made %d bytes; at most %d expected", len(r.HTML)+len(r.Plain), per, most)
	}
}
