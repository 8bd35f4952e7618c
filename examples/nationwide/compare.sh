#!/usr/bin/env bash
# Generates one nation into a temporary directory, checks it with the Go
# program and with the pandas peer in one process and in two, compares
# their aggregates and indicators byte for byte, and prints the medians of
# RUNS runs of each (default 5), the runs alternating, on the same files,
# which the first run of each has brought into the page cache; a shared
# machine's load varies, so the script waits for a load average below 1
# first. Each round also measures the floor: the Go program reading every
# statement file and parsing its figures with strconv, nothing else.
#
# Usage: [RUNS=5] [PEER_ARGS=--joint] examples/nationwide/compare.sh [-bodies N] [-seed S] [-layout body|prefecture] [-unit 千円|百万円]
#        NATION=DIR [RUNS=5] examples/nationwide/compare.sh    (a nation written before with -o DIR)
# LOAD=N waits for a load average below N rather than 1.
#
# Each run's processor time (user and system, of the process and its
# children) is measured too: on a machine that others share, it varies
# less with their load than the wall time does.
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

if [ -n "${NATION:-}" ]; then
	# A nation written before: its files, its results written beside them.
	ln -s "$(realpath "$NATION")" "$dir/nation"
else
	"$bin" "$@" -o "$dir/nation" >/dev/null
fi
peer() { "$python" examples/nationwide/peer/pandas_check.py ${PEER_ARGS:-} --procs "$1" "$dir/nation"; }
# Warm the page cache with one run of each.
"$bin" -in "$dir/nation" >/dev/null
peer 1 >/dev/null

while [ "$(cut -d' ' -f1 /proc/loadavg | cut -d. -f1)" -ge "${LOAD:-1}" ]; do
	echo "load $(cut -d' ' -f1 /proc/loadavg): waiting" >&2
	sleep 30
done

total() { sed -n "s/^$1: .* total \([0-9]*\) ms.*/\1/p"; }
floor() { sed -n "s/^floor: .* in \([0-9]*\) ms/\1/p"; }
# timed NAME CMD...: runs CMD, its output to $dir/NAME.out, and appends its
# wall and processor milliseconds to the arrays NAME_wall and NAME_cpu.
timed() {
	local name=$1 t
	shift
	if ! t=$({ TIMEFORMAT='%3R %3U %3S'; time "$@" >"$dir/$name.out" 2>"$dir/$name.err"; } 2>&1); then
		cat "$dir/$name.err" >&2
		exit 1
	fi
	eval "${name}_wall+=($(awk '{printf "%d", $1 * 1000}' <<<"$t"))"
	eval "${name}_cpu+=($(awk '{printf "%d", ($2 + $3) * 1000}' <<<"$t"))"
}
go_ms=() floor_ms=() go_wall=() go_cpu=() py1_wall=() py1_cpu=() py2_wall=() py2_cpu=()
for run in $(seq "${RUNS:-5}"); do
	floor_ms+=("$("$bin" -floor -in "$dir/nation" | floor)")
	timed go "$bin" -in "$dir/nation"
	timed py1 peer 1
	timed py2 peer 2
	go_ms+=("$(total nationwide <"$dir/go.out")")
	echo "run $run: floor ${floor_ms[-1]} ms, Go ${go_wall[-1]} ms (work ${go_ms[-1]} ms; processor ${go_cpu[-1]} ms), pandas ${py1_wall[-1]} ms (processor ${py1_cpu[-1]} ms), pandas in 2 processes ${py2_wall[-1]} ms (processor ${py2_cpu[-1]} ms), load $(cut -d' ' -f1 /proc/loadavg)"
done
go_out=$(cat "$dir/go.out") py_out=$(cat "$dir/py1.out") py2_out=$(cat "$dir/py2.out")
echo "$go_out"
echo "$py_out"
echo "$py2_out"

for f in aggregate indicators indicators-prefecture; do
	if cmp -s "$dir/nation/$f.csv" "$dir/nation/pandas-$f.csv"; then
		echo "$f.csv: identical ($(wc -l <"$dir/nation/$f.csv") lines)"
	else
		echo "$f.csv differs:" >&2
		diff "$dir/nation/$f.csv" "$dir/nation/pandas-$f.csv" | head -20 >&2
		exit 1
	fi
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
g=$(median "${go_wall[@]}") p1=$(median "${py1_wall[@]}") p2=$(median "${py2_wall[@]}") w=$(median "${go_ms[@]}") f=$(median "${floor_ms[@]}")
p=$((p1 < p2 ? p1 : p2))
awk -v g="$g" -v p1="$p1" -v p2="$p2" -v p="$p" 'BEGIN { printf "medians of the wall time, process start included: Go %d ms, pandas %d ms, in 2 processes %d ms: best pandas / Go = %.2f×\n", g, p1, p2, p / (g > 0 ? g : 1) }'
g=$(median "${go_cpu[@]}") p1=$(median "${py1_cpu[@]}") p2=$(median "${py2_cpu[@]}")
p=$((p1 < p2 ? p1 : p2))
awk -v g="$g" -v p1="$p1" -v p2="$p2" -v p="$p" 'BEGIN { printf "medians of the processor time: Go %d ms, pandas %d ms, in 2 processes %d ms: least pandas / Go = %.2f×\n", g, p1, p2, p / (g > 0 ? g : 1) }'
awk -v w="$w" -v f="$f" 'BEGIN { printf "medians of the work: Go %d ms, its floor (read and parse with strconv) %d ms: Go / floor = %.2f×\n", w, f, w / (f > 0 ? f : 1) }'
