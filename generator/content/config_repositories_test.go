package content

import (
	"reflect"
	"testing"
	"testing/fstest"

	"almanac/generator/site"
)

func TestLoadConfigRepositories(t *testing.T) {
	src := `title = "T"

[[repositories]]
path = "../settlement-api"
branch = "main"
tags = "release-{version}"

[[repositories]]
path = "."
`
	cfg, diags := LoadConfig(fstest.MapFS{"almanac.toml": {Data: []byte(src)}})
	if len(diags) > 0 {
		t.Fatal(diagLines(diags))
	}
	want := []site.Repository{
		{Path: "../settlement-api", Branch: "main", Tags: []string{"release-{version}"}, Pos: site.Pos{File: "almanac.toml", Line: 4, Col: 8}},
		{Path: ".", Tags: []string{"v{version}", "{version}"}, Pos: site.Pos{File: "almanac.toml", Line: 9, Col: 8}},
	}
	if !reflect.DeepEqual(cfg.Repositories, want) {
		t.Errorf("got %+v\nwant %+v", cfg.Repositories, want)
	}
}

func TestLoadConfigRepositoriesErrors(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"no path", "[[repositories]]\nbranch = \"main\"\n", `almanac.toml:1:1: error: repositories[0]: missing required key "path"`},
		{"tags without version", "[[repositories]]\npath = \"x\"\ntags = \"v1\"\n",
			`almanac.toml:3:8: error: repositories[0].tags: "v1" does not name {version} (write e.g. "v{version}")`},
		{"unknown key", "[[repositories]]\npath = \"x\"\nbrnach = \"main\"\n",
			`almanac.toml:3:1: error: unknown key "repositories[0].brnach" in almanac.toml (did you mean "branch"?)`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := LoadConfig(fstest.MapFS{"almanac.toml": {Data: []byte(tt.src)}})
			if got := diagLines(diags); got != tt.want+"\n" {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
