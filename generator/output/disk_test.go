package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func needLocks(t *testing.T) {
	t.Helper()
	if !canLock {
		t.Skip("no file locks on this system")
	}
}

// names lists a folder's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".staging-spare") {
			continue // kept on purpose, for the next build (spare.go)
		}
		out = append(out, e.Name())
	}
	return out
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestStagingIsBesideDest(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "site", "public")
	s, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if got := filepath.Dir(s.Dir()); got != filepath.Dir(dest) {
		t.Errorf("staging folder in %s, want beside %s", got, dest)
	}
	if !stagingNames("public").MatchString(filepath.Base(s.Dir())) {
		t.Errorf("staging folder %s is not named as a later build would recognise", s.Dir())
	}
	if st, err := os.Stat(s.Dir()); err != nil || st.Mode().Perm() != 0o755 {
		t.Errorf("staging folder: %v, %v; want mode 0755", st.Mode(), err)
	}
}

// TestStagingEndsOnce checks that Commit and Abort each end a staging for
// good: nothing is written afterwards, a second end is harmless, and the
// lock is let go, so the next build needs no wait.
func TestStagingEndsOnce(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	s, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("index.html", []byte("one"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("late.html", []byte("late")); !errors.Is(err, errClosed) {
		t.Errorf("WriteFile after Commit: %v", err)
	}
	if err := s.Abort(); err != nil {
		t.Errorf("Abort after Commit: %v", err)
	}
	if err := s.Commit(); !errors.Is(err, errClosed) {
		t.Errorf("second Commit: %v", err)
	}
	if got := tree(t, dest); len(got) != 1 || got["index.html"] != "one" {
		t.Errorf("dest holds %v", got)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public (no staging folder, no lock)", got)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s2, err := OpenStaging(ctx, dest, StagingOptions{Waiting: func(pid int) { t.Errorf("waited for pid %d after the build ended", pid) }})
	if err != nil {
		t.Fatal(err)
	}
	s2.Abort()
}

// TestStagingSecondBuildWaits: while a build is open on a destination,
// a second one waits, says for whom, and leaves the first's folder alone;
// it goes on once the first commits, and its output is the one that stays.
func TestStagingSecondBuildWaits(t *testing.T) {
	needLocks(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	first, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	first.WriteFile("index.html", []byte("first"))
	first.WriteFile("first-only.html", []byte("first"))

	waiting := make(chan int, 1)
	done := make(chan error, 1)
	go func() {
		second, err := OpenStaging(context.Background(), dest, StagingOptions{Waiting: func(pid int) { waiting <- pid }})
		if err != nil {
			done <- err
			return
		}
		second.WriteFile("index.html", []byte("second"))
		done <- second.Commit()
	}()
	select {
	case pid := <-waiting:
		if pid != os.Getpid() {
			t.Errorf("waiting for pid %d, want %d", pid, os.Getpid())
		}
	case err := <-done:
		t.Fatalf("the second build did not wait for the first: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the second build neither waited nor went on")
	}
	// Let the second build poll a few more times.
	time.Sleep(100 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("the second build went on while the first was open: %v", err)
	default:
	}
	if got := tree(t, first.Dir()); len(got) != 2 {
		t.Fatalf("the first build's staging folder holds %v while it runs", got)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("second build: %v", err)
	}
	if got := tree(t, dest); len(got) != 1 || got["index.html"] != "second" {
		t.Errorf("after the second commit: %v", got)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public", got)
	}
}

// TestStagingBuildsRace starts several builds into one destination at once
// and checks that they take turns: never two open together, each commit
// replaces the whole output, and nothing is left beside it.
func TestStagingBuildsRace(t *testing.T) {
	needLocks(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	const builds, files = 4, 30
	var open, most, waited atomic.Int32
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make(chan error, builds)
	for b := range builds {
		wg.Go(func() {
			<-start
			s, err := OpenStaging(context.Background(), dest, StagingOptions{Waiting: func(int) { waited.Add(1) }})
			if err != nil {
				errs <- err
				return
			}
			n := open.Add(1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			for i := range files {
				if err := s.WriteFile(fmt.Sprintf("p%d/index.html", i), []byte(fmt.Sprint(b))); err != nil {
					errs <- err
				}
			}
			time.Sleep(20 * time.Millisecond)
			open.Add(-1)
			if err := s.Commit(); err != nil {
				errs <- err
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if most.Load() != 1 {
		t.Errorf("%d builds were open at once", most.Load())
	}
	if waited.Load() == 0 {
		t.Error("no build said that it waited")
	}
	got := tree(t, dest)
	if len(got) != files {
		t.Fatalf("dest holds %d files, want %d", len(got), files)
	}
	for name, data := range got {
		if data != got["p0/index.html"] {
			t.Errorf("%s is from build %s, p0/index.html from build %s: the output mixes two builds", name, data, got["p0/index.html"])
		}
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public", got)
	}
}

// TestStagingRemovesStaleFolders lays out what a build killed halfway
// leaves (its staging folder and its lock file, which nobody holds) among
// look-alikes that are not ours, and checks that the next build removes
// exactly the stale folders.
func TestStagingRemovesStaleFolders(t *testing.T) {
	needLocks(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, filepath.Join(dest, "index.html"), "before")
	stale := []string{
		".public.staging-4242-0badf00d",
		".public.staging-4243-00000001.old", // an output moved aside, dest in place
	}
	for _, s := range stale {
		write(t, filepath.Join(parent, s, "stories", "a", "index.html"), "half")
	}
	write(t, filepath.Join(parent, ".public.staging-lock"), "4242\n")
	others := []string{
		".public.staging-1234",          // earlier versions' name: no lock, cannot be shown stale
		".public.staging-4242-0BADF00D", // not our spelling
		".public.staging-4242-0badf00d.bak",
		".public.staging-4242-0badf00",
		".public2.staging-4242-0badf00d", // another destination's
		".public.staging-x.staging-1-00000000",
		"public.staging-4242-0badf00d", // not hidden: someone else's
		"public.old-1700000000000000000",
		"notes.txt",
	}
	for _, o := range others {
		write(t, filepath.Join(parent, o, "keep"), "keep")
	}

	s, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stale {
		if _, err := os.Lstat(filepath.Join(parent, st)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stale %s is still there (%v)", st, err)
		}
	}
	for _, o := range others {
		if _, err := os.Stat(filepath.Join(parent, o, "keep")); err != nil {
			t.Errorf("%s was touched: %v", o, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(parent, ".public.staging-lock")); strings.TrimSpace(string(b)) != fmt.Sprint(os.Getpid()) {
		t.Errorf("the lock says %q, want this build's pid", b)
	}
	if got := tree(t, dest); got["index.html"] != "before" {
		t.Errorf("dest changed before the commit: %v", got)
	}
	s.WriteFile("index.html", []byte("after"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	want := append([]string{"public"}, others...)
	slices.Sort(want)
	if got := names(t, parent); !slices.Equal(got, want) {
		t.Errorf("parent holds %v, want %v", got, want)
	}
}

// TestStagingLeavesLiveBuildAlone holds a destination's lock as a running
// build in another process would, beside its staging folder: a build that
// gives up waiting must leave both as they were. Once the holder is gone
// (its lock let go, as when a process dies), the folder is stale and the
// next build removes it.
func TestStagingLeavesLiveBuildAlone(t *testing.T) {
	needLocks(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	live := filepath.Join(parent, ".public.staging-4242-0badf00d")
	write(t, filepath.Join(live, "index.html"), "being built")
	lockPath := filepath.Join(parent, ".public.staging-lock")
	holder, err := os.OpenFile(lockPath, lockOpenFlags, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if ok, err := tryLock(holder); !ok || err != nil {
		t.Fatalf("cannot take the lock: %v, %v", ok, err)
	}
	holder.WriteString("4242\n")

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	var told []int
	_, err = OpenStaging(ctx, dest, StagingOptions{Waiting: func(pid int) { told = append(told, pid) }})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("OpenStaging = %v, want it to give up waiting", err)
	}
	if want := "gave up waiting for another build into " + dest + string(filepath.Separator) + " (pid 4242) to finish"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
	}
	if !slices.Equal(told, []int{4242}) {
		t.Errorf("Waiting was told %v, want [4242] once", told)
	}
	if got := tree(t, live); got["index.html"] != "being built" {
		t.Errorf("the live build's folder was touched: %v", got)
	}
	if b, _ := os.ReadFile(lockPath); string(b) != "4242\n" {
		t.Errorf("the live build's lock file now says %q", b)
	}
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("dest was made while another build held it: %v", err)
	}

	holder.Close()
	s, err := OpenStaging(context.Background(), dest, StagingOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(live); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the dead build's folder is still there: %v", err)
	}
	s.Abort()
	if got := names(t, parent); len(got) != 0 {
		t.Errorf("parent holds %v after an aborted first build, want nothing", got)
	}
}

// TestStagingPutsBackOutputMovedAside: a build killed between moving the
// old output aside and moving the new one in (where folders cannot be
// exchanged atomically) leaves no dest at all. The next build puts the old
// output back before it starts, so that, should it fail, the output is
// the one from before.
func TestStagingPutsBackOutputMovedAside(t *testing.T) {
	needLocks(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, filepath.Join(parent, ".public.staging-4242-0badf00d.old", "index.html"), "old output")
	write(t, filepath.Join(parent, ".public.staging-4242-0badf00d", "index.html"), "new output")
	write(t, filepath.Join(parent, ".public.staging-lock"), "")

	s, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); len(got) != 1 || got["index.html"] != "old output" {
		t.Errorf("dest holds %v, want the output that was moved aside", got)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public", got)
	}
}

// TestStagingCommitFallback swaps with two renames, as systems without an
// atomic exchange do, and checks that the old output moved aside is gone
// afterwards and was named as a stale folder would be.
func TestStagingCommitFallback(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, filepath.Join(dest, "index.html"), "old")
	s, err := NewStaging(dest)
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("index.html", []byte("new"))
	// A plain file in dest's place makes Commit take the two renames.
	if err := os.RemoveAll(dest); err != nil {
		t.Fatal(err)
	}
	write(t, dest, "a file")
	if !stagingNames("public").MatchString(filepath.Base(s.Dir()) + ".old") {
		t.Error("an output moved aside would not be recognised as ours")
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); len(got) != 1 || got["index.html"] != "new" {
		t.Errorf("dest holds %v", got)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v, want only public", got)
	}
}

func TestStagingLockIsNotALink(t *testing.T) {
	needLocks(t)
	parent := t.TempDir()
	victim := filepath.Join(parent, "victim")
	write(t, victim, "precious")
	if err := os.Symlink(victim, filepath.Join(parent, ".public.staging-lock")); err != nil {
		t.Skip(err)
	}
	if s, err := NewStaging(filepath.Join(parent, "public")); err == nil {
		s.Abort()
		t.Error("a symbolic link in the lock's place was followed")
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the link's target now holds %q", b)
	}
}
