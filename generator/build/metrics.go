package build

import (
	"almanac/generator/chart"
	"almanac/generator/markdown"
	"almanac/generator/render"
	"almanac/generator/site"
)

// extraCSS is what a build appends to the theme's stylesheet: the colours
// of highlighted code and of the charts, both with a light and a dark
// value.
func extraCSS() string { return markdown.HighlightCSS() + "\n" + chart.CSS() }

// markdownOptions are the Markdown options of one build of s: raw HTML as
// the site says, the Builder's highlighting cache, and ```chart blocks
// drawn from the report prep was given, so a chart in any page shows the
// same figures as /metrics/.
func (b *Builder) markdownOptions(s *site.Site, prep *render.Prepared) markdown.Options {
	return markdown.Options{
		Unsafe:    s.Config.MarkdownUnsafe,
		Highlight: b.highlight,
		Fences:    map[string]markdown.FenceFunc{"chart": prep.ChartFence()},
	}
}
