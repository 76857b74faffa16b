package corpus

import (
	"math/rand/v2"
	"strings"
	"time"
)

// handbookPage is a plain page under content/handbook, one or two folders
// deep, written the way handbooks brought over from other generators are.
type handbookPage struct {
	path    string // under content/
	dir     string // its folder under content/
	title   string
	titleKO string
	svc     string
	date    time.Time
	korean  bool
}

func (p *plan) planHandbook(r *rand.Rand, n int) {
	used := slugs{}
	for i := 0; i < n; i++ {
		sec := pick(r, handbookSections)
		dir := "handbook/" + sec.dir
		if sub := pick(r, sec.subs); sub != "" {
			dir += "/" + sub
		}
		h := &handbookPage{dir: dir, svc: pick(r, services)}
		h.title = strings.ReplaceAll(pick(r, bookEN.handbookTitles), "{svc}", h.svc)
		h.titleKO = strings.ReplaceAll(pick(r, bookKO.handbookTitles), "{svc}", h.svc)
		h.path = dir + "/" + used.unique(dir + "/" + slugify(h.title, 7))[len(dir)+1:] + ".md"
		h.date = day(p.start).AddDate(0, 0, r.IntN(int(p.now.Sub(p.start).Hours()/24)+1))
		p.handbook = append(p.handbook, h)
	}
}

func (p *plan) renderHandbook(h *handbookPage, r *rand.Rand) []byte {
	v := newVoice(r, h.korean, p)
	v.svc = h.svc
	b := v.book
	var sb strings.Builder
	sb.Grow(8 << 10)
	w := fm{&sb}
	sb.WriteString("---\n")
	title := h.title
	if h.korean {
		title = h.titleKO
	}
	w.str("", "title", title)
	w.str("", "description", pick(r, b.handbookDescs))
	w.date("", "date", h.date)
	w.list("", "tags", distinct(r, tags, 1+r.IntN(3)))
	sb.WriteString("---\n\n")
	p.writeBody(&sb, v, bodySpec{heads: b.handbookHeads, prose: b.handbook, dir: h.dir})
	return []byte(sb.String())
}
