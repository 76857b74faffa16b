package report

import (
	"sort"

	"almanac/generator/site"
)

// Decision is a decision dated in the period.
type Decision struct {
	Ref
	Status string `json:"status"`
	Date   string `json:"date"` // YYYY-MM-DD in the site's zone
}

// decisionPages are the site's decision records. The site has none yet:
// this is where the decision kind's pages come in once it has them.
func decisionPages(s *site.Site) []*site.Page { return nil }

// decisions lists the decisions dated in the period, oldest first.
func decisions(s *site.Site, p Period) []Decision {
	out := []Decision{}
	for _, dp := range decisionPages(s) {
		if in(dp.Date, p.From, p.Until) {
			out = append(out, Decision{Ref: refOf(dp), Date: dp.Date.In(p.From.Location()).Format("2006-01-02")})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}
