package report

import (
	"sort"

	"almanac/generator/site"
)

// Decision is a decision made in the period.
type Decision struct {
	Ref
	Status string `json:"status"`
	Date   string `json:"date"` // YYYY-MM-DD in the site's zone
}

// decisionPages are the decisions the team has made: every decision
// record but those still proposed.
func decisionPages(s *site.Site) []*site.Page {
	var out []*site.Page
	for _, dp := range s.Decisions {
		if d := dp.Decision; d != nil && d.Status != "proposed" {
			out = append(out, dp)
		}
	}
	return out
}

// decisions lists the decisions made in the period, oldest first.
func decisions(x *Index, p Period) []Decision {
	out := []Decision{}
	for _, dp := range inSiteOrder(within(x.decisions, p.From, p.Until)) {
		ref := refOf(dp)
		ref.ID = dp.Decision.ID
		out = append(out, Decision{Ref: ref, Status: dp.Decision.Status, Date: dp.Date.In(p.From.Location()).Format("2006-01-02")})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].ID < out[j].ID
	})
	return out
}
