package search

import "unicode/utf8"

// compareTerms orders terms as JavaScript compares strings, by UTF-16 code
// units, so that the script finds a term's shard by comparing strings.
// That is code point order except that characters above U+FFFF sort
// before U+E000–U+FFFF.
func compareTerms(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			if utf16Key(ra) < utf16Key(rb) {
				return -1
			}
			return 1
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

func utf16Key(r rune) rune {
	switch {
	case r >= 0x10000:
		return 0xD800 + (r - 0x10000) // surrogates, in code point order
	case r >= 0xE000:
		return r + 0x100000 // after every surrogate pair
	}
	return r
}
