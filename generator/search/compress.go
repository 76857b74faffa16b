package search

import (
	"bytes"
	"compress/gzip"
	"io"
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
	c.compressTo(&buf, b)
	return buf.Bytes()
}

// compressTo gzips b onto the end of w.
func (c *compressor) compressTo(w io.Writer, b []byte) {
	z, _ := c.pool.Get().(*gzip.Writer)
	if z == nil {
		var err error
		if z, err = gzip.NewWriterLevel(w, c.level); err != nil {
			panic(err) // only for an invalid level
		}
	} else {
		z.Reset(w)
	}
	z.Write(b)
	z.Close()
	c.pool.Put(z)
}

// Compress gzips b as the package's Compress does, with the index's
// writers; safe for concurrent use.
func (x *Index) Compress(b []byte) []byte { return x.zip.compress(b) }

// CompressTo is Compress onto the end of dst, which saves a copy of a
// file's bytes.
func (x *Index) CompressTo(dst *bytes.Buffer, b []byte) { x.zip.compressTo(dst, b) }
