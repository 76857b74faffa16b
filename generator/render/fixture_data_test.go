package render

import (
	"almanac/generator/site"
)

// fixture builds the sample team's site in English or Korean, under the
// given base URL. Now is fixed, so every run sees the same site.
func fixture(lang, baseURL string) *site.Site {
	ko := lang == "ko"
	tx := func(en, k string) string {
		if ko {
			return k
		}
		return en
	}
	s := &site.Site{
		Config: site.Config{
			Title:       tx("Checkout Team", "결제팀"),
			Description: tx("Stories, releases and post-mortems of the checkout service.", "결제 서비스의 스토리, 릴리스, 포스트모템."),
			BaseURL:     baseURL,
			Language:    lang,
			TimeZone:    "Asia/Seoul",
			Location:    seoul,
			Repository:  "https://github.com/example/checkout-almanac",
			Branch:      "main",
			ContentDir:  "content",
			Links: []site.NamedLink{
				{Name: tx("Status page", "상태 페이지"), URL: "https://status.example.org/"},
				{Name: tx("Deploy runbook", "배포 런북"), URL: "/runbooks/deploy/"},
			},
		},
		Now:    at("2026-05-06 10:00"),
		Assets: []string{"images/deploy-flow.svg"},
	}

	s.Home = &site.Page{
		Kind: site.KindPage, Source: "content/_index.md", URL: "/", Title: s.Config.Title,
		Lastmod: day("2026-05-02"),
		Rendered: rendered(tx(
			`<p>We own checkout end to end: the API, the payment workers and the webhooks our merchants rely on. Everything we plan, ship and learn is written down here. New here? Start with <a href="/about/">how we work</a>.</p>`,
			`<p>결제팀은 결제 API, 결제 워커, 가맹점이 쓰는 웹훅까지 결제 서비스 전체를 맡고 있습니다. 계획하고 배포하고 배운 것을 모두 여기에 적습니다. 처음이라면 <a href="/about/">일하는 방식</a>부터 읽어 보세요.</p>`)),
	}

	st101 := storyPage("export-deploy-log", tx("Export the deploy log as CSV", "배포 기록을 CSV로 내보내기"), site.Story{
		ID: "STORY-101", Status: "done", Priority: "P1", Points: 3, HasPoints: true, Owner: "Mina Park", Team: "checkout",
		AsA:    tx("release manager", "릴리스 매니저로서"),
		IWant:  tx("to download the deploy log of a quarter as CSV", "분기별 배포 기록을 CSV로 내려받고 싶다"),
		SoThat: tx("I can hand it to the auditors without copying rows by hand", "감사 담당자에게 손으로 옮겨 적지 않고 바로 넘길 수 있도록"),
		Acceptance: []string{
			tx("The export covers any date range up to one year", "내보내기는 최대 1년까지 원하는 기간을 지원한다"),
			tx("Times are written in UTC with an offset", "시각은 오프셋을 붙인 UTC로 적는다"),
			tx("Rolled-back deploys are marked as such", "롤백된 배포는 롤백으로 표시한다"),
		},
		Created: day("2026-03-30"), StartedAt: at("2026-04-01 09:30"), FirstCommitAt: at("2026-04-01 14:05"),
		MergedAt: at("2026-04-08 17:40"), Release: "1.4.0", Changelog: "added",
		VOC: []site.VOC{{
			Source: "support ticket", Customer: "Northwind Retail",
			Quote: tx("Every quarter we rebuild the deploy history from chat logs for our auditors. A file would save us a day.",
				"분기마다 감사 때문에 채팅 기록을 뒤져 배포 이력을 다시 만듭니다. 파일로 받을 수 있으면 하루를 아낄 수 있어요."),
			URL: "https://support.example.org/tickets/4821", Date: day("2026-03-12"),
		}},
	}, tx(`<p>The CSV follows the columns of the deploy API so scripts can read both.</p>`, `<p>CSV 열은 배포 API의 필드와 같아서 스크립트가 둘 다 읽을 수 있습니다.</p>`))
	st101.Tags = []string{"export", "deploys"}
	st101.Lastmod = day("2026-04-09")

	st102 := storyPage("webhook-retries", tx("Retry failed webhooks with backoff", "실패한 웹훅을 백오프로 재시도하기"), site.Story{
		ID: "STORY-102", Status: "done", Priority: "P0", Points: 5, HasPoints: true, Owner: "Jae-won Lee",
		AsA: tx("merchant developer", "가맹점 개발자로서"), IWant: tx("webhooks to be retried when my endpoint is down", "내 엔드포인트가 내려가도 웹훅이 재시도되기를 원한다"),
		SoThat:  tx("a short outage on my side does not lose payment events", "잠깐의 장애로 결제 이벤트를 잃지 않도록"),
		Created: day("2026-03-20"), FirstCommitAt: at("2026-03-24 11:00"), MergedAt: at("2026-04-10 16:20"),
		Release: "1.4.0", Changelog: "changed",
	}, "")
	st103 := storyPage("freeze-windows", tx("Show deploy freeze windows on the calendar", "배포 동결 기간을 캘린더에 표시하기"), site.Story{
		ID: "STORY-103", Status: "in_progress", Priority: "P2", Points: 2, HasPoints: true, Owner: "Mina Park",
		Created: day("2026-04-14"), StartedAt: at("2026-04-28 10:00"), Release: "1.5.0", Changelog: "added",
	}, "")
	st104 := storyPage("rotate-signing-keys", tx("Rotate API signing keys without downtime", "중단 없이 API 서명 키 교체하기"), site.Story{
		ID: "STORY-104", Status: "in_review", Priority: "P1", Points: 8, HasPoints: true, Owner: "Sam Ortiz",
		Created: day("2026-04-02"), Release: "1.5.0", Changelog: "security",
	}, "")
	st104.Tags = []string{"security"}
	st105 := storyPage("search-incidents-by-customer", tx("Let support search incidents by customer", "고객별로 장애를 검색하기"), site.Story{
		ID: "STORY-105", Status: "ready", Priority: "P2", Points: 3, HasPoints: true, Created: day("2026-04-20"),
	}, "")
	st106 := storyPage("drop-xml-export", tx("Drop the legacy XML export", "예전 XML 내보내기 없애기"), site.Story{
		ID: "STORY-106", Status: "dropped", Priority: "P3", Owner: "Sam Ortiz", Created: day("2026-01-15"),
	}, "")
	st107 := storyPage("status-page-dark-mode", tx("Dark mode for the status page", "상태 페이지 다크 모드"), site.Story{
		ID: "STORY-107", Status: "backlog", Priority: "P3", Points: 1, HasPoints: true, Owner: "Jae-won Lee", Created: day("2026-04-30"),
	}, "")
	st108 := storyPage("invoice-rounding", tx("Fix rounding in invoice totals", "청구서 합계의 반올림 오류 고치기"), site.Story{
		ID: "STORY-108", Status: "done", Priority: "P0", Points: 2, HasPoints: true, Owner: "Sam Ortiz",
		Created: day("2026-04-20"), FirstCommitAt: at("2026-04-21 09:10"), MergedAt: at("2026-04-22 11:30"),
		Release: "1.4.1", Changelog: "fixed",
	}, "")
	s.Stories = []*site.Page{st101, st102, st103, st104, st105, st106, st107, st108}

	r150 := releasePage(tx("Key rotation and freeze windows", "키 교체와 배포 동결 기간"), site.Release{
		Version: "1.5.0", SemVer: site.SemVer{Major: 1, Minor: 5}, Status: "planned", ReleaseKind: "minor",
		PlannedDate: day("2026-05-18"),
		Milestones: []site.Milestone{
			{Name: tx("Code freeze", "코드 동결"), Date: day("2026-05-11")},
			{Name: tx("Staging sign-off", "스테이징 승인"), Date: day("2026-05-14")},
		},
		Environment: "production",
	}, "")
	r141 := releasePage("1.4.1", site.Release{
		Version: "1.4.1", SemVer: site.SemVer{Major: 1, Minor: 4, Patch: 1}, Status: "released", ReleaseKind: "hotfix",
		ReleasedAt: at("2026-04-22 15:10"), HotfixFor: []string{"1.4.0"}, Environment: "production",
	}, "")
	r140 := releasePage(tx("Deploy log export and webhook retries", "배포 기록 내보내기와 웹훅 재시도"), site.Release{
		Version: "1.4.0", SemVer: site.SemVer{Major: 1, Minor: 4}, Status: "rolled_back", ReleaseKind: "minor",
		PlannedDate: day("2026-04-20"), ReleasedAt: at("2026-04-20 10:00"), RolledBackAt: at("2026-04-20 12:05"),
		Environment: "production",
	}, tx(`<p>Rolled back the same morning; see the post-mortem. The stories shipped again in 1.4.1.</p>`, `<p>당일 오전에 롤백했습니다. 포스트모템을 보세요. 스토리는 1.4.1로 다시 배포했습니다.</p>`))
	r140.Tags = []string{"deploys"}
	r140.Description = tx("Quarterly deploy log export, webhook retries with backoff.", "분기별 배포 기록 내보내기, 백오프를 둔 웹훅 재시도.")
	r131 := releasePage("1.3.1", site.Release{
		Version: "1.3.1", SemVer: site.SemVer{Major: 1, Minor: 3, Patch: 1}, Status: "cancelled", ReleaseKind: "patch",
		PlannedDate: day("2026-04-06"),
	}, "")
	r130 := releasePage(tx("Faster refunds", "더 빠른 환불"), site.Release{
		Version: "1.3.0", SemVer: site.SemVer{Major: 1, Minor: 3}, Status: "released", ReleaseKind: "minor",
		PlannedDate: day("2026-03-30"), ReleasedAt: at("2026-03-30 14:00"),
	}, "")
	s.Releases = []*site.Page{r150, r141, r140, r131, r130}

	pm4 := pmPage("2026-04-checkout-errors", tx("Checkout errors after the 1.4.0 rollout", "1.4.0 배포 후 결제 오류"), day("2026-04-20"), site.PostMortem{
		ID: "PM-2026-004", Authors: []string{"Jae-won Lee", "Mina Park"}, Status: "published", Severity: "SEV2",
		Summary: tx("For two hours after 1.4.0 reached production, one checkout in eight failed with a 502 because the new webhook retry queue exhausted the database connection pool.",
			"1.4.0이 운영에 배포된 뒤 두 시간 동안, 새 웹훅 재시도 큐가 데이터베이스 연결 풀을 모두 써 버려 결제 여덟 건 중 한 건이 502로 실패했습니다."),
		Impact: tx("About 3,100 failed checkouts across 240 merchants; no payment was charged twice.",
			"가맹점 240곳에서 결제 약 3,100건이 실패했습니다. 이중 청구는 없었습니다."),
		Trigger: "deploy", Releases: []string{"1.4.0"}, Services: []string{"checkout-api", "payments-worker"},
		RootCauses: []string{tx("The retry queue opened one connection per pending webhook instead of sharing the pool.",
			"재시도 큐가 풀을 공유하지 않고 대기 중인 웹훅마다 연결을 하나씩 열었습니다.")},
		ContributingFactors: []string{
			tx("Staging had too few pending webhooks to show the problem.", "스테이징에는 대기 중인 웹훅이 적어 문제가 드러나지 않았습니다."),
			tx("The connection pool alert fired at 95 %, too late to act before errors.", "연결 풀 경보가 95 %에서야 울려 오류 전에 대응하기엔 늦었습니다."),
		},
		StartedAt: at("2026-04-20 10:02"), DetectedAt: at("2026-04-20 10:22"),
		MitigatedAt: at("2026-04-20 12:07"), ResolvedAt: at("2026-04-20 13:30"),
		Timeline: []site.TimelineEvent{
			{At: at("2026-04-20 10:00"), Event: tx("1.4.0 deployed to production.", "1.4.0을 운영에 배포했습니다.")},
			{At: at("2026-04-20 10:02"), Event: tx("First 502 errors on checkout.", "결제에서 첫 502 오류가 났습니다.")},
			{At: at("2026-04-20 10:22"), Event: tx("Error-rate alert pages the on-call engineer.", "오류율 경보가 당직 엔지니어를 호출했습니다.")},
			{At: at("2026-04-20 11:05"), Event: tx("Rollback to 1.3.0 started.", "1.3.0으로 롤백을 시작했습니다.")},
			{At: at("2026-04-20 12:07"), Event: tx("Error rate back under 0.1 %.", "오류율이 0.1 % 아래로 돌아왔습니다.")},
			{At: at("2026-04-20 13:30"), Event: tx("Retry queue drained; incident closed.", "재시도 큐를 비우고 장애를 종료했습니다.")},
		},
		ActionItems: []site.ActionItem{
			{Title: tx("Share the connection pool in the retry queue", "재시도 큐에서 연결 풀을 공유하기"), Type: "fix", Owner: "Jae-won Lee", Priority: "P0",
				Tracking: "https://github.com/example/checkout/issues/812", Status: "done", Due: day("2026-04-22")},
			{Title: tx("Alert on pool usage at 70 %", "연결 풀 사용률 70 %에서 경보하기"), Type: "detect", Owner: "Mina Park", Priority: "P1",
				Tracking: "OPS-231", Status: "open", Due: day("2026-05-01")},
			{Title: tx("Load-test staging with a production-sized webhook backlog", "운영 규모의 웹훅 적체로 스테이징 부하 시험하기"), Type: "prevent", Owner: "Sam Ortiz", Priority: "P2",
				Tracking: "OPS-232", Status: "in_progress", Due: day("2026-05-20")},
		},
		Lessons: site.Lessons{
			WentWell:  []string{tx("The rollback took one command.", "롤백은 명령 하나로 끝났습니다.")},
			WentWrong: []string{tx("Twenty minutes passed before anyone was paged.", "누군가 호출되기까지 20분이 걸렸습니다.")},
			GotLucky:  []string{tx("It happened on a Monday morning, not during the evening peak.", "저녁 피크가 아니라 월요일 오전에 일어났습니다.")},
		},
	}, tx(`<h2 id="what-happened">What happened</h2><p>The retry queue shipped behind a flag that defaulted to on. See <a href="/releases/1.4.0/">1.4.0</a> and the diagram below.</p><p><img src="/images/deploy-flow.svg" alt="Deploy flow"></p>`,
		`<h2 id="what-happened">무슨 일이 있었나</h2><p>재시도 큐는 기본값이 켜짐인 플래그 뒤에 배포되었습니다. <a href="/releases/1.4.0/">1.4.0</a>과 아래 그림을 보세요.</p><p><img src="/images/deploy-flow.svg" alt="배포 흐름"></p>`))
	pm4.Tags = []string{"deploys"}
	pm4.Lastmod = day("2026-04-27")
	pm4.Aliases = []string{"/incidents/2026-04-20/"}

	pm2 := pmPage("2026-02-webhook-backlog", tx("Webhook backlog during a provider outage", "결제 대행사 장애 중 웹훅 적체"), day("2026-02-11"), site.PostMortem{
		ID: "PM-2026-002", Authors: []string{"Sam Ortiz"}, Status: "in_review", Severity: "SEV3",
		Summary: tx("Our card provider was down for 40 minutes; webhooks queued up and reached merchants up to an hour late.",
			"카드 결제 대행사가 40분 동안 장애를 겪어 웹훅이 쌓였고, 가맹점에 최대 한 시간 늦게 전달되었습니다."),
		Trigger: "dependency", Services: []string{"webhooks"},
		StartedAt: at("2026-02-11 21:40"), DetectedAt: at("2026-02-11 21:44"), MitigatedAt: at("2026-02-11 22:20"), ResolvedAt: at("2026-02-11 23:05"),
		ActionItems: []site.ActionItem{
			{Title: tx("Show provider status on our status page", "상태 페이지에 대행사 상태 보여 주기"), Type: "communicate", Owner: "Sam Ortiz", Priority: "P2", Status: "open"},
			{Title: tx("Add a second card provider", "두 번째 카드 대행사 추가하기"), Type: "prevent", Owner: "Mina Park", Priority: "P3", Status: "wont_do"},
		},
	}, "")
	s.PostMortems = []*site.Page{pm4, pm2}

	about := plainPage("about.md", tx("How we work", "일하는 방식"),
		tx(`<p>One team owns checkout end to end.</p><h2 id="cadence">Cadence</h2><p>We release every second Monday.</p><h2 id="on-call">On call</h2><p>One engineer a week.</p><h3 id="paging">Paging</h3><p>Pages go to the phone.</p><h2 id="post-mortems">Post-mortems</h2><p>Written within five working days, blameless.</p>`,
			`<p>한 팀이 결제를 처음부터 끝까지 맡습니다.</p><h2 id="cadence">주기</h2><p>격주 월요일마다 릴리스합니다.</p><h2 id="on-call">당직</h2><p>한 주에 엔지니어 한 명이 맡습니다.</p><h3 id="paging">호출</h3><p>호출은 휴대전화로 갑니다.</p><h2 id="post-mortems">포스트모템</h2><p>영업일 닷새 안에, 누구도 탓하지 않고 씁니다.</p>`),
		site.Heading{Level: 2, ID: "cadence", Text: tx("Cadence", "주기")},
		site.Heading{Level: 2, ID: "on-call", Text: tx("On call", "당직")},
		site.Heading{Level: 3, ID: "paging", Text: tx("Paging", "호출")},
		site.Heading{Level: 2, ID: "post-mortems", Text: tx("Post-mortems", "포스트모템")},
	)
	about.Lastmod = day("2026-03-01")
	about.Description = tx("Cadence, on-call and post-mortems in one page.", "주기, 당직, 포스트모템을 한 페이지에.")
	runbook := plainPage("runbooks/deploy.md", tx("Deploy runbook", "배포 런북"),
		tx(`<p>Deploys go out through CI. To roll back, run <code>make rollback</code>. The flow is <a href="../../images/deploy-flow.svg">drawn here</a>.</p>`,
			`<p>배포는 CI로 나갑니다. 롤백하려면 <code>make rollback</code>을 실행합니다. 흐름은 <a href="../../images/deploy-flow.svg">그림</a>에 있습니다.</p>`))
	runbook.Aliases = []string{"/deploy-runbook/"}
	runbook.Tags = []string{"deploys"}
	s.Plain = []*site.Page{about, runbook}

	link(s)
	return s
}
