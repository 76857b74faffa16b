package site

import (
	"reflect"
	"testing"
)

func TestReleaseOpenChecks(t *testing.T) {
	required := []string{"security-review", "privacy-review"}
	r := &Release{Status: "frozen", Checks: []ReleaseCheck{
		{Name: "load-test", Status: "failed"},
		{Name: "privacy-review", Status: "waived", Note: "no personal data"},
		{Name: "sbom", Status: "passed"},
	}}
	states := func(cs []ReleaseCheck) []string {
		var out []string
		for _, c := range cs {
			s := c.Name + ":" + c.Status
			if c.Required {
				s += "*"
			}
			out = append(out, s)
		}
		return out
	}
	if got, want := states(r.CheckList(required)), []string{"load-test:failed", "privacy-review:waived*", "sbom:passed", "security-review:missing*"}; !reflect.DeepEqual(got, want) {
		t.Errorf("CheckList = %v, want %v", got, want)
	}
	if got, want := states(r.OpenChecks(required)), []string{"load-test:failed", "security-review:missing*"}; !reflect.DeepEqual(got, want) {
		t.Errorf("OpenChecks = %v, want %v", got, want)
	}
	if got := r.OpenChecks(nil); len(got) != 1 || got[0].Name != "load-test" {
		t.Errorf("OpenChecks(nil) = %v, want the failed one only", states(got))
	}
	if c := r.Check("sbom"); c == nil || c.Status != "passed" {
		t.Errorf("Check(sbom) = %v", c)
	}
	if c := r.Check("security-review"); c != nil {
		t.Errorf("Check(security-review) = %v, want nil", c)
	}

	r.Status = "cancelled"
	if got := r.OpenChecks(required); got != nil {
		t.Errorf("cancelled release: OpenChecks = %v, want none", states(got))
	}
	if got, want := states(r.CheckList(required)), []string{"load-test:failed", "privacy-review:waived*", "sbom:passed"}; !reflect.DeepEqual(got, want) {
		t.Errorf("cancelled release: CheckList = %v, want %v", got, want)
	}
}
