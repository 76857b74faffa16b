package schema

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"almanac/generator/content"
	"almanac/generator/newpage"
	"almanac/generator/site"
)

func schemaOf(t *testing.T, kind site.Kind) any { return generic(t, For(content.SpecOf(kind))) }

// frontMatter returns the YAML between the --- lines of a page.
func frontMatter(t *testing.T, data []byte) string {
	t.Helper()
	s := strings.TrimPrefix(string(data), "---\n")
	fm, _, ok := strings.Cut(s, "\n---\n")
	if !ok {
		t.Fatalf("no YAML front matter in %q", data)
	}
	return fm
}

// TestSampleContentValidates: the repository's own content, which the
// loader accepts, is valid against the schemas: no false alarm in an
// editor.
func TestSampleContentValidates(t *testing.T) {
	root := os.DirFS("../..")
	dirs := map[string]site.Kind{"content/stories": site.KindStory, "content/releases": site.KindRelease,
		"content/postmortems": site.KindPostMortem, "content/metrics": site.KindMetric, "content/handbook": site.KindPage,
		"content/decisions": site.KindDecision}
	n := 0
	for dir, kind := range dirs {
		sch := schemaOf(t, kind)
		names, _ := fs.Glob(root, dir+"/*.md")
		for _, name := range names {
			if path.Base(name) == "_index.md" {
				continue
			}
			data, _ := fs.ReadFile(root, name)
			if errs := validate(sch, fromYAML(t, frontMatter(t, data)), "$"); len(errs) > 0 {
				t.Errorf("%s:\n%s", name, strings.Join(errs, "\n"))
			}
			n++
		}
	}
	if n < 50 {
		t.Errorf("validated only %d files", n)
	}
}

