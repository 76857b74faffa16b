package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"almanac/generator/internal/slab"
)

// A build into DEST = PARENT/NAME keeps everything it needs in PARENT, so
// that the final rename stays on one file system:
//
//	PARENT/.NAME.staging-lock             held (flock) for the build's whole life
//	PARENT/.NAME.staging-PID-XXXXXXXX     the build's staging folder
//	PARENT/.NAME.staging-PID-XXXXXXXX.old the previous output, while a swap
//	                                      without an atomic exchange is under way
//
// A build takes the lock before it creates its staging folder and lets it go
// only once that folder is swapped in or removed, so whoever holds the lock
// knows that any folder named like the last two belongs to a build that was
// killed, and removes it. The kernel lets go of a dead process's lock by
// itself, whatever became of its process id.

// Staging writes a build into a fresh folder beside the destination and
// swaps it in only when Commit is called, so a failed build never leaves a
// half-written site: the previous output stays as it was.
type Staging struct {
	dest string
	dir  string
	lock *destLock // nil where the file system has no locks

	// state is held for reading by every WriteFile and for writing by
	// Commit and Abort, so nothing is written after the folder is gone.
	state sync.RWMutex
	done  bool

	// recycled: the folder is the last output but one (the spare, see
	// spare.go), not an empty one.
	recycled bool

	mu     sync.Mutex
	dirs   map[string]bool
	stamps map[string]Stamp // what this build wrote or reused, by name
	linked map[string]bool  // reused: links to the destination's files
	// names holds the names of the files written, which the stamps and
	// the folders made are kept by, in blocks (see package slab): a
	// build's hundred thousand names live until it ends.
	names slab.Text
}

// StagingOptions are the optional parts of OpenStaging.
type StagingOptions struct {
	// Waiting, when set, is called once if another build into the same
	// destination is running, before OpenStaging waits for it to end. pid
	// is that build's process id, 0 when it cannot be read.
	Waiting func(pid int)
}

// NewStaging is OpenStaging with no deadline and no notice of waiting.
func NewStaging(dest string) (*Staging, error) {
	return OpenStaging(context.Background(), dest, StagingOptions{})
}

