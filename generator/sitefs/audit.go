package sitefs

import (
	"errors"
	"io/fs"

	"almanac/generator/site"
)

// Follow says what the entry d at p leads to when it is a link or a
// special file: the target's description, or why it cannot be read (a
// *RefusedError, or the error of a link that leads nowhere). Entries that
// are plain files or folders are returned as they are, without a system
// call.
func Follow(fsys fs.FS, p string, d fs.DirEntry) (fs.FileInfo, error) {
	t := d.Type()
	if t&fs.ModeSymlink == 0 {
		if t.IsDir() || t.IsRegular() {
			return d.Info()
		}
		info, err := d.Info()
		if err != nil {
			return nil, err
		}
		return nil, &RefusedError{Path: p, Reason: Special, Mode: info.Mode()}
	}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() && !info.Mode().IsRegular() {
		return nil, &RefusedError{Path: p, Reason: Special, Mode: info.Mode()}
	}
	return info, nil
}

// Diagnostic describes why p cannot be read, at p, with a hint.
func Diagnostic(p string, err error) site.Diagnostic {
	var re *RefusedError
	if errors.As(err, &re) {
		return site.Diagnostic{Pos: site.Pos{File: p}, Msg: re.Message(), Hint: re.Hint()}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return site.Diagnostic{Pos: site.Pos{File: p}, Msg: "broken symbolic link: it leads to nothing",
			Hint: "point it at a file that exists, or delete it"}
	}
	return site.Diagnostic{Pos: site.Pos{File: p}, Msg: "cannot read: " + err.Error()}
}

// Audit walks the folders dirs of fsys (a missing one is skipped) and
// reports every entry that cannot be read: links that leave the site,
// loop or lead nowhere, special files. A link to a folder is a warning:
// it is not followed. Dotfiles are skipped, as every reader skips them.
func Audit(fsys fs.FS, dirs ...string) site.Diagnostics {
	var diags site.Diagnostics
	for _, dir := range dirs {
		_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p != dir || !errors.Is(err, fs.ErrNotExist) {
					diags.Add(Diagnostic(p, err))
				}
				return nil
			}
			if p != dir && len(d.Name()) > 0 && d.Name()[0] == '.' {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			info, err := Follow(fsys, p, d)
			switch {
			case err != nil:
				diags.Add(Diagnostic(p, err))
			case d.Type()&fs.ModeSymlink != 0 && info.IsDir():
				diags.Add(FolderLink(p))
			}
			return nil
		})
	}
	return diags
}

// FolderLink is the warning for a link to a folder, which no walk follows
// (a link back up the tree would never end).
func FolderLink(p string) site.Diagnostic {
	return site.Diagnostic{Pos: site.Pos{File: p}, Severity: site.Warning,
		Msg:  "symbolic link to a folder is not followed",
		Hint: "move or copy the folder here instead"}
}
