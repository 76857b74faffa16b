package report

import (
	"regexp"
	"strings"
)

// Highlights reads the list under a release's "## Highlights" heading
// ("## Planned highlights" too) in its Markdown body, as plain text: one
// entry per item, emphasis, code marks and links reduced to their text.
// An item that opens with bold text is cut to it: that is its headline.
// A body without such a list gives nil.
func Highlights(body []byte) []string {
	var out []string
	var cur strings.Builder
	inList, fence := false, false
	flush := func() {
		item := cur.String()
		if rest, ok := strings.CutPrefix(item, "**"); ok {
			if head, _, ok := strings.Cut(rest, "**"); ok {
				item = head
			}
		}
		if t := plain(item); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	for _, line := range strings.Split(string(body), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		if strings.HasPrefix(t, "#") {
			if inList {
				break
			}
			h := strings.ToLower(strings.TrimSpace(strings.TrimLeft(t, "#")))
			inList = strings.HasPrefix(t, "## ") && strings.HasSuffix(h, "highlights")
			continue
		}
		if !inList {
			continue
		}
		switch {
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* "):
			flush()
			cur.WriteString(t[2:])
		case t != "" && cur.Len() > 0 && line != t:
			cur.WriteString(" " + t) // an item's continuation line
		case t != "" && cur.Len() == 0:
			// prose before the list
		}
	}
	flush()
	return out
}

var (
	mdLink  = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdMarks = strings.NewReplacer("**", "", "__", "", "`", "")
)

// plain reduces inline Markdown to its text.
func plain(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	return strings.Join(strings.Fields(mdMarks.Replace(s)), " ")
}
