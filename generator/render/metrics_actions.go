package render

import "almanac/generator/metrics"

// actionsView are the open post-mortem action items by owner, the owners
// with overdue items first, as the metrics package orders them.
type actionsView struct {
	Open    int
	Overdue int
	Owners  []ownerView
}

// ownerView is one owner's open items, the earliest due first.
type ownerView struct {
	Name    string
	Slug    string // the anchor of the owner's section
	URL     string // the person's page; "" when unspecified
	Open    int
	Overdue int
	Items   []actionView
}

func (e *env) actions(r *metrics.Report) actionsView {
	av := actionsView{Open: r.Actions.Open, Overdue: r.Actions.Overdue}
	for _, o := range r.Actions.Owners {
		ov := ownerView{Name: o.Owner, Slug: metrics.Unspecified, URL: o.URL, Open: o.Open, Overdue: o.Overdue}
		if per := e.person(o.Owner); per != nil && per.Slug != "" {
			ov.Slug = per.Slug
		}
		if o.Owner == metrics.Unspecified {
			ov.Name = e.tr.T("metrics.unspecified_owner")
		}
		for _, it := range o.Items {
			pm := e.site.ByURL[it.PostMortemURL]
			if pm == nil || pm.PostMortem == nil || it.Index >= len(pm.PostMortem.ActionItems) {
				continue
			}
			ov.Items = append(ov.Items, actionView{PM: pm, Item: &pm.PostMortem.ActionItems[it.Index], Overdue: it.Overdue})
		}
		av.Owners = append(av.Owners, ov)
	}
	return av
}
