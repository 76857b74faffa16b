package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"almanac/generator/output"
)

// syncBuffer is a bytes.Buffer that a running command and the test may
// use at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestBuildWaitsForAnotherBuild(t *testing.T) {
	src := writeSite(t, map[string]string{
		"almanac.toml":    "title = \"T\"\n",
		"content/team.md": "---\ntitle: Team\n---\nHello.\n",
	})
	dest := filepath.Join(t.TempDir(), "out")
	running, err := output.NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Abort()

	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Run(context.Background(), []string{"build", "--source", src, "--dest", dest, "--no-cache", "--quiet"},
			Env{Stdout: &stdout, Stderr: &stderr, Theme: os.DirFS("../..")})
	}()
	want := fmt.Sprintf("almanac build: waiting for another build into %s%c (pid %d) to finish\n", dest, filepath.Separator, os.Getpid())
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(stderr.String(), want); {
		select {
		case code := <-done:
			t.Fatalf("build exit %d without waiting; stderr %q", code, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("stderr %q lacks %q", stderr.String(), want)
		}
	}
	running.Abort()
	if code := <-done; code != ExitOK {
		t.Fatalf("build exit %d: %s", code, stderr.String())
	}
	if stderr.String() != want {
		t.Errorf("stderr %q, want only %q", stderr.String(), want)
	}
	if _, err := os.Stat(filepath.Join(dest, "team", "index.html")); err != nil {
		t.Error(err)
	}
}

// TestBuildCannotMakeStaging: when the staging folder cannot be made, the
// build says why and fails (it used to stop on a nil result).
func TestBuildCannotMakeStaging(t *testing.T) {
	src := writeSite(t, map[string]string{"almanac.toml": "title = \"T\"\n"})
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "build", "--source", src, "--dest", filepath.Join(file, "out"), "--no-cache")
	if code != ExitFailed || !strings.HasPrefix(stderr, "almanac build: ") {
		t.Errorf("exit %d, stderr %q; want %d and the reason", code, stderr, ExitFailed)
	}
}
