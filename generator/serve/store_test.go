package serve

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServeCompressedFiles: the pages are kept compressed; a client that
// takes gzip gets the compressed bytes, one that does not gets the page as
// written, and each revalidates with its own ETag.
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
	if zipped.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(zipped.Header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("with gzip: Content-Encoding %q, Vary %q", zipped.Header.Get("Content-Encoding"), zipped.Header.Get("Vary"))
	}
	r, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if unzipped, _ := io.ReadAll(r); !bytes.Equal(unzipped, written) {
		t.Error("the compressed page is not the page")
	}
	if plain.Header.Get("ETag") == zipped.Header.Get("ETag") {
		t.Error("both encodings have one ETag")
	}
	for _, c := range []struct{ enc, etag string }{{"", plain.Header.Get("ETag")}, {"gzip", zipped.Header.Get("ETag")}} {
		if resp, _ := fetch(c.enc, c.etag, ""); resp.StatusCode != http.StatusNotModified {
			t.Errorf("revalidating %q: %d", c.enc, resp.StatusCode)
		}
	}
	if resp, part := fetch("gzip", "", "bytes=0-14"); resp.StatusCode != http.StatusPartialContent || string(part) != string(written[:15]) {
		t.Errorf("a range: %d %q", resp.StatusCode, part)
	}
	if resp, _ := fetch("gzip;q=0", "", ""); resp.Header.Get("Content-Encoding") != "" {
		t.Error("gzip refused with q=0 was sent")
	}
}
