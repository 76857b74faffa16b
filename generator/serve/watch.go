package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/fsnotify/fsnotify"

	"almanac/generator/content"
)

// watcher reports changed files under a site root as slash paths relative
// to it: almanac.toml and everything under content/, layouts/ and static/.
// fsnotify watches single folders, so every folder below those is added,
// and each new one as it appears. Editors save by writing a temporary file
// and renaming it over the old one: the folder's events show the rename as
// a new file of the old name, and the temporary and swap files themselves
// are left out with dotfiles.
type watcher struct {
	root string
	fsn  *fsnotify.Watcher

	mu   sync.Mutex
	dirs []string // the site folders watched, relative: content dir, layouts, static
}

func newWatcher(root string) (*watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fsn, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return nil, err
	}
	w := &watcher{root: abs, fsn: fsn}
	// The root itself, for almanac.toml and for site folders made later.
	if err := fsn.Add(abs); err != nil {
		fsn.Close()
		return nil, err
	}
	return w, nil
}

// watch adds the site folders (relative to the root) and every folder in
// them; missing ones are watched once they are made.
func (w *watcher) watch(dirs ...string) {
	w.mu.Lock()
	for _, d := range dirs {
		if !containsString(w.dirs, d) {
			w.dirs = append(w.dirs, d)
		}
	}
	w.mu.Unlock()
	for _, d := range dirs {
		w.addTree(d)
	}
}

// addTree watches a folder and every folder in it, skipping ignored ones.
func (w *watcher) addTree(rel string) {
	_ = filepath.WalkDir(w.abs(rel), func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != w.abs(rel) && content.Ignored(d.Name()) {
			return filepath.SkipDir
		}
		_ = w.fsn.Add(p)
		return nil
	})
}

func (w *watcher) abs(rel string) string { return filepath.Join(w.root, filepath.FromSlash(rel)) }

// rel turns an event's path into a slash path relative to the root.
func (w *watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// relevant reports whether a path is part of the site's input.
func (w *watcher) relevant(rel string) bool {
	if rel == "almanac.toml" {
		return true
	}
	if content.IgnoredPath(rel) {
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, d := range w.dirs {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	return false
}

func isDir(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.IsDir()
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// run sends the changed paths to out until ctx ends. A new folder is
// watched and sent as a whole (the build reads what is in it, which may
// have been written before its watch was added); an overflow of the event
// queue sends "." (everything).
func (w *watcher) run(ctx context.Context, out chan<- string, logf func(string, ...any)) {
	defer w.fsn.Close()
	send := func(p string) bool {
		select {
		case out <- p:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.fsn.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				if !send(".") {
					return
				}
				continue
			}
			logf("watch: %v", err)
		case ev, ok := <-w.fsn.Events:
			if !ok {
				return
			}
			rel, ok := w.rel(ev.Name)
			if !ok || ev.Op == fsnotify.Chmod || !w.relevant(rel) {
				continue
			}
			if ev.Has(fsnotify.Create) && isDir(ev.Name) {
				w.addTree(rel)
			}
			if !send(path.Clean(rel)) {
				return
			}
		}
	}
}
