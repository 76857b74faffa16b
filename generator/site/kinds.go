package site

import "time"

// Story statuses, in board order.
var StoryStatuses = []string{"backlog", "ready", "in_progress", "in_review", "done", "dropped"}

// Priorities of a story.
var Priorities = []string{"P0", "P1", "P2", "P3"}

// Changelog categories (Keep a Changelog), in the order a release lists them.
var ChangelogCategories = []string{"added", "changed", "deprecated", "removed", "fixed", "security"}

// Release statuses.
var ReleaseStatuses = []string{"planned", "frozen", "released", "rolled_back", "cancelled"}

// Release kinds.
var ReleaseKinds = []string{"major", "minor", "patch", "hotfix"}

// Post-mortem statuses, severities and triggers.
var (
	PostMortemStatuses = []string{"draft", "in_review", "published"}
	Severities         = []string{"SEV1", "SEV2", "SEV3", "SEV4", "SEV5"}
	Triggers           = []string{"deploy", "config", "infra", "dependency", "traffic", "other"}
)

// Action item statuses.
var ActionStatuses = []string{"open", "in_progress", "done", "wont_do"}

// Story is a user story. Zero times mean "not given".
type Story struct {
	ID            string
	AsA           string
	IWant         string
	SoThat        string
	Acceptance    []string
	Status        string
	Priority      string
	Points        float64
	HasPoints     bool
	Owner         string
	Team          string
	Created       time.Time // a date, midnight in the site's time zone
	StartedAt     time.Time
	FirstCommitAt time.Time
	MergedAt      time.Time
	Release       string // version that shipped it
	Changelog     string
	VOC           []VOC

	ReleasePage *Page   // resolved from Release; nil when absent or unknown
	Decisions   []*Page // decisions that name this story

	// FirstCommitFrom and MergedFrom say which commit FirstCommitAt and
	// MergedAt were read from when front matter left them out; nil when
	// the value is the front matter's or unknown.
	FirstCommitFrom *Source
	MergedFrom      *Source
}

// VOC is one piece of the voice of the customer behind a story.
type VOC struct {
	Source   string
	Customer string
	Quote    string
	URL      string
	Date     time.Time
}

// Release is one version of the team's service. Version is its id.
type Release struct {
	Version      string
	SemVer       SemVer
	Status       string
	ReleaseKind  string // major | minor | patch | hotfix; derived when absent
	PlannedDate  time.Time
	ReleasedAt   time.Time
	RolledBackAt time.Time
	HotfixFor    []string
	Milestones   []Milestone
	Environment  string
	Checks       []ReleaseCheck // reviews before shipping, as listed
	// ChecksPos is where the checks key stands, else where the front
	// matter opens: a missing required check is reported there.
	ChecksPos Pos

	// Resolved cross references, filled once the site is linked.
	Stories   []*Page // stories whose release is this version, by id
	Incidents []*Page // post-mortems naming this version
	Hotfixes  []*Page // hotfix releases naming this version in hotfix_for
	FixesFor  []*Page // releases this one is a hotfix for
	Decisions []*Page // decisions that name this version

	// ReleasedFrom says which tag ReleasedAt was read from when front
	// matter left it out; nil when the value is the front matter's or
	// unknown.
	ReleasedFrom *Source
}

// Deployed reports whether the release reached production: status released
// or rolled_back.
func (r *Release) Deployed() bool { return r.Status == "released" || r.Status == "rolled_back" }

// Milestone is a dated step before a release (code freeze, and the like).
type Milestone struct {
	Name string
	Date time.Time
}

// SemVer is a parsed semantic version.
type SemVer struct {
	Major, Minor, Patch int
	Pre                 string
	Build               string
}

// PostMortem is a written account of an incident.
type PostMortem struct {
	ID                  string
	Authors             []string
	Status              string
	Severity            string
	Summary             string
	Impact              string
	Trigger             string
	Releases            []string
	Services            []string
	RootCauses          []string
	ContributingFactors []string
	StartedAt           time.Time
	DetectedAt          time.Time
	MitigatedAt         time.Time
	ResolvedAt          time.Time
	Timeline            []TimelineEvent
	ActionItems         []ActionItem
	Lessons             Lessons

	ReleasePages []*Page // resolved from Releases
	Decisions    []*Page // decisions that name this post-mortem
}

// TimelineEvent is one moment of an incident.
type TimelineEvent struct {
	At    time.Time
	Event string
}

// ActionItem is follow-up work from a post-mortem.
type ActionItem struct {
	Title    string
	Type     string
	Owner    string
	Priority string
	Tracking string
	Status   string
	Due      time.Time
}

// Open reports whether the item still needs work.
func (a ActionItem) Open() bool { return a.Status != "done" && a.Status != "wont_do" }

// Overdue reports whether the item is open and past its due date at now.
func (a ActionItem) Overdue(now time.Time) bool {
	return a.Open() && !a.Due.IsZero() && a.Due.Before(now)
}

// Lessons are what the team learned.
type Lessons struct {
	WentWell  []string
	WentWrong []string
	GotLucky  []string
}

// Metric is one of the team's own series.
type Metric struct {
	Unit      string
	Target    float64
	HasTarget bool
	Better    string // higher | lower
	Chart     string // line | bar
	CSV       string // file beside the page the points were read from, if any
	Points    []MetricPoint
}

// MetricPoint is one dated value of a series.
type MetricPoint struct {
	Date  time.Time
	Value float64
}
