package format

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Display measures text in the columns of a monospace terminal, by the East
// Asian Width property of Unicode (UAX #11) as golang.org/x/text/width reads
// it: wide and full-width characters take two columns, half-width and narrow
// ones one (half-width kana such as ｶﾞ take one each), combining marks and
// control characters none.
//
// The zero value counts ambiguous characters as one column, as most
// terminals outside East Asian locales do.
type Display struct {
	// AmbiguousWide counts characters of ambiguous width, such as △ ① ※ and
	// Greek and Cyrillic letters, as two columns, as terminals in Japanese
	// locales do. Defaults to false: one column.
	AmbiguousWide bool
}

// RuneWidth returns the number of columns r takes.
func (d Display) RuneWidth(r rune) int {
	switch {
	case r < 0x20 || r == 0x7f:
		return 0
	case r < utf8.RuneSelf:
		return 1
	case wideBlock(r):
		return 2
	case r == '\u200b' || r == '\u200d' || r == '\ufeff' ||
		unicode.In(r, unicode.Mn, unicode.Me, unicode.Cc, unicode.Cf):
		// Marks combine with the character before them; format
		// characters, such as zero-width spaces and joiners, do not show.
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

// wideBlock reports whether r lies in one of the blocks that Japanese text
// is mostly made of and whose every character is wide or full-width, none
// a mark: kanji, kana, full-width forms. It spares them the lookups of the
// general case; TestWideBlocks checks it against them.
func wideBlock(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs
		return true
	case r >= 0x3041 && r <= 0x3096: // hiragana, without the combining marks U+3099 and U+309A
		return true
	case r >= 0x309B && r <= 0x30FF: // the rest of hiragana, and katakana
		return true
	case r >= 0xFF01 && r <= 0xFF60: // full-width ASCII
		return true
	case r == 0x3000: // ideographic space
		return true
	}
	return false
}

// Width returns the number of columns s takes. Each byte that is not valid
// UTF-8 counts as U+FFFD, the replacement character it shows as.
func (d Display) Width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += d.RuneWidth(r)
		i += size
	}
	return n
}

// PadLeft returns s with spaces before it to fill w columns, so that figures
// line up on the right. It returns s unchanged when s is as wide or wider.
func (d Display) PadLeft(s string, w int) string {
	if n := w - d.Width(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

// PadRight returns s with spaces after it to fill w columns, so that labels
// line up on the left. It returns s unchanged when s is as wide or wider.
func (d Display) PadRight(s string, w int) string {
	if n := w - d.Width(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}
