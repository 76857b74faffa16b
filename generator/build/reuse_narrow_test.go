package build

import (
	"bytes"
	"io/fs"
	"testing"
	"testing/fstest"
)

// A front matter edit, a new page or a moved one renders again the pages
// that show it (the pages they name, where their links lead, the people
// and terms they link to by name, what ref shortcodes find) and the list
// files that show it, and takes every other from the last build; the
// output is a cold build's, byte for byte, after each. Every step is a relation of the theme's layouts: a
// page key that left one out makes its step differ from the cold build.
func TestWarmBuildAfterFrontMatterEdits(t *testing.T) {
	w := newWarmSite(t)
	src := w.src
	edit := func(name, old, new string) {
		t.Helper()
		replaceIn(t, src, name, old, new)
	}
	base := 0  // pages never taken: the home page, a report's narrative
	lists := 0 // list files taken when nothing changed
	step := func(what string, most int) {
		t.Helper()
		res := w.build(what)
		w.sameAsCold(what)
		if rendered := res.Pages - res.Reused - base; rendered > most {
			t.Errorf("%s: %d pages rendered again, want %d at most", what, rendered, most)
		}
		if most < 1000 && res.ReusedLists < lists/3 {
			t.Errorf("%s: %d of %d list files taken", what, res.ReusedLists, lists)
		}
	}
	w.build("filling the cache")
	res := w.build("nothing changed")
	base, lists = res.Pages-res.Reused, res.ReusedLists

	// A story's title: its release lists it, a decision names it, a
	// post-mortem's action item tracks it, a story links to it.
	edit("content/stories/run-the-ledger-partition-migration-online.md", "\ntitle: ", "\ntitle: Renamed, ")
	step("a tracked story's title", 6)
	edit("content/stories/alert-on-payout-timing-drift.md", "status: in_review", "status: in_progress")
	step("a story's status", 4)
	edit("content/releases/1.9.0.md", "title: Payouts per bank", "title: Payouts for each bank")
	step("a release's title", 12)
	edit("content/postmortems/2026-10-14-database-failover-stalled.md", "severity: SEV1", "severity: SEV2")
	step("a post-mortem's severity", 6)
	edit("content/decisions/adr-6-reports-on-a-read-replica.md", "status: proposed", "status: rejected")
	step("a decision's status", 8)
	// The page an action item tracks by its id moves.
	// The id an action item tracks is another page's: two stories swap
	// their ids.
	edit("content/stories/lint-schema-migrations-for-locking-operations.md", "id: STORY-134", "id: STORY-104")
	edit("content/stories/settlement-csv-export.md", "id: STORY-104", "id: STORY-134")
	step("a tracked id on another page", 8)
	// The first spelling of a name is the person's name; a page that
	// spells it otherwise names no page.
	edit("content/stories/structured-json-logs-across-services.md", "owner: Daniel Okafor", "owner: daniel okafor") // the first story he owns
	step("a name spelled otherwise", 1000)
	edit("content/stories/alert-on-payout-timing-drift.md", "tags: [", "tags: [a-new-tag, ")
	step("a new tag", 1000)
	// A page that others link to moves: the linking pages change.
	edit("content/handbook/incident-response.md", "weight: 10\n", "weight: 10\nurl: /guides/incident-response/\n")
	step("a linked page's URL", 6)
	// The home page's body links to a page that moves.
	edit("content/on-call.md", "weight: 20\n", "weight: 20\nurl: /guides/on-call/\n")
	step("a page the home page links to", 6)
	// A ref shortcode finds a file beside the page first, then from the
	// content folder: a file added beside it changes where it leads.
	src["content/handbook/refs.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Refs\n---\nSee [the guide]({{< ref \"on-call\" >}}).\n")}
	step("a page with a ref", 4)
	src["content/handbook/on-call.md"] = &fstest.MapFile{Data: []byte("---\ntitle: On call, in the handbook\n---\nText.\n")}
	step("a file the ref finds first", 4)
	// A decision comes that names a story: the story shows it.
	src["content/decisions/adr-8-a-new-decision.md"] = &fstest.MapFile{Data: []byte("---\nid: ADR-8\ntitle: A new decision\n" +
		"date: 2026-11-20\nstatus: proposed\ndeciders: [Hyejin Choi]\nstories: [STORY-128]\n---\nWhy.\n")}
	step("a new decision", 6)
	delete(src, "content/decisions/adr-8-a-new-decision.md")
	step("the decision removed", 6)

	// A list layout of the site's own runs in a set of its own: the
	// content pages are still keyed by what they show, the lists by every
	// page (a list layout of the site's may show any page).
	releases, err := fs.ReadFile(theme(), "layouts/releases.html")
	if err != nil {
		t.Fatal(err)
	}
	src["layouts/releases.html"] = &fstest.MapFile{Data: bytes.Replace(releases, []byte(`{{define "main"}}`),
		[]byte(`{{define "main"}}<p class="priorities">{{range .Site.Stories}}{{.Story.Priority}}{{end}}</p>`), 1)}
	w.build("a releases layout of the site's own")
	edit("content/stories/automatic-tax-invoices.md", "priority: P1", "priority: P2") // in no release
	lists = 0
	step("a story's priority, with the site's releases layout", 4)
	// A partial of the site's own may be run by any page, and show any
	// page: every page's facts are in every key.
	src["layouts/partials/crumbs.html"] = &fstest.MapFile{Data: []byte(`<nav class="crumbs">{{range .Crumbs}}{{.Name}} {{end}}` +
		`<span class="priorities">{{range .Site.Stories}}{{.Story.Priority}}{{end}}</span></nav>`)}
	w.build("a partial of the site's own")
	edit("content/stories/automatic-tax-invoices.md", "priority: P2", "priority: P3")
	step("a story's priority, with the site's partial", 1000)
}
