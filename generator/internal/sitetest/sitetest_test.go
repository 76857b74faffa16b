package sitetest

import "testing"

func TestParse(t *testing.T) {
	fsys := Parse("ignored\n-- a.md --\nline 1\n-- dir/b.toml --\nx = 1\n\n-- c --\n")
	want := map[string]string{"a.md": "line 1\n", "dir/b.toml": "x = 1\n\n", "c": ""}
	if len(fsys) != len(want) {
		t.Fatalf("Parse gave %d files, want %d", len(fsys), len(want))
	}
	for name, data := range want {
		f, ok := fsys[name]
		if !ok {
			t.Fatalf("file %q missing", name)
		}
		if string(f.Data) != data {
			t.Errorf("file %q = %q, want %q", name, f.Data, data)
		}
	}
}
