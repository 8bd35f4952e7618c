// Package xlsx reads the financial statements that public bodies publish as
// Excel workbooks, and writes statements and books as workbooks in the
// published layout.
//
// It is a module of its own, on github.com/xuri/excelize/v2, so that the
// library's module keeps its three dependencies.
//
// # Reading
//
// [Read] and [ReadFile] give each sheet of a workbook as a [statement.Grid]:
// the text of every cell as the statement readers take it, and names in
// errors such as 貸借対照表!C12. A number is given as its exact decimal
// value, never as its formatted text, so that a format that hides digits
// (#,##0 on 1234.5) does not change the figure; text, such as △1,234 or a
// dash, is given as it is. A formula gives the value the workbook stored
// for it; one without a stored value, and a cell holding an error such as
// #REF!, is an error naming the cell, since the figure is not there to
// read. A date, a number under a date number format (a date line such as
// （令和５年３月３１日現在） typed as a date), is given as the text the
// workbook shows, in its date system (1900 or 1904), so that it reads as
// the date line it is; where a figure is expected that text is no amount,
// an error naming the cell. A date shown as digits alone (the format yyyy)
// would read as a figure, and is an error here. Merged cells hold their
// text in their first cell and none in the others, which is how the
// readers of package statement expect a label or a heading spread over
// several columns.
//
// [statement.Template.ReadGrid] reads a statement from a sheet,
// [statement.SplitGrid] cuts a sheet of several statements, and
// [statement.ReadGridColumns] reads a table of statements side by side;
// package unified recognises the forms of the 統一的な基準 among them.
//
// # Writing
//
// [Write] writes statements, and [WriteBook] a book, one sheet each, as
// [statement.Statement.WriteText] lays them out: the form number, title,
// date line and entity above the table, the unit line at its right, labels
// indented by their level, a 貸借対照表 side by side, and notes below.
// Amounts are numbers in the statement's unit, rounded by its Meta's
// Rounding as the text prints them, with the number format
// #,##0;"△ "#,##0 (the negative mark and space of the statement's Style);
// 該当なし is a dash.
package xlsx
