package render_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"almanac/generator/build"
	"almanac/generator/internal/browsertest"
	"almanac/generator/output"
	"almanac/generator/search"
)

// sampleSite builds the repository's own site (content/ and the default
// theme) at 2026-11-26 into memory and serves it.
func sampleSite(t *testing.T) *httptest.Server {
	t.Helper()
	root := os.DirFS("../..")
	b, err := build.New(build.Options{Source: root, Theme: root})
	if err != nil {
		t.Fatal(err)
	}
	seoul := time.FixedZone("KST", 9*3600)
	mem := output.NewMemory()
	if _, err := b.Generate(context.Background(), time.Date(2026, 11, 26, 9, 0, 0, 0, seoul), mem); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServerFS(mem))
	t.Cleanup(srv.Close)
	return srv
}

// run does the steps, failing the test at the first error.
func run(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval returns the value of a JavaScript expression.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// pollFor is how long a wait may last: 30 seconds, far more than any
// state takes to come on a busy machine, and never past shortly before
// ctx ends, which leaves time to say what the page showed instead.
func pollFor(ctx context.Context) time.Duration {
	d := 30 * time.Second
	if end, ok := ctx.Deadline(); ok {
		d = min(d, max(time.Until(end)-2*time.Second, time.Second))
	}
	return d
}

// waitJS waits until a JavaScript expression is true.
func waitJS(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(pollFor(ctx)))); err != nil {
		t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// waitEq waits until a JavaScript expression has the value want, and
// returns the value it has then: want, or, when the wait gave up, what
// the page shows instead, for the test to report.
func waitEq[T comparable](t *testing.T, ctx context.Context, expr string, want T) T {
	t.Helper()
	w, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	// A wait that gives up is no failure here: the value read next says
	// what went wrong.
	chromedp.Run(ctx, chromedp.Poll[bool](`(`+expr+`) === `+string(w), chromedp.WithPollingTimeout(pollFor(ctx))))
	return eval[T](t, ctx, expr)
}

const (
	options = `Array.from(document.querySelectorAll("#search-pop [role=option]"))`
	titles  = options + `.map(o => (o.querySelector(".search-title") || o).textContent)`
)

// typeInBox opens a page, types a query into the header's box and waits
// for the dropdown of the whole query.
func typeInBox(t *testing.T, ctx context.Context, url, query string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(url), chromedp.Click(chromedp.CSS("#search-q")), chromedp.SendKeys(chromedp.CSS("#search-q"), query))
	waitDropdown(t, ctx, query)
}

// waitDropdown waits until the dropdown is open on the results of query.
// Being open is not enough: keys arrive one by one, and on a busy machine
// the script may draw the list of a prefix ("rol") before the last keys
// of "rollb" reach it; the list's data-query says which query it holds.
func waitDropdown(t *testing.T, ctx context.Context, query string) {
	t.Helper()
	waitJS(t, ctx, `(p => !p.hidden && p.dataset.query === `+jsString(strings.TrimSpace(query))+`)(document.getElementById("search-pop"))`)
}

