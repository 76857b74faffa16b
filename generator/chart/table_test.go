package chart

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestTableOf(t *testing.T) {
	tests := []struct {
		name string
		d    Data
		want Table
	}{
		{"one series with gaps and a target", Data{Title: "Lead time", Unit: "hours", Target: V(48), Dates: weeks(3),
			Series: []Series{{Values: []*float64{V(30), nil, V(0)}}}},
			Table{Caption: "Lead time (target 48 hours)", Head: []string{"Date", "Lead time (hours)"},
				Rows: []Row{{"2026-01-05", []string{"30"}}, {"2026-01-12", []string{"–"}}, {"2026-01-19", []string{"0"}}}}},
		{"several series get a total", Data{Title: "Incidents", Dates: months(2), DateFormat: "2006-01",
			Series: []Series{{Name: "SEV1", Values: []*float64{V(1), nil}}, {Name: "SEV2", Values: []*float64{V(2), nil}}}},
			Table{Caption: "Incidents", Head: []string{"Date", "SEV1", "SEV2", "Total"},
				Rows: []Row{{"2025-04", []string{"1", "2", "3"}}, {"2025-05", []string{"–", "–", "–"}}}}},
		{"own labels", Data{Title: "배포", Unit: "%", Target: V(15), Dates: weeks(1),
			Series: []Series{{Name: "실패율", Values: Values(200.0 / 3)}},
			Labels: Labels{Date: "날짜", Target: "목표", Gap: "-"}},
			Table{Caption: "배포 (목표 15%)", Head: []string{"날짜", "실패율 (%)"}, Rows: []Row{{"2026-01-05", []string{"66.67"}}}}},
	}
	for _, tt := range tests {
		if got := TableOf(tt.d); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: TableOf =\n%#v\nwant\n%#v", tt.name, got, tt.want)
		}
	}
}

func TestFigureGolden(t *testing.T) {
	d := Data{Title: `Stories & "done"`, Unit: "stories", Dates: weeks(3),
		Series: []Series{{Values: []*float64{V(3), nil, V(5)}}}}
	got := Figure(Bar(d), d, "")
	if strings.Contains(got, `Stories & "done"`) || !strings.Contains(got, "Stories &amp; &#34;done&#34;") {
		t.Errorf("title not escaped in\n%s", got)
	}
	golden := filepath.Join("testdata", "figure.golden.html")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/chart -update)", err)
	}
	if got != string(want) {
		t.Errorf("figure differs from %s; run with -update and review the diff\n%s", golden, got)
	}
}

// TestGapsAreNotZeros: a missing value draws nothing, a zero draws a mark
// at zero.
func TestGapsAreNotZeros(t *testing.T) {
	d := Data{Title: "t", Dates: weeks(5), Series: []Series{{Values: []*float64{V(1), nil, V(0), nil, V(2)}}}}
	line := Line(d)
	if n := strings.Count(line, "<circle"); n != 3 {
		t.Errorf("line has %d points, want 3 (two gaps)", n)
	}
	if n := strings.Count(line, " M") + strings.Count(line, `d="M`); n != 3 {
		t.Errorf("line path has %d runs, want 3", n)
	}
	if strings.Contains(line, "2026-01-12: ") || strings.Contains(line, "2026-01-26: ") {
		t.Error("a missing week has a point")
	}
	bar := Bar(d)
	if n := strings.Count(bar, "<rect"); n != 3 {
		t.Errorf("bar chart has %d bars, want 3", n)
	}
	spark := Sparkline(d)
	if n := strings.Count(spark, " M") + strings.Count(spark, `d="M`); n != 3 {
		t.Errorf("sparkline has %d runs, want 3", n)
	}
}

func TestSince(t *testing.T) {
	d := Data{Dates: weeks(4), Series: []Series{{Values: Values(1, 2, 3, 4)}, {Values: Values(5, 6)}}}
	got := d.Since(time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC))
	if len(got.Dates) != 3 || *got.Series[0].Values[0] != 2 || len(got.Series[1].Values) != 1 {
		t.Errorf("Since = %v dates, values %v %v", len(got.Dates), got.Series[0].Values, got.Series[1].Values)
	}
	if len(d.Dates) != 4 || len(d.Series[0].Values) != 4 {
		t.Error("Since changed its receiver")
	}
	if got := d.Since(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)); len(got.Dates) != 0 || len(got.Series[0].Values) != 0 {
		t.Errorf("Since after the last date kept %d dates", len(got.Dates))
	}
}
