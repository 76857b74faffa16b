package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"almanac/generator/site"
)

// Front matter formats, as detected from the opening delimiter.
const (
	formatNone = ""
	formatYAML = "yaml"
	formatTOML = "toml"
	formatJSON = "json"
)

// matter is one file split into its front matter and its body.
type matter struct {
	format   string
	raw      []byte // the front matter text, without delimiters (JSON: with braces)
	rawLine  int    // file line on which raw starts
	openLine int    // file line of the opening delimiter (JSON object: its "{")
	body     []byte
	bodyLine int
}

// delimiter describes one way front matter can open and close.
type delimiter struct {
	start, end string
	format     string
	object     bool // a bare JSON object: braces belong to the text, a blank line follows
}

var delimiters = []delimiter{
	{"---", "---", formatYAML, false},
	{"---yaml", "---", formatYAML, false},
	{"+++", "+++", formatTOML, false},
	{"---toml", "---", formatTOML, false},
	{";;;", ";;;", formatJSON, false},
	{"---json", "---", formatJSON, false},
	{"{", "}", formatJSON, true},
}

// normalize strips a UTF-8 byte order mark and turns CRLF line ends into LF.
// Neither changes line numbers, and columns only on a BOM's first line.
func normalize(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	return data
}

// checkText reports an empty file or bytes that are not UTF-8.
func checkText(file string, data []byte) *site.Diagnostic {
	if len(bytes.TrimSpace(data)) == 0 {
		return &site.Diagnostic{Pos: site.Pos{File: file, Line: 1}, Msg: "file is empty",
			Hint: "give it front matter and a body, or delete it"}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		li := newLineIndex(data, 1)
		line, col := li.pos(off)
		return &site.Diagnostic{Pos: site.Pos{File: file, Line: line, Col: col},
			Msg:  fmt.Sprintf("file is not valid UTF-8 (byte 0x%02x)", data[off]),
			Hint: "save the file as UTF-8"}
	}
	return nil
}

// splitMatter separates front matter from body. findMatter finds the
// delimiters as adrg/frontmatter does, on the file's bytes in place; the
// raw text is kept so that it can be parsed again with positions.
func splitMatter(file string, data []byte) (matter, *site.Diagnostic) {
	var captured struct {
		d   *delimiter
		raw []byte
	}
	bodyOff := 0
	if d, start, end, after := findMatter(data); d != nil {
		captured.d, captured.raw = d, append([]byte(nil), data[start:end]...)
		bodyOff = after
	}
	if captured.d == nil {
		if m, ok := splitJSONObject(data); ok {
			return m, nil
		}
		if line, d := openingLine(data); d != nil {
			return matter{}, &site.Diagnostic{
				Pos:  site.Pos{File: file, Line: line, Col: 1},
				Msg:  fmt.Sprintf("front matter opened with %q is never closed", d.start),
				Hint: fmt.Sprintf("end it with a line holding only %q", d.end),
			}
		}
		return matter{body: data, bodyLine: 1}, nil
	}
	d := captured.d
	rawEnd := bodyOff
	if !d.object {
		prefix := bytes.TrimSuffix(data[:bodyOff], []byte{'\n'})
		rawEnd = bytes.LastIndexByte(prefix, '\n') + 1
	}
	rawStart := rawEnd - len(captured.raw)
	if rawStart < 0 || !bytes.Equal(data[rawStart:rawEnd], captured.raw) {
		// Should not happen; find the text instead of guessing.
		rawStart = max(bytes.Index(data, captured.raw), 0)
	}
	m := matter{
		format:   d.format,
		raw:      captured.raw,
		rawLine:  lineOf(data, rawStart),
		body:     data[bodyOff:],
		bodyLine: lineOf(data, bodyOff),
	}
	m.openLine = m.rawLine
	if !d.object {
		m.openLine--
	}
	return m, nil
}

// openingLine returns the line of the first non-blank line when it opens
// front matter.
func openingLine(data []byte) (int, *delimiter) {
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		l, data, _ = bytes.Cut(data, []byte{'\n'})
		t := string(bytes.TrimSpace(l))
		if t == "" {
			continue
		}
		for i := range delimiters {
			if delimiters[i].start == t {
				return line, &delimiters[i]
			}
		}
		return 0, nil
	}
	return 0, nil
}

// splitJSONObject splits front matter that is a bare JSON object the
// delimiter search did not take: one whose closing brace is not followed by
// a blank line, or is not alone on its line (Hugo reads both). The object
// ends at the brace that matches the opening one; the rest of that line
// stays with the object, so that text after the brace is reported there.
// It reports false when the first non-blank line is not "{" or the brace is
// never closed.
func splitJSONObject(data []byte) (matter, bool) {
	line, d := openingLine(data)
	if d == nil || !d.object {
		return matter{}, false
	}
	start := bytes.IndexByte(data, '{')
	end, _ := jsonEnd(data, start)
	if end < 0 {
		return matter{}, false
	}
	if nl := bytes.IndexByte(data[end:], '\n'); nl >= 0 {
		end += nl + 1
	} else {
		end = len(data)
	}
	return matter{
		format:   formatJSON,
		raw:      data[start:end],
		rawLine:  line,
		openLine: line,
		body:     data[end:],
		bodyLine: lineOf(data, end),
	}, true
}
