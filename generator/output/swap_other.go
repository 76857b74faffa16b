//go:build !linux

package output

// exchange is not available here; Commit falls back to two renames.
func exchange(a, b string) bool { return false }
