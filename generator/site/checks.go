package site

import (
	"slices"
	"time"
)

// CheckStatuses are the states of a release check, in the order a review
// moves through them.
var CheckStatuses = []string{"pending", "passed", "failed", "waived"}

// CheckMissing is the status OpenChecks and CheckList give a required
// check that the release does not list. It is never written in front
// matter.
const CheckMissing = "missing"

// ReleaseCheck is one review a release went through before it shipped: a
// security review, a privacy review, a compliance sign-off.
type ReleaseCheck struct {
	Name   string
	Status string // one of CheckStatuses; pending when front matter leaves it out
	By     string // a person
	At     time.Time
	Note   string // why it was waived, what was found
	Link   string // the review's record: a ticket, a document
	// Required is set by CheckList on the checks almanac.toml requires.
	Required bool
	// Pos is where the item stands in the release's file.
	Pos Pos
}

// Open reports whether the check still stands in the way of shipping:
// pending, failed or missing.
func (c ReleaseCheck) Open() bool {
	return c.Status == "pending" || c.Status == "failed" || c.Status == CheckMissing
}

// Check returns the release's check named name, or nil.
func (r *Release) Check(name string) *ReleaseCheck {
	for i := range r.Checks {
		if r.Checks[i].Name == name {
			return &r.Checks[i]
		}
	}
	return nil
}

// CheckList is what a release page shows: the release's checks in the
// order it lists them, then each required check it does not list, with
// status CheckMissing (none for a cancelled release). Checks named in
// required are marked Required.
func (r *Release) CheckList(required []string) []ReleaseCheck {
	out := make([]ReleaseCheck, 0, len(r.Checks)+len(required))
	for _, c := range r.Checks {
		c.Required = slices.Contains(required, c.Name)
		out = append(out, c)
	}
	if r.Status == "cancelled" {
		return out // it will not ship: nothing is missing
	}
	for _, name := range required {
		if r.Check(name) == nil {
			out = append(out, ReleaseCheck{Name: name, Status: CheckMissing, Required: true})
		}
	}
	return out
}

// OpenChecks lists the checks that stand in the way of the release: each
// required check it does not list (status CheckMissing) and each check,
// required or not, that is pending or failed. A deployed release with an
// open check is an error; a planned one is still on its way, and a
// cancelled one has none.
func (r *Release) OpenChecks(required []string) []ReleaseCheck {
	if r.Status == "cancelled" {
		return nil
	}
	var out []ReleaseCheck
	for _, c := range r.CheckList(required) {
		if c.Open() {
			out = append(out, c)
		}
	}
	return out
}
