package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"almanac/generator/site"
)

// sample returns a valid YAML value of a key's type.
func sample(k Key, indent string) string {
	switch k.Type {
	case TypeID:
		return "STORY-1"
	case TypeVersion:
		return `"1.0.0"`
	case TypeVersionList:
		return `["1.0.0"]`
	case TypeDate:
		return "2026-07-01"
	case TypeDatetime, TypeLooseDate:
		return "2026-07-01T10:00:00+09:00"
	case TypeNumber, TypeInteger:
		return "3"
	case TypeBool:
		return "false"
	case TypeEnum:
		return k.Enum[len(k.Enum)-1]
	case TypeTextList:
		return "[a, b]"
	case TypeSlug:
		return "a-slug"
	case TypeURLList:
		return "[/old/]"
	case TypeObject:
		return "\n" + fullYAML(k.Keys, indent+"  ")
	case TypeObjectList:
		return "\n" + indent + "  -\n" + fullYAML(k.Keys, indent+"    ")
	}
	return "some text"
}

// fullYAML writes every described key with a valid value.
func fullYAML(keys []Key, indent string) string {
	var b strings.Builder
	for _, k := range keys {
		if k.Name == "type" || k.Name == "csv" {
			continue // type is the folder's own; a metric takes points or csv
		}
		fmt.Fprintf(&b, "%s%s: %s\n", indent, k.Name, sample(k, indent))
	}
	return b.String()
}

// TestSpecsMatchDecoders decodes, for every kind, a page that gives every
// described key (nested ones too) a value of its described type: the
// decoder must accept each one. bind panics when a described key has no
// decoder or a decoder no description, so the two cannot drift apart.
func TestSpecsMatchDecoders(t *testing.T) {
	for _, spec := range Specs() {
		t.Run(string(spec.Kind), func(t *testing.T) {
			file := kindFile(spec.Kind)
			src := "---\n" + fullYAML(spec.Keys, "") + "---\nBody.\n"
			switch spec.Kind {
			case site.KindPostMortem:
				src = strings.Replace(src, "id: STORY-1", "id: PM-2026-001", 1)
			case site.KindDecision:
				src = strings.Replace(src, "id: STORY-1", "id: ADR-1", 1)
			}
			fsys := fstest.MapFS{file: {Data: []byte(src)}}
			p, diags := LoadPage(fsys, file, testConfig())
			if len(diags) > 0 || p == nil {
				t.Fatalf("decoding\n%s\ngave:\n%s", src, diagLines(diags))
			}
		})
	}
}

// TestSpecRequiredKeysAreRequired removes each required key in turn from a
// full page and expects the decoder to report it missing.
func TestSpecRequiredKeysAreRequired(t *testing.T) {
	for _, spec := range Specs() {
		if spec.Open {
			continue
		}
		for _, name := range spec.Required() {
			keys := slices.DeleteFunc(slices.Clone(spec.Keys), func(k Key) bool { return k.Name == name })
			file := kindFile(spec.Kind)
			src := "---\n" + fullYAML(keys, "") + "---\n"
			_, diags := LoadPage(fstest.MapFS{file: {Data: []byte(src)}}, file, testConfig())
			if !strings.Contains(diagLines(diags), fmt.Sprintf("missing required key %q", name)) {
				t.Errorf("%s without %s: got\n%s", spec.Kind, name, diagLines(diags))
			}
		}
	}
}

func TestSpecOfUnknownKindIsPage(t *testing.T) {
	if s := SpecOf("nonsense"); !s.Open || s.Kind != site.KindPage {
		t.Errorf("SpecOf(nonsense) = %+v, want the page spec", s)
	}
	if got := len(Specs()); got != len(site.Kinds) {
		t.Errorf("len(Specs()) = %d, want %d", got, len(site.Kinds))
	}
}

// kindFile is a file of the kind's folder, or a plain page.
func kindFile(kind site.Kind) string {
	if k, ok := site.KindByName(string(kind)); ok {
		return "content/" + k.Folder + "/a.md"
	}
	return "content/a.md"
}
