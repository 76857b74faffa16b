package render

import (
	"html/template"
	"sort"
	"strings"
	"sync"
)

// A badge (partials/badge.html) is a function of its two strings alone: the
// partial sees nothing but the dict of its kind and value, and template
// functions give the same result for the same arguments within one
// render. So the badge function runs it once for each pair met and keeps
// the markup, where the layouts called the partial with a fresh dict for
// every badge of every page and row (a map, a template call and five
// calls through reflection each time). A value that is not a string is
// passed to the partial as it is, every time.

const badgeName = "badge.html"

// badges keeps the markup of badge.html by kind and value.
type badges struct {
	set *template.Template // a set of its own, where badge.html runs alone

	mu   sync.Mutex
	made map[[2]string]template.HTML
}

// newBadges clones one of the layout sets (each holds every partial) for
// badge.html, so that the badges' executions escape nothing in the sets
// the pages run; settle (fold.go) escapes it at once.
func newBadges(sets map[string]*template.Template, folds map[string]folder) (*badges, error) {
	names := make([]string, 0, len(sets))
	for name := range sets {
		names = append(names, name)
	}
	sort.Strings(names)
	b := &badges{made: map[[2]string]template.HTML{}}
	if len(names) == 0 {
		return b, nil
	}
	set, err := sets[names[0]].Clone()
	if err != nil {
		return nil, err
	}
	fold(set, folds)
	settle(set, []string{badgeName})
	b.set = set
	return b, nil
}

// badge is badge.html run with the dict {k: kind, v: value}.
func (p *Prepared) badge(kind string, value any) (template.HTML, error) {
	bs := p.badges
	s, kept := value.(string)
	key := [2]string{kind, s}
	if kept {
		bs.mu.Lock()
		out, ok := bs.made[key]
		bs.mu.Unlock()
		if ok {
			return out, nil
		}
	}
	var b strings.Builder
	if err := bs.set.ExecuteTemplate(&b, badgeName, map[string]any{"k": kind, "v": value}); err != nil {
		return "", err
	}
	out := template.HTML(b.String())
	if kept {
		bs.mu.Lock()
		bs.made[key] = out
		bs.mu.Unlock()
	}
	return out, nil
}
