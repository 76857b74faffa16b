package content

import (
	"testing"
	"testing/fstest"

	"almanac/generator/site"
)

const pmYAML = `---
id: PM-2026-003
title: Deploy log export timed out
date: 2026-07-15
authors: [Alice Kim, Bo Park]
status: published
severity: SEV2
summary: Exports timed out for an hour.
impact: 40 customers could not export.
trigger: deploy
releases: [1.4.0]
services: [export-api, storage]
root_causes:
  - Unbounded query
contributing_factors:
  - No load test
  - Alert too quiet
started_at: 2026-07-15T10:00:00+09:00
detected_at: 2026-07-15T10:20:00+09:00
mitigated_at: 2026-07-15T11:00:00+09:00
resolved_at: 2026-07-15T13:00:00+09:00
timeline:
  - at: 2026-07-15T10:00:00+09:00
    event: Deploy of 1.4.0
  - at: 2026-07-15T10:20:00+09:00
    event: Alert fired
  - at: 2026-07-15T11:00:00+09:00
    event: Rolled back
action_items:
  - title: Add a query limit
    type: prevent
    owner: Bo Park
    priority: P1
    tracking: STORY-120
    status: in_progress
    due: 2026-08-01
  - title: Load test exports
    owner: Alice Kim
lessons:
  went_well: [Fast rollback]
  went_wrong: [Late detection]
  got_lucky: [Low traffic]
---
`

const pmTOML = `+++
id = "PM-2026-003"
title = "Deploy log export timed out"
date = 2026-07-15
authors = ["Alice Kim", "Bo Park"]
status = "published"
severity = "SEV2"
summary = "Exports timed out for an hour."
impact = "40 customers could not export."
trigger = "deploy"
releases = ["1.4.0"]
services = ["export-api", "storage"]
root_causes = ["Unbounded query"]
contributing_factors = ["No load test", "Alert too quiet"]
started_at = 2026-07-15T10:00:00+09:00
detected_at = 2026-07-15T10:20:00+09:00
mitigated_at = 2026-07-15T11:00:00+09:00
resolved_at = 2026-07-15T13:00:00+09:00

[[timeline]]
at = 2026-07-15T10:00:00+09:00
event = "Deploy of 1.4.0"

[[timeline]]
at = 2026-07-15T10:20:00+09:00
event = "Alert fired"

[[timeline]]
at = 2026-07-15T11:00:00+09:00
event = "Rolled back"

[[action_items]]
title = "Add a query limit"
type = "prevent"
owner = "Bo Park"
priority = "P1"
tracking = "STORY-120"
status = "in_progress"
due = 2026-08-01

[[action_items]]
title = "Load test exports"
owner = "Alice Kim"

[lessons]
went_well = ["Fast rollback"]
went_wrong = ["Late detection"]
got_lucky = ["Low traffic"]
+++
`

const pmJSON = `{
  "id": "PM-2026-003", "title": "Deploy log export timed out", "date": "2026-07-15",
  "authors": ["Alice Kim", "Bo Park"], "status": "published", "severity": "SEV2",
  "summary": "Exports timed out for an hour.", "impact": "40 customers could not export.",
  "trigger": "deploy", "releases": ["1.4.0"], "services": ["export-api", "storage"],
  "root_causes": ["Unbounded query"], "contributing_factors": ["No load test", "Alert too quiet"],
  "started_at": "2026-07-15T10:00:00+09:00", "detected_at": "2026-07-15T10:20:00+09:00",
  "mitigated_at": "2026-07-15T11:00:00+09:00", "resolved_at": "2026-07-15T13:00:00+09:00",
  "timeline": [
    {"at": "2026-07-15T10:00:00+09:00", "event": "Deploy of 1.4.0"},
    {"at": "2026-07-15T10:20:00+09:00", "event": "Alert fired"},
    {"at": "2026-07-15T11:00:00+09:00", "event": "Rolled back"}
  ],
  "action_items": [
    {"title": "Add a query limit", "type": "prevent", "owner": "Bo Park", "priority": "P1",
     "tracking": "STORY-120", "status": "in_progress", "due": "2026-08-01"},
    {"title": "Load test exports", "owner": "Alice Kim"}
  ],
  "lessons": {"went_well": ["Fast rollback"], "went_wrong": ["Late detection"], "got_lucky": ["Low traffic"]}
}
`

func TestDecodePostMortem(t *testing.T) {
	want := site.PostMortem{
		ID: "PM-2026-003", Authors: []string{"Alice Kim", "Bo Park"}, Status: "published", Severity: "SEV2",
		Summary: "Exports timed out for an hour.", Impact: "40 customers could not export.", Trigger: "deploy",
		Releases: []string{"1.4.0"}, Services: []string{"export-api", "storage"},
		RootCauses: []string{"Unbounded query"}, ContributingFactors: []string{"No load test", "Alert too quiet"},
		StartedAt: at(2026, 7, 15, 10, 0), DetectedAt: at(2026, 7, 15, 10, 20),
		MitigatedAt: at(2026, 7, 15, 11, 0), ResolvedAt: at(2026, 7, 15, 13, 0),
		Timeline: []site.TimelineEvent{
			{At: at(2026, 7, 15, 10, 0), Event: "Deploy of 1.4.0"},
			{At: at(2026, 7, 15, 10, 20), Event: "Alert fired"},
			{At: at(2026, 7, 15, 11, 0), Event: "Rolled back"},
		},
		ActionItems: []site.ActionItem{
			{Title: "Add a query limit", Type: "prevent", Owner: "Bo Park", Priority: "P1", Tracking: "STORY-120",
				Status: "in_progress", Due: day(2026, 8, 1)},
			{Title: "Load test exports", Owner: "Alice Kim", Status: "open"},
		},
		Lessons: site.Lessons{WentWell: []string{"Fast rollback"}, WentWrong: []string{"Late detection"},
			GotLucky: []string{"Low traffic"}},
	}
	for format, src := range map[string]string{"yaml": pmYAML, "toml": pmTOML, "json": pmJSON} {
		t.Run(format, func(t *testing.T) {
			p := decodeOne(t, fstest.MapFS{"content/postmortems/export-timeout.md": {Data: []byte(src)}},
				"content/postmortems/export-timeout.md")
			checkCommon(t, p, site.KindPostMortem, "/postmortems/export-timeout/", "Deploy log export timed out",
				"Exports timed out for an hour.", day(2026, 7, 15), nil)
			checkEqual(t, "post-mortem", *p.PostMortem, want)
			if p.ID() != "PM-2026-003" {
				t.Errorf("ID() = %q", p.ID())
			}
		})
	}
}
