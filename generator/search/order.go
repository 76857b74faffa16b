package search

// compareTerms orders terms as JavaScript compares strings, by UTF-16 code
// units, so that the script finds a term's shard by comparing strings.
// That is the byte order of UTF-8 (code point order) except that
// characters above U+FFFF, written with a lead byte F0–F4, sort before
// U+E000–U+FFFF, written with EE or EF. The two orders can only disagree
// where the first differing bytes are such lead bytes.
func compareTerms[T string | []byte](a, b T) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		switch {
		case x >= 0xF0 && (y == 0xEE || y == 0xEF):
			return -1
		case y >= 0xF0 && (x == 0xEE || x == 0xEF):
			return 1
		case x < y:
			return -1
		}
		return 1
	}
	switch {
	case len(a) == len(b):
		return 0
	case len(a) < len(b):
		return -1
	}
	return 1
}
