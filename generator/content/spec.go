package content

import (
	"slices"
	"sync"

	"almanac/generator/site"
)

// Type is the shape a front matter value must have.
type Type string

// The value types of front matter keys.
const (
	TypeText        Type = "text"         // any scalar, read as text
	TypeID          Type = "id"           // STORY-101, PM-2026-003
	TypeVersion     Type = "version"      // a SemVer 2.0 version
	TypeVersionList Type = "version-list" // versions, each naming a release
	TypeDate        Type = "date"         // YYYY-MM-DD in the site's time zone
	TypeDatetime    Type = "datetime"     // RFC 3339 with an offset
	TypeLooseDate   Type = "loose-date"   // any date spelling other generators write
	TypeNumber      Type = "number"
	TypeInteger     Type = "integer"
	TypeBool        Type = "bool"
	TypeEnum        Type = "enum"      // text, one of Key.Enum
	TypeTextList    Type = "text-list" // a list of scalars
	TypeSlug        Type = "slug"      // one URL segment
	TypeURLList     Type = "url-list"  // site-relative URLs (aliases)
	TypeObject      Type = "object"    // a mapping with Key.Keys
	TypeObjectList  Type = "object-list"
)

// Key describes one front matter key: its type, whether it must be given,
// the values it may take and its nested keys. The decoder reads the keys
// it accepts and the keys it requires from these descriptions, and the
// JSON Schemas an editor uses are generated from the same ones.
type Key struct {
	Name     string
	Type     Type
	Required bool
	Enum     []string // TypeEnum
	Min      *float64 // TypeNumber, TypeInteger: the smallest value allowed
	Keys     []Key    // TypeObject, TypeObjectList: the keys of the mapping (of each item)
	Doc      string   // one line for editors
}

// Rule is a conditional requirement: when the key If holds one of the
// values In, the key Then must be given and not empty.
type Rule struct {
	If   string
	In   []string
	Then string
	Hint string // an example of what to add
}

// Spec describes the front matter of one kind.
type Spec struct {
	Kind  site.Kind
	Doc   string
	Keys  []Key
	Rules []Rule
	// OneOf lists keys of which exactly one must be given (a metric's
	// points or csv).
	OneOf []string
	// Open is true for plain pages, which keep keys almanac does not know.
	Open bool
}

// Key returns the key named name, and whether there is one.
func (s Spec) Key(name string) (Key, bool) { return findKey(s.Keys, name) }

// Required lists the names of the required keys.
func (s Spec) Required() []string { return requiredOf(s.Keys) }

// RequiredKeys lists the names of the required nested keys.
func (k Key) RequiredKeys() []string { return requiredOf(k.Keys) }

// Sub returns the nested key named name of an object key.
func (k Key) Sub(name string) (Key, bool) { return findKey(k.Keys, name) }

func findKey(keys []Key, name string) (Key, bool) {
	i := slices.IndexFunc(keys, func(k Key) bool { return k.Name == name })
	if i < 0 {
		return Key{}, false
	}
	return keys[i], true
}

func requiredOf(keys []Key) []string {
	var out []string
	for _, k := range keys {
		if k.Required {
			out = append(out, k.Name)
		}
	}
	return out
}

// Specs returns the description of every kind, in site.Kinds order.
func Specs() []Spec {
	out := make([]Spec, 0, len(site.Kinds))
	for _, k := range site.Kinds {
		out = append(out, SpecOf(k))
	}
	return out
}

// SpecOf returns the description of one kind's front matter; an unknown
// kind gives the plain page's.
func SpecOf(kind site.Kind) Spec {
	switch kind {
	case site.KindStory:
		return storySpec()
	case site.KindRelease:
		return releaseSpec()
	case site.KindPostMortem:
		return postMortemSpec()
	case site.KindMetric:
		return metricSpec()
	case site.KindDecision:
		return decisionSpec()
	}
	return pageSpec()
}

// decodingSpecs are the typed kinds' descriptions, made once for the
// decoders, which only read them: made for every page, they were 8% of
// what loading a site allocates.
var decodingSpecs = sync.OnceValue(func() map[site.Kind]Spec {
	out := map[site.Kind]Spec{}
	for _, k := range []site.Kind{site.KindStory, site.KindRelease, site.KindPostMortem, site.KindMetric, site.KindDecision} {
		out[k] = SpecOf(k)
	}
	return out
})

