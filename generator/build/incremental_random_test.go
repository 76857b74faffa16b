package build

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestIncrementalRandomEdits makes a long, reproducible series of mixed
// changes (bodies, front matter, new and removed pages, links between
// them, broken files and their fixes, layouts, assets) and checks after
// each one that the preview holds exactly what a full build of the same
// files makes.
func TestIncrementalRandomEdits(t *testing.T) {
	p := newPreview(t, smallSite)
	rng := rand.New(rand.NewPCG(4, 2))
	stories := []string{"content/stories/export-log.md"}
	var broken string // a file left broken by the last step
	story := func(n int, body string) string {
		return fmt.Sprintf("---\nid: STORY-%d\ntitle: Story %d\nstatus: %s\nrelease: 1.0.0\nchangelog: fixed\ntags: [t%d]\n---\n%s",
			n, n, []string{"ready", "done", "backlog"}[n%3], n%4, body)
	}
	next := 10
	for step := range 40 {
		var file, data, what string
		switch op := rng.IntN(9); {
		case broken != "":
			next++
			file, data, what = broken, story(next, "Fixed.\n"), "fix"
			broken = ""
		case op == 0 || op == 1:
			next++
			file = fmt.Sprintf("content/stories/s%d.md", next)
			other := stories[rng.IntN(len(stories))]
			data, what = story(next, fmt.Sprintf("Links to [another](%s).\n\n## Part %d\n", other[len("content/stories/"):], step)), "add"
			stories = append(stories, file)
		case op == 2 && len(stories) > 2:
			i := 1 + rng.IntN(len(stories)-1)
			file, what = stories[i], "remove"
			stories = slices.Delete(stories, i, i+1)
			// Links to it go too: every story links only to export-log.md.
			for _, s := range stories[1:] {
				p.fs[s].Data = []byte(strings.Replace(string(p.fs[s].Data), file[len("content/stories/"):], "export-log.md", 1))
				p.x.Apply(t.Context(), []string{s}, nil)
			}
		case op == 3:
			file, data, what = fmt.Sprintf("content/stories/broken-%d.md", step), "---\nid: STORY-0\ntitle: [oops\n---\n", "break"
			broken = file
			stories = append(stories, file)
		case op == 4:
			file, what = "layouts/page.html", "layout"
			data = fmt.Sprintf(`{{define "main"}}<div class="v%d">{{body .Page}}</div>{{end}}`, step)
		case op == 5:
			file, what = "content/files/note.txt", "asset"
			if _, ok := p.fs[file]; !ok {
				data = "an attachment"
			}
		default:
			file = stories[rng.IntN(len(stories))]
			if file == "content/stories/export-log.md" {
				data = storyWith("", fmt.Sprintf("Edited at step %d.\n\n## Notes %d\n", step, step))
			} else {
				if p.fs[file] == nil {
					t.Fatalf("step %d: %s is gone; stories %v", step, file, stories)
				}
				data = strings.Replace(string(p.fs[file].Data), "\n---\n", fmt.Sprintf("\n---\nParagraph %d.\n\n", step), 1)
			}
			what = "edit"
		}
		up := p.write(file, data)
		if up.Failed() != (what == "break") {
			t.Fatalf("step %d (%s %s): failed=%v: %v", step, what, file, up.Failed(), up.Diagnostics)
		}
		if up.Failed() {
			continue
		}
		if s := p.settle(); s.Failed() {
			t.Fatalf("step %d (%s %s): settle: %v", step, what, file, s.Diagnostics)
		}
		p.sameAsFullBuild()
		if t.Failed() {
			t.Fatalf("after step %d (%s %s)", step, what, file)
		}
	}
}
