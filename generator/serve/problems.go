package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"unicode/utf8"

	"almanac/generator/site"
)

// The error overlay's data: what the reload client shows over the page.
// Every string is put into the page as text, never as markup.
type problemList struct {
	Errors []problem `json:"errors"`
	More   int       `json:"more,omitempty"` // errors left out of the list
}

type problem struct {
	File    string        `json:"file"`
	Line    int           `json:"line,omitempty"`
	Col     int           `json:"col,omitempty"`
	Where   string        `json:"where"` // file:line:col
	Message string        `json:"message"`
	Hint    string        `json:"hint,omitempty"`
	Excerpt []excerptLine `json:"excerpt,omitempty"`
}

type excerptLine struct {
	N    int    `json:"n"`
	Text string `json:"text"`
	Here bool   `json:"here,omitempty"`
}

// Limits of the overlay: how many errors it lists, how many show their
// source, how many lines around the error, how long a line.
const (
	maxProblems     = 30
	maxExcerpts     = 10
	excerptContext  = 3
	maxExcerptWidth = 240
)

// problemsOf turns the errors among diags into the overlay's data, each
// with the source lines around it, read from the first of fsyses that has
// the file (the site, then the theme).
func problemsOf(diags site.Diagnostics, fsyses ...fs.FS) problemList {
	list := problemList{Errors: []problem{}}
	for _, d := range diags {
		if d.Severity != site.Error {
			continue
		}
		if len(list.Errors) == maxProblems {
			list.More++
			continue
		}
		p := problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Where: d.Pos.String(), Message: d.Msg, Hint: d.Hint}
		if len(list.Errors) < maxExcerpts && d.Pos.Line > 0 {
			p.Excerpt = excerpt(d.Pos, fsyses)
		}
		list.Errors = append(list.Errors, p)
	}
	return list
}

// excerpt reads the lines around pos.
func excerpt(pos site.Pos, fsyses []fs.FS) []excerptLine {
	if !fs.ValidPath(pos.File) {
		return nil
	}
	var data []byte
	for _, fsys := range fsyses {
		if fsys == nil {
			continue
		}
		if b, err := fs.ReadFile(fsys, pos.File); err == nil {
			data = b
			break
		}
	}
	if data == nil {
		return nil
	}
	from, to := max(pos.Line-excerptContext, 1), pos.Line+excerptContext
	var out []excerptLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan() && n <= to; n++ {
		if n < from {
			continue
		}
		text := bytes.TrimRight(sc.Bytes(), "\r")
		if len(text) > maxExcerptWidth {
			cut := maxExcerptWidth
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
			text = append(text[:cut:cut], "…"...)
		}
		out = append(out, excerptLine{N: n, Text: string(bytes.ToValidUTF8(text, []byte("\uFFFD"))), Here: n == pos.Line})
	}
	return out
}

func (l problemList) json() []byte {
	b, _ := json.Marshal(l)
	return b
}
