package content

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"strings"

	"almanac/generator/site"
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
			diags.Errorf(site.Pos{File: p}, "cannot read: %v", unwrapPathError(err))
			return nil
		}
		if p != dir && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if !followLink(fsys, p, &diags) {
				return nil
			}
		}
		switch {
		case d.IsDir():
		case isMarkdown(p):
			files.markdown = append(files.markdown, p)
		case d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0:
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
		diags.Errorf(site.Pos{File: dir}, "cannot read content folder: %v", unwrapPathError(err))
	}
	return files, diags
}

// followLink decides what to do with a symbolic link: a link to a file is
// read as that file; a link to a folder is not followed (a loop would
// never end), and one that leads nowhere is reported.
func followLink(fsys fs.FS, p string, diags *site.Diagnostics) bool {
	st, err := fs.Stat(fsys, p)
	switch {
	case err != nil:
		diags.ErrorHint(site.Pos{File: p}, "point it at a file that exists, or delete it",
			"broken symbolic link: %v", unwrapPathError(err))
		return false
	case st.IsDir():
		diags.Add(site.Diagnostic{Pos: site.Pos{File: p}, Severity: site.Warning,
			Msg:  "symbolic link to a folder is not followed",
			Hint: "move or copy the folder into the content folder"})
		return false
	case !st.Mode().IsRegular():
		return false
	}
	return true
}
