package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"almanac/generator/sitefs"
)

const (
	staticDir = "static"
	mainCSS   = "css/main.css"
	siteJS    = "js/site.js"
)

// asset is a file made in memory, such as the fingerprinted stylesheet.
type asset struct {
	Name  string // output name
	Data  []byte
	Parts []string // the static/ files it was made from
}

// staticFile is one file of static/ after the site's files have been laid
// over the theme's.
type staticFile struct {
	rel  string // path under static/
	fsys fs.FS
	site bool // from the site rather than the theme
}

// statics lists static/ of the theme and then the site (a site file
// replaces the theme's of the same path) and builds the main stylesheet,
// named after the first ten hex digits of its SHA-256.
func (r *Renderer) statics() (asset, []staticFile, error) {
	byRel := map[string]staticFile{}
	layers := sitefs.Overlay{Site: r.opts.Site, Theme: r.opts.Theme}
	err := fs.WalkDir(layers, staticDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && name == staticDir || errors.Is(err, fs.ErrPermission) {
				return nil // missing, or refused by sitefs and reported by the audit
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		// A link that leaves the site, a link to a folder, a device:
		// never copied (the build's audit reports them).
		if info, err := sitefs.Follow(layers, name, d); err != nil || info.IsDir() {
			return nil
		}
		rel := strings.TrimPrefix(name, staticDir+"/")
		fromSite := layers.FromSite(name)
		fsys := r.opts.Theme
		if fromSite {
			fsys = r.opts.Site
		}
		byRel[rel] = staticFile{rel: rel, fsys: fsys, site: fromSite}
		return nil
	})
	if err != nil {
		return asset{}, nil, err
	}
	var css asset
	if _, ok := byRel[mainCSS]; !ok {
		return asset{}, nil, fmt.Errorf("%s/%s: missing: the theme's stylesheet", staticDir, mainCSS)
	}
	// The stylesheet is one file: css/main.css, then every other css/*.css
	// (one per feature: metrics, calendar, search …) in name order, then
	// the extra CSS. A site replaces any part by its name.
	parts := []string{mainCSS}
	for rel := range byRel {
		if rel != mainCSS && path.Dir(rel) == "css" && strings.HasSuffix(rel, ".css") {
			parts = append(parts, rel)
		}
	}
	sort.Strings(parts[1:])
	var data []byte
	for _, rel := range parts {
		f := byRel[rel]
		delete(byRel, rel)
		b, err := fs.ReadFile(f.fsys, path.Join(staticDir, rel))
		if err != nil {
			return asset{}, nil, err
		}
		if len(data) > 0 {
			data = append(append(bytes.TrimRight(data, "\n"), "\n\n"...), "/* "+rel+" */\n"...)
		}
		data = append(data, b...)
	}
	if r.opts.ExtraCSS != "" {
		data = append(append(bytes.TrimRight(data, "\n"), "\n\n"...), r.opts.ExtraCSS...)
	}
	sum := sha256.Sum256(data)
	// Fingerprinted files live under assets/, which the host may cache
	// for a year (netlify.toml says so).
	css.Name = "assets/main." + hex.EncodeToString(sum[:])[:10] + ".css"
	css.Data = data
	css.Parts = parts

	files := make([]staticFile, 0, len(byRel))
	for _, f := range byRel {
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	return css, files, nil
}

// staticJobs copy static files, the stylesheet and the content's assets.
func (p *Prepared) staticJobs() []Job {
	var jobs []Job
	css := p.css
	var cssSources []string
	for _, rel := range css.Parts {
		cssSources = append(cssSources, staticDir+"/"+rel)
	}
	jobs = append(jobs, Job{Name: css.Name, Sources: cssSources,
		make: func(b *bytes.Buffer) error { b.Write(css.Data); return nil }})
	for _, f := range p.files {
		var src []string
		if f.site {
			src = []string{staticDir + "/" + f.rel}
		}
		jobs = append(jobs, Job{Name: f.rel, Sources: src, make: func(b *bytes.Buffer) error {
			data, err := fs.ReadFile(f.fsys, path.Join(staticDir, f.rel))
			b.Write(data)
			return err
		}})
	}
	contentDir := p.s.Config.Content()
	for _, a := range p.s.Assets {
		src := path.Join(contentDir, a)
		jobs = append(jobs, Job{Name: a, Sources: []string{src}, make: func(b *bytes.Buffer) error {
			if p.r.opts.Site == nil {
				return fmt.Errorf("cannot copy asset %s: no site folder given", src)
			}
			data, err := fs.ReadFile(p.r.opts.Site, src)
			b.Write(data)
			return err
		}})
	}
	return jobs
}

// hasStatic reports whether static/ provides a file of that output name,
// in which case the renderer does not make its own (robots.txt).
func (p *Prepared) hasStatic(rel string) bool {
	for _, f := range p.files {
		if f.rel == rel {
			return true
		}
	}
	return false
}
