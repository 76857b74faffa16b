package corpus

import (
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
)

var (
	storyIDRe = regexp.MustCompile(`^STORY-\d+$`)
	pmIDRe    = regexp.MustCompile(`^PM-(\d{4})-\d{3,}$`)
	linkRe    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
)

func TestContent(t *testing.T) {
	opts := Options{Pages: testPages, Seed: 5}
	files := Generate(opts)
	c := &checker{t: t, files: files, versions: map[string]releaseFM{}, storyIDs: map[string]bool{}}
	names := sortedNames(files)
	fms := map[string]string{}
	for _, name := range names {
		if strings.HasSuffix(name, ".md") {
			fms[name], _ = splitFrontMatter(t, name, files[name])
		}
	}
	// Releases and story ids first: the other kinds refer to them.
	for _, name := range names {
		switch dir := path.Dir(name); {
		case dir == "content/releases":
			var r releaseFM
			decodeStrict(t, name, fms[name], &r)
			c.versions[r.Version] = r
		case dir == "content/stories":
			c.storyIDs[fmValue(fms[name], "id")] = true
		}
	}
	c.checkReleases(DefaultNow())
	statuses := map[string]int{}
	for _, name := range names {
		switch dir := path.Dir(name); {
		case dir == "content/stories":
			var s storyFM
			decodeStrict(t, name, fms[name], &s)
			c.checkStory(name, s)
			statuses[s.Status]++
		case dir == "content/postmortems":
			var pm postmortemFM
			decodeStrict(t, name, fms[name], &pm)
			c.checkPostmortem(name, pm)
			statuses[pm.Trigger]++
		case dir == "content/metrics" && strings.HasSuffix(name, ".md"):
			var m metricFM
			decodeStrict(t, name, fms[name], &m)
			c.checkMetric(name, m)
		case strings.HasPrefix(name, "content/handbook/"):
			var p pageFM
			decodeStrict(t, name, fms[name], &p)
			c.nonEmpty(name, "title", p.Title, "description", p.Description, "tags", p.Tags)
			c.date(name, "date", p.Date)
		}
	}
	for _, want := range []string{"backlog", "ready", "in_progress", "in_review", "done", "dropped", "deploy", "config"} {
		if statuses[want] == 0 {
			t.Errorf("no story or post-mortem with status or trigger %q", want)
		}
	}
}

func (c *checker) checkReleases(now time.Time) {
	t := c.t
	versions := make([]string, 0, len(c.versions))
	for v := range c.versions {
		if !semverRe.MatchString(v) {
			t.Errorf("release %q: not SemVer", v)
			return
		}
		versions = append(versions, v)
	}
	sort.Slice(versions, func(i, j int) bool { return semverLess(versions[i], versions[j]) })
	var prev time.Time
	kinds := map[string]int{}
	for i, v := range versions {
		r, name := c.versions[v], "content/releases/"+v+".md"
		c.oneOf(name, "status", r.Status, "planned", "frozen", "released", "rolled_back")
		c.nonEmpty(name, "title", r.Title, "environment", r.Environment)
		kinds[r.Status]++
		planned := c.date(name, "planned_date", r.PlannedDate)
		released := c.datetime(name, "released_at", r.ReleasedAt)
		rolledBack := c.datetime(name, "rolled_back_at", r.RolledBackAt)
		for _, m := range r.Milestones {
			if d := c.date(name, "milestones.date", m.Date); d.After(planned) || m.Name == "" {
				t.Errorf("%s: milestone %+v after planned_date %s", name, m, r.PlannedDate)
			}
		}
		switch r.Status {
		case "released", "rolled_back":
			if released.IsZero() || released.After(now) || released.Before(prev) {
				t.Errorf("%s: released_at %q out of order or in the future", name, r.ReleasedAt)
			}
			if released.Before(planned) {
				t.Errorf("%s: released_at %s before planned_date %s", name, r.ReleasedAt, r.PlannedDate)
			}
			prev = released
		default:
			if !released.IsZero() || !planned.After(now) || i < len(versions)-3 {
				t.Errorf("%s: %s release not among the last three, or not in the future", name, r.Status)
			}
		}
		if (r.Status == "rolled_back") != !rolledBack.IsZero() || (!rolledBack.IsZero() && !rolledBack.After(released)) {
			t.Errorf("%s: status %s with rolled_back_at %q", name, r.Status, r.RolledBackAt)
		}
		for _, of := range r.HotfixFor {
			kinds["hotfix"]++
			if _, ok := c.versions[of]; !ok || !semverLess(of, v) {
				t.Errorf("%s: hotfix_for %q is not an earlier release", name, of)
			}
		}
	}
	if kinds["released"] < len(versions)/2 || kinds["frozen"] != 1 || kinds["planned"] != 2 {
		t.Errorf("release statuses %v", kinds)
	}
}

