package content

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"almanac/generator/site"
	"almanac/generator/sitefs"
)

// Files is what a walk of a folder of the site found, as slash paths from
// the site root.
type Files struct {
	Markdown []string // pages, in walk order
	Others   []string // attachments, CSV series …, in walk order
	All      []string // both, in walk order
}

// IsMarkdown reports whether a file name is a Markdown page.
func IsMarkdown(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// Ignored reports whether a file or folder name is no part of a site:
// dotfiles and dot folders, and the swap, backup, probe and temporary
// files editors write beside the file they save (name~, .name.swp,
// #name#, vim's 4913, name.tmp). The build, the check and the preview's
// watcher all skip by this one rule, so a file the preview ignores is never
// published.
func Ignored(name string) bool {
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

// IgnoredPath reports whether any element of a slash path is Ignored.
func IgnoredPath(p string) bool {
	return slices.ContainsFunc(strings.Split(p, "/"), Ignored)
}

// Walk lists the files under dir (the content folder, or any folder of
// the site), skipping ignored names. Links follow sitefs's rule: a link to
// a file inside the site is that file; a link to a folder is a warning; a
// link that leaves the site or leads nowhere, and a device, pipe or
// socket, are errors at their paths. An entry that vanishes while the walk
// runs (an editor's rename in flight) is not part of the site.
func Walk(ctx context.Context, fsys fs.FS, dir string) (Files, site.Diagnostics) {
	var files Files
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
				// Removed, or renamed away, while the walk ran; the event
				// of its removal follows.
			default:
				diags.Add(sitefs.Diagnostic(p, err))
			}
			return nil
		}
		if p != dir && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if t := d.Type(); t&fs.ModeSymlink != 0 || !(t.IsDir() || t.IsRegular()) {
			if !follow(fsys, p, d, &diags) {
				return nil
			}
		}
		switch {
		case d.IsDir():
			return nil
		case IsMarkdown(p):
			files.Markdown = append(files.Markdown, p)
		default:
			files.Others = append(files.Others, p)
		}
		files.All = append(files.All, p)
		return nil
	})
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist):
		diags.ErrorHint(site.Pos{File: dir}, "create it, or set content_dir in almanac.toml",
			"content folder %q not found", dir)
	case ctx.Err() != nil:
		diags.Errorf(site.Pos{File: dir}, "loading stopped: %v", ctx.Err())
	default:
		diags.Add(sitefs.Diagnostic(dir, err))
	}
	return files, diags
}

// follow decides what to do with a symbolic link or a special file: a
// link to a file inside the site is read as that file; a link to a folder
// is not followed (a loop would never end); a link that leaves the site or
// leads nowhere, and a device, pipe or socket, are reported.
func follow(fsys fs.FS, p string, d fs.DirEntry, diags *site.Diagnostics) bool {
	info, err := sitefs.Follow(fsys, p, d)
	switch {
	case err != nil:
		diags.Add(sitefs.Diagnostic(p, err))
		return false
	case info.IsDir():
		diags.Add(sitefs.FolderLink(p))
		return false
	}
	return true
}
