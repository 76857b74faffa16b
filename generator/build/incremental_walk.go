package build

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"almanac/generator/site"
	"almanac/generator/sitefs"
)

// IgnoredName reports whether a file or folder name is no part of a site:
// dotfiles and dot folders, and the swap, backup and probe files editors
// write beside the file they save (name~, .name.swp, #name#, vim's 4913).
func IgnoredName(name string) bool {
	switch {
	case name == "":
		return false
	case strings.HasPrefix(name, "."),
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		name == "4913":
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx", ".tmp":
		return true
	}
	return false
}

// ignoredPath reports whether any element of a slash path is ignored.
func ignoredPath(p string) bool {
	return slices.ContainsFunc(strings.Split(p, "/"), IgnoredName)
}

func isMarkdown(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// within reports whether p is dir or lies inside it.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+"/")
}

// parallel calls fn(0) … fn(n-1) on up to GOMAXPROCS goroutines.
func parallel(ctx context.Context, n int, fn func(i int)) {
	if n == 1 {
		fn(0)
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
}

// walkFiles lists the files under dir, skipping ignored names.
func walkFiles(ctx context.Context, fsys fs.FS, dir string) ([]string, site.Diagnostics) {
	var files []string
	var diags site.Diagnostics
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			switch {
			case p == dir:
				return err
			case errors.Is(err, fs.ErrNotExist):
				// Removed, or renamed away, while the walk ran: not
				// part of the site; the event of its removal follows.
			default:
				diags.Errorf(site.Pos{File: p}, "cannot read: %v", err)
			}
			return nil
		}
		if p != dir && IgnoredName(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch t := d.Type(); {
		case t.IsDir():
		case t.IsRegular():
			files = append(files, p)
		default:
			// Links and special files follow the rule a build's walk
			// follows: a link to a file inside the site is that file.
			info, err := sitefs.Follow(fsys, p, d)
			switch {
			case err != nil:
				diags.Add(sitefs.Diagnostic(p, err))
			case info.IsDir():
				diags.Add(sitefs.FolderLink(p))
			default:
				files = append(files, p)
			}
		}
		return nil
	})
	switch {
	case err == nil, ctx.Err() != nil:
	case errors.Is(err, fs.ErrNotExist):
		diags.ErrorHint(site.Pos{File: dir}, "create it, or set content_dir in almanac.toml", "content folder %q not found", dir)
	default:
		diags.Errorf(site.Pos{File: dir}, "cannot read content folder: %v", err)
	}
	return files, diags
}
