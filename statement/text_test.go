package statement_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/koukaikei/koukaikei/statement"
)

func sp(n int) string { return strings.Repeat(" ", n) }

func TestWriteText(t *testing.T) {
	s := mustBuild(smallForm(), statement.Meta{
		Entity: "地方公共団体情報システム機構",
		Date:   "（令和２年３月３１日現在）",
		Notes:  []string{"(注1) 本人確認情報処理事業"},
	}, smallFigures())
	var buf bytes.Buffer
	if err := s.WriteText(&buf, statement.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	// Widths: labels 20 columns (　現金及び預金 (注1)), amounts 14 and 15
	// (△ counts one column), 備考 8.
	want := strings.Join([]string{
		"貸借対照表",
		"（令和２年３月３１日現在）",
		"地方公共団体情報システム機構",
		"（単位：円）",
		"科目" + sp(26) + "予算額" + sp(10) + "決算額" + sp(13) + "差額  備考",
		"流動資産",
		"　現金及び預金 (注1)  28,049,275,000  32,200,729,071    4,151,454,071  (注1、2)",
		"　未収金" + sp(12) + "  28,841,292,000  15,268,792,065  △13,572,499,935",
		"流動資産合計" + sp(8) + "  56,890,567,000  47,469,521,136   △9,421,045,864",
		"　未払金" + sp(12) + "  44,770,610,000  31,502,477,862  △13,268,132,138",
		"(注1) 本人確認情報処理事業",
		"",
	}, "\n")
	if got := buf.String(); got != want {
		t.Errorf("WriteText =\n%s\nwant\n%s", got, want)
	}
}

// The J-LIS 純資産変動計算書 prints each component as a block.
func TestWriteTextVertical(t *testing.T) {
	f := &statement.Form{
		Title: "純資産変動計算書", Stub: "区分", Vertical: true, ZeroSums: true,
		Columns: []statement.Column{
			{Name: "出資金", Kind: statement.Input},
			{Name: "積立金", Kind: statement.Input},
			{Name: "合計", Kind: statement.Computed, Formula: statement.Formula{{Key: "出資金"}, {Key: "積立金"}}},
		},
		Rows: []statement.Row{
			{Key: "opening", Kind: statement.Item, Label: "当期首残高"},
			{Kind: statement.Header, Label: "当期変動額"},
			{Key: "net", Kind: statement.Item, Label: "当期純利益", Indent: 1},
			{Key: "change", Kind: statement.Total, Label: "当期変動額合計", Indent: 1, Formula: statement.Formula{{Key: "net"}}},
			{Key: "closing", Kind: statement.Total, Label: "当期末残高", Formula: statement.Formula{{Key: "opening"}, {Key: "change"}}},
		},
	}
	s := mustBuild(f, statement.Meta{}, []statement.Figure{
		{Row: "opening", Column: "出資金", Value: yen(134000000)},
		{Row: "opening", Column: "積立金", Value: yen(3615315766)},
		{Row: "net", Column: "出資金"},
		{Row: "net", Column: "積立金", Value: yen(1456735141)},
	})
	var buf bytes.Buffer
	if err := s.WriteText(&buf, statement.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"純資産変動計算書",
		"（単位：円）",
		"区分" + sp(25) + "金額",
		"出資金",
		"　当期首残高" + sp(8) + "  134,000,000",
		"　当期変動額" + sp(8) + "            0",
		"　　当期変動額合計" + sp(14) + "0",
		"　当期末残高" + sp(8) + "  134,000,000",
		"積立金",
		"　当期首残高" + sp(8) + "3,615,315,766",
		"　当期変動額",
		"　　当期純利益" + sp(6) + "1,456,735,141",
		"　　当期変動額合計  1,456,735,141",
		"　当期末残高" + sp(8) + "5,072,050,907",
		"合計",
		"　当期首残高" + sp(8) + "3,749,315,766",
		"　当期変動額",
		"　　当期純利益" + sp(6) + "1,456,735,141",
		"　　当期変動額合計  1,456,735,141",
		"　当期末残高" + sp(8) + "5,206,050,907",
		"",
	}, "\n")
	if got := buf.String(); got != want {
		t.Errorf("WriteText =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteMarkdown(t *testing.T) {
	f := smallForm()
	f.Number = "様式第8号"
	s := mustBuild(f, statement.Meta{Date: "（令和２年３月３１日現在）"}, smallFigures())
	var buf bytes.Buffer
	if err := s.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	want := "### 様式第8号 貸借対照表\n\n" +
		"（令和２年３月３１日現在）　（単位：円）\n\n" +
		"| 科目 | 予算額 | 決算額 | 差額 | 備考 |\n" +
		"| :--- | ---: | ---: | ---: | :--- |\n" +
		"| 流動資産 |  |  |  |  |\n" +
		"| 　現金及び預金 (注1) | 28,049,275,000 | 32,200,729,071 | 4,151,454,071 | (注1、2) |\n" +
		"| 　未収金 | 28,841,292,000 | 15,268,792,065 | △13,572,499,935 |  |\n" +
		"| 流動資産合計 | 56,890,567,000 | 47,469,521,136 | △9,421,045,864 |  |\n" +
		"| 　未払金 | 44,770,610,000 | 31,502,477,862 | △13,268,132,138 |  |\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteMarkdown =\n%s\nwant\n%s", got, want)
	}
}

