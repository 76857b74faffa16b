package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestPageErrors decodes one file per case and compares every diagnostic,
// position, message and hint.
func TestPageErrors(t *testing.T) {
	const story, pm, rel, metric = "content/stories/s.md", "content/postmortems/p.md", "content/releases/r.md", "content/metrics/m.md"
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"bad enum", story, "---\nid: STORY-1\ntitle: T\nstatus: in-progress\n---\n", []string{
			`s.md:4:9: error: status: "in-progress" is not one of: backlog, ready, in_progress, in_review, done, dropped (did you mean "in_progress"?)`}},
		{"bad enum no near value", pm, "---\nid: PM-1\ntitle: T\ndate: 2026-07-01\nstatus: draft\nseverity: SEV9\ntrigger: code\n---\n", []string{
			`p.md:6:11: error: severity: "SEV9" is not one of: SEV1, SEV2, SEV3, SEV4, SEV5`,
			`p.md:7:10: error: trigger: "code" is not one of: deploy, config, infra, dependency, traffic, other`}},
		{"unknown key", pm, "---\nid: PM-2026-001\ntitle: T\ndate: 2026-07-01\nstatus: draft\nseverty: SEV2\n---\n", []string{
			`p.md:1:1: error: missing required key "severity" in post-mortem front matter`,
			`p.md:6:1: error: unknown key "severty" in post-mortem front matter (did you mean "severity"?)`}},
		{"unknown nested key", story, "---\nid: STORY-1\ntitle: T\nstatus: ready\nvoc:\n  - qoute: x\n    date: July\n---\n", []string{
			`s.md:6:5: error: unknown key "voc[0].qoute" in story front matter (did you mean "quote"?)`,
			`s.md:7:11: error: voc[0].date: "July" is not a date (write dates as YYYY-MM-DD, e.g. 2026-07-14)`}},
		{"bad dates", story, "---\nid: STORY-1\ntitle: T\nstatus: ready\ncreated: 2026/07/01\nstarted_at: 2026-07-01T10:00:00\nmerged_at: 2026-07-01\nfirst_commit_at: yesterday\n---\n", []string{
			`s.md:5:10: error: created: "2026/07/01" is not a date (write dates as YYYY-MM-DD, e.g. 2026-07-14)`,
			`s.md:6:13: error: started_at: "2026-07-01T10:00:00" has no time zone offset (add one, e.g. 2026-07-01T10:00:00+09:00)`,
			`s.md:7:12: error: merged_at: "2026-07-01" is a date, but a date and time is needed (write e.g. 2026-07-01T09:00:00+09:00)`,
			`s.md:8:18: error: first_commit_at: "yesterday" is not an RFC 3339 datetime (write e.g. 2026-07-14T09:12:00+09:00)`}},
		{"semver with v", rel, "---\nversion: v1.4.0\nstatus: planned\n---\n", []string{
			`r.md:2:10: error: version: "v1.4.0" is not a SemVer 2.0 version: a version starts with a digit, not "v" (drop the leading "v": 1.4.0)`}},
		{"semver as YAML number", rel, "---\nversion: 1.4\nstatus: planned\n---\n", []string{
			`r.md:2:10: error: version: "1.4" is not a SemVer 2.0 version: want MAJOR.MINOR.PATCH (write all three numbers and quote it, e.g. "1.4.0")`}},
		{"semver leading zero", rel, "+++\nversion = \"01.2.3\"\nstatus = \"planned\"\n+++\n", []string{
			`r.md:2:11: error: version: "01.2.3" is not a SemVer 2.0 version: version numbers have no leading zeros, found "01" (write MAJOR.MINOR.PATCH, e.g. 1.4.0)`}},
		{"unclosed YAML", story, "\n---\nid: STORY-1\ntitle: T\n", []string{
			`s.md:2:1: error: front matter opened with "---" is never closed (end it with a line holding only "---")`}},
		{"unclosed TOML", story, "+++\nid = \"STORY-1\"\n", []string{
			`s.md:1:1: error: front matter opened with "+++" is never closed (end it with a line holding only "+++")`}},
		{"malformed YAML", story, "---\nid: STORY-1\ntitle: T\n  status: x: y\n---\n", []string{
			`s.md:4:9: error: malformed YAML front matter: mapping values are not allowed in this context (this line is indented more than title:, so YAML reads it as more of that value: line it up with title: (0 spaces), or give title: no value of its own if the line belongs under it)`}},
		{"malformed YAML after blank lines", story, "\n\n---\nid: [a\n---\n", []string{
			`s.md:4:5: error: malformed YAML front matter: did not find expected ',' or ']' (close the list with ]; if the [ is text, put the whole value in quotes)`}},
		{"malformed TOML", story, "+++\nid = \"STORY-1\"\ntitle = T\n+++\n", []string{
			`s.md:3:9: error: malformed TOML front matter: expected value but found "T" instead`}},
		{"malformed JSON", story, "{\n\"id\": \"STORY-1\",\n\"title\": T\n}\n\n", []string{
			`s.md:3:10: error: malformed JSON front matter: invalid character 'T' looking for beginning of value`}},
		{"JSON missing comma", story, ";;;\n{\"id\": \"STORY-1\"\n \"title\": \"T\"}\n;;;\n", []string{
			`s.md:3:2: error: malformed JSON front matter: invalid character '"' after object key:value pair`}},
		{"BOM", story, "\ufeff---\nid: STORY-1\ntitle: T\nstatus: nope\n---\n", []string{
			`s.md:4:9: error: status: "nope" is not one of: backlog, ready, in_progress, in_review, done, dropped`}},
		{"CRLF", story, "---\r\nid: STORY-1\r\ntitle: T\r\nstatus: nope\r\n---\r\n", []string{
			`s.md:4:9: error: status: "nope" is not one of: backlog, ready, in_progress, in_review, done, dropped`}},
		{"empty file", story, "", []string{`s.md:1: error: file is empty (give it front matter and a body, or delete it)`}},
		{"blank file", story, "  \n\n", []string{`s.md:1: error: file is empty (give it front matter and a body, or delete it)`}},
		{"invalid UTF-8", story, "---\ntitle: caf\xe9\n---\n", []string{
			`s.md:2:11: error: file is not valid UTF-8 (byte 0xe9) (save the file as UTF-8)`}},
		{"slug and aliases escaping", story, "---\nid: STORY-1\ntitle: T\nstatus: ready\nslug: ../../etc\naliases: [/old/, ../x, https://e.org/a]\n---\n", []string{
			`s.md:5:7: error: slug: "../../etc" would leave the output folder (a slug is one URL segment such as export-deploy-log)`,
			`s.md:6:18: error: aliases[1]: "../x" would leave the output folder (write the path from the site root, e.g. /old/path/)`,
			`s.md:6:24: error: aliases[2]: "https://e.org/a" must be a site-relative URL (write the path only, e.g. /old/path/)`}},
		{"plain url escaping", "content/about.md", "---\nurl: /a/../../b/\n---\n", []string{
			`about.md:2:6: error: url: "/a/../../b/" would leave the output folder (write the path from the site root, e.g. /team/)`}},
		{"wrong types", story, "---\nid: story 1\ntitle: T\nstatus: ready\ntags: deploy\npoints: many\nacceptance: {a: b}\n---\n", []string{
			`s.md:2:5: error: id: "story 1" is not a valid id (ids are capitals, digits and hyphens, e.g. STORY-101 or PM-2026-003)`,
			`s.md:5:7: error: tags: want a list of text, found text (write a list, e.g. [a, b])`,
			`s.md:6:9: error: points: want a number, found text`,
			`s.md:7:13: error: acceptance: want a list of text, found a mapping of keys`}},
		{"lower-case id", story, "---\nid: story-7\ntitle: T\nstatus: ready\n---\n", []string{
			`s.md:2:5: error: id: "story-7" is not a valid id (write it in capitals: STORY-7)`}},
		{"unknown type", story, "---\ntype: stroy\nid: STORY-1\ntitle: T\nstatus: ready\n---\n", []string{
			`s.md:2:7: error: type: "stroy" is not one of: story, release, postmortem, decision, metric, page (did you mean "story"?)`}},
		{"missing required", story, "---\ntitle: T\n---\n", []string{
			`s.md:1:1: error: missing required key "id" in story front matter`,
			`s.md:1:1: error: missing required key "status" in story front matter`}},
		{"duplicate key", story, "---\nid: STORY-1\ntitle: T\nstatus: ready\nstatus: done\n---\n", []string{
			`s.md:5:1: error: duplicate key "status"`}},
		{"not a mapping", story, "---\n- a\n- b\n---\n", []string{
			`s.md:2:1: error: front matter must be a mapping of keys, found a list`}},
		{"metric without points", metric, "---\ntitle: M\n---\n", []string{
			`m.md:1:1: error: missing points or csv in metric front matter (add points: [{date: 2026-07-01, value: 3}] or csv: name.csv)`}},
		{"metric bad values", metric, "---\ntitle: M\npoints:\n  - date: 2026-01-01\n  - {date: 2026-01-02, value: x}\nbetter: more\nchart: pie\n---\n", []string{
			`m.md:4:5: error: points[0]: missing required key "value"`,
			`m.md:5:31: error: points[1].value: want a number, found text`,
			`m.md:6:9: error: better: "more" is not one of: higher, lower`,
			`m.md:7:8: error: chart: "pie" is not one of: line, bar`}},
		{"metric csv missing", metric, "---\ntitle: M\ncsv: missing.csv\n---\n", []string{
			`m.md:3:6: error: csv: cannot read content/metrics/missing.csv: file does not exist (put the file in the same folder as the page)`}},
		{"metric csv escaping", metric, "---\ntitle: M\ncsv: ../m.csv\n---\n", []string{
			`m.md:3:6: error: csv: "../m.csv" must be beside the page (name a file in the same folder, e.g. deploys.csv)`}},
		{"metric csv bad rows", metric, "---\ntitle: M\ncsv: bad.csv\n---\n", []string{
			`content/metrics/bad.csv:3:1: error: "2026/07/08" is not a date (write dates as YYYY-MM-DD)`,
			`content/metrics/bad.csv:4:13: error: "lots" is not a number`,
			`content/metrics/bad.csv:5:1: error: CSV row has 3 fields, want 2 (write date,value)`}},
		{"metric csv bad header", metric, "---\ntitle: M\ncsv: head.csv\n---\n", []string{
			`content/metrics/head.csv:1:1: error: CSV header is "day,count" (the first line must be "date,value")`}},
		{"post-mortem nested", pm, "---\nid: PM-1\ntitle: T\ndate: 2026-07-01\nstatus: draft\nseverity: SEV3\ntimeline:\n  - at: 2026-07-01T10:00:00+09:00\n  - event: x\naction_items:\n  - title: A\n    status: closed\n    due: soon\nlessons: [a]\n---\n", []string{
			`p.md:8:5: error: timeline[0]: missing required key "event"`,
			`p.md:9:5: error: timeline[1]: missing required key "at"`,
			`p.md:12:13: error: action_items[0].status: "closed" is not one of: open, in_progress, done, wont_do`,
			`p.md:13:10: error: action_items[0].due: "soon" is not a date (write dates as YYYY-MM-DD, e.g. 2026-07-14)`,
			`p.md:14:10: error: lessons: want a mapping of keys, found a list`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				tt.file:                    {Data: []byte(tt.src)},
				"content/metrics/bad.csv":  {Data: []byte("date,value\n2026-07-01,3\n2026/07/08,4\n2026-07-15, lots\n2026-07-22,1,2\n")},
				"content/metrics/head.csv": {Data: []byte("day,count\n2026-07-01,3\n")},
			}
			_, diags := LoadPage(fsys, tt.file, testConfig())
			got := strings.Split(strings.TrimSuffix(diagLines(diags), "\n"), "\n")
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				if !strings.HasPrefix(w, "content/") {
					w = tt.file[:strings.LastIndexByte(tt.file, '/')+1] + w
				}
				want[i] = w
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestBrokenPagesAreNil checks that files that cannot be parsed give no page
// while other problems still give one.
func TestBrokenPagesAreNil(t *testing.T) {
	for src, wantPage := range map[string]bool{
		"":                          false,
		"---\nid: [\n---\n":         false,
		"---\nopen":                 false,
		"\xff\xfe":                  false,
		"---\nstatus: nope\n---\nx": true,
		"no front matter":           true,
	} {
		p, diags := LoadPage(fstest.MapFS{"content/stories/s.md": {Data: []byte(src)}}, "content/stories/s.md", testConfig())
		if (p != nil) != wantPage || len(diags) == 0 {
			t.Errorf("%q: page %v, %d diagnostics; want page %v and some diagnostics", src, p != nil, len(diags), wantPage)
		}
	}
	_, diags := LoadPage(fstest.MapFS{}, "content/gone.md", testConfig())
	if got := diagLines(diags); got != "content/gone.md: error: cannot read file: file does not exist\n" {
		t.Errorf("missing file: %s", got)
	}
}
