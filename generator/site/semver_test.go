package site

import "testing"

func TestParseSemVer(t *testing.T) {
	good := []struct {
		in   string
		want SemVer
	}{
		{"1.4.0", SemVer{Major: 1, Minor: 4}},
		{"0.0.1", SemVer{Patch: 1}},
		{"2.0.0-rc.1", SemVer{Major: 2, Pre: "rc.1"}},
		{"1.4.1+build.7", SemVer{Major: 1, Minor: 4, Patch: 1, Build: "build.7"}},
		{"1.0.0-alpha-1.0+001", SemVer{Major: 1, Pre: "alpha-1.0", Build: "001"}},
	}
	for _, tt := range good {
		got, err := ParseSemVer(tt.in)
		if err != nil || got != tt.want || got.String() != tt.in {
			t.Errorf("ParseSemVer(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "v1.4.0", "1.4", "1.4.0.1", "01.4.0", "1.4.0-", "1.4.0-01", "1.4.0+", "1.4.0-rc..1", "1.4.0-rc_1", "a.b.c", "1.-4.0", "99999999999999999999.0.0"} {
		if v, err := ParseSemVer(bad); err == nil {
			t.Errorf("ParseSemVer(%q) = %+v, want an error", bad, v)
		}
	}
}

func TestSemVerCompare(t *testing.T) {
	// Each version has lower precedence than the next (the SemVer 2.0 spec's example, and more).
	order := []string{"0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
		"1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0"}
	for i := range order {
		for j := range order {
			a, _ := ParseSemVer(order[i])
			b, _ := ParseSemVer(order[j])
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := a.Compare(b); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", order[i], order[j], got, want)
			}
		}
	}
	a, _ := ParseSemVer("1.0.0+a")
	b, _ := ParseSemVer("1.0.0+b")
	if a.Compare(b) != 0 {
		t.Errorf("build metadata must not count")
	}
}
