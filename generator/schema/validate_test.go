package schema

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// validate checks v against the subset of JSON Schema these schemas use
// and returns every failure, each with its JSON path. It is small on
// purpose: enough to prove that the schemas say what the loader does.
func validate(schema any, v any, at string) []string {
	s, ok := schema.(map[string]any)
	if !ok {
		return nil
	}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	if t, ok := s["type"]; ok && !typeOK(t, v) {
		fail("type %v, found %T", t, v)
		return errs
	}
	if e, ok := s["enum"].([]any); ok {
		found := false
		for _, x := range e {
			if x == v {
				found = true
			}
		}
		if !found {
			fail("%v not in enum", v)
		}
	}
	if p, ok := s["pattern"].(string); ok {
		if str, isStr := v.(string); isStr && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	}
	if m, ok := s["minimum"].(float64); ok {
		if n, isNum := v.(float64); isNum && n < m {
			fail("%v below %v", n, m)
		}
	}
	if obj, isObj := v.(map[string]any); isObj {
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				fail("missing %s", r)
			}
		}
		for k, val := range obj {
			if ps, ok := props[k]; ok {
				errs = append(errs, validate(ps, val, at+"."+k)...)
			} else if s["additionalProperties"] == false {
				fail("unknown key %s", k)
			}
		}
	}
	if list, isList := v.([]any); isList {
		if m, ok := s["minItems"].(float64); ok && float64(len(list)) < m {
			fail("fewer than %v items", m)
		}
		for i, item := range list {
			errs = append(errs, validate(s["items"], item, fmt.Sprintf("%s[%d]", at, i))...)
		}
	}
	for _, sub := range asList(s["allOf"]) {
		errs = append(errs, validate(sub, v, at)...)
	}
	if alts := asList(s["anyOf"]); len(alts) > 0 {
		ok := false
		for _, sub := range alts {
			if len(validate(sub, v, at)) == 0 {
				ok = true
			}
		}
		if !ok {
			fail("matches no anyOf")
		}
	}
	if one := asList(s["oneOf"]); len(one) > 0 {
		n := 0
		for _, sub := range one {
			if len(validate(sub, v, at)) == 0 {
				n++
			}
		}
		if n != 1 {
			fail("matches %d of oneOf", n)
		}
	}
	if not, ok := s["not"]; ok && len(validate(not, v, at)) == 0 {
		fail("matches not")
	}
	if cond, ok := s["if"]; ok && len(validate(cond, v, at)) == 0 {
		errs = append(errs, validate(s["then"], v, at)...)
	}
	return errs
}

func asList(v any) []any { l, _ := v.([]any); return l }

func typeOK(t any, v any) bool {
	for _, name := range asTypes(t) {
		switch x := v.(type) {
		case nil:
			if name == "null" {
				return true
			}
		case string:
			if name == "string" {
				return true
			}
		case bool:
			if name == "boolean" {
				return true
			}
		case float64:
			if name == "number" || (name == "integer" && x == math.Trunc(x)) {
				return true
			}
		case []any:
			if name == "array" {
				return true
			}
		case map[string]any:
			if name == "object" {
				return true
			}
		}
	}
	return false
}

func asTypes(t any) []string {
	if s, ok := t.(string); ok {
		return []string{s}
	}
	var out []string
	for _, x := range asList(t) {
		out = append(out, x.(string))
	}
	return out
}

// generic turns a schema into plain JSON values.
func generic(t *testing.T, o Object) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(Marshal(o), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// fromYAML reads front matter as an editor's YAML 1.2 parser does: dates
// and datetimes are strings.
func fromYAML(t *testing.T, src string) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		t.Fatalf("%v in %s", err, src)
	}
	if len(n.Content) == 0 {
		return map[string]any{}
	}
	return plain(n.Content[0])
}

func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, plain(c))
		}
		return l
	case yaml.AliasNode:
		return plain(n.Alias)
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int", "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			return n.Value
		}
		return f
	}
	return n.Value
}
