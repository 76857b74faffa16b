package corpus

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// splitFrontMatter returns the YAML between the opening and closing ---
// lines and the body after them.
func splitFrontMatter(t *testing.T, name string, data []byte) (fm, body string) {
	t.Helper()
	s := string(data)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("%s: does not start with ---", name)
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		t.Fatalf("%s: front matter not closed", name)
	}
	return s[4 : 4+end+1], s[4+end+5:]
}

// fmValue returns a top-level scalar of the front matter, unquoted.
func fmValue(fm, key string) string {
	for _, line := range strings.Split(fm, "\n") {
		if v, ok := strings.CutPrefix(line, key+": "); ok {
			return strings.Trim(v, `"`)
		}
	}
	return ""
}

// decodeStrict decodes YAML into v, failing on keys v does not declare.
func decodeStrict(t *testing.T, name, fm string, v any) {
	t.Helper()
	dec := yaml.NewDecoder(strings.NewReader(fm))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: front matter: %v", name, err)
	}
}

type storyFM struct {
	ID            string   `yaml:"id"`
	Title         string   `yaml:"title"`
	AsA           string   `yaml:"as_a"`
	IWant         string   `yaml:"i_want"`
	SoThat        string   `yaml:"so_that"`
	Acceptance    []string `yaml:"acceptance"`
	Status        string   `yaml:"status"`
	Priority      string   `yaml:"priority"`
	Points        *float64 `yaml:"points"`
	Owner         string   `yaml:"owner"`
	Team          string   `yaml:"team"`
	Tags          []string `yaml:"tags"`
	Created       string   `yaml:"created"`
	StartedAt     string   `yaml:"started_at"`
	FirstCommitAt string   `yaml:"first_commit_at"`
	MergedAt      string   `yaml:"merged_at"`
	Release       string   `yaml:"release"`
	Changelog     string   `yaml:"changelog"`
	VOC           []struct {
		Source   string `yaml:"source"`
		Customer string `yaml:"customer"`
		Quote    string `yaml:"quote"`
		Date     string `yaml:"date"`
	} `yaml:"voc"`
}

type releaseFM struct {
	Version      string   `yaml:"version"`
	Title        string   `yaml:"title"`
	Status       string   `yaml:"status"`
	PlannedDate  string   `yaml:"planned_date"`
	ReleasedAt   string   `yaml:"released_at"`
	RolledBackAt string   `yaml:"rolled_back_at"`
	HotfixFor    []string `yaml:"hotfix_for"`
	Milestones   []struct {
		Name string `yaml:"name"`
		Date string `yaml:"date"`
	} `yaml:"milestones"`
	Environment string `yaml:"environment"`
}

type postmortemFM struct {
	ID                  string   `yaml:"id"`
	Title               string   `yaml:"title"`
	Date                string   `yaml:"date"`
	Authors             []string `yaml:"authors"`
	Status              string   `yaml:"status"`
	Severity            string   `yaml:"severity"`
	Summary             string   `yaml:"summary"`
	Impact              string   `yaml:"impact"`
	Trigger             string   `yaml:"trigger"`
	Releases            []string `yaml:"releases"`
	Services            []string `yaml:"services"`
	RootCauses          []string `yaml:"root_causes"`
	ContributingFactors []string `yaml:"contributing_factors"`
	StartedAt           string   `yaml:"started_at"`
	DetectedAt          string   `yaml:"detected_at"`
	MitigatedAt         string   `yaml:"mitigated_at"`
	ResolvedAt          string   `yaml:"resolved_at"`
	Timeline            []struct {
		At    string `yaml:"at"`
		Event string `yaml:"event"`
	} `yaml:"timeline"`
	ActionItems []struct {
		Title    string `yaml:"title"`
		Type     string `yaml:"type"`
		Owner    string `yaml:"owner"`
		Priority string `yaml:"priority"`
		Tracking string `yaml:"tracking"`
		Status   string `yaml:"status"`
		Due      string `yaml:"due"`
	} `yaml:"action_items"`
	Lessons struct {
		WentWell  []string `yaml:"went_well"`
		WentWrong []string `yaml:"went_wrong"`
		GotLucky  []string `yaml:"got_lucky"`
	} `yaml:"lessons"`
}

