package content

import (
	"errors"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"almanac/generator/site"
	"almanac/generator/sitefs"
)

// ConfigFile is the name of the site's configuration at its root.
const ConfigFile = "almanac.toml"

// languages the site's interface speaks.
var languages = []string{"en", "ko"}

// policies are the values of [check] links and anchors.
var policies = []string{"error", "warning", "ignore"}

// DefaultConfig is the configuration of a site without almanac.toml.
func DefaultConfig() site.Config {
	return site.Config{
		BaseURL:           "/",
		Language:          "en",
		TimeZone:          "UTC",
		Location:          time.UTC,
		Branch:            "main",
		ContentDir:        "content",
		MetricsWindowDays: 90,
		LinkPolicy:        "error",
		AnchorPolicy:      "error",
	}
}

// LoadConfig reads almanac.toml at the root of fsys. A missing file gives
// the defaults and no diagnostic. Unknown keys, wrong types and bad values
// are reported with their positions; the returned Config holds the defaults
// wherever a value was unusable.
func LoadConfig(fsys fs.FS) (site.Config, site.Diagnostics) {
	cfg := DefaultConfig()
	var diags site.Diagnostics
	data, err := fs.ReadFile(fsys, ConfigFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return cfg, nil
	case err != nil:
		diags.Add(sitefs.Diagnostic(ConfigFile, err))
		return cfg, diags
	}
	data = normalize(data)
	if d := checkText(ConfigFile, data); d != nil {
		if d.Msg == "file is empty" {
			return cfg, nil
		}
		diags.Add(*d)
		return cfg, diags
	}
	root, err := parseTOML(data, 1)
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			diags.Errorf(site.Pos{File: ConfigFile, Line: pe.line, Col: pe.col},
				"%s", strings.Replace(pe.msg, "TOML front matter", "TOML", 1))
		}
		return cfg, diags
	}
	d := newDecoder(ConfigFile, ConfigFile, time.UTC, site.Pos{File: ConfigFile, Line: 1})
	decodeConfig(d, root, &cfg)
	d.diags.Sort()
	return cfg, d.diags
}

func decodeConfig(d *decoder, root *node, cfg *site.Config) {
	str := func(dst *string) func(*node, string) {
		return func(n *node, path string) { *dst = d.str(n, path) }
	}
	d.object(root, "", []field{
		{"title", str(&cfg.Title)},
		{"description", str(&cfg.Description)},
		{"base_url", func(n *node, path string) { cfg.BaseURL = d.baseURL(n, path) }},
		{"language", func(n *node, path string) {
			if l := d.enum(n, path, languages); l != "" {
				cfg.Language = l
			}
		}},
		{"time_zone", func(n *node, path string) { d.timeZone(n, path, cfg) }},
		{"repository", func(n *node, path string) { cfg.Repository = d.webURL(n, path) }},
		{"branch", func(n *node, path string) {
			if b := d.str(n, path); b != "" {
				cfg.Branch = b
			}
		}},
		{"content_dir", func(n *node, path string) { cfg.ContentDir = d.contentDir(n, path) }},
		{"people", func(n *node, path string) { cfg.People = dedupe(d.strList(n, path)) }},
		{"markdown", func(n *node, path string) {
			d.object(n, path, []field{
				{"unsafe", func(n *node, path string) { cfg.MarkdownUnsafe = d.boolean(n, path) }},
			})
		}},
		{"metrics", func(n *node, path string) {
			d.object(n, path, []field{
				{"window_days", func(n *node, path string) {
					if v, ok := d.integer(n, path); ok && v > 0 {
						cfg.MetricsWindowDays = v
					} else if ok {
						d.errorf(n, "", "%s: want a number of days above zero, found %d", path, v)
					}
				}},
			})
		}},
		{"lists", func(n *node, path string) {
			d.object(n, path, []field{
				{"page_size", d.positive(&cfg.ListPageSize, "items")},
			})
		}},
		{"feeds", func(n *node, path string) {
			d.object(n, path, []field{
				{"atom_entries", d.positive(&cfg.FeedSize, "entries")},
			})
		}},
		{"calendar", func(n *node, path string) {
			d.object(n, path, []field{
				{"feed_months_back", d.positive(&cfg.CalendarFeedMonthsBack, "months")},
			})
		}},
		{"search", func(n *node, path string) {
			d.object(n, path, []field{
				{"enabled", func(n *node, path string) { cfg.SearchDisabled = !d.boolean(n, path) }},
			})
		}},
		{"check", func(n *node, path string) {
			policy := func(dst *string) func(*node, string) {
				return func(n *node, path string) {
					if p := d.enum(n, path, policies); p != "" {
						*dst = p
					}
				}
			}
			d.object(n, path, []field{
				{"links", policy(&cfg.LinkPolicy)},
				{"anchors", policy(&cfg.AnchorPolicy)},
			})
		}},
		{"releases", func(n *node, path string) {
			d.object(n, path, []field{
				{"required_checks", func(n *node, path string) { cfg.RequiredChecks = d.checkNames(n, path) }},
			})
		}},
		{"repositories", func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) {
				if r, ok := d.repository(item, ip); ok {
					cfg.Repositories = append(cfg.Repositories, r)
				}
			})
		}},
		{"links", func(n *node, path string) {
			d.list(n, path, func(item *node, ip string) {
				var l site.NamedLink
				given := d.object(item, ip, []field{
					{"name", str(&l.Name)},
					{"url", str(&l.URL)},
				})
				d.requireIn(item, ip, given, "name", "url")
				if l.Name != "" && l.URL != "" {
					cfg.Links = append(cfg.Links, l)
				}
			})
		}},
	})
}

