#!/usr/bin/python3
"""Prints what openpyxl reads from a workbook, for the writer's tests: for
each sheet, its merged ranges, the width of each column that has one, then
each cell that holds a value, with the value's type, the value, its number
format and its indent, tab-separated.

Usage: /usr/bin/python3 dump.py BOOK.xlsx
"""

import sys

from openpyxl import load_workbook

wb = load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print("sheet\t" + ws.title)
    for r in sorted(str(m) for m in ws.merged_cells.ranges):
        print("merged\t" + r)
    for letter, dim in sorted(ws.column_dimensions.items()):
        if dim.customWidth:
            print("width\t%s\t%g" % (letter, dim.width))
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            indent = int(c.alignment.indent or 0)
            print("\t".join([c.coordinate, type(c.value).__name__, str(c.value), c.number_format, str(indent)]))
