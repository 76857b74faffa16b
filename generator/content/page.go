package content

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"almanac/generator/site"
)

// kindNames are the values `type:` may take, in site.Kinds order.
var kindNames = func() []string {
	out := make([]string, len(site.Kinds))
	for i, k := range site.Kinds {
		out[i] = string(k)
	}
	return out
}()

// LoadPage reads and decodes one Markdown file. name is the file's slash
// path in fsys, the site root (e.g. "content/stories/export.md"). The page
// is nil when the file cannot be read or its front matter cannot be parsed;
// otherwise it is returned even when some fields had problems, so that a
// preview can show what there is beside the diagnostics. Cross references
// are left for Link.
//
// The error of a page that could not be loaded carries in its Lost field
// what the page would have defined (its id, version and URL, as far as they
// can be read), so that errors about references to them elsewhere can be
// told apart from the error that causes them (see site.Diagnostics.Sort).
func LoadPage(fsys fs.FS, name string, cfg site.Config) (*site.Page, site.Diagnostics) {
	return loadPage(fsys, name, cfg, nil, nil)
}

// loadPage is LoadPage with the front matter's tree read from trees when
// it holds it (trees may be nil), and the page and its values in sl's
// blocks when sl is not nil.
func loadPage(fsys fs.FS, name string, cfg site.Config, trees *TreeCache, sl *slabs) (*site.Page, site.Diagnostics) {
	cfg = withDefaults(cfg)
	data, d := readPage(fsys, name)
	if d != nil {
		d.Lost = lostKeys(fsys, name, nil, cfg)
		return nil, site.Diagnostics{*d}
	}
	p, diags := decodePage(fsys, name, data, cfg, trees, sl)
	if p != nil {
		p.Sum = sha256.Sum256(data)
	}
	if p == nil {
		for i := range diags {
			if diags[i].Severity == site.Error {
				diags[i].Lost = lostKeys(fsys, name, data, cfg)
				break
			}
		}
	}
	diags.Sort()
	return p, diags
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parseMatter turns the raw front matter into a tree, or a diagnostic.
func parseMatter(file string, m matter) (*node, *site.Diagnostic) {
	var root *node
	var err error
	switch m.format {
	case formatYAML:
		root, err = parseYAML(m.raw, m.rawLine)
	case formatTOML:
		root, err = parseTOML(m.raw, m.rawLine)
	case formatJSON:
		root, err = parseJSON(m.raw, m.rawLine)
	default:
		root = &node{kind: mapNode, line: 1, col: 1}
	}
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			return nil, &site.Diagnostic{Pos: site.Pos{File: file, Line: pe.line, Col: pe.col}, Msg: pe.msg, Hint: pe.hint}
		}
		return nil, &site.Diagnostic{Pos: site.Pos{File: file, Line: m.rawLine}, Msg: err.Error()}
	}
	if root.kind != mapNode {
		return nil, &site.Diagnostic{Pos: site.Pos{File: file, Line: root.line, Col: root.col},
			Msg: fmt.Sprintf("front matter must be a mapping of keys, found %s", root.kind.describe())}
	}
	return root, nil
}

// decodePage decodes the file name's bytes, keeping the page and its
// values in sl's blocks when sl is not nil.
func decodePage(fsys fs.FS, name string, data []byte, cfg site.Config, trees *TreeCache, sl *slabs) (*site.Page, site.Diagnostics) {
	var diags site.Diagnostics
	data = normalize(data)
	if d := checkText(name, data); d != nil {
		diags.Add(*d)
		return nil, diags
	}
	m, d := splitMatter(name, data)
	if d != nil {
		diags.Add(*d)
		return nil, diags
	}
	root, d := trees.parse(name, m)
	if d != nil {
		diags.Add(*d)
		return nil, diags
	}
	return decodeTree(fsys, name, m, root, cfg, sl)
}

