#!/usr/bin/env python3
"""Check a published nation with pandas, as an analyst would.

Usage: pandas_check.py DIR [AGGREGATE.csv]

DIR is a nation written by `go run ./examples/nationwide -o DIR`. The script
does the work the Go program does, on the same files:

1. read bodies.csv, forms.csv and forms/*.csv, identities.csv, links.csv and
   every published statement (statements/CODE/FORM.csv, in 千円);
2. judge every identity of every statement and every link under the
   rounding to 千円 the figures were printed with (see below);
3. sum the printed items by prefecture and for the nation, compute every
   total of the aggregate from those sums, and write the aggregate as CSV in
   the format of the Go program's aggregate.csv (to AGGREGATE.csv, default
   DIR/aggregate-pandas.csv), so that the two can be compared byte for byte.

What the rounding check is. A figure p printed in 千円, rounded half away
from zero (四捨五入), stands for the exact yen x with
    p > 0: 1000p - 500 <= x <= 1000p + 499
    p < 0: 1000p - 499 <= x <= 1000p + 500
    p = 0:      -499 <= x <= 499.
An identity total = Σ ±term (a subtotal or total row in each amount column,
the computed 合計 column on each row, a link between two statements) is
judged on its own: exact when the printed figures add up, within rounding
when the interval of the total meets the interval of the signed sum of the
terms' intervals, a violation otherwise. That is the tolerance
|printed total − Σ printed terms| ≤ (number of rounded figures) × 0.5 千円,
with the ends of the intervals exact. A total that has no figure (該当なし)
while some term has one, or the reverse, is a violation. The Go program
judges the same identities, but all of a scope's four statements and links
at once (an interval narrowed by one identity narrows the others), so it
can find violations that this check, one identity at a time, cannot; on a
correctly rounded nation both find none, and on a figure that is off by
more than its identities' tolerance both find it.

Money stays exact: amounts are pandas' nullable Int64, never floats.
"""

import io
import os
import sys
import time

import numpy as np
import pandas as pd

BOM = b"\xef\xbb\xbf"


def read_statements(d, codes, forms):
    """Return every printed cell: body, form, key, column, value (Int64, 千円)."""
    frames = []
    for form, cols, headers in forms:
        blobs, counts = [], []
        for code in codes:
            with open(os.path.join(d, "statements", code, form + ".csv"), "rb") as f:
                b = f.read()
            if b.startswith(BOM):
                b = b[len(BOM):]
            b = b.split(b"\n", 1)[1]  # the header line
            blobs.append(b)
            counts.append(b.count(b"\n"))
        df = pd.read_csv(io.BytesIO(b"".join(blobs)), header=None,
                         names=["key", "label"] + cols,
                         dtype=dict({"key": str, "label": str}, **{c: "Int64" for c in cols}))
        df["body"] = np.repeat(np.array(codes, dtype=object), counts)
        df = df[~df["key"].isin(headers)]  # headings hold no figures
        long = df.melt(id_vars=["body", "key"], value_vars=cols, var_name="column", value_name="value")
        long["form"] = form
        frames.append(long)
    cells = pd.concat(frames, ignore_index=True)
    for c in ("body", "key", "column", "form"):
        cells[c] = cells[c].astype("category")
    return cells


def bounds(value, sign):
    """The interval of exact yen a signed printed figure stands for."""
    present = value.notna().to_numpy()
    p = value.fillna(0).to_numpy(dtype=np.int64) * 1000
    lo = np.where(p > 0, p - 500, np.where(p < 0, p - 499, -499))
    hi = np.where(p > 0, p + 499, np.where(p < 0, p + 500, 499))
    s = sign.to_numpy(dtype=np.int64)
    lo, hi = np.where(s > 0, lo, -hi), np.where(s > 0, hi, -lo)
    lo, hi = np.where(present, lo, 0), np.where(present, hi, 0)
    return p * s * present, lo, hi, present


def judge(total, terms, keys):
    """Judge identities: total (keys + value) against terms (keys + value, sign).

    Returns counts of exact, within rounding and violations, and the violated
    rows."""
    t = terms.copy()
    t["p"], t["lo"], t["hi"], t["has"] = bounds(t["value"], t["sign"])
    s = t.groupby(keys, observed=True).agg(p=("p", "sum"), lo=("lo", "sum"), hi=("hi", "sum"), has=("has", "any")).reset_index()
    tt = total.copy()
    one = pd.Series(np.ones(len(tt), dtype=np.int64), index=tt.index)
    tt["tp"], tt["tlo"], tt["thi"], tt["thas"] = bounds(tt["value"], one)
    m = s.merge(tt[keys + ["tp", "tlo", "thi", "thas"]], on=keys, how="inner")
    none = ~m["has"] & ~m["thas"]
    bad_none = m["has"] != m["thas"]
    exact = none | (~bad_none & (m["p"] == m["tp"]))
    meets = (m["lo"] <= m["thi"]) & (m["tlo"] <= m["hi"])
    violation = bad_none | (~exact & ~meets)
    within = ~exact & ~violation
    return int(exact.sum()), int(within.sum()), int(violation.sum()), m[violation]


