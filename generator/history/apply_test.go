package history

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"almanac/generator/content"
	"almanac/generator/metrics"
	"almanac/generator/site"
)

// writeFiles writes files (slash paths → text) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// applySite is a site beside settlement-api: STORY-142 leaves both dates
// to git, STORY-160 gives a first commit six hours from git's, STORY-170
// a merged_at a month off (after it, as the order of dates allows), STORY-100 and release 1.3.0 are dated by front
// matter alone, and release 1.4.0 leaves released_at to its tag.
var applySite = map[string]string{
	"almanac.toml": `title = "T"
time_zone = "Asia/Seoul"

[[repositories]]
path = "../settlement-api"
branch = "main"
`,
	"content/stories/export.md": "---\nid: STORY-142\ntitle: Export\nstatus: done\nrelease: 1.4.0\n---\n",
	"content/stories/cache.md":  "---\nid: STORY-160\ntitle: Cache\nstatus: done\nrelease: 1.4.0\nfirst_commit_at: 2026-07-06T15:00:00Z\n---\n",
	"content/stories/retry.md": "+++\nid = \"STORY-170\"\ntitle = \"Retry\"\nstatus = \"done\"\nrelease = \"1.4.0\"\n" +
		"merged_at = 2026-08-11T09:00:00Z\n+++\n",
	"content/stories/old.md":    "---\nid: STORY-100\ntitle: Old\nstatus: done\nrelease: 1.3.0\nfirst_commit_at: 2026-06-30T09:00:00Z\n---\n",
	"content/releases/1.4.0.md": "---\nversion: 1.4.0\nstatus: released\n---\n",
	"content/releases/1.3.0.md": "---\nversion: 1.3.0\nstatus: released\nreleased_at: 2026-07-01T09:00:00Z\n---\n",
	"content/releases/2.0.0.md": "---\nversion: 2.0.0\nstatus: planned\n---\n",
	"content/releases/1.6.0.md": "---\nversion: 1.6.0\nstatus: released\n---\n",
}

// loadSite loads the site in dir as the build does, leaving out the error
// that a released release has no released_at: that is what git gives.
func loadSite(t *testing.T, dir string) *site.Site {
	t.Helper()
	fsys := os.DirFS(dir)
	cfg, diags := content.LoadConfig(fsys)
	if len(diags) > 0 {
		t.Fatalf("config: %v", diags)
	}
	s, diags := content.Load(context.Background(), fsys, cfg, content.Options{Now: mustTime(t, "2026-07-20T00:00:00Z")})
	for _, d := range diags {
		if !strings.Contains(d.Msg, "released_at is missing") {
			t.Fatalf("load: %v", d)
		}
	}
	return s
}

