package site

import (
	"errors"
	"fmt"
	"sort"
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
func (l *Diagnostics) Sort() {
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
