// Package corpus generates large, realistic almanac sites from a seed: user
// stories, releases, post-mortems, two metric series and handbook pages,
// with Markdown bodies in English and Korean. The sites feed the build
// benchmarks and load tests of the preview server and of search.
//
// The output is a pure function of Options: the same options give the same
// bytes on every machine and Go release, because every random choice is
// drawn from a PCG source seeded from Options.Seed and nothing is ordered
// by map iteration.
package corpus

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing/fstest"
	"time"
)

// Options says what to generate.
type Options struct {
	// Pages is the number of Markdown files, at least 20: two metric series,
	// and of the rest 70% stories, 10% releases, 10% post-mortems and 10%
	// plain handbook pages. Zero means 100.
	Pages int
	// Seed selects the corpus; the same seed always gives the same bytes.
	Seed int64
	// Korean is the share of pages written in Korean. Zero means 0.1; a
	// negative value means none.
	Korean float64
	// Now is the present the corpus is written around: releases before it
	// are shipped, the last few are planned or frozen after it. Zero means
	// DefaultNow.
	Now time.Time
}

// kst is the site's time zone, Asia/Seoul, which has kept +09:00 without
// daylight saving since 1988; a fixed zone needs no tz database.
var kst = time.FixedZone("KST", 9*60*60)

// DefaultNow is the present of a corpus whose Options.Now is zero:
// 2026-11-26 18:00 in Seoul. Build such a corpus with the same --now to
// see its planned releases in the future.
func DefaultNow() time.Time { return time.Date(2026, 11, 26, 18, 0, 0, 0, kst) }

func (o Options) normalized() Options {
	switch {
	case o.Pages == 0:
		o.Pages = 100
	case o.Pages < 20:
		o.Pages = 20
	}
	switch {
	case o.Korean == 0:
		o.Korean = 0.1
	case o.Korean < 0:
		o.Korean = 0
	case o.Korean > 1:
		o.Korean = 1
	}
	if o.Now.IsZero() {
		o.Now = DefaultNow()
	}
	o.Now = o.Now.In(kst)
	return o
}

// config is the site's almanac.toml.
const config = `title = "Corpus"
base_url = "/"
language = "en"
time_zone = "Asia/Seoul"
`

// Generate returns the site as slash paths relative to its root
// (almanac.toml, content/...) mapped to file contents.
func Generate(opts Options) map[string][]byte {
	opts = opts.normalized()
	p := newPlan(opts)
	jobs := p.jobs()
	data := make([][]byte, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				data[i] = jobs[i].render(p.rand(uint64(i)))
			}
		}()
	}
	wg.Wait()
	files := make(map[string][]byte, len(jobs)+1)
	files["almanac.toml"] = []byte(config)
	for i, j := range jobs {
		files[j.path] = data[i]
	}
	return files
}

// MapFS returns the generated site as an in-memory file system.
func MapFS(opts Options) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range Generate(opts) {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

// WriteDir writes the generated site under dir, creating folders as needed
// and replacing files of the same name. Files already in dir stay.
func WriteDir(dir string, opts Options) error {
	files := Generate(opts)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var errs []error
	made := map[string]bool{}
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if parent := filepath.Dir(path); !made[parent] {
			if err := os.MkdirAll(parent, 0o755); err != nil {
				errs = append(errs, err)
				continue
			}
			made[parent] = true
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// job renders one file from its own random source.
type job struct {
	path   string
	render func(r *rand.Rand) []byte
}
