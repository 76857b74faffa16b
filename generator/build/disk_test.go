package build

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"almanac/generator/internal/sitetest"
	"almanac/generator/output"
)

// TestToDiskBuildsTakeTurns races two real builds of different sites into
// one folder: the output must be the whole of one of them, never a mix,
// with nothing left beside it.
func TestToDiskBuildsTakeTurns(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	other := strings.Replace(smallSite, `title = "Small team"`, `title = "Other team"`, 1)
	var want []*output.Memory
	var builders []*Builder
	for _, text := range []string{smallSite, other} {
		out, _ := generate(t, sitetest.Parse(text))
		want = append(want, out)
		b, err := New(Options{Source: sitetest.Parse(text), Theme: theme()})
		if err != nil {
			t.Fatal(err)
		}
		builders = append(builders, b)
	}

	for round := range 3 {
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]error, len(builders))
		for i, b := range builders {
			wg.Go(func() {
				<-start
				_, errs[i] = b.ToDisk(context.Background(), testNow, dest)
			})
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, build %d: %v", round, i, err)
			}
		}
		got := snapshot(t, dest)
		if !sameOutput(got, dest, want[0]) && !sameOutput(got, dest, want[1]) {
			t.Fatalf("round %d: the output is neither build's whole output", round)
		}
		if entries := beside(parent); len(entries) != 1 {
			t.Fatalf("round %d: the parent folder holds %v, want only public", round, entries)
		}
	}
}

func sameOutput(got map[string][]byte, dest string, want *output.Memory) bool {
	names := want.Names()
	if len(names) != len(got) {
		return false
	}
	for _, n := range names {
		w, _ := want.Get(n)
		if !bytes.Equal(got[filepath.Join(dest, filepath.FromSlash(n))], w) {
			return false
		}
	}
	return true
}

// TestToDiskWaitsForRunningBuild holds the destination as a running build
// does: ToDiskWaiting says it waits, by pid, and builds once the other
// build is over; given up, it fails without touching anything.
func TestToDiskWaitsForRunningBuild(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	b, err := New(Options{Source: sitetest.Parse(smallSite), Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}

	running, err := output.NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	running.WriteFile("index.html", []byte("running"))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	var told []int
	res, err := b.ToDiskWaiting(ctx, testNow, dest, func(pid int) { told = append(told, pid) })
	if res != nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("ToDiskWaiting = %v, %v; want it to give up waiting", res, err)
	}
	if len(told) != 1 || told[0] != os.Getpid() {
		t.Errorf("waiting was told %v, want this process's pid once", told)
	}
	if b, err := os.ReadFile(filepath.Join(running.Dir(), "index.html")); string(b) != "running" {
		t.Errorf("the running build's folder was touched: %q, %v", b, err)
	}

	waiting := make(chan int, 1)
	done := make(chan error, 1)
	go func() {
		_, err := b.ToDiskWaiting(context.Background(), testNow, dest, func(pid int) { waiting <- pid })
		done <- err
	}()
	select {
	case <-waiting:
	case err := <-done:
		t.Fatalf("the build did not wait: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the build neither waited nor went on")
	}
	if err := running.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "stories", "export-log", "index.html")); err != nil {
		t.Errorf("the waiting build's output is not in place: %v", err)
	}
	if entries := beside(parent); len(entries) != 1 {
		t.Errorf("the parent folder holds %v, want only public", entries)
	}
}

// TestToDiskCancelledRemovesStaging: a build whose context is done fails,
// and its staging folder (and lock) go with it.
func TestToDiskCancelledRemovesStaging(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	b, err := New(Options{Source: sitetest.Parse(smallSite), Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := b.ToDisk(ctx, testNow, dest); err == nil {
		t.Fatal("a cancelled build succeeded")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("the parent folder holds %d entries after a cancelled first build, want none", len(entries))
	}
}

// beside lists the output's folder but the spare a build keeps there for
// the next (output's spare.go).
func beside(parent string) []string {
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".staging-spare") {
			names = append(names, e.Name())
		}
	}
	return names
}
