package content

import (
	"strings"
	"testing"

	"almanac/generator/site"
)

func TestSeveralFolderPages(t *testing.T) {
	tests := []struct {
		name, files, winner, left string
	}{
		{"README over index and _index", "README.md index.md _index.md", "README.md", "_index.md, content/handbook/index.md"},
		{"README over _index", "README.md _index.md", "README.md", "_index.md"},
		{"index over _index", "_index.md index.md", "index.md", "_index.md"},
		{"readme in any case", "Readme.markdown index.md", "Readme.markdown", "index.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var src strings.Builder
			for _, f := range strings.Fields(tt.files) {
				src.WriteString("-- content/handbook/" + f + " --\n---\ntitle: From " + f + "\n---\nBody.\n")
			}
			s, diags := loadSite(t, src.String(), Options{})
			if len(diags) != 1 || diags[0].Severity != site.Warning {
				t.Fatalf("want one warning, got:\n%s", diagLines(diags))
			}
			d := diags[0]
			if d.Pos.File != "content/handbook/"+tt.winner {
				t.Errorf("warning at %s, want the winner %s", d.Pos.File, tt.winner)
			}
			if !strings.Contains(d.Msg, "left out: content/handbook/"+tt.left) {
				t.Errorf("warning %q does not name %s", d.Msg, tt.left)
			}
			p := s.ByURL["/handbook/"]
			if p == nil || p.Title != "From "+tt.winner {
				t.Fatalf("/handbook/ is %+v, want the page from %s", p, tt.winner)
			}
			if len(s.Pages) != 1 {
				t.Errorf("%d pages, want the winner alone", len(s.Pages))
			}
		})
	}
}

func TestFolderPageAtRoot(t *testing.T) {
	s, diags := loadSite(t, `
-- content/README.md --
# Team docs
-- content/_index.md --
---
title: Home
---
`, Options{})
	if len(diags) != 1 || !strings.Contains(diags[0].Msg, "README.md is the folder's page; left out: content/_index.md") {
		t.Fatalf("diagnostics:\n%s", diagLines(diags))
	}
	if s.Home == nil || s.Home.Source != "content/README.md" {
		t.Fatalf("home page is %+v", s.Home)
	}
}

func TestGeneratedFolderPages(t *testing.T) {
	s, diags := loadSite(t, `
-- content/handbook/_index.md --
---
title: Handbook
---
-- content/handbook/on-call.md --
---
title: On-call
weight: 2
---
-- content/handbook/Architecture Decision Records/0002-use-postgres.md --
# Use Postgres
-- content/handbook/Architecture Decision Records/0010-queue.md --
# Queue
-- content/handbook/Architecture Decision Records/0001-record.md --
---
title: Record decisions
weight: 1
---
-- content/handbook/Architecture Decision Records/superseded/0000-old.md --
# Old
-- content/runbooks/db/failover.md --
# Failover
-- content/runbooks/restart.md --
# Restart
-- content/stories/2026/s.md --
---
id: STORY-1
title: S
status: backlog
created: 2026-07-01
---
-- content/tags/x/page.md --
# Under a generated URL
-- content/team.md --
# Team
-- content/team/people.md --
# People
-- content/drafts/d.md --
---
title: D
draft: true
---
`, Options{})
	for _, d := range diags {
		if d.Severity == site.Error {
			t.Fatalf("diagnostics:\n%s", diagLines(diags))
		}
	}
	var made []string
	for u, p := range s.ByURL {
		if p.Folder != nil {
			made = append(made, u)
		}
	}
	checkEqual(t, "generated", sorted(made), []string{
		"/handbook/architecture-decision-records/",
		"/handbook/architecture-decision-records/superseded/",
		"/runbooks/",
		"/runbooks/db/",
	})
	adr := s.ByURL["/handbook/architecture-decision-records/"]
	if adr.Title != "Architecture Decision Records" || adr.Source != "" || adr.Folder.Path != "handbook/Architecture Decision Records" {
		t.Errorf("ADR folder page: %+v", adr)
	}
	checkEqual(t, "pages", titles(adr.Folder.Pages), []string{"Record decisions", "Queue", "Use Postgres"})
	checkEqual(t, "folders", titles(adr.Folder.Folders), []string{"superseded"})
	checkEqual(t, "parents", titles(adr.Folder.Parents), []string{"Handbook"})
	run := s.ByURL["/runbooks/"]
	checkEqual(t, "runbooks pages", titles(run.Folder.Pages), []string{"Restart"})
	checkEqual(t, "runbooks folders", titles(run.Folder.Folders), []string{"db"})
	if p := s.ByURL["/team/"]; p == nil || p.Folder != nil {
		t.Errorf("/team/ is %+v, want team.md", p)
	}
	for _, p := range s.Pages {
		if p.Folder != nil {
			t.Errorf("generated page %s is among Pages", p.URL)
		}
	}
}

func titles(ps []*site.Page) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Title)
	}
	return out
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
