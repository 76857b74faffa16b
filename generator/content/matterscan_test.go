package content

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
)

// adrgSplit is what adrg/frontmatter's parser makes of data with the
// delimiters: findMatter must find the same.
func adrgSplit(t *testing.T, data []byte) (d *delimiter, raw []byte, body int) {
	formats := make([]*frontmatter.Format, len(delimiters))
	for i := range delimiters {
		dl := &delimiters[i]
		formats[i] = &frontmatter.Format{
			Start: dl.start, End: dl.end,
			UnmarshalDelims: dl.object, RequiresNewLine: dl.object,
			Unmarshal: func(b []byte, _ any) error {
				d, raw = dl, append([]byte(nil), b...)
				return nil
			},
		}
	}
	rest, err := frontmatter.Parse(bytes.NewReader(data), nil, formats...)
	if err != nil {
		t.Fatal(err)
	}
	return d, raw, len(data) - len(rest)
}

func checkFindMatter(t *testing.T, text string) {
	t.Helper()
	data := []byte(text)
	wd, wraw, wbody := adrgSplit(t, data)
	d, start, end, body := findMatter(data)
	if d != wd {
		t.Fatalf("%q: delimiter %v, want %v", text, d, wd)
	}
	if d == nil {
		return
	}
	if !bytes.Equal(data[start:end], wraw) || body != wbody {
		t.Fatalf("%q: raw %q body at %d, want %q at %d", text, data[start:end], body, wraw, wbody)
	}
}

func TestFindMatterSplitsAsTheLibrary(t *testing.T) {
	for _, text := range []string{
		"", "\n", "---", "---\n", "---\n---", "---\n---\n", "---\ntitle: a\n---\nbody\n",
		"\n\n  ---  \ntitle: a\n  ---\n\nbody", "+++\ntitle = 'a'\n+++\n", "---toml\na=1\n---\nx",
		";;;\n{}\n;;;\n", "{\n\"a\": 1\n}\n\nbody", "{\n\"a\": 1\n}\nbody\n", "{\n}\n}\n\nx",
		"{\n}\n}\n", "{\n}", "{\n}\n", "---\nno end\n", "text first\n---\na: 1\n---\n",
		"\t---\r\na: 1\r\n---\r\nbody", "---\n\u00a0---\nx", "---\na: 1\n---", "{\n\"a\":1\n}\n  \n",
	} {
		checkFindMatter(t, text)
	}
	lines := []string{"---", "+++", ";;;", "{", "}", "", " ", "a: 1", "---yaml", "---json", "x", "\t}"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(7) {
			b.WriteString(lines[r.IntN(len(lines))])
			b.WriteByte('\n')
		}
		text := b.String()
		if r.IntN(3) == 0 {
			text = strings.TrimSuffix(text, "\n")
		}
		checkFindMatter(t, text)
	}
}
