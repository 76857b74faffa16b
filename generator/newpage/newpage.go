// Package newpage makes the file `almanac new` writes: a story, release,
// post-mortem or plain page with a file name from its title, the next free
// id, today's date in the site's time zone and every required key, from a
// template in layouts/new/ (the site's own over the theme's).
package newpage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"almanac/generator/content"
	"almanac/generator/site"
)

// ErrUsage marks a request that cannot be right whatever the site holds
// (an unknown kind, an empty title); the command line exits with 2.
var ErrUsage = errors.New("usage")

// Kinds are what `new` makes, in help order: the typed kinds of the site
// kind table that have a new template, then the plain page.
func Kinds() []string {
	var out []string
	for _, k := range site.TypedKinds() {
		if k.New != "" {
			out = append(out, string(k.Name))
		}
	}
	return append(out, "page")
}

// templateOf is the name of the template in TemplateDir that makes kind,
// without extension.
func templateOf(kind string) string {
	if k, ok := site.KindByName(kind); ok {
		return k.New
	}
	return kind
}

// Request is what to make.
type Request struct {
	Kind string // story | release | postmortem | page
	// Title is the page's title; for a release, its version.
	Title string
	// Dir is where a plain page goes under the content folder ("handbook").
	Dir string
	// Now is the present; its day in the site's time zone is "today".
	Now time.Time
}

// File is a page ready to write.
type File struct {
	Path string // slash path from the site root, e.g. content/stories/export-deploy-log.md
	URL  string // where the site will publish it
	ID   string // STORY-144, PM-2026-008, the version, or ""
	Data []byte
}

// Make reads the site in source (almanac.toml, the content for ids and
// taken names, layouts/new/) and returns the file to write, checked with
// the loader the build uses. It writes nothing. theme holds the default
// layouts/new/ templates.
func Make(ctx context.Context, source, theme fs.FS, req Request) (*File, error) {
	if !contains(Kinds(), req.Kind) {
		return nil, fmt.Errorf("%w: cannot make %q: want one of %s", ErrUsage, req.Kind, strings.Join(Kinds(), ", "))
	}
	req.Title = strings.TrimSpace(req.Title)
	if req.Title == "" {
		what := "a title"
		if req.Kind == "release" {
			what = "a version"
		}
		return nil, fmt.Errorf("%w: new %s needs %s", ErrUsage, req.Kind, what)
	}
	cfg, cdiags := content.LoadConfig(source)
	if cdiags.HasErrors() {
		return nil, cdiags.Err()
	}
	s, _ := content.Load(ctx, source, cfg, content.Options{Drafts: true, Now: req.Now})
	if s == nil {
		return nil, ctx.Err()
	}
	today := req.Now.In(cfg.Location)
	d := Data{Kind: req.Kind, Title: req.Title, Date: today.Format("2006-01-02"),
		Now: today.Format(time.RFC3339), Year: today.Year(), TimeZone: cfg.TimeZone}
	for _, r := range s.Releases {
		d.Releases = append(d.Releases, r.Release.Version)
	}
	f, err := place(s, cfg, req, &d)
	if err != nil {
		return nil, err
	}
	if err := taken(source, s, f); err != nil {
		return nil, err
	}
	d.Path, d.ID = f.Path, f.ID
	data, err := execute(source, theme, req.Kind, templateOf(req.Kind), d)
	if err != nil {
		return nil, err
	}
	f.Data = data
	if err := verify(source, cfg, f); err != nil {
		return nil, err
	}
	return f, nil
}

// place decides the file's name, URL and id, and refuses names and URLs
// that are taken.
func place(s *site.Site, cfg site.Config, req Request, d *Data) (*File, error) {
	slug := content.Slugify(req.Title)
	if slug == "" && req.Kind != "release" {
		return nil, fmt.Errorf("%w: the title %q has no letters or digits to make a file name of", ErrUsage, req.Title)
	}
	d.Slug = slug
	dir := cfg.Content()
	f := &File{}
	var base string // the typed page's file name without extension
	switch req.Kind {
	case "story":
		f.ID = nextStoryID(s.Pages)
		base = slug
	case "release":
		v, err := site.ParseSemVer(strings.TrimPrefix(req.Title, "v"))
		if err != nil {
			return nil, fmt.Errorf("%w: %q is not a SemVer version: %v (write e.g. 1.5.0)", ErrUsage, req.Title, err)
		}
		version := v.String()
		if p, ok := s.ByVersion[version]; ok {
			return nil, fmt.Errorf("release %s already exists: %s", version, p.Source)
		}
		d.Version, d.Title, d.Slug = version, version, version
		f.ID = version
		base = version
	case "postmortem":
		f.ID = nextPostMortemID(s.Pages, d.Year)
		base = d.Date + "-" + slug
	case "decision":
		f.ID = nextDecisionID(s.Pages)
		base = strings.ToLower(f.ID) + "-" + slug
	case "page":
		sub := strings.Trim(path.Clean("/"+filepath.ToSlash(req.Dir)), "/")
		if strings.Contains(req.Dir, "..") {
			return nil, fmt.Errorf("%w: --dir %q must stay inside the content folder", ErrUsage, req.Dir)
		}
		f.Path = path.Join(dir, sub, slug+".md")
		rel := strings.TrimPrefix(path.Join(sub, slug+".md"), "/")
		f.URL = pageURL(rel)
		return f, nil
	}
	k, _ := site.KindByName(req.Kind)
	f.Path = path.Join(dir, k.Folder, base+".md")
	f.URL = k.ListURL + base + "/"
	return f, nil
}

// taken refuses a file that exists and a URL another page or almanac
// itself already has.
func taken(source fs.FS, s *site.Site, f *File) error {
	if _, err := fs.Stat(source, f.Path); err == nil {
		return fmt.Errorf("%s already exists; almanac new never replaces a file", f.Path)
	}
	if p, ok := s.ByURL[f.URL]; ok {
		return fmt.Errorf("%s is already the URL of %s; choose another title", f.URL, p.Source)
	}
	if site.GeneratedURL(f.URL) {
		return fmt.Errorf("almanac writes %s itself; choose another title", f.URL)
	}
	return nil
}

// pageURL is the URL of a plain page at rel under the content folder.
func pageURL(rel string) string {
	var segs []string
	for _, s := range strings.Split(strings.TrimSuffix(rel, ".md"), "/") {
		if s = content.Slugify(s); s != "" {
			segs = append(segs, s)
		}
	}
	return "/" + strings.Join(segs, "/") + "/"
}

// verify decodes the file as the build will and refuses one with errors,
// which only a site's own template can cause.
func verify(source fs.FS, cfg site.Config, f *File) error {
	one := fstest.MapFS{f.Path: {Data: f.Data}}
	_, diags := content.LoadPage(overlay{one, source}, f.Path, cfg)
	if diags.HasErrors() {
		return fmt.Errorf("the template for this kind makes a page with errors:\n%v", diags.Err())
	}
	return nil
}

// overlay reads from the first file system that has a file.
type overlay [2]fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o[0].Open(name); err == nil {
		return f, nil
	}
	return o[1].Open(name)
}

// Write creates the file under root (the site's folder on disk) and its
// folder if needed. It never replaces a file: an existing one is an error.
func Write(root string, f *File) error {
	name := filepath.Join(root, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; almanac new never replaces a file", f.Path)
	}
	if err != nil {
		return err
	}
	if _, err := out.Write(f.Data); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
