#!/usr/bin/env python3
"""Lists, per top-level module of the library (src/<module>.rs or src/<module>/), the other
top-level modules it imports through `crate::<module>` (in `use` items and in paths in code,
doc-only imports under `#[cfg(doc)]` and doc comments excepted), then any cycle.

Run from the crate root: `python3 scripts/module-graph.py`. Exit status 1 if the graph has a
cycle. Re-exports of the crate root (`crate::Name` with a capitalised name or a root-level
function) count as an import of the root, shown as `(root)`."""
import os, re, sys

SRC = "src"
mods = {}
for entry in sorted(os.listdir(SRC)):
    path = os.path.join(SRC, entry)
    if entry in ("lib.rs", "bin"):
        continue
    name = entry[:-3] if entry.endswith(".rs") else entry
    files = []
    if os.path.isdir(path):
        for root, _, fs in os.walk(path):
            files += [os.path.join(root, f) for f in fs if f.endswith(".rs")]
    elif entry.endswith(".rs"):
        files.append(path)
    if os.path.isdir(os.path.join(SRC, name)) and os.path.isfile(os.path.join(SRC, name + ".rs")):
        files.append(os.path.join(SRC, name + ".rs"))
    mods.setdefault(name, set()).update(files)

names = set(mods)
edges = {m: set() for m in names}
ref = re.compile(r"crate::([A-Za-z_][A-Za-z0-9_]*)")
group = re.compile(r"crate::\{([^}]*)\}")


def code_lines(text):
    """The lines of code: no comments, no `#[cfg(doc)]` item, no string literal contents."""
    skip_next = False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("//"):
            continue
        if s.startswith("#[cfg(doc)]"):
            skip_next = True
            continue
        if skip_next:
            skip_next = not s.endswith(";") and not s.endswith("{")
            if s.endswith(";"):
                continue
            continue
        yield re.sub(r'"(?:[^"\\]|\\.)*"', '""', line.split("//")[0] if "://" not in line else line)


for m, files in mods.items():
    for f in files:
        text = "\n".join(code_lines(open(f, encoding="utf-8").read()))
        targets = set(ref.findall(text))
        for g in group.findall(text):
            targets |= {t.strip().split("::")[0] for t in g.split(",") if t.strip()}
        for t in targets:
            if t in names:
                if t != m:
                    edges[m].add(t)
            elif t not in ("self",):
                edges[m].add("(root)")

for m in sorted(edges):
    print(f"{m:16} -> {', '.join(sorted(edges[m])) or '-'}")

# cycles among modules (Tarjan's strongly connected components)
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]


def strong(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in edges.get(v, ()):
        if w not in edges:
            continue
        if w not in index:
            strong(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(sorted(comp))


for v in sorted(edges):
    if v not in index:
        strong(v)
if sccs:
    for c in sccs:
        print("cycle:", " <-> ".join(c))
    sys.exit(1)
print("no cycle")
