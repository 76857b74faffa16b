package newpage

import (
	"fmt"
	"regexp"
	"strconv"

	"almanac/generator/site"
)

var (
	// storyID is PREFIX-N; pmID is PREFIX-YEAR-N.
	storyID = regexp.MustCompile(`^([A-Z][A-Z0-9]*)-(\d+)$`)
	pmID    = regexp.MustCompile(`^([A-Z][A-Z0-9]*)-(\d{4})-(\d+)$`)
)

// counter finds the highest number used after a prefix.
type counter struct {
	prefixes map[string]int // how many ids use each prefix
	max      map[string]int // highest number per prefix
	width    map[string]int // digits of that number as written
}

func newCounter() *counter {
	return &counter{prefixes: map[string]int{}, max: map[string]int{}, width: map[string]int{}}
}

func (c *counter) add(prefix, digits string) {
	n, err := strconv.Atoi(digits)
	if err != nil {
		return
	}
	c.prefixes[prefix]++
	if n >= c.max[prefix] {
		c.max[prefix] = n
		c.width[prefix] = max(c.width[prefix], len(digits))
	}
}

// prefix returns the prefix most ids use, else def; ties go to the one
// that sorts first.
func (c *counter) prefix(def string) string {
	best, count := def, 0
	for p, n := range c.prefixes {
		if n > count || (n == count && p < best) {
			best, count = p, n
		}
	}
	return best
}

// next returns the number after the highest, written at least as wide.
func (c *counter) next(prefix string, minWidth int) string {
	return fmt.Sprintf("%0*d", max(minWidth, c.width[prefix]), c.max[prefix]+1)
}

// nextStoryID returns the id after the highest story id: STORY-143 gives
// STORY-144. Every story counts, drafts too.
func nextStoryID(pages []*site.Page) string {
	c := newCounter()
	for _, p := range pages {
		if p.Story == nil {
			continue
		}
		if m := storyID.FindStringSubmatch(p.Story.ID); m != nil {
			c.add(m[1], m[2])
		}
	}
	prefix := c.prefix("STORY")
	return prefix + "-" + c.next(prefix, 1)
}

// nextPostMortemID returns the next id of the year: PM-2026-007 gives
// PM-2026-008, and the first of a new year is PM-2027-001.
func nextPostMortemID(pages []*site.Page, year int) string {
	all := newCounter()
	thisYear := newCounter()
	y := strconv.Itoa(year)
	for _, p := range pages {
		if p.PostMortem == nil {
			continue
		}
		if m := pmID.FindStringSubmatch(p.PostMortem.ID); m != nil {
			all.add(m[1], m[3])
			if m[2] == y {
				thisYear.add(m[1], m[3])
			}
		}
	}
	prefix := all.prefix("PM")
	width := max(3, all.width[prefix])
	return prefix + "-" + y + "-" + thisYear.next(prefix, width)
}

// nextDecisionID returns the decision id after the highest: ADR-7 gives
// ADR-8, and the first is ADR-1. Every decision counts, drafts too.
func nextDecisionID(pages []*site.Page) string {
	c := newCounter()
	for _, p := range pages {
		if p.Decision == nil {
			continue
		}
		if m := storyID.FindStringSubmatch(p.Decision.ID); m != nil && m[1] == "ADR" {
			c.add(m[1], m[2])
		}
	}
	return "ADR-" + c.next("ADR", 1)
}
