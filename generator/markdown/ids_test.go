package markdown

import "testing"

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Setup", "setup"},
		{"배포 절차", "배포-절차"},
		{"사전 점검 (Pre-flight)", "사전-점검-pre-flight"},
		{"  Release 1.4.0 — notes  ", "release-140-notes"},
		{"snake_case stays", "snake_case-stays"},
		{"a -- b", "a-b"},
		{"???", "heading"},
		{"", "heading"},
		{"デプロイ手順", "デプロイ手順"},
		{"Ünïcödé Straße", "ünïcödé-straße"},
	}
	for _, tt := range tests {
		if got := slugify(tt.in); got != tt.want {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingIDsUnique(t *testing.T) {
	ids := newHeadingIDs()
	ids.reserve("setup-1")
	var got []string
	for _, text := range []string{"Setup", "Setup", "Setup", "setup 2", "배포", "배포"} {
		got = append(got, ids.generate(text))
	}
	want := []string{"setup", "setup-2", "setup-3", "setup-2-1", "배포", "배포-1"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("id %d = %q, want %q (all: %q)", i, got[i], want[i], got)
		}
	}
}
