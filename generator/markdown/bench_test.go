package markdown

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRender renders a realistic runbook (about 800 words of prose,
// two tables, six code blocks in Go, YAML, shell, SQL, JSON and Python):
// without a cache, with a cache that starts empty on every render (cold)
// and with a cache that already holds every block (warm).
func BenchmarkRender(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "bench", "runbook.md"))
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, m *Markdown) {
		b.Helper()
		if _, err := m.Render("content/runbook.md", 1, src, testResolve); err != nil {
			b.Fatal(err)
		}
	}
	// Lexers compile their rules on first use; keep that out of every case.
	run(b, New(Options{}))

	b.Run("nocache", func(b *testing.B) {
		m := New(Options{})
		b.ReportAllocs()
		for b.Loop() {
			run(b, m)
		}
	})
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			cache, _ := NewHighlightCache("")
			m := New(Options{Highlight: cache})
			b.StartTimer()
			run(b, m)
		}
	})
	b.Run("warm", func(b *testing.B) {
		cache, _ := NewHighlightCache("")
		m := New(Options{Highlight: cache})
		run(b, m)
		b.ReportAllocs()
		for b.Loop() {
			run(b, m)
		}
	})
}
