package content

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"

	"almanac/generator/site"
	"almanac/generator/sitefs"
)

// MaxPageBytes is the largest Markdown file almanac reads as a page. A
// bigger one is almost always a log or a data dump saved by mistake; it is
// reported and left out instead of slowing every build down.
const MaxPageBytes = 8 << 20

// readPage reads a page, refusing files larger than MaxPageBytes without
// reading them whole.
func readPage(fsys fs.FS, name string) ([]byte, *site.Diagnostic) {
	if data, ok := sitefs.ReadPlain(fsys, name, MaxPageBytes); ok {
		return data, nil
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &site.Diagnostic{Pos: site.Pos{File: name}, Msg: fmt.Sprintf("cannot read file: %v", unwrapPathError(err))}
	}
	defer f.Close()
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &site.Diagnostic{Pos: site.Pos{File: name}, Msg: "cannot read file: it is a folder",
			Hint: "rename the folder: names ending in .md are pages"}
	} else if err == nil && st.Size() > 0 && st.Size() <= MaxPageBytes {
		// One buffer of the file's size (and the little ReadFrom wants
		// free to see the end), not the doublings of io.ReadAll.
		buf.Grow(int(st.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(f, MaxPageBytes+1))
	data := buf.Bytes()
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