type metricFM struct {
	Title  string   `yaml:"title"`
	Unit   string   `yaml:"unit"`
	Target *float64 `yaml:"target"`
	Better string   `yaml:"better"`
	Chart  string   `yaml:"chart"`
	CSV    string   `yaml:"csv"`
	Points []struct {
		Date  string   `yaml:"date"`
		Value *float64 `yaml:"value"`
	} `yaml:"points"`
}

type pageFM struct {
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	Date        string   `yaml:"date"`
	Tags        []string `yaml:"tags"`
}

// checker collects what one corpus must satisfy across its files.
type checker struct {
	t        *testing.T
	files    map[string][]byte
	versions map[string]releaseFM
	storyIDs map[string]bool
}

func (c *checker) date(name, key, s string) time.Time {
	c.t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, s, kst)
	if err != nil {
		c.t.Errorf("%s: %s = %q, want YYYY-MM-DD", name, key, s)
	}
	return d
}

// datetime parses an RFC 3339 datetime with the site's offset; an empty
// string is the zero time.
func (c *checker) datetime(name, key, s string) time.Time {
	c.t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse(time.RFC3339, s)
	if err != nil || !strings.HasSuffix(s, "+09:00") {
		c.t.Errorf("%s: %s = %q, want RFC 3339 with +09:00", name, key, s)
	}
	return d
}

func (c *checker) oneOf(name, key, v string, allowed ...string) {
	c.t.Helper()
	if !slices.Contains(allowed, v) {
		c.t.Errorf("%s: %s = %q, want one of %v", name, key, v, allowed)
	}
}

func (c *checker) nonEmpty(name string, kv ...any) {
	c.t.Helper()
	for i := 0; i < len(kv); i += 2 {
		switch v := kv[i+1].(type) {
		case string:
			if v == "" {
				c.t.Errorf("%s: %s is empty", name, kv[i])
			}
		case []string:
			if len(v) == 0 || slices.Contains(v, "") {
				c.t.Errorf("%s: %s = %q", name, kv[i], v)
			}
		}
	}
}

// ordered reports an error unless the non-zero times are in order.
func (c *checker) ordered(name string, times ...time.Time) {
	c.t.Helper()
	var prev time.Time
	for _, tm := range times {
		if tm.IsZero() {
			continue
		}
		if tm.Before(prev) {
			c.t.Errorf("%s: times out of order: %v", name, times)
			return
		}
		prev = tm
	}
}

var semverRe = regexp.MustCompile(`^(\d+)\.(\d+)\.(\d+)$`)

func semverLess(a, b string) bool {
	pa, pb := semverRe.FindStringSubmatch(a), semverRe.FindStringSubmatch(b)
	for i := 1; i <= 3; i++ {
		if len(pa[i]) != len(pb[i]) {
			return len(pa[i]) < len(pb[i])
		}
		if pa[i] != pb[i] {
			return pa[i] < pb[i]
		}
	}
	return false
}

func TestFrontMatterParses(t *testing.T) {
	files := Generate(Options{Pages: 40, Seed: 11, Korean: 0.5})
	for _, name := range sortedNames(files) {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		fm, _ := splitFrontMatter(t, name, files[name])
		var m map[string]any
		if err := yaml.Unmarshal([]byte(fm), &m); err != nil || len(m) == 0 {
			t.Errorf("%s: %v", name, err)
		}
		if !bytes.HasPrefix(files[name], []byte("---\n")) {
			t.Errorf("%s does not start with front matter", name)
		}
	}
}
