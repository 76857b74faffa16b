package content

import (
	"strings"
	"testing"

	"almanac/generator/site"
)

func TestDecodeReleaseChecks(t *testing.T) {
	fsys := siteFS(t, `
-- content/releases/a.md --
---
version: 1.4.0
status: released
released_at: 2026-07-14T10:30:00+09:00
checks:
  - name: security-review
    status: passed
    by: Jae-won Lee
    at: 2026-07-10
    link: https://tickets.example.com/SEC-12
  - name: privacy-review
    status: waived
    note: No personal data changed.
  - name: load-test
---
-- content/releases/b.md --
+++
version = "1.5.0"
status = "planned"

[[checks]]
name = "security-review"
status = "failed"
note = "Two findings"
+++
`)
	p := decodeOne(t, fsys, "content/releases/a.md")
	r := p.Release
	want := []site.ReleaseCheck{
		{Name: "security-review", Status: "passed", By: "Jae-won Lee", At: day(2026, 7, 10),
			Link: "https://tickets.example.com/SEC-12", Pos: site.Pos{File: "content/releases/a.md", Line: 6, Col: 5}},
		{Name: "privacy-review", Status: "waived", Note: "No personal data changed.",
			Pos: site.Pos{File: "content/releases/a.md", Line: 11, Col: 5}},
		{Name: "load-test", Status: "pending", Pos: site.Pos{File: "content/releases/a.md", Line: 14, Col: 5}},
	}
	checkEqual(t, "checks", r.Checks, want)
	checkEqual(t, "checks key", r.ChecksPos, site.Pos{File: "content/releases/a.md", Line: 5, Col: 1})
	checkEqual(t, "status position", p.Pos("checks[1].status"), site.Pos{File: "content/releases/a.md", Line: 12, Col: 13})

	b := decodeOne(t, fsys, "content/releases/b.md").Release
	if len(b.Checks) != 1 || b.Checks[0].Status != "failed" || b.Checks[0].Note != "Two findings" {
		t.Errorf("TOML checks = %+v", b.Checks)
	}
	if b.ChecksPos.File != "content/releases/b.md" || b.ChecksPos.Line == 0 {
		t.Errorf("TOML checks position = %v", b.ChecksPos)
	}
}

func TestDecodeReleaseChecksWithoutKey(t *testing.T) {
	fsys := siteFS(t, `
-- content/releases/a.md --
---
version: 1.4.0
status: planned
---
`)
	r := decodeOne(t, fsys, "content/releases/a.md").Release
	if r.Checks != nil {
		t.Errorf("checks = %+v, want none", r.Checks)
	}
	checkEqual(t, "checks position", r.ChecksPos, site.Pos{File: "content/releases/a.md", Line: 1, Col: 1})
}

func TestDecodeReleaseChecksErrors(t *testing.T) {
	fsys := siteFS(t, `
-- content/releases/a.md --
---
version: 1.4.0
status: planned
checks:
  - name: security-review
    status: pased
  - name: privacy-review
    status: waived
  - name: privacy-review
    status: passed
  - status: passed
  - name: sbom
    at: 14 July
    reviewer: Mina
  - just text
---
`)
	_, diags := LoadPage(fsys, "content/releases/a.md", testConfig())
	got := diagLines(diags)
	for _, want := range []string{
		`a.md:6:13: error: checks[0].status: "pased" is not one of: pending, passed, failed, waived (did you mean "passed"?)`,
		`a.md:7:5: error: checks[1]: "privacy-review" is waived without a note (say why it was waived`,
		`a.md:9:5: error: checks[2]: "privacy-review" is listed twice (first at line 7)`,
		`a.md:11:5: error: checks[3]: missing required key "name"`,
		`a.md:13:9: error: checks[4].at: "14 July" is not a date`,
		`a.md:14:5: error: unknown key "checks[4].reviewer" in release front matter`,
		`a.md:15:5: error: checks[5]: want a mapping of keys, found text`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing diagnostic\n%s\nin\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n"); n != 7 {
		t.Errorf("%d diagnostics, want 7:\n%s", n, got)
	}
}

func TestRequiredChecksConfig(t *testing.T) {
	fsys := siteFS(t, `
-- almanac.toml --
[releases]
required_checks = ["security-review", "privacy-review", "security-review", ""]
`)
	cfg, diags := LoadConfig(fsys)
	checkEqual(t, "required", cfg.RequiredChecks, []string{"security-review", "privacy-review"})
	got := diagLines(diags)
	for _, want := range []string{
		`almanac.toml:2:57: error: releases.required_checks[2]: "security-review" is listed twice`,
		`almanac.toml:2:76: error: releases.required_checks[3]: empty check name`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing diagnostic\n%s\nin\n%s", want, got)
		}
	}

	_, diags = LoadConfig(siteFS(t, "-- almanac.toml --\n[releases]\nrequired = [\"x\"]\n"))
	if got := diagLines(diags); !strings.Contains(got, `unknown key "releases.required"`) || !strings.Contains(got, `did you mean "required_checks"?`) {
		t.Errorf("unknown key: %s", got)
	}
}

