package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"hash"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"almanac/generator/metrics"
	"almanac/generator/site"
)

// The parts of a page's key (see reuse.go): everything a content page's
// files can show but its own file.

// siteDigest is the digest of all a content page's files can show but
// its own file, the metrics report and the present beyond its offset;
// ownOverdue says that it leaves out which action items are overdue,
// since only a post-mortem's own page shows its items' marks (the theme's
// layouts alone are used).
func (b *Builder) siteDigest(r *run) (digest [32]byte, ownOverdue bool, err error) {
	h := sha256.New()
	field := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		io.WriteString(h, s)
	}
	at := func(t time.Time) {
		b, _ := t.MarshalBinary()
		field(string(b))
	}
	field(reuseVersion)
	exe, err := executableDigest()
	if err != nil {
		return [32]byte{}, false, err
	}
	h.Write(exe[:])
	ownLayouts := false
	for i, fsys := range []fs.FS{b.opts.Theme, b.opts.Source} {
		if fsys == nil {
			continue
		}
		names, err := filesUnder(fsys, siteDirs...)
		if err != nil {
			return [32]byte{}, false, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return [32]byte{}, false, err
			}
			if i == 1 && strings.HasPrefix(name, "layouts/") {
				ownLayouts = true
			}
			field(name)
			field(string(data))
		}
		field("--")
	}
	if data, err := fs.ReadFile(b.opts.Source, "almanac.toml"); err == nil {
		field(string(data))
	}
	field(r.cfg.BaseURL)
	field(b.opts.LiveReload)
	if b.opts.Drafts {
		field("drafts")
	}
	// The present's offset in the site's time zone (a zone's name); what
	// else a page shows of the present, its layout says (pageKey).
	_, offset := r.now.In(siteZone(r.cfg)).Zone()
	field(time.Duration(offset * int(time.Second)).String())
	s := r.site
	for _, p := range s.Pages {
		pageFacts(field, at, p)
		if ownLayouts {
			field(overdueMarks(p, r.now))
		}
	}
	for _, a := range s.Assets {
		field(a)
	}
	return sum(h), !ownLayouts, nil
}

// pageFacts writes what other pages may show of a page.
func pageFacts(field func(string), at func(time.Time), p *site.Page) {
	field(p.Source)
	field(string(p.MatterSum[:]))
	field(p.Title)
	field(p.URL)
	at(p.Date)
	at(p.Lastmod)
	if st := p.Story; st != nil {
		at(st.FirstCommitAt)
		at(st.MergedAt)
		field(sourceFact(st.FirstCommitFrom))
		field(sourceFact(st.MergedFrom))
	}
	if rl := p.Release; rl != nil {
		at(rl.ReleasedAt)
		field(sourceFact(rl.ReleasedFrom))
	}
	if m := p.Metric; m != nil {
		// Points read from a CSV file beside the page, not its front
		// matter.
		for _, pt := range m.Points {
			at(pt.Date)
			field(strconv.FormatFloat(pt.Value, 'g', -1, 64))
		}
	}
}

// overdueMarks says which of a post-mortem's action items are overdue at
// now, one byte each; "" for other pages.
func overdueMarks(p *site.Page, now time.Time) string {
	pm := p.PostMortem
	if pm == nil {
		return ""
	}
	marks := make([]byte, len(pm.ActionItems))
	for i, a := range pm.ActionItems {
		marks[i] = '0'
		if a.Overdue(now) {
			marks[i] = '1'
		}
	}
	return string(marks)
}

func sourceFact(s *site.Source) string {
	if s == nil {
		return ""
	}
	var b bytes.Buffer
	gob.NewEncoder(&b).Encode(s)
	return b.String()
}

// siteZone is the site's time zone.
func siteZone(cfg site.Config) *time.Location {
	if cfg.Location == nil {
		return time.UTC
	}
	return cfg.Location
}

// reportDigest is the digest of the metrics report that ```chart blocks
// draw.
func reportDigest(r *metrics.Report) [32]byte {
	data, err := metrics.JSON(r)
	if err != nil {
		return [32]byte{} // such a report is never equal to another
	}
	return sha256.Sum256(data)
}

// filesUnder lists the files under the folders of fsys, sorted.
func filesUnder(fsys fs.FS, dirs ...string) ([]string, error) {
	var names []string
	for _, dir := range dirs {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				return err
			}
			if !d.IsDir() {
				names = append(names, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(names)
	return names, nil
}

var exeDigest = sync.OnceValues(func() ([32]byte, error) {
	name, err := os.Executable()
	if err != nil {
		return [32]byte{}, err
	}
	f, err := os.Open(name)
	if err != nil {
		return [32]byte{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [32]byte{}, err
	}
	return sum(h), nil
})

// executableDigest is the digest of this program: another build of
// almanac may render the same page otherwise.
func executableDigest() ([32]byte, error) { return exeDigest() }

func sum(h hash.Hash) [32]byte {
	var d [32]byte
	h.Sum(d[:0])
	return d
}
