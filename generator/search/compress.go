package search

import (
	"bytes"
	"compress/gzip"
	"sync"
)

// Compress gzips b with an empty header, so the same bytes always give the
// same file. Index.Compress does the same with writers it reuses.
func Compress(b []byte) []byte {
	c := compressor{level: gzip.DefaultCompression}
	return c.compress(b)
}

// compressor keeps gzip writers for reuse: each holds a megabyte of
// state, too much to make anew for every small file.
type compressor struct {
	level int
	pool  sync.Pool
}

func (c *compressor) compress(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b)/2 + 64)
	w, _ := c.pool.Get().(*gzip.Writer)
	if w == nil {
		var err error
		if w, err = gzip.NewWriterLevel(&buf, c.level); err != nil {
			panic(err) // only for an invalid level
		}
	} else {
		w.Reset(&buf)
	}
	w.Write(b)
	w.Close()
	c.pool.Put(w)
	return buf.Bytes()
}

// Compress gzips b as the package's Compress does, with the index's
// writers; safe for concurrent use.
func (x *Index) Compress(b []byte) []byte { return x.zip.compress(b) }
