package site

import (
	"slices"
	"strings"
	"time"

	"almanac/generator/internal/slab"
)

// Kind is what a page is. It comes from the folder under content/
// (stories, releases, postmortems, metrics) or from `type:` in front matter.
type Kind string

const (
	KindPage       Kind = "page"
	KindStory      Kind = "story"
	KindRelease    Kind = "release"
	KindPostMortem Kind = "postmortem"
	KindMetric     Kind = "metric"
	KindDecision   Kind = "decision"
)

// Kinds lists every kind in display order: the typed kinds of the kind
// table (kinds_table.go), then the plain page.
var Kinds = kindNames()

func kindNames() []Kind {
	out := make([]Kind, 0, len(kindTable)+1)
	for _, k := range kindTable {
		out = append(out, k.Name)
	}
	return append(out, KindPage)
}

// Page is one Markdown source file, decoded. Exactly one of Story, Release,
// PostMortem, Metric and Decision is set for the typed kinds; all are nil for plain
// pages. Pages are built once by the loader and read-only afterwards.
type Page struct {
	Kind Kind
	// Source is the file's slash-separated path relative to the site root,
	// e.g. "content/stories/export-deploy-log.md".
	Source string
	// Sum is the SHA-256 of the source file's bytes as read, zero for a
	// page that has no file of its own: what a later read of the same
	// file is checked against.
	Sum [32]byte
	// MatterSum is the SHA-256 of the front matter's bytes alone.
	MatterSum [32]byte
	// Refs says that the body had Hugo ref or relref shortcodes, rewritten
	// into paths by looking for the files they name: another file added or
	// removed may rewrite them otherwise, though this file is the same.
	Refs bool
	// Slug is the last URL segment; URL the page's site-relative URL with a
	// leading and trailing slash ("/stories/export-deploy-log/"), "/" for the
	// home page.
	Slug string
	URL  string

	Title       string
	Description string
	Date        time.Time // the page's own date (created, planned/released, incident date)
	Lastmod     time.Time // from front matter or, later, from git; zero if unknown
	Draft       bool
	Tags        []string
	Weight      int
	Aliases     []string       // extra site-relative URLs that redirect here
	Params      map[string]any // plain pages: front matter keys almanac does not know

	// Body is the Markdown after the front matter; BodyLine is the 1-based
	// line of the file on which it starts, so body positions map to the file.
	Body     []byte
	BodyLine int
	// Fields maps a front matter key path ("status", "voc[1].quote",
	// "action_items[0].due") to where its value stands in the file. A
	// build lets them go after its history stage, the last to report at
	// a key; Pos then gives the file.
	Fields Fields

	// Rendered is filled by the markdown stage: one parse, used for HTML,
	// the table of contents, search text and link checks.
	Rendered *Rendered

	Story      *Story
	Release    *Release
	PostMortem *PostMortem
	Metric     *Metric
	Decision   *Decision

	// Folder is set on the pages almanac makes for content folders that
	// hold pages but no README.md, index.md or _index.md, as GitHub lists a
	// folder. Such a page has no Source and no Body, and is found in
	// Site.ByURL only: it is not one of Site.Pages.
	Folder *Folder
}

// Folder is what a generated folder page lists.
type Folder struct {
	// Path is the folder's slash path under the content folder
	// ("handbook/runbooks").
	Path string
	// Pages are the pages in the folder itself, and Folders the pages of
	// its sub-folders (their own or generated), each by weight, then title.
	Pages   []*Page
	Folders []*Page
	// Parents are the pages of the folders above it, outermost first, the
	// home page and folders above without a page left out.
	Parents []*Page
}

// Pos returns the position of a front matter key path, or the file itself
// when the key is absent.
func (p *Page) Pos(key string) Pos {
	if pos, ok := p.Fields.Lookup(key); ok {
		return pos
	}
	return Pos{File: p.Source}
}

// Fields are where a page's front matter values stand, by key path. They
// are kept for every page while a site is loaded and linked (and all
// along in the preview, which links again), so they are packed: a sorted
// list, not a map, a third of the memory.
type Fields struct {
	file string
	list []fieldAt
}

type fieldAt struct {
	key       string
	line, col int32
}

