#!/usr/bin/python3
"""Check a published nation with pandas and NumPy, as fast as an analyst can.

Usage: pandas_check.py [--joint] [--procs N] [--out PREFIX] DIR

DIR is a nation written by `go run ./examples/nationwide -o DIR` in either
layout (nation.csv says which, and the unit). The script does the work the
Go program does, on the same files, and writes its results beside them as
PREFIX-aggregate.csv, PREFIX-indicators.csv and PREFIX-indicators-prefecture.csv
(PREFIX defaults to DIR/pandas), in the Go program's formats, so that the two
can be compared byte for byte:

1. read bodies.csv, forms.csv, forms/*.csv, identities.csv and links.csv;
   then every published statement with one pandas.read_csv per form over
   the concatenated files of that form (per body, or per prefecture with
   one column per body), every row's key and label and every heading
   (団体コード, 団体名, column names) checked against the forms and
   bodies.csv; the figures are scattered into dense int64 arrays
   [body, row, column] with a mask for 該当なし;
2. judge every identity (totals of every amount column, computed columns
   on every printed row, the links between the statements of a scope;
   none headed by a cell its form leaves blank, which counts as nothing)
   under the rounding the figures were printed with, as matrix products
   over all bodies at once: exact when the printed figures add up, within
   rounding when the intervals of exact yen they stand for can add up, a
   violation otherwise; with --joint, the intervals are then narrowed by
   propagation through all identities of a scope at once, to a fixpoint,
   as the Go program's statement.Joint does, and an identity whose terms
   can no longer add up is a violation too;
3. compute the 財務指標 of statement/unified (see indicator.go there for
   their definitions) for every body and scope, exactly in integers, with
   each body's national rank among bodies of its kind and each group's
   whole, quartiles and median;
4. sum the printed items by prefecture and for the nation and compute every
   total of the aggregate from those sums.

A figure p printed in a unit of u yen (1,000 or 1,000,000), rounded half
away from zero, stands for the exact yen x with
    p > 0: u·p − u/2 ≤ x ≤ u·p + u/2 − 1
    p < 0: u·p − u/2 + 1 ≤ x ≤ u·p + u/2
    p = 0: −u/2 + 1 ≤ x ≤ u/2 − 1.
Money stays exact: int64 arrays and Python integers, never floats (floats
only order the indicators, with exact ties).
"""

import io
import os
import sys
import time
from fractions import Fraction

import numpy as np
import pandas as pd

UNITS = {"千円": 1000, "百万円": 1000000}
SCOPES = ["general", "whole", "consolidated"]
KINDS = ["bs", "pl", "nw", "cf"]


def fail(msg):
    sys.exit("pandas_check: " + msg)


def read_forms(d):
    forms = pd.read_csv(os.path.join(d, "forms.csv"), dtype=str, keep_default_na=False)
    out = {}
    for _, f in forms.iterrows():  # twelve forms
        rows = pd.read_csv(os.path.join(d, f["file"]), dtype=str, keep_default_na=False)
        cols = [c.split("=")[0] for c in f["columns"].split("|")]
        inputs = [c for c in f["columns"].split("|") if "=" not in c]
        printed = rows[rows["hidden"] != "true"].reset_index(drop=True)
        # The cells the form leaves blank (its blank column: 合計 on the
        # 内部変動 rows of 様式第3号) print empty, count as nothing and
        # head no identity.
        blank = np.zeros((len(printed), len(cols)), dtype=bool)
        for r, b in enumerate(printed["blank"] if "blank" in printed else []):
            for c in filter(None, b.split("|")):
                blank[r, cols.index(c)] = True
        out[f["id"]] = {
            "keys": printed["key"].to_numpy(),
            "labels": printed["label"].to_numpy(),
            "kinds": printed["kind"].to_numpy(),
            "cols": cols,
            "inputs": [cols.index(c) for c in inputs],
            "blank": blank,
        }
    return list(forms["id"]), out


def minus(data):
    """△ before a figure to a minus sign (a label may hold a △ of its own)."""
    t = "△".encode()
    return data.replace(b',"' + t, b',"-').replace(b"," + t, b",-")


