package era

// A Period is a run of days from Start to End, both included, as documents
// print it: 平成31年4月1日から令和2年3月31日まで. ParsePeriod also reads a month
// (令和2年3月), a year (令和2年) or a fiscal year (令和2年度) as the Period of
// its days.
type Period struct {
	Start, End Date
}

// Contains reports whether the day that d names is in p.
func (p Period) Contains(d Date) bool {
	return p.Start.Compare(d) <= 0 && d.Compare(p.End) <= 0
}

// String returns p as documents print it: 平成31年4月1日から令和2年3月31日まで.
func (p Period) String() string {
	var buf [80]byte
	return string(p.AppendFormat(buf[:0], Style{}))
}

// Format returns p written in style s.
func (p Period) Format(s Style) string {
	var buf [120]byte
	return string(p.AppendFormat(buf[:0], s))
}

// AppendFormat appends p written in style s to b. Each day names its own era.
func (p Period) AppendFormat(b []byte, s Style) []byte {
	switch s.Connective {
	case JiItaru:
		b = append(b, "自 "...)
		b = p.Start.AppendFormat(b, s)
		b = append(b, " 至 "...)
		return p.End.AppendFormat(b, s)
	case Tilde:
		b = p.Start.AppendFormat(b, s)
		b = append(b, "～"...)
		return p.End.AppendFormat(b, s)
	case WaveDash:
		b = p.Start.AppendFormat(b, s)
		b = append(b, "〜"...)
		return p.End.AppendFormat(b, s)
	}
	b = p.Start.AppendFormat(b, s)
	b = append(b, "から"...)
	b = p.End.AppendFormat(b, s)
	return append(b, "まで"...)
}
