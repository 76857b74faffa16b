package calendar

import (
	"strconv"
	"strings"
	"time"

	"almanac/generator/internal/slab"
	"almanac/generator/site"
)

// Events returns every event of the site, sorted by start, then kind, then
// UID: releases, rollbacks and milestones from the releases, incidents and
// action item due dates from the post-mortems. Content that cannot be
// placed in time (a planned release without planned_date, an action item
// without due) gives no event.
func Events(s *site.Site) []Event {
	b := &builder{
		loc:    locOrUTC(s.Config.Location),
		host:   uidHost(s.Config.BaseURL),
		labels: LabelsFor(s.Config.Language),
		epoch:  ContentEpoch(s),
	}
	for _, p := range s.Releases {
		if p.Release != nil {
			b.release(p)
		}
	}
	for _, p := range s.PostMortems {
		if p.PostMortem != nil {
			b.postMortem(p)
		}
	}
	for _, p := range s.Decisions {
		if p.Decision != nil {
			b.decision(p)
		}
	}
	Sort(b.events)
	return b.events
}

// builder gathers the events of one site.
type builder struct {
	loc    *time.Location
	host   string
	labels Labels
	epoch  time.Time
	events []Event
	// The text and categories each event makes of its own, in blocks
	// (see package slab): a site's events live and die together, through
	// the lists of a build, where the collector marks them on each cycle.
	text       slab.Text
	categories slab.Of[string]
}

// add moves the text e made of its own into the builder's blocks and
// adds it to the events.
func (b *builder) add(e Event) {
	e.UID, e.Summary, e.Description = b.text.Clone(e.UID), b.text.Clone(e.Summary), b.text.Clone(e.Description)
	if len(e.Categories) > 0 {
		e.Categories = append(b.categories.Take(len(e.Categories)), e.Categories...)
	}
	b.events = append(b.events, e)
}

// event starts an event of kind from page p. Its LastModified is the
// page's lastmod, else the content epoch, else at.
func (b *builder) event(p *site.Page, kind Kind, at time.Time, uidParts ...string) Event {
	mod := p.Lastmod
	if mod.IsZero() {
		mod = b.epoch
	}
	if mod.IsZero() {
		mod = at
	}
	return Event{
		UID:          uid(b.host, uidParts...),
		Kind:         kind,
		URL:          p.URL,
		Source:       p.Source,
		LastModified: mod.UTC().Truncate(time.Second),
		Page:         p,
	}
}

// allDay makes e span the day of t in the site's time zone.
func (b *builder) allDay(e *Event, t time.Time) {
	d := dateOf(t, b.loc)
	e.AllDay, e.Start, e.End = true, d.at(b.loc), d.add(1).at(b.loc)
}

func (b *builder) release(p *site.Page) {
	r := p.Release
	version := r.Version
	if version == "" {
		version = p.ID()
	}
	title := strings.TrimSpace(p.Title)
	if title == "" {
		title = version
	}
	head := joinNonEmpty(" · ", version, r.ReleaseKind, r.Status, r.Environment)
	times := joinNonEmpty("\n",
		b.dateLine("planned_date", r.PlannedDate),
		b.timeLine("released_at", r.ReleasedAt),
		b.timeLine("rolled_back_at", r.RolledBackAt))

	when := r.PlannedDate
	if r.Deployed() && !r.ReleasedAt.IsZero() {
		when = r.ReleasedAt
	}
	if !when.IsZero() {
		e := b.event(p, KindRelease, when, "release", version)
		b.allDay(&e, when)
		e.Title, e.Ref, e.Status = title, version, r.Status
		e.Summary = b.labels.Release + " " + version
		if title != version {
			e.Summary += ": " + title
		}
		e.Description = paragraphs(head, times, p.Description)
		e.Categories = nonEmpty("release", r.ReleaseKind, r.Status)
		b.add(e)
	}

	if !r.RolledBackAt.IsZero() {
		e := b.event(p, KindRollback, r.RolledBackAt, "rollback", version)
		b.allDay(&e, r.RolledBackAt)
		e.Title, e.Ref, e.Status = title, version, r.Status
		e.Summary = b.labels.RolledBack + " " + version
		e.Description = paragraphs(head, times)
		e.Categories = []string{"rollback"}
		b.add(e)
	}

	names := make([]string, len(r.Milestones))
	for i, m := range r.Milestones {
		names[i] = m.Name
	}
	keys := milestoneKeys(names)
	for i, m := range r.Milestones {
		if m.Date.IsZero() {
			continue
		}
		e := b.event(p, KindMilestone, m.Date, "milestone", version, keys[i])
		b.allDay(&e, m.Date)
		e.Title, e.Ref, e.Status = m.Name, version, r.Status
		e.Summary = joinNonEmpty(" · ", m.Name, version)
		e.Description = paragraphs(joinNonEmpty(" · ", version, r.Status), title)
		e.Categories = []string{"milestone"}
		b.add(e)
	}
}

