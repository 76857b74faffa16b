package site

// KindInfo is what almanac knows about one typed kind: where its pages
// live, where they are published and what renders and names them.
//
// A new typed kind touches:
//   - a row in kindTable below and a Kind constant in page.go (the order
//     of the rows is the order of Kinds());
//   - a field on Page for its decoded front matter, and its type here;
//   - in package content: a Spec (spec.go, and a case in SpecOf), a decode
//     function and its case in decodeTree (page.go), and its entry in whatOf
//     (the name used in messages);
//   - two layouts, the page (Layout) and the list (ListLayout), in layouts/;
//   - strings in both i18n files (layouts/i18n/en.toml and ko.toml): the
//     keys NavKey and KindKey name;
//   - a template layouts/new/<name>.md when `almanac new` makes it (New);
//   - in package render, still per kind: the list page job (pages.go
//     sectionJob, or a job of its own as metrics has), the view model, the
//     search facets and fields it adds (search_facets.go, search_doc.go), the
//     feed entries (feeds.go) when it has any, and the nav links of
//     layouts/partials/header.html and layouts/404.html;
//   - the Site list holding its pages (Site.Stories and the like) and
//     where the loader fills it.
type KindInfo struct {
	Name Kind // "story"
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
	{Name: KindStory, Folder: "stories", ListURL: "/stories/", Layout: "story.html", ListLayout: "stories.html",
		New: "story", KindKey: "pagekind.story", NavKey: "nav.stories"},
	{Name: KindRelease, Folder: "releases", ListURL: "/releases/", Layout: "release.html", ListLayout: "releases.html",
		New: "release", KindKey: "pagekind.release", NavKey: "nav.releases"},
	{Name: KindPostMortem, Folder: "postmortems", ListURL: "/postmortems/", Layout: "postmortem.html", ListLayout: "postmortems.html",
		New: "postmortem", KindKey: "pagekind.postmortem", NavKey: "nav.postmortems"},
	{Name: KindMetric, Folder: "metrics", ListURL: "/metrics/", Layout: "metric.html", ListLayout: "metrics.html",
		KindKey: "pagekind.metric", NavKey: "nav.metrics"},
}

// TypedKinds returns the typed kinds in display order. The slice is the
// caller's.
func TypedKinds() []KindInfo { return append([]KindInfo(nil), kindTable...) }

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