func (c *checker) checkStory(name string, s storyFM) {
	t := c.t
	if !storyIDRe.MatchString(s.ID) {
		t.Errorf("%s: id %q", name, s.ID)
	}
	c.nonEmpty(name, "title", s.Title, "as_a", s.AsA, "i_want", s.IWant, "so_that", s.SoThat,
		"acceptance", s.Acceptance, "owner", s.Owner, "team", s.Team, "tags", s.Tags)
	c.oneOf(name, "status", s.Status, "backlog", "ready", "in_progress", "in_review", "done", "dropped")
	c.oneOf(name, "priority", s.Priority, "P0", "P1", "P2", "P3")
	c.oneOf(name, "changelog", s.Changelog, "added", "changed", "deprecated", "removed", "fixed", "security")
	c.oneOf(name, "owner", s.Owner, people...)
	if len(s.Tags) > 4 {
		t.Errorf("%s: %d tags", name, len(s.Tags))
	}
	created := c.date(name, "created", s.Created)
	started := c.datetime(name, "started_at", s.StartedAt)
	first := c.datetime(name, "first_commit_at", s.FirstCommitAt)
	merged := c.datetime(name, "merged_at", s.MergedAt)
	c.ordered(name, created, started, first, merged)
	switch s.Status {
	case "backlog", "ready":
		if !started.IsZero() || !merged.IsZero() || s.Release != "" {
			t.Errorf("%s: %s story with work dates or a release", name, s.Status)
		}
	case "done":
		if merged.IsZero() {
			t.Errorf("%s: done story without merged_at", name)
		}
	default:
		if !merged.IsZero() || s.Release != "" {
			t.Errorf("%s: %s story merged or released", name, s.Status)
		}
	}
	if s.Release != "" {
		r, ok := c.versions[s.Release]
		if !ok || (r.Status != "released" && r.Status != "rolled_back") {
			t.Errorf("%s: release %q does not exist or never shipped", name, s.Release)
		} else if released := c.datetime(name, "released_at", r.ReleasedAt); !released.After(merged) {
			t.Errorf("%s: merged %s, after its release %s shipped", name, s.MergedAt, r.ReleasedAt)
		}
	}
	for _, v := range s.VOC {
		c.oneOf(name, "voc.source", v.Source, "support", "interview", "survey", "sales", "social", "nps")
		c.nonEmpty(name, "voc.customer", v.Customer, "voc.quote", v.Quote)
		if c.date(name, "voc.date", v.Date).After(created) {
			t.Errorf("%s: voice of customer dated after the story was created", name)
		}
	}
}

func (c *checker) checkPostmortem(name string, pm postmortemFM) {
	t := c.t
	m := pmIDRe.FindStringSubmatch(pm.ID)
	if m == nil || !strings.HasPrefix(pm.Date, m[1]) {
		t.Errorf("%s: id %q for date %s", name, pm.ID, pm.Date)
	}
	if !strings.HasPrefix(path.Base(name), pm.Date+"-") {
		t.Errorf("%s: file name does not start with its date %s", name, pm.Date)
	}
	c.nonEmpty(name, "title", pm.Title, "summary", pm.Summary, "impact", pm.Impact, "authors", pm.Authors,
		"services", pm.Services, "root_causes", pm.RootCauses, "contributing_factors", pm.ContributingFactors,
		"went_well", pm.Lessons.WentWell, "went_wrong", pm.Lessons.WentWrong)
	c.oneOf(name, "status", pm.Status, "draft", "in_review", "published")
	c.oneOf(name, "severity", pm.Severity, "SEV1", "SEV2", "SEV3", "SEV4", "SEV5")
	c.oneOf(name, "trigger", pm.Trigger, "deploy", "config", "infra", "dependency", "traffic", "other")
	date := c.date(name, "date", pm.Date)
	started := c.datetime(name, "started_at", pm.StartedAt)
	detected := c.datetime(name, "detected_at", pm.DetectedAt)
	mitigated := c.datetime(name, "mitigated_at", pm.MitigatedAt)
	resolved := c.datetime(name, "resolved_at", pm.ResolvedAt)
	if started.IsZero() || detected.IsZero() || mitigated.IsZero() || resolved.IsZero() {
		t.Errorf("%s: an incident time is missing", name)
	}
	c.ordered(name, date, started, detected, mitigated, resolved)
	if n := len(pm.Timeline); n < 5 || n > 10 {
		t.Errorf("%s: %d timeline events, want 5 to 10", name, n)
	}
	times := []time.Time{started}
	for _, e := range pm.Timeline {
		times = append(times, c.datetime(name, "timeline.at", e.At))
		c.nonEmpty(name, "timeline.event", e.Event)
	}
	c.ordered(name, append(times, resolved)...)
	if deployish := pm.Trigger == "deploy" || pm.Trigger == "config"; deployish != (len(pm.Releases) > 0) {
		t.Errorf("%s: trigger %s with releases %v", name, pm.Trigger, pm.Releases)
	}
	for _, v := range pm.Releases {
		r, ok := c.versions[v]
		if !ok {
			t.Errorf("%s: release %q does not exist", name, v)
		} else if c.datetime(name, "released_at", r.ReleasedAt).After(started) {
			t.Errorf("%s: started before release %s shipped", name, v)
		}
	}
	if len(pm.ActionItems) == 0 {
		t.Errorf("%s: no action items", name)
	}
	for _, a := range pm.ActionItems {
		c.nonEmpty(name, "action_items.title", a.Title, "action_items.owner", a.Owner, "action_items.tracking", a.Tracking)
		c.oneOf(name, "action_items.status", a.Status, "open", "in_progress", "done", "wont_do")
		c.oneOf(name, "action_items.priority", a.Priority, "P0", "P1", "P2", "P3")
		if strings.HasPrefix(a.Tracking, "STORY-") && !c.storyIDs[a.Tracking] {
			t.Errorf("%s: tracking %s does not exist", name, a.Tracking)
		}
		if c.date(name, "action_items.due", a.Due).Before(date) {
			t.Errorf("%s: action item due before the incident", name)
		}
	}
}

