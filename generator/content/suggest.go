package content

import (
	"fmt"
	"strings"
)

// distance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours cost one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// nearest returns the candidate closest to s, ignoring case, and its
// distance; ties go to the earlier candidate.
func nearest(s string, candidates []string) (string, int) {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := distance(ls, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD
}

// suggest returns a "did you mean" hint when one candidate, and only one,
// is close enough to be a likely typo of s (or starts with it), else "".
func suggest(s string, candidates []string) string {
	ls := strings.ToLower(s)
	if len(ls) >= 3 {
		var prefixed []string
		for _, c := range candidates {
			if strings.HasPrefix(strings.ToLower(c), ls) && c != s {
				prefixed = append(prefixed, c)
			}
		}
		if len(prefixed) == 1 {
			return fmt.Sprintf("did you mean %q?", prefixed[0])
		}
	}
	best, d := nearest(s, candidates)
	if d < 0 || best == s || d > max(1, min(3, len([]rune(s))/3)) {
		return ""
	}
	ties := 0
	for _, c := range candidates {
		if distance(ls, strings.ToLower(c)) == d {
			ties++
		}
	}
	if ties > 1 {
		return ""
	}
	return fmt.Sprintf("did you mean %q?", best)
}

// Suggest returns a "did you mean" hint when one candidate, and only one,
// is a likely typo of s, else "".
func Suggest(s string, candidates []string) string { return suggest(s, candidates) }
