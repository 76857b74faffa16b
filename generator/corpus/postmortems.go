package corpus

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"
)

type postmortem struct {
	id, file  string
	symptom   int // index into pmSymptoms
	svc, dep  string
	trigger   string
	release   *release // for deploy and config triggers
	startedAt time.Time
	detected  time.Time
	mitigated time.Time
	resolved  time.Time
	korean    bool
}

var (
	triggers       = []string{"deploy", "config", "infra", "dependency", "traffic", "other"}
	triggerWeights = []int{35, 15, 15, 15, 10, 10}
	severityWeight = []int{5, 15, 35, 30, 15}
)

// planPostmortems places n incidents in time. Rolled back releases get one
// first; deploy and config incidents start shortly after the release they
// name; the others fall anywhere in the corpus's history. The four
// incident times are always in order.
func (p *plan) planPostmortems(r *rand.Rand, n int) {
	cutoff := p.now.AddDate(0, 0, -4)
	var eligible []*release
	for _, x := range p.releases {
		if x.deployed() && x.releasedAt.Before(cutoff) {
			eligible = append(eligible, x)
		}
	}
	for _, x := range eligible {
		if x.status == "rolled_back" && len(p.postmortems) < n/2 {
			pm := p.newPostmortem(r, "deploy", x)
			pm.startedAt = x.releasedAt.Add(minutes(r, 2, 10))
			pm.detected = pm.startedAt.Add(minutes(r, 1, 10))
			pm.mitigated = x.rolledBackAt
			if pm.mitigated.Before(pm.detected) {
				pm.mitigated = pm.detected.Add(minutes(r, 5, 20))
			}
			pm.resolved = pm.mitigated.Add(minutes(r, 10, 6*60))
		}
	}
	span := int(cutoff.Sub(p.start).Minutes())
	for len(p.postmortems) < n {
		trigger := triggers[weighted(r, triggerWeights)]
		var x *release
		if (trigger == "deploy" || trigger == "config") && len(eligible) > 0 {
			x = eligible[r.IntN(len(eligible))]
		} else if trigger == "deploy" || trigger == "config" {
			trigger = "infra"
		}
		pm := p.newPostmortem(r, trigger, x)
		switch {
		case trigger == "deploy":
			pm.startedAt = x.releasedAt.Add(minutes(r, 5, 180))
		case trigger == "config":
			pm.startedAt = x.releasedAt.Add(min(minutes(r, 60, 3*24*60), cutoff.Sub(x.releasedAt)))
		case span > 0:
			pm.startedAt = p.start.Add(time.Duration(r.IntN(span)) * time.Minute)
		default:
			pm.startedAt = cutoff.Add(-minutes(r, 60, 30*24*60))
		}
		pm.detected = pm.startedAt.Add(minutes(r, 1, 40))
		pm.mitigated = pm.detected.Add(minutes(r, 5, 4*60))
		pm.resolved = pm.mitigated.Add(minutes(r, 10, 2*24*60))
	}
	sort.SliceStable(p.postmortems, func(i, j int) bool {
		return p.postmortems[i].startedAt.Before(p.postmortems[j].startedAt)
	})
	perYear := map[int]int{}
	used := slugs{}
	for _, pm := range p.postmortems {
		y := pm.startedAt.In(kst).Year()
		perYear[y]++
		pm.id = fmt.Sprintf("PM-%d-%03d", y, perYear[y])
		date := pm.startedAt.In(kst).Format(time.DateOnly)
		pm.file = used.unique(date + "-" + slugify(pmSymptoms[pm.symptom].en+" "+pm.svc, 8))
	}
}

func (p *plan) newPostmortem(r *rand.Rand, trigger string, x *release) *postmortem {
	pm := &postmortem{trigger: trigger, release: x, symptom: r.IntN(len(pmSymptoms)), svc: pick(r, services)}
	pm.dep = pick(r, services)
	if pm.dep == pm.svc {
		pm.dep = ""
	}
	p.postmortems = append(p.postmortems, pm)
	return pm
}

