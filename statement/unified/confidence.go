package unified

import (
	"fmt"
	"strings"

	"github.com/koukaikei/koukaikei/internal/quote"
)

// A Confidence is how sure the data is of a line of a form: the mark a
// row's Remark opens with. The zero value is no mark.
type Confidence int

// Confidences, from the surest.
const (
	Primary   Confidence = iota + 1 // [P] read in the manual's 様式 or 総務省's workbook
	Verified                        // [V] seen on a published statement, its arithmetic checked
	Secondary                       // [S] from a secondary source describing the 様式
	Knowledge                       // [K] from knowledge of the 様式; not yet confirmed
	Uncertain                       // [K?] varies between editions or scopes, or unsure
)

var confidenceMarks = [...]string{"", "[P]", "[V]", "[S]", "[K]", "[K?]"}

// String returns the mark, such as [V]; an unknown confidence prints as
// %!Confidence(n).
func (c Confidence) String() string {
	if c < Primary || c > Uncertain {
		return fmt.Sprintf("%%!Confidence(%d)", int(c))
	}
	return confidenceMarks[c]
}

// ParseConfidence returns the mark that remark opens with, after spaces:
// [P], [V], [S], [K] or [K?]. A remark that opens with none is an *Error
// wrapping ErrSyntax.
func ParseConfidence(remark string) (Confidence, error) {
	r := strings.TrimLeft(remark, " \t")
	// [K?] before [K], which it begins with.
	for c := Uncertain; c >= Primary; c-- {
		if strings.HasPrefix(r, confidenceMarks[c]) {
			return c, nil
		}
	}
	return 0, &Error{Problems: []Problem{{Err: fmt.Errorf("%w: remark %s opens with none of [P], [V], [S], [K], [K?]", ErrSyntax, quote.Bounded(remark))}}}
}
