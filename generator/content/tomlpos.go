package content

import (
	"fmt"
	"strings"
)

// tomlPositions finds where each key and value of a TOML text stands. The
// TOML library keeps positions to itself, so this small scanner walks the
// (already validated) text once: table headers, keys, strings, arrays and
// inline tables. Paths are spelled as decoding spells them: "a.b", "voc[1]".
type tomlPositions struct {
	src    string
	li     *lineIndex
	i      int
	prefix string
	arrays map[string]int // array-of-tables path → tables seen so far
	keys   map[string][2]int
	vals   map[string][2]int
}

func scanTOMLPositions(src []byte, firstLine int) *tomlPositions {
	s := &tomlPositions{
		src: string(src), li: newLineIndex(src, firstLine),
		arrays: map[string]int{}, keys: map[string][2]int{}, vals: map[string][2]int{},
	}
	defer func() { _ = recover() }() // positions are a courtesy; never fail on them
	s.document()
	return s
}

func (s *tomlPositions) at() [2]int {
	l, c := s.li.pos(s.i)
	return [2]int{l, c}
}

func (s *tomlPositions) peek(prefix string) bool { return strings.HasPrefix(s.src[s.i:], prefix) }

func (s *tomlPositions) eof() bool { return s.i >= len(s.src) }

// skip passes spaces and, when newlines is set, line ends and comments.
func (s *tomlPositions) skip(newlines bool) {
	for !s.eof() {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '#':
			if !newlines {
				return
			}
			for !s.eof() && s.src[s.i] != '\n' {
				s.i++
			}
		case c == '\n' && newlines:
			s.i++
		default:
			return
		}
	}
}

func (s *tomlPositions) document() {
	for {
		s.skip(true)
		if s.eof() {
			return
		}
		before := s.i
		if s.peek("[") {
			s.header()
		} else {
			s.keyValue(s.prefix)
		}
		if s.i == before { // nothing understood: move to the next line
			for !s.eof() && s.src[s.i] != '\n' {
				s.i++
			}
		}
	}
}

func (s *tomlPositions) header() {
	start := s.at()
	array := s.peek("[[")
	if array {
		s.i += 2
	} else {
		s.i++
	}
	parts, poss := s.key()
	if array {
		s.i += min(2, len(s.src)-s.i)
	} else if !s.eof() {
		s.i++
	}
	path := ""
	for n, part := range parts {
		path = joinPath(path, part)
		last := n == len(parts)-1
		if last && array {
			idx := s.arrays[path]
			s.arrays[path] = idx + 1
			s.setKey(path, poss[n])
			path = indexPath(path, idx)
			s.vals[path] = start
			s.keys[path] = poss[n]
			continue
		}
		if idx, ok := s.arrays[path]; ok {
			path = indexPath(path, idx-1)
		}
		s.setKey(path, poss[n])
		if _, ok := s.vals[path]; !ok {
			s.vals[path] = start
		}
	}
	s.prefix = path
}

func (s *tomlPositions) setKey(path string, p [2]int) {
	if _, ok := s.keys[path]; !ok {
		s.keys[path] = p
	}
}

// keyValue reads "a.b = value" below prefix.
func (s *tomlPositions) keyValue(prefix string) {
	parts, poss := s.key()
	if len(parts) == 0 {
		return
	}
	path := prefix
	for n, part := range parts {
		path = joinPath(path, part)
		s.setKey(path, poss[n])
		if n < len(parts)-1 {
			if _, ok := s.vals[path]; !ok {
				s.vals[path] = poss[n]
			}
		}
	}
	s.skip(false)
	if s.peek("=") {
		s.i++
	}
	s.skip(false)
	s.value(path)
}

// key reads a dotted key, bare or quoted, and where each part starts.
func (s *tomlPositions) key() ([]string, [][2]int) {
	var parts []string
	var poss [][2]int
	for {
		s.skip(false)
		if s.eof() {
			return parts, poss
		}
		p := s.at()
		var part string
		switch c := s.src[s.i]; {
		case c == '"' || c == '\'':
			part = s.quoted(c)
		case isBareKey(c):
			start := s.i
			for !s.eof() && isBareKey(s.src[s.i]) {
				s.i++
			}
			part = s.src[start:s.i]
		default:
			return parts, poss
		}
		parts, poss = append(parts, part), append(poss, p)
		s.skip(false)
		if !s.peek(".") {
			return parts, poss
		}
		s.i++
	}
}

func isBareKey(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// quoted reads a one-line string and returns its content (escapes kept
// simple: a key only needs to match what decoding produced for plain keys).
func (s *tomlPositions) quoted(q byte) string {
	s.i++
	var b strings.Builder
	for !s.eof() && s.src[s.i] != q && s.src[s.i] != '\n' {
		if q == '"' && s.src[s.i] == '\\' && s.i+1 < len(s.src) {
			s.i++
		}
		b.WriteByte(s.src[s.i])
		s.i++
	}
	if !s.eof() && s.src[s.i] == q {
		s.i++
	}
	return b.String()
}

func (s *tomlPositions) value(path string) {
	if s.eof() {
		return
	}
	s.vals[path] = s.at()
	switch {
	case s.peek(`"""`), s.peek(`'''`):
		delim := s.src[s.i : s.i+3]
		s.i += 3
		for !s.eof() && !s.peek(delim) {
			if delim == `"""` && s.src[s.i] == '\\' {
				s.i++
			}
			s.i++
		}
		s.i += min(3, len(s.src)-s.i)
		for !s.eof() && s.src[s.i] == delim[0] { // up to two quotes may close it
			s.i++
		}
	case s.peek(`"`), s.peek(`'`):
		s.quoted(s.src[s.i])
	case s.peek("["):
		s.i++
		for n := 0; ; n++ {
			s.skip(true)
			if s.eof() || s.peek("]") {
				break
			}
			before := s.i
			s.value(indexPath(path, n))
			s.skip(true)
			if s.peek(",") {
				s.i++
			} else if s.i == before {
				break
			}
		}
		if !s.eof() {
			s.i++
		}
	case s.peek("{"):
		s.i++
		for {
			s.skip(true)
			if s.eof() || s.peek("}") {
				break
			}
			before := s.i
			s.keyValue(path)
			s.skip(true)
			if s.peek(",") {
				s.i++
			} else if s.i == before {
				break
			}
		}
		if !s.eof() {
			s.i++
		}
	default:
		for !s.eof() && !strings.ContainsRune(",]}\n#", rune(s.src[s.i])) {
			s.i++
		}
	}
}

func joinPath(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func indexPath(prefix string, i int) string { return fmt.Sprintf("%s[%d]", prefix, i) }
