package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"almanac/generator/site"
)

// Template syntax of other generators in a page body.
//
// Hugo's ref and relref shortcodes as a link's destination, written
// [x]({{< ref "runbooks/db.md" >}}) or [x]: {{% relref 'db.md#anchor' %}}
// (quotes double, single, back or none; the path also as path="…"), are
// rewritten into the relative path of the file they name, which the link
// resolver and the link check understand. As Hugo does, a path without a
// leading slash is looked for beside the page first, then from the content
// folder; one without an extension may name x.md, x/index.md, x/_index.md
// or x/README.md. A file found nowhere gives the path it most likely
// meant, which the link check then reports. The rewrite stays on its line,
// and when it is shorter than the shortcode (nearly always) it is padded
// with spaces before the link's ")" so that columns after it do not move.
//
// Every other Hugo shortcode ({{< name … >}}, {{% name … %}}), Liquid tag
// ({% name … %}) and Liquid variable ({{ site.… }}, {{ page.… }}, …) is
// left as text with one warning at its line and column. Closing tags
// ({{< /name >}}, {% endname %}) add none, Hugo's comment form {{</* … */>}}
// none, and the text between {% raw %} and {% endraw %} is not looked at.
// Nothing inside code blocks (fenced or indented) or code spans is looked
// at: people document shortcodes there.

// shortcodeScan bounds how far a shortcode's closing delimiter is looked
// for from its opening one.
const shortcodeScan = 4096

// expandShortcodes rewrites ref and relref link destinations in body, the
// Markdown of the file name (starting on file line bodyLine) in fsys, and
// warns about the template syntax it leaves. A body with no "{{" and no
// "{%" is returned as it is after one pass over its bytes.
func expandShortcodes(fsys fs.FS, name string, body []byte, bodyLine int, contentDir string) ([]byte, site.Diagnostics) {
	if !hasTemplate(body) {
		return body, nil
	}
	s := &shortcodes{fsys: fsys, name: name, body: body, contentDir: contentDir,
		li: newLineIndex(body, bodyLine), code: codeRanges(body)}
	s.scan()
	if s.out == nil {
		return body, s.diags
	}
	s.out = append(s.out, body[s.copied:]...)
	return s.out, s.diags
}

// rewrote reports whether expandShortcodes rewrote a ref or relref in body,
// returning out: it returns the body it was given otherwise.
func rewrote(body, out []byte) bool {
	return len(out) > 0 && (len(body) == 0 || &out[0] != &body[0])
}

// hasTemplate reports whether b holds "{{" or "{%".
func hasTemplate(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '{')
		if i < 0 || i+1 >= len(b) {
			return false
		}
		if b[i+1] == '{' || b[i+1] == '%' {
			return true
		}
		b = b[i+1:]
	}
}

type shortcodes struct {
	fsys       fs.FS
	name       string
	body       []byte
	contentDir string
	li         *lineIndex
	code       []span
	diags      site.Diagnostics

	out    []byte // the rewritten body, nil until the first rewrite
	copied int    // body[:copied] is in out
}

// span is a byte range [start, end) of the body.
type span struct{ start, end int }

