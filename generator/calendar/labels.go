package calendar

import "strings"

// Labels are the few words events and feeds need beyond the content's own:
// the prefixes of summaries and the feeds' names.
type Labels struct {
	Release    string // "Release" 1.5.0: Search overhaul
	RolledBack string // "Rolled back" 1.4.0
	Due        string // "Due": Add a disk alert
	Calendar   string // the full feed's name after the site's title
	Releases   string // the releases feed's name after the site's title
	Decision   string // "Decision" ADR-7: Move to logical replication
	Chosen     string // "Chosen": PostgreSQL logical replication
}

// LabelsFor returns the labels of a site language: "ko" gives Korean,
// anything else English.
func LabelsFor(lang string) Labels {
	if strings.HasPrefix(strings.ToLower(lang), "ko") {
		return Labels{Release: "릴리스", RolledBack: "롤백", Due: "마감", Calendar: "캘린더", Releases: "릴리스",
			Decision: "결정", Chosen: "선택"}
	}
	return Labels{Release: "Release", RolledBack: "Rolled back", Due: "Due", Calendar: "Calendar", Releases: "Releases",
		Decision: "Decision", Chosen: "Chosen"}
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// paragraphs joins the non-empty blocks with a blank line between them.
func paragraphs(blocks ...string) string { return joinNonEmpty("\n\n", blocks...) }
