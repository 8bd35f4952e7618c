package format

import (
	"testing"
	"unicode"

	"golang.org/x/text/width"
)

// wideBlock agrees with the lookups it spares, for every character of
// the blocks it names, whichever width ambiguous characters take.
func TestWideBlocks(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !wideBlock(r) {
			continue
		}
		for _, d := range []Display{{}, {AmbiguousWide: true}} {
			if got := d.slowRuneWidth(r); got != 2 {
				t.Errorf("%U: the lookups give width %d, wideBlock says 2", r, got)
			}
		}
	}
}

// slowRuneWidth is RuneWidth without wideBlock.
func (d Display) slowRuneWidth(r rune) int {
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cc, unicode.Cf) || r == '\u200b' || r == '\u200d' || r == '\ufeff' {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	case width.EastAsianAmbiguous:
		if d.AmbiguousWide {
			return 2
		}
	}
	return 1
}