func (c *checker) checkMetric(name string, m metricFM) {
	c.nonEmpty(name, "title", m.Title, "unit", m.Unit)
	c.oneOf(name, "better", m.Better, "higher", "lower")
	c.oneOf(name, "chart", m.Chart, "line", "bar")
	if m.Target == nil {
		c.t.Errorf("%s: no target", name)
	}
	if (m.CSV == "") == (len(m.Points) == 0) {
		c.t.Errorf("%s: want points inline or from csv, not both or neither", name)
	}
	for _, p := range m.Points {
		if c.date(name, "points.date", p.Date); p.Value == nil {
			c.t.Errorf("%s: point without value", name)
		}
	}
	if m.CSV != "" {
		data := string(c.files[path.Join(path.Dir(name), m.CSV)])
		lines := strings.Split(strings.TrimSpace(data), "\n")
		if lines[0] != "date,value" || len(lines) < 12 {
			c.t.Errorf("%s: csv %s = %q", name, m.CSV, data)
		}
	}
}

func TestBodies(t *testing.T) {
	files := Generate(Options{Pages: testPages, Seed: 9})
	langs := map[string]int{}
	blocks := map[string]int{}
	total := 0
	for _, name := range sortedNames(files) {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		_, body := splitFrontMatter(t, name, files[name])
		prose, code := splitFences(t, name, body)
		if n := len(code); n < 1 || n > 4 {
			t.Errorf("%s: %d code blocks, want 1 to 4", name, n)
		}
		for _, b := range code {
			langs[b[0]]++
			blocks[strings.Join(b, "\n")]++
			total++
			if n := len(b) - 1; n < 5 || n > 40 {
				t.Errorf("%s: %s block of %d lines, want 5 to 40", name, b[0], n)
			}
		}
		if n := words(prose); n < 300 || n > 1500 {
			t.Errorf("%s: %d words, want 300 to 1500", name, n)
		}
		if !strings.Contains(prose, "\n## ") {
			t.Errorf("%s: no section headings", name)
		}
		internal := 0
		for _, m := range linkRe.FindAllStringSubmatch(prose, -1) {
			dest := m[1]
			if strings.HasPrefix(dest, "https://") {
				continue
			}
			internal++
			if _, ok := files[path.Join(path.Dir(name), dest)]; !ok {
				t.Errorf("%s: link to %s, which does not exist", name, dest)
			}
		}
		if internal == 0 {
			t.Errorf("%s: no link to another page", name)
		}
	}
	for _, lang := range codeLangs {
		if langs[lang] == 0 {
			t.Errorf("no %s code block in the corpus", lang)
		}
	}
	repeated := 0
	for _, n := range blocks {
		if n > 1 {
			repeated += n
		}
	}
	if share := float64(repeated) / float64(total); share < 0.2 || share > 0.45 {
		t.Errorf("%.2f of code blocks repeat across pages, want about 0.3", share)
	}
}

// splitFences separates fenced code from the rest of a body. Each block is
// its info string followed by its lines.
func splitFences(t *testing.T, name, body string) (prose string, blocks [][]string) {
	var sb strings.Builder
	var cur []string
	for _, line := range strings.Split(body, "\n") {
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = []string{strings.TrimPrefix(line, "```")}
		case cur != nil && line == "```":
			blocks = append(blocks, cur)
			cur = nil
		case cur != nil:
			cur = append(cur, line)
		default:
			sb.WriteString(line + "\n")
		}
	}
	if cur != nil {
		t.Errorf("%s: unclosed code fence", name)
	}
	return sb.String(), blocks
}

// words counts the whitespace-separated tokens holding a letter or digit.
func words(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}