// OpenStaging creates a staging folder next to dest (on the same file
// system, so the final rename is atomic). If another build into dest is
// running, it waits until that build has committed or aborted, or until ctx
// is done. It then removes what killed builds into dest left behind. The
// caller must end the staging with Commit or Abort, which let the next build
// in.
func OpenStaging(ctx context.Context, dest string, opt StagingOptions) (*Staging, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	parent, name := filepath.Dir(abs), filepath.Base(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	shown := filepath.Clean(dest) + string(filepath.Separator)
	lock, err := lockDest(ctx, filepath.Join(parent, "."+name+".staging-lock"), shown, opt.Waiting)
	if err != nil {
		return nil, err
	}
	if lock != nil {
		removeStale(abs)
	}
	dir := ""
	if lock != nil {
		dir = takeSpare(abs) // the spare is only ever touched under the lock
	}
	recycled := dir != ""
	if !recycled {
		if dir, err = makeStagingDir(parent, name); err != nil {
			lock.release()
			return nil, err
		}
	}
	return &Staging{dest: abs, dir: dir, lock: lock, recycled: recycled, dirs: map[string]bool{},
		stamps: map[string]Stamp{}, linked: map[string]bool{}}, nil
}

// Dir is the staging folder.
func (s *Staging) Dir() string { return s.dir }

var errClosed = errors.New("output: the staging folder was already committed or aborted")

// WriteFile writes name inside the staging folder.
func (s *Staging) WriteFile(name string, data []byte) error {
	c, err := CleanName(name)
	if err != nil {
		return err
	}
	c = s.names.Clone(c)
	s.state.RLock()
	defer s.state.RUnlock()
	if s.done {
		return errClosed
	}
	full := filepath.Join(s.dir, filepath.FromSlash(c))
	if err := s.mkdirFor(c, full); err != nil {
		return err
	}
	err = s.writeNew(c, full, data)
	if s.recycled && isWayBlocked(err) {
		if err = s.clearWay(full); err == nil {
			err = s.writeNew(c, full, data)
		}
	}
	return err
}

// mkdirFor makes the folder of the staging file c (a clean slash name,
// at full), once. The folders made are known by their slash names, which
// are parts of the files' names the stamps keep: no string of their own
// for each page's folder, which the collector would mark on every cycle
// of a build.
func (s *Staging) mkdirFor(c, full string) error {
	d := path.Dir(c)
	if d == "." {
		return nil // the staging folder itself
	}
	up := path.Dir(d)
	s.mu.Lock()
	known, parent := s.dirs[d], up == "." || s.dirs[up]
	s.mu.Unlock()
	if known {
		return nil
	}
	// Most pages are a folder of their own under a known one: one mkdir,
	// not the stat of every folder above that MkdirAll does.
	dir := filepath.Dir(full)
	err := os.ErrNotExist
	if parent {
		if err = os.Mkdir(dir, 0o755); errors.Is(err, fs.ErrExist) {
			err = nil // another page's file made it first
		}
	}
	if err != nil {
		err = os.MkdirAll(dir, 0o755)
		if s.recycled && isWayBlocked(err) {
			err = s.clearWay(full) // a file of the spare where a folder goes
		}
		if err != nil {
			return err
		}
	}
	s.mu.Lock()
	// MkdirAll made (or found) every folder above it too: the next
	// page's folder beside this one is one mkdir.
	for a := d; a != "." && !s.dirs[a]; a = path.Dir(a) {
		s.dirs[a] = true
	}
	s.mu.Unlock()
	return nil
}

// Commit swaps the staging folder in place of the destination. Where the
// system can exchange two folders atomically it does, so the destination
// is never missing, and the old output is kept as the next build's spare
// (spare.go); elsewhere the old output is moved aside first and put back
// if the new one cannot be moved in, and is removed last.
// Whether it succeeds or not, the staging folder is gone afterwards and the
// next build may start; a later Abort does nothing.
func (s *Staging) Commit() error {
	s.state.Lock()
	defer s.state.Unlock()
	if s.done {
		return errClosed
	}
	s.done = true
	defer s.lock.release()
	if s.recycled {
		// Only this build's files go in.
		if err := s.prune(); err != nil {
			removeTree(s.dir)
			return fmt.Errorf("output: cannot clear the staging folder: %w", err)
		}
	}
	if st, err := os.Lstat(s.dest); err == nil && st.IsDir() && exchange(s.dir, s.dest) {
		// s.dir now holds the old output: the next build's start.
		if s.lock == nil {
			return removeTree(s.dir)
		}
		return keepSpare(s.dir, s.dest)
	}
	old := ""
	if _, err := os.Lstat(s.dest); err == nil {
		old = s.dir + ".old"
		if err := os.Rename(s.dest, old); err != nil {
			os.RemoveAll(s.dir)
			return fmt.Errorf("output: cannot move old output aside: %w", err)
		}
	}
	if err := os.Rename(s.dir, s.dest); err != nil {
		if old != "" {
			// Should this fail too, the next build puts it back.
			os.Rename(old, s.dest)
		}
		os.RemoveAll(s.dir)
		return fmt.Errorf("output: cannot swap in new output: %w", err)
	}
	if old != "" {
		return removeTree(old)
	}
	return nil
}

// Abort removes the staging folder and leaves the destination untouched.
// After Commit it does nothing.
func (s *Staging) Abort() error {
	s.state.Lock()
	defer s.state.Unlock()
	if s.done {
		return nil
	}
	s.done = true
	defer s.lock.release()
	return removeTree(s.dir)
}

// makeStagingDir creates an empty staging folder named for this process.
func makeStagingDir(parent, name string) (string, error) {
	for range 100 {
		dir := stagingName(parent, name)
		err := os.Mkdir(dir, 0o755)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("output: cannot create staging folder: %w", err)
		}
		// The published folder's mode should not depend on the umask.
		if err := os.Chmod(dir, 0o755); err != nil {
			os.Remove(dir)
			return "", err
		}
		return dir, nil
	}
	return "", fmt.Errorf("output: cannot create staging folder in %s: every name tried was taken", parent)
}

// stagingName is a name for a staging folder of this process.
func stagingName(parent, name string) string {
	return filepath.Join(parent, fmt.Sprintf(".%s.staging-%d-%08x", name, os.Getpid(), rand.Uint32()))
}

// stagingNames matches, for the destination's name, the names of its
// staging folders and of its outputs moved aside (the first submatch is
// ".old"); nothing else, not even the bare ".NAME.staging-DIGITS" of earlier
// versions, whose builds took no lock and so cannot be shown to be over.
func stagingNames(dest string) *regexp.Regexp {
	return regexp.MustCompile(`^\.` + regexp.QuoteMeta(dest) + `\.staging-[0-9]+-[0-9a-f]{8}(\.old)?$`)
}

