// Package binrec writes and reads the records the cache folder keeps:
// numbers as varints, bytes and strings after their length. A Decoder
// that meets something that does not read stops there: Bad reports it
// and every later read gives a zero value, so a cache file cut short or
// garbled reads as no entry, never as another one.
package binrec

import "encoding/binary"

// Encoder appends to B.
type Encoder struct{ B []byte }

func (e *Encoder) Uint(v uint64) { e.B = binary.AppendUvarint(e.B, v) }
func (e *Encoder) Int(v int64)   { e.B = binary.AppendVarint(e.B, v) }
func (e *Encoder) Byte(c byte)   { e.B = append(e.B, c) }

// Str writes s after its length.
func (e *Encoder) Str(s string) {
	e.Uint(uint64(len(s)))
	e.B = append(e.B, s...)
}

// Strs writes a list's length, then each string.
func (e *Encoder) Strs(list []string) {
	e.Uint(uint64(len(list)))
	for _, s := range list {
		e.Str(s)
	}
}

// Decoder reads what an Encoder wrote.
type Decoder struct {
	b   []byte
	src string // b as one string, when strings are cut from it
	bad bool
}

// NewDecoder reads b; each string read is a copy of its bytes.
func NewDecoder(b []byte) *Decoder { return &Decoder{b: b} }

// NewSharedDecoder reads b, cutting every string from one copy of b made
// now: one allocation for a record of many strings.
func NewSharedDecoder(b []byte) *Decoder { return &Decoder{b: b, src: string(b)} }

// Bad reports whether something did not read.
func (d *Decoder) Bad() bool { return d.bad }

// Len is how many bytes are left.
func (d *Decoder) Len() int { return len(d.b) }

// Fail marks the record as not reading, as a read that fails does.
func (d *Decoder) Fail() { d.bad, d.b = true, nil }

func (d *Decoder) Uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.Fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *Decoder) Int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.Fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// Count reads the length of a list whose items take at least size bytes
// each: a length the bytes left cannot hold does not read.
func (d *Decoder) Count(size int) int {
	n := d.Uint()
	if n > uint64(len(d.b)/size) {
		d.Fail()
		return 0
	}
	return int(n)
}

// Bytes reads the next n bytes, which the record keeps.
func (d *Decoder) Bytes(n int) []byte {
	if n < 0 || n > len(d.b) {
		d.Fail()
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

// Str reads a string written by Str.
func (d *Decoder) Str() string {
	n := int(min(d.Uint(), uint64(len(d.b)+1)))
	off := len(d.src) - len(d.b)
	b := d.Bytes(n)
	if d.bad || d.src == "" {
		return string(b)
	}
	return d.src[off : off+n]
}

// Strs reads a list written by Strs; nil when it is empty.
func (d *Decoder) Strs() []string {
	n := d.Count(1)
	if n == 0 {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = d.Str()
	}
	return list
}
