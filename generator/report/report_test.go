package report

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
)

func num(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}

func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 1e-9
}

func period(t *testing.T, key string) Period {
	t.Helper()
	p, err := ParseKey(key, nil, fixtureNow)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestKeysBesideThePeriodBefore checks the running 2026-Q1 against
// 2025-Q4, both worked out by hand in fixtureSite's comment.
func TestKeysBesideThePeriodBefore(t *testing.T) {
	r := Build(fixtureSite(), period(t, "2026-q1"), fixtureNow, Options{})
	if !r.Period.Running || !r.Period.Until.Equal(fixtureNow) || r.Previous.Key != "2025-q4" || r.Previous.Running {
		t.Fatalf("period %+v, previous %+v", r.Period, r.Previous)
	}
	want := []struct {
		name        string
		cur, prev   float64
		n, prevN    int
		verdict     string
		higherIsBet bool
	}{
		{"deployment_frequency", 3 * 7 / 78.5, 2 * 7 / 92.0, 3, 2, Better, true},
		{"lead_time", 24, 27, 3, 2, Better, false},
		{"change_failure_rate", 200.0 / 3, 50, 3, 2, Worse, false},
		{"recovery_time", 3, 4, 2, 1, Better, false},
		{"time_to_restore", 1.75, 2, 2, 1, Better, false},
	}
	if len(r.Keys) != len(want) {
		t.Fatalf("%d keys, want %d", len(r.Keys), len(want))
	}
	for i, w := range want {
		k := r.Keys[i]
		if k.Name != w.name || !same(num(k.Value), w.cur) || !same(num(k.Previous), w.prev) ||
			k.N != w.n || k.PreviousN != w.prevN || k.Verdict != w.verdict || k.HigherIsBetter != w.higherIsBet {
			t.Errorf("key %d = %s %v (n %d) vs %v (n %d) %s; want %s %v (n %d) vs %v (n %d) %s", i,
				k.Name, num(k.Value), k.N, num(k.Previous), k.PreviousN, k.Verdict,
				w.name, w.cur, w.n, w.prev, w.prevN, w.verdict)
		}
		if !same(num(k.Change), w.cur-w.prev) {
			t.Errorf("%s change = %v, want %v", k.Name, num(k.Change), w.cur-w.prev)
		}
	}
}

func TestSectionsOfARunningQuarter(t *testing.T) {
	s := fixtureSite()
	r := Build(s, period(t, "2026-q1"), fixtureNow, Options{})
	var versions []string
	for _, rel := range r.Releases {
		versions = append(versions, rel.ID)
	}
	if !reflect.DeepEqual(versions, []string{"1.0.0", "1.1.0", "1.1.1"}) {
		t.Errorf("releases %v", versions)
	}
	if cl := r.Releases[0].Changelog; !reflect.DeepEqual(cl, []CategoryCount{{"added", 1}, {"changed", 1}}) {
		t.Errorf("1.0.0 changelog %v", cl)
	}
	if len(r.Rollbacks) != 1 || r.Rollbacks[0].ID != "1.1.0" || len(r.Hotfixes) != 1 || r.Hotfixes[0].ID != "1.1.1" {
		t.Errorf("rollbacks %v, hotfixes %v", r.Rollbacks, r.Hotfixes)
	}
	if r.StoriesDone != 3 {
		t.Errorf("stories done %d, want 3 (S-3, S-4, S-5)", r.StoriesDone)
	}
	type g struct {
		src     string
		stories []string
	}
	var got []g
	for _, vg := range r.Voices {
		x := g{src: vg.Source}
		for _, st := range vg.Stories {
			x.stories = append(x.stories, st.ID)
		}
		got = append(got, x)
	}
	wantG := []g{{"support", []string{"S-3", "S-4"}}, {"sales", []string{"S-3"}}, {"", []string{"S-5"}}}
	if !reflect.DeepEqual(got, wantG) {
		t.Errorf("voices %+v, want %+v", got, wantG)
	}
	if c := r.Voices[0].Stories[1].Customers; !reflect.DeepEqual(c, []string{"Gamma"}) {
		t.Errorf("S-4's support customers %v", c)
	}
	// security-review is required: 1.0.0 passed it and privacy-review,
	// 1.1.0 waived it, the hotfix 1.1.1 lacks it, and the planned 1.2.0
	// lacks it and has privacy-review pending.
	checks := []CheckCounts{{Passed: 2}, {Waived: 1}, {Open: 1}}
	for i, c := range checks {
		if r.Releases[i].Checks != c {
			t.Errorf("%s checks %+v, want %+v", r.Releases[i].ID, r.Releases[i].Checks, c)
		}
	}
	if c := r.Next[0].Checks; c != (CheckCounts{Open: 2}) {
		t.Errorf("1.2.0 checks %+v, want 2 open", c)
	}
	// 1.2.0 is planned in Q2; 1.3.0 is cancelled; 2.0.0 is after Q2.
	if len(r.Next) != 1 || r.Next[0].ID != "1.2.0" || len(r.Next[0].Stories) != 1 || r.Next[0].Stories[0].ID != "S-6" {
		t.Errorf("next %+v", r.Next)
	}
	if r.IncidentCount != 2 || len(r.Incidents) != 2 || r.Incidents[0].Severity != "SEV1" || r.Incidents[1].Severity != "SEV3" {
		t.Errorf("incidents %d %+v", r.IncidentCount, r.Incidents)
	}
	if h := num(r.Incidents[0].Incidents[0].RestoreHours); h != 3 {
		t.Errorf("PM-B restored in %v h, want 3", h)
	}
	// Opened: PM-B's three and PM-C's one; closed: PM-B's done and
	// PM-C's dropped one; overdue: PM-B's due 1 March and PM-A's due
	// 10 January, an item of a Q4 post-mortem that fell due in Q1.
	a := r.Actions
	if a.Opened != 4 || a.Closed != 2 || a.Overdue != 2 || len(a.Items) != 2 || a.Items[0].PostMortem.ID != "PM-A" {
		t.Errorf("actions %+v", a)
	}
	if r.Empty() {
		t.Error("Q1 reads as empty")
	}
	if d := r.Decisions; len(d) != 2 || d[0].ID != "ADR-1" || d[0].Status != "rejected" || d[0].Date != "2026-01-05" || d[1].ID != "ADR-2" {
		t.Errorf("decisions %+v, want ADR-1 then ADR-2 (ADR-3 is only proposed)", d)
	}
	// Weeks from 1 January up to 20 March: 12, the last one running.
	// 1.0.0 and PM-B on 15 January (week 3), 1.1.0 and 1.1.1 on 10 and
	// 11 February (week 6), PM-C on 1 March (week 9).
	if len(r.Weeks) != 12 {
		t.Fatalf("%d weeks, want 12", len(r.Weeks))
	}
	var deps, dones, incs []int
	for _, w := range r.Weeks {
		deps, dones, incs = append(deps, w.Deployments), append(dones, w.Done), append(incs, w.Incidents)
	}
	if !reflect.DeepEqual(deps, []int{0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0}) ||
		!reflect.DeepEqual(dones, []int{0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0}) ||
		!reflect.DeepEqual(incs, []int{0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0}) {
		t.Errorf("weeks: deployments %v, done %v, incidents %v", deps, dones, incs)
	}
}

func TestClosedQuarterAndMonth(t *testing.T) {
	s := fixtureSite()
	q4 := Build(s, period(t, "2025-q4"), fixtureNow, Options{})
	if q4.Period.Running || !q4.Period.Until.Equal(at("2026-01-01T00:00:00Z")) {
		t.Errorf("Q4 period %+v", q4.Period)
	}
	if q4.StoriesDone != 2 || len(q4.Releases) != 2 || q4.IncidentCount != 1 {
		t.Errorf("Q4: %d stories, %d releases, %d incidents; want 2, 2, 1", q4.StoriesDone, len(q4.Releases), q4.IncidentCount)
	}
	if a := q4.Actions; a.Opened != 2 || a.Closed != 1 || a.Overdue != 0 {
		t.Errorf("Q4 actions %+v", a)
	}
	// What came after Q4, up to the end of Q1: 1.0.0, 1.1.0, 1.1.1.
	if len(q4.Next) != 3 || q4.Next[0].ID != "1.0.0" {
		t.Errorf("Q4 next %+v", q4.Next)
	}
	// February: 1.1.0 and 1.1.1; January had 1.0.0 alone, with no failure
	// rate to compare but its own.
	feb := Build(s, period(t, "2026-02"), fixtureNow, Options{})
	if feb.Period.Running || feb.Previous.Key != "2026-01" || feb.StoriesDone != 1 || len(feb.Releases) != 2 {
		t.Errorf("February: %+v, %d stories, %d releases", feb.Period, feb.StoriesDone, len(feb.Releases))
	}
	k := feb.Keys[2]
	if !same(num(k.Value), 50) || !same(num(k.Previous), 100) || k.Verdict != Better {
		t.Errorf("February failure rate %v vs %v %s, want 50 vs 100 better", num(k.Value), num(k.Previous), k.Verdict)
	}
	// March runs: no deployment so far, so no lead time, and PM-C's half
	// hour to restore.
	mar := Build(s, period(t, "2026-03"), fixtureNow, Options{})
	if !mar.Period.Running || !same(num(mar.Keys[0].Value), 0) || mar.Keys[1].Value != nil || !same(num(mar.Keys[4].Value), 0.5) {
		t.Errorf("March keys %+v", mar.Keys)
	}
	if mar.Keys[1].Verdict != "" || mar.Keys[1].Change != nil {
		t.Errorf("a missing value has a change: %+v", mar.Keys[1])
	}
}

func TestEmptyPeriod(t *testing.T) {
	r := Build(fixtureSite(), period(t, "2025-q3"), fixtureNow, Options{})
	if !r.Empty() || r.StoriesDone != 0 || r.IncidentCount != 0 || len(r.Releases) != 0 || !reflect.DeepEqual(r.Actions, Actions{Items: []ActionItem{}}) {
		t.Errorf("2025-Q3 is not empty: %+v", r)
	}
	if v := r.Keys[0].Value; v == nil || *v != 0 {
		t.Errorf("frequency of an empty quarter = %v, want 0", num(v))
	}
	for _, k := range r.Keys[1:] {
		if k.Value != nil || k.N != 0 || k.Verdict != "" {
			t.Errorf("%s of an empty quarter: %+v", k.Name, k)
		}
	}
	// Empty lists, not null, in the JSON file.
	data, err := JSON(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"releases", "rollbacks", "hotfixes", "voices", "incidents", "decisions", "next"} {
		if _, ok := m[key].([]any); !ok {
			t.Errorf("%s = %v in JSON, want a list", key, m[key])
		}
	}
}

func TestPeriods(t *testing.T) {
	var keys []string
	for _, p := range Periods(fixtureSite(), fixtureNow) {
		keys = append(keys, p.Key)
	}
	// 1.2.0's April is still ahead; S-7 has no date.
	want := []string{"2026-q1", "2026-03", "2026-02", "2026-01", "2025-q4", "2025-11"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("periods %v, want %v", keys, want)
	}
}

func TestParseKey(t *testing.T) {
	for _, bad := range []string{"2026-q5", "2026-13", "2026", "26-q1", "2026-1", "2026-q01"} {
		if _, err := ParseKey(bad, nil, fixtureNow); err == nil {
			t.Errorf("ParseKey(%q) accepted", bad)
		}
	}
	p := period(t, "2026-q4")
	if !p.From.Equal(at("2026-10-01T00:00:00Z")) || !p.To.Equal(at("2027-01-01T00:00:00Z")) || p.URL() != "/reports/2026-q4/" {
		t.Errorf("2026-q4 = %+v", p)
	}
}

func TestHighlights(t *testing.T) {
	body := []byte("Intro.\n\n## Highlights\n\n- **Payouts per bank**, in a window\n  before the cut-off ([S-1](../stories/s.md)).\n" +
		"- An `audit` [log](x.md) for\n  the console.\n\n```\n## not a heading\n```\n\n## Upgrade notes\n\n- not a highlight\n")
	got := Highlights(body)
	want := []string{"Payouts per bank", "An audit log for the console."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("highlights %q, want %q", got, want)
	}
	if Highlights([]byte("## Notes\n\n- x\n")) != nil {
		t.Error("highlights from a body without them")
	}
}

// WriteJSON writes what an indenting encoder writes, after what the
// buffer holds already.
func TestWriteJSONAsAnEncoder(t *testing.T) {
	for _, key := range []string{"2025-q3", "2025-q4", "2026-q1"} {
		r := Build(fixtureSite(), period(t, key), fixtureNow, Options{})
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		b := bytes.NewBufferString("before")
		if err := WriteJSON(b, r); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimPrefix(b.String(), "before"); got != want.String() {
			t.Errorf("%s: WriteJSON gives\n%s\nwant\n%s", key, got, want.String())
		}
	}
}
