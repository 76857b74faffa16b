package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"almanac/generator/corpus"
)

// The preview benchmarks build a generated site, serve it, and time what a
// writer waits for: from writing a file to the reload event that names the
// page (the page rendered and committed), and on to the end of the
// deferred work (lists, feeds, search index). Run by hand; the 10,000-page
// case takes many minutes on two cores:
//
//	go test ./generator/serve -run '^$' -bench Preview10000 -benchtime 1x -timeout 2h
//
// ALMANAC_BENCH_CACHE names a highlighting cache folder to keep between
// runs (a developer's machine keeps one); without it the first build
// highlights every code block. ALMANAC_HEAP_PROFILE names a file to write
// a heap profile to after the body edits, ALMANAC_CPU_PROFILE one for a
// CPU profile of the front matter edits.

func BenchmarkPreview1000(b *testing.B)  { benchPreview(b, 1000, 50, 10, 10) }
func BenchmarkPreview10000(b *testing.B) { benchPreview(b, 10000, 100, 10, 3) }

// benchPreview times edits of three kinds: a sentence added to a story's
// body, a story's title changed (front matter: the site is linked and its
// links checked again), and the story layout changed.
func benchPreview(b *testing.B, pages, storyEdits, matterEdits, layoutEdits int) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := corpus.WriteDir(dir, corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	// The site's own copy of the story layout, to edit.
	layout := filepath.Join(dir, "layouts", "story.html")
	theme := os.DirFS("../..")
	data, err := fs.ReadFile(theme, "layouts/story.html")
	if err != nil {
		b.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(layout), 0o755)
	os.WriteFile(layout, data, 0o644)
	story, url := firstStory(b, dir)

	for i := 0; i < b.N; i++ {
		cache := os.Getenv("ALMANAC_BENCH_CACHE")
		if cache == "" {
			cache = b.TempDir()
		}
		ctx, cancel := context.WithCancel(context.Background())
		began := time.Now()
		srv, err := Start(ctx, Options{Source: dir, Theme: theme, Now: corpus.DefaultNow(), Drafts: true, CacheDir: cache})
		if err != nil {
			b.Fatal(err)
		}
		answered := time.Since(began) // the port answers from here on
		<-srv.Ready()
		full := time.Since(began)
		peakBuilt := peakRSS() // the first build's peak, before any edit
		resetPeakRSS()
		events := listen(b, srv, url)
		waitIdle(srv)
		heapBuilt := liveHeapMiB()

		// Story edits: a sentence added to the body, as a writer saves.
		orig, _ := os.ReadFile(story)
		var reload, settled []time.Duration
		for n := range storyEdits {
			body := fmt.Sprintf("%s\nA sentence added by edit %d.\n", orig, n)
			r, _, s := timeEdit(b, srv, events, url, "", func() { os.WriteFile(story, []byte(body), 0o644) })
			reload, settled = append(reload, r), append(settled, s)
		}
		storyCPU := takeCPU()
		peakStory := peakRSS()
		resetPeakRSS()
		heapEdited := liveHeapMiB()
		if name := os.Getenv("ALMANAC_HEAP_PROFILE"); name != "" {
			// What the preview holds after the body edits.
			if f, err := os.Create(name); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
		// Front matter edits: the title, which lists and feeds show.
		// ALMANAC_CPU_PROFILE names a file for a CPU profile of them.
		stopProfile := func() {}
		if name := os.Getenv("ALMANAC_CPU_PROFILE"); name != "" {
			if f, err := os.Create(name); err == nil {
				pprof.StartCPUProfile(f)
				stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
			}
		}
		var mReload, mList, mSettled []time.Duration
		for n := range matterEdits {
			body := strings.Replace(string(orig), "\ntitle: ", fmt.Sprintf("\ntitle: Edit %d of ", n), 1)
			r, l, s := timeEdit(b, srv, events, url, "/stories/", func() { os.WriteFile(story, []byte(body), 0o644) })
			mReload, mList, mSettled = append(mReload, r), append(mList, l), append(mSettled, s)
		}
		stopProfile()
		matterCPU := takeCPU()
		peakMatter := peakRSS()
		resetPeakRSS()
		os.WriteFile(story, orig, 0o644)
		// Layout edits: every page again, the open one first.
		var lReload, lSettled []time.Duration
		for n := range layoutEdits {
			edited := strings.Replace(string(data), `<article class="detail story">`,
				fmt.Sprintf(`<article class="detail story" data-edit="%d">`, n), 1)
			r, _, s := timeEdit(b, srv, events, url, "", func() { os.WriteFile(layout, []byte(edited), 0o644) })
			lReload, lSettled = append(lReload, r), append(lSettled, s)
		}
		layoutCPU := takeCPU()
		peakLayout := peakRSS()
		heapEnd := liveHeapMiB()
		cancel()
		srv.Wait()

		b.ReportMetric(ms(pct(reload, 50)), "story-p50-ms")
		b.ReportMetric(ms(pct(reload, 95)), "story-p95-ms")
		b.ReportMetric(ms(pct(settled, 50)), "story-settled-p50-ms")
		b.ReportMetric(ms(pct(mReload, 50)), "matter-p50-ms")
		b.ReportMetric(ms(pct(mReload, 95)), "matter-p95-ms")
		b.ReportMetric(ms(pct(mSettled, 50)), "matter-settled-p50-ms")
		b.ReportMetric(ms(pct(mList, 50)), "matter-list-p50-ms")
		b.ReportMetric(ms(pct(storyCPU, 50)), "story-cpu-p50-ms")
		b.ReportMetric(ms(pct(matterCPU, 50)), "matter-cpu-p50-ms")
		b.ReportMetric(ms(pct(layoutCPU, 50)), "layout-cpu-p50-ms")
		b.ReportMetric(ms(pct(lReload, 50)), "layout-p50-ms")
		b.ReportMetric(ms(pct(lReload, 95)), "layout-p95-ms")
		b.ReportMetric(ms(pct(lSettled, 50)), "layout-settled-p50-ms")
		b.ReportMetric(full.Seconds(), "full-build-s")
		b.ReportMetric(ms(answered), "port-answers-ms")
		b.ReportMetric(max(peakBuilt, peakStory, peakMatter, peakLayout), "peak-rss-MB")
		b.ReportMetric(peakBuilt, "peak-rss-built-MB")
		b.ReportMetric(peakStory, "peak-rss-story-MB")
		b.ReportMetric(peakMatter, "peak-rss-matter-MB")
		b.ReportMetric(peakLayout, "peak-rss-layout-MB")
		b.ReportMetric(heapBuilt, "heap-built-MiB")
		b.ReportMetric(heapEdited, "heap-story-edits-MiB")
		b.ReportMetric(heapEnd, "heap-end-MiB")
	}
}

// firstStory is the first story file by name and its page's URL path.
func firstStory(b *testing.B, dir string) (string, string) {
	names, err := filepath.Glob(filepath.Join(dir, "content", "stories", "*.md"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no stories: %v", err)
	}
	slices.Sort(names)
	return names[0], "/stories/" + strings.TrimSuffix(filepath.Base(names[0]), ".md") + "/"
}

// listen opens the event stream as the page at url would, and sends each
// reload event's URLs, with the time it arrived, on the returned channel.
func listen(b *testing.B, srv *Server, url string) <-chan arrival {
	resp, err := http.Get(srv.URL() + "_almanac/events?path=" + url)
	if err != nil {
		b.Fatal(err)
	}
	ch := make(chan arrival, 1024)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "event: "); ok {
				name = n
			}
			if d, ok := strings.CutPrefix(line, "data: "); ok && name == "reload" {
				var m reloadMessage
				json.Unmarshal([]byte(d), &m)
				ch <- arrival{at: time.Now(), urls: m.URLs}
			}
		}
	}()
	for srv.broker.Clients() == 0 {
		time.Sleep(time.Millisecond)
	}
	return ch
}

