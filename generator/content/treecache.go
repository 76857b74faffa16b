package content

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"io"
	"math"
	"os"
	"path/filepath"
	"sync"

	"almanac/generator/internal/binrec"
	"almanac/generator/site"
)

// A TreeCache keeps the trees that front matter parsed into, from one
// build to the next, by a digest of the format, the text and the line it
// starts on: parsing is a function of those alone (positions included),
// so a tree read back is the tree the parser would give. Only trees that
// parsed are kept; text with errors is parsed again and reports them as
// ever. Decoding a tree into a page (defaults, checks, warnings) is done
// on every build. At 10,000 pages the YAML parser was half of the load's
// time.
//
// The file (matter.trees in the cache folder) is written as the pages
// are loaded, each tree as it is parsed or read, beside the last build's,
// and put in its place when the build succeeded; one that does not read
// back whole (cut short, garbled, from another version) is ignored and
// every page is parsed. Only the last build's file is held in memory.
type TreeCache struct {
	path string
	mu   sync.Mutex
	old  map[[32]byte][]byte // the last build's trees, encoded, by key
	// This build's file, being written: its trees by key once each,
	// then the digest of what comes before.
	f    *os.File
	w    *bufio.Writer
	h    hash.Hash
	seen map[[32]byte]bool
	// written is the file Written finished, for Save.
	written string
}

const (
	treeCacheName    = "matter.trees"
	treeCacheVersion = "almanac front matter trees 2\n"
)

// OpenTreeCache reads the trees kept in dir; it never fails: without a
// readable file it starts empty, and without a file to write it keeps
// nothing for the next build.
func OpenTreeCache(dir string) *TreeCache {
	c := &TreeCache{path: filepath.Join(dir, treeCacheName), seen: map[[32]byte]bool{}}
	if f, err := os.CreateTemp(dir, treeCacheName+".*"); err == nil {
		c.f, c.h = f, sha256.New()
		c.w = bufio.NewWriterSize(io.MultiWriter(f, c.h), 64<<10)
		c.w.WriteString(treeCacheVersion)
	}
	data, err := os.ReadFile(c.path)
	if err != nil || len(data) < len(treeCacheVersion)+sha256.Size ||
		string(data[:len(treeCacheVersion)]) != treeCacheVersion {
		return c
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if sha256.Sum256(body) != [32]byte(sum) {
		return c
	}
	d := binrec.NewDecoder(body[len(treeCacheVersion):])
	old := map[[32]byte][]byte{}
	for d.Len() > 0 && !d.Bad() {
		var k [32]byte
		copy(k[:], d.Bytes(sha256.Size))
		old[k] = d.Bytes(int(min(d.Uint(), uint64(d.Len()+1))))
	}
	if d.Bad() {
		return c
	}
	c.old = old
	return c
}

// keep writes a tree to this build's file, once.
func (c *TreeCache) keep(k [32]byte, enc []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.w == nil || c.seen[k] {
		return
	}
	c.seen[k] = true
	var n [binary.MaxVarintLen64]byte
	c.w.Write(k[:])
	c.w.Write(n[:binary.PutUvarint(n[:], uint64(len(enc)))])
	c.w.Write(enc)
}

// treeKey is the key of a front matter's tree.
func treeKey(m matter) [32]byte {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	h.Write([]byte(treeCacheVersion))
	h.Write([]byte(m.format + "\x00"))
	h.Write(n[:binary.PutVarint(n[:], int64(m.rawLine))])
	h.Write(m.raw)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// parse is parseMatter through the cache; c may be nil.
func (c *TreeCache) parse(file string, m matter) (*node, *site.Diagnostic) {
	if c == nil {
		return parseMatter(file, m)
	}
	k := treeKey(m)
	c.mu.Lock()
	enc, ok := c.old[k]
	c.mu.Unlock()
	if ok {
		d := binrec.NewSharedDecoder(enc)
		root := decodeNode(d, 0)
		if !d.Bad() && d.Len() == 0 && root != nil && root.kind == mapNode {
			c.keep(k, enc)
			return root, nil
		}
	}
	root, diag := parseMatter(file, m)
	if diag == nil {
		var e binrec.Encoder
		encodeNode(&e, root)
		c.keep(k, e.B)
	}
	return root, diag
}

// Written finishes this build's file once the pages are loaded and lets
// the last build's trees go; Save puts the file in place of the last
// build's when the build succeeded, Drop removes it.
func (c *TreeCache) Written() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.old, c.seen = nil, nil // a large site's trees are megabytes
	if c.w == nil {
		return nil
	}
	err := c.w.Flush()
	if err == nil {
		_, err = c.f.Write(c.h.Sum(nil))
	}
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	name := c.f.Name()
	c.f, c.w, c.h = nil, nil, nil
	if err != nil {
		os.Remove(name)
		return err
	}
	c.written = name
	return nil
}

// Save keeps the trees Written wrote for the next build.
func (c *TreeCache) Save() error {
	if c == nil || c.written == "" {
		return nil
	}
	err := os.Rename(c.written, c.path)
	if err != nil {
		os.Remove(c.written)
	}
	c.written = ""
	return err
}

// Drop removes this build's file (the build failed).
func (c *TreeCache) Drop() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.f != nil {
		c.f.Close()
		os.Remove(c.f.Name())
		c.f, c.w, c.h = nil, nil, nil
	}
	if c.written != "" {
		os.Remove(c.written)
		c.written = ""
	}
}

