//go:build unix

package unified_test

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, in user and
// system mode together: on a shared machine, a measure of the work that
// other processes' load stretches less than it stretches the wall clock.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
