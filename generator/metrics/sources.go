package metrics

import (
	"time"

	"almanac/generator/site"
)

// Where a timestamp was read.
const (
	FromFrontMatter = "front_matter"
	FromGit         = "git"
)

// Sources says where the timestamps behind the lead times and the
// deployments in the window were read.
type Sources struct {
	LeadTimes   []LeadTimeSource   `json:"lead_times"`
	Deployments []DeploymentSource `json:"deployments"`
}

// LeadTimeSource is one lead time counted in the lead time key, with where
// both of its ends come from.
type LeadTimeSource struct {
	Story   string  `json:"story"`
	Release string  `json:"release"`
	Hours   float64 `json:"hours"`
	// Start is the key the lead time is measured from: first_commit_at,
	// or merged_at when the first commit is not known.
	Start            string      `json:"start"`
	StartAt          time.Time   `json:"start_at"`
	StartSource      ValueSource `json:"start_source"`
	ReleasedAtSource ValueSource `json:"released_at_source"`
}

// DeploymentSource is where a deployment's released_at comes from.
type DeploymentSource struct {
	Version    string      `json:"version"`
	ReleasedAt time.Time   `json:"released_at"`
	Source     ValueSource `json:"source"`
}

// ValueSource is front matter, or a commit (and for a release, a tag) of
// a code repository.
type ValueSource struct {
	From       string `json:"from"`
	Repository string `json:"repository,omitempty"`
	Commit     string `json:"commit,omitempty"`
	Tag        string `json:"tag,omitempty"`
}

func valueSource(s *site.Source) ValueSource {
	if s == nil {
		return ValueSource{From: FromFrontMatter}
	}
	return ValueSource{From: FromGit, Repository: s.Repository, Commit: s.Commit, Tag: s.Tag}
}

// leadFrom is where one measured lead time starts, kept beside it.
type leadFrom struct {
	story   *site.Page
	start   string
	startAt time.Time
	from    *site.Source
	hours   float64
}

func newLeadFrom(sp *site.Page, fallback bool, start time.Time, h float64) leadFrom {
	lf := leadFrom{story: sp, start: "first_commit_at", startAt: start, from: sp.Story.FirstCommitFrom, hours: h}
	if fallback {
		lf.start, lf.from = "merged_at", sp.Story.MergedFrom
	}
	return lf
}

// sources lists, for the deployments in the window, where each lead
// time's ends and each released_at were read.
func sources(in []*deployment, cal calendar) *Sources {
	out := &Sources{LeadTimes: []LeadTimeSource{}, Deployments: []DeploymentSource{}}
	for _, d := range in {
		rel := valueSource(d.page.Release.ReleasedFrom)
		out.Deployments = append(out.Deployments, DeploymentSource{Version: d.page.ID(), ReleasedAt: d.at.In(cal.loc), Source: rel})
		for _, lf := range d.leadFrom {
			out.LeadTimes = append(out.LeadTimes, LeadTimeSource{
				Story: lf.story.ID(), Release: d.page.ID(), Hours: lf.hours,
				Start: lf.start, StartAt: lf.startAt.In(cal.loc),
				StartSource: valueSource(lf.from), ReleasedAtSource: rel,
			})
		}
	}
	return out
}

// leadSourceNotes counts the lead times in the window with a timestamp
// read from git, and those wholly from front matter.
func leadSourceNotes(in []*deployment) []Exclusion {
	var t tally
	for _, d := range in {
		for _, lf := range d.leadFrom {
			if lf.from != nil || d.page.Release.ReleasedFrom != nil {
				t.add(noteFromGit, lf.story.ID())
			} else {
				t.add(noteFromFrontMatter, lf.story.ID())
			}
		}
	}
	if len(t.list) == 0 {
		return nil
	}
	return t.result()
}
