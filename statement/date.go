package statement

import (
	"fmt"

	"github.com/koukaikei/koukaikei/era"
)

// DateLine returns the date line m prints: Date when it is set, else AsOf
// or Period as the zero era.Caption writes them, else "".
func (m Meta) DateLine() string {
	switch {
	case m.Date != "":
		return m.Date
	case m.AsOf != era.Date{}:
		return era.Caption{}.FormatAsOf(m.AsOf)
	case m.Period != era.Period{}:
		return era.Caption{}.FormatPeriod(m.Period)
	}
	return ""
}

// WithDateLine returns m with its date read from a printed date line, such
// as （令和２年３月３１日現在） or 自 令和2年4月1日 至 令和3年3月31日: AsOf or
// Period set as era.ParseCaptionLenient reads the line, and Date the line,
// unless AsOf or Period print as it by default. A line that names no day
// or period is a *ParseError wrapping ErrSyntax.
func (m Meta) WithDateLine(line string) (Meta, error) {
	d, p, _, err := era.ParseCaptionLenient(line)
	if err != nil {
		return m, &ParseError{Input: line, Reason: fmt.Sprintf("not a date line: %v", err), Err: ErrSyntax}
	}
	m.AsOf, m.Period = d, p
	m.keepDateLine(line)
	return m, nil
}

// keepDateLine sets m's Date so that m prints line: "" where its AsOf or
// Period print as line by default.
func (m *Meta) keepDateLine(line string) {
	m.Date = ""
	if m.DateLine() != line {
		m.Date = line
	}
}