// ReadBody reads a page's body again from its file, for a build that let
// the bodies go after loading to hold less: the Markdown after the front
// matter, shortcodes expanded, as LoadPage read it. It fails when the file
// no longer holds what was loaded.
func ReadBody(fsys fs.FS, p *site.Page, cfg site.Config) ([]byte, error) {
	cfg = withDefaults(cfg)
	data, d := readPage(fsys, p.Source)
	if d != nil {
		return nil, *d
	}
	if sha256.Sum256(data) != p.Sum {
		return nil, site.Diagnostic{Pos: site.Pos{File: p.Source}, Msg: "file changed while the site was being built",
			Hint: "build again once the file is saved"}
	}
	m, d := splitMatter(p.Source, normalize(data))
	if d != nil {
		return nil, *d
	}
	body, _ := expandShortcodes(fsys, p.Source, m.body, m.bodyLine, cfg.ContentDir)
	return body, nil
}

// decodeTree decodes the parsed front matter root of the file name, split
// into m, as the page its folder or type: says it is, in sl's blocks when
// sl is not nil (noSlabs otherwise).
func decodeTree(fsys fs.FS, name string, m matter, root *node, cfg site.Config, sl *slabs) (*site.Page, site.Diagnostics) {
	var diags site.Diagnostics
	rel := relToContent(name, cfg.ContentDir)
	kind := kindOfFolder(rel)
	if isIndexFile(rel) {
		kind = "page" // a section's own page introduces its list
	}
	top := site.Pos{File: name, Line: max(m.openLine, 1), Col: 1}
	if t := root.lookup("type"); t != nil && t.isScalar() {
		switch v := strings.TrimSpace(t.text); {
		case slices.Contains(kindNames, v):
			kind = v
		case kind != "page":
			diags.ErrorHint(site.Pos{File: name, Line: t.line, Col: t.col}, suggest(v, kindNames),
				"type: %q is not one of: %s", v, strings.Join(kindNames, ", "))
		}
	}
	body, bodyDiags := expandShortcodes(fsys, name, m.body, m.bodyLine, cfg.ContentDir)
	diags.Append(bodyDiags)
	if sl == nil {
		sl = noSlabs
	}
	p := sl.pages.New()
	*p = site.Page{Kind: site.Kind(kind), Source: name, Body: body, BodyLine: m.bodyLine, MatterSum: sha256.Sum256(m.raw),
		Refs: rewrote(m.body, body)}
	dec := newDecoder(name, site.Kind(kind).Noun()+" front matter", cfg.Location, top)
	dec.gitDated = len(cfg.Repositories) > 0
	dec.slabs = sl
	dec.reserve(root)
	switch kind {
	case "story":
		decodeStory(dec, root, p)
	case "release":
		decodeRelease(dec, root, p)
	case "postmortem":
		decodePostMortem(dec, root, p)
	case "metric":
		decodeMetric(dec, root, p, fsys)
	case "decision":
		decodeDecision(dec, root, p)
	default:
		decodePlain(dec, root, p, rel, cfg)
	}
	if kind != "page" {
		typedURL(dec, p, kind, rel)
	}
	p.Fields = site.NewFieldsIn(dec.fields, sl.fields)
	diags.Append(dec.diags)
	return p, diags
}

// relToContent returns name relative to the content folder.
func relToContent(name, contentDir string) string {
	if contentDir == "." || contentDir == "" {
		return name
	}
	if rel, ok := strings.CutPrefix(name, contentDir+"/"); ok {
		return rel
	}
	return name
}

// typedURL sets the slug and URL of a story, release, post-mortem or metric.
func typedURL(d *decoder, p *site.Page, kind, rel string) {
	if kind == "release" {
		p.Slug = "" // a release's URL is its version
		if p.Release != nil {
			p.Slug = p.Release.Version
		}
	} else if p.Slug == "" {
		p.Slug = Slugify(stripExt(path.Base(rel)))
	}
	if p.Slug == "" {
		if kind != "release" && d.fields["slug"] == (site.Pos{}) {
			d.diags.ErrorHint(site.Pos{File: d.file}, "set slug: in the front matter",
				"the file name %q gives an empty URL slug", path.Base(rel))
		}
		return // else an error was reported already
	}
	// The slug is kept as part of the URL: one string a page less for
	// the collector to mark, on every cycle of a build.
	u := "/" + sectionOf(kind) + "/" + p.Slug + "/"
	p.URL, p.Slug = u, u[len(u)-1-len(p.Slug):len(u)-1]
}

// withDefaults fills what a zero Config leaves out.
func withDefaults(cfg site.Config) site.Config {
	cfg.ContentDir = cfg.Content()
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	return cfg
}
