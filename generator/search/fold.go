package search

import "unicode"

// Latin letters lose their accents: the first character of a letter's
// canonical decomposition (NFD) is kept, for U+00C0–U+024F and
// U+1E00–U+1EFF, and a few letters without a decomposition (ø, đ, ł …)
// are mapped by hand. Each byte of the tables below is the folded letter
// of one code point; '.' keeps the letter as it is, '*' marks the few
// that fold to a non-ASCII letter (see foldRune). The script does the
// same with String.prototype.normalize, and a browser test compares the
// two over both ranges.
const (
	latinFrom  = 0x00C0
	latinTable = "" +
		"AAAAAA.CEEEEIIII.NOOOOO.OUUUUY..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y" +
		"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKk.LlLlLl." +
		".LlNnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs" +
		"b...............................Oo.............Uu..............." +
		".............AaIiOoUuUuUuUuUu.AaAa**..GgKkOoOo**j...Gg..NnAa**Oo" +
		"AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............" +
		"................"
	extFrom  = 0x1E00
	extTable = "" +
		"AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm" +
		"MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv" +
		"WwWwWwWwWwXxXxYyZzZzZzhtwy.s....AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe" +
		"EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......"
)

// foldRune removes a Latin letter's accents and lowercases it; final
// sigma is read as sigma. Combining marks are dropped by the caller.
func foldRune(r rune) rune {
	var c byte = '.'
	switch {
	case r < latinFrom:
	case r < latinFrom+rune(len(latinTable)):
		c = latinTable[r-latinFrom]
	case r >= extFrom && r < extFrom+rune(len(extTable)):
		c = extTable[r-extFrom]
	}
	switch c {
	case '.':
	case '*':
		switch r {
		case 'Ǣ', 'Ǽ', 'ǣ', 'ǽ':
			r = 'æ'
		case 'Ǯ', 'ǯ':
			r = 'ʒ'
		}
	default:
		r = rune(c)
	}
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	r = unicode.ToLower(r)
	if r == 'ς' {
		r = 'σ'
	}
	return r
}

// combining reports whether r is a combining diacritical mark, which
// folding drops (text typed in decomposed form).
func combining(r rune) bool { return r >= 0x300 && r <= 0x36F }

// Fold returns s as the index sees it: accents removed from Latin
// letters, lowercase.
func Fold(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if !combining(r) {
			out = append(out, foldRune(r))
		}
	}
	return string(out)
}
