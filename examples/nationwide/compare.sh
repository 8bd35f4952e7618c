#!/usr/bin/env bash
# Generates one nation into a temporary directory, checks it with the Go
# program and with the pandas peer, compares their aggregates byte for
# byte, and prints the ratio of their totals.
#
# Usage: examples/nationwide/compare.sh [-bodies N] [-seed S]
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
# The work is timed on the files, as the peer reads them.
go_out=$("$bin" -in "$dir/nation")
echo "$go_out"
py_out=$("$python" examples/nationwide/peer/pandas_check.py "$dir/nation" "$dir/nation/aggregate-pandas.csv")
echo "$py_out"

if cmp -s "$dir/nation/aggregate.csv" "$dir/nation/aggregate-pandas.csv"; then
	echo "aggregates: identical ($(wc -l <"$dir/nation/aggregate.csv") lines)"
else
	echo "aggregates differ:" >&2
	diff "$dir/nation/aggregate.csv" "$dir/nation/aggregate-pandas.csv" | head -20 >&2
	exit 1
fi

go_ms=$(sed -n 's/^nationwide: .* total \([0-9]*\) ms.*/\1/p' <<<"$go_out")
py_ms=$(sed -n 's/^pandas: .* total \([0-9]*\) ms.*/\1/p' <<<"$py_out")
awk -v g="$go_ms" -v p="$py_ms" 'BEGIN { printf "ratio: pandas %d ms / Go %d ms = %.2f×\n", p, g, p / (g > 0 ? g : 1) }'