// encodeNode writes a tree: its kind, place and values, then its
// entries or items, each a count and the nodes.
func encodeNode(e *binrec.Encoder, n *node) {
	if n == nil {
		e.Byte(0)
		return
	}
	e.Byte(1)
	e.Uint(uint64(n.kind))
	e.Int(int64(n.line))
	e.Int(int64(n.col))
	e.Str(n.text)
	e.B = binary.LittleEndian.AppendUint64(e.B, math.Float64bits(n.num))
	e.Int(n.inum)
	truth := byte(0)
	if n.truth {
		truth = 1
	}
	e.Byte(truth)
	e.Uint(uint64(len(n.entries)))
	for _, en := range n.entries {
		e.Str(en.key)
		e.Int(int64(en.line))
		e.Int(int64(en.col))
		encodeNode(e, en.val)
	}
	e.Uint(uint64(len(n.items)))
	for _, it := range n.items {
		encodeNode(e, it)
	}
}

// maxTreeDepth bounds how deep a tree read back may go.
const maxTreeDepth = 200

// decodeNode reads what encodeNode wrote, depth levels down.
func decodeNode(d *binrec.Decoder, depth int) *node {
	b := d.Bytes(1)
	if d.Bad() || b[0] == 0 {
		return nil
	}
	if b[0] != 1 || depth > maxTreeDepth {
		d.Fail()
		return nil
	}
	n := &node{kind: nodeKind(d.Uint()), line: int(d.Int()), col: int(d.Int()), text: d.Str()}
	if f := d.Bytes(8); f != nil {
		n.num = math.Float64frombits(binary.LittleEndian.Uint64(f))
	}
	n.inum = d.Int()
	n.truth = bytes.Equal(d.Bytes(1), []byte{1})
	if k := d.Count(4); k > 0 {
		n.entries = make([]entry, k)
		for i := range n.entries {
			en := &n.entries[i]
			en.key, en.line, en.col = d.Str(), int(d.Int()), int(d.Int())
			en.val = decodeNode(d, depth+1)
		}
	}
	if k := d.Count(1); k > 0 {
		n.items = make([]*node, k)
		for i := range n.items {
			n.items[i] = decodeNode(d, depth+1)
		}
	}
	if n.kind > listNode {
		d.Fail()
	}
	return n
}
