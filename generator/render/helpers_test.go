package render

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"almanac/generator/output"
	"almanac/generator/site"
)

// theme is the repository's own default theme.
func theme() fs.FS { return os.DirFS("../..") }

// renderSite renders s with the default theme (and siteFS laid over it)
// into memory.
func renderSite(t *testing.T, s *site.Site, siteFS fs.FS, opts ...func(*Options)) *output.Memory {
	t.Helper()
	o := Options{Theme: theme(), Site: siteFS}
	for _, f := range opts {
		f(&o)
	}
	r, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	out := output.NewMemory()
	if err := r.Render(context.Background(), s, out); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return out
}

// get returns an output file as a string, failing the test when it is
// missing.
func get(t *testing.T, out *output.Memory, name string) string {
	t.Helper()
	b, ok := out.Get(name)
	if !ok {
		t.Fatalf("no output file %s; have %s", name, strings.Join(out.Names(), ", "))
	}
	return string(b)
}

// mapFS turns a string of "-- path --" sections into a file system, so a
// test reads like the site it builds.
func mapFS(txt string) fstest.MapFS {
	m := fstest.MapFS{}
	var name string
	var body []string
	flush := func() {
		if name != "" {
			m[name] = &fstest.MapFile{Data: []byte(strings.Join(body, "\n"))}
		}
	}
	for _, line := range strings.Split(txt, "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
			flush()
			name, body = strings.TrimSpace(line[3:len(line)-3]), nil
			continue
		}
		if name != "" {
			body = append(body, line)
		}
	}
	flush()
	return m
}

// merge lays the files of b over those of a.
func merge(a, b fstest.MapFS) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

// A renderer prepared Once binds its templates as they are: the site
// comes out as from one that copies them, and it cannot be prepared
// again.
func TestPrepareOnce(t *testing.T) {
	s := fixture("en", "https://almanac.example.org/")
	render := func(opts ...PrepareOption) (*Renderer, *output.Memory) {
		r, err := New(Options{Theme: theme(), Site: siteFS()})
		if err != nil {
			t.Fatal(err)
		}
		p, err := r.Prepare(s, opts...)
		if err != nil {
			t.Fatal(err)
		}
		out := output.NewMemory()
		if err := p.Run(context.Background(), p.Jobs(), out); err != nil {
			t.Fatal(err)
		}
		return r, out
	}
	_, copied := render(WithoutIndex())
	r, once := render(WithoutIndex(), Once())
	sameOutput(t, copied, once, "when the templates are bound once")
	if _, err := r.Prepare(s, WithoutIndex(), Once()); err == nil {
		t.Error("a renderer prepared Once was prepared again")
	}
}

// sameOutput fails the test unless a and b hold the same files, byte for
// byte; how says what b did differently.
func sameOutput(t *testing.T, a, b *output.Memory, how string) {
	t.Helper()
	if an, bn := a.Names(), b.Names(); !slices.Equal(an, bn) {
		t.Fatalf("the files differ %s:\n%s\n---\n%s", how, strings.Join(an, "\n"), strings.Join(bn, "\n"))
	}
	for _, n := range a.Names() {
		x, _ := a.Get(n)
		y, _ := b.Get(n)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs %s", n, how)
		}
	}
}
