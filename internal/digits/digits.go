// Package digits reads the commonest printed figure, a whole number in
// half-width digits, without the general parser of package format.
package digits

import "strings"

// Int returns the value of s when s is an optional '-' or '△' and at most 18
// half-width digits, ungrouped or grouped by commas in threes (1,234,567),
// and reports whether it is. format.ParseAmount reads every such s as the
// same whole number; any other text is left to it.
func Int(s string) (int64, bool) {
	neg := false
	switch {
	case len(s) > 0 && s[0] == '-':
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "△"):
		neg, s = true, s[len("△"):]
	}
	if len(s) == 0 || len(s) > 18+6 {
		return 0, false
	}
	var v int64
	n := 0     // digits read
	group := 0 // digits since the last comma, or since the start
	comma := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			v = v*10 + int64(c-'0')
			n++
			group++
		case c == ',':
			if group == 0 || group > 3 || comma && group != 3 {
				return 0, false
			}
			comma, group = true, 0
		default:
			return 0, false
		}
	}
	if n == 0 || n > 18 || comma && group != 3 {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}
