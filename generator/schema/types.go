package schema

import (
	"bytes"
	"encoding/json"
	"strings"

	"almanac/generator/content"
)

// Member is one key of a JSON object.
type Member struct {
	Key   string
	Value any
}

// Object is a JSON object that keeps its keys in order, so that a schema
// reads like the front matter it describes.
type Object []Member

// MarshalJSON writes the members in order.
func (o Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Get returns the value of a member, or nil.
func (o Object) Get(key string) any {
	for _, m := range o {
		if m.Key == key {
			return m.Value
		}
	}
	return nil
}

// scalar is what almanac reads as text: any YAML, TOML or JSON scalar.
var scalarTypes = []string{"string", "number", "boolean"}

// keySchema describes one key. An empty value (null) counts as absent, as
// the loader reads it, so it is allowed wherever the key is not required.
func keySchema(k content.Key, open bool) Object {
	s := valueSchema(k, open)
	if !k.Required {
		s = allowNull(s)
	}
	if doc := describe(k); doc != "" {
		s = append(Object{{"description", doc}}, s...)
	}
	return s
}

// describe is the hover text of a key.
func describe(k content.Key) string {
	doc := k.Doc
	if k.Type == content.TypeEnum && len(k.Enum) > 0 {
		one := "one of: " + strings.Join(k.Enum, ", ")
		if doc == "" {
			return one
		}
		return doc + "; " + one
	}
	if extra := typeDoc(k.Type); extra != "" {
		if doc == "" {
			return extra
		}
		return doc + " (" + extra + ")"
	}
	return doc
}

func typeDoc(t content.Type) string {
	switch t {
	case content.TypeDate:
		return "YYYY-MM-DD in the site's time zone"
	case content.TypeDatetime:
		return "RFC 3339 with an offset, e.g. 2026-07-14T09:12:00+09:00"
	case content.TypeVersion:
		return "e.g. 1.4.0"
	case content.TypeID:
		return "capitals, digits and hyphens"
	}
	return ""
}

// valueSchema describes the values a key takes, without null.
func valueSchema(k content.Key, open bool) Object {
	switch k.Type {
	case content.TypeID:
		return Object{{"type", "string"}, {"pattern", content.IDPattern}}
	case content.TypeVersion:
		return Object{{"type", "string"}, {"pattern", SemVerPattern}}
	case content.TypeVersionList:
		return Object{{"type", "array"}, {"items", Object{{"type", "string"}, {"pattern", SemVerPattern}}}}
	case content.TypeDate:
		return Object{{"type", "string"}, {"format", "date"}, {"pattern", content.DatePattern}}
	case content.TypeDatetime:
		return Object{{"type", "string"}, {"pattern", content.DatetimePattern}}
	case content.TypeLooseDate:
		return Object{{"type", "string"}}
	case content.TypeNumber, content.TypeInteger:
		t := "number"
		if k.Type == content.TypeInteger {
			t = "integer"
		}
		s := Object{{"type", t}}
		if k.Min != nil {
			s = append(s, Member{"minimum", *k.Min})
		}
		return s
	case content.TypeBool:
		if open {
			return Object{{"type", []string{"boolean", "string"}}}
		}
		return Object{{"type", "boolean"}}
	case content.TypeEnum:
		return Object{{"type", "string"}, {"enum", k.Enum}}
	case content.TypeTextList:
		list := Object{{"type", "array"}, {"items", Object{{"type", scalarTypes}}}}
		if open {
			return Object{{"anyOf", []any{list, Object{{"type", "string"}}}}}
		}
		return list
	case content.TypeSlug:
		return Object{{"type", "string"}, {"pattern", `^[^/\\]+$`}}
	case content.TypeURLList:
		item := Object{{"type", "string"}, {"not", Object{{"pattern", `://|^//|(^|/)\.\.(/|$)`}}}}
		if open {
			return Object{{"anyOf", []any{Object{{"type", "array"}, {"items", item}}, item}}}
		}
		return Object{{"type", "array"}, {"items", item}}
	case content.TypeObject:
		return object(k)
	case content.TypeObjectList:
		return Object{{"type", "array"}, {"items", object(k)}}
	}
	return Object{{"type", scalarTypes}}
}

// object describes a nested mapping.
func object(k content.Key) Object {
	s := Object{{"type", "object"}}
	s = append(s, properties(k.Keys, false)...)
	if req := k.RequiredKeys(); len(req) > 0 {
		s = append(s, Member{"required", req})
	}
	return append(s, Member{"additionalProperties", false})
}

// allowNull lets a value also be null: its type list gains "null", an
// enum gains null, and a schema without a type (anyOf) is wrapped.
func allowNull(s Object) Object {
	out := make(Object, 0, len(s))
	typed := false
	for _, m := range s {
		switch m.Key {
		case "type":
			typed = true
			switch t := m.Value.(type) {
			case string:
				m.Value = []string{t, "null"}
			case []string:
				m.Value = append(append([]string(nil), t...), "null")
			}
		case "enum":
			if e, ok := m.Value.([]string); ok {
				vals := make([]any, 0, len(e)+1)
				for _, v := range e {
					vals = append(vals, v)
				}
				m.Value = append(vals, nil)
			}
		}
		out = append(out, m)
	}
	if !typed {
		return Object{{"anyOf", []any{s, Object{{"type", "null"}}}}}
	}
	return out
}
