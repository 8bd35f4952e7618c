#!/usr/bin/env bash
# Generates one nation into a temporary directory, checks it with the Go
# program and with the pandas peer, compares their aggregates and
# indicators byte for byte, and prints the medians of RUNS runs of each
# (default 5), the runs alternating, on the same files, which the first
# run of each has brought into the page cache; a shared machine's load
# varies, so the program waits for a load average below 1 first.
#
# Usage: [RUNS=5] [PEER_ARGS=--joint] examples/nationwide/compare.sh [-bodies N] [-seed S] [-layout body|prefecture] [-unit 千円|百万円]
#
# The peer needs Debian's python3-pandas (apt-get install python3-pandas),
# which installs it for /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/../.."

python=/usr/bin/python3
if ! "$python" -c 'import pandas' 2>/dev/null; then
	echo "compare.sh: $python has no pandas; on Debian: apt-get install python3-pandas" >&2
	exit 2
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bin="$dir/nationwide"
go build -o "$bin" ./examples/nationwide

"$bin" "$@" -o "$dir/nation" >/dev/null
peer() { "$python" examples/nationwide/peer/pandas_check.py ${PEER_ARGS:-} "$dir/nation"; }
# Warm the page cache with one run of each.
"$bin" -in "$dir/nation" >/dev/null
peer >/dev/null

while [ "$(cut -d' ' -f1 /proc/loadavg | cut -d. -f1)" -ge 1 ]; do
	echo "load $(cut -d' ' -f1 /proc/loadavg): waiting" >&2
	sleep 30
done

total() { sed -n "s/^$1: .* total \([0-9]*\) ms.*/\1/p"; }
floor() { sed -n "s/^floor: .* in \([0-9]*\) ms/\1/p"; }
ms() { date +%s%3N; }
go_ms=() py_ms=() go_wall=() py_wall=() floor_ms=()
for run in $(seq "${RUNS:-5}"); do
	floor_ms+=("$("$bin" -floor -in "$dir/nation" | floor)")
	t=$(ms); go_out=$("$bin" -in "$dir/nation"); go_wall+=($(($(ms) - t)))
	t=$(ms); py_out=$(peer); py_wall+=($(($(ms) - t)))
	go_ms+=("$(total nationwide <<<"$go_out")")
	py_ms+=("$(total pandas <<<"$py_out")")
	echo "run $run: floor ${floor_ms[-1]} ms, Go ${go_wall[-1]} ms (work ${go_ms[-1]} ms), pandas ${py_wall[-1]} ms (work ${py_ms[-1]} ms), load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "$go_out"
echo "$py_out"

for f in aggregate indicators indicators-prefecture; do
	if cmp -s "$dir/nation/$f.csv" "$dir/nation/pandas-$f.csv"; then
		echo "$f.csv: identical ($(wc -l <"$dir/nation/$f.csv") lines)"
	else
		echo "$f.csv differs:" >&2
		diff "$dir/nation/$f.csv" "$dir/nation/pandas-$f.csv" | head -20 >&2
		exit 1
	fi
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
g=$(median "${go_wall[@]}") p=$(median "${py_wall[@]}") w=$(median "${go_ms[@]}") f=$(median "${floor_ms[@]}")
awk -v g="$g" -v p="$p" 'BEGIN { printf "medians of the wall time, process start included: Go %d ms, pandas %d ms: pandas / Go = %.2f×\n", g, p, p / (g > 0 ? g : 1) }'
awk -v w="$w" -v f="$f" 'BEGIN { printf "medians of the work: Go %d ms, its floor (read and parse with strconv) %d ms: Go / floor = %.2f×\n", w, f, w / (f > 0 ? f : 1) }'
