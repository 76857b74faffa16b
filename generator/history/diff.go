package history

import (
	"bytes"
	"fmt"
)

// diffContext is how many unchanged lines a hunk shows around a change.
const diffContext = 3

// Diff returns the edit as a unified diff of the file at name (a slash
// path relative to the site), "" when nothing was added.
func (e *Edit) Diff(name string) string {
	var changed []int
	for i, l := range e.lines {
		if l.added {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		return ""
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
	// oldBefore[i] is how many of the file's own lines come before line i.
	oldBefore := make([]int, len(e.lines)+1)
	for i, l := range e.lines {
		oldBefore[i+1] = oldBefore[i]
		if !l.added {
			oldBefore[i+1]++
		}
	}
	for k := 0; k < len(changed); {
		from := max(changed[k]-diffContext, 0)
		last := changed[k]
		for k++; k < len(changed) && changed[k]-last <= 2*diffContext; k++ {
			last = changed[k]
		}
		to := min(last+diffContext+1, len(e.lines))
		oldStart, oldCount := oldBefore[from]+1, oldBefore[to]-oldBefore[from]
		newStart, newCount := from+1, to-from
		if oldCount == 0 {
			oldStart--
		}
		fmt.Fprintf(&b, "@@ -%d,%d +%d,%d @@\n", oldStart, oldCount, newStart, newCount)
		for _, l := range e.lines[from:to] {
			mark := byte(' ')
			if l.added {
				mark = '+'
			}
			b.WriteByte(mark)
			b.Write(l.text)
			if !bytes.HasSuffix(l.text, []byte("\n")) {
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return b.String()
}
