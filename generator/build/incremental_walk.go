package build

import (
	"context"
	"io/fs"
	"strings"

	"almanac/generator/content"
	"almanac/generator/site"
)

// within reports whether p is dir or lies inside it.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+"/")
}

// walkFiles lists the files under dir in walk order, by the one walk the
// loader uses (content.Walk).
func walkFiles(ctx context.Context, fsys fs.FS, dir string) ([]string, site.Diagnostics) {
	files, diags := content.Walk(ctx, fsys, dir)
	return files.All, diags
}
