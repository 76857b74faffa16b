//go:build !unix

package build

import "time"

// processCPU is not measured here.
func processCPU() time.Duration { return 0 }
