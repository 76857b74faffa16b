package content

import (
	"reflect"
	"testing"
	"testing/fstest"

	"almanac/generator/site"
)

func TestLoadConfigDefaults(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"missing": {},
		"empty":   {"almanac.toml": {Data: []byte("\n# nothing yet\n")}},
	} {
		cfg, diags := LoadConfig(fsys)
		if len(diags) > 0 || !reflect.DeepEqual(cfg, DefaultConfig()) {
			t.Errorf("%s: %+v %s", name, cfg, diagLines(diags))
		}
	}
}

func TestLoadConfig(t *testing.T) {
	fsys := siteFS(t, `
-- almanac.toml --
title = "Platform team"
description = "What we ship and learn"
base_url = "https://team.example.org/docs"
language = "ko"
time_zone = "Asia/Seoul"
repository = "https://github.com/example/almanac/"
branch = "trunk"
content_dir = "./site/content/"
people = ["Alice Kim", "Bo Park"]

[markdown]
unsafe = true

[metrics]
window_days = 30

[search]
enabled = false

[check]
links = "warning"
anchors = "ignore"

[[links]]
name = "Status"
url = "https://status.example.org"

[[links]]
name = "Runbooks"
url = "/handbook/"
`)
	cfg, diags := LoadConfig(fsys)
	if len(diags) > 0 {
		t.Fatal(diagLines(diags))
	}
	want := site.Config{
		Title: "Platform team", Description: "What we ship and learn", BaseURL: "https://team.example.org/docs/",
		Language: "ko", TimeZone: "Asia/Seoul", Location: cfg.Location, Repository: "https://github.com/example/almanac",
		Branch: "trunk", ContentDir: "site/content", MarkdownUnsafe: true, MetricsWindowDays: 30, SearchDisabled: true,
		LinkPolicy: "warning", AnchorPolicy: "ignore",
		Links:  []site.NamedLink{{Name: "Status", URL: "https://status.example.org"}, {Name: "Runbooks", URL: "/handbook/"}},
		People: []string{"Alice Kim", "Bo Park"},
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("config:\n got %+v\nwant %+v", cfg, want)
	}
	if cfg.Location == nil || cfg.Location.String() != "Asia/Seoul" {
		t.Errorf("location %v", cfg.Location)
	}
}

func TestLoadConfigCheck(t *testing.T) {
	tests := []struct {
		name, src             string
		links, anchors, diags string
	}{
		{"default", "", "error", "error", ""},
		{"no keys", "[check]\n", "error", "error", ""},
		{"warning", "[check]\nlinks = \"warning\"\n", "warning", "error", ""},
		{"ignore anchors", "[check]\nanchors = \"ignore\"\n", "error", "ignore", ""},
		{"both", "[check]\nlinks = \"ignore\"\nanchors = \"warning\"\n", "ignore", "warning", ""},
		{"inline table", "check = { links = \"warning\", anchors = \"warning\" }\n", "warning", "warning", ""},
		{"misspelled value", "[check]\nlinks = \"warnings\"\n", "error", "error",
			`almanac.toml:2:9: error: check.links: "warnings" is not one of: error, warning, ignore (did you mean "warning"?)`},
		{"unknown value", "[check]\nanchors = \"off\"\n", "error", "error",
			`almanac.toml:2:11: error: check.anchors: "off" is not one of: error, warning, ignore`},
		{"wrong type", "[check]\nlinks = false\n", "error", "error",
			`almanac.toml:2:9: error: check.links: "false" is not one of: error, warning, ignore`},
		{"unknown key", "[check]\nlink = \"warning\"\n", "error", "error",
			`almanac.toml:2:1: error: unknown key "check.link" in almanac.toml (did you mean "links"?)`},
		{"unknown key no hint", "[check]\nimages = \"warning\"\n", "error", "error",
			`almanac.toml:2:1: error: unknown key "check.images" in almanac.toml`},
		{"not a table", "check = \"warning\"\n", "error", "error",
			`almanac.toml:1:9: error: check: want a mapping of keys, found text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := LoadConfig(fstest.MapFS{"almanac.toml": {Data: []byte(tt.src)}})
			want := ""
			if tt.diags != "" {
				want = tt.diags + "\n"
			}
			if got := diagLines(diags); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if cfg.LinkPolicy != tt.links || cfg.AnchorPolicy != tt.anchors {
				t.Errorf("links = %q, anchors = %q; want %q, %q", cfg.LinkPolicy, cfg.AnchorPolicy, tt.links, tt.anchors)
			}
		})
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key with hint", "title = \"T\"\nbase_ulr = \"/\"\n",
			`almanac.toml:2:1: error: unknown key "base_ulr" in almanac.toml (did you mean "base_url"?)`},
		{"unknown nested key", "[markdown]\nunsfe = true\n",
			`almanac.toml:2:1: error: unknown key "markdown.unsfe" in almanac.toml (did you mean "unsafe"?)`},
		{"unknown key no hint", "colour = \"blue\"\n", `almanac.toml:1:1: error: unknown key "colour" in almanac.toml`},
		{"bad language", "language = \"fr\"\n", `almanac.toml:1:12: error: language: "fr" is not one of: en, ko`},
		{"bad time zone", "time_zone = \"Asia/Seol\"\n",
			`almanac.toml:1:13: error: time_zone: unknown time zone "Asia/Seol" (use an IANA name such as "Asia/Seoul" or "UTC")`},
		{"wrong type", "people = \"Alice\"\n", `almanac.toml:1:10: error: people: want a list of text, found text (write a list, e.g. [a, b])`},
		{"wrong nested type", "[metrics]\nwindow_days = \"90\"\n", `almanac.toml:2:15: error: metrics.window_days: want a number, found text`},
		{"zero window", "[metrics]\nwindow_days = 0\n", `almanac.toml:2:15: error: metrics.window_days: want a number of days above zero, found 0`},
		{"bad base url", "base_url = \"team.example.org\"\n",
			`almanac.toml:1:12: error: base_url: "team.example.org" is not an absolute URL or a path (write e.g. https://team.example.org/ or /docs/)`},
		{"bad repository", "repository = \"git@github.com:x/y.git\"\n",
			`almanac.toml:1:14: error: repository: "git@github.com:x/y.git" is not a web URL (write e.g. https://github.com/team/almanac)`},
		{"escaping content dir", "content_dir = \"../elsewhere\"\n",
			`almanac.toml:1:15: error: content_dir: "../elsewhere" must be a folder inside the site (name a folder inside the site, e.g. content)`},
		{"link without url", "[[links]]\nname = \"Status\"\n", `almanac.toml:1:1: error: links[0]: missing required key "url"`},
		{"malformed", "title = \"T\"\nlanguage = en\n", `almanac.toml:2:12: error: malformed TOML: expected value but found "en" instead`},
		{"crlf", "title = \"T\"\r\nlangauge = \"en\"\r\n", `almanac.toml:2:1: error: unknown key "langauge" in almanac.toml (did you mean "language"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := LoadConfig(fstest.MapFS{"almanac.toml": {Data: []byte(tt.src)}})
			if got := diagLines(diags); got != tt.want+"\n" {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if cfg.Location == nil || cfg.ContentDir == "" || cfg.BaseURL == "" {
				t.Errorf("defaults lost: %+v", cfg)
			}
		})
	}
}
