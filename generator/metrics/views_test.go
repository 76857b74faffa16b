package metrics

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"almanac/generator/site"
)

func TestOpenActions(t *testing.T) {
	b := newBuilder(time.UTC)
	pm1 := b.postmortem("PM-1", "SEV2", "2026-02-01T00:00:00Z", "2026-02-01T01:00:00Z")
	pm1.PostMortem.ActionItems = []site.ActionItem{
		{Title: "Add alert", Owner: "Mina", Status: "open", Due: at("2026-03-01T00:00:00Z")},     // overdue
		{Title: "Write runbook", Owner: "Mina", Status: "done", Due: at("2026-03-01T00:00:00Z")}, // done
		{Title: "Canary", Owner: "Alex", Status: "in_progress", Due: at("2026-04-01T00:00:00Z")},
		{Title: "Nobody's", Status: "open"},
	}
	pm2 := b.postmortem("PM-2", "SEV3", "2026-02-05T00:00:00Z", "2026-02-05T01:00:00Z")
	pm2.PostMortem.ActionItems = []site.ActionItem{
		{Title: "Dashboards", Owner: "Mina", Status: "open"},
		{Title: "Drop it", Owner: "Alex", Status: "wont_do"},
		{Title: "Earlier", Owner: "Mina", Status: "open", Due: at("2026-02-20T00:00:00Z")},
	}
	s := b.site()
	s.People = []*site.Person{{Name: "Mina", URL: "/people/mina/"}}
	a := Compute(s, mixedNow, 0).Actions

	var got []string
	for _, o := range a.Owners {
		var items []string
		for _, it := range o.Items {
			mark := ""
			if it.Overdue {
				mark = "!"
			}
			items = append(items, fmt.Sprintf("%s#%d%s", it.PostMortem, it.Index, mark))
		}
		got = append(got, fmt.Sprintf("%s(%s) %d/%d: %s", o.Owner, o.URL, o.Open, o.Overdue, strings.Join(items, " ")))
	}
	want := []string{
		"Alex() 1/0: PM-1#2",
		"Mina(/people/mina/) 3/2: PM-2#2! PM-1#0! PM-2#0",
		"unspecified() 1/0: PM-1#3",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a.Open != 5 || a.Overdue != 2 {
		t.Errorf("open %d overdue %d, want 5 and 2", a.Open, a.Overdue)
	}
}

func TestVOCCounts(t *testing.T) {
	b := newBuilder(time.UTC)
	b.story("S-1", "", "", "").Story.VOC = []site.VOC{
		{Source: "support", Customer: "Acme"}, {Source: "support", Customer: "Globex"}, {Source: "sales", Customer: "Acme"},
	}
	b.story("S-2", "", "", "").Story.VOC = []site.VOC{{Source: "support", Customer: ""}}
	b.story("S-3", "", "", "").Story.VOC = []site.VOC{{Source: "", Customer: "Acme"}}
	b.story("S-4", "", "", "")
	v := Compute(b.site(), mixedNow, 0).VOC
	if v.Stories != 3 || v.Entries != 5 {
		t.Errorf("stories %d entries %d, want 3 and 5", v.Stories, v.Entries)
	}
	wantSources := []NameCount{{"support", 2, 3}, {"sales", 1, 1}, {Unspecified, 1, 1}}
	wantCustomers := []NameCount{{"Acme", 2, 3}, {"Globex", 1, 1}, {Unspecified, 1, 1}}
	if !reflect.DeepEqual(v.Sources, wantSources) {
		t.Errorf("sources = %v, want %v", v.Sources, wantSources)
	}
	if !reflect.DeepEqual(v.Customers, wantCustomers) {
		t.Errorf("customers = %v, want %v", v.Customers, wantCustomers)
	}
}

func TestTeamSeries(t *testing.T) {
	pt := func(date string, v float64) site.MetricPoint {
		return site.MetricPoint{Date: at(date + "T00:00:00Z"), Value: v}
	}
	tests := []struct {
		name     string
		better   string
		target   *float64
		points   []site.MetricPoint
		latest   *float64
		change   *float64
		met      *bool
		firstDay string
	}{
		{"higher met", "higher", fp(90), []site.MetricPoint{pt("2026-03-01", 95), pt("2026-02-01", 80)},
			fp(95), fp(15), ptr(true), "2026-02-01"},
		{"higher equal meets", "higher", fp(90), []site.MetricPoint{pt("2026-02-01", 92), pt("2026-03-01", 90)},
			fp(90), fp(-2), ptr(true), "2026-02-01"},
		{"lower missed", "lower", fp(5), []site.MetricPoint{pt("2026-01-01", 4), pt("2026-02-01", 6)},
			fp(6), fp(2), ptr(false), "2026-01-01"},
		{"one point", "lower", fp(5), []site.MetricPoint{pt("2026-01-01", 4)},
			fp(4), nil, ptr(true), "2026-01-01"},
		{"no target", "higher", nil, []site.MetricPoint{pt("2026-01-01", 4), pt("2026-02-01", 5)},
			fp(5), fp(1), nil, "2026-01-01"},
		{"no direction", "", fp(3), []site.MetricPoint{pt("2026-01-01", 4)},
			fp(4), nil, nil, "2026-01-01"},
		{"future point is not the latest", "higher", fp(3), []site.MetricPoint{pt("2026-01-01", 4), pt("2026-05-01", 1)},
			fp(4), nil, ptr(true), "2026-01-01"},
		{"no points", "higher", fp(3), nil, nil, nil, nil, ""},
	}
	for _, tt := range tests {
		b := newBuilder(time.UTC)
		b.metric("m", tt.better, tt.target, tt.points...)
		r := Compute(b.site(), mixedNow, 0)
		ts := r.SeriesBySlug("m")
		if ts == nil {
			t.Fatalf("%s: no series m", tt.name)
		}
		var latest *float64
		if ts.Latest != nil {
			latest = &ts.Latest.Value
		}
		if !sameFloat(latest, tt.latest) || !sameFloat(ts.Change, tt.change) || !reflect.DeepEqual(ts.TargetMet, tt.met) {
			t.Errorf("%s: latest %s change %s met %v, want %s %s %v", tt.name,
				showFloat(latest), showFloat(ts.Change), ts.TargetMet, showFloat(tt.latest), showFloat(tt.change), tt.met)
		}
		if len(ts.Points) != len(tt.points) || (len(ts.Points) > 0 && ts.Points[0].Date.Format("2006-01-02") != tt.firstDay) {
			t.Errorf("%s: points %v not sorted from %s", tt.name, ts.Points, tt.firstDay)
		}
	}
	if r := Compute(newBuilder(time.UTC).site(), mixedNow, 0); r.SeriesBySlug("m") != nil {
		t.Error("SeriesBySlug found a series in an empty site")
	}
}
