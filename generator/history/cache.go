package history

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
)

// cacheVersion changes whenever what is cached, or how it is worked out,
// changes; old entries are then never read.
const cacheVersion = "history-1"

// cacheKey names the analysis of one repository: its HEAD and refs (so
// a new commit, branch or fetch reads the history again), the branch
// counted as merged, and the story ids looked for.
func cacheKey(dir, branch string, h head, ids []string) string {
	sum := sha256.New()
	sorted := append([]string(nil), ids...)
	sort.Strings(sorted)
	for _, s := range []string{cacheVersion, dir, branch, h.commit} {
		sum.Write([]byte(s))
		sum.Write([]byte{0})
	}
	if h.shallow {
		sum.Write([]byte("shallow\x00"))
	}
	sum.Write(h.rawRefs)
	sum.Write([]byte{0})
	for _, id := range sorted {
		sum.Write([]byte(lower(id)))
		sum.Write([]byte{0})
	}
	return hex.EncodeToString(sum.Sum(nil))
}

// keepPerRepository is how many analyses of one repository the cache
// keeps: enough for a few branches or id sets built in turn.
const keepPerRepository = 8

// cacheFile is where the analysis under key of the repository at dir is
// kept: one folder per repository, so that old entries can be pruned.
func cacheFile(cacheDir, dir, key string) string {
	sum := sha256.Sum256([]byte(dir))
	return filepath.Join(cacheDir, "history", hex.EncodeToString(sum[:8]), key+".json")
}

// loadCached returns the cached analysis for key, if there is one.
func loadCached(cacheDir, dir, key string) (analysis, bool) {
	if cacheDir == "" {
		return analysis{}, false
	}
	data, err := os.ReadFile(cacheFile(cacheDir, dir, key))
	if err != nil {
		return analysis{}, false
	}
	var a analysis
	if json.Unmarshal(data, &a) != nil || a.Stories == nil {
		return analysis{}, false
	}
	return a, true
}

// store keeps an analysis under key, written to a temporary file and
// renamed so a reader never sees half of it, and prunes the repository's
// oldest entries. A cache that cannot be written costs the next build a
// git log, nothing more.
func store(cacheDir, dir, key string, a analysis) {
	if cacheDir == "" {
		return
	}
	data, err := json.Marshal(a)
	if err != nil {
		return
	}
	name := cacheFile(cacheDir, dir, key)
	if os.MkdirAll(filepath.Dir(name), 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), name) != nil {
		os.Remove(f.Name())
		return
	}
	prune(filepath.Dir(name))
}

// prune removes all but the newest keepPerRepository entries of folder.
func prune(folder string) {
	entries, err := os.ReadDir(folder)
	if err != nil || len(entries) <= keepPerRepository {
		return
	}
	type entry struct {
		name string
		mod  int64
	}
	var list []entry
	for _, e := range entries {
		if info, err := e.Info(); err == nil && filepath.Ext(e.Name()) == ".json" {
			list = append(list, entry{e.Name(), info.ModTime().UnixNano()})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].mod > list[j].mod })
	for _, e := range list[min(keepPerRepository, len(list)):] {
		os.Remove(filepath.Join(folder, e.name))
	}
}
