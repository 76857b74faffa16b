package newpage

import (
	"almanac/generator/sitefs"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"text/template"

	"almanac/generator/content"
	"almanac/generator/site"
)

// TemplateDir is where the templates of `new` live, in the theme and in a
// site: layouts/new/<kind>.md.
const TemplateDir = "layouts/new"

// Data is what a template of `new` receives.
type Data struct {
	Kind     string   // story | release | postmortem | page
	Title    string   // as given; a release's version
	Slug     string   // from the title
	ID       string   // the next free id, the version, or ""
	Version  string   // releases
	Date     string   // today in the site's time zone, YYYY-MM-DD
	Now      string   // the present in the site's time zone, RFC 3339
	Year     int      // today's year
	TimeZone string   // the site's time zone name
	Path     string   // the file's path from the site root
	Releases []string // versions of the site, newest first
}

// execute runs layouts/new/<tmpl>.md, the template that makes kind, the
// site's when it has one, else the theme's.
func execute(source, theme fs.FS, kind, tmpl string, d Data) ([]byte, error) {
	name := TemplateDir + "/" + tmpl + ".md"
	files := sitefs.Overlay{Site: source, Theme: theme}
	text, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, fmt.Errorf("no template for new %s: %s is in neither the site nor the theme", kind, name)
	}
	from := name
	if !files.FromSite(name) {
		from = "theme " + name
	}
	t, err := template.New(name).Option("missingkey=error").Funcs(funcs()).Parse(string(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", from, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return nil, fmt.Errorf("%s: %v", from, err)
	}
	return b.Bytes(), nil
}

// funcs are the template functions: quoting for each front matter format
// and the allowed values of a key, from the same descriptions the loader
// checks against.
func funcs() template.FuncMap {
	return template.FuncMap{
		"yaml": yamlScalar,
		"toml": func(s string) string { return jsonString(s) },
		"json": jsonString,
		// oneOf "story" "status" gives "backlog | ready | … | dropped".
		"oneOf": func(kind, key string) (string, error) {
			k, ok := content.SpecOf(site.Kind(kind)).Key(key)
			if !ok || len(k.Enum) == 0 {
				return "", fmt.Errorf("oneOf: %s has no key %q with allowed values", kind, key)
			}
			return strings.Join(k.Enum, " | "), nil
		},
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// plainYAML is text YAML reads back as the same string without quotes.
var plainYAML = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}\p{M} ._/()'’&+-]*$`)

// yamlReserved are plain words YAML would read as something else.
var yamlReserved = regexp.MustCompile(`(?i)^(y|n|yes|no|on|off|true|false|null|~|[-+]?(\.inf|\.nan))$|^[-+.]?[0-9][^ ]*$`)

// yamlScalar writes s as a YAML string: as it is when YAML reads that back
// as the same text, else double-quoted.
func yamlScalar(s string) string {
	if plainYAML.MatchString(s) && !yamlReserved.MatchString(s) && !strings.HasSuffix(s, " ") {
		return s
	}
	return jsonString(s)
}
