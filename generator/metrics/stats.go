package metrics

import (
	"slices"
	"sort"
	"time"
)

// median returns the middle value of xs (the mean of the two middle ones
// for an even count), or nil for none. xs is not changed.
func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + m) / 2
	}
	return &m
}

// medianOf returns the median of ints as a float (0 for none).
func medianOf(xs []int) float64 {
	f := make([]float64, len(xs))
	for i, x := range xs {
		f[i] = float64(x)
	}
	if m := median(f); m != nil {
		return *m
	}
	return 0
}

// hours returns b − a in hours, on absolute instants.
func hours(a, b time.Time) float64 { return b.Sub(a).Hours() }

func ptr[T any](v T) *T { return &v }

// excluded is one item left out of a figure, before counting.
type excluded struct {
	code string
	id   string
}

// tally collects exclusions, or notes, by reason.
type tally struct {
	list []Exclusion
}

// add counts one item under code. reason is the plain-language text of
// the code; the first one given for a code is kept.
func (t *tally) add(code, id string) {
	for i := range t.list {
		if t.list[i].Code == code {
			e := &t.list[i]
			e.Count++
			if len(e.Examples) < MaxExamples && id != "" {
				e.Examples = append(e.Examples, id)
			}
			return
		}
	}
	e := Exclusion{Code: code, Reason: reasonText(code), Count: 1, Examples: []string{}}
	if id != "" {
		e.Examples = append(e.Examples, id)
	}
	t.list = append(t.list, e)
}

// result returns the exclusions ordered by code; never nil.
func (t *tally) result() []Exclusion {
	out := slices.Clone(t.list)
	if out == nil {
		out = []Exclusion{}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Exclusion codes, with the sentence each stands for.
const (
	exNoReleasedAt       = "no_released_at"
	exNoStart            = "no_first_commit_or_merge"
	exLeadNotPositive    = "not_after_start"
	exNoRecovery         = "no_recovery_moment"
	exRecoveryNotAfter   = "recovery_not_after_release"
	exNoStartedAt        = "no_started_at"
	exNoMitigatedAt      = "no_mitigated_at"
	exRestoreNotPositive = "mitigated_not_after_start"
	exUndated            = "undated"
	noteMergedAt         = "from_merged_at"
	noteFromGit          = "from_git"
	noteFromFrontMatter  = "from_front_matter"
)

// reasonText returns the plain-language sentence of an exclusion code.
func reasonText(code string) string {
	switch code {
	case exNoReleasedAt:
		return "deployed release without released_at"
	case exNoStart:
		return "story without first_commit_at or merged_at"
	case exLeadNotPositive:
		return "released_at not after first_commit_at (or merged_at)"
	case exNoRecovery:
		return "failed deployment without rolled_back_at, a deployed hotfix or a post-mortem's mitigated_at"
	case exRecoveryNotAfter:
		return "every recovery moment is at or before released_at"
	case exNoStartedAt:
		return "post-mortem without started_at"
	case exNoMitigatedAt:
		return "post-mortem without mitigated_at"
	case exRestoreNotPositive:
		return "mitigated_at not after started_at"
	case exUndated:
		return "no date to place it in time"
	case noteMergedAt:
		return "lead time measured from merged_at (no first_commit_at)"
	case noteFromGit:
		return "lead time with a timestamp read from git"
	case noteFromFrontMatter:
		return "lead time with both timestamps from front matter"
	}
	return code
}
