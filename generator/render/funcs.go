package render

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"almanac/generator/site"
)

// env is what the template functions of one render know: the site, its
// base URL, time zone and language, and the lists computed once for it.
type env struct {
	site  *site.Site
	u     urls
	clk   clock
	tr    *translator
	views *views
}

// funcMap returns the core's template functions, bound to e; the
// extensions add their own (extension.go). Parsing uses the map of an
// empty env only for the names.
func funcMap(e *env) template.FuncMap {
	return template.FuncMap{
		// links
		"relURL":  func(s string) string { return e.u.rel(s) },
		"absURL":  func(s string) string { return e.u.abs(s) },
		"editURL": e.editURL,
		// words
		"T":     func(key string, args ...any) string { return e.tr.T(key, args...) },
		"label": func(group, value string) string { return e.tr.label(group, value) },
		"num":   e.num,
		// dates and durations
		"date":        func(t time.Time) string { return e.clk.date(t) },
		"datetime":    func(t time.Time) string { return e.clk.datetime(t) },
		"hm":          func(t time.Time) string { return e.clk.hm(t) },
		"machineTime": func(t time.Time) string { return e.clk.machine(t) },
		"longDate":    func(t time.Time) string { return e.clk.long(t) },
		"zone":        e.zone,
		"sameDay":     func(a, b time.Time) bool { return e.clk.date(a) == e.clk.date(b) },
		"span":        e.span,
		"minutes":     minutes,
		"duration":    func(d time.Duration) string { return e.tr.formatDuration(d) },
		"daysUntil":   func(t time.Time) int { return e.clk.days(e.site.Now, t) },
		"countdown":   e.countdown,
		"forms":       func(key string) []string { return e.tr.forms(key) },
		// content
		"body":      e.body,
		"hasTOC":    func(p *site.Page) bool { return p != nil && p.Rendered != nil && len(p.Rendered.TOC) >= 3 },
		"person":    e.person,
		"byID":      func(id string) *site.Page { return e.site.ByID[id] },
		"service":   func(name string) *site.Term { return e.views.services[name] },
		"tag":       func(name string) *site.Term { return e.views.tags[name] },
		"overdue":   func(a site.ActionItem) bool { return a.Overdue(e.site.Now) },
		"changelog": func(p *site.Page) []changeGroup { return buildChangelog(p) },
		"timeline":  func(p *site.Page) []moment { return buildTimeline(p) },
		"spans":     e.spans,
		"pmActions": e.pmActions,
		"kinds":     site.TypedKinds,
		"isURL":     isURL,
		"shortURL":  shortURL,
		"order":     order,
		// helpers
		"dict": dict,
		"list": func(v ...any) []any { return v },
		"join": strings.Join,
		"add":  func(a, b int) int { return a + b },
	}
}

func (e *env) editURL(p *site.Page) string {
	c := e.site.Config
	if p == nil || c.Repository == "" || p.Source == "" {
		return ""
	}
	branch := c.Branch
	if branch == "" {
		branch = "main"
	}
	return strings.TrimSuffix(c.Repository, "/") + "/edit/" + branch + "/" + p.Source
}

func (e *env) num(v any) string {
	if n, ok := toFloat(v); ok {
		return formatNumber(n)
	}
	return fmt.Sprint(v)
}

// span writes out the time from a to b ("2 h 5 min"); "" when either is
// unknown.
func (e *env) span(a, b time.Time) string {
	if a.IsZero() || b.IsZero() {
		return ""
	}
	return e.tr.formatDuration(b.Sub(a))
}

// countdown says how far t is from now in days: "in 12 days", "today",
// and for days gone by the table entry past ("countdown.past" by default:
// "3 days late").
func (e *env) countdown(t time.Time, past ...string) string {
	if t.IsZero() {
		return ""
	}
	key := "countdown.past"
	if len(past) > 0 && past[0] != "" {
		key = past[0]
	}
	switch d := e.clk.days(e.site.Now, t); {
	case d == 0:
		return e.tr.T("countdown.today")
	case d > 0:
		return e.tr.T("countdown.future", d)
	default:
		return e.tr.T(key, -d)
	}
}

// body is a page's rendered Markdown with root-relative links moved under
// the base path. It is the only HTML inserted unescaped.
func (e *env) body(p *site.Page) template.HTML {
	if p == nil || p.Rendered == nil {
		return ""
	}
	return template.HTML(e.u.body(p.Rendered.HTML))
}

func (e *env) person(name string) *site.Person {
	if e.views == nil {
		return nil
	}
	return e.views.people[name]
}

// spans writes out how long an incident took to be detected, mitigated and
// resolved: "detected after 20 min, mitigated after 2 h 5 min".
func (e *env) spans(p *site.Page) string {
	if p == nil || p.PostMortem == nil {
		return ""
	}
	pm := p.PostMortem
	var parts []string
	for _, s := range []struct {
		key string
		at  time.Time
	}{{"detected", pm.DetectedAt}, {"mitigated", pm.MitigatedAt}, {"resolved", pm.ResolvedAt}} {
		if d := e.span(pm.StartedAt, s.at); d != "" {
			parts = append(parts, e.tr.T("pm.after."+s.key, d))
		}
	}
	return strings.Join(parts, e.tr.T("list.sep"))
}

// order is the place of value in one of the site's enumerations, for
// sorting tables by status, priority or severity; unknown values sort last.
func order(group, value string) int {
	var list []string
	switch group {
	case "status":
		list = site.StoryStatuses
	case "priority":
		list = site.Priorities
	case "release":
		list = site.ReleaseStatuses
	case "severity":
		list = site.Severities
	case "pm":
		list = site.PostMortemStatuses
	case "action":
		list = site.ActionStatuses
	case "decision":
		list = site.DecisionStatuses
	}
	if i := slices.Index(list, value); i >= 0 {
		return i
	}
	return len(list)
}

// dict builds a map from key, value pairs, to pass several values to a
// partial.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// zone names the site's time zone once for a page, with its offset at the
// first of the given times that is known.
func (e *env) zone(ts ...time.Time) string {
	for _, t := range ts {
		if !t.IsZero() {
			return e.clk.zone(t)
		}
	}
	return e.clk.zone(e.site.Now)
}

// minutes is the whole minutes from a to b, -1 when either is unknown: a
// sort key for durations.
func minutes(a, b time.Time) int {
	if a.IsZero() || b.IsZero() {
		return -1
	}
	return int(b.Sub(a) / time.Minute)
}

// pmActions are a post-mortem's action items as written, each knowing
// whether it is overdue.
func (e *env) pmActions(p *site.Page) []actionView {
	if p == nil || p.PostMortem == nil {
		return nil
	}
	items := p.PostMortem.ActionItems
	out := make([]actionView, len(items))
	for i := range items {
		out[i] = actionView{PM: p, Item: &items[i], Overdue: items[i].Overdue(e.site.Now)}
	}
	return out
}

// isURL reports whether s is a web link rather than an issue key.
func isURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// shortURL drops the scheme and a trailing slash for display:
// "github.com/team/app/issues/12".
func shortURL(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	return strings.TrimSuffix(s, "/")
}
