package statement

import (
	"fmt"

	"github.com/koukaikei/koukaikei/era"
)

// DateLine returns the date line m prints: Date when it is set, else AsOf
// or Period written by Caption, else "".
func (m Meta) DateLine() string {
	switch {
	case m.Date != "":
		return m.Date
	case m.AsOf != era.Date{}:
		return m.Caption.FormatAsOf(m.AsOf)
	case m.Period != era.Period{}:
		return m.Caption.FormatPeriod(m.Period)
	}
	return ""
}

// captions are the ways a Caption can write a line, tried in order when
// reading one back.
var captions = func() []era.Caption {
	var cs []era.Caption
	for _, conn := range []era.Connective{era.KaraMade, era.JiItaru} {
		for _, half := range []bool{false, true} {
			for _, bare := range []bool{false, true} {
				cs = append(cs, era.Caption{HalfWidth: half, Bare: bare, Connective: conn})
				if conn == era.JiItaru {
					cs = append(cs, era.Caption{HalfWidth: half, Bare: bare, Connective: conn, TwoLines: true})
				}
			}
		}
	}
	return cs
}()

// WithDateLine returns m with its date read from a printed date line, such
// as （令和２年３月３１日現在） or 自 令和2年4月1日 至 令和3年3月31日: AsOf or
// Period set as era.ParseCaptionLenient reads the line, and Caption the one
// that writes it back exactly; a line that no Caption writes is kept in
// Date, so that it prints as it was. A line that names no day or period is
// a *ParseError wrapping ErrSyntax.
func (m Meta) WithDateLine(line string) (Meta, error) {
	d, p, _, err := era.ParseCaptionLenient(line)
	if err != nil {
		return m, &ParseError{Input: line, Reason: fmt.Sprintf("not a date line: %v", err), Err: ErrSyntax}
	}
	m.AsOf, m.Period, m.Date = d, p, ""
	if !m.withCaptionOf(line) {
		m.Date = line
	}
	return m, nil
}

// withCaptionOf sets m's Caption to the first that writes m's AsOf or
// Period as line, and reports whether there is one; if not, Caption is
// the zero Caption.
func (m *Meta) withCaptionOf(line string) bool {
	for _, c := range captions {
		if m.Caption = c; m.DateLine() == line {
			return true
		}
	}
	m.Caption = era.Caption{}
	return false
}