var (
	hugoOpen   = regexp.MustCompile(`^\{\{([<%])\s*(/\*)?\s*(/)?\s*([\w./-]+)`)
	liquidTag  = regexp.MustCompile(`^\{%-?\s*(\w+)`)
	liquidVar  = regexp.MustCompile(`^\{\{-?\s*((?:site|page|include|layout|jekyll|paginator)\.[\w.\-\[\]"']*)`)
	refDefHead = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*$`)
)

func (s *shortcodes) scan() {
	b := s.body
	rawEnd := -1 // inside {% raw %}: where {% endraw %} was seen to start
	for i := 0; i < len(b)-1; i++ {
		if b[i] != '{' || (b[i+1] != '{' && b[i+1] != '%') {
			continue
		}
		if s.inCode(i) {
			continue
		}
		rest := b[i:min(len(b), i+shortcodeScan)]
		if rawEnd >= 0 {
			if m := liquidTag.FindSubmatch(rest); m != nil && string(m[1]) == "endraw" {
				rawEnd = -1
				i += len(m[0]) - 1
			}
			continue
		}
		if m := hugoOpen.FindSubmatch(rest); m != nil {
			i = s.hugo(i, rest, m) - 1
			continue
		}
		if m := liquidTag.FindSubmatch(rest); m != nil {
			tag := string(m[1])
			if tag == "raw" {
				rawEnd = 0
			}
			if !strings.HasPrefix(tag, "end") && tag != "else" && tag != "elsif" && tag != "when" {
				hint := "almanac runs no Liquid: write what it would give in Markdown or HTML, or put it in `code` to show it"
				if tag == "link" || tag == "post_url" {
					hint = "write a relative link to the file instead, e.g. [text](../_posts/2026-05-04-name.md)"
				}
				s.warn(i, hint, "Liquid tag {%% %s %%} is not run: left as text", tag)
			}
			i += len(m[0]) - 1
			continue
		}
		if m := liquidVar.FindSubmatch(rest); m != nil {
			s.warn(i, "almanac runs no Liquid: write the value itself, or put it in `code` to show it",
				"Liquid variable {{ %s }} is not filled in: left as text", m[1])
			i += len(m[0]) - 1
		}
	}
}

// hugo handles the shortcode that opens at i, whose start m matched, and
// returns the offset to go on from.
func (s *shortcodes) hugo(i int, rest []byte, m [][]byte) int {
	open := m[1][0]
	closer := ">}}"
	if open == '%' {
		closer = "%}}"
	}
	end := bytes.Index(rest, []byte(closer))
	if end < 0 {
		s.warn(i, fmt.Sprintf("end it with %s", closer), "Hugo shortcode {{%c %s is never closed: left as text", open, m[4])
		return i + len(m[0])
	}
	end += len(closer)
	name := string(m[4])
	switch {
	case len(m[2]) > 0, len(m[3]) > 0: // {{</* comment */>}}, {{< /closing >}}
		return i + end
	case name == "ref" || name == "relref":
		if s.inDestination(i) {
			if arg := refArg(string(rest[len(m[0]) : end-len(closer)])); arg != "" {
				s.rewriteRef(i, i+end, arg)
				return i + end
			}
		}
		s.warn(i, `ref and relref are read as a link's destination only: [text]({{< ref "page.md" >}}), or write the relative path [text](page.md)`,
			"Hugo shortcode {{%c %s %c}} is not run: left as text", open, name, closer[0])
		return i + end
	}
	s.warn(i, "almanac runs no shortcodes: write what it would give in Markdown or HTML, or put it in `code` to show it",
		"Hugo shortcode {{%c %s %c}} is not run: left as text", open, name, closer[0])
	return i + end
}

// inDestination reports whether offset i starts a link destination: right
// after "](" (spaces allowed) or after a reference definition's "[x]:".
func (s *shortcodes) inDestination(i int) bool {
	lineStart := bytes.LastIndexByte(s.body[:i], '\n') + 1
	before := s.body[lineStart:i]
	if bytes.HasSuffix(bytes.TrimRight(before, " \t"), []byte("](")) {
		return true
	}
	return refDefHead.Match(before)
}

