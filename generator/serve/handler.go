package serve

import (
	"bytes"
	"hash/fnv"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// The preview's own URLs, beside the site's.
const (
	previewPrefix = "/_almanac/"
	clientURL     = previewPrefix + "live.js"
	eventsURL     = previewPrefix + "events"
)

// siteHandler serves the built site from memory. It can only ever serve a
// file the build wrote: names are looked up in the output's map, never on
// a disk, so no path (with .. in any encoding, absolute, with backslashes)
// reaches anything else; such paths are refused before the lookup anyway.
//
// It is its own handler rather than http.FileServerFS over the output
// because a static host does three things FileServerFS does not: it
// answers a missing page with the site's own 404.html and a 404 status, it
// never lists a folder that has no index.html, and it types the feeds as
// the host does (text/calendar, application/atom+xml) whatever the
// system's MIME table says. Ranges, conditional requests and HEAD still
// come from the standard library, through http.ServeContent.
type siteHandler struct {
	out *store
	// ready closes when the first build is done; until then a browser
	// gets the building page, and other clients wait. stop closes when
	// the server shuts down, and ends the wait.
	ready, stop <-chan struct{}
	// placeholder, when the site has never built, is served for every
	// page: it loads the reload client, which shows the errors.
	placeholder func() bool
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if !h.waitReady(w, r) {
		return
	}
	if h.placeholder() {
		servePlaceholder(w)
		return
	}
	f, found := h.out.entry(name)
	if !found && !strings.HasSuffix(r.URL.Path, "/") {
		if h.out.Has(path.Join(name, "index.html")) {
			// A folder: its index, at the URL with the slash, so that
			// relative links in the page resolve.
			target := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
	}
	if !found && strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
		f, found = h.out.entry(name)
	}
	status := http.StatusOK
	if !found {
		status = http.StatusNotFound
		if f, found = h.out.entry("404.html"); !found {
			http.Error(w, "404 page not found", http.StatusNotFound)
			return
		}
		name = "404.html"
	}
	data := f.bytes() // the store's compressed bytes are for no browser (see store)
	hd := w.Header()
	hd.Set("Content-Type", contentType(name, data))
	hd.Set("Cache-Control", "no-cache")
	hd.Set("X-Content-Type-Options", "nosniff")
	if status != http.StatusOK {
		hd.Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(data)
		}
		return
	}
	hd.Set("ETag", f.etag())
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// waitReady answers a request that comes while the first build runs. A
// browser (it asks for HTML) gets the building page at once, which the
// reload client, or without JavaScript a refresh, replaces by the site
// when it is ready. Other clients (curl, scripts, tests) are held until
// the site is built, as a server that is slow to start would hold them.
// It reports whether the request is still to be answered.
func (h *siteHandler) waitReady(w http.ResponseWriter, r *http.Request) bool {
	select {
	case <-h.ready:
		return true
	default:
	}
	if strings.Contains(r.Header.Get("Accept"), "text/html") {
		serveBuilding(w)
		return false
	}
	select {
	case <-h.ready:
		return true
	case <-r.Context().Done():
	case <-h.stop:
		serveBuilding(w)
	}
	return false
}

// fileName maps a URL path to an output name ("" is the root), refusing
// paths that try to leave the site: .. as a segment (whether it came
// percent-encoded or not: the path is decoded already), backslashes, NUL,
// or anything not rooted.
func fileName(p string) (string, bool) {
	if p == "" || p[0] != '/' || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "" {
		return "index.html", true
	}
	return name, true
}

// contentType is the media type of an output file. The feed and the
// calendar get theirs by name, whatever a system's MIME table says.
func contentType(name string, data []byte) string {
	switch {
	case name == "index.xml" || strings.HasSuffix(name, "/index.xml"):
		return "application/atom+xml; charset=utf-8"
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".ics":
		return "text/calendar; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".bin":
		return "application/octet-stream"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// etag names a file's bytes, so that a browser revalidating an unchanged
// file gets 304.
func etag(data []byte) string {
	h := fnv.New64a()
	h.Write(data)
	return `"` + strconv.FormatUint(h.Sum64(), 36) + `"`
}

// servePlaceholder answers while the site has never built: a page that
// loads the reload client, which shows the errors and loads the site as
// soon as it builds.
func servePlaceholder(w http.ResponseWriter) {
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte(placeholderPage))
}

// buildingRetry is how many seconds the building page waits before it
// asks again, when no reload event comes first.
const buildingRetry = "2"

// serveBuilding answers while the first build runs: 503, since the page
// asked for is not there yet, with the time to try again.
func serveBuilding(w http.ResponseWriter) {
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	hd.Set("Retry-After", buildingRetry)
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte(buildingPage))
}

// buildingPage reloads itself every few seconds, and at once when the
// reload client hears that the site is built; the meta tag makes the
// client reload on any change, as it does for the unbuilt page.
const buildingPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="` + buildingRetry + `">
<meta name="almanac-preview" content="building">
<title>almanac preview: building the site…</title>
<style>
:root{color-scheme:light dark;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans KR",sans-serif}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:Canvas;color:CanvasText}
main{max-width:28rem;padding:1.5rem}
h1{font-size:1.4rem;margin:0 0 .5rem;display:flex;align-items:center;gap:.6rem}
h1::before{content:"";width:1rem;height:1rem;border-radius:50%;border:.18rem solid color-mix(in srgb,CanvasText 25%,transparent);border-top-color:CanvasText;animation:spin 1s linear infinite}
p{margin:0;opacity:.75}
@keyframes spin{to{transform:rotate(1turn)}}
@media (prefers-reduced-motion:reduce){h1::before{animation:none}}
</style>
</head>
<body>
<main>
<h1>Building the site…</h1>
<p>The preview is building the site for the first time. This page shows the site as soon as it is ready.</p>
</main>
<script src="` + clientURL + `" defer></script>
</body>
</html>
`

const placeholderPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="almanac-preview" content="unbuilt">
<title>almanac preview: the site does not build yet</title>
</head>
<body>
<h1>The site does not build yet</h1>
<p>Fix the problems the terminal lists; this page loads the site as soon as it builds.</p>
<script src="` + clientURL + `" defer></script>
</body>
</html>
`
