// Package format prints and reads amounts of money as Japanese public
// documents print them: grouped digits, negatives marked △, figures shown in
// 円, 千円 or 百万円 under a named rounding, full-width digits, kanji units
// for prose (1億3,400万円), and the display width of Japanese text in a
// monospace terminal.
//
// Amounts are [decimal.Decimal] values in yen, exact. The package never uses
// float64 for money, and it never divides to change units: a figure in 千円
// is the yen amount shifted three decimal places and then rounded.
//
// # Formatting
//
// [Amount] prints with the defaults of a zero [Formatter]: yen, grouping,
// △ for negatives, 0 for zero, half-width digits. A Formatter's fields choose
// the display [Unit], the [Rounding] (四捨五入 by default), the [Negative]
// mark and whether a space follows it, how zero and missing figures print,
// and full-width output. The sign is decided after rounding, so −400 円 shown
// in 千円 is 0, never △0.
//
// A statement cell has three states, not two: a value, zero, and no figure at
// all (該当なし), which documents print as a dash. [Cell] holds them, and
// [Formatter.FormatCell] prints each as the Formatter says.
//
// # Parsing
//
// [ParseAmount] reads everything a Formatter prints and what real documents
// contain: spaces after the mark, ▲, minus signs and dashes of every kind,
// parentheses, full-width digits and commas, unit suffixes (円, 千円, 百万円)
// and kanji units (兆, 億, 万). A dash alone is not an amount; [ParseCell]
// reads it as a cell with no figure. Errors are [*ParseError] values naming
// the input and the byte offset, and wrapping [ErrNoFigure] for a dash,
// which a caller may read as 該当なし as ParseCell does; [ErrSyntax] and
// [ErrRange] classify the others, whose Reason says what is wrong, and are
// the module's own: statement's, era's and the others' sentinels of the
// same name are the same values.
//
// # Display width
//
// [Display] measures strings in terminal columns by East Asian Width and pads
// them, so that renderers can align Japanese labels and figures.
//
// # Non-goals
//
// The package does not know about statements, accounts or currencies other
// than the yen, and it does not localize for other languages. It parses
// figures, not arbitrary numerals: kanji digits (三千四百) and scientific
// notation are rejected.
package format
