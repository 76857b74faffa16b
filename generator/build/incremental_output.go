package build

import "bytes"

// Output is where an Incremental keeps the files it renders: an
// output.Memory, or a store of the caller's (the preview keeps its files
// compressed). Keep takes the bytes over; Get returns a file's bytes as
// they were kept.
type Output interface {
	Get(name string) ([]byte, bool)
	Keep(name string, data []byte) error
	Remove(name string)
	Names() []string
}

// has reports whether out has a file, without reading it when out can
// tell (Has).
func has(out Output, name string) bool {
	if h, ok := out.(interface{ Has(string) bool }); ok {
		return h.Has(name)
	}
	_, ok := out.Get(name)
	return ok
}

// same reports whether out holds exactly data under name, without reading
// the file when out can tell (Same).
func same(out Output, name string, data []byte) bool {
	if s, ok := out.(interface{ Same(string, []byte) bool }); ok {
		return s.Same(name, data)
	}
	old, ok := out.Get(name)
	return ok && bytes.Equal(old, data)
}

// packer is an Output that makes what it keeps of a file apart from
// keeping it (the preview's store compresses): see settledWriter.
type packer interface {
	Pack(name string, data []byte) (keep func(), err error)
}

// pack returns what keeps a copy of data under name in out; the work of
// making the copy is done before it returns, and data stays the caller's.
func pack(out Output, name string, data []byte) (func(), error) {
	if p, ok := out.(packer); ok {
		return p.Pack(name, data)
	}
	c := bytes.Clone(data)
	return func() { out.Keep(name, c) }, nil
}
