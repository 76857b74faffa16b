package build

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
)

// Every stage is timed, in order, and the table names each one.
func TestTimingsNameEveryStage(t *testing.T) {
	_, res := generate(t, sitetest.Parse(smallSite))
	if len(res.Timings) != len(stages) {
		t.Fatalf("%d timings for %d stages", len(res.Timings), len(stages))
	}
	for i, st := range stages {
		if res.Timings[i].Stage != st.name {
			t.Errorf("timing %d is %q, want %q", i, res.Timings[i].Stage, st.name)
		}
	}
	var pages Timing
	for _, tm := range res.Timings {
		if tm.Stage == "pages" {
			pages = tm
		}
	}
	if pages.Wall <= 0 || pages.Allocated == 0 || pages.Heap == 0 {
		t.Errorf("the pages stage measured nothing: %+v", pages)
	}
	var buf bytes.Buffer
	if err := WriteTimings(&buf, res.Timings); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != len(stages)+2 { // header, stages, total
		t.Fatalf("table has %d lines, want %d:\n%s", len(lines), len(stages)+2, buf.String())
	}
	for i, st := range stages {
		if f := strings.Fields(lines[i+1]); len(f) == 0 || !strings.HasPrefix(lines[i+1], "  "+st.name) {
			t.Errorf("line %d = %q, want the %s stage", i+1, lines[i+1], st.name)
		}
	}
	if !strings.Contains(lines[len(lines)-1], "total") || !strings.Contains(lines[len(lines)-1], "100.0%") {
		t.Errorf("last line = %q, want the total at 100%%", lines[len(lines)-1])
	}
}

// changingFS serves one file with other bytes from its second read on, as
// an editor saving it in the middle of a build would.
type changingFS struct {
	fstest.MapFS
	name  string
	later []byte
	mu    sync.Mutex
	reads int
}

func (c *changingFS) Open(name string) (fs.File, error) {
	if name == c.name {
		c.mu.Lock()
		c.reads++
		if c.reads > 1 {
			c.mu.Unlock()
			return fstest.MapFS{name: &fstest.MapFile{Data: c.later}}.Open(name)
		}
		c.mu.Unlock()
	}
	return c.MapFS.Open(name)
}

// A build lets bodies go after loading and reads each again to render it:
// a file that changed in between is an error at that file, never a page
// whose body and front matter come from two different saves.
func TestBodyReadAgainMustBeTheSameFile(t *testing.T) {
	const name = "content/team.md"
	src := &changingFS{MapFS: sitetest.Parse(smallSite), name: name,
		later: []byte("---\ntitle: The team\n---\nSaved again.\n")}
	b, err := New(Options{Source: src, Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Generate(context.Background(), testNow, output.NewMemory())
	if err == nil {
		t.Fatal("build succeeded with a file that changed under it")
	}
	found := false
	for _, d := range res.Diagnostics {
		if d.Pos.File == name && strings.Contains(d.Msg, "changed while the site was being built") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error at %s about the change; got %v", name, res.Diagnostics)
	}
	// Kept bodies are never read twice.
	src = &changingFS{MapFS: sitetest.Parse(smallSite), name: name, later: src.later}
	b, err = New(Options{Source: src, Theme: theme(), KeepBodies: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Generate(context.Background(), testNow, output.NewMemory()); err != nil {
		t.Errorf("build that keeps bodies: %v", err)
	}
}
