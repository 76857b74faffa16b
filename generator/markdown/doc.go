// Package markdown turns a page body into HTML with one goldmark parse.
//
// A Markdown value holds a single configured goldmark instance (GFM,
// footnotes, heading attributes) plus almanac's own pieces: a code block
// renderer that highlights through chroma with a shared cache, custom
// fenced blocks rendered by the caller, and a wrapper that lets wide tables
// scroll on phones. Render parses a body once and walks the tree for the
// heading ids, table of contents, plain text and links before rendering the
// same tree to HTML.
//
// Heading ids are the ones GitHub gives the same heading, so that links
// checked in GitHub's preview hold on the site: the heading's rendered text
// lowercased, letters, marks, numbers, "_" and "-" of any script kept
// (Korean headings keep their Hangul), everything else dropped, each space
// turned into "-", nothing collapsed or trimmed, repeats numbered "-1",
// "-2", … in document order (ids.go has the details); an explicit {#id}
// always wins and is never handed out twice.
//
// Link positions: goldmark records the byte offset at which a link ("["),
// an image ("!") or an autolink ("<", or the first byte of a bare URL)
// starts, and Render maps it to the file's line (counted from bodyLine)
// and the 1-based byte column in that line, so positions are exact. Only
// for a node without a recorded offset does Render fall back to the byte
// before its first text, or to its enclosing block, which is approximate.
// Links report destinations as written; bare URLs found by linkify report
// the URL they link to (www.example.com as http://www.example.com) and
// email autolinks a mailto: URL.
package markdown
