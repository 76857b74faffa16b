// Package schema writes a JSON Schema (draft 2020-12) for the front matter
// of each kind, generated from the descriptions the loader decodes with
// (content.Spec), so that an editor validates and completes front matter
// while it is typed, with the same rules `almanac check` applies.
package schema

import (
	"bytes"
	"encoding/json"

	"almanac/generator/content"
)

// Draft is the JSON Schema dialect written.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// SemVerPattern matches a SemVer 2.0 version: numbers without leading
// zeros, an optional pre-release of dot-separated identifiers (numeric ones
// without leading zeros) and optional build metadata.
const SemVerPattern = `^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)` +
	`(-(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?` +
	`(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`

// FileName is the name of a kind's schema file: story.schema.json.
func FileName(spec content.Spec) string { return string(spec.Kind) + ".schema.json" }

// Files returns every kind's schema, by file name, as indented JSON.
func Files() map[string][]byte {
	out := map[string][]byte{}
	for _, spec := range content.Specs() {
		out[FileName(spec)] = Marshal(For(spec))
	}
	return out
}

// Marshal writes a schema as indented JSON ending in a newline.
func Marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // objects of strings, numbers and lists only
	return b.Bytes()
}

// For returns the schema of one kind's front matter.
func For(spec content.Spec) Object {
	s := Object{
		{"$schema", Draft},
		{"title", "almanac " + spec.Kind.Noun() + " front matter"},
		{"description", spec.Doc},
	}
	// No "type": "object" at the root. Front matter is always a mapping
	// (the loader says so when it is not), but an editor that reads a
	// whole page as YAML sees the Markdown body as a second document,
	// usually text; keys and rules apply to mappings only, so the body
	// passes.
	s = append(s, properties(spec.Keys, spec.Open)...)
	if req := spec.Required(); len(req) > 0 {
		s = append(s, Member{"required", req})
	}
	s = append(s, Member{"additionalProperties", spec.Open})
	var all []any
	for _, r := range spec.Rules {
		all = append(all, rule(spec, r))
	}
	if len(all) > 0 {
		s = append(s, Member{"allOf", all})
	}
	if len(spec.OneOf) > 0 {
		var one []any
		for _, k := range spec.OneOf {
			one = append(one, Object{{"required", []string{k}}})
		}
		s = append(s, Member{"oneOf", one})
	}
	return s
}

// properties describes a mapping's keys; open mappings (plain pages) take
// the looser spellings other generators write.
func properties(keys []content.Key, open bool) Object {
	props := Object{}
	for _, k := range keys {
		props = append(props, Member{k.Name, keySchema(k, open)})
	}
	return Object{{"properties", props}}
}

// rule turns a conditional requirement into if/then: when If holds one of
// the values, Then is required and may not be null or empty.
func rule(spec content.Spec, r content.Rule) Object {
	then := Object{{"required", []string{r.Then}}}
	notEmpty := Object{{"not", Object{{"type", "null"}}}}
	if k, ok := spec.Key(r.Then); ok && isList(k.Type) {
		notEmpty = Object{{"type", "array"}, {"minItems", 1}}
	}
	then = append(then, Member{"properties", Object{{r.Then, notEmpty}}})
	if r.Hint != "" {
		then = append(then, Member{"description", r.Hint})
	}
	return Object{
		{"if", Object{
			{"properties", Object{{r.If, Object{{"enum", r.In}}}}},
			{"required", []string{r.If}},
		}},
		{"then", then},
	}
}

func isList(t content.Type) bool {
	switch t {
	case content.TypeTextList, content.TypeVersionList, content.TypeURLList, content.TypeObjectList:
		return true
	}
	return false
}
