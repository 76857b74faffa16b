package site

// Decision statuses, in the order a list groups them.
var DecisionStatuses = []string{"proposed", "accepted", "rejected", "deprecated", "superseded"}

// Decision is a record of a choice the team made: the options it weighed,
// the one it chose and what follows from it (an architecture decision
// record). Its id is ADR-<n>; Page.Date is the day it was decided.
type Decision struct {
	ID           string
	Status       string
	Deciders     []string // people
	Supersedes   []string // ids of the decisions it replaces
	Options      []DecisionOption
	Chosen       string // the name of one of Options
	Consequences string
	Stories      []string // ids
	Releases     []string // versions
	PostMortems  []string // ids

	// Resolved cross references, filled once the site is linked.
	SupersedesPages []*Page // from Supersedes
	SupersededBy    []*Page // the decisions that name this one in supersedes
	StoryPages      []*Page
	ReleasePages    []*Page
	PostMortemPages []*Page
	// Tracks are the post-mortem action items that name this decision as
	// their tracking.
	Tracks []ActionRef
}

// DecisionOption is one of the solutions a decision weighed.
type DecisionOption struct {
	Name string
	Pros []string
	Cons []string
}

// IsChosen reports whether o is the option the decision chose.
func (d *Decision) IsChosen(o DecisionOption) bool { return d.Chosen != "" && o.Name == d.Chosen }
