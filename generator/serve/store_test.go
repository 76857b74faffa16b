package serve

import (
	"compress/flate"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServeCompressedFiles: the pages are kept compressed, and served as
// written to every client, gzip-taking or not, with an ETag to revalidate
// and ranges of the file as written.
func TestServeCompressedFiles(t *testing.T) {
	srv := start(t, writeSite(t, testSite))
	if kept, written := srv.out.Size(); kept*2 > written {
		t.Errorf("the files weigh %d bytes kept, %d written", kept, written)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	fetch := func(encoding, etag, rng string) (*http.Response, []byte) {
		req, _ := http.NewRequest("GET", srv.URL()+"stories/export-log/", nil)
		if encoding != "" {
			req.Header.Set("Accept-Encoding", encoding)
		}
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		if rng != "" {
			req.Header.Set("Range", rng)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, body
	}
	plain, written := fetch("", "", "")
	if plain.Header.Get("Content-Encoding") != "" || !strings.Contains(string(written), "The first version of the export.") {
		t.Fatalf("without gzip: %s %q", plain.Header.Get("Content-Encoding"), written)
	}
	zipped, body := fetch("gzip, deflate, br", "", "")
	if zipped.Header.Get("Content-Encoding") != "" || string(body) != string(written) {
		t.Fatalf("with gzip: Content-Encoding %q, %d bytes, want the page as written", zipped.Header.Get("Content-Encoding"), len(body))
	}
	if resp, _ := fetch("gzip", plain.Header.Get("ETag"), ""); resp.StatusCode != http.StatusNotModified {
		t.Errorf("revalidating: %d", resp.StatusCode)
	}
	if resp, part := fetch("gzip", "", "bytes=0-14"); resp.StatusCode != http.StatusPartialContent || string(part) != string(written[:15]) {
		t.Errorf("a range: %d %q", resp.StatusCode, part)
	}
}

// TestStoreDictionary: files kept before and after the store takes its
// dictionary, and pages that share much with it, read back as written;
// a page like the dictionary's takes far fewer bytes than alone.
func TestStoreDictionary(t *testing.T) {
	s := newStore()
	page := func(n int) []byte {
		var b strings.Builder
		b.WriteString("<!doctype html><html><head><title>Page</title></head><body><nav>")
		x := uint32(1)
		for i := range 200 { // links whose words do not repeat within a page
			x = x*1664525 + 1013904223
			fmt.Fprintf(&b, `<a href="/s-%x/">%x %d</a>`, x, x>>7, i)
		}
		fmt.Fprintf(&b, "</nav><main>Page %d says %x.</main></body></html>", n, n*2654435761)
		return []byte(b.String())
	}
	small := []byte(strings.Repeat("feed entry ", 100))
	files := map[string][]byte{"index.xml": small, "a/index.html": page(1), "b/index.html": page(2), "c.css": small, "tiny.html": []byte("<p>hi</p>")}
	for _, name := range []string{"index.xml", "a/index.html", "b/index.html", "c.css", "tiny.html"} {
		s.Keep(name, files[name])
	}
	for name, want := range files {
		if got, ok := s.Get(name); !ok || string(got) != string(want) {
			t.Errorf("%s read back as %d bytes, want %d as written", name, len(got), len(want))
		}
		if !s.Same(name, want) {
			t.Errorf("%s is not the same as written", name)
		}
	}
	alone := newStore()
	alone.plain.deflaters.New = func() any { // no dictionary for any page
		w, _ := flate.NewWriter(io.Discard, storeLevel)
		return w
	}
	alone.dictOnce.Do(func() {})
	alone.Keep("b/index.html", files["b/index.html"])
	a, _ := alone.entry("b/index.html")
	b, _ := s.entry("b/index.html")
	if b.dict == nil || len(b.data)*4 > len(a.data) {
		t.Errorf("a page like the dictionary's takes %d bytes with it, %d without", len(b.data), len(a.data))
	}
}

// Pack makes the stored form at once and keeps no reference to the
// caller's bytes, compressed or not, until the file is stored.
func TestStorePackCopies(t *testing.T) {
	s := newStore()
	page := []byte(strings.Repeat("<p>the deploy log of the release</p>\n", 100))
	small := []byte("short")
	keepPage, err := s.Pack("a/index.html", page)
	if err != nil {
		t.Fatal(err)
	}
	keepSmall, _ := s.Pack("b.txt", small)
	if s.Has("a/index.html") || s.Has("b.txt") {
		t.Fatal("packed files are stored before keep is called")
	}
	want, wantSmall := string(page), string(small)
	for i := range page {
		page[i] = 'x'
	}
	copy(small, "xxxxx")
	keepPage()
	keepSmall()
	if got, _ := s.Get("a/index.html"); string(got) != want {
		t.Error("a page reads back otherwise than it was packed")
	}
	if got, _ := s.Get("b.txt"); string(got) != wantSmall {
		t.Errorf("a small file reads back as %q", got)
	}
}
