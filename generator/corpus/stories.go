package corpus

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"
)

type story struct {
	id, slug      string
	svc           string // named in the title when set
	action        int    // indexes into the paired title tables
	object, qual  int
	status        string
	created       time.Time // a date
	startedAt     time.Time
	firstCommitAt time.Time
	mergedAt      time.Time
	release       *release
	korean        bool
}

var storyStatusWeights = []int{15, 9, 10, 6, 55, 5} // in site.StoryStatuses order

// planStories decides each story's status and dates. Done stories ship in
// a deployed release after they were merged; the rest are recent work.
// A few dates are left out on purpose, as real teams leave them out.
func (p *plan) planStories(r *rand.Rand, n int) {
	var deployed []*release
	for _, x := range p.releases {
		if x.deployed() {
			deployed = append(deployed, x)
		}
	}
	statuses := []string{"backlog", "ready", "in_progress", "in_review", "done", "dropped"}
	span := int(p.now.Sub(p.start).Hours()/24) + 1
	for i := 0; i < n; i++ {
		s := &story{
			action: r.IntN(len(storyActions)), object: r.IntN(len(storyObjects)),
			qual: r.IntN(len(storyQualifiers)), status: statuses[weighted(r, storyStatusWeights)],
		}
		if r.IntN(2) == 0 {
			s.svc = pick(r, services)
		}
		switch s.status {
		case "done":
			if len(deployed) == 0 || r.IntN(100) < 2 {
				s.mergedAt = p.now.Add(-time.Duration(1+r.IntN(span*24)) * time.Hour)
			} else {
				s.release = deployed[r.IntN(len(deployed))]
				s.mergedAt = s.release.releasedAt.Add(-minutes(r, 60, 10*24*60))
			}
			s.firstCommitAt = s.mergedAt.Add(-minutes(r, 120, 12*24*60))
			s.startedAt = s.firstCommitAt.Add(-minutes(r, 0, 3*24*60))
		case "in_review":
			s.startedAt = p.now.Add(-minutes(r, 3*24*60, 30*24*60))
			s.firstCommitAt = s.startedAt.Add(minutes(r, 30, 2*24*60))
		case "in_progress":
			s.startedAt = p.now.Add(-minutes(r, 60, 20*24*60))
			if r.IntN(10) < 7 {
				s.firstCommitAt = s.startedAt.Add(minutes(r, 10, 50))
			}
		case "dropped":
			if r.IntN(10) < 3 {
				s.startedAt = p.now.Add(-time.Duration(1+r.IntN(span*24)) * time.Hour)
			}
		}
		from := p.now
		if !s.startedAt.IsZero() {
			from = s.startedAt
		} else if s.status == "backlog" || s.status == "dropped" {
			from = p.now.AddDate(0, 0, -r.IntN(min(span, 720)))
		}
		s.created = day(from).AddDate(0, 0, -r.IntN(60))
		if s.status == "done" && r.IntN(100) < 8 {
			s.firstCommitAt = time.Time{}
		}
		if s.status != "backlog" && s.status != "ready" && r.IntN(100) < 4 {
			s.startedAt = time.Time{}
		}
		p.stories = append(p.stories, s)
	}
	// Ids follow creation, as a tracker hands them out.
	sort.SliceStable(p.stories, func(i, j int) bool { return p.stories[i].created.Before(p.stories[j].created) })
	used := slugs{}
	for i, s := range p.stories {
		s.id = "STORY-" + strconv.Itoa(i+1)
		p.storyIDs = append(p.storyIDs, s.id)
		s.slug = used.unique(slugify(s.titleEN(), 10))
		if s.release != nil {
			s.release.stories = append(s.release.stories, s)
		}
	}
}

func (s *story) titleEN() string {
	t := storyActions[s.action].en + " " + storyObjects[s.object].en
	if q := storyQualifiers[s.qual].en; q != "" {
		t += " " + q
	}
	if s.svc != "" {
		t += " in " + s.svc
	}
	return t
}

