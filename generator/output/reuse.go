package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// A warm build may prove that some of its files would come out as they did
// last time. Rather than make them again it takes them from the output it
// is about to replace: Staging links each such file from the destination
// into the staging folder, after checking that the destination's file is
// still the one the last build wrote (same size and modification time).
// Whoever reuses files keeps the stamps of what each build wrote.

// Stamp tells a written file again: its size and modification time.
type Stamp struct {
	Size    int64
	ModTime int64 // Unix nanoseconds
}

func stampOf(info fs.FileInfo) Stamp {
	return Stamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
}

// Reuser is a Writer that can take files unchanged from the output it
// replaces.
type Reuser interface {
	Writer
	// Reuse puts the previous output's files of these names, which must
	// still carry these stamps, in place of writing them: all of them or
	// none (false).
	Reuse(names []string, stamps []Stamp) bool
	// Stamp is the stamp of a file this build wrote or reused.
	Stamp(name string) (Stamp, bool)
}

// Stamp returns the stamp of a file written or reused by this build.
func (s *Staging) Stamp(name string) (Stamp, bool) {
	c, err := CleanName(name)
	if err != nil {
		return Stamp{}, false
	}
	s.mu.Lock()
	st, ok := s.stamps[c]
	s.mu.Unlock()
	return st, ok
}

// Reuse links the destination's files of these names into the staging
// folder when each is a regular file with its stamp; otherwise it leaves
// nothing behind and returns false.
func (s *Staging) Reuse(names []string, stamps []Stamp) bool {
	if len(names) != len(stamps) {
		return false
	}
	s.state.RLock()
	defer s.state.RUnlock()
	if s.done {
		return false
	}
	clean := make([]string, len(names))
	infos := make([]fs.FileInfo, len(names))
	for i, name := range names {
		c, err := CleanName(name)
		if err != nil {
			return false
		}
		info, err := os.Lstat(filepath.Join(s.dest, filepath.FromSlash(c)))
		if err != nil || !info.Mode().IsRegular() || stampOf(info) != stamps[i] {
			return false
		}
		clean[i], infos[i] = c, info
	}
	for i, c := range clean {
		full := filepath.Join(s.dir, filepath.FromSlash(c))
		if s.recycled {
			// The spare's file is often the destination's own.
			if there, err := os.Lstat(full); err == nil && os.SameFile(there, infos[i]) {
				continue
			}
		}
		err := s.link(c, full)
		if err != nil {
			for _, done := range clean[:i] {
				os.Remove(filepath.Join(s.dir, filepath.FromSlash(done)))
			}
			return false
		}
	}
	s.mu.Lock()
	for i, c := range clean {
		s.stamps[c] = stamps[i]
		s.linked[c] = true
	}
	s.mu.Unlock()
	return true
}

// link links the destination's file c into the staging folder at full.
func (s *Staging) link(c, full string) error {
	if s.recycled {
		if err := clearName(full); err != nil {
			return err
		}
	}
	err := s.mkdirFor(c, full)
	if err == nil {
		err = os.Link(filepath.Join(s.dest, filepath.FromSlash(c)), full)
	}
	if s.recycled && isWayBlocked(err) {
		if err = s.clearWay(full); err == nil {
			err = os.Link(filepath.Join(s.dest, filepath.FromSlash(c)), full)
		}
	}
	return err
}

// writeNew writes a file of the staging folder, never through a link to
// the destination's file of the same name (a reused one is unlinked
// first), and keeps its stamp.
func (s *Staging) writeNew(c, full string, data []byte) error {
	s.mu.Lock()
	linked := s.linked[c]
	delete(s.linked, c)
	s.mu.Unlock()
	switch {
	case s.recycled:
		// The spare's file may be the destination's too: the name is
		// replaced, the file never written through.
		if err := clearName(full); err != nil {
			return err
		}
	case linked:
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	var info fs.FileInfo
	if err == nil {
		info, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.stamps[c] = stampOf(info)
	s.mu.Unlock()
	return nil
}
