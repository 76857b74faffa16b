package metrics

import "time"

// Key names, as used in the JSON document and by chart fences.
const (
	DeploymentFrequencyKey = "deployment_frequency"
	LeadTimeKey            = "lead_time"
	ChangeFailureRateKey   = "change_failure_rate"
	RecoveryTimeKey        = "recovery_time"
	TimeToRestoreKey       = "time_to_restore"
)

// Units of the keys' values.
const (
	UnitPerWeek = "deployments/week"
	UnitHours   = "hours"
	UnitPercent = "percent"
)

// MinBandN is the smallest n for which a key gets a band.
const MinBandN = 5

// Report is every computed figure of one build. It is built once by Compute
// and read-only afterwards.
type Report struct {
	// Now is the moment the figures are computed for, in the site's zone.
	Now time.Time `json:"now"`
	// TimeZone names the zone in which days, weeks and months are bucketed.
	TimeZone string         `json:"time_zone"`
	Location *time.Location `json:"-"`
	Window   Window         `json:"window"`

	DeploymentFrequency DeploymentFrequency `json:"deployment_frequency"`
	LeadTime            Key                 `json:"lead_time"`
	ChangeFailureRate   ChangeFailureRate   `json:"change_failure_rate"`
	RecoveryTime        Key                 `json:"recovery_time"`
	TimeToRestore       Key                 `json:"time_to_restore"`

	// Trend holds one entry per ISO week over the last 12 months up to now,
	// oldest first.
	Trend []TrendWeek `json:"trend"`
	// Incidents counts post-mortems by severity per month over the last 12
	// months, oldest first.
	Incidents IncidentsByMonth `json:"incidents"`
	// Throughput counts stories done per ISO week, the same weeks as Trend.
	Throughput Throughput `json:"throughput"`
	// Actions lists the open post-mortem action items by owner.
	Actions Actions `json:"actions"`
	// VOC counts stories by voice-of-the-customer source and customer.
	VOC VOCCounts `json:"voc"`
	// Series are the team's own series (content/metrics/), by title.
	Series []TeamSeries `json:"series"`
	// Sources says where each lead time's and deployment's timestamps
	// were read: front matter or git. It is set only for a site that
	// reads code repositories ([[repositories]] in almanac.toml).
	Sources *Sources `json:"sources,omitempty"`
}

// Window is the span the four keys are computed over: From and To (= now)
// both included.
type Window struct {
	Days int       `json:"days"`
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Contains reports whether t lies in the window. A zero t never does.
func (w Window) Contains(t time.Time) bool {
	return !t.IsZero() && !t.Before(w.From) && !t.After(w.To)
}

// Key is one figure with everything needed to read it honestly.
type Key struct {
	Name string `json:"name"`
	// Value is nil when there is nothing to compute it from (n = 0).
	Value *float64 `json:"value"`
	Unit  string   `json:"unit"`
	// N is the number of items the value is computed from.
	N int `json:"n"`
	// Excluded lists the items left out, by reason.
	Excluded []Exclusion `json:"excluded"`
	// Notes are counts worth knowing that exclude nothing (e.g. how many
	// lead times start at merged_at because first_commit_at is missing).
	Notes []Exclusion `json:"notes,omitempty"`
	// Band is nil when n < MinBandN or the value is missing.
	Band       *Band  `json:"band"`
	Definition string `json:"definition"`
}

// ExcludedCount returns the number of items excluded for any reason.
func (k Key) ExcludedCount() int {
	n := 0
	for _, e := range k.Excluded {
		n += e.Count
	}
	return n
}

// Exclusion counts the items left out of a figure for one reason.
type Exclusion struct {
	Code     string   `json:"code"`
	Reason   string   `json:"reason"`
	Count    int      `json:"count"`
	Examples []string `json:"examples"` // up to MaxExamples ids
}

// MaxExamples is how many example ids an exclusion keeps.
const MaxExamples = 3

// Band is a performance band: its name, the rule that put the value there,
// and the report the thresholds come from.
type Band struct {
	Name   string `json:"name"`
	Rule   string `json:"rule"`
	Year   int    `json:"year"`
	Source string `json:"source"`
}

// DeploymentFrequency is the first key with its weekly and monthly counts.
type DeploymentFrequency struct {
	Key
	// PerMonth is the same rate as Value, per average month.
	PerMonth float64 `json:"per_month"`
	// Weeks and Months count deployments per ISO week and calendar month
	// touching the window, oldest first; the first and last may be partial.
	Weeks  []Count `json:"weeks"`
	Months []Count `json:"months"`
}

// Count is a number of things in one calendar bucket.
type Count struct {
	Start time.Time `json:"start"` // midnight in the site's zone
	Label string    `json:"label"` // 2026-W11 or 2026-03
	Count int       `json:"count"`
}

// ChangeFailureRate is the third key with the failed deployments behind it.
type ChangeFailureRate struct {
	Key
	Failed []FailedDeployment `json:"failed"`
}

// FailedDeployment is one failed deployment in the window.
type FailedDeployment struct {
	Version    string    `json:"version"`
	URL        string    `json:"url"`
	ReleasedAt time.Time `json:"released_at"`
	Reasons    []Reason  `json:"reasons"`
	// RecoveredAt and RecoveredBy are nil when no recovery moment is known.
	RecoveredAt   *time.Time `json:"recovered_at"`
	RecoveredBy   *Reason    `json:"recovered_by"`
	RecoveryHours *float64   `json:"recovery_hours"`
}

// Reason kinds: why a deployment failed, and what recovered it.
const (
	ReasonRolledBack = "rolled_back"
	ReasonPostMortem = "post_mortem"
	ReasonHotfix     = "hotfix"
)

// Reason is one piece of evidence: a rollback of the release itself, a
// post-mortem (Ref its id) or a hotfix release (Ref its version).
type Reason struct {
	Kind string `json:"kind"`
	Ref  string `json:"ref"`
	URL  string `json:"url"`
}