func TestApply(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	settlementRepo(t, dir)
	siteDir := filepath.Join(dir, "site")
	writeFiles(t, siteDir, applySite)
	s := loadSite(t, siteDir)
	diags := Apply(context.Background(), s, siteDir, t.TempDir())

	// A released release that no tag dates is an error, as it is without
	// repositories; front matter and git a month apart are a warning, at
	// the key.
	if len(diags) != 2 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if got, want := diags[0].Error(), `content/releases/1.6.0.md:3:9: error: status is "released" but released_at is missing, `+
		`and no repository has a tag v1.6.0 or 1.6.0 (add released_at: 2026-07-14T10:30:00+09:00, or tag the release in its repository)`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if d := diags[1]; d.Pos.String() != "content/stories/retry.md:6:13" ||
		!strings.Contains(d.Msg, "merged_at 2026-08-11T18:00:00+09:00 and git disagree by 31 days: settlement-api ") ||
		!strings.HasSuffix(d.Msg, " was committed 2026-07-11T18:00:00+09:00") {
		t.Errorf("got %v", d)
	}

	seoul, _ := time.LoadLocation("Asia/Seoul")
	export := s.ByID["STORY-142"].Story
	if got := export.FirstCommitAt; !got.Equal(mustTime(t, "2026-07-02T10:00:00+09:00")) || got.Location().String() != seoul.String() {
		t.Errorf("STORY-142 first_commit_at = %v", got)
	}
	if export.FirstCommitFrom == nil || export.FirstCommitFrom.Repository != "settlement-api" {
		t.Errorf("STORY-142 first commit from %v", export.FirstCommitFrom)
	}
	if !export.MergedAt.Equal(mustTime(t, "2026-07-05T12:00:00Z")) || export.MergedFrom == nil {
		t.Errorf("STORY-142 merged_at = %v from %v", export.MergedAt, export.MergedFrom)
	}
	// Front matter wins, even where git disagrees.
	cache := s.ByID["STORY-160"].Story
	if !cache.FirstCommitAt.Equal(mustTime(t, "2026-07-06T15:00:00Z")) || cache.FirstCommitFrom != nil {
		t.Errorf("STORY-160 first_commit_at = %v from %v, want front matter's", cache.FirstCommitAt, cache.FirstCommitFrom)
	}
	if retry := s.ByID["STORY-170"].Story; !retry.MergedAt.Equal(mustTime(t, "2026-08-11T09:00:00Z")) || retry.MergedFrom != nil {
		t.Errorf("STORY-170 merged_at = %v, want front matter's", retry.MergedAt)
	}
	rel := s.ByVersion["1.4.0"].Release
	if !rel.ReleasedAt.Equal(mustTime(t, "2026-07-12T09:00:00Z")) || rel.ReleasedFrom == nil || rel.ReleasedFrom.Tag != "v1.4.0" {
		t.Errorf("1.4.0 released_at = %v from %v", rel.ReleasedAt, rel.ReleasedFrom)
	}
	if planned := s.ByVersion["2.0.0"].Release; !planned.ReleasedAt.IsZero() {
		t.Errorf("a planned release got released_at %v", planned.ReleasedAt)
	}

	// Lead times, by hand: 1.4.0 went out 2026-07-12T09:00Z (its tag).
	// STORY-142 from 07-02T01:00Z: 248 h; STORY-160 from 07-06T15:00Z:
	// 138 h; STORY-170 from git's first commit 07-09T09:00Z: 72 h.
	// STORY-100 to 1.3.0: 24 h. The median of 24, 72, 138, 248 is 105.
	data, err := metrics.JSON(metrics.Compute(s, s.Now, 0))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		LeadTime struct {
			Value *float64 `json:"value"`
			N     int      `json:"n"`
			Notes []struct {
				Code  string `json:"code"`
				Count int    `json:"count"`
			} `json:"notes"`
		} `json:"lead_time"`
		Sources struct {
			LeadTimes []struct {
				Story       string  `json:"story"`
				Hours       float64 `json:"hours"`
				StartSource struct {
					From       string `json:"from"`
					Repository string `json:"repository"`
				} `json:"start_source"`
			} `json:"lead_times"`
		} `json:"sources"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.LeadTime.Value == nil || *doc.LeadTime.Value != 105 || doc.LeadTime.N != 4 {
		t.Errorf("lead time = %v over %d, want 105 over 4", doc.LeadTime.Value, doc.LeadTime.N)
	}
	counts := map[string]int{}
	for _, n := range doc.LeadTime.Notes {
		counts[n.Code] = n.Count
	}
	if counts["from_git"] != 3 || counts["from_front_matter"] != 1 {
		t.Errorf("notes = %+v", doc.LeadTime.Notes)
	}
	hours := map[string]float64{}
	for _, lt := range doc.Sources.LeadTimes {
		hours[lt.Story] = lt.Hours
		if fromGit := lt.Story == "STORY-142" || lt.Story == "STORY-170"; fromGit != (lt.StartSource.From == "git") {
			t.Errorf("%s starts from %+v", lt.Story, lt.StartSource)
		}
	}
	for id, h := range map[string]float64{"STORY-142": 248, "STORY-160": 138, "STORY-170": 72, "STORY-100": 24} {
		if hours[id] != h {
			t.Errorf("%s lead time = %v h, want %v", id, hours[id], h)
		}
	}
}

// TestApplyNoSiteDir: a site not on disk reads no repository, and a
// deployed release without released_at is still an error.
func TestApplyNoSiteDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, applySite)
	s := loadSite(t, dir)
	var r reader
	diags := r.apply(context.Background(), s, "", "")
	if r.logs != 0 || len(diags) != 2 || !diags.HasErrors() {
		t.Errorf("git logs %d, diagnostics %v", r.logs, diags)
	}
	if st := s.ByID["STORY-142"].Story; !st.FirstCommitAt.IsZero() || st.FirstCommitFrom != nil {
		t.Errorf("STORY-142 dated without a repository: %v", st.FirstCommitAt)
	}
}

// TestApplyKeepsOrder: a date from git that breaks the order front matter
// is held to (created before the first commit) is left out with a warning,
// so that stamping it would not break the build.
func TestApplyKeepsOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	settlementRepo(t, dir)
	siteDir := filepath.Join(dir, "site")
	writeFiles(t, siteDir, map[string]string{
		"almanac.toml":              "time_zone = \"Asia/Seoul\"\n[[repositories]]\npath = \"../settlement-api\"\nbranch = \"main\"\n",
		"content/stories/export.md": "---\nid: STORY-142\ntitle: Export\nstatus: done\ncreated: 2026-07-05\n---\n",
	})
	s := loadSite(t, siteDir)
	diags := Apply(context.Background(), s, siteDir, "")
	want := "content/stories/export.md:5:10: warning: first_commit_at from git, 2026-07-02T10:00:00+09:00 (settlement-api "
	if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), want) ||
		!strings.Contains(diags[0].Msg, "is before created 2026-07-05; it is left out") {
		t.Fatalf("diagnostics: %v", diags)
	}
	st := s.ByID["STORY-142"].Story
	if !st.FirstCommitAt.IsZero() || st.FirstCommitFrom != nil {
		t.Errorf("first_commit_at = %v from %v, want none", st.FirstCommitAt, st.FirstCommitFrom)
	}
	// Merged at 2026-07-05T21:00+09:00, after created: kept.
	if !st.MergedAt.Equal(mustTime(t, "2026-07-05T12:00:00Z")) || st.MergedFrom == nil {
		t.Errorf("merged_at = %v from %v", st.MergedAt, st.MergedFrom)
	}
}

// TestApplyMissingRepository: the warning points at the path in
// almanac.toml, and the build goes on with front matter.
func TestApplyMissingRepository(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"almanac.toml":              "title = \"T\"\n\n[[repositories]]\npath = \"../nope\"\n",
		"content/stories/export.md": "---\nid: STORY-142\ntitle: Export\nstatus: done\nfirst_commit_at: 2026-07-02T10:00:00Z\n---\n",
	})
	s := loadSite(t, dir)
	diags := Apply(context.Background(), s, dir, "")
	if len(diags) != 1 || diags[0].Pos.String() != "almanac.toml:4:8" || diags[0].Severity != site.Warning {
		t.Fatalf("diagnostics: %v", diags)
	}
	if st := s.ByID["STORY-142"].Story; !st.FirstCommitAt.Equal(mustTime(t, "2026-07-02T10:00:00Z")) {
		t.Errorf("first_commit_at = %v", st.FirstCommitAt)
	}
}
