package history

import "sort"

// matcher finds story ids in commit messages and branch names: whole
// words only (a letter or digit on either side means no match, so
// STORY-142 is not found in STORY-1420 or XSTORY-142), in any case. Only
// ASCII letters and digits count as word characters, so an id followed by
// a Korean particle ("STORY-142를") is still found.
type matcher struct {
	ids  map[string]int // id, ASCII lower case → index in the caller's list
	lens []int          // the distinct lengths of ids, longest first
}

func newMatcher(ids []string) *matcher {
	m := &matcher{ids: make(map[string]int, len(ids))}
	seen := map[int]bool{}
	for i, id := range ids {
		if id == "" {
			continue
		}
		k := lower(id)
		if _, dup := m.ids[k]; dup {
			continue
		}
		m.ids[k] = i
		if !seen[len(k)] {
			seen[len(k)] = true
			m.lens = append(m.lens, len(k))
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(m.lens)))
	return m
}

// find calls fn with the index of every id named in text, once per
// mention.
func (m *matcher) find(text string, fn func(int)) {
	if len(m.ids) == 0 {
		return
	}
	s := lower(text)
	for i := 0; i < len(s); i++ {
		if !isWord(s[i]) || (i > 0 && isWord(s[i-1])) {
			continue
		}
		for _, n := range m.lens {
			end := i + n
			if end > len(s) || (end < len(s) && isWord(s[end])) {
				continue
			}
			if j, ok := m.ids[s[i:end]]; ok {
				fn(j)
			}
		}
	}
}

func isWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// lower folds ASCII letters only, so byte offsets stay the same.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
