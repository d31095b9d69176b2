#!/usr/bin/env bash
# Usage: benches/rounds.sh BENCH FILTER N
# Runs a criterion bench N times briefly and prints, for each row, the smallest and the median
# of its N medians. On a shared machine other jobs only ever add time, so the smallest
# median of several short runs is the steadiest estimate of a row's cost, and rows compared
# by it were each measured at their quietest (benches/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$1; filter=$2; n=$3
tmp=$(mktemp -d)
out=$tmp/medians.txt; : > "$out"
for r in $(seq 1 $n); do
  cargo bench --bench "$bench" -- --warm-up-time 0.5 --measurement-time 1.5 "$filter" 2>/dev/null > "$tmp/round.out"
  python3 - "$r" "$tmp/round.out" >> "$out" <<'PY'
import sys,re
r, path = sys.argv[1], sys.argv[2]; name=None
units = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}  # to ns
for l in open(path):
    if l.strip() and not l[0].isspace() and not l.startswith(("Benchmarking", "Found", "Gnuplot", "WARNING")):
        name = l.split("time:")[0].strip(); got = False
    m = re.search(r"time:\s+\[(\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\]", l)
    if m and name and not got and "%" not in l:
        print(f"{r}\t{name}\t{float(m.group(3))*units[m.group(4)]}"); got = True
PY
done
python3 - "$out" <<'PY'
import sys, statistics, collections
rows=collections.defaultdict(list)
for l in open(sys.argv[1]):
    r,name,v=l.rstrip("\n").split("\t"); rows[name].append(float(v))
def show(ns):
    for unit, size in (("s", 1e9), ("ms", 1e6), ("µs", 1e3), ("ns", 1.0)):
        if ns >= size:
            return f"{ns / size:.4g} {unit}"
    return f"{ns:.4g} ns"
for name, vals in rows.items():
    runs = " ".join(show(v) for v in vals)
    print(f"{name:52s} min {show(min(vals)):>10s}  median {show(statistics.median(vals)):>10s}  ({len(vals)} runs: {runs})")
PY
rm -rf "$tmp"
