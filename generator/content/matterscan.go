package content

import "bytes"

// findMatter finds front matter the way adrg/frontmatter's parser does,
// which splitMatter used until a large site's load spent a quarter of
// its memory copying every file into the parser's buffer: the first
// non-blank line must be a delimiter's opening line (trimmed, and ended
// by a newline), and the front matter runs to the first line that is
// its closing one, followed by a blank line where the delimiter asks
// for it. It returns the delimiter, where the front matter's text
// starts and ends (with the braces for a bare JSON object), and where
// the body starts; d is nil when there is no front matter to split.
func findMatter(data []byte) (d *delimiter, start, end, body int) {
	pos := 0
	// line reads the line at pos as the parser does: trimmed, and
	// whether it is the last one (no newline after it).
	line := func() ([]byte, bool) {
		rest := data[pos:]
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			pos = len(data)
			return bytes.TrimSpace(rest), true
		}
		pos += i + 1
		return bytes.TrimSpace(rest[:i+1]), false
	}
	for d == nil {
		read := pos
		l, atEOF := line()
		if atEOF {
			return nil, 0, 0, 0
		}
		if len(l) == 0 {
			continue
		}
		for i := range delimiters {
			if delimiters[i].start == string(l) {
				d = &delimiters[i]
				break
			}
		}
		if d == nil {
			return nil, 0, 0, 0
		}
		start = pos
		if d.object {
			start = read
		}
	}
	for {
		read := pos
		l, atEOF := line()
		for {
			if d.end != string(l) {
				if atEOF {
					return nil, 0, 0, 0
				}
				break
			}
			if d.object {
				// The closing brace must be followed by a blank
				// line; another line is read as the parser does.
				if l, atEOF = line(); len(l) != 0 {
					continue
				}
				read = pos
			}
			return d, start, read, pos
		}
	}
}