// A 貸借対照表 of the 統一的な基準 prints 資産 on the left and 負債・純資産
// on the right. The expected text is worked out by hand: left labels 16
// columns wide (　減価償却累計額; 科目 is 4), amounts 9 (1,000,000), so the left half
// is 27 columns; right labels 18 (負債及び純資産合計), amounts 8
// (△250,000); four spaces between the halves; the right half, one line
// shorter, leaves the last line to the left.
func TestWriteTextSplit(t *testing.T) {
	amount := []statement.Column{{Name: "金額", Kind: statement.Input}}
	f := &statement.Form{Title: "貸借対照表", Columns: amount, Split: "H200", Rows: []statement.Row{
		{Key: "H100", Kind: statement.Header, Label: "【資産の部】"},
		{Key: "1000", Kind: statement.Subtotal, Label: "固定資産"},
		{Key: "1113", Kind: statement.Item, Label: "建物", Indent: 1},
		{Key: "1114", Kind: statement.Item, Label: "減価償却累計額", Indent: 1},
		{Key: "1510", Kind: statement.Item, Label: "現金預金"},
		{Key: "1520", Kind: statement.Item, Label: "未収金"},
		{Key: "1900", Kind: statement.Total, Label: "資産合計", Formula: statement.Formula{{Key: "1000"}, {Key: "1510"}, {Key: "1520"}}},
		{Key: "H200", Kind: statement.Header, Label: "【負債の部】"},
		{Key: "2010", Kind: statement.Item, Label: "地方債"},
		{Key: "H300", Kind: statement.Header, Label: "【純資産の部】"},
		{Key: "3010", Kind: statement.Item, Label: "固定資産等形成分"},
		{Key: "3020", Kind: statement.Item, Label: "余剰分（不足分）"},
		{Key: "3990", Kind: statement.Total, Label: "負債及び純資産合計", Formula: statement.Formula{{Key: "2010"}, {Key: "3010"}, {Key: "3020"}}},
	}}
	s := mustBuild(f, statement.Meta{}, []statement.Figure{
		fig("1113", 1000000), fig("1114", -400000), fig("1510", 50000), fig("1520", 10000),
		fig("2010", 310000), fig("3010", 600000), fig("3020", -250000),
	})
	var buf bytes.Buffer
	if err := s.WriteText(&buf, statement.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"貸借対照表",
		"（単位：円）",
		"科目" + sp(19) + "金額" + sp(4) + "科目" + sp(20) + "金額",
		"【資産の部】" + sp(15) + sp(4) + "【負債の部】",
		"固定資産" + sp(12) + "600,000" + sp(4) + "地方債" + sp(15) + "310,000",
		"　建物" + sp(12) + "1,000,000" + sp(4) + "【純資産の部】",
		"　減価償却累計額" + sp(3) + "△400,000" + sp(4) + "固定資産等形成分" + sp(5) + "600,000",
		"現金預金" + sp(13) + "50,000" + sp(4) + "余剰分（不足分）" + sp(4) + "△250,000",
		"未収金" + sp(15) + "10,000" + sp(4) + "負債及び純資産合計" + sp(3) + "660,000",
		"資産合計" + sp(12) + "660,000",
		"",
	}, "\n")
	if got := buf.String(); got != want {
		t.Errorf("WriteText =\n%s\nwant\n%s", got, want)
	}
	// The other layouts print the rows in order.
	buf.Reset()
	s.WriteCSV(&buf, statement.CSVOptions{NoBOM: true, LF: true})
	if !strings.Contains(buf.String(), "1900,資産合計,660000\nH200,【負債の部】,\n") {
		t.Errorf("CSV of a split form:\n%s", buf.String())
	}
	f.Split = "nosuch"
	if _, err := statement.Compile(f); !errors.Is(err, statement.ErrUnknown) || !strings.Contains(err.Error(), "nosuch") {
		t.Errorf("Compile with an unknown Split: %v", err)
	}
}

func fig(row string, n int64) statement.Figure {
	return statement.Figure{Row: row, Column: "金額", Value: yen(n)}
}