// removeStale removes, beside abs, what killed builds into it left behind.
// It must be called with abs's lock held: no running build then has a
// staging folder. If a swap was cut short with the old output moved aside
// and nothing in its place, the old output is put back first, so that a
// build that fails still leaves the output that was there before. Errors
// are ignored: a folder that stays is tried again by the next build.
func removeStale(abs string) {
	parent, name := filepath.Dir(abs), filepath.Base(abs)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	var stale []string
	restore := ""
	var restoreTime time.Time
	_, destErr := os.Lstat(abs)
	ours := stagingNames(name)
	for _, e := range entries {
		m := ours.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		aside := m[1] != ""
		p := filepath.Join(parent, e.Name())
		if aside && errors.Is(destErr, fs.ErrNotExist) {
			// Only one build at a time moves an output aside, so there is
			// at most one; the newest is the one to keep all the same.
			if info, err := e.Info(); err == nil && (restore == "" || info.ModTime().After(restoreTime)) {
				if restore != "" {
					stale = append(stale, restore)
				}
				restore, restoreTime = p, info.ModTime()
				continue
			}
		}
		stale = append(stale, p)
	}
	if restore != "" && os.Rename(restore, abs) != nil {
		stale = append(stale, restore)
	}
	for _, p := range stale {
		os.RemoveAll(p)
	}
}

// errNoLocks is tryLock's answer where the file system cannot lock files.
var errNoLocks = errors.New("output: no file locks here")

// destLock is a held lock on a destination. A nil *destLock stands for
// "no locks on this file system" and releases as a no-op.
type destLock struct {
	path string
	f    *os.File
}

// lockDest takes the lock at path, waiting with backoff while another build
// holds it. shown names the destination in errors. The holder writes its
// process id into the file for waiters' messages; the file is removed when
// the lock is let go, so it is there only while a build runs (or after one
// was killed). It returns nil, nil where locks are not available.
func lockDest(ctx context.Context, path, shown string, waiting func(pid int)) (*destLock, error) {
	if !canLock {
		return nil, nil
	}
	start := time.Now()
	delay := 5 * time.Millisecond
	told := false
	for {
		f, err := os.OpenFile(path, lockOpenFlags, 0o644)
		if err != nil {
			return nil, fmt.Errorf("output: cannot open the lock of %s: %w", shown, err)
		}
		ok, err := tryLock(f)
		if errors.Is(err, errNoLocks) {
			f.Close()
			os.Remove(path)
			return nil, nil
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("output: cannot lock %s: %w", path, err)
		}
		if ok {
			same, err := isFileAt(f, path)
			if err != nil {
				f.Close()
				return nil, err
			}
			if !same {
				// The holder before us removed the file as it let go
				// of it, and someone may have created a new one: our
				// lock is on a file nobody else will ever open.
				f.Close()
				continue
			}
			f.Truncate(0)
			f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
			return &destLock{path: path, f: f}, nil
		}
		pid := readPid(f)
		f.Close()
		// The holder writes its pid just after it takes the lock; give
		// it a moment before saying that the pid is unknown.
		if !told && waiting != nil && (pid > 0 || time.Since(start) > time.Second) {
			told = true
			waiting(pid)
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			by := ""
			if pid > 0 {
				by = fmt.Sprintf(" (pid %d)", pid)
			}
			return nil, fmt.Errorf("output: gave up waiting for another build into %s%s to finish: %w", shown, by, context.Cause(ctx))
		case <-t.C:
		}
		delay = min(2*delay, 200*time.Millisecond)
	}
}

// isFileAt reports whether f is the file at path. A path that has become
// something other than a plain file is an error rather than a reason to try
// again forever.
func isFileAt(f *os.File, path string) (bool, error) {
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	pi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if os.SameFile(fi, pi) {
		return true, nil
	}
	if !pi.Mode().IsRegular() {
		return false, fmt.Errorf("output: the lock %s is not a plain file", path)
	}
	return false, nil
}

// readPid reads the process id a lock's holder wrote, 0 if there is none
// yet.
func readPid(f *os.File) int {
	b := make([]byte, 32)
	n, _ := f.ReadAt(b, 0)
	fields := strings.Fields(string(b[:n]))
	if len(fields) == 0 {
		return 0
	}
	pid, err := strconv.Atoi(fields[0])
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// release removes the lock file, if it is still ours, and lets go of the
// lock. Removing before letting go matters: a build that opened the file
// meanwhile then finds, once it gets the lock, that the file is gone, and
// tries again with a new one.
func (l *destLock) release() {
	if l == nil {
		return
	}
	if same, err := isFileAt(l.f, l.path); err == nil && same {
		os.Remove(l.path)
	}
	l.f.Close()
}
