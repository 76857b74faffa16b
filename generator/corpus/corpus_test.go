package corpus

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// testPages is the size of the corpus most tests check: large enough for
// every kind and status to show up, small enough to stay fast.
const testPages = 300

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func TestDeterministic(t *testing.T) {
	a := Generate(Options{Pages: testPages, Seed: 7})
	b := Generate(Options{Pages: testPages, Seed: 7})
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("same seed, %s differs", name)
		}
	}

	// The page order in which workers finish must not matter.
	prev := runtime.GOMAXPROCS(1)
	c := Generate(Options{Pages: testPages, Seed: 7})
	runtime.GOMAXPROCS(prev)
	for name, data := range a {
		if !bytes.Equal(data, c[name]) {
			t.Errorf("one worker, %s differs", name)
		}
	}

	d := Generate(Options{Pages: testPages, Seed: 8})
	same := 0
	for name, data := range d {
		if bytes.Equal(data, a[name]) {
			same++
		}
	}
	if same > 1 { // almanac.toml is the same for every seed
		t.Errorf("seeds 7 and 8 share %d identical files", same)
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		pages int
		want  counts
	}{
		{20, counts{stories: 15, releases: 1, postmortems: 1, plain: 1, metrics: 2}},
		{300, counts{stories: 211, releases: 29, postmortems: 29, plain: 29, metrics: 2}},
		{10000, counts{stories: 7001, releases: 999, postmortems: 999, plain: 999, metrics: 2}},
	}
	for _, tt := range tests {
		if got := countsFor(tt.pages); got != tt.want {
			t.Errorf("countsFor(%d) = %+v, want %+v", tt.pages, got, tt.want)
		}
	}
	for _, pages := range []int{20, 57, testPages} {
		files := Generate(Options{Pages: pages, Seed: 1})
		want := countsFor(pages)
		got := map[string]int{}
		for _, name := range sortedNames(files) {
			if !strings.HasSuffix(name, ".md") {
				continue
			}
			got[strings.Split(name, "/")[1]]++
		}
		wantByDir := map[string]int{"stories": want.stories, "releases": want.releases,
			"postmortems": want.postmortems, "handbook": want.plain, "metrics": want.metrics}
		total := 0
		for dir, n := range wantByDir {
			if got[dir] != n {
				t.Errorf("Pages %d: %d pages in content/%s, want %d", pages, got[dir], dir, n)
			}
			total += got[dir]
		}
		if total != pages || len(got) != len(wantByDir) {
			t.Errorf("Pages %d: %d Markdown files in %v", pages, total, got)
		}
		if string(files["almanac.toml"]) != config {
			t.Errorf("almanac.toml = %q", files["almanac.toml"])
		}
		if _, ok := files["content/metrics/error-budget-remaining.csv"]; !ok {
			t.Errorf("Pages %d: no CSV beside the CSV metric", pages)
		}
	}
}

func TestKoreanShare(t *testing.T) {
	for _, tt := range []struct {
		korean, want float64
	}{{0, 0.1}, {0.1, 0.1}, {0.5, 0.5}, {-1, 0}, {1, 0.99}} {
		files := Generate(Options{Pages: testPages, Seed: 3, Korean: tt.korean})
		korean, pages := 0, 0
		for _, name := range sortedNames(files) {
			if !strings.HasSuffix(name, ".md") {
				continue
			}
			pages++
			_, body := splitFrontMatter(t, name, files[name])
			if hangulShare(body) > 0.3 {
				korean++
			}
		}
		share := float64(korean) / float64(pages)
		if share < tt.want-0.02 || share > tt.want+0.02 {
			t.Errorf("Korean %v: %d of %d pages in Korean (%.3f), want about %v", tt.korean, korean, pages, share, tt.want)
		}
	}
}

// hangulShare is the share of Hangul among the letters of s.
func hangulShare(s string) float64 {
	letters, hangul := 0, 0
	for _, c := range s {
		switch {
		case c >= 0xAC00 && c <= 0xD7A3:
			hangul++
			letters++
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			letters++
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(hangul) / float64(letters)
}

func TestNow(t *testing.T) {
	now := time.Date(2030, 1, 15, 9, 0, 0, 0, time.UTC)
	files := Generate(Options{Pages: 40, Seed: 1, Now: now})
	latest := ""
	for _, name := range sortedNames(files) {
		if strings.HasPrefix(name, "content/releases/") {
			fm, _ := splitFrontMatter(t, name, files[name])
			if s := fmValue(fm, "released_at"); s > latest {
				latest = s
			}
		}
	}
	got, err := time.Parse(time.RFC3339, latest)
	if err != nil || got.After(now) || got.Before(now.AddDate(0, 0, -5)) {
		t.Errorf("latest released_at = %q, want within five days before %v", latest, now)
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Pages: 20, Seed: 2}
	if err := WriteDir(dir, opts); err != nil {
		t.Fatal(err)
	}
	files := Generate(opts)
	for name, data := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s on disk differs (%v)", name, err)
		}
	}
	fsys := MapFS(opts)
	if len(fsys) != len(files) {
		t.Errorf("MapFS has %d files, Generate %d", len(fsys), len(files))
	}
	if err := WriteDir(filepath.Join(dir, "almanac.toml", "sub"), opts); err == nil {
		t.Error("WriteDir under a file: no error")
	}
}

// TestGolden pins the bytes of a small corpus, so that a change to the
// generator, or to math/rand/v2, shows up as a reviewed diff. Regenerate
// with go test ./generator/corpus -run Golden -update.
func TestGolden(t *testing.T) {
	files := Generate(Options{Pages: 20, Seed: 1})
	var sb strings.Builder
	for _, name := range sortedNames(files) {
		fmt.Fprintf(&sb, "%x  %s\n", sha256.Sum256(files[name]), name)
	}
	golden := filepath.Join("testdata", "seed1-pages20.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if sb.String() != string(want) {
		t.Errorf("corpus differs from %s:\n%s", golden, sb.String())
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, pages := range []int{1000, 10000} {
		b.Run(fmt.Sprint(pages), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Generate(Options{Pages: pages, Seed: int64(i)})
			}
		})
	}
}
