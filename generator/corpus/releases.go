package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

type release struct {
	version      string
	major        int
	minor, patch int
	status       string
	hotfix       bool
	hotfixFor    string
	planned      time.Time // a date
	releasedAt   time.Time
	rolledBackAt time.Time
	theme        int // index into the phrasebook's release themes
	env          string
	korean       bool
	stories      []*story // shipped in it, by id
}

func (x *release) deployed() bool { return x.status == "released" || x.status == "rolled_back" }

// planReleases lays out n versions in order: a weekly-ish train of minor
// releases (more often than weekly when n would span more than six
// years), patches between them, a major version about once a year, a few
// rolled back releases each followed by a hotfix, and the last few still
// planned or frozen after now.
func (p *plan) planReleases(r *rand.Rand, n int) {
	future := 3
	switch {
	case n < 2:
		future = 0
	case n < 5:
		future = 1
	}
	past := n - future
	gapDays := 7
	if past > 0 && 6*365/past < 7 {
		gapDays = max(1, 6*365/past)
	}
	// Dates are first laid out from day 0, then shifted to end before now.
	origin := day(p.now)
	cursor := origin
	regular := origin
	for i := 0; i < past; i++ {
		x := &release{status: "released", theme: r.IntN(64), env: pick(r, environments)}
		prev := (*release)(nil)
		if i > 0 {
			prev = p.releases[i-1]
		}
		switch {
		case prev == nil:
			x.major, x.minor = 1, 0
		case prev.status == "rolled_back" || r.IntN(100) < 4:
			x.major, x.minor, x.patch = prev.major, prev.minor, prev.patch+1
			x.hotfix, x.hotfixFor = true, prev.version
		case r.IntN(100) < 13:
			x.major, x.minor, x.patch = prev.major, prev.minor, prev.patch+1
		case r.IntN(max(1, 365/gapDays)) == 0:
			x.major = prev.major + 1
		default:
			x.major, x.minor = prev.major, prev.minor+1
		}
		x.version = strconv.Itoa(x.major) + "." + strconv.Itoa(x.minor) + "." + strconv.Itoa(x.patch)
		if x.hotfix {
			x.releasedAt = cursor.Add(minutes(r, 90, 18*60))
		} else {
			step := gapDays
			if x.patch > 0 {
				step = max(1, gapDays/2)
			}
			regular = regular.AddDate(0, 0, step-1+r.IntN(3))
			if d := day(cursor).AddDate(0, 0, 1); regular.Before(d) {
				regular = d
			}
			x.releasedAt = regular.Add(minutes(r, 10*60, 18*60))
		}
		x.planned = day(x.releasedAt)
		if !x.hotfix && r.IntN(100) < 12 {
			x.planned = x.planned.AddDate(0, 0, -1-r.IntN(2))
		}
		cursor = x.releasedAt
		if i > 0 && !x.hotfix && r.IntN(100) < 3 {
			x.status = "rolled_back"
			x.rolledBackAt = x.releasedAt.Add(minutes(r, 15, 5*60))
			cursor = x.rolledBackAt
		}
		p.releases = append(p.releases, x)
	}
	// Shift the past so that the last release shipped one to three days ago.
	if past > 0 {
		shift := day(p.now).Sub(day(cursor)) - time.Duration(24*(1+r.IntN(3)))*time.Hour
		days := int(shift.Hours() / 24)
		for _, x := range p.releases {
			x.planned = x.planned.AddDate(0, 0, days)
			x.releasedAt = x.releasedAt.AddDate(0, 0, days)
			if !x.rolledBackAt.IsZero() {
				x.rolledBackAt = x.rolledBackAt.AddDate(0, 0, days)
			}
		}
		p.start = p.releases[0].releasedAt
	} else {
		p.start = p.now.AddDate(0, 0, -90)
	}
	major, minor := 1, 0
	if past > 0 {
		last := p.releases[past-1]
		major, minor = last.major, last.minor
	}
	next := day(p.now).AddDate(0, 0, 1)
	for i := 0; i < future; i++ {
		minor++
		x := &release{major: major, minor: minor, status: "planned", theme: r.IntN(64), env: "production", planned: next}
		x.version = strconv.Itoa(major) + "." + strconv.Itoa(minor) + ".0"
		if i == 0 {
			x.status = "frozen" // its code freeze, two days before, has passed
		}
		next = next.AddDate(0, 0, max(gapDays, 5))
		p.releases = append(p.releases, x)
	}
	for _, x := range p.releases {
		if x.deployed() {
			p.deployed = append(p.deployed, x.version)
		}
	}
}

func (p *plan) renderRelease(x *release, r *rand.Rand) []byte {
	v := newVoice(r, x.korean, p)
	v.ver = x.version
	v.pinned = true
	b := v.book
	var sb strings.Builder
	sb.Grow(8 << 10)
	w := fm{&sb}
	sb.WriteString("---\n")
	w.str("", "version", x.version)
	if x.hotfix {
		w.str("", "title", b.hotfixTitle(x.version, x.hotfixFor))
	} else {
		w.str("", "title", b.releaseTitle(x.version, b.releaseThemes[x.theme%len(b.releaseThemes)]))
	}
	w.raw("", "status", x.status)
	w.date("", "planned_date", x.planned)
	w.datetime("", "released_at", x.releasedAt)
	w.datetime("", "rolled_back_at", x.rolledBackAt)
	if x.hotfix {
		w.list("", "hotfix_for", []string{x.hotfixFor})
	}
	freeze, signoff := "code freeze", "staging sign-off"
	if x.korean {
		freeze, signoff = "코드 프리즈", "스테이징 승인"
	}
	if x.hotfix {
		name := "hotfix approved"
		if x.korean {
			name = "핫픽스 승인"
		}
		w.line("", "milestones", "")
		w.str("  - ", "name", name)
		w.date("    ", "date", x.planned)
	} else {
		w.line("", "milestones", "")
		w.str("  - ", "name", freeze)
		w.date("    ", "date", x.planned.AddDate(0, 0, -2))
		w.str("  - ", "name", signoff)
		w.date("    ", "date", x.planned.AddDate(0, 0, -1))
	}
	w.str("", "environment", x.env)
	sb.WriteString("---\n\n")
	v.pinned = false
	var links []linkTarget
	for i, s := range x.stories {
		if i == 6 {
			break
		}
		links = append(links, linkTarget{"stories/" + s.slug + ".md", s.id, s.id})
	}
	if x.hotfix {
		links = append(links, linkTarget{"releases/" + x.hotfixFor + ".md", "release " + x.hotfixFor, x.hotfixFor + " 릴리스"})
	}
	p.writeBody(&sb, v, bodySpec{heads: b.releaseHeads, prose: b.release, dir: "releases", links: links})
	return []byte(sb.String())
}
