package render

import (
	"math/rand/v2"
	"strings"
	"testing"

	"almanac/generator/search"
)

// searchTextWhole is searchText as it was: every part written whole
// until the text is RecordTextBytes long.
func searchTextWhole(d search.Doc) string {
	var b strings.Builder
	for _, part := range append(append([]string(nil), d.Lead...), d.Body...) {
		if b.Len() >= search.RecordTextBytes {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(part)
	}
	return b.String()
}

// TestSearchTextEncodesAsWhole holds searchText, which stops copying
// where the record's cut falls, to the record the whole text gave, byte
// for byte: on texts with spaces ASCII and not (before, around and after
// the cut), Hangul, and invalid UTF-8, in lead lines and body.
func TestSearchTextEncodesAsWhole(t *testing.T) {
	pieces := []string{"a", "b", "é", "한", "국", "🙂", " ", " ", "\n", "\t", "\u00a0", "\u3000", "\u0085",
		"\xff", "\x80", "\xe2\x80", "\xef\xbf\xbd"}
	spaces := []string{" ", "\n", "\t", "\u00a0", "\u3000", "\u0085"}
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(n int, only []string) string {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(only[rng.IntN(len(only))])
		}
		return b.String()
	}
	part := func() string {
		switch rng.IntN(6) {
		case 0:
			return ""
		case 1:
			return text(rng.IntN(40), spaces)
		case 2: // spaces across where the cut falls
			n := search.RecordTextBytes - 64 + rng.IntN(128)
			return text(n, pieces) + text(rng.IntN(300), spaces) + text(rng.IntN(3), pieces)
		default:
			return text(rng.IntN(2*search.RecordTextBytes), pieces)
		}
	}
	encode := func(s string) string {
		b, err := search.Record{Text: s}.Encode()
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for range 3000 {
		var d search.Doc
		for range rng.IntN(3) {
			d.Lead = append(d.Lead, part())
		}
		for range rng.IntN(3) {
			d.Body = append(d.Body, part())
		}
		whole, got := searchTextWhole(d), searchText(d)
		if !strings.HasPrefix(whole, got) {
			t.Fatalf("searchText is not a head of the whole text:\n got %.200q\nwhole %.200q", got, whole)
		}
		if w, g := encode(whole), encode(got); g != w {
			t.Fatalf("record differs:\n got %q\nwant %q\nof %q", g, w, d)
		}
	}
}
