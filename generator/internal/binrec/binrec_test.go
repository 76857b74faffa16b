package binrec

import (
	"slices"
	"testing"
)

func sample() []byte {
	var e Encoder
	e.Uint(300)
	e.Int(-7)
	e.Str("배포 log")
	e.Strs([]string{"a", "", "세 번째"})
	e.Byte(1)
	return e.B
}

// What an Encoder writes reads back, by either decoder.
func TestRoundTrip(t *testing.T) {
	for _, d := range []*Decoder{NewDecoder(sample()), NewSharedDecoder(sample())} {
		u, i, s, list, b := d.Uint(), d.Int(), d.Str(), d.Strs(), d.Bytes(1)
		if u != 300 || i != -7 || s != "배포 log" || !slices.Equal(list, []string{"a", "", "세 번째"}) || b[0] != 1 || d.Bad() || d.Len() != 0 {
			t.Errorf("read back %d %d %q %q %v, bad %v, %d bytes left", u, i, s, list, b, d.Bad(), d.Len())
		}
	}
}

// A record cut short anywhere, or with a length larger than what is
// left, does not read: Bad, and zero values, never a panic.
func TestCutShortDoesNotRead(t *testing.T) {
	full := sample()
	for n := range len(full) {
		d := NewSharedDecoder(full[:n])
		d.Uint()
		d.Int()
		d.Str()
		d.Strs()
		d.Bytes(1)
		if !d.Bad() {
			t.Errorf("cut to %d of %d bytes: read without fault", n, len(full))
		}
	}
	var e Encoder
	e.Uint(1 << 40) // a string's length far past the end
	e.Str("x")
	d := NewDecoder(e.B)
	if s := d.Str(); s != "" || !d.Bad() || d.Str() != "" || d.Count(1) != 0 {
		t.Errorf("a length past the end read as %q", s)
	}
}
