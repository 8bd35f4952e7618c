#!/usr/bin/python3
"""Makes the workbooks that the reader's tests read, with openpyxl, so that
they are not written by the library they test.

Run from this directory with Debian's python3-openpyxl: /usr/bin/python3 make.py. Its inputs are transcriptions kept
elsewhere in the repository, and the figures typed below, which WORKED.md
works out by hand; it computes no figure.
"""

import csv
import datetime
import re

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment
from openpyxl.utils.datetime import CALENDAR_MAC_1904

RENKETSU = "../../../examples/renketsu/testdata/renketsu.txt"
SHIMADA = "../../unified/testdata/published/shimada-h29-pl-general.csv"
FORM_PL = "../../unified/forms/pl-general.csv"
FIGURE = re.compile(r"^(△?[0-9,]+|-)$")
TRIANGLE = '#,##0;"△"#,##0'


def statements(path):
    """The 連結 statements of renketsu.txt: from 様式第1号 on, blocks
    separated by an empty line, each a list of its lines."""
    text = open(path, encoding="utf-8").read()
    text = text[text.index("様式第1号"):]
    return [b.splitlines() for b in text.strip().split("\n\n")]


def cells(line):
    """A table line of renketsu.txt as (indent, label, figures) blocks: the
    side-by-side 貸借対照表 has two on one line."""
    blocks, label, figures = [], None, []
    for tok in line.split(" "):
        if FIGURE.match(tok) and label is not None:
            figures.append(tok)
            continue
        if label is not None:
            blocks.append((label, figures))
        label, figures = tok, []
    if label is not None:
        blocks.append((label, figures))
    out = []
    for label, figures in blocks:
        depth = len(label) - len(label.lstrip("\u3000"))
        out.append((depth, label.lstrip("\u3000"), figures))
    return out


def blank_first(figures, ncol):
    """figures padded to ncol at the front with None, a cell left empty:
    a line with fewer figures than columns leaves the first ones blank, as
    様式第3号 leaves 合計 blank on the rows of 固定資産等の変動（内部変動）."""
    return [None] * (ncol - len(figures)) + figures


def number(tok):
    """A printed figure as a number, or the dash as text."""
    if tok == "-":
        return "-"
    n = int(tok.replace(",", "").replace("△", ""))
    return -n if tok.startswith("△") else n


def put_heading(ws, lines, width):
    """The lines above the table: the form number at the left, the title,
    date and entity centred across the table (merged), the unit line at
    the right."""
    r = 1
    for k, text in enumerate(lines[:-1]):
        ws.cell(row=r, column=1, value=text)
        if k > 0:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
        r += 1
    ws.cell(row=r, column=width, value=lines[-1]).alignment = Alignment(horizontal="right")
    return r + 1


def sheet_per_statement(path, out, text_amounts=()):
    """One sheet for each statement, labels over one column per level of
    the outline, the heading of the labels merged across them, the
    貸借対照表 side by side; figures as numbers with a △ number format, or
    as text where the sheet's title is in text_amounts."""
    wb = Workbook()
    wb.remove(wb.active)
    for block in statements(path):
        heading, table = block[:5], block[5:]
        ws = wb.create_sheet(block[1])
        rows = [cells(l) for l in table[1:]]
        depth = 1 + max(d for row in rows for d, _, _ in row)
        head = table[0].split(" ")
        halves = 2 if head.count("科目") == 2 else 1
        ncol = len(head) // halves - 1
        # left block: depth label columns and ncol figures; then a gap
        # column and the right block, whose labels need two levels.
        right_at = depth + ncol + 2
        width = right_at + 1 + ncol if halves == 2 else depth + ncol
        r = put_heading(ws, heading, width)
        for h in range(halves):
            at = 1 if h == 0 else right_at
            labels = depth if h == 0 else 2
            ws.cell(row=r, column=at, value="科目")
            ws.merge_cells(start_row=r, start_column=at, end_row=r, end_column=at + labels - 1)
            for k, name in enumerate(head[1:ncol + 1]):
                ws.cell(row=r, column=at + labels + k, value=name)
        for k, row in enumerate(rows):
            for h, (d, label, figures) in enumerate(row):
                at = 1 if h == 0 else right_at
                labels = depth if h == 0 else 2
                ws.cell(row=r + 1 + k, column=at + d, value=label)
                for m, tok in enumerate(blank_first(figures, ncol)):
                    if tok is None:
                        continue
                    c = ws.cell(row=r + 1 + k, column=at + labels + m)
                    if block[1] in text_amounts:
                        c.value = tok
                    else:
                        c.value = number(tok)
                        c.number_format = TRIANGLE
    wb.save(out)


