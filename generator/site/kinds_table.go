package site

// KindInfo is what almanac knows about one typed kind: where its pages
// live, where they are published, what renders them and how it is named.
// The loader (folder → kind, a page's URL, the values of type:), the
// generated URLs no content page may take, `almanac new` (its kinds, folders,
// URLs, templates), the renderer (page and list layouts, list URL, nav
// section, breadcrumbs, sitemap, search kind facet and badge) and the front
// matter schemas read it from kindTable.
//
// A new typed kind touches:
//   - a row in kindTable and a Kind constant (page.go); the order of the
//     rows is the order of Kinds and of TypedKinds;
//   - its decoded type (here, in kinds.go) and a field for it on Page;
//   - in package content: a Spec (spec.go, and its case in SpecOf) and a
//     decode function with its case in decodeTree (page.go);
//   - two layouts in layouts/: the page (Layout) and the list (ListLayout);
//   - strings in both i18n files, layouts/i18n/en.toml and ko.toml: the
//     keys KindKey and NavKey name;
//   - layouts/new/<New>.md, when `almanac new` is to make it, and then the
//     id and file name it gets in newpage's place and a line of the help
//     in cli/new.go;
//
// and, still per kind after the table:
//   - the Site list of its pages (Site.Stories and the like), the case of
//     Site.OfKind that names it, and where content fills it;
//   - the pages its page shows (Page.Shown), when it shows others;
//   - in package render, when it has any: its search fields and facets
//     (search_doc.go, search_facets.go) and feed entries (feeds.go). Its
//     list page, nav link, sitemap entry and breadcrumbs come from the
//     table; a kind whose list is more than a table of its pages (metrics)
//     gets a render extension that makes that list (extension.go).
type KindInfo struct {
	Name Kind // "story"
	// Noun is how English messages and the front matter schemas name it
	// ("post-mortem").
	Noun string
	// Folder is the first folder under content/ its pages live in, which is
	// also the URL section they are published under ("stories").
	Folder string
	// ListURL is the site-relative URL of its list page ("/stories/").
	ListURL string
	// Layout and ListLayout are the layout files of a page and of the list
	// ("story.html", "stories.html").
	Layout     string
	ListLayout string
	// New is the template name `almanac new` reads, layouts/new/<New>.md,
	// or "" when `new` does not make this kind.
	New string
	// KindKey is the i18n key of its singular display name ("pagekind.story"),
	// NavKey that of its plural, the list's title and nav entry ("nav.stories").
	KindKey string
	NavKey  string
}

var kindTable = []KindInfo{
	{Name: KindStory, Noun: "story", Folder: "stories", ListURL: "/stories/", Layout: "story.html", ListLayout: "stories.html",
		New: "story", KindKey: "pagekind.story", NavKey: "nav.stories"},
	{Name: KindRelease, Noun: "release", Folder: "releases", ListURL: "/releases/", Layout: "release.html", ListLayout: "releases.html",
		New: "release", KindKey: "pagekind.release", NavKey: "nav.releases"},
	{Name: KindPostMortem, Noun: "post-mortem", Folder: "postmortems", ListURL: "/postmortems/", Layout: "postmortem.html", ListLayout: "postmortems.html",
		New: "postmortem", KindKey: "pagekind.postmortem", NavKey: "nav.postmortems"},
	{Name: KindDecision, Noun: "decision", Folder: "decisions", ListURL: "/decisions/", Layout: "decision.html", ListLayout: "decisions.html",
		New: "decision", KindKey: "pagekind.decision", NavKey: "nav.decisions"},
	{Name: KindMetric, Noun: "metric", Folder: "metrics", ListURL: "/metrics/", Layout: "metric.html", ListLayout: "metrics.html",
		KindKey: "pagekind.metric", NavKey: "nav.metrics"},
}

// TypedKinds returns the typed kinds in display order. The slice is the
// caller's.
func TypedKinds() []KindInfo { return append([]KindInfo(nil), kindTable...) }

// Noun is how English messages name the kind: its table row's Noun, or
// the kind itself for plain pages.
func (k Kind) Noun() string {
	if ki, ok := KindByName(string(k)); ok {
		return ki.Noun
	}
	return string(k)
}

// KindByName returns the typed kind named name ("story"); ok is false for
// "page" and unknown names.
func KindByName(name string) (k KindInfo, ok bool) {
	for _, k := range kindTable {
		if string(k.Name) == name {
			return k, true
		}
	}
	return KindInfo{}, false
}

// KindOfFolder returns the typed kind whose pages live in the first folder
// under content/ named first ("stories"); ok is false for any other folder.
func KindOfFolder(first string) (k KindInfo, ok bool) {
	for _, k := range kindTable {
		if k.Folder == first {
			return k, true
		}
	}
	return KindInfo{}, false
}
