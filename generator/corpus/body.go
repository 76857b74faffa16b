package corpus

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Body sizes in words, counted by countWords over everything but code.
const (
	minWords = 300
	maxWords = 1500
	reserve  = 60 // kept for the closing section of links
)

// bodySpec is what a kind brings to its bodies.
type bodySpec struct {
	heads []string     // section headings
	prose []string     // sentences of the kind, mixed with general narrative
	dir   string       // the page's folder under content/, for relative links
	links []linkTarget // pages this one is about, linked before any other
	// timeline lets tables be incident timelines, not only comparisons.
	timeline bool
}

// bodyWriter appends one Markdown body, keeping count of its words.
type bodyWriter struct {
	p      *plan
	v      *voice
	spec   bodySpec
	sb     *strings.Builder
	up     string // from the page's folder back to content/
	words  int
	full   bool
	linked int // how many of spec.links are used
}

// writeBody writes a body of 300 to 1,500 words: an introduction, sections
// of paragraphs, lists, tables and task lists, one to four code blocks,
// and a closing section of internal and external links.
func (p *plan) writeBody(sb *strings.Builder, v *voice, spec bodySpec) {
	r := v.r
	w := &bodyWriter{p: p, v: v, spec: spec, sb: sb, up: strings.Repeat("../", strings.Count(spec.dir, "/")+1)}
	target := minWords + r.IntN(maxWords-reserve-150-minWords)
	codeAt := make([]int, 1+r.IntN(4))
	for i := range codeAt {
		codeAt[i] = r.IntN(target/140 + 1)
	}
	w.add(v.sentence(v.book.intro) + " " + w.paragraphText(2+r.IntN(2)) + "\n\n")
	heads := append(shuffled(r, spec.heads, len(spec.heads)), shuffled(r, v.book.subHeads, len(v.book.subHeads))...)
	section := 0
	for ; w.words < target && !w.full; section++ {
		head := heads[section%len(heads)]
		if section >= len(heads) {
			head += " " + strconv.Itoa(section/len(heads)+1)
		}
		w.add("## " + head + "\n\n")
		w.add(w.paragraphText(2+r.IntN(4)) + "\n\n")
		for k, n := 0, r.IntN(3); k < n && w.words < target && !w.full; k++ {
			w.block()
		}
		for _, at := range codeAt {
			if at == section {
				w.code()
			}
		}
	}
	for _, at := range codeAt {
		if at >= section {
			w.code()
		}
	}
	w.related()
}

// add appends text unless it would push the body past its budget.
func (w *bodyWriter) add(text string) {
	n := countWords(text)
	if w.words >= minWords && w.words+n > maxWords-reserve {
		w.full = true
		return
	}
	w.words += n
	w.sb.WriteString(text)
}

func (w *bodyWriter) block() {
	r, v, b := w.v.r, w.v, w.v.book
	switch weighted(r, []int{40, 12, 10, 14, 9, 8, 7}) {
	case 0:
		w.add(w.paragraphText(3+r.IntN(4)) + "\n\n")
	case 1:
		w.add(w.list(b.bullets, 3+r.IntN(4), func(int) string { return "- " }))
	case 2:
		w.add(w.list(b.steps, 3+r.IntN(5), func(i int) string { return strconv.Itoa(i+1) + ". " }))
	case 3:
		w.add("### " + pick(r, b.subHeads) + "\n\n" + w.paragraphText(2+r.IntN(4)) + "\n\n")
	case 4:
		w.add(w.table())
	case 5:
		w.add(w.list(b.tasks, 3+r.IntN(3), func(int) string {
			if r.IntN(2) == 0 {
				return "- [x] "
			}
			return "- [ ] "
		}))
	default:
		w.add("> " + v.sentence(b.narrative) + "\n\n")
	}
}

// paragraphText mixes the kind's own sentences with general narrative and,
// now and then, a sentence with a link.
func (w *bodyWriter) paragraphText(n int) string {
	r, v := w.v.r, w.v
	var sb strings.Builder
	own := shuffled(r, w.spec.prose, n)
	general := shuffled(r, v.book.narrative, n)
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(' ')
		}
		if r.IntN(100) < 55 && len(own) > 0 {
			sb.WriteString(v.expand(own[0]))
			own = own[1:]
		} else {
			sb.WriteString(v.expand(general[0]))
			general = general[1:]
		}
	}
	if r.IntN(4) == 0 {
		v.link = w.link(r.IntN(5) == 0)
		sb.WriteByte(' ')
		sb.WriteString(v.sentence(v.book.links))
	}
	return sb.String()
}

