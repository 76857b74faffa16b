package check

import (
	"bytes"
	"encoding/json"
	"testing"

	"almanac/generator/site"
)

func sampleReport() Report {
	return Report{Pages: 12, Root: "site", Diagnostics: site.Diagnostics{
		{Pos: site.Pos{File: "content/stories/a.md", Line: 4, Col: 9}, Severity: site.Error,
			Msg: `status: "doing" is not one of: backlog, ready`, Hint: `did you mean "done"?`},
		{Pos: site.Pos{File: "content/stories/b.md", Line: 7}, Severity: site.Warning, Msg: "100% sure:\nnot"},
		{Pos: site.Pos{File: "content/x,y.md"}, Severity: site.Error, Msg: "file is empty"},
	}}
}

func TestWriteFormats(t *testing.T) {
	tests := []struct {
		format Format
		strict bool
		want   string
	}{
		{Text, false, `content/stories/a.md:4:9: error: status: "doing" is not one of: backlog, ready (did you mean "done"?)
content/stories/b.md:7: warning: 100% sure:
not
content/x,y.md: error: file is empty
check: 2 errors, 1 warning in 12 pages
`},
		{GitHub, true, `::error file=site/content/stories/a.md,line=4,col=9,title=almanac check::status: "doing" is not one of: backlog, ready (did you mean "done"?)
::warning file=site/content/stories/b.md,line=7,title=almanac check::100%25 sure:%0Anot
::error file=site/content/x%2Cy.md,title=almanac check::file is empty
check: 2 errors, 1 warning in 12 pages (--strict: warnings fail)
`},
	}
	for _, tt := range tests {
		r := sampleReport()
		r.Strict = tt.strict
		var b bytes.Buffer
		if err := Write(&b, tt.format, r); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tt.format, b.String(), tt.want)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, JSON, sampleReport()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		OK       bool
		Errors   int
		Warnings int
		Pages    int
		Problems []map[string]any
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v in %s", err, b.String())
	}
	if got.OK || got.Errors != 2 || got.Warnings != 1 || got.Pages != 12 || len(got.Problems) != 3 {
		t.Fatalf("got %+v", got)
	}
	p := got.Problems[0]
	if p["file"] != "content/stories/a.md" || p["line"] != 4.0 || p["col"] != 9.0 || p["severity"] != "error" || p["hint"] != `did you mean "done"?` {
		t.Errorf("first problem = %v", p)
	}
	if _, ok := got.Problems[2]["line"]; ok {
		t.Errorf("a problem without a line has none in JSON: %v", got.Problems[2])
	}
}

func TestReportFailedAndSummary(t *testing.T) {
	warn := site.Diagnostics{{Pos: site.Pos{File: "a.md"}, Severity: site.Warning, Msg: "w"}}
	tests := []struct {
		r       Report
		failed  bool
		summary string
	}{
		{Report{Pages: 1}, false, "check: no problems in 1 page"},
		{Report{Pages: 3, Diagnostics: warn}, false, "check: 0 errors, 1 warning in 3 pages"},
		{Report{Pages: 3, Diagnostics: warn, Strict: true}, true, "check: 0 errors, 1 warning in 3 pages (--strict: warnings fail)"},
		{sampleReport(), true, "check: 2 errors, 1 warning in 12 pages"},
	}
	for _, tt := range tests {
		if tt.r.Failed() != tt.failed || tt.r.Summary() != tt.summary {
			t.Errorf("Failed() = %v, Summary() = %q; want %v, %q", tt.r.Failed(), tt.r.Summary(), tt.failed, tt.summary)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"text", "json", "github"} {
		if f, err := ParseFormat(s); err != nil || string(f) != s {
			t.Errorf("ParseFormat(%q) = %q, %v", s, f, err)
		}
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("ParseFormat(xml) gave no error")
	}
}