// NewFields packs positions by key path, all in one file.
func NewFields(m map[string]Pos) Fields {
	return NewFieldsIn(m, nil)
}

// FieldBlocks are the blocks (see package slab) in which the Fields of
// pages that live and die together keep their key paths and lists.
type FieldBlocks struct {
	keys  slab.Text
	lists slab.Of[fieldAt]
}

// NewFieldsIn is NewFields with the key paths copied into one room and
// the list in another, of blocks' when blocks is not nil, else each of its
// own: the keys made while decoding are each an allocation, and some are
// parts of the parser's buffers, which they would keep.
func NewFieldsIn(m map[string]Pos, blocks *FieldBlocks) Fields {
	n := 0
	for k := range m {
		n += len(k)
	}
	var keys []byte
	f := Fields{}
	if blocks != nil {
		keys, f.list = blocks.keys.Take(n), blocks.lists.Take(len(m))
	} else {
		keys, f.list = make([]byte, 0, n), make([]fieldAt, 0, len(m))
	}
	for k, pos := range m {
		start := len(keys)
		keys = append(keys, k...)
		f.file = pos.File
		f.list = append(f.list, fieldAt{slab.String(keys[start:]), int32(pos.Line), int32(pos.Col)})
	}
	slices.SortFunc(f.list, func(a, b fieldAt) int { return strings.Compare(a.key, b.key) })
	return f
}

// Lookup returns where the value of a key path stands.
func (f Fields) Lookup(key string) (Pos, bool) {
	i, ok := slices.BinarySearchFunc(f.list, key, func(e fieldAt, k string) int { return strings.Compare(e.key, k) })
	if !ok {
		return Pos{}, false
	}
	e := f.list[i]
	return Pos{File: f.file, Line: int(e.line), Col: int(e.col)}, true
}

// ID returns the identifier people use for the page: a story's or
// post-mortem's id, a release's version, else the slug.
func (p *Page) ID() string {
	switch {
	case p.Story != nil && p.Story.ID != "":
		return p.Story.ID
	case p.PostMortem != nil && p.PostMortem.ID != "":
		return p.PostMortem.ID
	case p.Decision != nil && p.Decision.ID != "":
		return p.Decision.ID
	case p.Release != nil:
		return p.Release.Version
	}
	return p.Slug
}

// Rendered is what one goldmark parse of a page body yields.
type Rendered struct {
	HTML  string    // the body as HTML, safe to insert as is
	TOC   []Heading // headings of level 2 and 3, in order
	Plain string    // the visible text, for search and summaries
	Links []Link    // outgoing links and images, for checks and cross references
	Words int
	// Anchors are the ids the body's HTML defines (headings of every level,
	// footnotes), kept for #fragment checks after the HTML is let go; nil
	// when nobody collected them.
	Anchors []string
	// Highlights are a release's highlights, read from its Markdown when
	// it is rendered and kept with what a warm build reuses, so that a
	// release taken from the last build need not be rendered for them.
	Highlights []string
	// Cut says that Plain holds only the lead a summary shows: the rest
	// was let go once the page was written, or never read back for a page
	// taken from the last build. PlainSum is the SHA-256 of the whole
	// text, when someone computed it: it outlives the cut, so that a warm
	// build can tell a page's text is the one it indexed last time.
	Cut      bool
	PlainSum [32]byte
}

// Heading is one entry of a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is an outgoing link or image in a page body.
type Link struct {
	Dest  string // as written
	Image bool
	Pos   Pos // where it stands in the source file
}

// Person is someone named as an owner, author or action item owner.
type Person struct {
	Name        string
	Slug        string
	URL         string
	Stories     []*Page
	PostMortems []*Page
	ActionItems []ActionRef
	Decisions   []*Page // decisions they took part in
}

// ActionRef points at one action item inside a post-mortem.
type ActionRef struct {
	PostMortem *Page
	Index      int
}

// Item returns the action item referred to.
func (a ActionRef) Item() *ActionItem { return &a.PostMortem.PostMortem.ActionItems[a.Index] }

// Term is one value of a taxonomy (a tag or a service) with its pages.
type Term struct {
	Name  string
	Slug  string
	URL   string
	Pages []*Page
}
