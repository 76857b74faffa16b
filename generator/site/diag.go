package site

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Severity says whether a diagnostic stops a build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the content, with where it is and,
// when there is one, a hint on how to fix it.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	Hint     string
	// Lost is set on the error that kept the page at Pos.File from loading
	// (unreadable, malformed front matter). It names what the page would
	// have defined, one a line, each spelled as a Wants is: "file
	// content/stories/x.md" always, then as far as they could be read
	// "id STORY-128", "release 1.4.0", "url /stories/x/". A "?" for the
	// value ("id ?") says the page has one that could not be read.
	Lost string
	// Wants is set on an error about a reference that found nothing, such
	// as an unknown id or a link to a missing page: what it looked for,
	// spelled as one line of Lost.
	Wants string

	// Sort keeps here where the references it took out stand (on a Lost
	// error), and the hint as it was before Sort added a note to it.
	held  string
	base  string
	noted bool
}

// Error formats the diagnostic as "file:line:col: error: message (hint)".
func (d Diagnostic) Error() string {
	s := fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Msg)
	if d.Hint != "" {
		s += " (" + d.Hint + ")"
	}
	return s
}

// Diagnostics collects every problem of a run so that one bad file never
// hides the others. The zero value is ready to use.
type Diagnostics []Diagnostic

// Add appends a diagnostic.
func (l *Diagnostics) Add(d Diagnostic) { *l = append(*l, d) }

