package output

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"syscall"
)

// A warm build takes most of its files from the output it replaces: it
// links each into a fresh staging folder, after a folder for each page,
// and once swapped in, the old output is removed file by file and folder
// by folder. At 10,000 pages that is some 50,000 system calls that change
// folders, each a journal entry, for a build that changed one file. So
// where the swap is an atomic exchange, the old output is not removed but
// kept beside the destination as the spare (.NAME.staging-spare), and the
// next build into the same destination starts from it instead of an empty
// folder: its folders are there already, and a file the build takes
// unchanged is, more often than not, the very file already in place (the
// same inode as the destination's, as the last build linked it). What the
// build writes replaces the name, never the file (a spare's file may be
// the destination's too); before the swap, everything the build did not
// write or take is removed (prune), so the folder swapped in holds this
// build's files and nothing else, as a fresh one would. The spare is only
// ever touched with the destination's lock held.

// spareDir is the destination's spare folder.
func spareDir(abs string) string {
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".staging-spare")
}

// takeSpare renames the destination's spare to a new staging folder's
// name and returns it, or "" when there is none.
func takeSpare(abs string) string {
	spare := spareDir(abs)
	if st, err := os.Lstat(spare); err != nil || !st.IsDir() {
		if err == nil {
			os.Remove(spare) // not a folder: nothing to start from
		}
		return ""
	}
	for range 100 {
		dir := stagingName(filepath.Dir(abs), filepath.Base(abs))
		if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if os.Rename(spare, dir) == nil {
			return dir
		}
		return ""
	}
	return ""
}

// keepSpare keeps the old output (in dir after the exchange) as the next
// build's spare; where it cannot, it removes it.
func keepSpare(dir, abs string) error {
	spare := spareDir(abs)
	if _, err := os.Lstat(spare); err == nil {
		if err := removeTree(spare); err != nil {
			return removeTree(dir)
		}
	}
	if err := os.Rename(dir, spare); err != nil {
		return removeTree(dir)
	}
	return nil
}

// clearName removes whatever a recycled staging folder holds at full, a
// file or a whole folder, so that a file can be written or linked there.
func clearName(full string) error {
	err := os.Remove(full)
	if err == nil || errors.Is(err, fs.ErrNotExist) || isWayBlocked(err) {
		return nil // a file on the way is cleared as the folders are made
	}
	if info, lerr := os.Lstat(full); lerr == nil && info.IsDir() {
		return removeTree(full)
	}
	return err
}

// clearWay makes the folders of full in a recycled staging folder where a
// file of the spare stood in the way of one of them.
func (s *Staging) clearWay(full string) error {
	d := filepath.Dir(full)
	var todo []string
	for a := d; len(a) > len(s.dir); a = filepath.Dir(a) {
		todo = append(todo, a)
	}
	for i := len(todo) - 1; i >= 0; i-- {
		info, err := os.Lstat(todo[i])
		if err == nil && !info.IsDir() {
			// Another file of the same folder may have cleared it first.
			if err := os.Remove(todo[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return os.MkdirAll(d, 0o755)
}

// isWayBlocked reports an error that says a file stands where a folder
// should.
func isWayBlocked(err error) bool {
	return errors.Is(err, syscall.ENOTDIR)
}

// prune removes from a recycled staging folder everything this build
// neither wrote nor took: files of the spare's build, folders of pages
// that are gone, anything added to the output by hand while it was live.
func (s *Staging) prune() error {
	s.mu.Lock()
	files := make(map[string]bool, len(s.stamps))
	dirs := map[string]bool{}
	for c := range s.stamps {
		files[c] = true
		for d := path.Dir(c); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	s.mu.Unlock()
	return pruneDir(s.dir, "", files, dirs)
}

func pruneDir(full, rel string, files, dirs map[string]bool) error {
	names, err := readNames(full)
	if err != nil {
		return err
	}
	for _, e := range names {
		r := e.name
		if rel != "" {
			r = rel + "/" + e.name
		}
		p := filepath.Join(full, e.name)
		switch {
		case e.dir && dirs[r]:
			err = pruneDir(p, r, files, dirs)
		case e.dir:
			err = removeTree(p)
		case files[r]:
			continue
		default:
			err = os.Remove(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// dirName is one entry of a folder: its name, and whether it is a folder
// (a link is not).
type dirName struct {
	name string
	dir  bool
}
