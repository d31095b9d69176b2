#!/usr/bin/env python3
# Usage: benches/callgrind_per_iter.py BENCH_BINARY CALLGRIND_OUT (see benches/README.md).
# Instructions per iteration of criterion's measured loop, from a callgrind profile made with
# --dump-instr=yes --compress-pos=no --compress-strings=no. For each Bencher::iter
# instantiation (address ranges from `nm -S`), cost = self instructions + inclusive cost of
# calls made from inside it; iterations = the largest execution count of one instruction in it
# (each loop instruction runs once per iteration).
import sys, re, subprocess
binary, out = sys.argv[1], sys.argv[2]
ranges = []
for line in subprocess.run(["nm", "-S", "-C", binary], capture_output=True, text=True).stdout.splitlines():
    parts = line.split(None, 3)
    if len(parts) == 4 and "Bencher<M>::iter" in parts[3]:
        ranges.append((int(parts[0], 16), int(parts[0], 16) + int(parts[1], 16)))
stats = {r: [0, 0] for r in ranges}  # cost, max count
def find(addr):
    for r in ranges:
        if r[0] <= addr < r[1]:
            return r
pending_call = False
for line in open(out):
    line = line.strip()
    if line.startswith("calls="):
        pending_call = True
        continue
    m = re.match(r"^(0x[0-9a-f]+)\s+\d+\s+(\d+)", line)
    if not m:
        if not line.startswith(("jump", "jcnd")):
            pending_call = False
        continue
    addr, cost = int(m.group(1), 16), int(m.group(2))
    r = find(addr)
    if r:
        stats[r][0] += cost
        if not pending_call:
            stats[r][1] = max(stats[r][1], cost)
    pending_call = False
for r, (cost, n) in stats.items():
    if n > 1000:
        print(f"{hex(r[0])}: {cost/n:.1f} instructions/iteration over {n} iterations")
