package calendar

import (
	"context"
	"testing"
	"time"
	_ "time/tzdata" // the tests need Asia/Seoul whatever the machine has

	"almanac/generator/content"
	"almanac/generator/internal/sitetest"
	"almanac/generator/site"
)

// fixtureSite is a small team site in Seoul with every kind of event: a
// release on the 31st with an ASCII and a Korean milestone, a rolled-back
// hotfix, a planned release with a long Korean title and a lastmod, a
// frozen and a cancelled release, a timed incident with action items, and a
// post-mortem without started_at.
const fixtureSite = `
-- almanac.toml --
title = "Harbor team"
description = "Releases, incidents; and follow-ups"
base_url = "https://harbor.example.org/almanac/"
language = "en"
time_zone = "Asia/Seoul"
-- content/releases/1.4.0.md --
---
version: 1.4.0
title: "Faster payouts; fewer retries, at last"
description: "Payout batches retry less.\nExports are faster."
status: released
planned_date: 2026-10-30
released_at: 2026-10-31T10:05:00+09:00
milestones:
  - name: Code freeze
    date: 2026-10-27
  - name: 릴리스 후보
    date: 2026-10-29
environment: production
---
Notes.
-- content/releases/1.4.1.md --
---
version: 1.4.1
title: Retry fix
status: rolled_back
hotfix_for: [1.4.0]
planned_date: 2026-11-02
released_at: 2026-11-02T14:00:00+09:00
rolled_back_at: 2026-11-03T00:30:00+09:00
---
-- content/releases/1.5.0.md --
---
version: 1.5.0
title: 정산 배치 요약을 한 번의 호출로 내려받는 새 내보내기와 은행 휴일 처리 개선
status: planned
planned_date: 2026-12-31
lastmod: 2026-11-20
milestones:
  - name: Code freeze
    date: 2026-12-21
---
-- content/releases/1.6.0.md --
---
version: 1.6.0
status: frozen
planned_date: 2027-01-07
---
-- content/releases/2.0.0.md --
---
version: 2.0.0
title: Ledger rewrite
status: cancelled
planned_date: 2027-01-15
milestones:
  - name: Code freeze
    date: 2027-01-05
---
-- content/postmortems/2026-11-02-retry-storm.md --
---
id: PM-2026-003
title: Retry storm after 1.4.1
date: 2026-11-02
status: published
severity: SEV2
trigger: deploy
releases: [1.4.1]
services: [payout-scheduler, settlement-api]
summary: "Retries piled up, the queue stalled; payouts waited.\nA \\ in a path was involved."
started_at: 2026-11-02T15:10:00+09:00
detected_at: 2026-11-02T15:20:00+09:00
mitigated_at: 2026-11-02T16:30:00+09:00
resolved_at: 2026-11-02T17:45:00+09:00
root_causes: [Retries without backoff]
action_items:
  - title: Cap retries per merchant
    owner: Jae-won Lee
    priority: P1
    tracking: STORY-130
    status: open
    due: 2026-11-16
  - title: Write a runbook
    status: open
  - title: Replace the queue, for good
    owner: Tomás Rivera
    status: wont_do
    due: 2026-11-30
---
-- content/postmortems/2026-11-19-batch-window.md --
---
id: PM-2026-004
title: 은행 배치 창 설정 오류
date: 2026-11-19
status: draft
severity: SEV4
summary: 배치 창이 한 시간 어긋났다.
---
-- content/stories/s1.md --
---
id: STORY-130
title: Cap retries
status: ready
---
`

// fixtureNow is the build's --now: 2026-11-25 10:00 in Seoul.
var fixtureNow = time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)

// seoul is the fixture's time zone.
func seoul(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// loadSite loads an inline site and fails the test on any error.
func loadSite(t testing.TB, src string) *site.Site {
	t.Helper()
	fsys := sitetest.Parse(src)
	cfg, diags := content.LoadConfig(fsys)
	s, more := content.Load(context.Background(), fsys, cfg, content.Options{Now: fixtureNow})
	diags.Append(more)
	for _, d := range diags {
		if d.Severity == site.Error {
			t.Errorf("load: %v", d)
		}
	}
	if t.Failed() || s == nil {
		t.FailNow()
	}
	return s
}
