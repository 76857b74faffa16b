package search

import (
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"os"
	"slices"
)

// spill keeps sealed segments out of the heap while pages are built: in
// a temporary file when one can be made (removed at once where the system
// allows, so nothing is left behind), as they are, else in memory,
// compressed. A build holds little else, and every megabyte it keeps
// makes the collector run more often under the build's memory limit;
// compressing what goes to the file would cost a tenth of the index's
// time and save only page cache.
type spill struct {
	f     *os.File
	name  string // to remove on close, where it could not be removed at once
	size  int64
	spans [][2]int64 // offset and length of each segment in f
	mem   [][]byte   // the segments, compressed, when there is no file
	tried bool
	err   error // reading the file back failed: segments were lost
	zw    *flate.Writer
}

// add keeps one sealed segment and returns its number, counting from 0
// in the order they came.
func (s *spill) add(b []byte) int {
	n := len(s.spans) + len(s.mem)
	if !s.tried {
		s.tried = true
		if f, err := os.CreateTemp("", "almanac-search-*"); err == nil {
			s.f = f
			if os.Remove(f.Name()) != nil {
				s.name = f.Name()
			}
		}
	}
	if s.f != nil {
		if _, err := s.f.Write(b); err == nil {
			s.spans = append(s.spans, [2]int64{s.size, int64(len(b))})
			s.size += int64(len(b))
			return n
		}
		// A full disk: bring back what the file holds, and keep that
		// and the rest in memory.
		var back [][]byte
		s.err = s.each(func(b []byte) error {
			back = append(back, s.deflate(b))
			return nil
		})
		s.close()
		s.f, s.mem = nil, back
	}
	s.mem = append(s.mem, s.deflate(b))
	return n
}

// reader returns a reader of segment i.
func (s *spill) reader(i int) (io.Reader, error) {
	switch {
	case s.err != nil:
		return nil, s.err
	case i < 0 || i >= len(s.spans)+len(s.mem):
		return nil, errSegment
	case i < len(s.spans):
		return io.NewSectionReader(s.f, s.spans[i][0], s.spans[i][1]), nil
	}
	return flate.NewReader(bytes.NewReader(s.mem[i-len(s.spans)])), nil
}

// get returns segment i. Safe for concurrent use while nothing is added.
func (s *spill) get(i int) ([]byte, error) {
	return s.appendTo(nil, i)
}

// appendTo appends segment i to b: from the file, one read of its
// length into b's room. Safe for concurrent use while nothing is added.
func (s *spill) appendTo(b []byte, i int) ([]byte, error) {
	if s.err == nil && i >= 0 && i < len(s.spans) {
		off, n := s.spans[i][0], int(s.spans[i][1])
		b = slices.Grow(b, n)
		got, err := s.f.ReadAt(b[len(b):len(b)+n], off)
		if got == n {
			return b[:len(b)+n], nil
		}
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return b, readBackError(err)
	}
	r, err := s.reader(i)
	if err != nil {
		return b, err
	}
	w := bytes.NewBuffer(b)
	if _, err := w.ReadFrom(r); err != nil {
		return b, readBackError(err)
	}
	return w.Bytes(), nil
}

func readBackError(err error) error {
	return errors.Join(errors.New("search: reading back a segment of the index"), err)
}

// deflate compresses one segment for memory.
func (s *spill) deflate(b []byte) []byte {
	var buf bytes.Buffer
	if s.zw == nil {
		s.zw, _ = flate.NewWriter(&buf, flate.BestSpeed)
	} else {
		s.zw.Reset(&buf)
	}
	s.zw.Write(b)
	s.zw.Close()
	return buf.Bytes()
}

// readers returns a reader of every segment kept, in the order they
// came. They read the file, which close closes.
func (s *spill) readers() ([]io.Reader, error) {
	rs := make([]io.Reader, len(s.spans)+len(s.mem))
	for i := range rs {
		r, err := s.reader(i)
		if err != nil {
			return nil, err
		}
		rs[i] = r
	}
	return rs, nil
}

// each calls fn with every segment kept, in the order they came.
func (s *spill) each(fn func([]byte) error) error {
	for i := range len(s.spans) + len(s.mem) {
		b, err := s.get(i)
		if err != nil {
			return err
		}
		if err := fn(b); err != nil {
			return err
		}
	}
	return nil
}

// close lets the file and the segments go.
func (s *spill) close() {
	if s.f != nil {
		s.f.Close()
		if s.name != "" {
			os.Remove(s.name)
		}
	}
	s.f, s.name, s.spans, s.mem, s.zw = nil, "", nil, nil, nil
}