func (w *bodyWriter) list(items []string, n int, marker func(i int) string) string {
	var sb strings.Builder
	for i, item := range w.v.phrases(items, n) {
		sb.WriteString(marker(i))
		sb.WriteString(item)
		sb.WriteByte('\n')
	}
	sb.WriteByte('\n')
	return sb.String()
}

// table writes a GFM table: a before/after comparison by service or an
// incident timeline.
func (w *bodyWriter) table() string {
	r, v, b := w.v.r, w.v, w.v.book
	var sb strings.Builder
	row := func(cells ...string) {
		sb.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	if !w.spec.timeline || r.IntN(2) == 0 {
		row(b.tableCompare...)
		row("---", "---:", "---:", "---:")
		for _, svc := range distinct(r, services, 3+r.IntN(4)) {
			before := 80 + r.IntN(900)
			after := before * (40 + r.IntN(80)) / 100
			change := strconv.Itoa((after-before)*100/before) + "%"
			if after >= before {
				change = "+" + change
			}
			row(svc, strconv.Itoa(before)+" ms", strconv.Itoa(after)+" ms", change)
		}
	} else {
		row(b.tableTimeline...)
		row("---", "---")
		h, m := 8+r.IntN(12), r.IntN(60)
		for i, n := 0, 3+r.IntN(4); i < n; i++ {
			row(strconv.Itoa(h)+":"+twoDigits(m), v.sentence(b.eventDuring))
			m += 3 + r.IntN(25)
			h, m = h+m/60, m%60
		}
	}
	sb.WriteByte('\n')
	return sb.String()
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// link returns a Markdown link: first the pages this one is about, then
// any generated page, or an external page when external is set.
func (w *bodyWriter) link(external bool) string {
	r := w.v.r
	if external {
		e := pick(r, externalLinks)
		return "[" + e.text + "](" + e.url + ")"
	}
	t := pick(r, w.p.targets)
	if w.linked < len(w.spec.links) {
		t = w.spec.links[w.linked]
		w.linked++
	}
	text := t.en
	if w.v.ko {
		text = t.ko
	}
	return "[" + text + "](" + w.up + t.path + ")"
}

// related closes the body with two to five links, at least one internal.
func (w *bodyWriter) related() {
	r := w.v.r
	var sb strings.Builder
	sb.WriteString("## " + w.v.book.related + "\n\n")
	n := 2 + r.IntN(4)
	for i := 0; i < n; i++ {
		sb.WriteString("- " + w.link(i > 0 && r.IntN(3) == 0) + "\n")
	}
	w.words += countWords(sb.String())
	w.sb.WriteString(sb.String())
}

// code writes one fenced block: a snippet shared with other pages about
// three times in ten, else one of the page's own.
func (w *bodyWriter) code() {
	r := w.v.r
	var s snippet
	if r.IntN(10) < 3 {
		s = pick(r, w.p.shared)
	} else {
		ref := ""
		if r.IntN(10) < 6 && len(w.v.stories) > 0 {
			ref = pick(r, w.v.stories)
		}
		s = newSnippet(r, w.v.svc, ref)
	}
	w.sb.WriteString("```" + s.lang + "\n" + s.code + "```\n\n")
}

// countWords counts the whitespace-separated tokens that hold at least one
// letter or digit, so list markers and table rules do not count.
func countWords(s string) int {
	n := 0
	hasWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c|0x20-'a' < 26 || c-'0' < 10:
			hasWord = true
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			if hasWord {
				n++
			}
			hasWord = false
		case c >= 0xC0: // the first byte of a multi-byte rune
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
			switch {
			case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables
				hasWord = true
			case unicode.IsSpace(r):
				if hasWord {
					n++
				}
				hasWord = false
			default:
				hasWord = hasWord || unicode.IsLetter(r) || unicode.IsDigit(r)
			}
		}
	}
	if hasWord {
		n++
	}
	return n
}
