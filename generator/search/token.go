package search

import (
	"unicode"
	"unicode/utf8"
)

// maxRunes is the longest token indexed; longer runs are hashes, keys or
// encoded data nobody searches for.
const maxRunes = 32

// class is what a character is to the tokenizer.
type class uint8

const (
	sep    class = iota // anything that ends a word
	letter              // letters, digits and marks of alphabetic scripts
	hangul              // Hangul syllables and jamo
	cjk                 // Chinese characters, hiragana, katakana
	joiner              // '-', '.', '_' between two letters: STORY-142, 1.4.0
)

// classOf classifies a folded character. The ranges are the script's
// (static/js/search.js); keep them equal.
func classOf(r rune) class {
	switch {
	case r < 0x80:
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', 'A' <= r && r <= 'Z':
			return letter
		case r == '-' || r == '.' || r == '_':
			return joiner
		}
		return sep
	case r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F,
		r >= 0xA960 && r <= 0xA97F, r >= 0xAC00 && r <= 0xD7FF:
		return hangul
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF,
		r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFF66 && r <= 0xFF9F,
		r >= 0x20000 && r <= 0x3FFFF:
		return cjk
	case unicode.IsLetter(r), unicode.IsNumber(r), unicode.IsMark(r):
		return letter
	}
	return sep
}

// Tokenizer splits text into the terms of the index:
//
//   - Latin and other alphabetic words, folded (see Fold), of two or more
//     characters, English stop words left out;
//   - words joined by '-', '.' or '_' that hold a digit (STORY-142,
//     PM-2026-003, 1.4.0, v1.4.0) also as one term, and without the "v";
//   - Korean words as written and, when they end in a particle or an
//     ending, as their stem (배포를 → 배포를, 배포); a stem of three or
//     more syllables also as its overlapping pairs of syllables, so that
//     a compound noun written without spaces is found by its parts
//     (정산계좌 → 정산, 산계, 계좌), with no dictionary; a particle written
//     right after a Latin word (API를) is dropped;
//   - Chinese and Japanese runs as overlapping character pairs (部署失败 →
//     部署, 署失, 失败), a lone character as itself.
//
// A Tokenizer is read-only and safe for concurrent use.
type Tokenizer struct {
	suffixes wordSet
	// stop are the stop words by their first letter, for isStop, which
	// runs for most words of a text: a few comparisons, no hash.
	stop [26][]string
}

// NewTokenizer returns a Tokenizer.
func NewTokenizer() *Tokenizer {
	t := &Tokenizer{suffixes: newWordSet(koSuffixes)}
	for _, w := range StopWords() {
		t.stop[w[0]-'a'] = append(t.stop[w[0]-'a'], w)
	}
	return t
}

// isStop reports whether the folded word w is a stop word.
func (t *Tokenizer) isStop(w []byte) bool {
	if len(w) == 0 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for _, s := range t.stop[w[0]-'a'] {
		if s == string(w) {
			return true
		}
	}
	return false
}

// Tokens returns the terms of text in order, repeats included.
func (t *Tokenizer) Tokens(text string) []string {
	var out []string
	t.Each(text, func(tok []byte) { out = append(out, string(tok)) })
	return out
}

// Each calls emit with every term of text in order. The slice is only
// valid during the call.
func (t *Tokenizer) Each(text string, emit func(tok []byte)) {
	s := scanner{t: t, emit: emit}
	s.scan(text)
}

// scanner is the state of one pass over a text; its buffers may be kept
// for the next text.
type scanner struct {
	t       *Tokenizer
	pos     int // the place of the next word: one per word, not per term
	emit    func([]byte)
	run     []byte // the current run, folded
	segs    []int  // a letter run's segment ends in run
	kind    class  // the current run's class
	prev    class  // the class of the run before it, if it touches
	pending rune   // a joiner read after a letter run, or 0
	digit   bool   // the run holds an ASCII digit
}

