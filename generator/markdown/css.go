package markdown

import (
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// The chroma styles behind HighlightCSS.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// HighlightCSS returns the stylesheet for highlighted code: the light
// style's rules, then the dark style's inside
// @media (prefers-color-scheme: dark). Every rule is scoped under .chroma.
// Tokens the dark style leaves alone but the light one colours are reset in
// the dark block so that no light colour bleeds into dark mode.
func HighlightCSS() string {
	light := cssRules(lightStyle)
	dark := cssRules(darkStyle)
	var b strings.Builder
	b.WriteString("/* Code highlighting (chroma " + lightStyle + " / " + darkStyle + ") */\n")
	for _, r := range light.order {
		b.WriteString(r + " { " + light.decl[r] + " }\n")
	}
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	for _, r := range light.order {
		if _, ok := dark.decl[r]; !ok {
			b.WriteString("  " + r + " { color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; text-decoration: inherit }\n")
		}
	}
	for _, r := range dark.order {
		b.WriteString("  " + r + " { " + dark.decl[r] + " }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// unusedRule reports rules for line numbers and line wrappers, which the
// code block renderer never emits.
func unusedRule(sel string) bool {
	switch sel {
	case ".chroma .lnlinks", ".chroma .lntd", ".chroma .lntable", ".chroma .hl",
		".chroma .lnt", ".chroma .ln", ".chroma .line", ".chroma .cl":
		return true
	}
	return false
}

type ruleSet struct {
	order []string          // selectors in chroma's order
	decl  map[string]string // selector → declarations
}

// cssRules returns the .chroma rules chroma writes for a style, leaving out
// the unscoped .bg rule and those for line wrappers we do not emit.
func cssRules(name string) ruleSet {
	var b strings.Builder
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithCSSComments(false))
	_ = f.WriteCSS(&b, styles.Get(name))
	rs := ruleSet{decl: map[string]string{}}
	for _, line := range strings.Split(b.String(), "\n") {
		sel, rest, ok := strings.Cut(line, " { ")
		if !ok || !strings.HasPrefix(sel, ".chroma") || unusedRule(sel) {
			continue
		}
		decl := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "}"))
		if decl == "" {
			continue
		}
		if _, dup := rs.decl[sel]; !dup {
			rs.order = append(rs.order, sel)
		}
		rs.decl[sel] = decl
	}
	return rs
}
