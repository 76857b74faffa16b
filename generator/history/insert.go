package history

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Field is one key to write into a page's front matter.
type Field struct {
	Key   string
	Value time.Time
	// After are keys to place it after, the first present one winning;
	// without one it goes at the end of the front matter.
	After []string
}

// Edit is a file with keys written into its front matter: every line of
// the file as it was, byte for byte, and the lines added between them.
type Edit struct {
	lines []editLine
	// Added are the keys written, in the order of the fields given.
	Added []string
}

type editLine struct {
	text  []byte // with its line ending, if it has one
	added bool
}

var (
	yamlKey  = regexp.MustCompile(`^(?:"([^"]*)"|'([^']*)'|([^\s#"'\-?:,\[\]{}&*!|>%@` + "`" + `][^:#]*?))\s*:(?:\s|$)`)
	tomlKey  = regexp.MustCompile(`^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_\-]+))\s*=`)
	tomlHead = regexp.MustCompile(`^\s*\[`)
)

// Insert writes fields into the YAML (---) or TOML (+++) front matter of
// data, leaving every byte that is there as it is: comments, key order,
// quoting, line endings. A key the front matter already has at its top
// level is never touched, even with an empty value. A field goes on the
// line after the first of its After keys, when that key's value is on one
// line; otherwise at the end of the front matter's top level (for TOML,
// before its first table). JSON front matter and files without front
// matter are errors.
func Insert(data []byte, fields []Field) (*Edit, error) {
	e := &Edit{}
	for rest := data; len(rest) > 0; {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest) - 1
		}
		e.lines = append(e.lines, editLine{text: rest[:i+1]})
		rest = rest[i+1:]
	}
	if len(e.lines) == 0 {
		return nil, errors.New("the file is empty")
	}
	open := string(trimEOL(bytes.TrimPrefix(e.lines[0].text, []byte("\ufeff"))))
	var toml bool
	switch strings.TrimRight(open, " \t") {
	case "---":
	case "+++":
		toml = true
	default:
		if strings.HasPrefix(strings.TrimSpace(open), "{") {
			return nil, errors.New("JSON front matter is not stamped; write the keys by hand")
		}
		return nil, errors.New("the file has no front matter")
	}
	eol := "\n"
	if bytes.HasSuffix(e.lines[0].text, []byte("\r\n")) {
		eol = "\r\n"
	}
	for _, f := range fields {
		at, present, err := e.place(f, toml)
		if err != nil {
			return nil, err
		}
		if present {
			continue
		}
		line := fmt.Sprintf("%s: %s%s", f.Key, f.Value.Format(time.RFC3339), eol)
		if toml {
			line = fmt.Sprintf("%s = %s%s", f.Key, f.Value.Format(time.RFC3339), eol)
		}
		e.lines = append(e.lines[:at], append([]editLine{{text: []byte(line), added: true}}, e.lines[at:]...)...)
		e.Added = append(e.Added, f.Key)
	}
	return e, nil
}

// place finds where f goes: the index of the line to insert before, or
// present when the key is there already.
func (e *Edit) place(f Field, toml bool) (at int, present bool, err error) {
	keys := map[string]int{} // top-level key → its line
	end, tables := -1, -1
	var inString string // the quotes of a TOML multi-line string the line is in
	for i := 1; i < len(e.lines); i++ {
		text := string(trimEOL(e.lines[i].text))
		if inString != "" {
			if strings.Count(text, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		if !toml && (strings.TrimRight(text, " \t") == "---" || strings.TrimRight(text, " \t") == "...") ||
			toml && strings.TrimRight(text, " \t") == "+++" {
			end = i
			break
		}
		if toml {
			for _, q := range []string{`"""`, `'''`} {
				if strings.Count(text, q)%2 == 1 {
					inString = q
				}
			}
			if tables < 0 && tomlHead.MatchString(text) {
				tables = i
			}
			if m := tomlKey.FindStringSubmatch(text); m != nil && tables < 0 {
				keys[m[1]+m[2]+m[3]] = i
			}
			continue
		}
		if m := yamlKey.FindStringSubmatch(text); m != nil {
			keys[strings.TrimSpace(m[1]+m[2]+m[3])] = i
		}
	}
	if end < 0 {
		return 0, false, errors.New("the front matter is not closed")
	}
	if _, ok := keys[f.Key]; ok {
		return 0, true, nil
	}
	top := end
	if tables >= 0 {
		top = tables
	}
	for _, a := range f.After {
		i, ok := keys[a]
		if !ok {
			continue
		}
		next := i + 1
		if next == top || next == end || e.lines[next].added || isKeyLine(keys, next) {
			return next, false, nil
		}
		break
	}
	// At the end of the top level, after its last key's lines but before
	// blank lines and comments that lead into what follows.
	for top > 1 {
		t := strings.TrimSpace(string(trimEOL(e.lines[top-1].text)))
		if t != "" && !(strings.HasPrefix(t, "#") && (toml || !isIndented(e.lines[top-1].text))) {
			break
		}
		top--
	}
	return top, false, nil
}

// isKeyLine reports whether line i is one of the top-level keys found.
func isKeyLine(keys map[string]int, i int) bool {
	for _, j := range keys {
		if j == i {
			return true
		}
	}
	return false
}

func isIndented(text []byte) bool { return len(text) > 0 && (text[0] == ' ' || text[0] == '\t') }

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// Bytes is the file with the keys written.
func (e *Edit) Bytes() []byte {
	var b bytes.Buffer
	for _, l := range e.lines {
		b.Write(l.text)
	}
	return b.Bytes()
}
