//go:build unix && !aix

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// canLock says whether this system has flock.
const canLock = true

// lockOpenFlags open the lock file without following a symbolic link, so a
// link planted in its place cannot point the build at another file.
const lockOpenFlags = os.O_RDWR | os.O_CREATE | unix.O_NOFOLLOW

// tryLock takes an exclusive flock on f without waiting. It reports false
// when another open file holds the lock, and errNoLocks when the file
// system has no locks at all. The lock belongs to the open file, not to the
// process: two opens in one process exclude each other, and the lock goes
// away when the file is closed or its process dies.
func tryLock(f *os.File) (bool, error) {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, unix.EINTR):
			continue
		case errors.Is(err, unix.EWOULDBLOCK):
			return false, nil
		case errors.Is(err, unix.ENOLCK), errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.ENOTSUP), errors.Is(err, unix.ENOSYS):
			return false, errNoLocks
		}
		return false, err
	}
}