func TestSearchInBrowser(t *testing.T) {
	srv := sampleSite(t)
	ctx := browsertest.New(t, 4*time.Minute)
	home := srv.URL + "/"

	// sub gives a subtest its own time limit, so one stuck step does not
	// use up the others' time. The limits are far above what the steps
	// take on an idle machine (a few seconds): they end a hang, and a
	// machine busy with other builds and browsers must not reach them.
	sub := func(name string, f func(t *testing.T, ctx context.Context)) {
		t.Run(name, func(t *testing.T) {
			c, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			f(t, c)
		})
	}

	sub("type-ahead", func(t *testing.T, ctx context.Context) {
		typeInBox(t, ctx, home, "rollb")
		got := eval[[]string](t, ctx, titles)
		if len(got) < 3 {
			t.Fatalf("dropdown = %q, want several results for a prefix", got)
		}
		marks := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-pop mark")).map(m => m.textContent.toLowerCase())`)
		if len(marks) == 0 || !strings.HasPrefix(marks[0], "rollb") {
			t.Errorf("marked words = %q, want words starting with rollb", marks)
		}
		if v := eval[string](t, ctx, `document.getElementById("search-q").getAttribute("aria-expanded")`); v != "true" {
			t.Errorf("aria-expanded = %q with the dropdown open", v)
		}
		// a typo in a longer word is forgiven
		run(t, ctx, chromedp.Navigate(home), chromedp.SendKeys(chromedp.CSS("#search-q"), "ledgr "))
		waitDropdown(t, ctx, "ledgr")
		if got := eval[[]string](t, ctx, titles); !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(strings.ToLower(s), "ledger") }) {
			t.Errorf("ledgr found %q, want ledger pages", got)
		}
	})

	sub("korean", func(t *testing.T, ctx context.Context) {
		typeInBox(t, ctx, home, "정산")
		got := eval[[]string](t, ctx, titles)
		for _, want := range []string{"다중 정산 계좌 지원", "정산 내역 CSV 내보내기"} {
			if !slices.Contains(got, want) {
				t.Errorf("정산 found %q, want %q among them", got, want)
			}
		}
		// a stem finds the word with its endings: 배포 → 배포되었으나
		typeInBox(t, ctx, home, "배포")
		if got := eval[[]string](t, ctx, titles); !slices.Contains(got, "다중 정산 계좌 지원") {
			t.Errorf("배포 found %q, want 다중 정산 계좌 지원 among them", got)
		}
		if marks := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-pop mark")).map(m => m.textContent)`); !slices.ContainsFunc(marks, func(s string) bool { return strings.HasPrefix(s, "배포") && s != "배포" }) {
			t.Errorf("marked %q, want a form of 배포 with its ending", marks)
		}
		// a compound written without spaces is found by its parts
		typeInBox(t, ctx, home, "계산서")
		if got := eval[[]string](t, ctx, titles); len(got) == 0 || got[0] != "수수료 세금계산서 자동 발행" {
			t.Errorf("계산서 found %q, want 수수료 세금계산서 자동 발행 first", got)
		}
	})

	sub("keyboard", func(t *testing.T, ctx context.Context) {
		run(t, ctx, chromedp.Navigate(srv.URL+"/stories/"), chromedp.KeyEvent("/"))
		if id := waitEq(t, ctx, `document.activeElement.id`, "search-q"); id != "search-q" {
			t.Fatalf("after /, focus is on %q, want the search box", id)
		}
		run(t, ctx, chromedp.Navigate(srv.URL+"/releases/"), chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		if id := waitEq(t, ctx, `document.activeElement.id`, "search-q"); id != "search-q" {
			t.Fatalf("after Ctrl+K, focus is on %q, want the search box", id)
		}
		run(t, ctx, chromedp.SendKeys(chromedp.CSS("#search-q"), "1.4.0"))
		waitDropdown(t, ctx, "1.4.0")
		first := eval[string](t, ctx, options+`[0].pathname`)
		if first != "/releases/1.4.0/" {
			t.Errorf("first result for 1.4.0 is %s, want the release itself", first)
		}
		run(t, ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp))
		if sel := waitEq(t, ctx, `document.getElementById("search-q").getAttribute("aria-activedescendant") + " " + document.querySelector("[aria-selected=true]")?.id`, "search-opt-0 search-opt-0"); sel != "search-opt-0 search-opt-0" {
			t.Errorf("after down, down, up: active %q, want the first option", sel)
		}
		run(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS("main mark.search-hit")))
		if loc := waitEq(t, ctx, `location.pathname + location.search`, "/releases/1.4.0/"); loc != "/releases/1.4.0/" {
			t.Errorf("Enter opened %s, want /releases/1.4.0/ (highlight parameter dropped once applied)", loc)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("main mark.search-hit").length`); n == 0 {
			t.Error("the opened page marks no word")
		}

		typeInBox(t, ctx, home, "ledger")
		run(t, ctx, chromedp.KeyEvent(kb.Escape))
		if open := waitEq(t, ctx, `!document.getElementById("search-pop").hidden`, false); open {
			t.Error("Escape left the dropdown open")
		}
	})

	sub("filter", func(t *testing.T, ctx context.Context) {
		run(t, ctx, chromedp.Navigate(srv.URL+"/search/?q=rollback"))
		// Results are drawn one by one as their records arrive: wait for
		// the first ten, or all of them, that the status counts.
		settled := `(n => n > 0 && document.querySelectorAll("#search-results li").length === Math.min(10, n))(parseInt(document.getElementById("search-status").textContent.replace(/[^0-9]/g, ""), 10) || 0)`
		waitJS(t, ctx, settled)
		all := eval[int](t, ctx, `document.querySelectorAll("#search-results li").length`)
		kinds := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("fieldset[data-facet=kind] label")).map(l => l.textContent.trim())`)
		if len(kinds) < 2 {
			t.Fatalf("kind facet = %q, want several kinds with counts", kinds)
		}
		run(t, ctx, chromedp.Click(chromedp.CSS(`fieldset[data-facet=kind] input[value=postmortem]`)))
		// The URL changes at once; the list is emptied and filled again
		// later, and an empty list is not the filtered one.
		waitJS(t, ctx, `location.search.includes("kind=postmortem") && (l => l.length > 0 && l.every(li => li.querySelector(".badge").textContent === "post-mortem"))(Array.from(document.querySelectorAll("#search-results li")))`)
		if n := eval[int](t, ctx, `document.querySelectorAll("#search-results li").length`); n >= all {
			t.Errorf("%d results with the post-mortem filter, %d without", n, all)
		}
	})

	sub("shared URL", func(t *testing.T, ctx context.Context) {
		run(t, ctx, chromedp.Navigate(srv.URL+"/search/?q=database&kind=postmortem&severity=SEV1"))
		waitJS(t, ctx, `document.querySelectorAll("#search-results li").length > 0`)
		if q := eval[string](t, ctx, `document.getElementById("search-q").value`); q != "database" {
			t.Errorf("box holds %q, want the query of the URL", q)
		}
		if !eval[bool](t, ctx, `document.querySelector("fieldset[data-facet=severity] input[value=SEV1]").checked`) {
			t.Error("the URL's severity filter is not checked")
		}
		got := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-results .search-meta")).map(m => m.textContent)`)
		for _, meta := range got {
			if !strings.Contains(meta, "SEV1") || !strings.Contains(meta, "post-mortem") {
				t.Errorf("result %q is not a SEV1 post-mortem", meta)
			}
		}
		if status := eval[string](t, ctx, `document.getElementById("search-status").textContent`); !strings.Contains(status, "database") {
			t.Errorf("status = %q", status)
		}
	})

	sub("gzip read as Go writes it", func(t *testing.T, ctx context.Context) {
		run(t, ctx, chromedp.Navigate(home))
		gunzip := func(z []byte) (string, error) {
			return chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
				const z = Uint8Array.from(atob("`+base64.StdEncoding.EncodeToString(z)+`"), (c) => c.charCodeAt(0));
				let s = "";
				for (const c of await almanacSearch.gunzip(z)) s += String.fromCharCode(c);
				return btoa(s);
			})()`, chromedp.EvalAwaitPromise))
		}
		for _, c := range gzipCases(t) {
			got, err := gunzip(c.z)
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			if want := base64.StdEncoding.EncodeToString(c.raw); got != want {
				t.Errorf("%s: the script inflates %d bytes to something else than the %d written", c.name, len(c.z), len(c.raw))
			}
			if len(c.z) < 40 {
				continue
			}
			// Damage is an error, never other bytes: cut short, or one bit
			// changed in the compressed data or its checksum (the header's
			// name and comment have no checksum).
			damaged := [][]byte{c.z[:len(c.z)-3], c.z[:len(c.z)/2], flip(c.z, len(c.z)-6)}
			if len(c.raw) > 1000 {
				damaged = append(damaged, flip(c.z, len(c.z)/2))
			}
			for k, bad := range damaged {
				if out, err := gunzip(bad); err == nil {
					t.Errorf("%s damaged (%d): inflated to %d bytes without an error", c.name, k, len(out)*3/4)
				} else if !strings.Contains(err.Error(), "damaged gzip data") {
					t.Errorf("%s damaged: %v, want the script's own error", c.name, err)
				}
			}
		}
	})

	sub("the first results are those of a full sort", func(t *testing.T, ctx context.Context) {
		run(t, ctx, chromedp.Navigate(home))
		got := eval[string](t, ctx, `(async () => {
			const out = [];
			for (const q of ["release", "deploy", "the rollback", "db", "결제", "sev1"]) {
				const r = await almanacSearch.search(q);
				const all = almanacSearch.best(r, r ? r.ids.length : 0).join(",");
				for (const n of [1, 2, 3, 6]) {
					const top = almanacSearch.best(r, n).join(",");
					if (top !== all.split(",").slice(0, n).join(",")) out.push(q + " " + n + ": " + top + " against " + all);
				}
			}
			const many = await almanacSearch.search("release");
			if (many.ids.length < 24) out.push("release finds only " + many.ids.length + " pages: the short list is not tried");
			return out.join("; ");
		})()`)
		if got != "" {
			t.Error(got)
		}
	})

	sub("folding agrees with Go", func(t *testing.T, ctx context.Context) {
		run(t, ctx, chromedp.Navigate(home))
		var b strings.Builder
		for _, r := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
			for c := r[0]; c <= r[1]; c++ {
				b.WriteRune(c)
			}
		}
		js := eval[string](t, ctx, `almanacSearch.fold(`+jsString(b.String())+`)`)
		if goFold := search.Fold(b.String()); js != goFold {
			jr, gr := []rune(js), []rune(goFold)
			for i := range min(len(jr), len(gr)) {
				if jr[i] != gr[i] {
					t.Errorf("%c (U+%04X) folds to %c in the script, %c in Go", []rune(b.String())[i], []rune(b.String())[i], jr[i], gr[i])
				}
			}
		}
		// Every word of a query is a term the index holds for the same text.
		tok := search.NewTokenizer()
		for _, text := range []string{"Tomás CAFÉ naïve", "STORY-142 PM-2026-003 v1.4.0", "배포를 정산했다 API를", "정산계좌를 세금계산서", "部署失败 デプロイ", "payout-scheduler's ledger_worker"} {
			terms := eval[[]string](t, ctx, `almanacSearch.terms(`+jsString(text+" ")+`).then(ts => ts.map(x => x.t))`)
			idx := tok.Tokens(text)
			for _, term := range terms {
				if !slices.Contains(idx, term) {
					t.Errorf("query %q asks for %q, which the index of the same text lacks (%q)", text, term, idx)
				}
			}
		}
	})
}

type gzipCase struct {
	name   string
	raw, z []byte
}

// gzipCases are texts gzipped every way Go's writer can: stored, fixed
// and dynamic Huffman blocks, long runs and far matches, with and
// without the optional header fields.
func gzipCases(t *testing.T) []gzipCase {
	t.Helper()
	rnd := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 70<<10)
	for i := range random {
		random[i] = byte(rnd.Uint32())
	}
	var prose strings.Builder
	words := strings.Fields("deploy rollback 배포 정산 latency the a ledger STORY-142 1.4.0 部署")
	for prose.Len() < 200<<10 {
		prose.WriteString(words[rnd.IntN(len(words))])
		prose.WriteByte(" \n"[rnd.IntN(2)])
	}
	texts := map[string][]byte{
		"empty":  nil,
		"short":  []byte("rollback"),
		"random": random,
		"prose":  []byte(prose.String()),
		"run":    bytes.Repeat([]byte("a"), 100<<10),
	}
	var out []gzipCase
	for name, raw := range texts {
		for _, level := range []int{gzip.NoCompression, gzip.BestSpeed, gzip.DefaultCompression, gzip.BestCompression, gzip.HuffmanOnly} {
			for _, header := range []bool{false, true} {
				var buf bytes.Buffer
				w, err := gzip.NewWriterLevel(&buf, level)
				if err != nil {
					t.Fatal(err)
				}
				if header {
					w.Name, w.Comment, w.Extra = "shard.bin", "made by a test", []byte{1, 2, 3}
				}
				w.Write(raw)
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				out = append(out, gzipCase{fmt.Sprintf("%s, level %d, header %v", name, level, header), raw, buf.Bytes()})
			}
		}
	}
	slices.SortFunc(out, func(a, b gzipCase) int { return strings.Compare(a.name, b.name) })
	return out
}

// flip returns b with one bit of byte i changed.
func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0x10
	return c
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
