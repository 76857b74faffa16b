package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestRulesAndTimeOrder decodes one file per case and compares every
// diagnostic: conditional requirements and moments out of order.
func TestRulesAndTimeOrder(t *testing.T) {
	const story, pm, rel = "content/stories/s.md", "content/postmortems/p.md", "content/releases/r.md"
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"released without released_at", rel, "---\nversion: 1.4.0\nstatus: released\n---\n", []string{
			`r.md:3:9: error: status is "released" but released_at is missing (add released_at: 2026-07-14T10:30:00+09:00)`}},
		{"rolled back without either", rel, "---\nversion: 1.4.0\nstatus: rolled_back\nreleased_at:\n---\n", []string{
			`r.md:3:9: error: status is "rolled_back" but released_at is missing (add released_at: 2026-07-14T10:30:00+09:00)`,
			`r.md:3:9: error: status is "rolled_back" but rolled_back_at is missing (add rolled_back_at: 2026-07-14T11:05:00+09:00)`}},
		{"rolled back before release", rel, "---\nversion: 1.4.0\nstatus: rolled_back\nreleased_at: 2026-07-14T10:00:00+09:00\nrolled_back_at: 2026-07-14T09:00:00+09:00\n---\n", []string{
			`r.md:5:17: error: rolled_back_at 2026-07-14T09:00:00+09:00 is before released_at 2026-07-14T10:00:00+09:00 (a release is rolled back after it is released)`}},
		{"planned needs nothing", rel, "---\nversion: 1.5.0\nstatus: planned\n---\n", nil},
		{"published post-mortem", pm, "---\nid: PM-1\ntitle: T\ndate: 2026-07-01\nseverity: SEV2\nstatus: published\nroot_causes: []\ntrigger: deploy\n---\n", []string{
			`p.md:6:9: error: status is "published" but resolved_at is missing (a published post-mortem says when it was resolved, e.g. resolved_at: 2026-07-14T11:05:00+09:00)`,
			`p.md:6:9: error: status is "published" but root_causes is missing (a published post-mortem says why it happened: root_causes: ["…"])`,
			`p.md:8:10: error: trigger is "deploy" but releases is missing (name the release that shipped the change, e.g. releases: [1.4.0])`}},
		{"config trigger in TOML", pm, "+++\nid = \"PM-1\"\ntitle = \"T\"\ndate = 2026-07-01\nseverity = \"SEV2\"\nstatus = \"draft\"\ntrigger = \"config\"\n+++\n", []string{
			`p.md:7:11: error: trigger is "config" but releases is missing (name the release that shipped the change, e.g. releases: [1.4.0])`}},
		{"incident out of order", pm, "---\nid: PM-1\ntitle: T\ndate: 2026-07-01\nseverity: SEV2\nstatus: draft\n" +
			"started_at: 2026-07-01T10:00:00+09:00\ndetected_at: 2026-07-01T09:50:00+09:00\nmitigated_at: 2026-07-01T11:00:00+09:00\nresolved_at: 2026-07-01T10:30:00+09:00\n---\n", []string{
			`p.md:8:14: error: detected_at 2026-07-01T09:50:00+09:00 is before started_at 2026-07-01T10:00:00+09:00 (an incident is started ≤ detected ≤ mitigated ≤ resolved)`,
			`p.md:10:14: error: resolved_at 2026-07-01T10:30:00+09:00 is before mitigated_at 2026-07-01T11:00:00+09:00 (an incident is started ≤ detected ≤ mitigated ≤ resolved)`}},
		{"gaps are skipped", pm, "---\nid: PM-1\ntitle: T\ndate: 2026-07-01\nseverity: SEV2\nstatus: draft\n" +
			"started_at: 2026-07-01T10:00:00+09:00\nresolved_at: 2026-07-01T00:30:00Z\n---\n", []string{
			`p.md:8:14: error: resolved_at 2026-07-01T09:30:00+09:00 is before started_at 2026-07-01T10:00:00+09:00`}},
		{"timeline outside and backwards", pm, "---\nid: PM-1\ntitle: T\ndate: 2026-07-01\nseverity: SEV2\nstatus: draft\n" +
			"started_at: 2026-07-01T10:00:00+09:00\nresolved_at: 2026-07-01T12:00:00+09:00\ntimeline:\n" +
			"  - {at: 2026-07-01T09:00:00+09:00, event: a}\n  - {at: 2026-07-01T11:00:00+09:00, event: b}\n" +
			"  - {at: 2026-07-01T10:30:00+09:00, event: c}\n  - {at: 2026-07-01T13:00:00+09:00, event: d}\n---\n", []string{
			`p.md:10:10: warning: timeline[0].at 2026-07-01T09:00:00+09:00 is before started_at 2026-07-01T10:00:00+09:00 (move started_at earlier, or the event belongs before the incident)`,
			`p.md:12:10: warning: timeline[2].at 2026-07-01T10:30:00+09:00 is before the event above it (2026-07-01T11:00:00+09:00) (list the timeline in the order things happened)`,
			`p.md:13:10: warning: timeline[3].at 2026-07-01T13:00:00+09:00 is after resolved_at 2026-07-01T12:00:00+09:00 (move resolved_at later, or the event belongs after the incident)`}},
		{"story moves backwards", story, "---\nid: STORY-1\ntitle: T\nstatus: done\ncreated: 2026-07-02\n" +
			"started_at: 2026-07-03T09:00:00+09:00\nfirst_commit_at: 2026-07-01T10:00:00+09:00\nmerged_at: 2026-07-02T23:00:00+09:00\n---\n", []string{
			`s.md:7:18: error: first_commit_at 2026-07-01T10:00:00+09:00 is before created 2026-07-02 (a story is created before work on it starts)`,
			`s.md:8:12: error: merged_at 2026-07-02T23:00:00+09:00 is before started_at 2026-07-03T09:00:00+09:00 (work is merged after it started)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := LoadPage(fstest.MapFS{tt.file: {Data: []byte(tt.src)}}, tt.file, testConfig())
			got := strings.Split(strings.TrimSuffix(diagLines(diags), "\n"), "\n")
			if len(tt.want) == 0 {
				if len(diags) > 0 {
					t.Errorf("got\n%s\nwant nothing", diagLines(diags))
				}
				return
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got\n%s\nwant %d lines", strings.Join(got, "\n"), len(tt.want))
			}
			dir := tt.file[:strings.LastIndexByte(tt.file, '/')+1]
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], dir+w) {
					t.Errorf("line %d:\n got %s\nwant %s…", i, got[i], dir+w)
				}
			}
		})
	}
}

// TestStoryAfterItsRelease links a story whose work comes after the
// release that names it.
func TestStoryAfterItsRelease(t *testing.T) {
	_, diags := loadSite(t, `
-- content/releases/1.4.0.md --
---
version: 1.4.0
status: released
released_at: 2026-07-14T10:00:00+09:00
---
-- content/stories/a.md --
---
id: STORY-1
title: A
status: done
first_commit_at: 2026-07-15T10:00:00+09:00
release: 1.4.0
---
`, Options{})
	want := "content/stories/a.md:5:18: error: first_commit_at 2026-07-15T10:00:00+09:00 is after release 1.4.0 went out at 2026-07-14T10:00:00+09:00 (a story ships in a release made after its work, or names another release)\n"
	if got := diagLines(diags); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}
