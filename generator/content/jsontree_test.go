package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestJSONErrors checks that JSON front matter problems are reported where
// they are, and that a bare object is read whatever follows its brace.
func TestJSONErrors(t *testing.T) {
	const file = "content/a.md"
	tests := []struct {
		name, src string
		want      string // the diagnostics, or "" for none
		title     string // with no diagnostics: the page's title
	}{
		{"double comma", "{\n\"title\": \"x\",,\n\"date\": \"2026-01-01\"\n}\n\nbody\n",
			`a.md:2:14: error: malformed JSON front matter: invalid character ',' looking for beginning of object key string`, ""},
		{"double comma, body right after the brace", "{\n\"title\": \"x\",,\n\"date\": \"2026-01-01\"\n}\nbody\n",
			`a.md:2:14: error: malformed JSON front matter: invalid character ',' looking for beginning of object key string`, ""},
		{"double comma before a nested object", "{\n  \"title\": \"x\",,\n  \"params\": {\n    \"a\": 1\n  }\n}\n\nbody\n",
			`a.md:2:16: error: malformed JSON front matter: invalid character ',' looking for beginning of object key string`, ""},
		{"double comma on one line", ";;;\n{\"title\": \"x\",,}\n;;;\n",
			`a.md:2:15: error: malformed JSON front matter: invalid character ',' looking for beginning of object key string`, ""},
		{"trailing comma", "{\n\"title\": \"x\",\n}\nbody\n",
			`a.md:3:1: error: malformed JSON front matter: invalid character '}' looking for beginning of object key string`, ""},
		{"missing comma", "{\n\"title\": \"x\"\n\"date\": \"2026-01-01\"\n}\n\n",
			`a.md:3:1: error: malformed JSON front matter: invalid character '"' after object key:value pair`, ""},
		{"missing colon", "{\n\"title\" \"x\"\n}\n\n",
			`a.md:2:9: error: malformed JSON front matter: invalid character '"' after object key`, ""},
		{"bad value in a list", "{\n\"title\": \"x\",\n\"tags\": [\"a\", b]\n}\n\n",
			`a.md:3:15: error: malformed JSON front matter: invalid character 'b' looking for beginning of value`, ""},
		{"single quotes", "{\n\"title\": 'x'\n}\n\n",
			`a.md:2:10: error: malformed JSON front matter: invalid character '\'' looking for beginning of value`, ""},
		{"text after the brace", "{\n\"title\": \"x\"\n} trailing\nbody\n",
			`a.md:3:3: error: malformed JSON front matter: unexpected text after the object`, ""},
		{"brace in a string", "{\n\"title\": \"a } b {\"\n}\nbody\n", "", "a } b {"},
		{"body right after the brace", "{\n\"title\": \"x\"\n}\n# Heading\n", "", "x"},
		{"nested object, body right after", "{\n  \"title\": \"x\",\n  \"params\": {\"a\": 1}\n}\nbody\n", "", "x"},
		{"truly unclosed", "{\n\"title\": \"x\",\n\"date\": \"2026-01-01\"\n\nbody\n",
			`a.md:1:1: error: front matter opened with "{" is never closed (end it with a line holding only "}")`, ""},
		{"unclosed inside delimiters", ";;;\n{\"title\": \"x\",\n \"tags\": [\"a\"\n;;;\n",
			`a.md:3:14: error: malformed JSON front matter: unexpected end of JSON: the [ at line 3, column 10 is never closed`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := LoadPage(fstest.MapFS{file: {Data: []byte(tt.src)}}, file, testConfig())
			got := strings.TrimSuffix(diagLines(diags), "\n")
			want := ""
			if tt.want != "" {
				want = "content/" + tt.want
			}
			if got != want {
				t.Fatalf("got\n%s\nwant\n%s", got, want)
			}
			if tt.want == "" && (p == nil || p.Title != tt.title) {
				t.Errorf("page = %+v, want title %q", p, tt.title)
			}
		})
	}
}

func TestJSONEnd(t *testing.T) {
	tests := []struct {
		src       string
		end, open int
	}{
		{`{}`, 2, -1},
		{`{"a": [1, {"b": "}"}]} rest`, 22, -1},
		{`{"a": "\"}"}`, 12, -1},
		{`{"a": [1, 2`, -1, 6},
		{`{"a": "never`, -1, 0},
		{`}`, -1, -1},
	}
	for _, tt := range tests {
		end, open := jsonEnd([]byte(tt.src), 0)
		if end != tt.end || open != tt.open {
			t.Errorf("jsonEnd(%q) = %d, %d; want %d, %d", tt.src, end, open, tt.end, tt.open)
		}
	}
}