def parse_links(links):
    rows = []
    for _, l in links.iterrows():  # a loop over the 23 links, not over cells
        for side in ("left", "right"):
            for term in l[side].split("+"):
                sign = 1
                if term.startswith("-"):
                    sign, term = -1, term[1:]
                form, key, col = term.rsplit(":", 2)
                rows.append((l["name"], side, form, key, col, sign))
    return pd.DataFrame(rows, columns=["name", "side", "form", "key", "column", "sign"])


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: pandas_check.py DIR [AGGREGATE.csv]")
    d = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) == 3 else os.path.join(d, "aggregate-pandas.csv")
    t0 = time.perf_counter()
    stages = {}

    bodies = pd.read_csv(os.path.join(d, "bodies.csv"), dtype=str)
    forms = pd.read_csv(os.path.join(d, "forms.csv"), dtype=str)
    ids = pd.read_csv(os.path.join(d, "identities.csv"), dtype={"form": str, "kind": str, "target": str, "term": str, "sign": np.int64})
    links = pd.read_csv(os.path.join(d, "links.csv"), dtype=str, keep_default_na=False)
    rows = []
    form_cols = []
    for _, f in forms.iterrows():  # twelve forms
        r = pd.read_csv(os.path.join(d, f["file"]), dtype=str, keep_default_na=False)
        r["form"] = f["id"]
        r["order"] = np.arange(len(r))
        rows.append(r[["form", "key", "kind", "label", "order"]])
        cols = [c.split("=")[0] for c in f["columns"].split("|") if not c.endswith(":text")]
        inputs = [c for c in f["columns"].split("|") if "=" not in c and not c.endswith(":text")]
        form_cols.append((f["id"], cols, inputs))
    rows = pd.concat(rows, ignore_index=True)
    codes = bodies["code"].tolist()
    heads = rows[rows["kind"] == "header"].groupby("form")["key"].apply(set).to_dict()
    cells = read_statements(d, codes, [(f, c, heads.get(f, set())) for f, c, _ in form_cols])
    stages["read"] = time.perf_counter()

    # Identities of the rows, in every amount column; of the computed
    # columns, on every printed row; and the links.
    rid = ids[ids["kind"] == "row"].rename(columns={"target": "total"})
    terms = cells.merge(rid, left_on=["form", "key"], right_on=["form", "term"], how="inner")
    total = cells.rename(columns={"key": "total"})
    keys = ["body", "form", "total", "column"]
    e1, w1, v1, bad1 = judge(total[total["total"].isin(rid["total"].unique())], terms, keys)
    cid = ids[ids["kind"] == "column"].rename(columns={"target": "total"})
    cterms = cells.merge(cid, left_on=["form", "column"], right_on=["form", "term"], how="inner")
    ctotal = cells.rename(columns={"column": "total"})
    ctotal = ctotal[ctotal["total"].isin(cid["total"].unique())]
    keys_c = ["body", "form", "key", "total"]
    e2, w2, v2, bad2 = judge(ctotal, cterms, keys_c)
    lt = parse_links(links)
    lcells = cells.merge(lt, on=["form", "key", "column"], how="inner")
    left = lcells[lcells["side"] == "left"]
    right = lcells[lcells["side"] == "right"].copy()
    # A link is an identity whose total is its left side: sum the left
    # into one figure-like interval first, then judge the right against it.
    left = left.copy()
    left["p"], left["lo"], left["hi"], left["has"] = bounds(left["value"], left["sign"])
    ls = left.groupby(["body", "name"], observed=True).agg(tp=("p", "sum"), tlo=("lo", "sum"), thi=("hi", "sum"), thas=("has", "any")).reset_index()
    right["p"], right["lo"], right["hi"], right["has"] = bounds(right["value"], right["sign"])
    rs = right.groupby(["body", "name"], observed=True).agg(p=("p", "sum"), lo=("lo", "sum"), hi=("hi", "sum"), has=("has", "any")).reset_index()
    m = rs.merge(ls, on=["body", "name"])
    bad_none = m["has"] != m["thas"]
    exact = (~m["has"] & ~m["thas"]) | (~bad_none & (m["p"] == m["tp"]))
    meets = (m["lo"] <= m["thi"]) & (m["tlo"] <= m["hi"])
    viol = bad_none | (~exact & ~meets)
    e3, v3 = int(exact.sum()), int(viol.sum())
    w3 = len(m) - e3 - v3
    exact_n, within_n, violations = e1 + e2 + e3, w1 + w2 + w3, v1 + v2 + v3
    stages["verify"] = time.perf_counter()

    # The aggregate: the printed items summed by prefecture and for the
    # nation; every total from those sums, through the identities expanded
    # down to items; the computed columns from the columns they sum.
    items = rows[rows["kind"] == "item"][["form", "key"]]
    inputs = pd.DataFrame([(f, c) for f, _, ins in form_cols for c in ins], columns=["form", "column"])
    leaf = cells.merge(items, on=["form", "key"]).merge(inputs, on=["form", "column"])
    leaf = leaf.merge(bodies[["code", "prefecture"]], left_on="body", right_on="code")
    byp = leaf.groupby(["prefecture", "form", "key", "column"], observed=True)["value"].sum(min_count=1).reset_index()
    nat = leaf.groupby(["form", "key", "column"], observed=True)["value"].sum(min_count=1).reset_index()
    nat["prefecture"] = "all"
    sums = pd.concat([byp, nat], ignore_index=True)
    sums["key"] = sums["key"].astype(str)
    sums["form"] = sums["form"].astype(str)
    sums["column"] = sums["column"].astype(str)
    # Expand every total to signed items: terms that are totals are
    # replaced by their own terms until only items remain.
    exp = rid[["form", "total", "term", "sign"]].copy()
    is_total = set(zip(rid["form"], rid["total"]))
    while True:
        tot = pd.Series([(f, k) in is_total for f, k in zip(exp["form"], exp["term"])], index=exp.index)
        if not tot.any():
            break
        deeper = exp[tot].merge(rid[["form", "total", "term", "sign"]].rename(columns={"total": "term", "term": "sub", "sign": "s2"}), on=["form", "term"])
        deeper["sign"] = deeper["sign"] * deeper["s2"]
        deeper = deeper[["form", "total", "sub", "sign"]].rename(columns={"sub": "term"})
        exp = pd.concat([exp[~tot], deeper], ignore_index=True)
    tsum = sums.merge(exp, left_on=["form", "key"], right_on=["form", "term"])
    tsum["value"] = tsum["value"] * tsum["sign"]
    totals = tsum.groupby(["prefecture", "form", "total", "column"])["value"].sum(min_count=1).reset_index().rename(columns={"total": "key"})
    agg = pd.concat([sums, totals], ignore_index=True)
    csum = agg.merge(cid, left_on=["form", "column"], right_on=["form", "term"])
    csum["value"] = csum["value"] * csum["sign"]
    computed = csum.groupby(["prefecture", "form", "key", "total"])["value"].sum(min_count=1).reset_index().rename(columns={"total": "column"})
    agg = pd.concat([agg, computed], ignore_index=True)
    # Every group, form, printed row and amount column, in the Go order.
    groups = pd.DataFrame({"prefecture": ["%02d" % p for p in range(1, 48)] + ["all"]})
    groups["g"] = np.arange(len(groups))
    counts = bodies.groupby("prefecture").size()
    groups["bodies"] = groups["prefecture"].map(counts).fillna(0).astype(int)
    groups.loc[groups["prefecture"] == "all", "bodies"] = len(bodies)
    printed = rows[rows["kind"] != "header"].copy()
    printed["f"] = printed["form"].map({f: i for i, (f, _, _) in enumerate(form_cols)})
    colorder = pd.DataFrame([(f, c, j) for f, cs, _ in form_cols for j, c in enumerate(cs)], columns=["form", "column", "c"])
    grid = groups.merge(printed, how="cross").merge(colorder, on="form")
    grid = grid.merge(agg, on=["prefecture", "form", "key", "column"], how="left")
    grid = grid.sort_values(["g", "f", "order", "c"])
    grid = grid.rename(columns={"prefecture": "group", "value": "千円"})
    grid[["group", "bodies", "form", "key", "label", "column", "千円"]].to_csv(out, index=False, lineterminator="\n")
    stages["aggregate"] = time.perf_counter()

    t = time.perf_counter() - t0
    prev = t0
    for name in ("read", "verify", "aggregate"):
        print("pandas %s: %d ms" % (name, (stages[name] - prev) * 1000))
        prev = stages[name]
    print("pandas verify: %d identities and links: %d exact, %d within rounding, %d violations"
          % (exact_n + within_n + violations, exact_n, within_n, violations))
    for _, r in pd.concat([bad1, bad2]).head(20).iterrows():
        print("  violation:", dict(r.dropna()))
    print("pandas: %d bodies, %d cells, total %d ms" % (len(bodies), len(cells), t * 1000))
    sys.exit(1 if violations else 0)


if __name__ == "__main__":
    main()
