package content

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"strings"

	"almanac/generator/site"
	"almanac/generator/sitefs"
)

// sourceFiles lists what a walk of the content folder found, as slash paths
// from the site root, sorted.
type sourceFiles struct {
	markdown []string
	others   []string
}

// isMarkdown reports whether a file name is a Markdown page.
func isMarkdown(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// ignored reports whether a file or folder is skipped: dotfiles and dot
// folders, editor swap and backup files.
func ignored(name string) bool {
	switch {
	case strings.HasPrefix(name, "."),
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx":
		return true
	}
	return false
}

// walk lists the files of the content folder.
func walk(ctx context.Context, fsys fs.FS, dir string) (sourceFiles, site.Diagnostics) {
	var files sourceFiles
	var diags site.Diagnostics
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			if p == dir {
				return err
			}
			diags.Add(sitefs.Diagnostic(p, err))
			return nil
		}
		if p != dir && ignored(d.Name()) {
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
		case isMarkdown(p):
			files.markdown = append(files.markdown, p)
		default:
			files.others = append(files.others, p)
		}
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
