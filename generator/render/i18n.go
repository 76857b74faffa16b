package render

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// i18nDir holds one TOML table of UI strings per language, inside layouts/.
const i18nDir = "layouts/i18n"

// table is one language's UI strings. Nested TOML tables are flattened to
// dotted keys ("status.in_progress"); arrays of strings (month names) are
// kept as lists.
type table struct {
	strs  map[string]string
	lists map[string][]string
}

func newTable() *table {
	return &table{strs: map[string]string{}, lists: map[string][]string{}}
}

// merge decodes a TOML document into t; its keys replace those already
// present.
func (t *table) merge(name string, data []byte) error {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return t.add(name, "", raw)
}

func (t *table) add(name, prefix string, m map[string]any) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		full := prefix + k
		switch v := m[k].(type) {
		case string:
			t.strs[full] = v
		case map[string]any:
			if err := t.add(name, full+".", v); err != nil {
				return err
			}
		case []any:
			list := make([]string, len(v))
			for i, e := range v {
				s, ok := e.(string)
				if !ok {
					return fmt.Errorf("%s: %s[%d]: want a string, have %T", name, full, i, e)
				}
				list[i] = s
			}
			t.lists[full] = list
		default:
			return fmt.Errorf("%s: %s: want a string, a table or a list of strings, have %T", name, full, v)
		}
	}
	return nil
}

// translations are every language's tables, theme first, the site's keys
// over them.
type translations map[string]*table

// loadTranslations reads layouts/i18n/*.toml from the theme and then from
// the site, which may add keys or replace single ones.
func loadTranslations(fsyses ...fs.FS) (translations, error) {
	tr := translations{}
	for _, fsys := range fsyses {
		if fsys == nil {
			continue
		}
		names, err := fs.Glob(fsys, i18nDir+"/*.toml")
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if errors.Is(err, fs.ErrPermission) {
				continue // refused by sitefs; the build's audit reports it
			}
			if err != nil {
				return nil, err
			}
			lang := strings.TrimSuffix(path.Base(name), ".toml")
			if tr[lang] == nil {
				tr[lang] = newTable()
			}
			if err := tr[lang].merge(name, data); err != nil {
				return nil, err
			}
		}
	}
	if tr["en"] == nil {
		return nil, fmt.Errorf("%s/en.toml: missing: the English table is the fallback for every language", i18nDir)
	}
	return tr, nil
}

// translator answers UI strings for one language, falling back to English
// and then to the key itself, so a missing string shows up plainly.
type translator struct {
	lang    string
	own, en *table
}

func (tr translations) forLang(lang string) *translator {
	t := &translator{lang: lang, own: tr[lang], en: tr["en"]}
	if t.own == nil {
		t.lang, t.own = "en", t.en
	}
	return t
}

func (t *translator) lookup(key string) (string, bool) {
	if s, ok := t.own.strs[key]; ok {
		return s, true
	}
	s, ok := t.en.strs[key]
	return s, ok
}

func (t *translator) list(key string) []string {
	if l, ok := t.own.lists[key]; ok {
		return l
	}
	return t.en.lists[key]
}

// T returns the string for key with {0}, {1}, … replaced by args. When the
// first argument is a number and key is a table with "one" and "other"
// entries, the plural form is chosen by it (a language without plurals
// gives only "other").
func (t *translator) T(key string, args ...any) string {
	s, ok := "", false
	if len(args) > 0 {
		if n, isNum := toFloat(args[0]); isNum {
			if f := t.forms(key); f[1] != key {
				s, ok = f[1], true
				if n == 1 {
					s = f[0]
				}
			}
		}
	}
	if !ok {
		if s, ok = t.lookup(key); !ok {
			return key
		}
	}
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i)+"}", t.argString(a))
	}
	return s
}

func (t *translator) argString(a any) string {
	if n, ok := toFloat(a); ok {
		return formatNumber(n)
	}
	return fmt.Sprint(a)
}

// label translates an enumerated value ("in_progress" in group "status");
// an unknown value is shown as written, underscores as spaces.
func (t *translator) label(group, value string) string {
	if value == "" {
		return ""
	}
	if s, ok := t.lookup(group + "." + value); ok {
		return s
	}
	return strings.ReplaceAll(value, "_", " ")
}

func toFloat(a any) (float64, bool) {
	switch v := a.(type) {
	case int:
		return float64(v), true
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// forms returns the one and other plural forms of key, both from the same
// table so that a language without plurals never borrows English's "one".
func (t *translator) forms(key string) []string {
	for _, tab := range []*table{t.own, t.en} {
		other, ok := tab.strs[key+".other"]
		if !ok {
			continue
		}
		one, ok := tab.strs[key+".one"]
		if !ok {
			one = other
		}
		return []string{one, other}
	}
	return []string{key, key}
}
