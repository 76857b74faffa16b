package content

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"

	"almanac/generator/site"
)

// MaxPageBytes is the largest Markdown file almanac reads as a page. A
// bigger one is almost always a log or a data dump saved by mistake; it is
// reported and left out instead of slowing every build down.
const MaxPageBytes = 8 << 20

// readPage reads a page, refusing files larger than MaxPageBytes without
// reading them whole.
func readPage(fsys fs.FS, name string) ([]byte, *site.Diagnostic) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &site.Diagnostic{Pos: site.Pos{File: name}, Msg: fmt.Sprintf("cannot read file: %v", unwrapPathError(err))}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &site.Diagnostic{Pos: site.Pos{File: name}, Msg: "cannot read file: it is a folder",
			Hint: "rename the folder: names ending in .md are pages"}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxPageBytes+1))
	if err != nil {
		return nil, &site.Diagnostic{Pos: site.Pos{File: name}, Msg: fmt.Sprintf("cannot read file: %v", unwrapPathError(err))}
	}
	if len(data) > MaxPageBytes {
		size := int64(len(data))
		if st, err := f.Stat(); err == nil && st.Size() > size {
			size = st.Size()
		}
		return nil, &site.Diagnostic{Pos: site.Pos{File: name},
			Msg:  fmt.Sprintf("file is %s, more than the %s a page may be", mib(size), mib(MaxPageBytes)),
			Hint: "keep data in a CSV or an attachment beside the page and link to it"}
	}
	return data, nil
}

// mib writes a size in mebibytes.
func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// tabHint points a YAML error on a line indented with a tab at that tab,
// with a hint: YAML allows only spaces there, and the tab is invisible in
// most editors.
func tabHint(err error, raw []byte, firstLine int) error {
	pe, ok := err.(*posError)
	if !ok {
		return err
	}
	i := pe.line - firstLine
	lines := bytes.Split(raw, []byte{'\n'})
	if i < 0 || i >= len(lines) {
		return err
	}
	line := lines[i]
	indent := len(line) - len(bytes.TrimLeft(line, " \t"))
	if tab := bytes.IndexByte(line[:indent], '\t'); tab >= 0 {
		pe.col = tab + 1
		pe.hint = "YAML indents with spaces only: replace the tab with spaces"
	}
	return pe
}
