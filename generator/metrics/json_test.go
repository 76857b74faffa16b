package metrics

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestJSONGolden: the whole report of the mixed fixture, as /metrics.json
// publishes it.
func TestJSONGolden(t *testing.T) {
	got, err := JSON(Compute(mixedSite(), mixedNow, 0))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := JSON(Compute(mixedSite(), mixedNow, 0))
	if !bytes.Equal(got, again) {
		t.Error("JSON differs between two computations of the same site")
	}
	golden := filepath.Join("testdata", "mixed.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("JSON differs from %s; run go test ./generator/metrics -update and review the diff", golden)
	}
}

// TestJSONShape: a missing value is null, not zero, and every key carries
// its n, exclusions and definition.
func TestJSONShape(t *testing.T) {
	data, err := JSON(Compute(newBuilder(nil).site(), mixedNow, 0))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"deployment_frequency", "lead_time", "change_failure_rate", "recovery_time", "time_to_restore"} {
		key, ok := doc[k].(map[string]any)
		if !ok {
			t.Fatalf("no %s in %s", k, data)
		}
		for _, field := range []string{"value", "n", "excluded", "band", "definition", "unit"} {
			if _, ok := key[field]; !ok {
				t.Errorf("%s has no %q", k, field)
			}
		}
		if k != "deployment_frequency" && key["value"] != nil {
			t.Errorf("%s value = %v in an empty site, want null", k, key["value"])
		}
	}
	trend := doc["trend"].([]any)
	if w := trend[0].(map[string]any); w["lead_time_hours"] != nil || w["deployments"] != 0.0 {
		t.Errorf("empty week = %v, want a null lead time and 0 deployments", w)
	}
}
