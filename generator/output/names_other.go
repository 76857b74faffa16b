//go:build !linux

package output

import "os"

// readNames lists a folder.
func readNames(dir string) ([]dirName, error) {
	entries, err := os.ReadDir(dir)
	out := make([]dirName, 0, len(entries))
	for _, e := range entries {
		out = append(out, dirName{name: e.Name(), dir: e.IsDir()})
	}
	return out, err
}
