package content

import (
	"testing"
	"testing/fstest"
)

// FuzzLoadPage feeds arbitrary bytes to every kind of page and to the
// configuration: nothing may panic, and a nil page always comes with an
// error.
func FuzzLoadPage(f *testing.F) {
	for _, seed := range []string{
		storyYAML, storyTOML, storyJSON, releaseYAML, releaseTOML, releaseJSON, pmYAML, pmTOML, pmJSON,
		"", "---", "---\n---\n", "+++\n+++\n", "{\n}\n\n", ";;;\n{}\n;;;\n", "\ufeff---\r\nid: x\r\n---\r\n",
		"---\na: &a [*a]\n---\n", "---\n<<: {a: 1}\n---\n", "+++\n[[a]]\n[[a.b]]\nc = 1\n+++\n",
		"+++\na = \"\"\"\n[x]\n\"\"\"\nb = { c = [1, { d = 2 }] }\n+++\n", "---\ntitle: caf\xe9\n---\n",
		"---\ncsv: x.csv\ntitle: M\n---\n",
	} {
		f.Add([]byte(seed))
	}
	names := []string{"content/stories/f.md", "content/releases/f.md", "content/postmortems/f.md",
		"content/metrics/f.md", "content/f.md", "content/_index.md"}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"almanac.toml": {Data: data}, "content/metrics/x.csv": {Data: data}}
		for _, name := range names {
			fsys[name] = &fstest.MapFile{Data: data}
		}
		for _, name := range names {
			p, diags := LoadPage(fsys, name, testConfig())
			if p == nil && !diags.HasErrors() {
				t.Fatalf("%s: nil page without an error", name)
			}
		}
		_, _ = LoadConfig(fsys)
	})
}
