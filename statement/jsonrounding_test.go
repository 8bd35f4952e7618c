package statement_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/format"
	"github.com/koukaikei/koukaikei/statement"
)

// A statement's rounding goes into its JSON and comes back, so that a
// check of a 千円 statement 切り捨て reads what it wrote; 四捨五入, the
// default, is left out.
func TestJSONRounding(t *testing.T) {
	for _, tc := range []struct {
		rounding format.Rounding
		member   string
	}{{format.Down, `"rounding":"切り捨て"`}, {format.Up, `"rounding":"切り上げ"`}, {format.HalfUp, ""}} {
		s := mustBuild(smallForm(), statement.Meta{Unit: format.Thousand, Rounding: tc.rounding}, smallFigures())
		data, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if tc.member != "" && !strings.Contains(string(data), tc.member) || tc.member == "" && strings.Contains(string(data), `"rounding"`) {
			t.Errorf("%v: %s", tc.rounding, data)
		}
		back, err := statement.ReadJSON(strings.NewReader(string(data)), smallForm(), statement.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := back.Meta().Rounding; got != tc.rounding {
			t.Errorf("read back %v, want %v", got, tc.rounding)
		}
	}
	data, _ := json.Marshal(mustBuild(smallForm(), statement.Meta{Rounding: format.Down}, smallFigures()))
	bad := strings.Replace(string(data), "切り捨て", "五捨六入", 1)
	if _, err := statement.ReadJSON(strings.NewReader(bad), smallForm(), statement.ReadOptions{}); !errors.Is(err, statement.ErrSyntax) || !strings.Contains(err.Error(), `column "rounding"`) {
		t.Errorf("an unknown rounding: %v", err)
	}
}
