package era_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/koukaikei/koukaikei/era"
)

type record struct {
	Date       era.Date       `json:"date"`
	FiscalYear era.FiscalYear `json:"fiscal_year"`
}

func TestJSON(t *testing.T) {
	r := record{Date: date(era.Reiwa, 2, 3, 31), FiscalYear: 2019}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"date":"2020-03-31","fiscal_year":2019}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s; want %s", b, want)
	}
	var back record
	if err := json.Unmarshal(b, &back); err != nil || back != r {
		t.Errorf("json.Unmarshal(%s) = %+v, %v; want %+v", b, back, err, r)
	}
}

func TestUnmarshalJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want record
	}{
		{"ISO and number", `{"date":"2020-03-31","fiscal_year":2019}`, record{date(era.Reiwa, 2, 3, 31), 2019}},
		{"和暦", `{"date":"令和2年3月31日","fiscal_year":"令和元年度"}`, record{date(era.Reiwa, 2, 3, 31), 2019}},
		{"fiscal year as a string", `{"fiscal_year":"2019"}`, record{FiscalYear: 2019}},
		{"fiscal year under Heisei", `{"fiscal_year":"平成31年度"}`, record{FiscalYear: 2019}},
		{"escaped", `{"date":"\u4ee4\u548c2\u5e743\u670831\u65e5"}`, record{Date: date(era.Reiwa, 2, 3, 31)}},
		{"null leaves the zero value", `{"date":null,"fiscal_year":null}`, record{}},
	}
	for _, tt := range tests {
		var got record
		if err := json.Unmarshal([]byte(tt.in), &got); err != nil || got != tt.want {
			t.Errorf("%s: json.Unmarshal(%s) = %+v, %v; want %+v", tt.name, tt.in, got, err, tt.want)
		}
	}
}

func TestUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		err  error
	}{
		{"impossible day", `{"date":"2020-02-30"}`, era.ErrRange},
		{"outside its era", `{"date":"平成32年4月1日"}`, era.ErrOutsideEra},
		{"not a date", `{"date":"tomorrow"}`, era.ErrSyntax},
		{"fiscal year out of range", `{"fiscal_year":1872}`, era.ErrRange},
		{"fiscal year too large", `{"fiscal_year":99999999999999999999}`, era.ErrRange},
		{"negative fiscal year", `{"fiscal_year":-2019}`, era.ErrSyntax},
		{"fractional fiscal year", `{"fiscal_year":2019.5}`, era.ErrSyntax},
		{"fiscal year as a boolean", `{"fiscal_year":true}`, era.ErrSyntax},
		{"fiscal year outside its era", `{"fiscal_year":"昭和64年度"}`, era.ErrOutsideEra},
	}
	for _, tt := range tests {
		var got record
		err := json.Unmarshal([]byte(tt.in), &got)
		var pe *era.ParseError
		if !errors.As(err, &pe) || !errors.Is(err, tt.err) {
			t.Errorf("%s: json.Unmarshal(%s) = %+v, %v; want a *ParseError that wraps %v", tt.name, tt.in, got, err, tt.err)
		}
	}
}

func TestMarshalErrors(t *testing.T) {
	dates := []struct {
		name string
		d    era.Date
	}{
		{"zero", era.Date{}},
		{"February 30", date(era.Reiwa, 2, 2, 30)},
		{"before 1873", date(era.Meiji, 5, 12, 31)},
		{"after 9999", date(era.Reiwa, 7982, 1, 1)},
	}
	for _, tt := range dates {
		if b, err := tt.d.MarshalText(); !errors.Is(err, era.ErrRange) {
			t.Errorf("%s: %#v.MarshalText() = %q, %v; want an error that wraps ErrRange", tt.name, tt.d, b, err)
		}
	}
	for _, fy := range []era.FiscalYear{0, 1872, 9999} {
		if b, err := fy.MarshalText(); !errors.Is(err, era.ErrRange) {
			t.Errorf("FiscalYear(%d).MarshalText() = %q, %v; want an error that wraps ErrRange", fy, b, err)
		}
		if _, err := json.Marshal(fy); err == nil {
			t.Errorf("json.Marshal(FiscalYear(%d)) succeeded; want an error", fy)
		}
	}
}

func TestMarshalText(t *testing.T) {
	tests := []struct {
		name string
		d    era.Date
		want string
	}{
		{"Reiwa", date(era.Reiwa, 2, 3, 31), "2020-03-31"},
		{"first day", date(era.Meiji, 6, 1, 1), "1873-01-01"},
		{"last day", date(era.Reiwa, 7981, 12, 31), "9999-12-31"},
		{"proleptic name", date(era.Heisei, 32, 4, 1), "2020-04-01"},
	}
	for _, tt := range tests {
		b, err := tt.d.MarshalText()
		if err != nil || string(b) != tt.want {
			t.Errorf("%s: MarshalText() = %q, %v; want %q", tt.name, b, err, tt.want)
		}
		b, err = tt.d.AppendText([]byte("x"))
		if err != nil || string(b) != "x"+tt.want {
			t.Errorf("%s: AppendText = %q, %v", tt.name, b, err)
		}
	}
	b, err := era.FiscalYear(2019).AppendText([]byte("FY"))
	if err != nil || string(b) != "FY2019" {
		t.Errorf("FiscalYear(2019).AppendText = %q, %v", b, err)
	}
	var fy era.FiscalYear
	if err := fy.UnmarshalText([]byte("2019")); err != nil || fy != 2019 {
		t.Errorf("UnmarshalText(2019) = %d, %v", fy, err)
	}
}
