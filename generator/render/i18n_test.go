package render

import (
	"almanac/generator/sitefs"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Every language of the theme has every English key, and no key of its own
// that English lacks.
func TestTranslationsComplete(t *testing.T) {
	tr, err := loadTranslations(theme())
	if err != nil {
		t.Fatal(err)
	}
	en := tr["en"]
	for lang, tab := range tr {
		if lang == "en" {
			continue
		}
		for k := range en.strs {
			if _, ok := tab.strs[k]; ok {
				continue
			}
			// a language without plurals has only "other"
			if base, ok := strings.CutSuffix(k, ".one"); ok {
				if _, ok := tab.strs[base+".other"]; ok {
					continue
				}
			}
			t.Errorf("%s.toml lacks %s", lang, k)
		}
		for k := range tab.strs {
			if _, ok := en.strs[k]; !ok {
				t.Errorf("%s.toml has %s, which en.toml lacks", lang, k)
			}
		}
		for k, l := range en.lists {
			if len(tab.lists[k]) != len(l) {
				t.Errorf("%s.toml: %s has %d entries, want %d", lang, k, len(tab.lists[k]), len(l))
			}
		}
	}
}

// layoutKeyRE finds the keys a layout names literally: T "key" and the
// empty-state partial's (dict "key" "...").
var layoutKeyRE = regexp.MustCompile(`(?:\bT|\(dict "key") "([a-z_.0-9]+)"`)

// Every key the layouts name is in the English table.
func TestLayoutKeysExist(t *testing.T) {
	tr, err := loadTranslations(theme())
	if err != nil {
		t.Fatal(err)
	}
	files, err := collectLayouts(sitefs.Overlay{Theme: theme()})
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, f := range files {
		for _, m := range layoutKeyRE.FindAllStringSubmatch(string(f.data), -1) {
			key := m[1]
			if _, ok := tr["en"].strs[key]; ok {
				continue
			}
			if _, ok := tr["en"].strs[key+".other"]; ok {
				continue
			}
			missing = append(missing, f.path()+": "+key)
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no English string for %s", m)
	}
}

func TestT(t *testing.T) {
	en, ko := translators(t)
	tests := []struct {
		tr   *translator
		key  string
		args []any
		want string
	}{
		{en, "stories.n", []any{1}, "1 story"},
		{en, "stories.n", []any{8}, "8 stories"},
		{en, "stories.n", []any{1234}, "1,234 stories"},
		{ko, "stories.n", []any{1}, "스토리 1개"},
		{en, "story.points_n", []any{2.5}, "2.5 points"},
		{en, "times_in", []any{"UTC"}, "Times in UTC"},
		{en, "no.such.key", nil, "no.such.key"},
		{ko, "nav.stories", nil, "스토리"},
	}
	for _, tt := range tests {
		if got := tt.tr.T(tt.key, tt.args...); got != tt.want {
			t.Errorf("%s T(%q, %v) = %q, want %q", tt.tr.lang, tt.key, tt.args, got, tt.want)
		}
	}
	if got := en.label("status", "in_progress"); got != "in progress" {
		t.Errorf("label = %q", got)
	}
	if got := en.label("status", "on_hold"); got != "on hold" {
		t.Errorf("label of an unknown value = %q, want it as written", got)
	}
	tr, _ := loadTranslations(theme())
	if got := tr.forLang("fr"); got.lang != "en" {
		t.Errorf("an unknown language should fall back to English, got %s", got.lang)
	}
}

// A site's table replaces single keys and keeps the rest.
func TestSiteTranslations(t *testing.T) {
	site := mapFS(`
-- layouts/i18n/ko.toml --
[nav]
stories = "사용자 스토리"
`)
	tr, err := loadTranslations(theme(), site)
	if err != nil {
		t.Fatal(err)
	}
	ko := tr.forLang("ko")
	if got := ko.T("nav.stories"); got != "사용자 스토리" {
		t.Errorf("site key = %q", got)
	}
	if got := ko.T("nav.releases"); got != "릴리스" {
		t.Errorf("theme key lost: %q", got)
	}
	_, err = loadTranslations(theme(), mapFS("-- layouts/i18n/en.toml --\n[nav\n"))
	if err == nil || !strings.Contains(err.Error(), "layouts/i18n/en.toml") {
		t.Errorf("a bad table should be reported with its file, got %v", err)
	}
}
