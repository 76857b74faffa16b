package newpage

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"almanac/generator/internal/sitetest"
	"almanac/generator/site"
	"gopkg.in/yaml.v3"
)

func stories(ids ...string) []*site.Page {
	var out []*site.Page
	for _, id := range ids {
		out = append(out, &site.Page{Story: &site.Story{ID: id}})
	}
	return out
}

func pms(ids ...string) []*site.Page {
	var out []*site.Page
	for _, id := range ids {
		out = append(out, &site.Page{PostMortem: &site.PostMortem{ID: id}})
	}
	return out
}

func TestNextStoryID(t *testing.T) {
	tests := []struct {
		ids  []string
		want string
	}{
		{nil, "STORY-1"},
		{[]string{"STORY-101", "STORY-143", "STORY-99"}, "STORY-144"},
		{[]string{"US-007", "US-012"}, "US-013"},
		{[]string{"US-1", "US-2", "STORY-9"}, "US-3"},
		{[]string{"STORY-099"}, "STORY-100"},
		{[]string{"not an id", "STORY-A"}, "STORY-1"},
	}
	for _, tt := range tests {
		if got := nextStoryID(stories(tt.ids...)); got != tt.want {
			t.Errorf("nextStoryID(%v) = %s, want %s", tt.ids, got, tt.want)
		}
	}
}

func TestNextPostMortemID(t *testing.T) {
	tests := []struct {
		ids  []string
		year int
		want string
	}{
		{nil, 2026, "PM-2026-001"},
		{[]string{"PM-2026-006", "PM-2026-007", "PM-2025-012"}, 2026, "PM-2026-008"},
		{[]string{"PM-2026-007"}, 2027, "PM-2027-001"},
		{[]string{"INC-2026-0042"}, 2026, "INC-2026-0043"},
	}
	for _, tt := range tests {
		if got := nextPostMortemID(pms(tt.ids...), tt.year); got != tt.want {
			t.Errorf("nextPostMortemID(%v, %d) = %s, want %s", tt.ids, tt.year, got, tt.want)
		}
	}
}

// TestYAMLScalar checks that every title reads back as the same string.
func TestYAMLScalar(t *testing.T) {
	for _, s := range []string{"Export deploy log", "API 5xx after 1.4.0", "On-call: who, when?", "yes", "No",
		"1.5", "2026-07-01", "#hash", "- dash", "null", "~", "a # b", "배포 로그", "it's", "\"quoted\"", "[x]",
		"tab\there", "ends ", "@at", "3e5", "0x1F", ".inf"} {
		var v struct{ T any }
		if err := yaml.Unmarshal([]byte("t: "+yamlScalar(s)+"\n"), &v); err != nil {
			t.Errorf("%q → %s: %v", s, yamlScalar(s), err)
			continue
		}
		if got, ok := v.T.(string); !ok || got != s {
			t.Errorf("%q → %s reads back as %#v", s, yamlScalar(s), v.T)
		}
	}
}

// TestSiteTemplateWins lays a site's layouts/new/story.md over the
// theme's, and refuses a template that makes a page with errors.
func TestSiteTemplateWins(t *testing.T) {
	theme := os.DirFS("../..")
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	fsys := sitetest.Parse(`
-- layouts/new/story.md --
+++
id = {{toml .ID}}
title = {{toml .Title}}
status = "ready"
+++
Made by the site's template on {{.Date}}.
`)
	f, err := Make(context.Background(), fsys, theme, Request{Kind: "story", Title: `Say "hi"`, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	want := "+++\nid = \"STORY-1\"\ntitle = \"Say \\\"hi\\\"\"\nstatus = \"ready\"\n+++\nMade by the site's template on 2026-11-27.\n"
	if string(f.Data) != want || f.Path != "content/stories/say-hi.md" || f.URL != "/stories/say-hi/" {
		t.Errorf("got %s %s\n%s", f.Path, f.URL, f.Data)
	}
	fsys["layouts/new/story.md"].Data = []byte("---\nid: {{.ID}}\nstatus: someday\n---\n")
	_, err = Make(context.Background(), fsys, theme, Request{Kind: "story", Title: "x", Now: now})
	if err == nil || !strings.Contains(err.Error(), `status: "someday" is not one of`) {
		t.Errorf("a template with errors: %v", err)
	}
}

func TestMakeRefuses(t *testing.T) {
	theme := os.DirFS("../..")
	fsys := sitetest.Parse(`
-- content/stories/a.md --
---
id: STORY-1
title: A
status: ready
slug: taken
---
`)
	tests := []struct {
		req   Request
		usage bool
		err   string
	}{
		{Request{Kind: "story", Title: "Taken"}, false, "/stories/taken/ is already the URL of content/stories/a.md"},
		{Request{Kind: "page", Title: "Stories"}, false, "almanac writes /stories/ itself"},
		{Request{Kind: "story", Title: "  "}, true, "needs a title"},
		{Request{Kind: "release", Title: ""}, true, "needs a version"},
		{Request{Kind: "epic", Title: "x"}, true, `cannot make "epic"`},
	}
	for _, tt := range tests {
		_, err := Make(context.Background(), fsys, theme, tt.req)
		if err == nil || !strings.Contains(err.Error(), tt.err) || errors.Is(err, ErrUsage) != tt.usage {
			t.Errorf("%+v: %v; want %q (usage %v)", tt.req, err, tt.err, tt.usage)
		}
	}
}

func TestWriteNeverReplaces(t *testing.T) {
	root := t.TempDir()
	f := &File{Path: "content/x/y.md", Data: []byte("one")}
	if err := Write(root, f); err != nil {
		t.Fatal(err)
	}
	f.Data = []byte("two")
	if err := Write(root, f); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second write: %v", err)
	}
	if data, _ := os.ReadFile(root + "/content/x/y.md"); string(data) != "one" {
		t.Errorf("file is %q", data)
	}
}