func (b *builder) postMortem(p *site.Page) {
	pm := p.PostMortem
	id := p.ID()
	title := strings.TrimSpace(p.Title)
	if title == "" {
		title = id
	}
	b.incident(p, pm, id, title)
	for i, a := range pm.ActionItems {
		if a.Due.IsZero() {
			continue
		}
		e := b.event(p, KindActionItem, a.Due, "action", id, strconv.Itoa(i+1))
		b.allDay(&e, a.Due)
		e.Title, e.Ref, e.Status, e.Severity = a.Title, id, a.Status, pm.Severity
		e.Summary = b.labels.Due + ": " + a.Title + " (" + id + ")"
		e.Description = paragraphs(
			joinNonEmpty(" · ", a.Owner, a.Priority, a.Type, a.Status),
			a.Tracking,
			joinNonEmpty(": ", id, title))
		e.Categories = nonEmpty("action-item", a.Status)
		b.add(e)
	}
}

// incident adds the post-mortem's incident: timed from started_at to
// resolved_at (else mitigated_at), or all-day on the post-mortem's date
// when started_at is missing.
func (b *builder) incident(p *site.Page, pm *site.PostMortem, id, title string) {
	at := pm.StartedAt
	if at.IsZero() {
		at = p.Date
	}
	if at.IsZero() {
		return
	}
	e := b.event(p, KindIncident, at, strings.ToLower(id))
	if pm.StartedAt.IsZero() {
		b.allDay(&e, p.Date)
	} else {
		e.Start = pm.StartedAt
		end := pm.ResolvedAt
		if end.IsZero() {
			end = pm.MitigatedAt
		}
		if end.After(e.Start) {
			e.End = end
		}
	}
	e.Title, e.Ref, e.Status, e.Severity = title, id, pm.Status, pm.Severity
	e.Summary = joinNonEmpty(" ", pm.Severity, id)
	if title != id {
		e.Summary += ": " + title
	}
	summary := pm.Summary
	if summary == "" {
		summary = p.Description
	}
	e.Description = paragraphs(
		joinNonEmpty(" · ", pm.Severity, pm.Trigger, pm.Status, strings.Join(pm.Services, ", ")),
		joinNonEmpty("\n",
			b.timeLine("started_at", pm.StartedAt),
			b.timeLine("detected_at", pm.DetectedAt),
			b.timeLine("mitigated_at", pm.MitigatedAt),
			b.timeLine("resolved_at", pm.ResolvedAt)),
		summary)
	e.Categories = nonEmpty("incident", pm.Severity)
	b.add(e)
}

// ContentEpoch is the stand-in LAST-MODIFIED of pages without lastmod:
// the newest moment the content records as past, i.e. any page's lastmod,
// a release's released_at or rolled_back_at, a post-mortem's date and
// incident times. Plans (planned dates, milestones, due dates) are left
// out, so the stand-in does not lie in the future, and it only grows as
// the team records more.
func ContentEpoch(s *site.Site) time.Time {
	var t time.Time
	see := func(ts ...time.Time) {
		for _, u := range ts {
			if u.After(t) {
				t = u
			}
		}
	}
	for _, p := range s.Pages {
		see(p.Lastmod)
		if r := p.Release; r != nil && r.Deployed() {
			see(r.ReleasedAt, r.RolledBackAt)
		}
		if pm := p.PostMortem; pm != nil {
			see(p.Date, pm.StartedAt, pm.DetectedAt, pm.MitigatedAt, pm.ResolvedAt)
		}
	}
	return t
}

// dateLine returns "key: 2026-11-03" in the site's zone, or "" for a zero t.
func (b *builder) dateLine(key string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return key + ": " + t.In(b.loc).Format("2006-01-02")
}

// timeLine returns "key: 2026-11-03 14:05 +09:00" in the site's zone, or ""
// for a zero t.
func (b *builder) timeLine(key string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return key + ": " + t.In(b.loc).Format("2006-01-02 15:04 -07:00")
}

// nonEmpty returns the non-empty strings among ss.
func nonEmpty(ss ...string) []string {
	out := ss[:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// decision adds the day a decision was taken (or proposed), all day.
func (b *builder) decision(p *site.Page) {
	d := p.Decision
	if p.Date.IsZero() {
		return
	}
	id := p.ID()
	title := strings.TrimSpace(p.Title)
	if title == "" {
		title = id
	}
	e := b.event(p, KindDecision, p.Date, strings.ToLower(id))
	b.allDay(&e, p.Date)
	e.Title, e.Ref, e.Status = title, id, d.Status
	e.Summary = joinNonEmpty(": ", b.labels.Decision+" "+id, title)
	e.Description = paragraphs(
		joinNonEmpty(" · ", id, d.Status, strings.Join(d.Deciders, ", ")),
		joinNonEmpty(": ", b.labels.Chosen, d.Chosen),
		p.Description)
	e.Categories = nonEmpty("decision", d.Status)
	b.add(e)
}