func (p *plan) renderPostmortem(pm *postmortem, r *rand.Rand) []byte {
	v := newVoice(r, pm.korean, p)
	b := v.book
	v.svc = pm.svc
	if pm.dep != "" {
		v.dep = pm.dep
	}
	if pm.release != nil {
		v.ver = pm.release.version
	}
	v.pinned = true
	var sb strings.Builder
	sb.Grow(12 << 10)
	w := fm{&sb}
	sb.WriteString("---\n")
	w.raw("", "id", pm.id)
	symptom := pmSymptoms[pm.symptom].en
	if pm.korean {
		symptom = pmSymptoms[pm.symptom].ko
	}
	w.str("", "title", b.pmTitle(pm.svc, symptom))
	w.date("", "date", day(pm.startedAt))
	w.list("", "authors", distinct(r, people, 1+r.IntN(3)))
	age := p.now.Sub(pm.startedAt)
	status := "published"
	switch {
	case age < 14*24*time.Hour:
		status = []string{"draft", "in_review"}[r.IntN(2)]
	case r.IntN(100) < 8:
		status = "in_review"
	}
	w.raw("", "status", status)
	w.raw("", "severity", "SEV"+strconv.Itoa(1+weighted(r, severityWeight)))
	w.str("", "summary", v.expand(byTrigger(r, b.summaries, pm.trigger)))
	w.str("", "impact", v.sentence(b.impacts))
	w.raw("", "trigger", pm.trigger)
	if pm.release != nil {
		w.list("", "releases", []string{pm.release.version})
	}
	svcs := []string{pm.svc}
	if pm.dep != "" {
		svcs = append(svcs, pm.dep)
	}
	w.list("", "services", svcs)
	w.list("", "root_causes", v.phrases(b.rootCauses, 1+r.IntN(3)))
	w.list("", "contributing_factors", v.phrases(b.factors, 1+r.IntN(4)))
	w.datetime("", "started_at", pm.startedAt)
	w.datetime("", "detected_at", pm.detected)
	w.datetime("", "mitigated_at", pm.mitigated)
	w.datetime("", "resolved_at", pm.resolved)
	writeTimeline(w, v, pm)
	var links []linkTarget
	if pm.release != nil {
		links = append(links, linkTarget{"releases/" + pm.release.version + ".md", "release " + pm.release.version, pm.release.version + " 릴리스"})
	}
	w.line("", "action_items", "")
	for _, title := range v.phrases(b.actionItems, 1+r.IntN(5)) {
		w.str("  - ", "title", title)
		w.raw("    ", "type", pick(r, actionTypes))
		w.str("    ", "owner", pick(r, people))
		w.raw("    ", "priority", "P"+strconv.Itoa(weighted(r, priorityWeights)))
		tracking := "OPS-" + strconv.Itoa(100+r.IntN(9000))
		if r.IntN(2) == 0 && len(p.stories) > 0 {
			s := p.stories[r.IntN(len(p.stories))]
			tracking = s.id
			links = append(links, linkTarget{"stories/" + s.slug + ".md", s.id, s.id})
		}
		w.raw("    ", "tracking", tracking)
		due := day(pm.startedAt).AddDate(0, 0, 7+r.IntN(54))
		w.raw("    ", "status", actionStatus(r, due, p.now))
		w.date("    ", "due", due)
	}
	w.line("", "lessons", "")
	w.list("  ", "went_well", v.phrases(b.wentWell, 1+r.IntN(2)))
	w.list("  ", "went_wrong", v.phrases(b.wentWrong, 1+r.IntN(3)))
	w.list("  ", "got_lucky", v.phrases(b.gotLucky, r.IntN(3)))
	sb.WriteString("---\n\n")
	v.pinned = false
	p.writeBody(&sb, v, bodySpec{heads: b.pmHeads, prose: b.incident, dir: "postmortems", links: links, timeline: true})
	return []byte(sb.String())
}

// writeTimeline writes 5 to 10 events in time order: the start, the
// detection, what happened in between, the mitigation and the resolution.
func writeTimeline(w fm, v *voice, pm *postmortem) {
	r, b := v.r, v.book
	mid := make([]time.Time, 1+r.IntN(6))
	window := int(pm.mitigated.Sub(pm.detected).Minutes())
	for i := range mid {
		mid[i] = pm.detected.Add(time.Duration(r.IntN(window+1)) * time.Minute)
	}
	sort.Slice(mid, func(i, j int) bool { return mid[i].Before(mid[j]) })
	w.line("", "timeline", "")
	event := func(at time.Time, list []string) {
		w.datetime("  - ", "at", at)
		w.str("    ", "event", v.sentence(list))
	}
	event(pm.startedAt, []string{byTrigger(r, b.eventStart, pm.trigger)})
	event(pm.detected, b.eventDetect)
	for _, t := range mid {
		event(t, b.eventDuring)
	}
	event(pm.mitigated, b.eventMitigate)
	event(pm.resolved, b.eventResolve)
}

// byTrigger picks from a list whose first entry fits deploys and whose
// second fits config changes; the rest fit any other trigger.
func byTrigger(r *rand.Rand, list []string, trigger string) string {
	switch trigger {
	case "deploy":
		return list[0]
	case "config":
		return list[1]
	}
	return pick(r, list[2:])
}

func actionStatus(r *rand.Rand, due, now time.Time) string {
	if due.Before(now.AddDate(0, 0, -30)) {
		return []string{"done", "done", "done", "done", "done", "done", "done", "wont_do", "open", "in_progress"}[r.IntN(10)]
	}
	return []string{"open", "open", "open", "in_progress", "in_progress", "done"}[r.IntN(6)]
}