def one_sheet(path, out):
    """Every statement on one sheet, one after another under its title,
    labels in one column, figures as text with separators; the 貸借対照表
    side by side in four columns."""
    wb = Workbook()
    ws = wb.active
    ws.title = "財務書類"
    r = 1
    for block in statements(path):
        for text in block[:5]:
            ws.cell(row=r, column=1, value=text)
            r += 1
        head = block[5].split(" ")
        halves = 2 if head.count("科目") == 2 else 1
        step = len(head) // halves  # a label and its figures
        for k, name in enumerate(head):
            ws.cell(row=r, column=1 + k, value=name)
        r += 1
        for line in block[6:]:
            for h, (d, label, figures) in enumerate(cells(line)):
                ws.cell(row=r, column=1 + h * step, value="\u3000" * d + label)
                for m, tok in enumerate(blank_first(figures, step - 1)):
                    if tok is not None:
                        ws.cell(row=r, column=2 + h * step + m, value=tok)
            r += 1
        r += 1
    wb.save(out)


def scopes(out):
    """The 行政コスト計算書 of the three scopes side by side, as WORKED.md
    gives them: 一般会計等 and 全体 worked there, 連結 from renketsu.txt."""
    lines = [
        # label, indent, 一般会計等, 全体, 連結
        ("経常費用", 0, 4530, 4750, 4980),
        ("業務費用", 1, 2730, 3050, 3340),
        ("人件費", 2, 1290, 1290, 1380),
        ("職員給与費", 3, 1200, 1200, 1290),
        ("賞与等引当金繰入額", 3, 90, 90, 90),
        ("退職手当引当金繰入額", 3, "-", "-", "-"),
        ("その他", 3, "-", "-", "-"),
        ("物件費等", 2, 1400, 1700, 1900),
        ("物件費", 3, 800, 980, 1150),
        ("維持補修費", 3, "-", "-", "-"),
        ("減価償却費", 3, 600, 720, 750),
        ("その他", 3, "-", "-", "-"),
        ("その他の業務費用", 2, 40, 60, 60),
        ("支払利息", 3, 40, 60, 60),
        ("徴収不能引当金繰入額", 3, "-", "-", "-"),
        ("その他", 3, "-", "-", "-"),
        ("移転費用", 1, 1800, 1700, 1640),
        ("補助金等", 2, 200, 200, 140),
        ("社会保障給付", 2, 1500, 1500, 1500),
        ("他会計への繰出金", 2, 100, 0, 0),
        ("その他", 2, "-", "-", "-"),
        ("経常収益", 0, 400, 600, 800),
        ("使用料及び手数料", 1, 300, 500, 550),
        ("その他", 1, 100, 100, 250),
        ("純経常行政コスト", 0, 4130, 4150, 4180),
        ("臨時損失", 0, 20, 20, 20),
        ("災害復旧事業費", 1, "-", "-", "-"),
        ("資産除売却損", 1, 20, 20, 20),
        ("投資損失引当金繰入額", 1, "-", "-", "-"),
        ("損失補償等引当金繰入額", 1, "-", "-", "-"),
        ("その他", 1, "-", "-", "-"),
        ("臨時利益", 0, 10, 10, 10),
        ("資産売却益", 1, 10, 10, 10),
        ("その他", 1, "-", "-", "-"),
        ("純行政コスト", 0, 4140, 4160, 4190),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "行政コスト計算書"
    r = put_heading(ws, ["様式第2号", "行政コスト計算書", "（令和６年４月１日から令和７年３月３１日まで）", "みなと市", "（単位：円）"], 4)
    for k, name in enumerate(["科目", "一般会計等", "全体", "連結"]):
        ws.cell(row=r, column=1 + k, value=name)
    for label, indent, *figures in lines:
        r += 1
        ws.cell(row=r, column=1, value=label).alignment = Alignment(indent=indent)
        for k, v in enumerate(figures):
            c = ws.cell(row=r, column=2 + k, value=v)
            c.number_format = TRIANGLE
    wb.save(out)


def shimada(out):
    """島田市's 行政コスト計算書 of 平成29年度 in 千円, as its open-data
    workbook prints it: figures without separators, 該当なし as -, the
    unit within the line that names the body; and an empty sheet, as
    office programs leave in a new workbook."""
    wb = Workbook()
    ws = wb.active
    ws.title = "行政コスト計算書"
    ws.append(["行政コスト計算書"])
    ws.append(["自 平成29年4月1日　至 平成30年3月31日"])
    ws.append(["自治体名:島田市 会計:一般会計等 (単位:千円)"])
    ws.append(["科目名", None, None, None, "金額"])
    # The level of each line in the outline, from the form.
    with open(FORM_PL, encoding="utf-8") as f:
        indent = {row["key"]: int(row["indent"]) for row in csv.DictReader(f)}
    with open(SHIMADA, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key, label, amount = row["key"], row["label"], row["金額"]
            line = [None] * 5
            line[indent[key]] = label
            line[4] = "-" if amount == "-" else int(amount)
            ws.append(line)
    wb.create_sheet("Sheet2")
    wb.save(out)


def bad(out):
    """A workbook of broken sheets, one fault each."""
    wb = Workbook()
    ws = wb.active
    ws.title = "formula"
    ws.append(["科目", "金額"])
    ws.append(["経常費用", "=B3"])  # openpyxl stores no value for a formula
    ws.append(["業務費用", 5])
    ws = wb.create_sheet("error")
    ws.append(["科目", "金額"])
    ws.append(["経常費用", "#REF!"])
    ws = wb.create_sheet("logical")
    ws.append(["科目", "金額"])
    ws.append(["経常費用", True])  # stored as 1
    wb.save(out)


def bad_figures(out):
    """A workbook whose cells are all there, with a fault in its
    statements: a number stored as text that is no amount, a label the
    form lacks, a sheet that is no statement."""
    wb = Workbook()
    ws = wb.active
    ws.title = "text"
    ws.append(["行政コスト計算書"])
    ws.append(["科目", "金額"])
    ws.append(["経常費用", "12a3"])
    ws = wb.create_sheet("label")
    ws.append(["行政コスト計算書"])
    ws.append(["科目", "金額"])
    ws.append(["経常費用", 5])
    ws.append(["業務費用", 5])
    ws.append(["人件費等", 5])
    ws = wb.create_sheet("memo")
    ws.append(["メモ"])
    ws.append(["名前", "電話"])
    ws.append(["山田", "000-0000"])
    wb.save(out)


def dated(path, out, number_format, epoch=None):
    """The 連結 statements of renketsu.txt, one sheet each, with the
    連結貸借対照表's date line （令和７年３月３１日現在） stored as a date:
    a number with a date number format, as a spreadsheet program keeps a
    date typed into a cell. epoch is the workbook's date system."""
    sheet_per_statement(path, out)
    wb = load_workbook(out)
    if epoch is not None:
        wb.epoch = epoch
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.value == "（令和７年３月３１日現在）":
                    c.value = datetime.datetime(2025, 3, 31)
                    c.number_format = number_format
    wb.save(out)


def date_figure(out, number_format):
    """A 行政コスト計算書 whose first figure is a date: a date typed into
    the 金額 column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "date"
    ws.append(["行政コスト計算書"])
    ws.append(["科目", "金額"])
    ws.append(["経常費用", datetime.datetime(2025, 3, 31)])
    ws["B3"].number_format = number_format
    ws.append(["業務費用", 5])
    wb.save(out)


if __name__ == "__main__":
    sheet_per_statement(RENKETSU, "minato-consolidated.xlsx", text_amounts=("連結行政コスト計算書",))
    one_sheet(RENKETSU, "minato-onesheet.xlsx")
    scopes("scopes-pl.xlsx")
    shimada("shimada-h29-pl.xlsx")
    bad("bad.xlsx")
    bad_figures("bad-figures.xlsx")
    dated(RENKETSU, "minato-dated.xlsx", '[$-411]ggge"年"m"月"d"日"')
    dated(RENKETSU, "minato-dated1904.xlsx", '"（"yyyy"年"m"月"d"日現在）"', CALENDAR_MAC_1904)
    date_figure("date-figure.xlsx", "yyyy/m/d")
    date_figure("date-digits.xlsx", "yyyy")