func (s *story) titleKO() string {
	t := storyObjects[s.object].ko + " " + storyActions[s.action].koNoun
	if q := storyQualifiers[s.qual].ko; q != "" {
		t = q + " " + t
	}
	if s.svc != "" {
		t = s.svc + " " + t
	}
	return t
}

var (
	priorityWeights  = []int{5, 20, 45, 30}
	changelogWeights = []int{40, 25, 3, 3, 25, 4} // in site.ChangelogCategories order
	changelogs       = []string{"added", "changed", "deprecated", "removed", "fixed", "security"}
	storyPoints      = []int{1, 2, 3, 5, 8, 13}
)

func (p *plan) renderStory(s *story, r *rand.Rand) []byte {
	v := newVoice(r, s.korean, p)
	b := v.book
	if s.release != nil {
		v.ver = s.release.version
	}
	if s.svc != "" {
		v.svc = s.svc
	}
	v.pinned = true
	act, obj, qual := storyActions[s.action], storyObjects[s.object], storyQualifiers[s.qual]
	var sb strings.Builder
	sb.Grow(8 << 10)
	w := fm{&sb}
	sb.WriteString("---\n")
	w.raw("", "id", s.id)
	if s.korean {
		v.obj = obj.ko
		want := obj.ko + attach(obj.ko, "을")
		if qual.ko != "" {
			want += " " + qual.ko
		}
		w.str("", "title", s.titleKO())
		w.str("", "as_a", pick(r, b.roles))
		w.str("", "i_want", want+" "+act.koStem+"고 싶다")
	} else {
		v.obj = obj.en
		want := "to " + strings.ToLower(act.en) + " " + obj.en
		if qual.en != "" {
			want += " " + qual.en
		}
		w.str("", "title", s.titleEN())
		w.str("", "as_a", pick(r, b.roles))
		w.str("", "i_want", want)
	}
	w.str("", "so_that", pick(r, b.soThat))
	sep := ", "
	if s.korean {
		sep = " "
	}
	acceptance := make([]string, 2+r.IntN(4))
	for i := range acceptance {
		acceptance[i] = v.expand(pick(r, b.givens) + sep + pick(r, b.whens) + sep + pick(r, b.thens))
	}
	w.list("", "acceptance", acceptance)
	w.raw("", "status", s.status)
	w.raw("", "priority", "P"+strconv.Itoa(weighted(r, priorityWeights)))
	if s.status != "backlog" || r.IntN(10) < 6 {
		w.raw("", "points", strconv.Itoa(pick(r, storyPoints)))
	}
	w.str("", "owner", pick(r, people))
	w.raw("", "team", pick(r, teams))
	w.list("", "tags", distinct(r, tags, 1+r.IntN(4)))
	w.date("", "created", s.created)
	w.datetime("", "started_at", s.startedAt)
	w.datetime("", "first_commit_at", s.firstCommitAt)
	w.datetime("", "merged_at", s.mergedAt)
	if s.release != nil {
		w.str("", "release", s.release.version)
	}
	w.raw("", "changelog", changelogs[weighted(r, changelogWeights)])
	if n := r.IntN(6) - 2; n > 0 {
		w.line("", "voc", "")
		for i := 0; i < n; i++ {
			w.raw("  - ", "source", pick(r, vocSources))
			w.str("    ", "customer", pick(r, customers))
			w.str("    ", "quote", pick(r, b.quotes))
			w.date("    ", "date", s.created.AddDate(0, 0, -r.IntN(120)))
		}
	}
	sb.WriteString("---\n\n")
	v.pinned = false
	var links []linkTarget
	if s.release != nil {
		links = append(links, linkTarget{"releases/" + s.release.version + ".md", "release " + s.release.version, s.release.version + " 릴리스"})
	}
	p.writeBody(&sb, v, bodySpec{heads: b.storyHeads, prose: b.story, dir: "stories", links: links})
	return []byte(sb.String())
}
