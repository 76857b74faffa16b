package content

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"almanac/generator/site"
)

// A page whose front matter cannot be parsed is not loaded, and every
// reference to it elsewhere (a story's release, an action item's tracking
// id, a link to its file) would be reported as unknown too, though the
// only thing to fix is the page itself. To tell those references apart,
// the page's error says what the page would have defined. That is read back
// from the parts of the front matter that parse on their own, by the
// decoder that reads whole pages, so a story's id, a release's version and
// every page's URL come out as they would have; a release's file name
// stands for its version when the front matter does not give one.

// identityKeys are the keys that say which page a page is and where it is
// published: the only ones read back from front matter that failed to
// parse.
var identityKeys = map[string]bool{
	"type": true, "id": true, "version": true, "slug": true, "url": true, "aliases": true, "redirect_from": true,
}

// lostKeys says what the page in the file name would have defined, in the
// form of site.Diagnostic.Lost. data is the file, nil when it could not be
// read.
func lostKeys(fsys fs.FS, name string, data []byte, cfg site.Config) string {
	m, root := salvage(name, data)
	p, _ := decodeTree(fsys, name, m, root, cfg, nil)
	keys := []string{"file " + name}
	if p == nil {
		return keys[0]
	}
	switch {
	case p.Story != nil || p.PostMortem != nil:
		if id := kindID(p); id != "" && idRE.MatchString(id) {
			keys = append(keys, "id "+id)
		} else {
			keys = append(keys, "id ?")
		}
	case p.Release != nil:
		v := p.Release.Version
		if v == "" {
			if fv := stripExt(path.Base(name)); validVersion(fv) {
				v = fv
				p.URL = "/" + sectionOf("release") + "/" + v + "/"
			}
		}
		if v == "" {
			keys = append(keys, "release ?")
		} else {
			keys = append(keys, "release "+v)
		}
	}
	if p.URL != "" {
		keys = append(keys, "url "+p.URL)
	}
	for _, a := range p.Aliases {
		keys = append(keys, "url "+a)
	}
	return strings.Join(keys, "\n")
}

func validVersion(v string) bool {
	_, err := site.ParseSemVer(v)
	return err == nil
}

// salvage splits a file that failed to load and returns its front matter
// as far as it can be parsed, less every key but the identity keys. Front
// matter that is never closed is read up to a line that looks like a
// mistyped closing delimiter.
func salvage(name string, data []byte) (matter, *node) {
	root := &node{kind: mapNode, line: 1, col: 1}
	if data == nil {
		return matter{}, root
	}
	data = normalize(data)
	m, d := splitMatter(name, data)
	if d != nil {
		line, delim := openingLine(data)
		if delim == nil {
			return matter{}, root
		}
		lines := bytes.SplitAfter(data, []byte{'\n'})
		from := line // the line after the opening one
		if delim.object {
			from = line - 1 // a bare JSON object's brace is part of it
		}
		var raw []byte
		for _, l := range lines[min(from, len(lines)):] {
			if t := bytes.TrimSpace(l); len(t) > 0 && len(bytes.Trim(t, "-+;")) == 0 {
				break
			}
			raw = append(raw, l...)
		}
		m = matter{format: delim.format, raw: raw, rawLine: line + 1}
	}
	var entries []entry
	switch m.format {
	case formatYAML:
		entries = salvageYAML(m.raw)
	case formatTOML:
		entries = salvageTOML(m.raw)
	case formatJSON:
		entries = salvageJSON(m.raw)
	}
	count := map[string]int{}
	for _, e := range entries {
		count[strings.ToLower(e.key)]++
	}
	for _, e := range entries {
		// A key read twice is left out: which one the page meant is not
		// known.
		if k := strings.ToLower(e.key); identityKeys[k] && count[k] == 1 {
			root.entries = append(root.entries, e)
		}
	}
	return m, root
}

// salvageYAML parses each top-level entry of YAML front matter (a line
// that starts at the margin, with the indented lines below it) on its own
// and keeps those that parse.
func salvageYAML(raw []byte) []entry {
	var out []entry
	lines := bytes.SplitAfter(raw, []byte{'\n'})
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && !startsYAMLEntry(lines[j]) {
			j++
		}
		if startsYAMLEntry(lines[i]) {
			if n := yamlChunk(bytes.Join(lines[i:j], nil)); n != nil && n.kind == mapNode {
				out = append(out, n.entries...)
			}
		}
		i = j
	}
	return out
}

// startsYAMLEntry reports whether a line may start a top-level entry:
// it starts at the margin and is no comment, list item or closing bracket.
func startsYAMLEntry(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	return !strings.ContainsRune(" \t\r\n#-]},", rune(line[0]))
}

// yamlChunk parses one piece of YAML, nil when it does not parse.
func yamlChunk(chunk []byte) (root *node) {
	defer func() {
		if recover() != nil {
			root = nil
		}
	}()
	var doc yaml.Node
	if yaml.Unmarshal(chunk, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	b := yamlBuilder{first: 1}
	root, _ = b.build(doc.Content[0], 0)
	return root
}

// tomlKeyLine matches a line that starts a TOML key/value pair.
var tomlKeyLine = regexp.MustCompile(`^\s*[A-Za-z0-9_"'-][^=]*=`)

// salvageTOML parses each top-level key/value pair of TOML front matter,
// before the first table, on its own and keeps those that parse.
func salvageTOML(raw []byte) []entry {
	var out []entry
	var chunk []byte
	flush := func() {
		if len(chunk) > 0 {
			if n, err := parseTOML(chunk, 1); err == nil {
				out = append(out, n.entries...)
			}
		}
		chunk = nil
	}
	for _, l := range bytes.SplitAfter(raw, []byte{'\n'}) {
		if bytes.HasPrefix(bytes.TrimSpace(l), []byte("[")) && !bytes.Contains(l, []byte("=")) {
			break // a table: what follows is not top level
		}
		if tomlKeyLine.Match(l) {
			flush()
		}
		chunk = append(chunk, l...)
	}
	flush()
	return out
}

// salvageJSON reads the members of a JSON object up to the first one that
// cannot be read.
func salvageJSON(raw []byte) []entry {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	var out []entry
	for dec.More() {
		tok, err := dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			break
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			break
		}
		if n := jsonValue(v); n != nil {
			out = append(out, entry{key: key, line: 1, col: 1, val: n})
		}
	}
	return out
}

// jsonValue turns a text or a list of texts into a node; other values are
// not needed.
func jsonValue(v any) *node {
	switch v := v.(type) {
	case string:
		return &node{kind: stringNode, text: v, line: 1, col: 1}
	case []any:
		n := &node{kind: listNode, line: 1, col: 1}
		for _, item := range v {
			s, ok := item.(string)
			if !ok {
				return nil
			}
			n.items = append(n.items, &node{kind: stringNode, text: s, line: 1, col: 1})
		}
		return n
	}
	return nil
}
