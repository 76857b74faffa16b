package content

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"almanac/generator/site"
)

// TestShortcodes loads content/handbook/page.md with the body of each case
// beside a few other files, and compares the body almanac hands to
// Markdown and every diagnostic.
func TestShortcodes(t *testing.T) {
	const file = "content/handbook/page.md"
	tests := []struct {
		name, body, want string
		diags            []string
	}{
		{"ref from the content folder",
			`See [db]({{< ref "runbooks/db.md" >}}) now.`,
			`See [db](../runbooks/db.md·) now.`, nil},
		{"relref beside the page, with an anchor",
			`[local]({{< relref "local.md#steps" >}})`,
			`[local](local.md#steps·)`, nil},
		{"percent delimiters and single quotes",
			`[db]({{% ref 'runbooks/db.md' %}})`,
			`[db](../runbooks/db.md·)`, nil},
		{"no quotes and no extension",
			`[db]({{< ref runbooks/db >}})`,
			`[db](../runbooks/db.md·)`, nil},
		{"a section and a bundle",
			`[s]({{< ref "/runbooks" >}}) [b]({{< ref "bundle" >}})`,
			`[s](../runbooks/_index.md  ) [b](bundle/index.md     )`, nil},
		{"leading slash is the content folder",
			`[l]({{< ref "/handbook/local.md" >}})`,
			`[l](local.md·)`, nil},
		{"beside the page comes first",
			`[same]({{< ref "db.md" >}})`,
			`[same](db.md·)`, nil},
		{"path argument",
			`[db]({{< relref path="runbooks/db.md" lang="en" >}})`,
			`[db](../runbooks/db.md·)`, nil},
		{"anchor written after the shortcode",
			`[db]({{< ref "runbooks/db.md" >}}#failover)`,
			`[db](../runbooks/db.md#failover·)`, nil},
		{"anchor on this page",
			`[up]({{< ref "#top" >}})`,
			`[up](#top·)`, nil},
		{"link title after the destination",
			`[db]({{< ref "runbooks/db.md" >}} "The database")`,
			`[db](../runbooks/db.md·"The database")`, nil},
		{"reference definition",
			"[db][]\n\n[db]: {{< ref \"runbooks/db.md\" >}}\n",
			"[db][]\n\n[db]: ../runbooks/db.md·\n", nil},
		{"missing file: the likely path, for the link check",
			`[x]({{< ref "runbooks/gone.md" >}}) [y]({{< ref "gone" >}})`,
			`[x](../runbooks/gone.md           ) [y](gone.md           )`, nil},
		{"a file name with spaces",
			`[n]({{< ref "On Call.md" >}})`,
			`[n](On%20Call.md·)`, nil},
		{"ref outside a link",
			"Read {{< ref \"runbooks/db.md\" >}} first.",
			"",
			[]string{`page.md:4:6: warning: Hugo shortcode {{< ref >}} is not run: left as text (ref and relref are read as a link's destination only: [text]({{< ref "page.md" >}}), or write the relative path [text](page.md))`}},
		{"other shortcodes",
			"Intro {{< figure src=\"a.png\" >}}\n\n{{% notice warning %}}\nCareful.\n{{% /notice %}}\n",
			"",
			[]string{
				"page.md:4:7: warning: Hugo shortcode {{< figure >}} is not run: left as text (almanac runs no shortcodes: write what it would give in Markdown or HTML, or put it in `code` to show it)",
				"page.md:6:1: warning: Hugo shortcode {{% notice %}} is not run: left as text (almanac runs no shortcodes: write what it would give in Markdown or HTML, or put it in `code` to show it)"}},
		{"Liquid",
			"Version {{ site.version }} by {{page.author | upcase}}.\n{% include note.html %}\n{% if x %}a{% else %}b{% endif %}\n",
			"",
			[]string{
				"page.md:4:9: warning: Liquid variable {{ site.version }} is not filled in: left as text (almanac runs no Liquid: write the value itself, or put it in `code` to show it)",
				"page.md:4:31: warning: Liquid variable {{ page.author }} is not filled in: left as text (almanac runs no Liquid: write the value itself, or put it in `code` to show it)",
				"page.md:5:1: warning: Liquid tag {% include %} is not run: left as text (almanac runs no Liquid: write what it would give in Markdown or HTML, or put it in `code` to show it)",
				"page.md:6:1: warning: Liquid tag {% if %} is not run: left as text (almanac runs no Liquid: write what it would give in Markdown or HTML, or put it in `code` to show it)"}},
		{"Liquid link",
			"[post]({% post_url 2026-05-04-train %})\n",
			"",
			[]string{"page.md:4:8: warning: Liquid tag {% post_url %} is not run: left as text (write a relative link to the file instead, e.g. [text](../_posts/2026-05-04-name.md))"}},
		{"raw is looked at once",
			"{% raw %}{{ site.x }} {% include y %}{% endraw %} {{ page.z }}\n",
			"",
			[]string{
				"page.md:4:1: warning: Liquid tag {% raw %} is not run: left as text (almanac runs no Liquid: write what it would give in Markdown or HTML, or put it in `code` to show it)",
				"page.md:4:51: warning: Liquid variable {{ page.z }} is not filled in: left as text (almanac runs no Liquid: write the value itself, or put it in `code` to show it)"}},
		{"code is left alone",
			"Write `{{< ref \"db.md\" >}}` or `{% include x %}`.\n\n```\n[db]({{< ref \"runbooks/db.md\" >}})\n{{ site.title }}\n```\n\n    {{< figure >}}\n\n- item\n\n  ~~~md\n  {{% notice %}}\n  ~~~\n> ```\n> {% include y %}\n> ```\n",
			"", nil},
		{"Hugo's comment form and other braces",
			"{{</* figure */>}} {{ .Title }} {{ not liquid }} {% %} {\"json\": {}}\n",
			"", nil},
		{"never closed",
			"{{< figure src=\"a.png\"\n",
			"",
			[]string{`page.md:4:1: warning: Hugo shortcode {{< figure is never closed: left as text (end it with >}})`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				file:                               {Data: []byte("---\ntitle: Page\n---\n" + tt.body)},
				"content/handbook/local.md":        {Data: []byte("# Local\n")},
				"content/handbook/db.md":           {Data: []byte("# Same name\n")},
				"content/handbook/On Call.md":      {Data: []byte("# On call\n")},
				"content/handbook/bundle/index.md": {Data: []byte("# Bundle\n")},
				"content/runbooks/_index.md":       {Data: []byte("# Runbooks\n")},
				"content/runbooks/db.md":           {Data: []byte("# DB\n")},
			}
			p, diags := LoadPage(fsys, file, testConfig())
			if p == nil {
				t.Fatal(diagLines(diags))
			}
			want := padded(tt.body, tt.want)
			if string(p.Body) != want {
				t.Errorf("body\n%s\nwant\n%s", p.Body, want)
			}
			var wantDiags []string
			for _, d := range tt.diags {
				wantDiags = append(wantDiags, "content/handbook/"+d)
			}
			if got := strings.TrimSuffix(diagLines(diags), "\n"); got != strings.Join(wantDiags, "\n") {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, strings.Join(wantDiags, "\n"))
			}
		})
	}
}

