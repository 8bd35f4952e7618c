#!/usr/bin/python3
"""Makes the CSV files of みなと市's 連結 statements that the tests of a
whole report read, from the transcription examples/renketsu/testdata/
renketsu.txt (worked by hand in that directory's WORKED.md), so that they
are not written by the library they test. It computes no figure.

Run from this directory: /usr/bin/python3 make.py. It writes
minato/{bs,pl,nw,cf}.csv, a statement each, as an office program exports
a sheet (the 貸借対照表 side by side, in four columns; labels indented with
full-width spaces; figures with , and △; - for 該当なし), and minato-all.csv,
the four one after another, each under its form number and title, an
empty line between them, and minato-all.txt, the same as a text export
lays them out: columns two spaces apart, labels padded and figures
aligned to the right by their display width (a full-width character two
columns, △ one), the halves of the 貸借対照表 four spaces apart.
minato-cash.csv is minato/bs.csv with 現金預金
1,040 and 未収金 190 (see NOTES.md).
"""

import csv
import re
import unicodedata

RENKETSU = "../../renketsu/testdata/renketsu.txt"
FIGURE = re.compile(r"^(△?[0-9,]+|-)$")


def blocks():
    """The 連結 statements of renketsu.txt, each a list of its lines."""
    text = open(RENKETSU, encoding="utf-8").read()
    text = text[text.index("様式第1号"):]
    return [b.splitlines() for b in text.strip().split("\n\n")]


def row(line, half):
    """A table line as CSV fields: each block's label and its figures,
    half fields wide, a block without figures padded with empty ones, as
    the side-by-side 貸借対照表 prints 【資産の部】 and 【負債の部】."""
    out, label = [], None
    for tok in line.split(" "):
        if label is not None and FIGURE.match(tok):
            out.append(tok)
            continue
        out += [""] * (-len(out) % half)
        label = tok
        out.append(tok)
    return out


def rows(block):
    """The CSV rows of one statement: its five heading lines (number,
    title, date, entity, unit), the column heading, the table."""
    out = [[l] for l in block[:5]]
    heading = block[5].split(" ")
    out.append(heading)
    width = len(heading)
    half = width // heading.count("科目")
    for line in block[6:]:
        r = row(line, half)
        # A line of the left half only has the right half's cells empty.
        out.append(r + [""] * (width - len(r)))
    return out


def write(path, rs):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rs)


def width(s):
    """The columns s takes: two for a wide or full-width character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def aligned(rs, half):
    """The lines of a table of rows rs, each half cells wide: the label
    padded, the figures aligned to the right, each half's columns as wide
    as their widest cell, two spaces apart, the halves four."""
    halves = len(rs[0]) // half
    widths = [max(width(r[k]) for r in rs if k < len(r)) for k in range(len(rs[0]))]
    lines = []
    for r in rs:
        parts = []
        for h in range(halves):
            cells = []
            for k in range(h * half, (h + 1) * half):
                c = r[k] if k < len(r) else ""
                pad = " " * (widths[k] - width(c))
                cells.append(c + pad if k == h * half else pad + c)
            parts.append("  ".join(cells))
        lines.append("    ".join(parts).rstrip(" "))
    return lines


def main():
    names = ["bs", "pl", "nw", "cf"]
    everything, text = [], []
    for name, block in zip(names, blocks()):
        rs = rows(block)
        if text:
            text.append("")
        text += block[:5] + aligned(rs[5:], len(rs[5]) // rs[5].count("科目"))
        write("minato/%s.csv" % name, rs)
        if everything:
            everything.append([])
        everything += rs
        if name == "bs":
            cash = [list(r) for r in rs]
            for r in cash:
                if r[0] == "\u3000現金預金":
                    assert r[1] == "1,030"
                    r[1] = "1,040"
                if r[0] == "\u3000未収金":
                    assert r[1] == "200"
                    r[1] = "190"
            write("minato-cash.csv", cash)
    write("minato-all.csv", everything)
    with open("minato-all.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(text) + "\n")


main()