const checksSite = `
-- almanac.toml --
people = ["Jae-won Lee", "Mina Park"]
[releases]
required_checks = ["security-review", "privacy-review"]
-- content/releases/done.md --
---
version: 1.0.0
status: released
released_at: 2026-07-01T10:00:00+09:00
checks:
  - name: security-review
    status: passed
    by: Jae-won Lee
  - name: privacy-review
    status: waived
    by: Mina Park
    at: 2026-07-01
    note: No personal data changed.
  - name: load-test
    status: passed
    at: 2026-07-02
---
-- content/releases/missing.md --
---
version: 1.1.0
status: released
released_at: 2026-07-08T10:00:00+09:00
checks:
  - name: security-reveiw
    status: passed
---
-- content/releases/none.md --
---
version: 1.1.1
status: rolled_back
released_at: 2026-07-09T10:00:00+09:00
rolled_back_at: 2026-07-09T11:00:00+09:00
---
-- content/releases/open.md --
---
version: 1.2.0
status: released
released_at: 2026-07-15T10:00:00+09:00
checks:
  - name: security-review
    status: failed
    by: Jae-won
  - name: privacy-review
  - name: load-test
    status: pending
---
-- content/releases/planned.md --
---
version: 1.3.0
status: planned
checks:
  - name: security-review
    status: pending
---
`

func TestReleaseChecksRule(t *testing.T) {
	s, diags := loadWithConfig(t, checksSite, Options{})
	got := diagLines(diags)
	want := []string{
		`content/releases/done.md:16:9: warning: checks[2].at: "load-test" was passed on 2026-07-02, after release 1.0.0 went out on 2026-07-01 (a check is signed off before the release goes out`,
		`content/releases/missing.md:5:1: error: release 1.1.0 is released but has no "security-review" check, which [releases] required_checks asks of every release (did you mean "security-review"? checks[0] is named "security-reveiw")`,
		`content/releases/missing.md:5:1: error: release 1.1.0 is released but has no "privacy-review" check, which [releases] required_checks asks of every release (add to checks: {name: privacy-review, status: passed, by: …, at: YYYY-MM-DD})`,
		`content/releases/none.md:1:1: error: release 1.1.1 is rolled back but has no "security-review" check`,
		`content/releases/none.md:1:1: error: release 1.1.1 is rolled back but has no "privacy-review" check`,
		`content/releases/open.md:7:13: error: checks[0]: "security-review" failed but release 1.2.0 is released (fix what it found`,
		`content/releases/open.md:8:9: warning: checks[0].by: "Jae-won" is not among the people of almanac.toml (did you mean "Jae-won Lee"?)`,
		`content/releases/open.md:9:5: error: checks[1]: "privacy-review" is still pending but release 1.2.0 is released (record how the review ended`,
		`content/releases/open.md:11:13: error: checks[2]: "load-test" is still pending but release 1.2.0 is released`,
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing diagnostic\n%s\nin\n%s", w, got)
		}
	}
	if n := strings.Count(got, "\n"); n != len(want) {
		t.Errorf("%d diagnostics, want %d:\n%s", n, len(want), got)
	}
	for _, line := range strings.Split(got, "\n") {
		if strings.Contains(line, "planned.md") || strings.Contains(line, "done.md") && strings.Contains(line, ": error: ") {
			t.Errorf("a release whose checks are done, or a planned one, has an error: %s", line)
		}
	}

	planned := s.ByVersion["1.3.0"].Release
	open := planned.OpenChecks(s.Config.RequiredChecks)
	var names []string
	for _, c := range open {
		names = append(names, c.Name+":"+c.Status)
	}
	checkEqual(t, "planned open checks", names, []string{"security-review:pending", "privacy-review:missing"})
	if c := s.ByVersion["1.0.0"].Release.OpenChecks(s.Config.RequiredChecks); len(c) != 0 {
		t.Errorf("done release has open checks %+v", c)
	}
}

func TestReleaseChecksNotRequired(t *testing.T) {
	// Without required_checks only the checks a release lists count.
	src := strings.Replace(checksSite, `required_checks = ["security-review", "privacy-review"]`, "", 1)
	_, diags := loadWithConfig(t, src, Options{})
	got := diagLines(diags)
	if strings.Contains(got, "has no") || strings.Contains(got, "missing.md") || strings.Contains(got, "none.md") {
		t.Errorf("checks reported as missing with none required:\n%s", got)
	}
	if !strings.Contains(got, `"security-review" failed but release 1.2.0 is released`) {
		t.Errorf("a failed check on a released release was not reported:\n%s", got)
	}
}
