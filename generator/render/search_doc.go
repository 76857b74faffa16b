package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"almanac/generator/search"
	"almanac/generator/site"
)

// searchDoc is a page's text by field, for the index: the title, the id,
// tags and people, the lines that sum a page up, and the rest.
func (p *Prepared) searchDoc(pg *site.Page) search.Doc {
	d := search.Doc{Title: pg.Title, ID: searchID(pg)}
	d.Keys = append(d.Keys, pg.Tags...)
	d.Lead = appendNonEmpty(d.Lead, pg.Description)
	if pg.Rendered != nil {
		d.Body = append(d.Body, pg.Rendered.Plain)
	}
	switch {
	case pg.Story != nil:
		st := pg.Story
		d.Keys = appendNonEmpty(d.Keys, st.Owner, st.Team, st.Release)
		d.Lead = appendNonEmpty(d.Lead, st.AsA, st.IWant, st.SoThat)
		d.Body = append(d.Body, st.Acceptance...)
		for _, v := range st.VOC {
			d.Body = appendNonEmpty(d.Body, v.Customer, v.Quote)
		}
	case pg.Release != nil:
		r := pg.Release
		d.Keys = append(d.Keys, r.HotfixFor...)
		d.Keys = appendNonEmpty(d.Keys, r.Environment)
		for _, m := range r.Milestones {
			d.Body = append(d.Body, m.Name)
		}
	case pg.PostMortem != nil:
		pm := pg.PostMortem
		d.Keys = append(d.Keys, pm.Services...)
		d.Keys = append(d.Keys, pm.Authors...)
		d.Keys = append(d.Keys, pm.Releases...)
		d.Lead = appendNonEmpty(d.Lead, pm.Summary, pm.Impact)
		d.Body = append(d.Body, pm.RootCauses...)
		d.Body = append(d.Body, pm.ContributingFactors...)
		for _, e := range pm.Timeline {
			d.Body = append(d.Body, e.Event)
		}
		for _, a := range pm.ActionItems {
			d.Body = appendNonEmpty(d.Body, a.Title, a.Owner)
		}
		d.Body = append(d.Body, pm.Lessons.WentWell...)
		d.Body = append(d.Body, pm.Lessons.WentWrong...)
		d.Body = append(d.Body, pm.Lessons.GotLucky...)
	case pg.Metric != nil:
		d.Keys = appendNonEmpty(d.Keys, pg.Metric.Unit)
	case pg.Decision != nil:
		dec := pg.Decision
		d.Keys = append(d.Keys, dec.Deciders...)
		d.Keys = append(d.Keys, dec.Supersedes...)
		d.Lead = appendNonEmpty(d.Lead, dec.Chosen, dec.Consequences)
		for _, o := range dec.Options {
			d.Body = appendNonEmpty(d.Body, o.Name)
			d.Body = append(d.Body, o.Pros...)
			d.Body = append(d.Body, o.Cons...)
		}
	}
	return d
}

// searchID is the id a query may name exactly: a story's, post-mortem's
// or decision's id, a release's version.
func searchID(pg *site.Page) string {
	if pg.Story != nil || pg.PostMortem != nil || pg.Release != nil || pg.Decision != nil {
		return pg.ID()
	}
	return ""
}

func appendNonEmpty(list []string, vals ...string) []string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			list = append(list, v)
		}
	}
	return list
}

// searchRecord is what a result shows of a page: kind, title, id, date,
// status or severity, and the text its snippet is cut from (the lead
// lines, then the rest, as indexed).
func (p *Prepared) searchRecord(pg *site.Page, d search.Doc) search.Record {
	r := p.searchRecordHead(pg, d)
	r.Text = searchText(d)
	return r
}

// searchRecordHead is searchRecord without the text, which searchText
// makes of the document alone.
func (p *Prepared) searchRecordHead(pg *site.Page, d search.Doc) search.Record {
	tr := p.env.tr
	r := search.Record{
		URL:   p.env.u.rel(pg.URL),
		Title: pg.Title,
		Kind:  string(pg.Kind),
		ID:    d.ID,
	}
	if !pg.Date.IsZero() {
		r.Date = p.env.clk.date(pg.Date)
	}
	badge := func(class, label string) { r.Badges = append(r.Badges, [2]string{class, label}) }
	badge("", tr.T(kindNameKey(pg.Kind)))
	switch {
	case pg.Story != nil && pg.Story.Status != "":
		badge("status-"+pg.Story.Status, tr.label("status", pg.Story.Status))
	case pg.Release != nil && pg.Release.Status != "":
		badge("relstatus-"+pg.Release.Status, tr.label("relstatus", pg.Release.Status))
	case pg.PostMortem != nil:
		pm := pg.PostMortem
		if pm.Severity != "" {
			badge("severity-"+pm.Severity, tr.label("severity", pm.Severity))
		}
		if pm.Status != "" {
			badge("pmstatus-"+pm.Status, tr.label("pmstatus", pm.Status))
		}
	case pg.Decision != nil && pg.Decision.Status != "":
		badge("decstatus-"+pg.Decision.Status, tr.label("decstatus", pg.Decision.Status))
	}
	return r
}

// searchText is what a record's snippet is cut from: the lead lines,
// then the rest, as indexed, up to where Record.Encode cuts it. A page's
// whole plain text is one part, and was copied whole only for all but
// its first RecordTextBytes to be cut off.
func searchText(d search.Doc) string {
	var b strings.Builder
	start := -1 // where the first character that is not a space was written
	for _, parts := range [2][]string{d.Lead, d.Body} {
		for _, part := range parts {
			if b.Len() >= search.RecordTextBytes {
				return b.String()
			}
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			if start < 0 {
				if i := strings.IndexFunc(part, notSpace); i >= 0 {
					start = b.Len() + i
				}
			}
			if start >= 0 {
				part = throughCut(part, start+search.RecordTextBytes-b.Len())
			}
			b.WriteString(part)
		}
	}
	return b.String()
}

// throughCut is the head of s that Record.Encode needs to cut the text
// as it would cut all of it, when Encode's cut falls at byte k of s:
// through the first character that is not a space and ends after k,
// which shows that the cut falls inside what TrimSpace keeps; all of s
// when no such character follows k.
func throughCut(s string, k int) string {
	if k >= len(s) {
		return s
	}
	k = max(k, 0)
	i := k // from the start of the character that holds byte k
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if i+size > k && notSpace(r) {
			return s[:i+size]
		}
		i += size
	}
	return s
}

func notSpace(r rune) bool { return !unicode.IsSpace(r) }
