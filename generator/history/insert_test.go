package history

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var (
	firstAt  = time.Date(2026, 7, 2, 10, 0, 0, 0, time.FixedZone("", 9*3600))
	mergedAt = time.Date(2026, 7, 5, 21, 0, 0, 0, time.FixedZone("", 9*3600))
)

func storyFields() []Field {
	return []Field{
		{Key: "first_commit_at", Value: firstAt, After: []string{"started_at", "created"}},
		{Key: "merged_at", Value: mergedAt, After: []string{"first_commit_at", "started_at", "created"}},
	}
}

func TestInsert(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
		added          []string
	}{
		{"yaml after an anchor, comments and quoting kept",
			"---\n# the story\nid: 'STORY-142'   # quoted\ntitle: \"Export: all\"\ncreated: 2026-07-01\nstarted_at: 2026-07-01T09:00:00+09:00\nacceptance:\n  - one\n---\n\n# Body\n",
			"---\n# the story\nid: 'STORY-142'   # quoted\ntitle: \"Export: all\"\ncreated: 2026-07-01\nstarted_at: 2026-07-01T09:00:00+09:00\nfirst_commit_at: 2026-07-02T10:00:00+09:00\nmerged_at: 2026-07-05T21:00:00+09:00\nacceptance:\n  - one\n---\n\n# Body\n",
			[]string{"first_commit_at", "merged_at"}},
		{"yaml: a present key stays, even empty; anchor with a block value goes to the end",
			"---\nid: STORY-1\nmerged_at:\ncreated:\n  2026-07-01\ntags: [a]\n# trailing note\n---\nbody\n",
			"---\nid: STORY-1\nmerged_at:\ncreated:\n  2026-07-01\ntags: [a]\nfirst_commit_at: 2026-07-02T10:00:00+09:00\n# trailing note\n---\nbody\n",
			[]string{"first_commit_at"}},
		{"yaml with CRLF",
			"---\r\nid: STORY-1\r\n---\r\nbody\r\n",
			"---\r\nid: STORY-1\r\nfirst_commit_at: 2026-07-02T10:00:00+09:00\r\nmerged_at: 2026-07-05T21:00:00+09:00\r\n---\r\nbody\r\n",
			[]string{"first_commit_at", "merged_at"}},
		{"toml before its first table, a multi-line string kept",
			"+++\nid = \"STORY-1\" # id\nnotes = \"\"\"\nx = 1\n\"\"\"\n\n[[voc]]\nsource = \"support\"\n+++\nbody",
			"+++\nid = \"STORY-1\" # id\nnotes = \"\"\"\nx = 1\n\"\"\"\nfirst_commit_at = 2026-07-02T10:00:00+09:00\nmerged_at = 2026-07-05T21:00:00+09:00\n\n[[voc]]\nsource = \"support\"\n+++\nbody",
			[]string{"first_commit_at", "merged_at"}},
		{"toml after an anchor; a key inside a table is not the story's",
			"+++\nstarted_at = 2026-07-01T09:00:00+09:00\nstatus = 'done'\n[extra]\nmerged_at = 1\n+++\n",
			"+++\nstarted_at = 2026-07-01T09:00:00+09:00\nfirst_commit_at = 2026-07-02T10:00:00+09:00\nmerged_at = 2026-07-05T21:00:00+09:00\nstatus = 'done'\n[extra]\nmerged_at = 1\n+++\n",
			[]string{"first_commit_at", "merged_at"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Insert([]byte(tt.in), storyFields())
			if err != nil {
				t.Fatal(err)
			}
			if got := string(e.Bytes()); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			if strings.Join(e.Added, ",") != strings.Join(tt.added, ",") {
				t.Errorf("added %v, want %v", e.Added, tt.added)
			}
		})
	}
	for _, bad := range []string{"{\"id\": \"S\"}\n", "# no front matter\n", "---\nid: x\n", ""} {
		if _, err := Insert([]byte(bad), storyFields()); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestDiffApplies: the diff git reads back gives the edited file.
func TestDiffApplies(t *testing.T) {
	var body strings.Builder
	for i := range 20 {
		body.WriteString("line " + string(rune('a'+i)) + "\n")
	}
	in := "---\nid: STORY-1\ncreated: 2026-07-01\ntitle: T\nstarted_at: 2026-07-01T09:00:00+09:00\n---\n" + body.String()
	fields := storyFields()
	fields[1].After = []string{"created"}
	e, err := Insert([]byte(in), fields)
	if err != nil {
		t.Fatal(err)
	}
	diff := e.Diff("content/stories/x.md")
	if !strings.HasPrefix(diff, "--- a/content/stories/x.md\n+++ b/content/stories/x.md\n@@ -1,") {
		t.Fatalf("diff:\n%s", diff)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"content/stories/x.md": in, "x.diff": diff})
	runGit(t, dir, "", "", "init", "-q")
	runGit(t, dir, "", "", "apply", "x.diff")
	got, err := os.ReadFile(filepath.Join(dir, "content/stories/x.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(e.Bytes()) {
		t.Errorf("git apply gave\n%s\nwant\n%s", got, e.Bytes())
	}
	if e, _ := Insert([]byte("---\nfirst_commit_at: x\nmerged_at: y\n---\n"), storyFields()); e.Diff("x") != "" || len(e.Added) != 0 {
		t.Error("a file with both keys changed")
	}
}
