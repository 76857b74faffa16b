package metrics

import (
	"bytes"
	"encoding/json"
	"testing"

	"almanac/generator/site"
)

// TestSources: with repositories configured, the lead time key counts how
// many lead times read a timestamp from git, and the JSON says where each
// value was read.
func TestSources(t *testing.T) {
	b := newBuilder(nil)
	rel := b.release("1.4.0", "released", "2026-07-12T09:00:00Z", "")
	rel.Release.ReleasedFrom = &site.Source{Repository: "settlement-api", Commit: "3f2a1c9", Tag: "v1.4.0"}
	b.release("1.3.0", "released", "2026-07-01T09:00:00Z", "")
	git := b.story("STORY-142", "1.4.0", "2026-07-02T10:00:00Z", "")
	git.Story.FirstCommitFrom = &site.Source{Repository: "settlement-api", Commit: "aaaaaaa"}
	b.story("STORY-143", "1.3.0", "2026-06-30T09:00:00Z", "")
	b.story("STORY-144", "1.3.0", "", "2026-06-29T21:00:00Z")
	s := b.site()
	now := at("2026-07-20T00:00:00Z")

	plain := Compute(s, now, 0)
	if plain.Sources != nil || len(plain.LeadTime.Notes) != 1 {
		t.Fatalf("without repositories: sources %v, notes %v", plain.Sources, plain.LeadTime.Notes)
	}
	s.Config.Repositories = []site.Repository{{Path: "../settlement-api"}}
	r := Compute(s, now, 0)
	notes := map[string]int{}
	for _, n := range r.LeadTime.Notes {
		notes[n.Code] = n.Count
	}
	if notes["from_git"] != 1 || notes["from_front_matter"] != 2 || notes["from_merged_at"] != 1 {
		t.Errorf("notes = %+v", r.LeadTime.Notes)
	}
	if r.Sources == nil || len(r.Sources.LeadTimes) != 3 || len(r.Sources.Deployments) != 2 {
		t.Fatalf("sources = %+v", r.Sources)
	}
	data, err := JSON(r)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Sources struct {
			LeadTimes []map[string]any `json:"lead_times"`
		} `json:"sources"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, lt := range doc.Sources.LeadTimes {
		if lt["story"] != "STORY-142" {
			continue
		}
		found = true
		// 2026-07-02T10:00Z to 2026-07-12T09:00Z: 9 days and 23 hours.
		if lt["hours"] != 239.0 || lt["start"] != "first_commit_at" {
			t.Errorf("STORY-142 = %v", lt)
		}
		want := map[string]any{"from": "git", "repository": "settlement-api", "commit": "aaaaaaa"}
		if got := lt["start_source"].(map[string]any); !sameMap(got, want) {
			t.Errorf("start_source = %v, want %v", got, want)
		}
		if got := lt["released_at_source"].(map[string]any); got["tag"] != "v1.4.0" {
			t.Errorf("released_at_source = %v", got)
		}
	}
	if !found {
		t.Errorf("no STORY-142 in %s", data)
	}
	plainJSON, _ := JSON(plain)
	if bytes.Contains(plainJSON, []byte(`"lead_times"`)) {
		t.Error("a site without repositories has sources in its JSON")
	}
}

func sameMap(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
