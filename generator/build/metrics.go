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
// the site says, the Builder's highlighting cache, and the fenced blocks
// the render extensions draw (```chart from the report prep was given, so
// a chart in any page shows the same figures as /metrics/).
func (b *Builder) markdownOptions(s *site.Site, prep *render.Prepared) markdown.Options {
	opts := b.plainOptions(s)
	opts.Fences = map[string]markdown.FenceFunc{}
	for lang, fn := range prep.Fences() {
		opts.Fences[lang] = fn
	}
	return opts
}

// plainOptions are the Markdown options without the extensions' blocks.
func (b *Builder) plainOptions(s *site.Site) markdown.Options {
	return markdown.Options{Unsafe: s.Config.MarkdownUnsafe, Highlight: b.highlight}
}

// plainMarkdown renders without the extensions' blocks, for a site whose
// templates could not be read.
func (b *Builder) plainMarkdown(s *site.Site) *markdown.Markdown {
	return markdown.New(b.plainOptions(s))
}
