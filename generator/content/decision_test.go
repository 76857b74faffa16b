package content

import (
	"strings"
	"testing"
)

// decisionSite is a small site whose decisions name each other, a story,
// a release and a post-mortem, and whose post-mortem tracks an action item
// by a decision.
const decisionSite = `
-- content/stories/sso.md --
---
id: STORY-1
title: SSO
status: done
release: 1.0.0
---
-- content/releases/1.0.0.md --
---
version: 1.0.0
status: released
released_at: 2026-07-01T10:00:00+09:00
---
-- content/postmortems/outage.md --
---
id: PM-2026-001
title: Outage
date: 2026-07-10
status: draft
severity: SEV2
action_items:
  - title: Decide on failover
    tracking: ADR-2
---
-- content/decisions/adr-1-manual.md --
---
id: ADR-1
title: Manual failover
date: 2026-05-01
status: superseded
deciders: [Mina Park]
options:
  - name: Manual
chosen: Manual
---
-- content/decisions/adr-2-automatic.md --
---
id: ADR-2
title: Automatic failover
date: 2026-07-20
status: accepted
deciders: [Mina Park, Jae Lee]
supersedes: [ADR-1]
options:
  - name: Manual
    cons: [slow]
  - name: Automatic
    pros: [fast]
chosen: Automatic
stories: [STORY-1]
releases: [1.0.0]
postmortems: [PM-2026-001]
---
Context.
`

func TestDecisionsLinkBothWays(t *testing.T) {
	s, diags := loadSite(t, decisionSite, Options{})
	if diags.HasErrors() {
		t.Fatalf("errors:\n%s", diagLines(diags))
	}
	if len(s.Decisions) != 2 || s.Decisions[0].ID() != "ADR-2" {
		t.Fatalf("Decisions = %v, want ADR-2 then ADR-1 (newest first)", s.Decisions)
	}
	adr1, adr2 := s.ByID["ADR-1"], s.ByID["ADR-2"]
	if adr1 == nil || adr2 == nil || adr2.URL != "/decisions/adr-2-automatic/" {
		t.Fatalf("ByID has no decisions, or the URL is wrong: %v %v", adr1, adr2)
	}
	d := adr2.Decision
	if len(d.SupersedesPages) != 1 || d.SupersedesPages[0] != adr1 || len(adr1.Decision.SupersededBy) != 1 || adr1.Decision.SupersededBy[0] != adr2 {
		t.Error("the supersedes chain is not linked both ways")
	}
	story, rel, pm := s.ByID["STORY-1"], s.ByVersion["1.0.0"], s.ByID["PM-2026-001"]
	if len(d.StoryPages) != 1 || len(story.Story.Decisions) != 1 || story.Story.Decisions[0] != adr2 {
		t.Error("the story and the decision do not name each other")
	}
	if len(d.ReleasePages) != 1 || len(rel.Release.Decisions) != 1 {
		t.Error("the release and the decision do not name each other")
	}
	if len(d.PostMortemPages) != 1 || len(pm.PostMortem.Decisions) != 1 {
		t.Error("the post-mortem and the decision do not name each other")
	}
	if len(d.Tracks) != 1 || d.Tracks[0].PostMortem != pm || d.Tracks[0].Item().Title != "Decide on failover" {
		t.Errorf("Tracks = %v, want the post-mortem's action item", d.Tracks)
	}
	var mina bool
	for _, p := range s.People {
		if p.Name == "Mina Park" {
			mina = len(p.Decisions) == 2
		}
	}
	if !mina {
		t.Error("Mina Park does not list the two decisions she took part in")
	}
	if got := adr2.Shown(); len(got) < 4 {
		t.Errorf("ADR-2 shows %d other pages, want its chain and what it names", len(got))
	}
}

func TestDecisionErrors(t *testing.T) {
	tests := []struct {
		name, edit, want string
	}{
		{"superseded record keeps its status", "status: superseded\ndeciders: [Mina Park]", `content/decisions/adr-1-manual.md:5:9: error: status is "accepted", but ADR-2 supersedes ADR-1 (set status: superseded (ADR-2 names it at content/decisions/adr-2-automatic.md:7:14))`},
		{"unknown decision", "supersedes: [ADR-1]", `content/decisions/adr-2-automatic.md:7:14: error: supersedes[0]: no decision has the id "ADR-9"`},
		{"unknown story", "stories: [STORY-1]", `content/decisions/adr-2-automatic.md:14:11: error: stories[0]: no story has the id "STORY-7" (did you mean "STORY-1"?)`},
		{"a story is not a post-mortem", "postmortems: [PM-2026-001]", `content/decisions/adr-2-automatic.md:16:15: error: postmortems[0]: no post-mortem has the id "STORY-1"`},
		{"unknown release", "releases: [1.0.0]", `content/decisions/adr-2-automatic.md:15:12: error: releases[0]: unknown release "2.0.0" (the nearest known version is 1.0.0)`},
		{"chosen is not an option", "chosen: Automatic", `content/decisions/adr-2-automatic.md:13:9: error: chosen: "Automatik" is not one of the options (did you mean "Automatic"?)`},
		{"not a decision id", "id: ADR-2", `content/decisions/adr-2-automatic.md:2:5: error: id: "DEC-2" is not a decision id`},
		{"self", "supersedes: [ADR-1]", `content/decisions/adr-2-automatic.md:7:13: error: supersedes: a decision cannot supersede itself`},
	}
	replace := map[string]string{
		"superseded record keeps its status": "status: accepted\ndeciders: [Mina Park]",
		"unknown decision":                   "supersedes: [ADR-9]",
		"unknown story":                      "stories: [STORY-7]",
		"a story is not a post-mortem":       "postmortems: [STORY-1]",
		"unknown release":                    "releases: [2.0.0]",
		"chosen is not an option":            "chosen: Automatik",
		"not a decision id":                  "id: DEC-2",
		"self":                               "supersedes: [ADR-2]",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(decisionSite, tt.edit, replace[tt.name], 1)
			if src == decisionSite {
				t.Fatalf("the edit %q did not apply", tt.edit)
			}
			_, diags := loadSite(t, src, Options{})
			if got := diagLines(diags); !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant a line\n%s", got, tt.want)
			}
		})
	}
}

func TestDecisionWithoutSuccessorWarns(t *testing.T) {
	src := strings.Replace(decisionSite, "supersedes: [ADR-1]\n", "", 1)
	_, diags := loadSite(t, src, Options{})
	if diags.HasErrors() || !strings.Contains(diagLines(diags), "ADR-1 is superseded, but no decision supersedes it") {
		t.Errorf("got\n%s", diagLines(diags))
	}
}
