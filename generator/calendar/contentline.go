package calendar

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// maxLine is the longest content line in octets, not counting CRLF
// (RFC 5545 section 3.1).
const maxLine = 75

// writeLine writes one content line "name:value", folded at 75 octets and
// ended by CRLF. value must already be escaped as its value type needs.
func writeLine(buf *bytes.Buffer, name, value string) {
	buf.WriteString(fold(name + ":" + value))
}

// fold splits a content line into physical lines of at most 75 octets,
// each ended by CRLF, the continuations starting with one space. It cuts
// only between UTF-8 characters: a multi-octet character is never split.
func fold(line string) string {
	var b strings.Builder
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}

// escapeText escapes a TEXT value (RFC 5545 section 3.3.11): backslash,
// semicolon and comma get a backslash, line breaks become \n, and other
// control characters, not allowed in TEXT, are dropped. Invalid UTF-8 is
// replaced by U+FFFD.
func escapeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			// CTLs other than HTAB are not TEXT.
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// textList escapes each value and joins them with commas, as CATEGORIES
// wants.
func textList(values []string) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = escapeText(v)
	}
	return strings.Join(out, ",")
}

// formatDate formats the civil date of t in loc as a DATE value: 20261103.
func formatDate(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("20060102")
}

// formatUTC formats t as a DATE-TIME value in UTC: 20261103T050000Z.
func formatUTC(t time.Time) string {
	return t.UTC().Format("20060102T150405Z")
}
