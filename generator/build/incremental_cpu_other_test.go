//go:build !unix

package build

import "time"

// processorTime is 0 where getrusage is not at hand.
func processorTime() time.Duration { return 0 }