// positive decodes a count above zero into dst; what describes the unit
// in the message.
func (d *decoder) positive(dst *int, what string) func(*node, string) {
	return func(n *node, path string) {
		if v, ok := d.integer(n, path); ok && v > 0 {
			*dst = v
		} else if ok {
			d.errorf(n, "", "%s: want a number of %s above zero, found %d", path, what, v)
		}
	}
}

func (d *decoder) baseURL(n *node, path string) string {
	s := d.str(n, path)
	u, err := url.Parse(s)
	switch {
	case s == "":
		return "/"
	case err != nil || (u.Scheme == "" && !strings.HasPrefix(s, "/")) ||
		(u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "" && u.Host == ""):
		d.errorf(n, "write e.g. https://team.example.org/ or /docs/", "%s: %q is not an absolute URL or a path", path, s)
		return "/"
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s
}

func (d *decoder) webURL(n *node, path string) string {
	s := d.str(n, path)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d.errorf(n, "write e.g. https://github.com/team/almanac", "%s: %q is not a web URL", path, s)
		return ""
	}
	return strings.TrimSuffix(s, "/")
}

func (d *decoder) timeZone(n *node, path string, cfg *site.Config) {
	s := d.str(n, path)
	if s == "" {
		return
	}
	loc, err := time.LoadLocation(s)
	if err != nil || s == "Local" {
		d.errorf(n, `use an IANA name such as "Asia/Seoul" or "UTC"`, "%s: unknown time zone %q", path, s)
		return
	}
	cfg.TimeZone, cfg.Location = s, loc
}

func (d *decoder) contentDir(n *node, p string) string {
	s := d.str(n, p)
	clean := strings.Trim(path.Clean(strings.ReplaceAll(s, `\`, "/")), "/")
	if s == "" || hasDotDot(s) || strings.HasPrefix(s, "/") || clean == "." {
		d.errorf(n, "name a folder inside the site, e.g. content", "%s: %q must be a folder inside the site", p, s)
		return "content"
	}
	return clean
}

// repository reads one [[repositories]] entry: a path (required), the
// branch that counts as merged and the tag spelling, which must name
// {version}.
func (d *decoder) repository(n *node, p string) (site.Repository, bool) {
	var r site.Repository
	given := d.object(n, p, []field{
		{"path", func(n *node, path string) { r.Path, r.Pos = d.str(n, path), d.at(n) }},
		{"branch", func(n *node, path string) { r.Branch = d.str(n, path) }},
		{"tags", func(n *node, path string) {
			t := d.str(n, path)
			if t != "" && !strings.Contains(t, "{version}") {
				d.errorf(n, `write e.g. "v{version}"`, "%s: %q does not name {version}", path, t)
				return
			}
			if t != "" {
				r.Tags = []string{t}
			}
		}},
	})
	d.requireIn(n, p, given, "path")
	if r.Path == "" {
		return r, false
	}
	if r.Tags == nil {
		r.Tags = append([]string(nil), site.DefaultTagPatterns...)
	}
	return r, true
}

// checkNames reads [releases] required_checks: names of checks, each once
// and none blank.
func (d *decoder) checkNames(n *node, path string) []string {
	var out []string
	d.list(n, path, func(item *node, ip string) {
		name := strings.TrimSpace(d.str(item, ip))
		switch {
		case name == "" && item.isScalar():
			d.errorf(item, "name the check as releases name it in checks, e.g. \"security-review\"", "%s: empty check name", ip)
		case slices.Contains(out, name):
			d.errorf(item, "remove the second one", "%s: %q is listed twice", ip, name)
		case name != "":
			out = append(out, name)
		}
	})
	return out
}
