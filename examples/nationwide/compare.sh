#!/usr/bin/env bash
# Generates one nation into a temporary directory, checks it with the Go
# program and with the pandas peer, compares their aggregates byte for
# byte, and prints the ratio of their totals: the best of RUNS runs of each
# (default 3), the runs alternating, since a shared machine's load varies.
#
# Usage: [RUNS=3] examples/nationwide/compare.sh [-bodies N] [-seed S]
#
# The peer needs pandas. On Debian: apt-get install python3-pandas, which
# installs it for the system interpreter; set PYTHON to use another one.
set -euo pipefail
cd "$(dirname "$0")/../.."

pick_python() {
	for p in "${PYTHON:-}" python3 /usr/bin/python3; do
		if [ -n "$p" ] && "$p" -c 'import pandas' 2>/dev/null; then
			echo "$p"
			return
		fi
	done
	echo "compare.sh: no python3 with pandas; on Debian: apt-get install python3-pandas (or set PYTHON)" >&2
	exit 2
}
python=$(pick_python)

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bin="$dir/nationwide"
go build -o "$bin" ./examples/nationwide

"$bin" "$@" -o "$dir/nation" >/dev/null
total() { sed -n "s/^$1: .* total \([0-9]*\) ms.*/\1/p"; }
go_ms= py_ms=
for run in $(seq "${RUNS:-3}"); do
	# The work is timed on the files, as the peer reads them.
	go_out=$("$bin" -in "$dir/nation")
	py_out=$("$python" examples/nationwide/peer/pandas_check.py "$dir/nation" "$dir/nation/aggregate-pandas.csv")
	g=$(total nationwide <<<"$go_out")
	p=$(total pandas <<<"$py_out")
	echo "run $run: Go $g ms, pandas $p ms"
	if [ -z "$go_ms" ] || [ "$g" -lt "$go_ms" ]; then go_ms=$g go_best=$go_out; fi
	if [ -z "$py_ms" ] || [ "$p" -lt "$py_ms" ]; then py_ms=$p py_best=$py_out; fi
done
echo "$go_best"
echo "$py_best"

if cmp -s "$dir/nation/aggregate.csv" "$dir/nation/aggregate-pandas.csv"; then
	echo "aggregates: identical ($(wc -l <"$dir/nation/aggregate.csv") lines)"
else
	echo "aggregates differ:" >&2
	diff "$dir/nation/aggregate.csv" "$dir/nation/aggregate-pandas.csv" | head -20 >&2
	exit 1
fi

awk -v g="$go_ms" -v p="$py_ms" 'BEGIN { printf "ratio (best of each): pandas %d ms / Go %d ms = %.2f×\n", p, g, p / (g > 0 ? g : 1) }'
