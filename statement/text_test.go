package statement_test

import (
	"bytes"
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
