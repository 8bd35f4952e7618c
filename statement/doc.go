// Package statement builds the financial statements of public bodies from
// leaf figures, checks them against what was published, scales them to
// 千円 or 百万円, and prints them.
//
// A [Form] (様式) is the layout of a statement: [Row] values that are
// headings, items (figures given as input) or totals (computed by a signed
// [Formula] over other rows), and [Column] values that are inputs, computed
// from other columns (差額 = 決算額 − 予算額) or text (備考). [Build] fills a
// form with [Figure] values and computes every other cell; nothing that can
// be computed is taken as given. Amounts are exact, in yen, and a cell may
// have no figure at all (該当なし), which is not zero.
//
// # Checking
//
// [ReadCSV] and [ReadJSON] load a statement as published, figure by figure.
// [Compare] lists every cell in which two statements differ, by row label
// and column; [Statement.Verify] lists the printed totals that the printed
// figures do not give; a [Link] states an identity across statements, such
// as 損益計算書 当期純利益 = 純資産変動計算書 当期純利益. The package
// statementtest wraps these for a user's own tests.
//
// # Scaling
//
// [Statement.Scale] shows a statement in a larger unit under a stated
// [Policy] for each column: every cell rounded from its exact value
// (「科目ごとに四捨五入しているので合計が一致しない場合がある」), or derived
// cells recomputed from rounded ones. Published summaries use both.
//
// # Printing
//
// [Statement.WriteText] prints the published layout, aligned by display
// width; [Statement.WriteCSV] writes CSV in UTF-8 with a byte order mark or
// in CP932; [Statement.MarshalJSON] writes a documented JSON object; and
// [Statement.WriteMarkdown] writes a Markdown table.
//
// The package does not post journal entries or keep ledgers: its input is
// balances. Segment statements and eliminations are built on it elsewhere.
package statement