type arrival struct {
	at   time.Time
	urls []string
}

// timeEdit makes a change once the server is idle and returns how long
// the reload event naming url took, how long the first one naming another
// URL under list took (when list is not ""; the page of the list that
// shows the story), and how long until the deferred work was done.
func timeEdit(b *testing.B, srv *Server, events <-chan arrival, url, list string, change func()) (time.Duration, time.Duration, time.Duration) {
	waitIdle(srv)
	for len(events) > 0 {
		<-events
	}
	c0 := processCPU()
	defer func() { editCPU = append(editCPU, processCPU()-c0) }()
	t0 := time.Now()
	change()
	var reload, listed time.Duration
	for reload == 0 || list != "" && listed == 0 {
		select {
		case a := <-events:
			if reload == 0 && slices.Contains(a.urls, url) {
				reload = a.at.Sub(t0)
			}
			if list != "" && listed == 0 && slices.ContainsFunc(a.urls, func(u string) bool { return u != url && strings.HasPrefix(u, list) }) {
				listed = a.at.Sub(t0)
			}
		case <-time.After(5 * time.Minute):
			b.Fatal("no reload event for", url, list)
		}
	}
	// The deferred work is pending from the Apply's commit on.
	waitIdle(srv)
	return reload, listed, time.Since(t0)
}

// editCPU are the processor times (user and system, every goroutine)
// of the edits timeEdit made, from the change to the end of the deferred
// work: what the machine's other work does not change.
var editCPU []time.Duration

// takeCPU returns the processor times of the edits since the last call.
func takeCPU() []time.Duration {
	d := editCPU
	editCPU = nil
	return d
}

// processCPU is the processor time the process has used, or 0 where
// the system does not say.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// liveHeapMiB is the heap in use after a collection.
func liveHeapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func waitIdle(srv *Server) {
	for !srv.idle() {
		time.Sleep(5 * time.Millisecond)
	}
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, (len(s)*p+99)/100-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// resetPeakRSS starts peakRSS anew from the memory resident now (Linux),
// so that each kind of edit has its own peak; elsewhere peakRSS goes on.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident memory in MiB (Linux) since it
// started or since resetPeakRSS, else the Go heap obtained from the
// system.
func peakRSS() float64 {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
				return float64(kb) / 1024
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.Sys) / (1 << 20)
}
