package content

import "testing"

// TestURLFromPath pins the URLs plain pages take from their paths under the
// content folder, as Hugo makes them.
func TestURLFromPath(t *testing.T) {
	tests := []struct{ rel, slug, want string }{
		// dots stay: versions, dates, dotted names
		{"blog/release/v4.2.0.md", "", "/blog/release/v4.2.0/"},
		{"changelog/1.4.0.md", "", "/changelog/1.4.0/"},
		{"notes/2026.07.14-retro.md", "", "/notes/2026.07.14-retro/"},
		{"docs/config.v2.markdown", "", "/docs/config.v2/"},
		{"v1.2/upgrade.md", "", "/v1.2/upgrade/"},
		// folder pages
		{"README.md", "", "/"},
		{"index.md", "", "/"},
		{"_index.md", "", "/"},
		{"handbook/README.md", "", "/handbook/"},
		{"handbook/readme.markdown", "", "/handbook/"},
		{"handbook/index.md", "", "/handbook/"},
		{"handbook/_index.md", "", "/handbook/"},
		{"handbook/Architecture Decision Records/README.md", "", "/handbook/architecture-decision-records/"},
		{"runbooks/db/INDEX.md", "", "/runbooks/db/"},
		// nesting, case, spaces, punctuation
		{"handbook/on-call.md", "", "/handbook/on-call/"},
		{"a/b/c/d.md", "", "/a/b/c/d/"},
		{"Handbook/On-Call.md", "", "/handbook/on-call/"},
		{"handbook/on call rota.md", "", "/handbook/on-call-rota/"},
		{"handbook/a - b.md", "", "/handbook/a---b/"},
		{"handbook/snake_case_name.md", "", "/handbook/snake_case_name/"},
		{"handbook/What's new? (2026)!.md", "", "/handbook/whats-new-2026/"},
		{"handbook/c++ & go.md", "", "/handbook/c++--go/"},
		{"handbook/issue #42.md", "", "/handbook/issue-42/"},
		{"handbook/100%.md", "", "/handbook/100/"},
		{"Café Menu.md", "", "/café-menu/"},
		// Korean names
		{"운영/배포 로그.md", "", "/운영/배포-로그/"},
		{"운영/README.md", "", "/운영/"},
		{"팀 소개.md", "", "/팀-소개/"},
		// a name of dots alone adds no segment
		{"handbook/....md", "", "/handbook/"},
		// a slug replaces the last segment
		{"blog/release/v4.2.0.md", "four-two", "/blog/release/four-two/"},
		{"handbook/README.md", "guide", "/guide/"},
		{"handbook/index.md", "guide", "/guide/"},
	}
	for _, tt := range tests {
		if got := plainURL(tt.rel, tt.slug); got != tt.want {
			t.Errorf("plainURL(%q, %q) = %q, want %q", tt.rel, tt.slug, got, tt.want)
		}
	}
}

func TestIndexRank(t *testing.T) {
	tests := []struct {
		rel  string
		want int
	}{
		{"handbook/README.md", 0},
		{"handbook/Readme.markdown", 0},
		{"handbook/index.md", 1},
		{"handbook/_index.md", 2},
		{"handbook/indexes.md", -1},
		{"handbook/readme-first.md", -1},
	}
	for _, tt := range tests {
		if got := indexRank(tt.rel); got != tt.want {
			t.Errorf("indexRank(%q) = %d, want %d", tt.rel, got, tt.want)
		}
	}
}

func TestFolderURL(t *testing.T) {
	for dir, want := range map[string]string{
		"handbook":                        "/handbook/",
		"handbook/Architecture Decisions": "/handbook/architecture-decisions/",
		"releases/v1.2":                   "/releases/v1.2/",
		"운영":                              "/운영/",
	} {
		if got := folderURL(dir); got != want {
			t.Errorf("folderURL(%q) = %q, want %q", dir, got, want)
		}
	}
}
