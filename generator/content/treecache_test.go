package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"almanac/generator/site"
)

// treeMatters are front matters of every format and shape, and the
// sample site's.
func treeMatters(t *testing.T) []matter {
	t.Helper()
	var ms []matter
	for _, text := range []string{
		"---\ntitle: A\ntags: [a, b]\npoints: 3\nratio: 0.5\ndone: true\nwhen: 2026-01-02\nnil: ~\nnested:\n  - {a: 1, b: [x, 'y']}\n  - - deep\n---\nbody\n",
		"+++\ntitle = 'T'\nn = 7\nf = 1.5e3\nd = 2026-01-02T03:04:05+09:00\n[table]\nk = [1, 2]\n[[list]]\nx = 'one'\n+++\n",
		"{\n\"title\": \"J\",\n\"n\": -3,\n\"list\": [null, true, {\"a\": 1.25}]\n}\n\nbody",
		"\n\n---\nkey: \"multi\\nline\"\nempty: ''\nlong: >\n  folded\n  text\n---\n",
		"---\n---\n",
	} {
		m, d := splitMatter("x.md", []byte(text))
		if d != nil || m.format == formatNone {
			t.Fatalf("%q: %v", text, d)
		}
		ms = append(ms, m)
	}
	root := os.DirFS("../..")
	err := fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		if m, d := splitMatter(p, normalize(data)); d == nil && m.format != formatNone {
			ms = append(ms, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// A tree read back from the cache is the tree the parser gives, in a
// build after the one that parsed it, and the file is ignored when it
// does not read back whole.
func TestTreeCacheGivesTheParsersTrees(t *testing.T) {
	dir := t.TempDir()
	ms := treeMatters(t)
	want := make([]*node, len(ms))
	first := OpenTreeCache(dir)
	for i, m := range ms {
		var d *site.Diagnostic
		if want[i], d = parseMatter("x.md", m); d != nil {
			t.Fatalf("%s: %v", m.raw, d.Error())
		}
		if got, _ := first.parse("x.md", m); !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("first parse of %q differs", m.raw)
		}
	}
	if err := first.Written(); err != nil {
		t.Fatal(err)
	}
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}
	second := OpenTreeCache(dir)
	if len(second.old) == 0 {
		t.Fatal("no tree read back")
	}
	for i, m := range ms {
		got, d := second.parse("x.md", m)
		if d != nil || !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("tree of %q read back as\n%#v\nwant\n%#v", m.raw, got, want[i])
		}
		// The same text lower in its file gives other positions.
		m.rawLine += 2
		moved, _ := parseMatter("x.md", m)
		if got, _ := second.parse("x.md", m); !reflect.DeepEqual(got, moved) || reflect.DeepEqual(got, want[i]) {
			t.Fatalf("tree of %q two lines lower: the cache gave the first one's places", m.raw)
		}
	}
	// Text that does not parse is reported and never kept.
	bad, _ := splitMatter("x.md", []byte("---\ntitle: [unclosed\n---\n"))
	if _, d := second.parse("x.md", bad); d == nil {
		t.Fatal("a broken front matter parsed")
	}
	if second.seen[treeKey(bad)] {
		t.Fatal("a broken front matter's tree was kept")
	}
	if err := second.Written(); err != nil {
		t.Fatal(err)
	}
	if err := second.Save(); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, treeCacheName)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, broken := range [][]byte{data[:len(data)-1], data[:len(data)/2], nil, append([]byte("x"), data[1:]...)} {
		if err := os.WriteFile(name, broken, 0o644); err != nil {
			t.Fatal(err)
		}
		if c := OpenTreeCache(dir); c.old != nil {
			t.Fatalf("a cache file of %d bytes for %d was read", len(broken), len(data))
		}
	}
	// A tree garbled under a good checksum is parsed again.
	c := OpenTreeCache(t.TempDir())
	k := treeKey(ms[0])
	c.old = map[[32]byte][]byte{k: {1, 99}}
	if got, d := c.parse("x.md", ms[0]); d != nil || !reflect.DeepEqual(got, want[0]) {
		t.Fatal("a garbled tree was not parsed again")
	}
}
