package output

import "golang.org/x/sys/unix"

// exchange swaps two paths in one atomic step (renameat2 with
// RENAME_EXCHANGE), so readers of dest see the old folder or the new one,
// never neither. It reports false when the file system cannot do it.
func exchange(a, b string) bool {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE) == nil
}