func (s *scanner) scan(text string) {
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf { // ASCII, most of any text
			if s.kind == letter && s.pending == 0 && lowerOrDigit(b) {
				// The middle of a word: the rest of its small letters
				// and digits in one go.
				j := i + 1
				for j < len(text) && lowerOrDigit(text[j]) {
					j++
				}
				if !s.digit {
					s.digit = hasDigit(text[i:j])
				}
				s.run = append(s.run, text[i:j]...)
				i = j
				continue
			}
			i++
			switch {
			case 'a' <= b && b <= 'z', '0' <= b && b <= '9':
				s.add(rune(b), letter)
			case 'A' <= b && b <= 'Z':
				s.add(rune(b+'a'-'A'), letter)
			case b == '-' || b == '.' || b == '_':
				s.add(rune(b), joiner)
			default:
				s.add(0, sep)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if combining(r) {
			continue
		}
		r = foldRune(r)
		s.add(r, classOf(r))
	}
	s.flush()
	s.prev, s.pending = sep, 0
}

// add takes one folded character of class c.
func (s *scanner) add(r rune, c class) {
	if s.pending != 0 {
		j := s.pending
		s.pending = 0
		if c == letter {
			s.segs = append(s.segs, len(s.run))
			s.run = utf8.AppendRune(s.run, j)
			s.run = utf8.AppendRune(s.run, r)
			s.digit = s.digit || r >= '0' && r <= '9'
			return
		}
		s.flush()
		s.prev = sep
	}
	switch {
	case c == joiner && s.kind == letter:
		s.pending = r
		return
	case c == sep || c == joiner:
		if s.kind != sep {
			s.flush()
		}
		s.prev = sep
		return
	case c != s.kind:
		s.flush()
		s.kind = c
	}
	if r < utf8.RuneSelf {
		s.run = append(s.run, byte(r))
		s.digit = s.digit || r >= '0' && r <= '9'
	} else {
		s.run = utf8.AppendRune(s.run, r)
	}
}

// flush emits the terms of the current run and starts the next.
func (s *scanner) flush() {
	switch s.kind {
	case letter:
		s.segs = append(s.segs, len(s.run))
		s.letters()
	case hangul:
		if s.t.hangul(s.run, s.prev == letter || s.prev == cjk, s.emit) {
			s.pos++
		}
	case cjk:
		s.pos += bigrams(s.run, s.emit)
	}
	s.prev, s.kind, s.run, s.segs, s.digit = s.kind, sep, s.run[:0], s.segs[:0], false
}

// letters emits the terms of the current run of letters with joiners;
// s.segs are the end offsets of its segments. Each segment is a word of
// its own (one place); the whole run, when it is a compound, shares its
// first segment's place.
func (s *scanner) letters() {
	run, segs, emit := s.run, s.segs, s.emit
	compound := len(segs) > 1 && s.digit
	whole := compound && utf8.RuneCount(run) <= maxRunes
	if whole {
		emit(run)
		if run[0] == 'v' && run[1] >= '0' && run[1] <= '9' {
			emit(run[1:])
		}
	}
	from := s.pos
	start := 0
	for _, end := range segs {
		seg := run[start:end]
		start = end + 1
		n := utf8.RuneCount(seg)
		if n < 2 || n > maxRunes || len(seg) <= 5 && s.t.isStop(seg) {
			continue
		}
		if compound && n < 3 && allDigits(seg) {
			continue
		}
		emit(seg)
		s.pos++
	}
	if whole && s.pos == from { // 1.4.0: a word of its own
		s.pos++
	}
}

// lowerOrDigit reports whether b is a small ASCII letter or a digit.
func lowerOrDigit(b byte) bool { return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' }

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= '9' && s[i] >= '0' {
			return true
		}
	}
	return false
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// hangul emits a Korean word, its stem and, for a stem of three or more
// syllables, the stem's pairs of syllables; it reports whether it
// emitted anything. attached says the word follows a Latin word or
// Chinese characters without a space, where a lone particle (API를,
// 1.4.0에서) is not a word of its own.
func (t *Tokenizer) hangul(run []byte, attached bool, emit func([]byte)) bool {
	if utf8.RuneCount(run) > maxRunes || attached && t.suffixes[string(run)] {
		return false
	}
	emit(run)
	stem := t.stem(run)
	if len(stem) < len(run) {
		emit(stem)
	}
	if utf8.RuneCount(stem) >= 3 {
		bigrams(stem, emit)
	}
	return true
}

// stem cuts the longest known suffix off a Korean word (see koSuffixes).
// Every Hangul character is three bytes in UTF-8.
func (t *Tokenizer) stem(w []byte) []byte {
	n := len(w) / 3
	for k := min(n-1, 5); k >= 1; k-- {
		if k == 1 && n < 3 {
			break
		}
		if t.suffixes[string(w[len(w)-3*k:])] {
			return w[:len(w)-3*k]
		}
	}
	return w
}

// bigrams emits a run of Chinese or Japanese characters as overlapping
// pairs, or a lone character as itself, and returns how many terms it
// emitted.
func bigrams(run []byte, emit func([]byte)) int {
	if _, n := utf8.DecodeRune(run); n == len(run) {
		emit(run)
		return 1
	}
	k := 0
	for i := 0; i < len(run); {
		_, a := utf8.DecodeRune(run[i:])
		if i+a >= len(run) {
			break
		}
		_, b := utf8.DecodeRune(run[i+a:])
		emit(run[i : i+a+b])
		k++
		i += a
	}
	return k
}
