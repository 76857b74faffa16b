package check

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"almanac/generator/site"
)

// Format is how problems are printed.
type Format string

// The output formats.
const (
	Text   Format = "text"   // file:line:col: error: message (hint)
	JSON   Format = "json"   // one object with every problem and the counts
	GitHub Format = "github" // GitHub Actions workflow commands: annotations on a pull request
)

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case Text, JSON, GitHub:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want text, json or github)", s)
}

// Report is the outcome of one check of a site.
type Report struct {
	Diagnostics site.Diagnostics // sorted
	Pages       int              // pages checked
	// Strict makes warnings fail the check.
	Strict bool
	// Root is the site's folder relative to the repository root ("" or
	// "."), put in front of file names in GitHub annotations so that they
	// land on the right file.
	Root string
}

// Failed reports whether the check fails: errors, or warnings under Strict.
func (r Report) Failed() bool {
	errs, warns := r.Diagnostics.Count()
	return errs > 0 || (r.Strict && warns > 0)
}

// Summary is the one line that closes the output.
func (r Report) Summary() string {
	errs, warns := r.Diagnostics.Count()
	pages := plural(r.Pages, "page", "pages")
	if errs == 0 && warns == 0 {
		return fmt.Sprintf("check: no problems in %s", pages)
	}
	s := fmt.Sprintf("check: %s, %s in %s", plural(errs, "error", "errors"), plural(warns, "warning", "warnings"), pages)
	if r.Strict && warns > 0 {
		s += " (--strict: warnings fail)"
	}
	return s
}

func plural(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, other)
}

// Write prints the report in format f.
func Write(w io.Writer, f Format, r Report) error {
	switch f {
	case JSON:
		return writeJSON(w, r)
	case GitHub:
		return writeGitHub(w, r)
	}
	var b strings.Builder
	for _, d := range r.Diagnostics {
		b.WriteString(d.Error())
		b.WriteByte('\n')
	}
	b.WriteString(r.Summary())
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// problem is one diagnostic in the JSON output.
type problem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

func writeJSON(w io.Writer, r Report) error {
	errs, warns := r.Diagnostics.Count()
	out := struct {
		OK       bool      `json:"ok"`
		Errors   int       `json:"errors"`
		Warnings int       `json:"warnings"`
		Pages    int       `json:"pages"`
		Problems []problem `json:"problems"`
	}{!r.Failed(), errs, warns, r.Pages, make([]problem, 0, len(r.Diagnostics))}
	for _, d := range r.Diagnostics {
		out.Problems = append(out.Problems, problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: d.Severity.String(), Message: d.Msg, Hint: d.Hint})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeGitHub prints one workflow command per problem, which GitHub shows
// as an annotation on the line of the pull request's diff, then the
// summary as a plain line of the log.
func writeGitHub(w io.Writer, r Report) error {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		var props []string
		if d.Pos.File != "" {
			file := d.Pos.File
			if r.Root != "" && r.Root != "." {
				file = path.Join(r.Root, file)
			}
			props = append(props, "file="+escapeProperty(file))
			if d.Pos.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
				if d.Pos.Col > 0 {
					props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
				}
			}
		}
		props = append(props, "title="+escapeProperty("almanac check"))
		msg := d.Msg
		if d.Hint != "" {
			msg += " (" + d.Hint + ")"
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", d.Severity, strings.Join(props, ","), escapeData(msg))
	}
	b.WriteString(r.Summary())
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeData escapes the message of a workflow command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