// Errorf adds an error at pos.
func (l *Diagnostics) Errorf(pos Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// ErrorHint adds an error at pos with a hint.
func (l *Diagnostics) ErrorHint(pos Pos, hint, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf adds a warning at pos.
func (l *Diagnostics) Warnf(pos Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Append adds all diagnostics of other.
func (l *Diagnostics) Append(other Diagnostics) { *l = append(*l, other...) }

// Sort orders the list by position, errors before warnings at the same place,
// and drops exact duplicates.
//
// First it sees that a root cause is read before what it causes, which
// sorting by file alone cannot do: an error about a reference to what a
// page that failed to load would have defined (an action item tracking
// the id of a story with a YAML error) is taken out of the list and named
// in a note on that page's error instead, since the reference cannot be
// checked until the page loads. A reference that found nothing keeps its
// error when a page that failed to load has an id (or a version) that
// could not be read, with a note that the page may define it. The
// lists are sorted more than once as diagnostics are appended (the link
// checks come after loading); each time the notes are written anew, never
// twice.
func (l *Diagnostics) Sort() {
	l.fold()
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d == s[i-1] {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// Count returns the number of errors and warnings.
func (l Diagnostics) Count() (errs, warns int) {
	for _, d := range l {
		if d.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return
}

// HasErrors reports whether any diagnostic is an error.
func (l Diagnostics) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Err returns nil when there are no errors, else an error listing every
// diagnostic, one a line.
func (l Diagnostics) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &DiagnosticsError{List: l}
}

// DiagnosticsError is the error a failed load or build returns; callers may
// unwrap it with errors.As to print or annotate each diagnostic.
type DiagnosticsError struct{ List Diagnostics }

func (e *DiagnosticsError) Error() string {
	var b strings.Builder
	for i, d := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// AsDiagnostics extracts the diagnostics carried by err, if any.
func AsDiagnostics(err error) (Diagnostics, bool) {
	var de *DiagnosticsError
	if errors.As(err, &de) {
		return de.List, true
	}
	return nil, false
}

// fold takes out the errors about references to what failed pages would
// have defined, noting them on the pages' errors; see Sort.
func (l *Diagnostics) fold() {
	s := *l
	owner := map[string]int{}    // a line of some Lost → the error it is on
	unread := map[string][]int{} // "id" → errors of pages whose id could not be read
	for i, d := range s {
		if d.Lost == "" {
			continue
		}
		for _, k := range strings.Split(d.Lost, "\n") {
			what, v, _ := strings.Cut(k, " ")
			switch {
			case v == "?":
				unread[what] = append(unread[what], i)
			case k != "":
				if j, ok := owner[k]; !ok || d.Pos.Before(s[j].Pos) {
					owner[k] = i
				}
			}
		}
	}
	if len(owner) == 0 && len(unread) == 0 {
		return
	}
	held := map[int][]Pos{}
	drop := make([]bool, len(s))
	for i, d := range s {
		if d.Wants == "" {
			continue
		}
		if j, ok := owner[d.Wants]; ok && j != i {
			held[j] = append(held[j], d.Pos)
			drop[i] = true
			continue
		}
		what, _, _ := strings.Cut(d.Wants, " ")
		if js := unread[what]; len(js) > 0 {
			files := make([]string, 0, len(js))
			for _, j := range js {
				files = append(files, s[j].Pos.File)
			}
			sort.Strings(files)
			s[i].note(fmt.Sprintf("%s did not load and may define it", listSome(dedupe(files), "or")))
		}
	}
	for j, refs := range held {
		s[j].hold(refs)
	}
	out := s[:0]
	for i, d := range s {
		if !drop[i] {
			out = append(out, d)
		}
	}
	*l = out
}

// note sets the hint to the hint the diagnostic came with and text.
func (d *Diagnostic) note(text string) {
	if !d.noted {
		d.base, d.noted = d.Hint, true
	}
	if d.base == "" {
		d.Hint = text
	} else {
		d.Hint = d.base + "; " + text
	}
}

// hold adds refs to the references kept on a Lost error and writes the
// note that lists them.
func (d *Diagnostic) hold(refs []Pos) {
	all := append(decodeHeld(d.held), refs...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Before(all[j]) })
	kept := all[:0]
	for i, p := range all {
		if i == 0 || p != all[i-1] {
			kept = append(kept, p)
		}
	}
	d.held = encodeHeld(kept)
	places := make([]string, len(kept))
	for i, p := range kept {
		places[i] = p.String()
	}
	what := "reference to %s elsewhere is not checked until this is fixed: %s"
	if len(kept) > 1 {
		what = "references to %s elsewhere are not checked until this is fixed: %s"
	}
	d.note(fmt.Sprintf("%d "+what, len(kept), lostName(d.Lost), listSome(places, "and")))
}

// lostName names what a failed page would have defined, for its note: its
// id, else its release, else "this page".
func lostName(lost string) string {
	for _, k := range strings.Split(lost, "\n") {
		what, v, ok := strings.Cut(k, " ")
		if !ok || v == "?" || what == "file" || what == "url" {
			continue
		}
		if what == "id" {
			return v
		}
		return k
	}
	return "this page"
}

// listSome joins up to three items, then says how many more there are.
func listSome(items []string, and string) string {
	const most = 3
	switch {
	case len(items) <= 1:
		return strings.Join(items, "")
	case len(items) <= most:
		return strings.Join(items[:len(items)-1], ", ") + " " + and + " " + items[len(items)-1]
	}
	return fmt.Sprintf("%s %s %d more", strings.Join(items[:most], ", "), and, len(items)-most)
}

func dedupe(sorted []string) []string {
	out := sorted[:0]
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// encodeHeld writes positions as one comparable string: line, column and
// file, NUL-separated (no file name holds a NUL).
func encodeHeld(ps []Pos) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "%d\x00%d\x00%s\x00", p.Line, p.Col, p.File)
	}
	return b.String()
}

func decodeHeld(s string) []Pos {
	f := strings.Split(s, "\x00")
	var ps []Pos
	for i := 0; i+2 < len(f); i += 3 {
		line, _ := strconv.Atoi(f[i])
		col, _ := strconv.Atoi(f[i+1])
		ps = append(ps, Pos{File: f[i+2], Line: line, Col: col})
	}
	return ps
}
