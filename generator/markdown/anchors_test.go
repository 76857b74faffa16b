package markdown

import (
	"regexp"
	"strings"
	"testing"
)

const om = "<!-- raw HTML omitted -->"

// TestSafeAnchors: with raw HTML left out, <a name> and <a id> still give
// their anchor, as on GitHub, and nothing else of the HTML gets through.
func TestSafeAnchors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"inline name", `Text <a name="7"></a>here.`,
			`<p>Text <a id="7"></a>` + om + "here.</p>\n"},
		{"alone on a line", "<a name=\"install\"></a>\n\n## Install\n",
			`<p><a id="install"></a>` + om + "</p>\n" + `<h2 id="install">Install</h2>` + "\n"},
		{"block", "<a id=\"install\">\n</a>\n",
			`<a id="install"></a>` + "\n"},
		{"block of several", "<a name=\"one\">\n  <a id='two'></a>\n",
			`<a id="one"></a><a id="two"></a>` + "\n"},
		{"single quotes", `<a id='q'></a>x`, `<p><a id="q"></a>` + om + "x</p>\n"},
		{"unquoted inside a paragraph", `See <a id=x>here</a>.`,
			`<p>See <a id="x"></a>here` + om + ".</p>\n"},
		{"uppercase", `<A NAME="Up"></A>`, `<p><a id="Up"></a>` + om + "</p>\n"},
		{"id before name", `<a name="n" id="i"></a>`, `<p><a id="i"></a>` + om + "</p>\n"},
		{"id after name", `<a id="i" name="n"></a>`, `<p><a id="i"></a>` + om + "</p>\n"},
		{"href and onclick dropped", `<a href="/x" name="x" onclick="alert(1)" class="c" style="color:red">t</a>`,
			`<p><a id="x"></a>t` + om + "</p>\n"},
		{"javascript href", `<a name="j" href="javascript:alert(1)">t</a>`,
			`<p><a id="j"></a>t` + om + "</p>\n"},
		{"name and fragment href", `<a name="x" href="#y">t</a>`,
			`<p><a id="x"></a>t` + om + "</p>\n"},
		{"self-closing", `<a name="s"/>x`, `<p><a id="s"></a>x</p>` + "\n"},
		{"entity in value", `<a name="a&amp;b&quot;"></a>`, `<p><a id="a&amp;b&#34;"></a>` + om + "</p>\n"},
		{"markup in value escaped", `<a id='"><script>alert(1)</script>'>`,
			`<a id="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"></a>` + "\n"},
		{"empty name", `<a name=""></a>x`, "<p>" + om + om + "x</p>\n"},
		{"space in name", `<a name="two words"></a>x`, "<p>" + om + om + "x</p>\n"},
		{"encoded space in name", `<a name="a&#32;b"></a>x`, "<p>" + om + om + "x</p>\n"},
		{"empty id, not its name", `<a id="" name="n"></a>x`, "<p>" + om + om + "x</p>\n"},
		{"no id or name", `<a href="#x">t</a>`, "<p>" + om + "t" + om + "</p>\n"},
		{"escaped quote is no escape", `<a name="x\" onmouseover=alert(1)">t</a>`,
			"<p>&lt;a name=&quot;x&quot; onmouseover=alert(1)&quot;&gt;t" + om + "</p>\n"},
		{"attribute injection by quotes", `<a name='x"onmouseover="alert(1)'>t</a>`,
			`<p><a id="x&#34;onmouseover=&#34;alert(1)"></a>t` + om + "</p>\n"},
		{"attribute injection with a space", `<a name='x" onmouseover="alert(1)'>t</a>`,
			"<p>" + om + "t" + om + "</p>\n"},
		// GitHub keeps id on every element: <span id="7"> and <b id="x"> are
		// anchors there too. Only the id comes through.
		{"another tag", `<abbr id="x">t</abbr> <img id="i" src=x onerror=alert(1)>`,
			`<p><a id="x"></a>t` + om + ` <a id="i"></a></p>` + "\n"},
		{"span", `see <span id="7"></span>note`, `<p>see <a id="7"></a>` + om + "note</p>\n"},
		{"block with more than anchors", "<a id=\"x\">\n<script>alert(1)</script>\n",
			`<a id="x"></a>` + om + "\n"},
		{"script hides its text", "<script>\nvar s = '<a id=\"s\">';\n</script>\n", om + "\n" + om + "\n"},
		{"other block", "<div id=\"d\">\n</div>\n", `<a id="d"></a>` + "\n"},
		{"block with text", "<details id=\"more\">\n<summary>More</summary>\ntext\n</details>\n",
			`<a id="more"></a>` + om + "\n"},
		{"comment", `<!-- <a id="c"> -->x`, om + "\n"},
		{"inline comment", `x <!-- <a id="c"> -->`, "<p>x " + om + "</p>\n"},
		{"tag over two lines", "x <a\nname=\"two-line\">y", "<p>x <a id=\"two-line\"></a>y</p>\n"},
	}
	safe, unsafe := New(Options{}), New(Options{Unsafe: true})
	// Text is escaped, so any "<" left is a tag. The only ones allowed
	// are the anchors and goldmark's own, and an <a> has no attribute
	// but its id.
	allowed := regexp.MustCompile(`<a id="[^"\s]+"></a>|</?p>|</?h2( id="[^"]*")?>|<!-- raw HTML omitted -->`)
	for _, tt := range tests {
		got := render(t, safe, 1, tt.src, nil).HTML
		if got != tt.want {
			t.Errorf("%s: %q renders\n%q, want\n%q", tt.name, tt.src, got, tt.want)
		}
		if rest := allowed.ReplaceAllString(got, ""); strings.Contains(rest, "<") {
			t.Errorf("%s: %q lets other HTML through:\n%s", tt.name, tt.src, got)
		}
		if u := render(t, unsafe, 1, tt.src, nil).HTML; strings.Contains(u, om) {
			t.Errorf("%s: unsafe output leaves HTML out:\n%s", tt.name, u)
		}
	}
}

// TestUnsafeAnchorsUnchanged: with raw HTML let through, an <a> tag comes
// out as written.
func TestUnsafeAnchorsUnchanged(t *testing.T) {
	src := "<a name=\"x\" href=\"#y\" class=c>t</a>\n\n<a id='b'>\n</a>\n"
	want := "<p><a name=\"x\" href=\"#y\" class=c>t</a></p>\n<a id='b'>\n</a>\n"
	if got := render(t, New(Options{Unsafe: true}), 1, src, nil).HTML; got != want {
		t.Errorf("unsafe renders\n%q, want\n%q", got, want)
	}
}
