package corpus

import (
	"strconv"
	"strings"
	"time"
)

// fm writes one YAML front matter block, line by line, in the order the
// fields are given. Strings stay plain where YAML reads them back as the
// same string and are double-quoted otherwise.
type fm struct{ sb *strings.Builder }

func (w fm) line(prefix, key, val string) {
	w.sb.WriteString(prefix)
	w.sb.WriteString(key)
	if val == "" {
		w.sb.WriteString(":\n")
		return
	}
	w.sb.WriteString(": ")
	w.sb.WriteString(val)
	w.sb.WriteByte('\n')
}

// str writes key: "value" (quoted only when needed).
func (w fm) str(prefix, key, val string) { w.line(prefix, key, yamlString(val)) }

// raw writes the value as it is: numbers, dates, datetimes.
func (w fm) raw(prefix, key, val string) { w.line(prefix, key, val) }

func (w fm) num(prefix, key string, n float64) {
	w.raw(prefix, key, strconv.FormatFloat(n, 'f', -1, 64))
}

func (w fm) date(prefix, key string, t time.Time) { w.raw(prefix, key, t.Format(time.DateOnly)) }

func (w fm) datetime(prefix, key string, t time.Time) {
	if !t.IsZero() {
		w.raw(prefix, key, t.Format(time.RFC3339))
	}
}

// list writes a block sequence of strings; an empty list is written as [].
func (w fm) list(prefix, key string, vals []string) {
	if len(vals) == 0 {
		w.raw(prefix, key, "[]")
		return
	}
	w.line(prefix, key, "")
	for _, v := range vals {
		w.sb.WriteString(prefix)
		w.sb.WriteString("  - ")
		w.sb.WriteString(yamlString(v))
		w.sb.WriteByte('\n')
	}
}

// yamlString returns s as a YAML scalar that reads back as the string s.
func yamlString(s string) string {
	if plainSafe(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + 2)
	sb.WriteByte('"')
	for _, c := range s {
		switch c {
		case '"', '\\':
			sb.WriteByte('\\')
			sb.WriteRune(c)
		case '\n':
			sb.WriteString(`\n`)
		case '\t':
			sb.WriteString(`\t`)
		default:
			sb.WriteRune(c)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

// plainSafe reports whether s can be written as a plain YAML scalar and
// still read back as a string equal to s.
func plainSafe(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`~+.0123456789", rune(s[0])) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.ContainsAny(s, "\"\\\n\t") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf":
		return false
	}
	return true
}
