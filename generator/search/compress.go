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
	z := c.writer(w)
	z.Write(b)
	z.Close()
	c.pool.Put(z)
}

// compressFrom gzips head and then what r holds onto the end of w, a
// piece at a time: the same bytes as compressTo of the whole.
func (c *compressor) compressFrom(w io.Writer, head []byte, r io.Reader) error {
	z := c.writer(w)
	defer c.pool.Put(z)
	z.Write(head)
	if _, err := io.Copy(z, r); err != nil {
		return err
	}
	return z.Close()
}

// writer returns a gzip writer onto w, reused where one is free.
func (c *compressor) writer(w io.Writer) *gzip.Writer {
	z, _ := c.pool.Get().(*gzip.Writer)
	if z == nil {
		var err error
		if z, err = gzip.NewWriterLevel(w, c.level); err != nil {
			panic(err) // only for an invalid level
		}
	} else {
		z.Reset(w)
	}
	return z
}

// Compress gzips b as the package's Compress does, with the index's
// writers; safe for concurrent use.
func (x *Index) Compress(b []byte) []byte { return x.zip.compress(b) }

// CompressTo is Compress onto the end of dst, which saves a copy of a
// file's bytes.
func (x *Index) CompressTo(dst *bytes.Buffer, b []byte) { x.zip.compressTo(dst, b) }

// CompressFileTo is CompressTo of f's bytes. A shard kept out of the heap
// is read through the compressor rather than whole: a 100,000-page
// site's shards came back as a quarter of a gigabyte of buffers.
func (x *Index) CompressFileTo(dst *bytes.Buffer, f File) error {
	if f.body == nil {
		x.zip.compressTo(dst, f.raw)
		return nil
	}
	r, err := f.body()
	if err != nil {
		return err
	}
	return x.zip.compressFrom(dst, f.head, r)
}
