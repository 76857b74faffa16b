package report

import (
	"time"

	"almanac/generator/site"
)

// Reads lists the pages whose front matter the report of period p may
// show or count, seen at now, so that a preview renders the report again
// only when one of them changes. A page that changes without being read
// before or after the change cannot change the report; one that starts or
// stops being read changes the list itself. So the list must hold, on any
// site, every page that Build reads for p:
//
//   - the keys of p and of the period before: the deployments released in
//     each with the stories they shipped (lead time), the post-mortems and
//     hotfixes that name them (failure, recovery); the incidents that
//     started in each (time to restore);
//   - the deployed releases without released_at and the post-mortems with
//     no date at all, which every period counts as excluded;
//   - the sections: the deployments, the stories done (and the release a
//     story without merged_at is dated by), the releases planned up to the
//     end of the next period with their stories, the incidents, the
//     post-mortems of the action items due in p, the decisions;
//   - whether the period before has a report (the page links to it): the
//     first page that gives it content, if any.
//
// Pages may repeat. The order is fixed for a given site.
func (x *Index) Reads(p Period, now time.Time) []*site.Page {
	var out []*site.Page
	add := func(ps ...*site.Page) {
		for _, pg := range ps {
			if pg != nil {
				out = append(out, pg)
			}
		}
	}
	deployment := func(rp *site.Page) {
		add(rp)
		if r := rp.Release; r != nil {
			add(r.Stories...)
			add(r.Incidents...)
			add(r.Hotfixes...)
		}
	}
	for _, d := range x.deployed {
		if !d.at.IsZero() {
			break
		}
		add(d.p)
	}
	for _, d := range x.incidents {
		if !d.at.IsZero() {
			break
		}
		add(d.p)
	}
	prev := p.Previous(now)
	for _, per := range []Period{prev, p} {
		for _, d := range within(x.deployed, per.From, per.Until) {
			deployment(d.p)
		}
		for _, d := range within(x.incidents, per.From, per.Until) {
			add(d.p)
		}
	}
	for _, d := range within(x.scheduled, p.Until, p.Next(now).To) {
		add(d.p)
		if r := d.p.Release; r != nil {
			add(r.Stories...)
		}
	}
	for _, d := range within(x.done, p.From, p.Until) {
		add(d.p)
		if st := d.p.Story; st != nil {
			add(st.ReleasePage)
		}
	}
	for _, d := range x.due[firstDue(x.due, p.From):] {
		if !d.at.Before(p.Until) {
			break
		}
		add(d.pm)
	}
	for _, d := range within(x.decisions, p.From, p.Until) {
		add(d.p)
	}
	for _, list := range [][]dated{x.scheduled, x.done, x.incidents, x.decisions} {
		if in := within(list, prev.From, prev.Until); len(in) > 0 {
			add(in[0].p)
			break
		}
	}
	return out
}
