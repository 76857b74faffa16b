package chart

import (
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// weeks returns n Mondays from 2026-01-05 on.
func weeks(n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = time.Date(2026, 1, 5+7*i, 0, 0, 0, 0, time.UTC)
	}
	return out
}

func months(n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = time.Date(2025, time.Month(4+i), 1, 0, 0, 0, 0, time.UTC)
	}
	return out
}

// goldenCases are the charts kept as testdata/<name>.golden.svg.
func goldenCases() []struct {
	name string
	svg  string
} {
	leadTime := Data{Title: "Median lead time per week", Unit: "hours", Dates: weeks(8),
		Series: []Series{{Name: "lead time", Values: []*float64{V(30), V(27), nil, V(24), V(72), nil, V(12), nil}}},
		Target: V(48)}
	deploys := Data{Title: "Deployments per week", Unit: "deployments", Dates: weeks(8), Whole: true,
		Series: []Series{{Values: []*float64{V(1), V(2), V(0), nil, V(1), V(3), V(0), V(1)}}}, Target: V(2)}
	severity := Data{Title: "Incidents by severity per month", Unit: "incidents", Dates: months(6), DateFormat: "2006-01", Whole: true,
		Series: []Series{
			{Name: "SEV1", Class: "chart-sev1", Values: Values(0, 1, 0, 0, 0, 1)},
			{Name: "SEV2", Class: "chart-sev2", Values: Values(1, 0, 2, 0, 0, 1)},
			{Name: "SEV3", Class: "chart-sev3", Values: []*float64{V(0), V(1), nil, V(0), V(0), V(2)}},
		}}
	uneven := Data{Title: "Test coverage", Unit: "%", Target: V(80),
		Dates: []time.Time{
			time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 8, 0, 0, 0, 0, time.UTC),
			time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
		},
		Series: []Series{{Name: "coverage", Values: Values(71.5, 74, 79.25, 82)}}}
	two := Data{Title: "Two series", Dates: weeks(4),
		Series: []Series{{Name: "a", Values: Values(1, 2, 3, 4)}, {Name: "b", Values: []*float64{V(4), nil, V(2), V(1)}}}}
	empty := Data{Title: "Nothing yet", Unit: "hours", Dates: weeks(3), Series: []Series{{Values: make([]*float64, 3)}}}
	escaped := Data{Title: `<script>alert("x")</script> & more`, Unit: `"u" <b>`, Dates: weeks(2),
		Series: []Series{{Name: `<i>'name'</i>`, Class: `x" onload="y`, Values: Values(1, 2)}}, Target: V(1.5)}
	return []struct {
		name string
		svg  string
	}{
		{"line-target-gaps", Line(leadTime)},
		{"line-uneven-dates", Line(uneven)},
		{"line-two-series", Line(two)},
		{"line-empty", Line(empty)},
		{"bar-target", Bar(deploys)},
		{"stacked-severity", Stacked(severity)},
		{"sparkline", Sparkline(leadTime)},
		{"sparkline-flat", Sparkline(Data{Title: "Flat", Dates: weeks(3), Series: []Series{{Values: Values(2, 2, 2)}}})},
		{"escaped", Line(escaped)},
	}
}

func TestGoldenSVG(t *testing.T) {
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			checkSVG(t, tc.svg)
			golden := filepath.Join("testdata", tc.name+".golden.svg")
			if *update {
				if err := os.WriteFile(golden, []byte(tc.svg), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./generator/chart -update)", err)
			}
			if tc.svg != string(want) {
				t.Errorf("%s differs from %s; run go test ./generator/chart -update and review the diff\n%s", tc.name, golden, tc.svg)
			}
		})
	}
	// The same data draws the same bytes.
	a, b := goldenCases(), goldenCases()
	for i := range a {
		if a[i].svg != b[i].svg {
			t.Errorf("%s is not deterministic", a[i].name)
		}
	}
}

// checkSVG asserts what every chart must be: well-formed XML, an image
// with a title and a description it points at, a viewBox and full width,
// and no style attribute or element (the site's CSP forbids inline
// styles) nor script.
func checkSVG(t *testing.T, svg string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var root *xml.StartElement
	names := map[string]int{}
	ids := map[string]bool{}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		names[se.Name.Local]++
		if root == nil {
			root = &se
		}
		for _, a := range se.Attr {
			if a.Name.Local == "style" || strings.HasPrefix(a.Name.Local, "on") {
				t.Errorf("<%s> has a %s attribute", se.Name.Local, a.Name.Local)
			}
			if a.Name.Local == "id" {
				ids[a.Value] = true
			}
		}
	}
	if root == nil || root.Name.Local != "svg" {
		t.Fatalf("root is not <svg>")
	}
	attr := map[string]string{}
	for _, a := range root.Attr {
		attr[a.Name.Local] = a.Value
	}
	if attr["role"] != "img" || attr["width"] != "100%" || attr["viewBox"] == "" {
		t.Errorf("root attributes %v lack role=img, width=100%% or a viewBox", attr)
	}
	for _, id := range strings.Fields(attr["aria-labelledby"]) {
		if !ids[id] {
			t.Errorf("aria-labelledby names %q, which is not in the chart", id)
		}
	}
	if names["title"] == 0 || names["desc"] != 1 || names["style"] != 0 || names["script"] != 0 {
		t.Errorf("elements %v: want a title, one desc, no style or script", names)
	}
}
