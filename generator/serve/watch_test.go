package serve

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// TestServeAtomicSaveAndNewFolder: a page saved the way editors save (a
// temporary file renamed over the real name, a swap file beside it) in a
// folder made after the server started; then a second page in that folder,
// which is watched by then.
func TestServeAtomicSaveAndNewFolder(t *testing.T) {
	dir := writeSite(t, testSite)
	srv := start(t, dir)
	sc := openStream(t, srv, "/handbook/deploys/")
	next(t, sc, "hello")

	// A new folder with a page in it, written the way editors save: a
	// temporary file renamed over the real name, a swap file beside it.
	folder := filepath.Join(dir, "content", "handbook")
	os.MkdirAll(folder, 0o755)
	tmp := filepath.Join(folder, ".deploys.md.tmp")
	os.WriteFile(filepath.Join(folder, ".deploys.md.swp"), []byte("swap"), 0o644)
	os.WriteFile(tmp, []byte("---\ntitle: Deploys\n---\nHow we deploy.\n"), 0o644)
	if err := os.Rename(tmp, filepath.Join(folder, "deploys.md")); err != nil {
		t.Fatal(err)
	}
	var msg reloadMessage
	for !contains(msg.URLs, "/handbook/deploys/") {
		json.Unmarshal([]byte(next(t, sc, "reload")), &msg)
	}
	// The new folder is watched: a second page in it shows up too.
	os.WriteFile(filepath.Join(folder, "oncall.md"), []byte("---\ntitle: On call\n---\nWho is on call.\n"), 0o644)
	for !contains(msg.URLs, "/handbook/oncall/") {
		json.Unmarshal([]byte(next(t, sc, "reload")), &msg)
	}
	if resp, _ := get(t, srv.URL()+"handbook/.deploys.md.swp"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the swap file was published: %s", resp.Status)
	}
}
