package content

import "testing"

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Export deploy log", "export-deploy-log"},
		{"On-call Handbook!", "on-call-handbook"},
		{"  --Hello,   World--  ", "hello-world"},
		{"배포 로그", "배포-로그"},
		{"Café über", "café-über"},
		{"v1.4.0", "v1-4-0"},
		{"snake_case_name", "snake-case-name"},
		{"../../etc", "etc"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNaturalLess(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"STORY-9", "STORY-10", true},
		{"STORY-10", "STORY-9", false},
		{"STORY-10", "STORY-10", false},
		{"PM-2026-003", "PM-2026-010", true},
		{"PM-2025-100", "PM-2026-001", true},
		{"A-1", "B-1", true},
		{"STORY-7", "STORY-007", true},
		{"STORY", "STORY-1", true},
	}
	for _, tt := range tests {
		if got := NaturalLess(tt.a, tt.b); got != tt.want {
			t.Errorf("NaturalLess(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"severity", "status", "summary", "services", "title"}
	tests := []struct{ in, want string }{
		{"severty", `did you mean "severity"?`},
		{"stauts", `did you mean "status"?`}, // a swap costs one
		{"Title", `did you mean "title"?`},
		{"sev", `did you mean "severity"?`}, // a prefix
		{"colour", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.in, keys); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if d := distance("kitten", "sitting"); d != 3 {
		t.Errorf("distance = %d, want 3", d)
	}
}

func TestPlainURL(t *testing.T) {
	tests := []struct{ rel, slug, want string }{
		{"team.md", "", "/team/"},
		{"handbook/on-call.md", "", "/handbook/on-call/"},
		{"handbook/_index.md", "", "/handbook/"},
		{"handbook/index.md", "", "/handbook/"},
		{"_index.md", "", "/"},
		{"Handbook/On Call.md", "", "/handbook/on-call/"},
		{"handbook/on-call.md", "pager", "/handbook/pager/"},
		{"handbook/_index.md", "guide", "/guide/"},
	}
	for _, tt := range tests {
		if got := plainURL(tt.rel, tt.slug); got != tt.want {
			t.Errorf("plainURL(%q, %q) = %q, want %q", tt.rel, tt.slug, got, tt.want)
		}
	}
}

func TestSiteURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"old/path", "/old/path/"},
		{"/old/path/", "/old/path/"},
		{"/old.html", "/old.html"},
		{"//double//slash", "/double/slash/"},
		{"/", "/"},
	}
	for _, tt := range tests {
		if got := siteURL(tt.in); got != tt.want {
			t.Errorf("siteURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
