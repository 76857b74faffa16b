package calendar

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"strings"
)

// defaultHost names the calendar in UIDs when base_url has no host.
const defaultHost = "almanac"

// uidHost returns the host of baseURL, lower-cased, or "almanac".
func uidHost(baseURL string) string {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil || u.Hostname() == "" {
		return defaultHost
	}
	return strings.ToLower(u.Hostname())
}

// uid builds "<parts joined by ->@host" from content ids, keeping only
// characters that need no escaping anywhere a UID is shown.
func uid(host string, parts ...string) string {
	for i, p := range parts {
		parts[i] = uidPart(p)
	}
	return strings.Join(parts, "-") + "@" + host
}

// uidPart lower-cases s and replaces every character other than ASCII
// letters, digits, '.', '_' and '+' by '-'.
func uidPart(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '_', r == '+':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// milestoneKeys returns one key per milestone name, stable while the name
// stays: an ASCII name gives its slug ("code-freeze"), any other a short
// hash of the name ("m1a2b3c4d"); a repeated key gets "-2", "-3".
func milestoneKeys(names []string) []string {
	keys := make([]string, len(names))
	used := map[string]bool{}
	for i, name := range names {
		k := slugASCII(name)
		if k == "" {
			h := fnv.New32a()
			h.Write([]byte(strings.TrimSpace(name)))
			k = fmt.Sprintf("m%08x", h.Sum32())
		}
		base := k
		for n := 2; used[k]; n++ {
			k = fmt.Sprintf("%s-%d", base, n)
		}
		used[k] = true
		keys[i] = k
	}
	return keys
}

// slugASCII returns the lower-case slug of an ASCII name, or "" when the
// name holds anything else or no letter or digit.
func slugASCII(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		switch {
		case r > 0x7f:
			return ""
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