// kindDoc describes a typed kind: what, then the folder its pages live in.
func kindDoc(what string, k site.Kind) string {
	return what + " (content/" + sectionOf(string(k)) + "/)."
}

func zero() *float64 { f := 0.0; return &f }

// commonKeys are the keys every typed kind accepts besides its own.
func commonKeys(titleRequired bool) []Key {
	return []Key{
		{Name: "type", Type: TypeEnum, Enum: slices.Clone(kindNames), Doc: "the kind of the page, when its folder does not say"},
		{Name: "title", Type: TypeText, Required: titleRequired, Doc: "the page's title"},
		{Name: "description", Type: TypeText, Doc: "one sentence for lists, feeds and search results"},
		{Name: "draft", Type: TypeBool, Doc: "left out of the site unless built with --drafts"},
		{Name: "tags", Type: TypeTextList},
		{Name: "weight", Type: TypeInteger, Doc: "orders pages in lists, lower first"},
		{Name: "slug", Type: TypeSlug, Doc: "the last URL segment, instead of the file name's"},
		{Name: "aliases", Type: TypeURLList, Doc: "old site-relative URLs that redirect here"},
		{Name: "lastmod", Type: TypeLooseDate, Doc: `"last updated"; the file's last commit when absent`},
	}
}

func storySpec() Spec {
	keys := append(commonKeys(true),
		Key{Name: "id", Type: TypeID, Required: true, Doc: "the story's id, e.g. STORY-101"},
		Key{Name: "as_a", Type: TypeText, Doc: "who wants it: As a …"},
		Key{Name: "i_want", Type: TypeText, Doc: "what they want: I want …"},
		Key{Name: "so_that", Type: TypeText, Doc: "why: so that …"},
		Key{Name: "acceptance", Type: TypeTextList, Doc: "acceptance criteria, one a line"},
		Key{Name: "status", Type: TypeEnum, Required: true, Enum: slices.Clone(site.StoryStatuses)},
		Key{Name: "priority", Type: TypeEnum, Enum: slices.Clone(site.Priorities)},
		Key{Name: "points", Type: TypeNumber, Min: zero(), Doc: "the estimate in story points"},
		Key{Name: "owner", Type: TypeText, Doc: "who drives it; one of almanac.toml's people when it declares them"},
		Key{Name: "team", Type: TypeText},
		Key{Name: "created", Type: TypeDate},
		Key{Name: "started_at", Type: TypeDatetime},
		Key{Name: "first_commit_at", Type: TypeDatetime, Doc: "starts the lead time for changes"},
		Key{Name: "merged_at", Type: TypeDatetime},
		Key{Name: "release", Type: TypeVersion, Doc: "the version that shipped it"},
		Key{Name: "changelog", Type: TypeEnum, Enum: slices.Clone(site.ChangelogCategories), Doc: "its section in the release's changelog"},
		Key{Name: "voc", Type: TypeObjectList, Doc: "the voice of the customer behind it", Keys: []Key{
			{Name: "source", Type: TypeText, Doc: "support, survey, interview, …"},
			{Name: "customer", Type: TypeText},
			{Name: "quote", Type: TypeText},
			{Name: "url", Type: TypeText},
			{Name: "date", Type: TypeDate},
		}},
	)
	return Spec{Kind: site.KindStory, Doc: kindDoc("A user story", site.KindStory), Keys: keys}
}

