package render_test

import (
	"strings"
	"testing"
	"time"
)

// checksSite requires two checks of every release: a released one has
// them done (one waived), a planned one has one failed and one not yet
// recorded, and a cancelled one needs none.
const checksSite = `
-- almanac.toml --
title = "Checks"
base_url = "/"
language = "en"
time_zone = "Asia/Seoul"
[releases]
required_checks = ["security-review", "privacy-review"]
-- content/stories/a.md --
---
id: STORY-1
title: A
status: done
owner: Priya Nair
release: 1.0.0
changelog: added
---
-- content/releases/1.0.0.md --
---
version: 1.0.0
title: First
status: released
released_at: 2026-07-01T10:00:00+09:00
checks:
  - name: security-review
    status: passed
    by: Priya Nair
    at: 2026-06-29
    link: https://tickets.example.com/SEC-1
  - name: privacy-review
    status: waived
    note: No personal data <changed>.
---
-- content/releases/1.1.0.md --
---
version: 1.1.0
title: Second
status: planned
planned_date: 2026-08-20
checks:
  - name: security-review
    status: failed
    note: Two findings.
  - name: load-test
    status: passed
---
-- content/releases/1.2.0.md --
---
version: 1.2.0
title: Dropped
status: cancelled
---
`

func TestReleaseChecksPage(t *testing.T) {
	out := buildCal(t, checksSite, time.Date(2026, 8, 1, 9, 0, 0, 0, seoul))

	done := file(t, out, "releases/1.0.0/index.html")
	for _, want := range []string{
		`<h2 id="h-checks">Release checks</h2>`,
		`<li class="check"><span class="check-name">security-review</span> <span class="badge checkstatus-passed">passed</span> <span class="muted small">required</span>`,
		`by <a class="person" href="/people/priya-nair/">Priya Nair</a> <time class="mono muted" datetime="2026-06-29">2026-06-29</time> · <a href="https://tickets.example.com/SEC-1">record</a>`,
		`<span class="badge checkstatus-waived">waived</span>`,
		`<p class="check-note">No personal data &lt;changed&gt;.</p>`,
	} {
		if !strings.Contains(done, want) {
			t.Errorf("releases/1.0.0: missing\n%s", want)
		}
	}
	if strings.Contains(done, "checks-alert") || strings.Contains(done, "is-open") {
		t.Error("releases/1.0.0: a release whose checks are done is marked open")
	}

	planned := file(t, out, "releases/1.1.0/index.html")
	for _, want := range []string{
		`<li class="check is-open"><span class="check-name">security-review</span> <span class="badge checkstatus-failed">failed</span> <span class="muted small">required</span>`,
		`<p class="check-note">Two findings.</p>`,
		`<li class="check"><span class="check-name">load-test</span> <span class="badge checkstatus-passed">passed</span>
<span class="check-who">`,
		`<li class="check is-open"><span class="check-name">privacy-review</span> <span class="badge checkstatus-missing">not recorded</span> <span class="muted small">required</span>`,
	} {
		if !strings.Contains(planned, want) {
			t.Errorf("releases/1.1.0: missing\n%s", want)
		}
	}
	if strings.Contains(planned, "checks-alert") {
		t.Error("releases/1.1.0: a planned release is warned about as if it had shipped")
	}
	if cancelled := file(t, out, "releases/1.2.0/index.html"); strings.Contains(cancelled, "h-checks") {
		t.Error("releases/1.2.0: a cancelled release lists checks it will never need")
	}

	list := file(t, out, "releases/index.html")
	section := between(t, list, `<section class="open-checks"`, `</section>`)
	for _, want := range []string{
		`<h2 id="h-open-checks">Open checks</h2>`,
		`<a class="ver" href="/releases/1.1.0/#h-checks">1.1.0</a> <span class="badge relstatus-planned">planned</span>`,
		`<span class="open-check"><span class="check-name">security-review</span> <span class="badge checkstatus-failed">failed</span></span> <span class="open-check"><span class="check-name">privacy-review</span> <span class="badge checkstatus-missing">not recorded</span></span>`,
	} {
		if !strings.Contains(section, want) {
			t.Errorf("releases/: open checks: missing\n%s\nin\n%s", want, section)
		}
	}
	for _, v := range []string{"1.0.0", "1.2.0"} {
		if strings.Contains(section, ">"+v+"<") {
			t.Errorf("releases/: %s is marked with open checks", v)
		}
	}
}

func TestReleaseChecksKorean(t *testing.T) {
	src := strings.Replace(checksSite, `language = "en"`, `language = "ko"`, 1)
	out := buildCal(t, src, time.Date(2026, 8, 1, 9, 0, 0, 0, seoul))
	page := file(t, out, "releases/1.1.0/index.html")
	for _, want := range []string{`릴리스 점검`, `>실패</span>`, `>기록 없음</span>`, `>필수</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("ko releases/1.1.0: missing %s", want)
		}
	}
	list := file(t, out, "releases/index.html")
	if !strings.Contains(list, `끝나지 않은 점검`) {
		t.Error("ko releases/: no open checks heading")
	}
}

func TestReleasesWithoutRequiredChecks(t *testing.T) {
	// A site that requires no checks and lists none shows neither.
	src := strings.Replace(checksSite, `required_checks = ["security-review", "privacy-review"]`, "", 1)
	src = src[:strings.Index(src, "-- content/stories/a.md --")] + "-- content/releases/2.0.0.md --\n---\nversion: 2.0.0\nstatus: planned\n---\n"
	out := buildCal(t, src, time.Date(2026, 8, 1, 9, 0, 0, 0, seoul))
	if list := file(t, out, "releases/index.html"); strings.Contains(list, "open-checks") {
		t.Error("releases/: open checks section without checks")
	}
	if page := file(t, out, "releases/2.0.0/index.html"); strings.Contains(page, "h-checks") {
		t.Error("releases/2.0.0: checks section without checks")
	}
}

// between returns s from the first from to the next to after it.
func between(t *testing.T, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	if i < 0 {
		t.Fatalf("no %q", from)
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		t.Fatalf("no %q after %q", to, from)
	}
	return s[i : i+j]
}