// padded returns want, in which one · on a line marks where spaces pad a
// rewritten line to the width of its line in body; "" means body
// unchanged.
func padded(body, want string) string {
	if want == "" {
		return body
	}
	lines := strings.Split(want, "\n")
	orig := strings.Split(body, "\n")
	for i, l := range lines {
		if strings.Contains(l, "·") && i < len(orig) {
			pad := utf8.RuneCountInString(orig[i]) - (utf8.RuneCountInString(l) - 1)
			lines[i] = strings.Replace(l, "·", strings.Repeat(" ", max(pad, 0)), 1)
		}
	}
	return strings.Join(lines, "\n")
}

func TestRelPath(t *testing.T) {
	for _, tt := range []struct{ dir, file, want string }{
		{"content/a", "content/a/b.md", "b.md"},
		{"content/a", "content/c/d.md", "../c/d.md"},
		{"content/a/b", "content/c.md", "../../c.md"},
		{".", "a/b.md", "a/b.md"},
		{"content", "content/x/index.md", "x/index.md"},
	} {
		if got := relPath(tt.dir, tt.file); got != tt.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tt.dir, tt.file, got, tt.want)
		}
	}
}

func TestHasTemplate(t *testing.T) {
	for s, want := range map[string]bool{"": false, "{": false, "a { b } {x}": false, "{{": true, "x {% y": true, "{ {%": true} {
		if got := hasTemplate([]byte(s)); got != want {
			t.Errorf("hasTemplate(%q) = %v", s, got)
		}
	}
}

// FuzzShortcodes: any body is read without panics, and a rewrite never
// moves a line.
func FuzzShortcodes(f *testing.F) {
	for _, seed := range []string{
		`[a]({{< ref "b.md" >}})`, "[a]: {{% relref path='x' %}}#y\n", "{% raw %}{{ page.x }}", "{{< a", "{{</* a */>}}",
		"```\n{{< a >}}\n```\n`{{< b >}}`", "[x]({{< ref `` >}})", "[x]({{< ref \"#\" >}}", "[x]({{< ref path= >}})",
	} {
		f.Add([]byte(seed))
	}
	fsys := fstest.MapFS{"content/a/b.md": {Data: []byte("x")}, "content/x.md": {Data: []byte("x")}}
	f.Fuzz(func(t *testing.T, body []byte) {
		out, _ := expandShortcodes(fsys, "content/a/page.md", body, 1, "content")
		if bytes.Count(out, []byte{'\n'}) != bytes.Count(body, []byte{'\n'}) {
			t.Fatalf("lines moved:\n%q\n%q", body, out)
		}
	})
}

// A page says whether its links came from ref shortcodes, which depend on
// the files there are: a warm build keys such a page by them.
func TestPageRefs(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a/b.md":    {Data: []byte("# B\n")},
		"content/a/ref.md":  {Data: []byte("---\ntitle: R\n---\nSee [b]({{< ref \"b.md\" >}}).\n")},
		"content/a/lost.md": {Data: []byte("---\ntitle: L\n---\nSee [c]({{< relref \"c\" >}}).\n")},
		"content/a/tags.md": {Data: []byte("---\ntitle: T\n---\n{{< youtube x >}} and `{{< ref \"b.md\" >}}`.\n")},
	}
	for name, want := range map[string]bool{"content/a/b.md": false, "content/a/ref.md": true, "content/a/lost.md": true, "content/a/tags.md": false} {
		p, diags := LoadPage(fsys, name, site.Config{})
		if p == nil {
			t.Fatalf("%s: %v", name, diags)
		}
		if p.Refs != want {
			t.Errorf("%s: Refs %v, want %v", name, p.Refs, want)
		}
	}
}
