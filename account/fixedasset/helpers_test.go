package fixedasset_test

import (
	"testing"

	"github.com/koukaikei/koukaikei/era"
)

func mustDate(t testing.TB, s string) era.Date {
	t.Helper()
	d, err := era.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func fyOf(y int) era.FiscalYear { return era.FiscalYear(y) }
