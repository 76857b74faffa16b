package site

import (
	"errors"
	"strconv"
	"strings"
)

// ParseSemVer parses a Semantic Versioning 2.0.0 version such as 1.4.0,
// 2.0.0-rc.1 or 1.4.1+build.7. A leading "v" is not part of a version and is
// rejected.
func ParseSemVer(s string) (SemVer, error) {
	var v SemVer
	if s == "" {
		return v, errors.New("empty version")
	}
	if s[0] == 'v' || s[0] == 'V' {
		return v, errors.New(`a version starts with a digit, not "v"`)
	}
	rest := s
	if i := strings.IndexByte(rest, '+'); i >= 0 {
		v.Build = rest[i+1:]
		rest = rest[:i]
		if err := checkIdents(v.Build, false); err != nil {
			return SemVer{}, errors.New("build metadata: " + err.Error())
		}
	}
	if i := strings.IndexByte(rest, '-'); i >= 0 {
		v.Pre = rest[i+1:]
		rest = rest[:i]
		if err := checkIdents(v.Pre, true); err != nil {
			return SemVer{}, errors.New("pre-release: " + err.Error())
		}
	}
	parts := strings.Split(rest, ".")
	if len(parts) != 3 {
		return SemVer{}, errors.New("want MAJOR.MINOR.PATCH")
	}
	nums := [3]*int{&v.Major, &v.Minor, &v.Patch}
	for i, p := range parts {
		n, err := numericIdent(p)
		if err != nil {
			return SemVer{}, err
		}
		*nums[i] = n
	}
	return v, nil
}

// String formats the version back to its canonical text.
func (v SemVer) String() string {
	s := strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor) + "." + strconv.Itoa(v.Patch)
	if v.Pre != "" {
		s += "-" + v.Pre
	}
	if v.Build != "" {
		s += "+" + v.Build
	}
	return s
}

// Compare orders versions by SemVer precedence: -1 if v < w, 0 if they have
// the same precedence (build metadata is ignored), +1 if v > w.
func (v SemVer) Compare(w SemVer) int {
	for _, d := range [3][2]int{{v.Major, w.Major}, {v.Minor, w.Minor}, {v.Patch, w.Patch}} {
		if d[0] != d[1] {
			if d[0] < d[1] {
				return -1
			}
			return 1
		}
	}
	switch {
	case v.Pre == w.Pre:
		return 0
	case v.Pre == "":
		return 1
	case w.Pre == "":
		return -1
	}
	a, b := strings.Split(v.Pre, "."), strings.Split(w.Pre, ".")
	for i := 0; i < len(a) && i < len(b); i++ {
		if c := comparePreIdent(a[i], b[i]); c != 0 {
			return c
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

func comparePreIdent(a, b string) int {
	an, aerr := strconv.ParseUint(a, 10, 64)
	bn, berr := strconv.ParseUint(b, 10, 64)
	switch {
	case aerr == nil && berr == nil:
		if an < bn {
			return -1
		} else if an > bn {
			return 1
		}
		return 0
	case aerr == nil:
		return -1 // numeric identifiers sort before alphanumeric ones
	case berr == nil:
		return 1
	}
	return strings.Compare(a, b)
}

func numericIdent(p string) (int, error) {
	if p == "" {
		return 0, errors.New("empty number in version")
	}
	for _, c := range p {
		if c < '0' || c > '9' {
			return 0, errors.New("version numbers are digits only, found " + strconv.Quote(p))
		}
	}
	if len(p) > 1 && p[0] == '0' {
		return 0, errors.New("version numbers have no leading zeros, found " + strconv.Quote(p))
	}
	n, err := strconv.Atoi(p)
	if err != nil {
		return 0, errors.New("version number too large: " + p)
	}
	return n, nil
}

func checkIdents(s string, pre bool) error {
	for _, id := range strings.Split(s, ".") {
		if id == "" {
			return errors.New("empty identifier")
		}
		digits := true
		for _, c := range id {
			switch {
			case c >= '0' && c <= '9':
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '-':
				digits = false
			default:
				return errors.New("identifiers use [0-9A-Za-z-] only, found " + strconv.Quote(id))
			}
		}
		if pre && digits && len(id) > 1 && id[0] == '0' {
			return errors.New("numeric identifiers have no leading zeros, found " + strconv.Quote(id))
		}
	}
	return nil
}