func releaseSpec() Spec {
	keys := append(commonKeys(false),
		Key{Name: "version", Type: TypeVersion, Required: true, Doc: "SemVer 2.0, the release's id and URL"},
		Key{Name: "status", Type: TypeEnum, Required: true, Enum: slices.Clone(site.ReleaseStatuses)},
		Key{Name: "kind", Type: TypeEnum, Enum: slices.Clone(site.ReleaseKinds), Doc: "derived from the version when absent"},
		Key{Name: "planned_date", Type: TypeDate},
		Key{Name: "released_at", Type: TypeDatetime, Doc: "when it reached production"},
		Key{Name: "rolled_back_at", Type: TypeDatetime},
		Key{Name: "hotfix_for", Type: TypeVersionList, Doc: "the releases this one fixes"},
		Key{Name: "milestones", Type: TypeObjectList, Doc: "dated steps before the release", Keys: []Key{
			{Name: "name", Type: TypeText, Required: true, Doc: "code freeze, go/no-go, …"},
			{Name: "date", Type: TypeDate, Required: true},
		}},
		Key{Name: "environment", Type: TypeText},
		Key{Name: "checks", Type: TypeObjectList, Doc: "reviews before shipping: security, privacy, compliance", Keys: []Key{
			{Name: "name", Type: TypeText, Required: true, Doc: "security-review, privacy-review, …; [releases] required_checks names those every release needs"},
			{Name: "status", Type: TypeEnum, Enum: slices.Clone(site.CheckStatuses), Doc: "pending when absent; a deployed release needs each passed or waived"},
			{Name: "by", Type: TypeText, Doc: "who signed it off; people of almanac.toml when it declares them"},
			{Name: "at", Type: TypeDate, Doc: "the day it was signed off"},
			{Name: "note", Type: TypeText, Doc: "what was found; a waived check says why"},
			{Name: "link", Type: TypeText, Doc: "the review's record: a ticket or a document"},
		}},
	)
	return Spec{Kind: site.KindRelease, Doc: kindDoc("A release", site.KindRelease), Keys: keys, Rules: []Rule{
		{If: "status", In: []string{"released", "rolled_back"}, Then: "released_at",
			Hint: "add released_at: 2026-07-14T10:30:00+09:00"},
		{If: "status", In: []string{"rolled_back"}, Then: "rolled_back_at",
			Hint: "add rolled_back_at: 2026-07-14T11:05:00+09:00"},
	}}
}

func postMortemSpec() Spec {
	keys := append(commonKeys(true),
		Key{Name: "id", Type: TypeID, Required: true, Doc: "the post-mortem's id, e.g. PM-2026-003"},
		Key{Name: "date", Type: TypeDate, Required: true, Doc: "the day of the incident"},
		Key{Name: "authors", Type: TypeTextList},
		Key{Name: "status", Type: TypeEnum, Required: true, Enum: slices.Clone(site.PostMortemStatuses)},
		Key{Name: "severity", Type: TypeEnum, Required: true, Enum: slices.Clone(site.Severities)},
		Key{Name: "summary", Type: TypeText},
		Key{Name: "impact", Type: TypeText},
		Key{Name: "trigger", Type: TypeEnum, Enum: slices.Clone(site.Triggers)},
		Key{Name: "releases", Type: TypeVersionList, Doc: "the releases that caused it"},
		Key{Name: "services", Type: TypeTextList},
		Key{Name: "root_causes", Type: TypeTextList},
		Key{Name: "contributing_factors", Type: TypeTextList},
		Key{Name: "started_at", Type: TypeDatetime, Doc: "when users were first affected"},
		Key{Name: "detected_at", Type: TypeDatetime},
		Key{Name: "mitigated_at", Type: TypeDatetime, Doc: "when users stopped being affected"},
		Key{Name: "resolved_at", Type: TypeDatetime},
		Key{Name: "timeline", Type: TypeObjectList, Keys: []Key{
			{Name: "at", Type: TypeDatetime, Required: true},
			{Name: "event", Type: TypeText, Required: true},
		}},
		Key{Name: "action_items", Type: TypeObjectList, Keys: []Key{
			{Name: "title", Type: TypeText, Required: true},
			{Name: "type", Type: TypeText, Doc: "prevent, detect, mitigate, process, …"},
			{Name: "owner", Type: TypeText},
			{Name: "priority", Type: TypeText},
			{Name: "tracking", Type: TypeText, Doc: "a story id or an issue URL"},
			{Name: "status", Type: TypeEnum, Enum: slices.Clone(site.ActionStatuses)},
			{Name: "due", Type: TypeDate},
		}},
		Key{Name: "lessons", Type: TypeObject, Keys: []Key{
			{Name: "went_well", Type: TypeTextList},
			{Name: "went_wrong", Type: TypeTextList},
			{Name: "got_lucky", Type: TypeTextList},
		}},
	)
	return Spec{Kind: site.KindPostMortem, Doc: kindDoc("A post-mortem", site.KindPostMortem), Keys: keys, Rules: []Rule{
		{If: "status", In: []string{"published"}, Then: "resolved_at",
			Hint: "a published post-mortem says when it was resolved, e.g. resolved_at: 2026-07-14T11:05:00+09:00"},
		{If: "status", In: []string{"published"}, Then: "root_causes",
			Hint: "a published post-mortem says why it happened: root_causes: [\"…\"]"},
		{If: "trigger", In: []string{"deploy", "config"}, Then: "releases",
			Hint: "name the release that shipped the change, e.g. releases: [1.4.0]"},
	}}
}