// TestNewPagesValidate: what `almanac new` writes is valid while it waits
// to be filled in (empty values are null).
func TestNewPagesValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	src := fstest.MapFS{"content/releases/1.0.0.md": {Data: []byte("---\nversion: 1.0.0\nstatus: planned\n---\n")}}
	for kind, title := range map[site.Kind]string{site.KindStory: "Export", site.KindRelease: "1.5.0",
		site.KindPostMortem: "API 5xx", site.KindPage: "On-call", site.KindDecision: "Adopt Kafka"} {
		f, err := newpage.Make(context.Background(), src, os.DirFS("../.."), newpage.Request{Kind: string(kind), Title: title, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if errs := validate(schemaOf(t, kind), fromYAML(t, frontMatter(t, f.Data)), "$"); len(errs) > 0 {
			t.Errorf("%s:\n%s", f.Path, strings.Join(errs, "\n"))
		}
	}
}

// TestSchemasRejectWhatTheLoaderRejects runs documents through both.
func TestSchemasRejectWhatTheLoaderRejects(t *testing.T) {
	const story = "id: STORY-1\ntitle: T\nstatus: ready\n"
	const pm = "id: PM-2026-001\ntitle: T\ndate: 2026-07-01\nseverity: SEV2\n"
	tests := []struct {
		kind  site.Kind
		yaml  string
		valid bool
	}{
		{site.KindStory, story, true},
		{site.KindStory, story + "owner:\nrelease:\npoints: 3\n", true},
		{site.KindStory, "id: STORY-1\ntitle: T\nstatus: doing\n", false},
		{site.KindStory, "id: story-1\ntitle: T\nstatus: ready\n", false},
		{site.KindStory, story + "severty: SEV2\n", false},
		{site.KindStory, story + "points: -1\n", false},
		{site.KindStory, story + "started_at: 2026-07-01T10:00:00\n", false},
		{site.KindStory, story + "started_at: 2026-07-01 10:00:00+09:00\n", true},
		{site.KindStory, story + "created: 2026/07/01\n", false},
		{site.KindStory, story + "voc:\n  - {quote: x, qoute: y}\n", false},
		{site.KindStory, "title: T\nstatus: ready\n", false},
		{site.KindRelease, "version: 1.4.0\nstatus: planned\n", true},
		{site.KindRelease, "version: v1.4.0\nstatus: planned\n", false},
		{site.KindRelease, "version: 1.4.0\nstatus: released\n", false},
		{site.KindRelease, "version: 1.4.0\nstatus: released\nreleased_at:\n", false},
		{site.KindRelease, "version: 1.4.0\nstatus: released\nreleased_at: 2026-07-01T10:00:00+09:00\n", true},
		{site.KindRelease, "version: 1.4.0\nstatus: rolled_back\nreleased_at: 2026-07-01T10:00:00+09:00\n", false},
		{site.KindRelease, "version: 1.4.0\nstatus: planned\nmilestones:\n  - {name: Freeze}\n", false},
		{site.KindPostMortem, pm + "status: draft\ntrigger: deploy\n", false},
		{site.KindPostMortem, pm + "status: draft\ntrigger: config\nreleases: [1.4.0]\n", true},
		{site.KindPostMortem, pm + "status: draft\ntrigger: infra\n", true},
		{site.KindPostMortem, pm + "status: published\nresolved_at: 2026-07-01T12:00:00+09:00\nroot_causes: []\n", false},
		{site.KindPostMortem, pm + "status: published\nresolved_at: 2026-07-01T12:00:00+09:00\nroot_causes: [x]\n", true},
		{site.KindPostMortem, pm + "status: draft\nseverity: SEV9\n", false},
		{site.KindMetric, "title: M\npoints: [{date: 2026-07-01, value: 3}]\n", true},
		{site.KindMetric, "title: M\n", false},
		{site.KindMetric, "title: M\ncsv: a.csv\npoints: []\n", false},
		{site.KindPage, "title: P\nlayout: post\ncategories: [a]\ntags: a b\ndraft: yes\n", true},
		{site.KindPage, "aliases: [https://e.org/a]\n", false},
		// The Markdown body, read as a second YAML document.
		{site.KindStory, "Who asked for this, and why.\n", true},
		{site.KindPostMortem, "- a list in the body\n", true},
	}
	for _, tt := range tests {
		errs := validate(schemaOf(t, tt.kind), fromYAML(t, tt.yaml), "$")
		if (len(errs) == 0) != tt.valid {
			t.Errorf("%s %q: schema errors %v, want valid=%v", tt.kind, tt.yaml, errs, tt.valid)
		}
	}
}

func TestSemVerPatternAgreesWithParser(t *testing.T) {
	re := regexp.MustCompile(SemVerPattern)
	for _, v := range []string{"1.4.0", "0.0.0", "10.20.30", "1.0.0-rc.1", "1.0.0-alpha.beta", "1.0.0-0.3.7",
		"1.0.0-x-y-z.--", "1.0.0+build.7", "1.0.0-rc.1+exp.sha.5114f85", "01.2.3", "1.02.3", "1.2", "1.2.3.4",
		"v1.2.3", "1.0.0-01", "1.0.0-", "1.0.0+", "1.0.0-a..b", "1.0.0-00a", " 1.0.0", "1.0.0-0a"} {
		_, err := site.ParseSemVer(v)
		if got := re.MatchString(v); got != (err == nil) {
			t.Errorf("%q: pattern %v, parser error %v", v, got, err)
		}
	}
}

// TestDatetimePatternAgreesWithLoader decodes each spelling as a story's
// started_at.
func TestDatetimePatternAgreesWithLoader(t *testing.T) {
	re := regexp.MustCompile(content.DatetimePattern)
	for _, v := range []string{"2026-07-14T09:12:00+09:00", "2026-07-14T09:12:00Z", "2026-07-14t09:12:00z",
		"2026-07-14 09:12:00+09:00", "2026-07-14T09:12:00.123+09:00", "2026-07-14T09:12:00", "2026-07-14",
		"2026-07-14T09:12+09:00", "July 14"} {
		src := "---\nid: STORY-1\ntitle: T\nstatus: ready\nstarted_at: \"" + v + "\"\n---\n"
		_, diags := content.LoadPage(fstest.MapFS{"content/stories/a.md": {Data: []byte(src)}}, "content/stories/a.md", site.Config{})
		if got := re.MatchString(v); got != !diags.HasErrors() {
			t.Errorf("%q: pattern %v, loader %v", v, got, diags)
		}
	}
}

func TestFilesAreDeterministic(t *testing.T) {
	a, b := Files(), Files()
	if len(a) != len(site.Kinds) {
		t.Fatalf("%d files, want one per kind", len(a))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between runs", name)
		}
		if !bytes.Contains(data, []byte(`"$schema": "`+Draft+`"`)) {
			t.Errorf("%s has no $schema", name)
		}
	}
}
