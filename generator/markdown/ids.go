package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Heading ids are the ones GitHub gives the same Markdown, so that a link
// a writer checked in GitHub's preview works on the published site too.
//
// GitHub's rule, as github-slugger (the public reimplementation GitHub's
// own rendering is compared against) and GitHub's documentation describe
// it: the heading's rendered text (no markup, alt text of images left
// out) is lowercased, every character that is not a letter, a mark, a
// decimal or letter number, a connector punctuation such as "_", a space
// or "-" is dropped, and each space becomes "-". Nothing is collapsed or
// trimmed: "Upgrade / Downgrade" gives "upgrade--downgrade", "Deploying
// 🚀" gives "deploying-". A repeated id gets "-1", "-2", … in document
// order; the first keeps the bare id.
//
// A heading with nothing left (only punctuation or emoji) gets the empty
// id on GitHub, which no link can name (href="#" is the top of the page);
// GitHub still counts it, so the next such heading is "-1", then "-2".
// Here the same counting holds, and the first such heading, which GitHub
// leaves unreachable, gets "heading" (or "heading-1", … when a page
// already has that id) so that the table of contents can link to it.
// Links that work on GitHub all work here.

// headingIDs hands out heading ids unique within one page, in the order
// GitHub hands them out.
type headingIDs struct {
	used map[string]bool
	next map[string]int // last suffix tried per base id
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// reserve marks an explicit id ({#id}) as taken.
func (s *headingIDs) reserve(id string) { s.used[id] = true }

// generate returns a fresh id for a heading with the given rendered text:
// its slug, or the slug with "-1", "-2", … appended when already taken.
// It returns "" for the first heading whose slug is empty; see fallback.
func (s *headingIDs) generate(text string) string {
	return s.unique(slug(text))
}

func (s *headingIDs) unique(base string) string {
	if !s.used[base] {
		s.used[base] = true
		return base
	}
	for i := s.next[base] + 1; ; i++ {
		id := base + "-" + strconv.Itoa(i)
		if !s.used[id] {
			s.used[id] = true
			s.next[base] = i
			return id
		}
	}
}

// fallback returns the id for the heading that generate gave "": called
// once every other id of the page is known, so that it takes none of them.
func (s *headingIDs) fallback() string { return s.unique("heading") }

// slug turns a heading's rendered text into its GitHub id, without
// making it unique.
func slug(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '_', r == '-':
				b.WriteRune(r)
			case 'A' <= r && r <= 'Z':
				b.WriteRune(r + 'a' - 'A')
			case r == ' ':
				b.WriteByte('-')
			}
		case r == 'İ':
			// Lowercased as JavaScript and Ruby do, into two runes.
			b.WriteString("i\u0307")
		case keepInSlug(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// keepInSlug reports whether a non-ASCII rune stays in an id: letters,
// marks (the variation selector after an emoji too), decimal and letter
// numbers, connector punctuation and the symbols Unicode counts as
// alphabetic (Ⓐ). Other numbers (², ½, ①), other punctuation, symbols
// (emoji), separators (no-break space) and format characters (zero width
// joiner) are dropped.
func keepInSlug(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) ||
		unicode.In(r, unicode.Nd, unicode.Nl, unicode.Pc, unicode.Other_Alphabetic)
}
