// Package output is where a build writes its files: a staging folder on
// disk that is swapped in atomically, or memory for the preview server and
// tests.
package output

import (
	"fmt"
	"path"
	"strings"
)

// Writer receives the files of a build. Names are slash-separated and
// relative to the output root ("stories/x/index.html"). Writers are safe for
// concurrent use.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// CleanName checks that name is a relative slash path that stays inside the
// output root and returns it cleaned.
func CleanName(name string) (string, error) {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || strings.ContainsRune(name, 0) {
		return "", fmt.Errorf("output: bad file name %q", name)
	}
	c := path.Clean(name)
	if c == "." || c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("output: %q leaves the output folder", name)
	}
	return c, nil
}
