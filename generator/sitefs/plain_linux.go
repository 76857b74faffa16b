package sitefs

import "golang.org/x/sys/unix"

// readPlain reads base, in the folder open as fd, with the system calls
// alone: an os.File spends five more on each file (to try the poller,
// which takes no regular file), and a build reads every page twice. It
// reports false for anything but a regular file of at most max bytes
// that it could read whole, a link included: the caller takes the slow
// path, which says what is wrong.
func readPlain(fd int, base string, max int64) ([]byte, bool) {
	f, err := unix.Openat(fd, base, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_NOCTTY, 0)
	if err != nil {
		return nil, false
	}
	defer unix.Close(f)
	var st unix.Stat_t
	if unix.Fstat(f, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size < 0 || st.Size > max {
		return nil, false
	}
	// One byte more than its size, to see the end without a second
	// buffer; a file that grew meanwhile goes the slow way.
	buf := make([]byte, st.Size+1)
	n := 0
	for {
		if n == len(buf) {
			return nil, false
		}
		m, err := unix.Read(f, buf[n:])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if m == 0 {
			break
		}
		n += m
	}
	return buf[:n], true
}
