// Package statement builds the financial statements of public bodies from
// leaf figures, checks them against what was published, scales them to
// 千円 or 百万円, and prints them.
//
// A [Form] (様式) is the layout of a statement: [Row] values that are
// headings, items (figures given as input), subtotals (the sum of their
// children in the outline) or totals (computed by a signed [Formula] over
// other rows), and [Column] values that are inputs, computed from other
// columns (差額 = 決算額 − 予算額) or text (備考). [Compile] checks a form
// and makes an immutable [Template]; [Build] fills it with [Figure] values
// and computes every other cell; nothing that can be computed is taken as
// given. A [Statement] keeps its own template: it never changes, and every
// method works on its zero value. [Template.Sum] adds up statements of one
// template, such as the bodies of a prefecture, cell by cell.
//
// # 該当なし
//
// Amounts are exact, in yen, and a cell may have no figure at all
// (該当なし, printed -), which is not zero. A computed cell whose every term
// has no figure has none either, in rows and in computed columns (増減 of
// two dashes is a dash); a sum with at least one figure counts the others
// as zero. Links follow the same rule. A form whose publisher prints such
// totals as 0 says so with ZeroSums.
//
// A form may leave cells blank (Row.Blank): not part of the statement, as
// 様式第3号 leaves 合計 blank on the rows of 固定資産等の変動（内部変動）.
// No formula applies there; such a cell has no figure, prints blank (not
// as a dash), reads blank, as a dash or as 0, and counts as nothing in
// the totals it is a term of; a figure other than 0 read there is a
// [NotBlank] finding.
//
// The readers keep a cell printed blank apart from one printed as a dash
// (unless the statement's style prints 該当なし blank). A blank is 該当なし
// where the form expects nothing; a total or computed cell printed blank
// while terms of its identity have figures is a figure lost in printing
// ([BlankFigure]): reported once, and the identities that name it are not
// judged against zero.
//
// # Errors
//
// Problems at places (a line, a row, a column) are reported as an [*Error]
// listing every [Problem]; each wraps one of the package's Err values, such
// as [ErrUnknown] or [ErrMismatch], for errors.Is, or an error of the
// package it comes from, such as the *format.ParseError of a figure that
// cannot be read. Parse functions return a [*ParseError].
//
// Two are for a program to act on: [ErrEncoding], input in neither UTF-8
// nor CP932, or text that WriteCSV cannot write in CP932; and
// [ErrMismatch], a file of another form or unit than the one given, or a
// layout that ReadText does not read. The others classify a problem; its
// line, row, column and message say what is wrong and where. All but
// ErrMismatch and ErrOutline are the module's own, the same values as
// format's, era's, segment's and the others' sentinels of the same name.
//
// # Checking
//
// [ReadCSV], [ReadJSON] and [ReadText] load a statement as published, or as
// the writers wrote it, figure by figure:
// rows matched by key, or by label in order for files without keys, and
// the unit the file states checked against the one expected.
// [Template.ReadCSVSideBySide] reads many statements of one form printed
// side by side in one file, as a prefecture's table of its bodies prints
// them. [Compare] lists every cell in which two statements differ, by row label
// and column; [Statement.Verify] lists the printed totals that the printed
// figures do not give. Both report [Finding] values.
//
// # Books, links and pins
//
// A [Book] holds the statements one body publishes for one period, by id.
// A [Link] states an identity across its statements, such as 損益計算書
// 当期純利益 = 純資産変動計算書 当期純利益, naming cells by id, row and
// column, so links are data ([ReadLinksCSV]).
//
// # Rows by label
//
// Wherever a row is named — a [Figure], a [Link]'s terms, a [Pin],
// [Statement.Cell] — its key will do, and so will its label as printed,
// alone where it tells the row from the others (現金預金) or with as much
// of its path as does (事業用資産/土地, up to 固定資産/有形固定資産/事業用資産/土地);
// [Template.RowKey] resolves one, and names the nearest labels of one the
// form does not have. [Template.BuildSparse] builds from only the figures
// a caller has, every other item 該当なし, where [Build] wants them all. A [Pin] names a figure the
// report prints and its own figures do not give, with the reason
// ([ReadPinsCSV]). [Book.Verify] checks every statement and link and
// returns a [Verification] that tells the findings pins expect from the
// unexpected ones, stale pins among them; [Book.Compare] compares a built
// book with a published one. The package statementtest wraps these for a
// user's own tests.
//
// # Rounding
//
// A figure printed in 千円 or 百万円 stands for the exact yen that round to
// it, by the Meta's Rounding (四捨五入 unless stated), so a published total
// may differ from the sum of its printed items. [Statement.VerifyRounded]
// judges every identity with each figure read as that interval, all at
// once: Exact, WithinRounding, a Violation with the Excess that no rounding
// explains, or Undecided. [Book.VerifyRounded] does the same for a whole
// book, its links across statements and units included (a 百万円 summary
// against the 円 statement it summarises). Every verdict is a proof: the
// identities that hold come with exact figures that satisfy them all and
// round to every figure printed ([Verification.Witness]); a Violation comes
// with a [Certificate], identities whose sum leaves printed figures that
// cannot add up; Undecided says that the work budget ran out, and is never
// taken as consistent. [Verification.Bounds] gives the interval implied
// for each cell, such as the yen behind a figure printed only in 百万円;
// [Verification.Count] counts the verdicts, exact ones included, which
// make no finding. statementtest.ConsistentRounded and
// statementtest.BookRounded wrap them for a test.
//
// Which identities are decided how, and at what cost: trees of totals (a
// column of a statement's outline, statements joined through figures known
// to the yen) by peeling them from the leaves, in time linear in their
// terms; a table whose rows and columns both add up, and totals that share
// terms, as a circulation by one maximum flow, near-linear on such tables;
// anything else by a search for exact figures, then an exact linear
// program with branch and bound over whole yen, within a work budget. The
// package internal/bounds says how, with its references.
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
