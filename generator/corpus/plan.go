package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// plan is the skeleton of a corpus, decided in one sequential pass over a
// single random source: which pages exist, their paths, their languages
// and every fact other pages refer to (versions and release dates, story
// ids, incident times). Bodies are then written in parallel, each page from
// its own random source, reading the plan only.
type plan struct {
	opts  Options
	now   time.Time
	start time.Time // the first release

	releases    []*release
	stories     []*story
	postmortems []*postmortem
	handbook    []*handbookPage
	metrics     []*metricPage

	deployed []string // versions that reached production, oldest first
	storyIDs []string
	shared   []snippet    // code that several pages repeat
	targets  []linkTarget // pages a body may link to
}

// linkTarget is a page other pages link to: its path under content/ and
// the link text in each language.
type linkTarget struct{ path, en, ko string }

// counts splits Options.Pages into kinds.
type counts struct{ stories, releases, postmortems, plain, metrics int }

func countsFor(pages int) counts {
	rest := pages - 2
	c := counts{metrics: 2, releases: rest / 10, postmortems: rest / 10, plain: rest / 10}
	c.stories = rest - c.releases - c.postmortems - c.plain
	return c
}

// planStream is the stream of the plan's own random source; page i draws
// from stream i.
const planStream = 0xa1ab_0c0d_e5ee_d000

func newPlan(opts Options) *plan {
	p := &plan{opts: opts, now: opts.Now}
	r := rand.New(rand.NewPCG(uint64(opts.Seed), planStream))
	c := countsFor(opts.Pages)
	p.planReleases(r, c.releases)
	p.planStories(r, c.stories)
	p.planPostmortems(r, c.postmortems)
	p.planHandbook(r, c.plain)
	p.planMetrics()
	p.markKorean(r)
	p.shared = sharedSnippets(r, max(8, min(200, opts.Pages/40)))
	p.collectTargets()
	return p
}

// rand returns the random source of page i.
func (p *plan) rand(i uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(p.opts.Seed), (i+1)*0x9e37_79b9_7f4a_7c15))
}

// markKorean chooses exactly round(Korean × pages) pages to be written in
// Korean, among all but the metric series.
func (p *plan) markKorean(r *rand.Rand) {
	var flags []*bool
	for _, x := range p.releases {
		flags = append(flags, &x.korean)
	}
	for _, x := range p.stories {
		flags = append(flags, &x.korean)
	}
	for _, x := range p.postmortems {
		flags = append(flags, &x.korean)
	}
	for _, x := range p.handbook {
		flags = append(flags, &x.korean)
	}
	k := int(p.opts.Korean*float64(p.opts.Pages) + 0.5)
	for _, i := range r.Perm(len(flags))[:min(k, len(flags))] {
		*flags[i] = true
	}
}

func (p *plan) collectTargets() {
	for _, x := range p.releases {
		p.targets = append(p.targets, linkTarget{"releases/" + x.version + ".md", "release " + x.version, x.version + " 릴리스"})
	}
	for _, x := range p.stories {
		p.targets = append(p.targets, linkTarget{"stories/" + x.slug + ".md", x.id, x.id})
	}
	for _, x := range p.postmortems {
		p.targets = append(p.targets, linkTarget{"postmortems/" + x.file + ".md", x.id, x.id})
	}
	for _, x := range p.handbook {
		p.targets = append(p.targets, linkTarget{x.path, x.title, x.titleKO})
	}
}

func (p *plan) jobs() []job {
	var jobs []job
	for _, x := range p.releases {
		jobs = append(jobs, job{"content/releases/" + x.version + ".md", func(r *rand.Rand) []byte { return p.renderRelease(x, r) }})
	}
	for _, x := range p.stories {
		jobs = append(jobs, job{"content/stories/" + x.slug + ".md", func(r *rand.Rand) []byte { return p.renderStory(x, r) }})
	}
	for _, x := range p.postmortems {
		jobs = append(jobs, job{"content/postmortems/" + x.file + ".md", func(r *rand.Rand) []byte { return p.renderPostmortem(x, r) }})
	}
	for _, x := range p.handbook {
		jobs = append(jobs, job{"content/" + x.path, func(r *rand.Rand) []byte { return p.renderHandbook(x, r) }})
	}
	for _, x := range p.metrics {
		jobs = append(jobs, job{"content/metrics/" + x.slug + ".md", func(r *rand.Rand) []byte { return p.renderMetric(x, r) }})
		if x.csv {
			jobs = append(jobs, job{"content/metrics/" + x.slug + ".csv", func(r *rand.Rand) []byte { return x.csvData() }})
		}
	}
	return jobs
}

// slugs hands out unique slugs within one folder.
type slugs map[string]int

func (s slugs) unique(base string) string {
	s[base]++
	if n := s[base]; n > 1 {
		return base + "-" + strconv.Itoa(n)
	}
	return base
}

// slugify lowercases ASCII letters and digits and joins the words with
// hyphens, keeping at most words words.
func slugify(s string, words int) string {
	var sb strings.Builder
	n, gap := 0, false
	for _, c := range strings.ToLower(s) {
		isWord := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !isWord {
			gap = sb.Len() > 0
			continue
		}
		if gap {
			n++
			if n == words {
				break
			}
			sb.WriteByte('-')
			gap = false
		}
		sb.WriteRune(c)
	}
	return sb.String()
}

// weighted returns an index into weights chosen with probability
// proportional to its weight.
func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// distinct draws n different elements of list in list order.
func distinct(r *rand.Rand, list []string, n int) []string {
	n = min(n, len(list))
	chosen := make([]bool, len(list))
	for k := 0; k < n; {
		if i := r.IntN(len(list)); !chosen[i] {
			chosen[i] = true
			k++
		}
	}
	out := make([]string, 0, n)
	for i, ok := range chosen {
		if ok {
			out = append(out, list[i])
		}
	}
	return out
}

// shuffled draws n different elements of list in random order.
func shuffled(r *rand.Rand, list []string, n int) []string {
	out := make([]string, 0, min(n, len(list)))
	for _, i := range r.Perm(len(list))[:cap(out)] {
		out = append(out, list[i])
	}
	return out
}

// day returns midnight of t's date in Seoul.
func day(t time.Time) time.Time {
	t = t.In(kst)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, kst)
}

// minutes returns a random duration between lo and hi minutes.
func minutes(r *rand.Rand, lo, hi int) time.Duration {
	return time.Duration(lo+r.IntN(hi-lo+1)) * time.Minute
}
