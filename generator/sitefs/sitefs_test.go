//go:build unix

package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// hostile lays out a site folder beside a secret outside it, with one link
// of every kind a pull request could add.
func hostile(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	dir := filepath.Join(top, "site")
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(top, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, rel string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	write("secret.txt", "SECRET")
	write("site/static/ok.txt", "fine")
	write("site/content/page.md", "# page")
	write("site/.git/config", "[core]")
	link("/etc/passwd", "static/passwd.txt")
	link("/proc/self/environ", "static/env.txt")
	link(filepath.Join(top, "secret.txt"), "static/abs-secret.txt")
	link("../../secret.txt", "static/up.txt")
	link("../.git/config", "static/gitconfig.txt")
	link("ok.txt", "static/same.txt")
	link("../content/page.md", "static/page.md")
	link("chain2.txt", "static/chain1.txt")
	link("chain3.txt", "static/chain2.txt")
	link("ok.txt", "static/chain3.txt")
	link("escape2.txt", "static/escape1.txt")
	link("../../secret.txt", "static/escape2.txt")
	link("loop2.txt", "static/loop1.txt")
	link("loop1.txt", "static/loop2.txt")
	link("missing.txt", "static/broken.txt")
	link("../content", "static/folder")
	link("..", "static/parent")
	link("/dev/zero", "static/zero.txt")
	link("sub/../../../secret.txt", "static/dotdot.txt")
	link("../static/ok.txt", "content/in.txt")
	link("../..", "content/outdir")
	if err := syscall.Mkfifo(filepath.Join(dir, "static", "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// openers are the two ways to open a folder: each path resolved from the
// root every time, and folders opened once (OpenOnce). Both refuse alike.
var openers = []struct {
	name string
	open func(string) (*FS, error)
}{{"Open", Open}, {"OpenOnce", OpenOnce}}

// eachOpener runs test on the hostile site opened each way.
func eachOpener(t *testing.T, test func(t *testing.T, opener string, fsys *FS)) {
	for _, o := range openers {
		t.Run(o.name, func(t *testing.T) {
			fsys, err := o.open(hostile(t))
			if err != nil {
				t.Fatal(err)
			}
			defer fsys.Close()
			test(t, o.name, fsys)
		})
	}
}

func TestOpenRefusesWhatLeavesTheSite(t *testing.T) {
	eachOpener(t, func(t *testing.T, _ string, fsys *FS) {
		// Twice: OpenOnce's folders are opened the first time.
		testRefusals(t, fsys)
		testRefusals(t, fsys)
	})
}

func testRefusals(t *testing.T, fsys *FS) {
	cases := []struct {
		name   string
		want   string // the file's text, or ""
		reason Reason // or 0 with notExist
		gone   bool   // fs.ErrNotExist
	}{
		{"static/ok.txt", "fine", 0, false},
		{"static/same.txt", "fine", 0, false},
		{"static/page.md", "# page", 0, false},
		{"static/chain1.txt", "fine", 0, false},
		{"content/in.txt", "fine", 0, false},
		{"static/folder/page.md", "# page", 0, false},
		{"static/parent/static/ok.txt", "fine", 0, false},
		{"static/passwd.txt", "", Absolute, false},
		{"static/env.txt", "", Absolute, false},
		{"static/abs-secret.txt", "", Absolute, false},
		{"static/zero.txt", "", Absolute, false},
		{"static/up.txt", "", Escapes, false},
		{"static/escape1.txt", "", Escapes, false},
		{"static/dotdot.txt", "", 0, true}, // sub does not exist
		{"content/outdir/secret.txt", "", Escapes, false},
		{"static/gitconfig.txt", "", Repository, false},
		{".git/config", "", Repository, false},
		{"static/parent/.git/config", "", Repository, false},
		{"static/loop1.txt", "", Loop, false},
		{"static/fifo.txt", "", Special, false},
		{"static/broken.txt", "", 0, true},
	}
	for _, c := range cases {
		data, err := fs.ReadFile(fsys, c.name)
		var re *RefusedError
		switch {
		case c.want != "":
			if err != nil || string(data) != c.want {
				t.Errorf("ReadFile(%q) = %q, %v; want %q", c.name, data, err, c.want)
			}
		case c.gone:
			if !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("ReadFile(%q) error = %v, want not exist", c.name, err)
			}
		case !errors.As(err, &re) || re.Reason != c.reason:
			t.Errorf("ReadFile(%q) = %q, %v; want refused, reason %d", c.name, data, err, c.reason)
		case !errors.Is(err, fs.ErrPermission):
			t.Errorf("ReadFile(%q): a refusal should be fs.ErrPermission", c.name)
		case re.Hint() == "":
			t.Errorf("ReadFile(%q): refused without a hint", c.name)
		}
		if err != nil && strings.Contains(string(data), "SECRET") {
			t.Errorf("ReadFile(%q) leaked the secret", c.name)
		}
		// Open and Stat agree with ReadFile.
		f, oerr := fsys.Open(c.name)
		if (oerr == nil) != (err == nil) {
			t.Errorf("Open(%q) error %v, ReadFile error %v", c.name, oerr, err)
		}
		if f != nil {
			f.Close()
		}
		if _, serr := fs.Stat(fsys, c.name); (serr == nil) != (err == nil) && c.reason != Special {
			t.Errorf("Stat(%q) error %v, ReadFile error %v", c.name, serr, err)
		}
	}
}

// ReadPlain reads only what ReadFile would give, and only plain files in
// folders reached without a link; everything else goes the slow way.
func TestReadPlainTakesOnlyPlainFiles(t *testing.T) {
	eachOpener(t, func(t *testing.T, opener string, fsys *FS) {
		names := []string{"static/ok.txt", "content/page.md", "static/same.txt", "static/page.md",
			"static/passwd.txt", "static/env.txt", "static/abs-secret.txt", "static/up.txt",
			"static/gitconfig.txt", ".git/config", "static/parent/.git/config", "static/loop1.txt",
			"static/fifo.txt", "static/zero.txt", "static/broken.txt", "static/folder/page.md",
			"content/in.txt", "static", "static/missing.txt", "../secret.txt", "static/../static/ok.txt"}
		for range 2 { // OpenOnce's folders are opened the first time
			for _, name := range names {
				data, ok := fsys.ReadPlain(name, 1<<20)
				plain := opener == "OpenOnce" && (name == "static/ok.txt" || name == "content/page.md")
				if ok != plain {
					t.Errorf("ReadPlain(%q) = %v, want %v", name, ok, plain)
				}
				if want, err := fs.ReadFile(fsys, name); ok && (err != nil || string(data) != string(want)) {
					t.Errorf("ReadPlain(%q) = %q, ReadFile = %q, %v", name, data, want, err)
				}
			}
		}
		if _, ok := fsys.ReadPlain("static/ok.txt", 3); ok {
			t.Error("ReadPlain read a file over its limit")
		}
		if data, ok := fsys.ReadPlain("static/ok.txt", 4); ok != (opener == "OpenOnce") || ok && string(data) != "fine" {
			t.Errorf("ReadPlain at the limit = %q, %v", data, ok)
		}
	})
}

func TestListingsLeaveOutGit(t *testing.T) {
	for _, o := range openers {
		t.Run(o.name, func(t *testing.T) { testListings(t, o.open) })
	}
}

func testListings(t *testing.T, open func(string) (*FS, error)) {
	fsys, err := open(hostile(t))
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	for _, dir := range []string{".", "static/parent"} {
		list, err := fs.ReadDir(fsys, dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range list {
			if d.Name() == GitDir {
				t.Errorf("ReadDir(%q) lists .git", dir)
			}
		}
		f, err := fsys.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		entries, _ := f.(fs.ReadDirFile).ReadDir(-1)
		f.Close()
		for _, d := range entries {
			if d.Name() == GitDir {
				t.Errorf("Open(%q).ReadDir lists .git", dir)
			}
		}
	}
}

func TestAuditReportsEveryBadEntry(t *testing.T) {
	fsys, err := Open(hostile(t))
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	diags := Audit(fsys, "static", "content", "layouts")
	got := map[string]string{}
	for _, d := range diags {
		if d.Hint == "" {
			t.Errorf("%s: no hint", d.Error())
		}
		got[d.Pos.File] = d.Severity.String() + ": " + d.Msg
	}
	want := map[string]string{
		"static/passwd.txt":     "error: symbolic link names an absolute path",
		"static/env.txt":        "error: symbolic link names an absolute path",
		"static/abs-secret.txt": "error: symbolic link names an absolute path",
		"static/zero.txt":       "error: symbolic link names an absolute path",
		"static/up.txt":         "error: symbolic link leads outside the site's folder",
		"static/escape1.txt":    "error: symbolic link static/escape2.txt leads outside",
		"static/escape2.txt":    "error: symbolic link leads outside",
		"static/dotdot.txt":     "error: broken symbolic link",
		"static/gitconfig.txt":  "error: symbolic link leads into the repository's .git folder",
		"static/loop1.txt":      "error: more than 40 symbolic links",
		"static/loop2.txt":      "error: more than 40 symbolic links",
		"static/broken.txt":     "error: broken symbolic link",
		"static/fifo.txt":       "error: not a regular file (a named pipe)",
		"static/folder":         "warning: symbolic link to a folder is not followed",
		"static/parent":         "warning: symbolic link to a folder is not followed",
		"content/outdir":        "error: symbolic link leads outside",
	}
	for p, w := range want {
		if !strings.HasPrefix(got[p], w) {
			t.Errorf("Audit at %s = %q, want %q…", p, got[p], w)
		}
		delete(got, p)
	}
	for p, g := range got {
		t.Errorf("Audit reports %s: %s, which is fine", p, g)
	}
}

func TestMapFS(t *testing.T) {
	m := fstest.MapFS{
		"static/a.txt":    {Data: []byte("a")},
		"static/b.txt":    {Data: []byte("a.txt"), Mode: fs.ModeSymlink},
		"static/c.txt":    {Data: []byte("../../x"), Mode: fs.ModeSymlink},
		".git/HEAD":       {Data: []byte("ref")},
		"static/p":        {Mode: fs.ModeNamedPipe},
		"content/x.md":    {Data: []byte("# x")},
		"content/y.md":    {Data: []byte("/etc/hostname"), Mode: fs.ModeSymlink},
		"content/sub/z":   {Data: []byte("z")},
		"content/sub2":    {Data: []byte("sub"), Mode: fs.ModeSymlink},
		"content/twice":   {Data: []byte("sub2/z"), Mode: fs.ModeSymlink},
		"content/nowhere": {Data: []byte("sub2/none"), Mode: fs.ModeSymlink},
	}
	fsys := New(m)
	for name, want := range map[string]string{"static/b.txt": "a", "content/twice": "z", "content/sub2/z": "z"} {
		if data, err := fs.ReadFile(fsys, name); err != nil || string(data) != want {
			t.Errorf("ReadFile(%q) = %q, %v; want %q", name, data, err, want)
		}
	}
	for _, name := range []string{"static/c.txt", ".git/HEAD", "static/p", "content/y.md", "content/nowhere"} {
		if _, err := fs.ReadFile(fsys, name); err == nil {
			t.Errorf("ReadFile(%q) succeeded", name)
		}
	}
	if err := fstest.TestFS(New(fstest.MapFS{"a/b.txt": {Data: []byte("b")}, "c.txt": {}}), "a/b.txt", "c.txt"); err != nil {
		t.Error(err)
	}
}
