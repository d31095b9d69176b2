#!/usr/bin/env python3
"""Turn every section citation in the crate's docs into a link into RULES.md.

    python3 scripts/cite.py            # rewrite in place, print what changed
    python3 scripts/cite.py --check    # change nothing; exit 1 if a rewrite is pending

Where: doc comments (`///`, `//!`) of the library's src/**/*.rs (not src/bin, where `crate` is
the tool). README.md and examples/ keep plain citations: no crate docs render them, so a link
there would lead nowhere.
Never: plain `//` comments, code (string literals included), fenced code blocks, inline code
spans, existing markdown links, autolinks.

Forms (the same as tests/catalogue.rs checks): `rules §3`, `rules.md §3`, `stripe-facts §1.2`,
`facts §5`, `stripe-facts §n` (the whole part), series (`rules.md §1, §3 and §6`, also past a
short parenthetical: `stripe-facts §1.2 (maximum), §2.1`), ranges (`§1–6`, `§2.2–2.4`,
`§3–§5`). A citation whose prefix ends one doc line and whose number starts the next is linked
on its number only, so no line is joined or split.

    rules §3              -> [rules §3](crate::rules#rules-3)
    rules.md §1–6, §10    -> [rules.md §1](crate::rules#rules-1)–[6](crate::rules#rules-6), …
    stripe-facts §2.4     -> [stripe-facts §2.4](crate::rules#facts-2-4)

Idempotent: a linked citation is inside a markdown link, which is never rewritten again.
Uses only the standard library.
"""

import re
import sys
from pathlib import Path

# An intra-doc link into the crate's rules module (RULES.md, included by src/rules.rs), so a
# citation resolves on docs.rs and in an offline `cargo doc`, at the reader's version.
URL = "crate::rules#"

PREFIX = r"(?<![\w-])(?P<prefix>stripe-facts|facts|rules\.md|rules)(?P<gap>\s+)"
NUM = r"\d+(?:\.\d+)*"
REF = rf"§(?:n\b|{NUM}(?:[–-]§?{NUM})?)"
SEP = r"(?:\s\([^()§\n]{0,78}\))?(?:,\s+(?:and\s+)?|\s+and\s+|\s+or\s+)"
SERIES = re.compile(rf"{PREFIX}(?P<refs>{REF}(?:{SEP}{REF})*)")
ONE_REF = re.compile(rf"§(?P<from>n\b|{NUM})(?:(?P<dash>[–-])(?P<to_mark>§?)(?P<to>{NUM}))?")

# Spans never rewritten: existing links, autolinks and inline code.
PROTECTED = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]*>|(`+)[^`]*?\1")


def anchor(prefix, number):
    facts = prefix in ("stripe-facts", "facts")
    if number == "n":
        return "stripe-facts" if facts else "rules"
    return ("facts-" if facts else "rules-") + number.replace(".", "-")


def full_end(start, end):
    """'2.2' and '4' end at '2.4'; '2.2' and '2.4' too."""
    a, b = start.split("."), end.split(".")
    if len(b) < len(a):
        b = a[: len(a) - len(b)] + b
    return ".".join(b)


def link(text, target):
    return f"[{text}]({URL}{target})"


def rewrite_series(match):
    prefix, gap, refs = match.group("prefix"), match.group("gap"), match.group("refs")
    # The prefix goes into the first link unless the citation wraps at the prefix.
    lead = "" if "\n" in gap else prefix + gap
    out, pos, first = [], 0, True
    for ref in ONE_REF.finditer(refs):
        out.append(refs[pos : ref.start()])
        start = ref.group("from")
        head = (lead if first else "") + "§" + start
        piece = link(head, anchor(prefix, start))
        if ref.group("to"):
            end_text = ref.group("to_mark") + ref.group("to")
            piece += ref.group("dash") + link(end_text, anchor(prefix, full_end(start, ref.group("to"))))
        out.append(piece)
        pos, first = ref.end(), False
    out.append(refs[pos:])
    return ("" if lead else prefix + gap) + "".join(out)


def rewrite_markdown(text):
    """Rewrites the citations of a markdown text, outside code blocks and protected spans."""
    lines = text.split("\n")
    # Fenced code blocks become opaque: each of their lines is replaced by a placeholder.
    fenced, in_fence, fence = {}, False, ""
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not in_fence and (stripped.startswith("```") or stripped.startswith("~~~")):
            in_fence, fence = True, stripped[:3]
            fenced[i] = line
        elif in_fence:
            fenced[i] = line
            if stripped.startswith(fence):
                in_fence = False
    keep = {}

    def hide(m):
        key = f"\x00{len(keep)}\x00"
        keep[key] = m.group(0)
        return key

    masked = [f"\x00F{i}\x00" if i in fenced else PROTECTED.sub(hide, line) for i, line in enumerate(lines)]
    done = SERIES.sub(rewrite_series, "\n".join(masked))
    for key, value in keep.items():
        done = done.replace(key, value, 1)
    out = done.split("\n")
    for i, line in fenced.items():
        out[i] = line
    return "\n".join(out)


DOC_LINE = re.compile(r"^(\s*(?://!|///))(.*)$")


def rewrite_rust(text):
    """Rewrites the citations of each doc-comment block (consecutive `///` or `//!` lines)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = DOC_LINE.match(lines[i])
        if not m or lines[i].lstrip().startswith("////"):
            i += 1
            continue
        marker = m.group(1).strip()
        j = i
        heads, bodies = [], []
        while j < len(lines):
            mj = DOC_LINE.match(lines[j])
            if not mj or mj.group(1).strip() != marker or lines[j].lstrip().startswith("////"):
                break
            heads.append(mj.group(1))
            bodies.append(mj.group(2))
            j += 1
        new_bodies = rewrite_markdown("\n".join(bodies)).split("\n")
        assert len(new_bodies) == len(bodies), "a rewrite must not add or remove lines"
        for k in range(len(bodies)):
            lines[i + k] = heads[k] + new_bodies[k]
        i = j
    return "\n".join(lines)


def targets(root):
    for path in sorted((root / "src").rglob("*.rs")):
        if "bin" not in path.relative_to(root / "src").parts:
            yield path


def main(argv):
    check = "--check" in argv
    root = Path(__file__).resolve().parent.parent
    changed = []
    for path in targets(root):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        new = rewrite_markdown(text) if path.suffix == ".md" else rewrite_rust(text)
        if new != text:
            changed.append(path.relative_to(root))
            if not check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(("would rewrite " if check else "rewrote ") + str(path))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
