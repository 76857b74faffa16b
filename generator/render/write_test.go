package render

import (
	"context"
	"flag"
	"path/filepath"
	"testing"

	"almanac/generator/output"
)

var outDir = flag.String("out", "", "write the fixture sites, rendered, under this folder (en/ and ko/), for a look in a browser")

// TestWriteFixture renders the English and Korean fixture sites to disk
// when -out is given; the base URL is the folder served at
// http://127.0.0.1:8000/.
func TestWriteFixture(t *testing.T) {
	if *outDir == "" {
		t.Skip("no -out folder")
	}
	for _, lang := range []string{"en", "ko"} {
		st, err := output.NewStaging(filepath.Join(*outDir, lang))
		if err != nil {
			t.Fatal(err)
		}
		r, err := New(Options{Theme: theme(), Site: siteFS()})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Render(context.Background(), fixture(lang, "http://127.0.0.1:8000/"+lang+"/"), st); err != nil {
			st.Abort()
			t.Fatal(err)
		}
		if err := st.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}
