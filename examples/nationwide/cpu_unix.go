//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, in user and
// system mode: on a shared machine, a measure of the work that other
// processes' load does not stretch as much as they stretch the wall clock.
func cpuTime() (user, system time.Duration, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0, false
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano()), true
}
