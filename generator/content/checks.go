package content

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"almanac/generator/site"
)

// releaseChecks reports each deployed release whose checks are not all
// done: a required check it does not list, or a check that is pending or
// failed. Planned and frozen releases are on their way and may have open
// checks. It also warns about sign-offs by people almanac.toml does not
// declare, as it does for owners.
func (l *linker) releaseChecks() {
	required := l.cfg.RequiredChecks
	for _, p := range l.s.Releases {
		r := p.Release
		for i, c := range r.Checks {
			if c.By != "" && len(l.cfg.People) > 0 && !slices.Contains(l.cfg.People, c.By) {
				key := fmt.Sprintf("checks[%d].by", i)
				hint := suggest(c.By, l.cfg.People)
				if hint == "" {
					hint = "add them to people in almanac.toml"
				}
				l.diags.Add(site.Diagnostic{Pos: p.Pos(key), Severity: site.Warning, Hint: hint,
					Msg: fmt.Sprintf("%s: %q is not among the people of almanac.toml", key, c.By)})
			}
		}
		if !r.Deployed() {
			continue
		}
		l.signedAfter(p)
		for _, c := range r.OpenChecks(required) {
			if c.Status == site.CheckMissing {
				l.diags.ErrorHint(r.ChecksPos, missingCheckHint(r, c.Name),
					"release %s is %s but has no %q check, which [releases] required_checks asks of every release",
					r.Version, strings.ReplaceAll(r.Status, "_", " "), c.Name)
				continue
			}
			i := slices.IndexFunc(r.Checks, func(x site.ReleaseCheck) bool { return x.Name == c.Name })
			hint := "record how the review ended: passed, or waived with a note saying why"
			if c.Status == "failed" {
				hint = "fix what it found and pass it again, or waive it with a note saying who accepted the risk"
			}
			state := "is still pending"
			if c.Status == "failed" {
				state = "failed"
			}
			pos := c.Pos // the item, or its status when it says one
			if sp, ok := p.Fields.Lookup(fmt.Sprintf("checks[%d].status", i)); ok {
				pos = sp
			}
			l.diags.ErrorHint(pos, hint, "checks[%d]: %q %s but release %s is %s",
				i, c.Name, state, r.Version, strings.ReplaceAll(r.Status, "_", " "))
		}
	}
}

// signedAfter warns about a check passed or waived on a day after the
// release reached production: the release shipped before it was signed
// off, or the date is wrong.
func (l *linker) signedAfter(p *site.Page) {
	r := p.Release
	if r.ReleasedAt.IsZero() {
		return
	}
	loc := l.cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := r.ReleasedAt.In(loc).Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, loc)
	for i, c := range r.Checks {
		if c.At.IsZero() || !c.At.After(day) || (c.Status != "passed" && c.Status != "waived") {
			continue
		}
		key := fmt.Sprintf("checks[%d].at", i)
		l.diags.Add(site.Diagnostic{Pos: p.Pos(key), Severity: site.Warning,
			Hint: "a check is signed off before the release goes out; correct the date if it is wrong",
			Msg: fmt.Sprintf("%s: %q was %s on %s, after release %s went out on %s",
				key, c.Name, c.Status, c.At.In(loc).Format(time.DateOnly), r.Version, day.Format(time.DateOnly))})
	}
}

// missingCheckHint suggests the item to add, or the listed check whose
// name is close to the required one.
func missingCheckHint(r *site.Release, name string) string {
	names := make([]string, 0, len(r.Checks))
	for _, c := range r.Checks {
		names = append(names, c.Name)
	}
	for i, n := range names {
		if suggest(n, []string{name}) != "" {
			return fmt.Sprintf("did you mean %q? checks[%d] is named %q", name, i, n)
		}
	}
	return fmt.Sprintf("add to checks: {name: %s, status: passed, by: …, at: YYYY-MM-DD}", name)
}
