//go:build unix && !aix

package output

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestHelperHoldStaging is not a test: TestStagingAfterKilledBuild runs
// the test binary again with it, as a build in another process that opens
// a staging folder, writes into it and hangs until it is killed.
func TestHelperHoldStaging(t *testing.T) {
	dest := os.Getenv("ALMANAC_OUTPUT_HOLD")
	if dest == "" {
		t.Skip("run by TestStagingAfterKilledBuild")
	}
	s, err := NewStaging(dest)
	if err != nil {
		os.Stdout.WriteString("error " + err.Error() + "\n")
		os.Exit(1)
	}
	s.WriteFile("index.html", []byte("half"))
	os.Stdout.WriteString("ready " + s.Dir() + "\n")
	time.Sleep(time.Minute)
	os.Exit(1)
}

// TestStagingAfterKilledBuild runs a build in another process and kills it
// halfway: while it lives, a build into the same destination waits for it
// by its pid and leaves its staging folder alone; once it is dead, that
// build goes on and removes the folder.
func TestStagingAfterKilledBuild(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, filepath.Join(dest, "index.html"), "before")

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldStaging$")
	cmd.Env = append(os.Environ(), "ALMANAC_OUTPUT_HOLD="+dest)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	held, ok := strings.CutPrefix(strings.TrimSpace(line), "ready ")
	if err != nil || !ok {
		t.Fatalf("the helper said %q, %v", line, err)
	}

	waiting := make(chan int, 1)
	done := make(chan error, 1)
	var s *Staging
	go func() {
		var err error
		s, err = OpenStaging(context.Background(), dest, StagingOptions{Waiting: func(pid int) { waiting <- pid }})
		done <- err
	}()
	select {
	case pid := <-waiting:
		if pid != cmd.Process.Pid {
			t.Errorf("waiting for pid %d, want the helper's %d", pid, cmd.Process.Pid)
		}
	case err := <-done:
		t.Fatalf("the build did not wait for the live one: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the build neither waited nor went on")
	}
	if got := tree(t, held); got["index.html"] != "half" {
		t.Fatalf("the live build's folder holds %v", got)
	}

	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the build still waits after the other one was killed")
	}
	if _, err := os.Stat(held); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the killed build's folder is still there: %v", err)
	}
	s.WriteFile("index.html", []byte("after"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); len(got) != 1 || got["index.html"] != "after" {
		t.Errorf("dest holds %v", got)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public", got)
	}
}