// refArg returns the path a ref or relref names: its first positional
// argument, or its path= argument.
func refArg(args string) string {
	var positional, named string
	for args = strings.TrimSpace(args); args != ""; args = strings.TrimSpace(args) {
		key := ""
		if k, v, ok := strings.Cut(args, "="); ok && !strings.ContainsAny(k, " \t\"'`") {
			key, args = k, strings.TrimSpace(v)
			if args == "" {
				break
			}
		}
		var val string
		switch q := args[0]; q {
		case '"', '\'', '`':
			j := strings.IndexByte(args[1:], q)
			if j < 0 {
				return ""
			}
			val, args = args[1:j+1], args[j+2:]
		default:
			j := strings.IndexAny(args, " \t")
			if j < 0 {
				j = len(args)
			}
			val, args = args[:j], args[j:]
		}
		switch {
		case key == "path":
			named = val
		case key == "" && positional == "":
			positional = val
		}
	}
	return strings.TrimSpace(cmpOr(named, positional))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// rewriteRef replaces body[start:end], a ref naming arg, with the relative
// path of the file it names. A #fragment written right after the
// shortcode is kept with it.
func (s *shortcodes) rewriteRef(start, end int, arg string) {
	target, frag, _ := strings.Cut(arg, "#")
	after := s.body[end:]
	if j := bytes.IndexAny(after, " \t\n)\""); len(after) > 0 && after[0] == '#' {
		if j < 0 {
			j = len(after)
		}
		if frag == "" {
			frag = string(after[1:j])
		}
		end += j
	}
	dest := ""
	if target != "" {
		dest = strings.ReplaceAll(s.findRef(target), " ", "%20")
	}
	if frag != "" {
		dest += "#" + frag
	}
	if dest == "" {
		dest = "#"
	}
	s.out = append(s.out, s.body[s.copied:start]...)
	s.out = append(s.out, dest...)
	// Pad to the shortcode's width when what follows allows spaces.
	if pad := utf8.RuneCount(s.body[start:end]) - utf8.RuneCountInString(dest); pad > 0 &&
		(end == len(s.body) || strings.IndexByte(" \t\n)\"'", s.body[end]) >= 0) {
		s.out = append(s.out, bytes.Repeat([]byte{' '}, pad)...)
	}
	s.copied = end
}

// findRef returns the path, relative to the page's folder, of the file a
// ref names.
func (s *shortcodes) findRef(target string) string {
	dir := path.Dir(s.name)
	root := s.contentDir
	if root == "" {
		root = "."
	}
	bases := []string{dir, root}
	if strings.HasPrefix(target, "/") {
		bases = []string{root}
	}
	variants := []string{target}
	if path.Ext(target) == "" {
		t := strings.TrimSuffix(target, "/")
		variants = append(variants, t+".md", t+"/index.md", t+"/_index.md", t+"/README.md")
	}
	for _, base := range bases {
		for _, v := range variants {
			file := path.Join(base, v)
			if hasDotDot(strings.TrimPrefix(file, "/")) {
				continue
			}
			if s.fsys == nil {
				break
			}
			if st, err := fs.Stat(s.fsys, file); err == nil && !st.IsDir() {
				return relPath(dir, file)
			}
		}
	}
	// Found nowhere: what was most likely meant, for the link check to
	// report.
	base := root
	if !strings.Contains(strings.TrimPrefix(target, "/"), "/") && !strings.HasPrefix(target, "/") {
		base = dir
	}
	guess := variants[0]
	if len(variants) > 1 {
		guess = variants[1] // x.md
	}
	return relPath(dir, path.Join(base, guess))
}

// relPath returns the slash path of file relative to the folder dir.
func relPath(dir, file string) string {
	d := strings.Split(path.Clean(dir), "/")
	f := strings.Split(path.Clean(file), "/")
	if d[0] == "." {
		d = nil
	}
	n := 0
	for n < len(d) && n < len(f)-1 && d[n] == f[n] {
		n++
	}
	return strings.Repeat("../", len(d)-n) + strings.Join(f[n:], "/")
}

func (s *shortcodes) warn(off int, hint, format string, args ...any) {
	line, col := s.li.pos(off)
	s.diags.Add(site.Diagnostic{Pos: site.Pos{File: s.name, Line: line, Col: col}, Severity: site.Warning,
		Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// inCode reports whether offset off is inside a code block or span.
func (s *shortcodes) inCode(off int) bool {
	for len(s.code) > 0 && s.code[0].end <= off {
		s.code = s.code[1:]
	}
	return len(s.code) > 0 && s.code[0].start <= off
}

var blockParser = sync.OnceValue(func() parser.Parser { return goldmark.New().Parser() })

// codeRanges returns the byte ranges of body's code blocks and code spans,
// in order, as CommonMark reads them.
func codeRanges(body []byte) []span {
	var out []span
	doc := blockParser().Parse(text.NewReader(body))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				out = append(out, span{seg.Start, seg.Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			first, last := -1, -1
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					if first < 0 {
						first = t.Segment.Start
					}
					last = t.Segment.Stop
				}
			}
			if first >= 0 {
				out = append(out, span{first, last})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}