def parse_values(frame):
    """Printed figures (2,074,265 / △1,234 / - / empty) to int64 and a mask."""
    v = frame.to_numpy(dtype=np.float64)
    present = ~np.isnan(v)
    return np.where(present, v, 0).astype(np.int64), present


def read_by_body(d, fid, form, codes, unit_line):
    nrows, cols = len(form["keys"]), form["cols"]
    head = (unit_line + "\r\nkey,label," + ",".join(cols) + "\r\n").encode()
    blobs = []
    for code in codes:
        name = os.path.join(d, "statements", code, fid + ".csv")
        with open(name, "rb") as f:
            b = f.read()
        if not b.startswith(head):
            fail("%s: the first lines are not %r" % (name, head.decode()))
        blobs.append(b[len(head):])
    data = minus(b"".join(blobs))
    df = pd.read_csv(io.BytesIO(data), header=None, names=["key", "label"] + cols,
                     dtype={"key": str, "label": str}, thousands=",", na_values=["-", ""],
                     keep_default_na=False)
    nb = len(codes)
    if len(df) != nb * nrows:
        fail("%s: %d lines in all, want %d (%d bodies × %d)" % (fid, len(df), nb * nrows, nb, nrows))
    for what in ("key", "label"):
        want = np.tile(form[what + "s"], nb)
        bad = np.flatnonzero(df[what].to_numpy() != want)
        if len(bad):
            i = bad[0]
            fail("statements/%s/%s.csv: line %d: %s %r, want %r" % (codes[i // nrows], fid, i % nrows + 3, what, df[what].iat[i], want[i]))
    v, p = parse_values(df[cols])
    return v.reshape(nb, nrows, len(cols)), p.reshape(nb, nrows, len(cols))


def read_by_prefecture(d, fid, form, bodies, unit_line):
    nrows, cols = len(form["keys"]), form["cols"]
    nc = len(cols)
    nb = len(bodies)
    v = np.zeros((nb, nrows, nc), dtype=np.int64)
    p = np.zeros((nb, nrows, nc), dtype=bool)
    blobs, places, width = [], [], 1
    for pref, members in bodies.groupby("prefecture", sort=True):
        name = os.path.join(d, "prefectures", pref, fid + ".csv")
        with open(name, "rb") as f:
            b = f.read()
        lines = b.split(b"\r\n", 4)
        codes = np.repeat(members["code"].to_numpy(), nc)
        names = np.repeat(members["name"].to_numpy(), nc)
        want = [[unit_line], ["団体コード"] + list(codes), ["団体名"] + list(names), ["科目"] + cols * len(members)]
        for k in range(4):
            got = lines[k].decode().split(",")
            if got != want[k]:
                fail("%s: line %d does not name the bodies of bodies.csv and the form's columns" % (name, k + 1))
        blobs.append(lines[4])
        places.append(members.index.to_numpy())
        width = max(width, 1 + nc * len(members))
    data = minus(b"".join(blobs))
    df = pd.read_csv(io.BytesIO(data), header=None, names=list(range(width)), dtype={0: str},
                     thousands=",", na_values=["-", ""], keep_default_na=False)
    if len(df) != nrows * len(places):
        fail("%s: %d lines in all, want %d" % (fid, len(df), nrows * len(places)))
    bad = np.flatnonzero(df[0].to_numpy() != np.tile(form["labels"], len(places)))
    if len(bad):
        fail("prefectures/*/%s.csv: line %d of prefecture file %d: label %r" % (fid, bad[0] % nrows + 5, bad[0] // nrows + 1, df[0].iat[bad[0]]))
    vals, pres = parse_values(df.iloc[:, 1:])
    for k, idx in enumerate(places):
        block = slice(k * nrows, (k + 1) * nrows)
        m = len(idx) * nc
        v[idx] = vals[block, :m].reshape(nrows, len(idx), nc).transpose(1, 0, 2)
        p[idx] = pres[block, :m].reshape(nrows, len(idx), nc).transpose(1, 0, 2)
    return v, p


def bounds(v, p, unit):
    """The interval of exact yen of printed figures; 該当なし is exactly 0."""
    half = unit // 2
    y = v * unit
    lo = np.where(y > 0, y - half, np.where(y < 0, y - half + 1, -half + 1))
    hi = np.where(y > 0, y + half - 1, np.where(y < 0, y + half, half - 1))
    return np.where(p, y, 0), np.where(p, lo, 0), np.where(p, hi, 0)


class Identities:
    """Identities over the cells of a scope's four statements, flattened:
    cell index = offset of the statement + row·ncols + column. Each identity
    is Σ sign·cell = 0, the total (or link's left side) with sign +1."""

    def __init__(self):
        self.eq, self.var, self.sign, self.names = [], [], [], []
        self.n = 0

    def add(self, name, terms):
        self.names.append(name)
        for var, sign in terms:
            self.eq.append(self.n)
            self.var.append(var)
            self.sign.append(sign)
        self.n += 1

    def arrays(self):
        self.eq, self.var, self.sign = (np.array(x, dtype=np.int64) for x in (self.eq, self.var, self.sign))
        # Terms are grouped by identity, the total first: sums per identity
        # are np.add.reduceat at the starts.
        self.starts = np.r_[0, np.flatnonzero(np.diff(self.eq)) + 1]
        self.first = np.zeros(len(self.eq), dtype=bool)
        self.first[self.starts] = True

    def sum(self, a):
        return np.add.reduceat(a, self.starts, axis=1)


def scope_identities(forms, ids, links, scope):
    """The identities of one scope, and the offsets of its statements."""
    offs, n = {}, 0
    for k in KINDS:
        fid = k + "-" + scope
        offs[fid] = n
        n += len(forms[fid]["keys"]) * len(forms[fid]["cols"])
    idn = Identities()

    def cell(fid, key, col):
        f = forms[fid]
        r = np.flatnonzero(f["keys"] == key)
        if len(r) != 1 or col not in f["cols"]:
            fail("identities: no cell %s:%s:%s" % (fid, key, col))
        return offs[fid] + int(r[0]) * len(f["cols"]) + f["cols"].index(col)

    for k in KINDS:
        fid = k + "-" + scope
        f = forms[fid]
        mine = ids[ids["form"] == fid]
        rows = mine[mine["kind"] == "row"]
        for col in f["cols"]:
            for total, terms in rows.groupby("target", sort=False):
                if f["blank"][np.flatnonzero(f["keys"] == total)[0], f["cols"].index(col)]:
                    continue
                idn.add("%s %s %s" % (fid, total, col), [(cell(fid, total, col), 1)] + [(cell(fid, t, col), -s) for t, s in zip(terms["term"], terms["sign"])])
        ccols = mine[mine["kind"] == "column"]
        printed = [(r, key) for r, (key, kind) in enumerate(zip(f["keys"], f["kinds"])) if kind != "header"]
        for r, key in printed:
            for total, terms in ccols.groupby("target", sort=False):
                if f["blank"][r, f["cols"].index(total)]:
                    continue
                idn.add("%s %s %s" % (fid, key, total), [(cell(fid, key, total), 1)] + [(cell(fid, key, t), -s) for t, s in zip(terms["term"], terms["sign"])])
    for _, l in links.iterrows():
        side = {}
        for s in ("left", "right"):
            side[s] = []
            for term in l[s].split("+"):
                sign = 1
                if term.startswith("-"):
                    sign, term = -1, term[1:]
                fid, key, col = term.rsplit(":", 2)
                side[s].append((fid, key, col, sign))
        if not all(t[0].endswith("-" + scope) for t in side["left"] + side["right"]):
            continue
        idn.add(l["name"], [(cell(f, k, c), s) for f, k, c, s in side["left"]] + [(cell(f, k, c), -s) for f, k, c, s in side["right"]])
    idn.arrays()
    return idn, offs, n


def judge(idn, y, lo, hi, has, joint):
    """Verdicts of every identity of every body: counts and the violations."""
    s = idn.sign
    cy = y[:, idn.var] * s
    clo = np.where(s > 0, lo[:, idn.var], -hi[:, idn.var])
    chi = np.where(s > 0, hi[:, idn.var], -lo[:, idn.var])
    ch = has[:, idn.var].astype(np.int64)
    sy, slo, shi = idn.sum(cy), idn.sum(clo), idn.sum(chi)
    # A total (the first term) with a figure where no term has one, or the
    # reverse, is a violation; all without a figure is exact.
    tot_has = ch[:, idn.starts] > 0
    terms_has = idn.sum(ch * ~idn.first) > 0
    mismatch = tot_has != terms_has
    exact = ~mismatch & (sy == 0)
    violation = mismatch | (~exact & ((slo > 0) | (shi < 0)))
    if joint:
        # As statement.Joint: an identity that fails on its own is set
        # aside, and the others narrow the intervals together.
        violation |= propagate(idn, lo.copy(), hi.copy(), ~violation) & ~exact
    within = ~exact & ~violation
    return int(exact.sum()), int(within.sum()), int(violation.sum()), violation


def propagate(idn, lo, hi, active, rounds=200):
    """Narrow every interval through every active identity at once to a
    fixpoint, bodies side by side; return the identities that can no
    longer hold."""
    act = active[:, idn.eq]
    s, var = idn.sign, idn.var
    # Terms in groups of distinct variables, so that a group's narrowing
    # can be written back with fancy indexing.
    order = np.argsort(var, kind="stable")
    occurrence = np.zeros(len(var), dtype=np.int64)
    sv = var[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sv)) + 1]
    run = np.arange(len(sv)) - np.repeat(starts, np.diff(np.r_[starts, len(sv)]))
    occurrence[order] = run
    groups = [np.flatnonzero(occurrence == g) for g in range(int(occurrence.max()) + 1)]
    # Only the bodies whose intervals narrowed in the last round are
    # narrowed again: most settle in a few rounds.
    live = np.arange(lo.shape[0])
    for _ in range(rounds):
        if len(live) == 0:
            break
        l, h, a_ = lo[live], hi[live], act[live]
        clo = np.where(s > 0, l[:, var], -h[:, var])
        chi = np.where(s > 0, h[:, var], -l[:, var])
        slo, shi = idn.sum(clo), idn.sum(chi)
        # c_j within −(Σ others): [−(shi − chi_j), −(slo − clo_j)].
        nlo = -(shi[:, idn.eq] - chi)
        nhi = -(slo[:, idn.eq] - clo)
        xlo = np.where(a_, np.where(s > 0, nlo, -nhi), l[:, var])
        xhi = np.where(a_, np.where(s > 0, nhi, -nlo), h[:, var])
        changed = np.zeros(len(live), dtype=bool)
        for g in groups:
            v = var[g]
            a = np.maximum(l[:, v], xlo[:, g])
            b = np.minimum(h[:, v], xhi[:, g])
            changed |= ((a != l[:, v]) | (b != h[:, v])).any(axis=1)
            l[:, v], h[:, v] = a, b
        lo[live], hi[live] = l, h
        live = live[changed]
    clo = np.where(s > 0, lo[:, var], -hi[:, var])
    chi = np.where(s > 0, hi[:, var], -lo[:, var])
    slo, shi = idn.sum(clo), idn.sum(chi)
    empty = idn.sum((lo > hi)[:, var].astype(np.int64)) > 0
    return empty | (slo > 0) | (shi < 0)


# The indicators: (name, unit, shift, places), in the order of the 手引き.
INDICATORS = [
    ("住民一人当たり資産額", "万円", -4, 1), ("歳入額対資産比率", "年", 0, 2),
    ("有形固定資産減価償却率", "%", 2, 1), ("純資産比率", "%", 2, 1), ("将来世代負担比率", "%", 2, 1),
    ("住民一人当たり負債額", "万円", -4, 1), ("基礎的財政収支", "千円", -3, 0),
    ("住民一人当たり行政コスト", "万円", -4, 1), ("受益者負担比率", "%", 2, 1),
]


def indicators(line, pop):
    """num, den (int64) and valid for each indicator; line(kind, keys) gives
    the yen sum of the 金額 lines and whether any has a figure."""
    assets, has_assets = line("bs", ["1900"])
    liab, _ = line("bs", ["2900"])
    net, _ = line("bs", ["3900"])
    revenue, has_rev = line("cf", ["7200", "7400", "7700", "8200", "9100"])
    dep, _ = line("bs", ["1114", "1116", "1118", "1120", "1122", "1124", "1133", "1135", "1137", "1141"])
    dep = -dep
    tangible, has_tan = line("bs", ["1100"])
    nondep, _ = line("bs", ["1111", "1112", "1125", "1131", "1138"])
    bonds, _ = line("bs", ["2010", "2110"])
    intangible, has_int = line("bs", ["1200"])
    primary, _ = line("cf", ["7500", "7113", "7800", "7620"])
    drawn, _ = line("cf", ["7720"])
    net_cost, _ = line("pl", ["4900"])
    cost, has_cost = line("pl", ["4000"])
    income, _ = line("pl", ["4500"])
    one = np.ones_like(assets)
    yes = np.ones(len(assets), dtype=bool)
    out = [(assets, pop, yes), (assets, revenue, has_rev), (dep, tangible - nondep + dep, has_tan),
           (net, assets, has_assets), (bonds, tangible + intangible, has_tan | has_int), (liab, pop, yes),
           (primary - drawn, one, yes), (net_cost, pop, yes), (income, cost, has_cost)]
    return [(n, dd, ok & (dd > 0)) for n, dd, ok in out]


def printed(num, den, shift, places):
    """Half away from zero of num/den·10^(shift+places), exact (Python ints)."""
    e = shift + places
    n, d = (num * 10 ** e, den) if e >= 0 else (num, den * 10 ** -e)
    q = (2 * abs(n) + d) // (2 * d)
    q = -q if n < 0 else q
    sgn = "-" if q < 0 else ""
    q = abs(q)
    if places == 0:
        return sgn + str(q)
    return "%s%d.%0*d" % (sgn, q // 10 ** places, places, q % 10 ** places)


def printed_all(num, den, shift, places):
    """printed() of int64 arrays, in int64: |num| and den stay below 10^17."""
    e = shift + places
    n, d = (num * 10 ** e, den) if e >= 0 else (num, den * 10 ** -e)
    q = (2 * np.abs(n) + d) // (2 * d)
    q = np.where(n < 0, -q, q)
    if places == 0:
        return [str(x) for x in q.tolist()]
    p = 10 ** places
    return ["%s%d.%0*d" % ("-" if x < 0 else "", abs(x) // p, places, abs(x) % p) for x in q.tolist()]


def quartile(num, den, order, q):
    """Type 7 at (n−1)·q/4 of the values num/den taken in order, exact."""
    h = (len(order) - 1) * q
    lo, m = h // 4, h % 4
    a = Fraction(int(num[order[lo]]), int(den[order[lo]]))
    if m == 0:
        return a
    b = Fraction(int(num[order[lo + 1]]), int(den[order[lo + 1]]))
    return a + Fraction(m, 4) * (b - a)


class Nation:
    """What every part of the work shares: the nation's layout and unit,
    its bodies, forms, identities and links."""

    def __init__(self, d):
        self.d = d
        self.layout, self.unit_name = "body", "千円"
        if os.path.exists(os.path.join(d, "nation.csv")):
            nat = pd.read_csv(os.path.join(d, "nation.csv"), dtype=str)
            self.layout, self.unit_name = nat["layout"].iat[0], nat["unit"].iat[0]
        self.unit = UNITS[self.unit_name]
        self.unit_line = "（単位：" + self.unit_name + "）"
        bodies = pd.read_csv(os.path.join(d, "bodies.csv"), dtype=str, keep_default_na=False)
        if "population" not in bodies:
            bodies["name"], bodies["population"] = "", "0"
        self.bodies = bodies
        self.order, self.forms = read_forms(d)
        self.ids = pd.read_csv(os.path.join(d, "identities.csv"), dtype={"form": str, "kind": str, "target": str, "term": str, "sign": np.int64})
        self.links = pd.read_csv(os.path.join(d, "links.csv"), dtype=str, keep_default_na=False)
        self.groups = ["%02d" % g for g in range(1, 48)] + ["all"]


def part(nat, prefectures, joint):
    """Read, verify, compute the indicators' terms and sum by prefecture for
    the bodies of the given prefectures; return what the whole needs."""
    t0 = time.perf_counter()
    mine = nat.bodies["prefecture"].isin(prefectures).to_numpy()
    at = np.flatnonzero(mine)
    bodies = nat.bodies[mine].reset_index(drop=True)
    codes = bodies["code"].tolist()
    forms = nat.forms
    V, P = {}, {}
    for fid in nat.order:
        if nat.layout == "prefecture":
            V[fid], P[fid] = read_by_prefecture(nat.d, fid, forms[fid], bodies, nat.unit_line)
        else:
            V[fid], P[fid] = read_by_body(nat.d, fid, forms[fid], codes, nat.unit_line)
    t1 = time.perf_counter()

    nb = len(codes)
    counts = np.zeros(3, dtype=np.int64)
    bad = []
    for scope in SCOPES:
        idn, offs, nvars = scope_identities(forms, nat.ids, nat.links, scope)
        flat = [(V[k + "-" + scope].reshape(nb, -1), P[k + "-" + scope].reshape(nb, -1)) for k in KINDS]
        v = np.concatenate([x for x, _ in flat], axis=1)
        p = np.concatenate([x for _, x in flat], axis=1)
        y, lo, hi = bounds(v, p, nat.unit)
        e, w, x, viol = judge(idn, y, lo, hi, p, joint)
        counts += (e, w, x)
        for b, q in zip(*np.nonzero(viol)):
            if len(bad) < 20:
                bad.append("%s %s" % (codes[b], idn.names[q]))
    t2 = time.perf_counter()

    pop = bodies["population"].astype(np.int64).to_numpy()
    values = {}
    for scope in SCOPES:
        def line(k, keys, scope=scope):
            f = forms[k + "-" + scope]
            rows = [int(np.flatnonzero(f["keys"] == key)[0]) for key in keys]
            c = f["cols"].index("金額")
            vv = V[k + "-" + scope][:, rows, c].sum(axis=1) * nat.unit
            return vv, P[k + "-" + scope][:, rows, c].any(axis=1)
        values[scope] = indicators(line, pop)
    t3 = time.perf_counter()

    # The printed items summed by prefecture (rows of G), in the unit.
    pref = bodies["prefecture"].to_numpy()
    present = sorted(set(pref))
    G = np.zeros((len(present), nb), dtype=np.int64)
    G[[present.index(x) for x in pref], np.arange(nb)] = 1
    sums = {}
    for fid in nat.order:
        f = forms[fid]
        items = np.flatnonzero(f["kinds"] == "item")
        s = np.zeros((len(present), len(f["keys"]), len(f["cols"])), dtype=np.int64)
        h = np.zeros(s.shape, dtype=bool)
        for c in f["inputs"]:
            s[:, items, c] = G @ V[fid][:, items, c]
            h[:, items, c] = (G @ P[fid][:, items, c].astype(np.int64)) > 0
        sums[fid] = (s, h)
    t4 = time.perf_counter()
    cells = sum(int((forms[f]["kinds"] != "header").sum()) * len(forms[f]["cols"]) * nb for f in nat.order)
    return {"at": at, "counts": counts, "bad": bad, "values": values, "present": present, "sums": sums,
            "cells": cells, "times": (t1 - t0, t2 - t1, t3 - t2, t4 - t3)}


def split(nat, n):
    """The prefectures in n runs of about equal numbers of bodies."""
    counts = nat.bodies.groupby("prefecture").size()
    out, cur, size = [], [], 0
    target = len(nat.bodies) / n
    for p, c in counts.items():
        cur.append(p)
        size += c
        if size >= target * (len(out) + 1) and len(out) < n - 1:
            out.append(cur)
            cur = []
    out.append(cur)
    return out


def main():
    args = sys.argv[1:]
    joint = "--joint" in args
    args = [a for a in args if a != "--joint"]
    prefix, procs = None, 1
    for flag in ("--out", "--procs"):
        if flag in args:
            i = args.index(flag)
            if flag == "--out":
                prefix = args[i + 1]
            else:
                procs = int(args[i + 1])
            del args[i:i + 2]
    if len(args) != 1 or procs < 1:
        sys.exit("usage: pandas_check.py [--joint] [--procs N] [--out PREFIX] DIR")
    d = args[0]
    prefix = prefix or os.path.join(d, "pandas")
    t0 = time.perf_counter()

    nat = Nation(d)
    runs = split(nat, procs)
    if procs == 1:
        parts = [part(nat, runs[0], joint)]
    else:
        # Forked workers share what Nation read; each reads and checks the
        # bodies of its prefectures.
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(procs) as pool:
            parts = pool.starmap(part, [(nat, r, joint) for r in runs])
    t1 = time.perf_counter()

    bodies, forms, groups = nat.bodies, nat.forms, nat.groups
    nb = len(bodies)
    codes = bodies["code"].tolist()
    counts = sum(p["counts"] for p in parts)
    bad = [b for p in parts for b in p["bad"]][:20]
    # The indicators' terms of every body, in the order of bodies.csv.
    values = {}
    for scope in SCOPES:
        values[scope] = []
        for x in range(len(INDICATORS)):
            arrs = []
            for k in range(3):
                a = np.zeros(nb, dtype=parts[0]["values"][scope][x][k].dtype)
                for p in parts:
                    a[p["at"]] = p["values"][scope][x][k]
                arrs.append(a)
            values[scope].append(tuple(arrs))

    kind = (bodies["kind"] == "prefecture").to_numpy()
    pref = bodies["prefecture"].to_numpy()
    ind_rows, summary = [], []
    for scope in SCOPES:
        for x, (name, u, shift, places) in enumerate(INDICATORS):
            num, den, ok = values[scope][x]
            f = np.where(ok, num / np.where(ok, den, 1), np.nan)
            rank = np.zeros(nb, dtype=np.int64)
            for k in (True, False):
                sel = np.flatnonzero(ok & (kind == k))
                o = sel[np.argsort(-f[sel], kind="stable")]
                r = np.arange(1, len(o) + 1)
                for j in range(1, len(o)):
                    a, b = o[j - 1], o[j]
                    if f[a] == f[b] and int(num[a]) * int(den[b]) == int(num[b]) * int(den[a]):
                        r[j] = r[j - 1]
                rank[o] = r
            values[scope][x] = (num, den, ok, rank)
    cols = []
    for scope in SCOPES:
        for x, (name, u, shift, places) in enumerate(INDICATORS):
            num, den, ok, rank = values[scope][x]
            val = printed_all(num, np.where(ok, den, 1), shift, places)
            cols.append(["%s,%s,%s,%s,%s" % (scope, name, u, v, r) if k else "%s,%s,%s,," % (scope, name, u)
                         for v, r, k in zip(val, rank.tolist(), ok.tolist())])
    names = [('"' + n.replace('"', '""') + '"') if ("," in n or '"' in n) else n for n in bodies["name"]]
    for i in range(nb):
        head = "%s,%s,%s," % (codes[i], names[i], pref[i])
        ind_rows.extend(head + c[i] for c in cols)
    for g in groups:
        sel = np.ones(nb, dtype=bool) if g == "all" else (pref == g)
        for scope in SCOPES:
            for x, (name, u, shift, places) in enumerate(INDICATORS):
                num, den, ok, _ = values[scope][x]
                m = np.flatnonzero(sel & ok)
                fields = [g, scope, name, u, str(len(m)), "", "", "", ""]
                if len(m):
                    n_, d_ = sum(int(a) for a in num[m]), sum(int(a) for a in den[m])
                    if name == "基礎的財政収支":
                        d_ = 1
                    fields[5] = printed(n_, d_, shift, places)
                    # Ordered by float, as the ranks are, the quartiles exact.
                    o = m[np.argsort(num[m] / den[m], kind="stable")]
                    for q in (1, 2, 3):
                        v = quartile(num, den, o, q)
                        fields[5 + q] = printed(v.numerator, v.denominator, shift, places)
                summary.append(",".join(fields))
    with open(prefix + "-indicators.csv", "w", encoding="utf-8", newline="") as f:
        f.write("code,name,prefecture,scope,indicator,unit,value,rank\n" + "\n".join(ind_rows) + "\n")
    with open(prefix + "-indicators-prefecture.csv", "w", encoding="utf-8", newline="") as f:
        f.write("group,scope,indicator,unit,bodies,whole,q1,median,q3\n" + "\n".join(summary) + "\n")
    t2 = time.perf_counter()

    # The aggregate: the parts' sums by prefecture, and the nation's; every
    # total from the sums through the forms' identities, in dependency order.
    ids = nat.ids
    members = [int((pref == g).sum()) for g in groups[:-1]] + [nb]
    out = ["group,bodies,form,key,label,column," + nat.unit_name]
    agg = {}
    for fid in nat.order:
        f = forms[fid]
        nr, nc = len(f["keys"]), len(f["cols"])
        s = np.zeros((len(groups), nr, nc), dtype=np.int64)
        h = np.zeros((len(groups), nr, nc), dtype=bool)
        for p in parts:
            ps, ph = p["sums"][fid]
            for k, g in enumerate(p["present"]):
                s[groups.index(g)] += ps[k]
                h[groups.index(g)] |= ph[k]
        s[-1] = s[:-1].sum(axis=0)
        h[-1] = h[:-1].any(axis=0)
        items = np.flatnonzero(f["kinds"] == "item")
        mine = ids[(ids["form"] == fid) & (ids["kind"] == "row")]
        pos = {k: i for i, k in enumerate(f["keys"])}
        terms = {t: list(zip(g["term"], g["sign"])) for t, g in mine.groupby("target", sort=False)}
        done = set(f["keys"][items])
        while len(done) < len(done | set(terms)):
            for t, ts in terms.items():
                if t not in done and all(k in done for k, _ in ts):
                    for c in f["inputs"]:
                        s[:, pos[t], c] = sum(sg * s[:, pos[k], c] for k, sg in ts)
                        h[:, pos[t], c] = np.any([h[:, pos[k], c] for k, _ in ts], axis=0)
                    done.add(t)
        for tot, g in ids[(ids["form"] == fid) & (ids["kind"] == "column")].groupby("target", sort=False):
            c = f["cols"].index(tot)
            s[:, :, c] = sum(sg * s[:, :, f["cols"].index(k)] for k, sg in zip(g["term"], g["sign"]))
            h[:, :, c] = np.any([h[:, :, f["cols"].index(k)] for k in g["term"]], axis=0)
        s[:, f["blank"]], h[:, f["blank"]] = 0, False
        agg[fid] = (s, h)
    for gidx, g in enumerate(groups):
        for fid in nat.order:
            f = forms[fid]
            s, h = agg[fid]
            for r, (key, label, kd) in enumerate(zip(f["keys"], f["labels"], f["kinds"])):
                if kd == "header":
                    continue
                for c, col in enumerate(f["cols"]):
                    val = str(s[gidx, r, c]) if h[gidx, r, c] else ""
                    out.append("%s,%d,%s,%s,%s,%s,%s" % (g, members[gidx], fid, key, label, col, val))
    with open(prefix + "-aggregate.csv", "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(out) + "\n")
    t3 = time.perf_counter()

    times = np.max([p["times"] for p in parts], axis=0)
    for name, t in zip(("read", "verify", "indicators", "aggregate"), times):
        print("pandas %s: %d ms%s" % (name, t * 1000, " (the slowest of %d processes)" % procs if procs > 1 else ""))
    print("pandas: ranks, quartiles and indicators written in %d ms; aggregate written in %d ms" % ((t2 - t1) * 1000, (t3 - t2) * 1000))
    e, w, x = (int(c) for c in counts)
    print("pandas verify%s: %d identities and links: %d exact, %d within rounding, %d violations"
          % (" (joint)" if joint else "", e + w + x, e, w, x))
    for b in bad:
        print("  violation:", b)
    print("pandas: %d bodies, %d cells, %d processes, total %d ms" % (nb, sum(p["cells"] for p in parts), procs, (time.perf_counter() - t0) * 1000))
    sys.exit(1 if x else 0)


if __name__ == "__main__":
    main()
