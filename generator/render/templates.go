package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"

	"almanac/generator/site"
	"almanac/generator/sitefs"
)

const (
	layoutsDir = "layouts"
	baseofName = "baseof.html"
)

// layoutFile is one template file after the site's files have been laid
// over the theme's.
type layoutFile struct {
	rel    string // path under layouts/, e.g. "partials/footer.html"
	origin string // "theme" or "site"
	data   []byte
}

func (f layoutFile) name() string   { return path.Base(f.rel) }
func (f layoutFile) path() string   { return layoutsDir + "/" + f.rel }
func (f layoutFile) partial() bool  { return strings.HasPrefix(f.rel, "partials/") }
func (f layoutFile) isBaseof() bool { return f.rel == baseofName }

// templates are the parsed layouts: one set per page layout, each holding
// baseof.html, every partial and the layout itself. The sets are never
// executed; each render clones them and binds the functions of its site.
type templates struct {
	sets  map[string]*template.Template // by layout name ("story.html")
	alone map[string]bool               // layouts that are whole pages, not blocks in baseof
	files map[string]layoutFile         // by template file name, for error positions
}

// collectLayouts reads layouts/*.html and layouts/partials/*.html through
// the overlay: a site's file replaces the theme's of the same path.
func collectLayouts(files sitefs.Overlay) (map[string]layoutFile, error) {
	out := map[string]layoutFile{}
	for _, pattern := range []string{layoutsDir + "/*.html", layoutsDir + "/partials/*.html"} {
		names, err := fs.Glob(files, pattern)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(files, name)
			if errors.Is(err, fs.ErrPermission) {
				continue // refused by sitefs; the build's audit reports it
			}
			if err != nil {
				return nil, err
			}
			origin := "theme"
			if files.FromSite(name) {
				origin = "site"
			}
			rel := strings.TrimPrefix(name, layoutsDir+"/")
			out[rel] = layoutFile{rel: rel, origin: origin, data: data}
		}
	}
	return out, nil
}

// parseTemplates parses every layout once, reporting every file's errors
// with file:line positions.
func parseTemplates(files sitefs.Overlay) (*templates, error) {
	all, err := collectLayouts(files)
	if err != nil {
		return nil, err
	}
	rels := make([]string, 0, len(all))
	for rel := range all {
		rels = append(rels, rel)
	}
	sort.Strings(rels)

	var diags site.Diagnostics
	t := &templates{sets: map[string]*template.Template{}, alone: map[string]bool{}, files: map[string]layoutFile{}}
	for _, rel := range rels {
		f := all[rel]
		if prev, ok := t.files[f.name()]; ok {
			diags.ErrorHint(site.Pos{File: f.path()}, "give every layout and partial its own file name",
				"template name %s is used twice: %s (%s) and %s (%s)", f.name(), prev.path(), prev.origin, f.path(), f.origin)
			continue
		}
		t.files[f.name()] = f
	}
	bf, ok := t.files[baseofName]
	if !ok {
		diags.Errorf(site.Pos{File: layoutsDir + "/" + baseofName}, "missing: every theme needs a base layout")
		return nil, diags.Err()
	}

	stubs := funcStubs()
	base := template.New(baseofName).Funcs(stubs)
	if _, err := base.Parse(string(bf.data)); err != nil {
		diags.Add(t.diagnostic(err))
	}
	for _, rel := range rels {
		f := all[rel]
		if !f.partial() || t.files[f.name()].rel != rel {
			continue
		}
		if _, err := base.New(f.name()).Parse(string(f.data)); err != nil {
			diags.Add(t.diagnostic(err))
		}
	}
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	for _, rel := range rels {
		f := all[rel]
		if f.partial() || f.isBaseof() || t.files[f.name()].rel != rel {
			continue
		}
		set, err := base.Clone()
		if err != nil {
			return nil, err
		}
		lt, err := set.New(f.name()).Parse(string(f.data))
		if err != nil {
			diags.Add(t.diagnostic(err))
			continue
		}
		t.sets[f.name()] = set
		t.alone[f.name()] = lt.Tree != nil && !parse.IsEmptyTree(lt.Tree.Root)
	}
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	return t, nil
}

// templateErrRE matches the position that text/template puts in its
// errors: "template: story.html:12:5: message".
var templateErrRE = regexp.MustCompile(`^(?:html/)?template: ([^:\s]+):(\d+):(?:(\d+):)? ?(.*)$`)

// diagnostic turns a template error into one at layouts/<file>:line:col.
func (t *templates) diagnostic(err error) site.Diagnostic {
	msg := err.Error()
	m := templateErrRE.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0])
	if m == nil {
		return site.Diagnostic{Pos: site.Pos{File: layoutsDir}, Severity: site.Error, Msg: msg}
	}
	pos := site.Pos{File: layoutsDir + "/" + m[1]}
	hint := ""
	if f, ok := t.files[m[1]]; ok {
		pos.File = f.path()
		if f.origin == "theme" {
			hint = "in the default theme"
		}
	}
	pos.Line, _ = strconv.Atoi(m[2])
	pos.Col, _ = strconv.Atoi(m[3])
	return site.Diagnostic{Pos: pos, Severity: site.Error, Msg: m[4], Hint: hint}
}

// bind clones every layout set and gives it the functions of one render.
// With once, the sets are bound as they are, not copied, and cannot be
// bound again.
func (t *templates) bind(fm template.FuncMap, once bool) (map[string]*template.Template, error) {
	if t.sets == nil {
		return nil, errors.New("render: the templates were bound once already")
	}
	out := make(map[string]*template.Template, len(t.sets))
	for name, set := range t.sets {
		if once {
			out[name] = set.Funcs(fm)
			continue
		}
		c, err := set.Clone()
		if err != nil {
			return nil, fmt.Errorf("render: %s: %w", name, err)
		}
		out[name] = c.Funcs(fm)
	}
	if once {
		t.sets = nil
	}
	return out, nil
}
