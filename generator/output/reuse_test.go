package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStagingReusesTheLastOutput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"a/index.html": "page a", "b/index.html": "page b"} {
		if err := first.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	stA, okA := first.Stamp("a/index.html")
	stB, okB := first.Stamp("b/index.html")
	if !okA || !okB || stA.Size != int64(len("page a")) {
		t.Fatalf("stamps %v %v, %v %v", stA, okA, stB, okB)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}

	second, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	if second.Reuse([]string{"a/index.html", "b/index.html"}, []Stamp{stA, {Size: 1, ModTime: stB.ModTime}}) {
		t.Fatal("reused a file whose stamp is not its own")
	}
	if _, err := os.Stat(filepath.Join(second.Dir(), "a", "index.html")); err == nil {
		t.Fatal("a refused reuse left a file behind")
	}
	if second.Reuse([]string{"../x"}, []Stamp{stA}) {
		t.Fatal("reused a name outside the output")
	}
	if !second.Reuse([]string{"a/index.html", "b/index.html"}, []Stamp{stA, stB}) {
		t.Fatal("did not reuse files as they were written")
	}
	if st, ok := second.Stamp("a/index.html"); !ok || st != stA {
		t.Errorf("stamp of a reused file = %v, %v", st, ok)
	}
	// Writing over a reused file never writes through to the old output.
	if err := second.WriteFile("b/index.html", []byte("page b, again")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "b", "index.html")); string(data) != "page b" {
		t.Fatalf("the old output's file became %q", data)
	}
	if err := second.Commit(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a/index.html": "page a", "b/index.html": "page b, again"} {
		if data, _ := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name))); string(data) != want {
			t.Errorf("%s = %q, want %q", name, data, want)
		}
	}
}