func decisionSpec() Spec {
	keys := append(commonKeys(true),
		Key{Name: "id", Type: TypeID, Required: true, Doc: "the decision's id, ADR-<n>, e.g. ADR-7"},
		Key{Name: "date", Type: TypeDate, Required: true, Doc: "the day it was decided (or proposed)"},
		Key{Name: "status", Type: TypeEnum, Required: true, Enum: slices.Clone(site.DecisionStatuses)},
		Key{Name: "deciders", Type: TypeTextList, Doc: "who decided; people of almanac.toml when it declares them"},
		Key{Name: "supersedes", Type: TypeTextList, Doc: "ids of the decisions this one replaces; they must have status superseded"},
		Key{Name: "options", Type: TypeObjectList, Doc: "the solutions weighed", Keys: []Key{
			{Name: "name", Type: TypeText, Required: true},
			{Name: "pros", Type: TypeTextList},
			{Name: "cons", Type: TypeTextList},
		}},
		Key{Name: "chosen", Type: TypeText, Doc: "the name of the option chosen"},
		Key{Name: "consequences", Type: TypeText, Doc: "what follows from the decision, good and bad"},
		Key{Name: "stories", Type: TypeTextList, Doc: "ids of the stories it concerns"},
		Key{Name: "releases", Type: TypeVersionList, Doc: "the releases it concerns"},
		Key{Name: "postmortems", Type: TypeTextList, Doc: "ids of the post-mortems it answers"},
	)
	return Spec{Kind: site.KindDecision, Doc: kindDoc("A decision record", site.KindDecision), Keys: keys, Rules: []Rule{
		{If: "status", In: []string{"accepted", "deprecated", "superseded"}, Then: "chosen",
			Hint: "name the option chosen, e.g. chosen: PostgreSQL logical replication"},
	}}
}

func metricSpec() Spec {
	keys := append(commonKeys(true),
		Key{Name: "unit", Type: TypeText},
		Key{Name: "target", Type: TypeNumber},
		Key{Name: "better", Type: TypeEnum, Enum: slices.Clone(betterWays)},
		Key{Name: "chart", Type: TypeEnum, Enum: slices.Clone(chartTypes)},
		Key{Name: "points", Type: TypeObjectList, Keys: []Key{
			{Name: "date", Type: TypeDate, Required: true},
			{Name: "value", Type: TypeNumber, Required: true},
		}},
		Key{Name: "csv", Type: TypeText, Doc: "a CSV file beside the page with the header date,value"},
	)
	return Spec{Kind: site.KindMetric, Doc: kindDoc("A team metric", site.KindMetric), Keys: keys, OneOf: []string{"points", "csv"}}
}

// pageSpec lists the keys of plain pages that almanac reads itself; any
// other key is kept as a parameter.
func pageSpec() Spec {
	return Spec{Kind: site.KindPage, Doc: "A plain page.", Open: true, Keys: []Key{
		{Name: "type", Type: TypeText},
		{Name: "title", Type: TypeText},
		{Name: "description", Type: TypeText},
		{Name: "summary", Type: TypeText},
		{Name: "date", Type: TypeLooseDate},
		{Name: "lastmod", Type: TypeLooseDate},
		{Name: "draft", Type: TypeBool},
		{Name: "tags", Type: TypeTextList},
		{Name: "weight", Type: TypeInteger},
		{Name: "slug", Type: TypeSlug},
		{Name: "url", Type: TypeText, Doc: "the page's site-relative URL"},
		{Name: "aliases", Type: TypeURLList},
	}}
}
