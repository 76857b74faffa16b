package output

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Staging writes a build into a fresh folder beside the destination and
// swaps it in only when Commit is called, so a failed build never leaves a
// half-written site: the previous output stays as it was.
type Staging struct {
	dest string
	dir  string

	mu   sync.Mutex
	dirs map[string]bool
}

// NewStaging creates a staging folder next to dest (on the same file
// system, so the final rename is atomic).
func NewStaging(dest string) (*Staging, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".staging-")
	if err != nil {
		return nil, fmt.Errorf("output: cannot create staging folder: %w", err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Staging{dest: abs, dir: dir, dirs: map[string]bool{}}, nil
}

// Dir is the staging folder.
func (s *Staging) Dir() string { return s.dir }

// WriteFile writes name inside the staging folder.
func (s *Staging) WriteFile(name string, data []byte) error {
	c, err := CleanName(name)
	if err != nil {
		return err
	}
	full := filepath.Join(s.dir, filepath.FromSlash(c))
	d := filepath.Dir(full)
	s.mu.Lock()
	known := s.dirs[d]
	s.mu.Unlock()
	if !known {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		s.mu.Lock()
		s.dirs[d] = true
		s.mu.Unlock()
	}
	return os.WriteFile(full, data, 0o644)
}

// Commit swaps the staging folder in place of the destination. Where the
// system can exchange two folders atomically it does, so the destination
// is never missing; elsewhere the old output is moved aside first and put
// back if the new one cannot be moved in. The old output is removed last.
func (s *Staging) Commit() error {
	if st, err := os.Lstat(s.dest); err == nil && st.IsDir() && exchange(s.dir, s.dest) {
		// s.dir now holds the old output.
		return os.RemoveAll(s.dir)
	}
	old := ""
	if _, err := os.Lstat(s.dest); err == nil {
		old = fmt.Sprintf("%s.old-%d", s.dest, time.Now().UnixNano())
		if err := os.Rename(s.dest, old); err != nil {
			return fmt.Errorf("output: cannot move old output aside: %w", err)
		}
	}
	if err := os.Rename(s.dir, s.dest); err != nil {
		if old != "" {
			os.Rename(old, s.dest)
		}
		return fmt.Errorf("output: cannot swap in new output: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes the staging folder and leaves the destination untouched.
func (s *Staging) Abort() error { return os.RemoveAll(s.dir) }
