#!/usr/bin/env python3
"""Counts the library's real public API, by kind: what a user of the crate can name.

Reads rustdoc's JSON output (nightly: `cargo +nightly rustdoc --lib --all-features --
-Z unstable-options --output-format json`), walks from the crate root through public modules
and re-exports (`pub use`, globs included), and counts each item reachable by at least one
public path once, whatever the number of its paths:

- modules; free functions; methods (public associated functions of inherent impls);
- types (structs, enums, unions, type aliases), traits, their trait-provided methods;
- constants and statics (free, and public associated constants of inherent impls);
- macros; enum variants and public fields (shown apart: they are data, not functions);
- trait impls of the crate's types (neither synthetic nor blanket), written or derived,
  shown apart;
- items reachable by more than one path, and re-exports of other crates' items.

Items under `#[doc(hidden)]` are left out (users are told not to name them).

Run from the crate root:

    python3 scripts/public-surface.py            # builds the JSON, prints the counts
    python3 scripts/public-surface.py --list     # also every reachable path, by kind
    python3 scripts/public-surface.py --json target/doc/stripe_gateway_rules.json

Needs the nightly toolchain (rustdoc's JSON output is unstable); exit status 2 without it.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

CRATE = "stripe_gateway_rules"
TYPE_KINDS = {"struct", "enum", "union", "type_alias"}


def build(features):
    cmd = ["cargo", "+nightly", "rustdoc", "--lib", *features, "--",
           "-Z", "unstable-options", "--output-format", "json"]
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        sys.stderr.write("public-surface: `%s` failed (is the nightly toolchain installed?)\n"
                         % " ".join(cmd))
        sys.exit(2)
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    return os.path.join(target, "doc", CRATE + ".json")


def kind_of(item):
    return next(iter(item["inner"]))


def hidden(item):
    for attr in item.get("attrs") or []:
        text = attr if isinstance(attr, str) else json.dumps(attr)
        if "hidden" in text and "doc" in text:
            return True
    return False


def walk(doc):
    index = doc["index"]
    paths = collections.defaultdict(set)  # item id -> public paths
    external = set()  # paths of re-exported items of other crates
    trait_impls = set()
    seen_modules = set()

    def add(item_id, path):
        item_id = str(item_id)
        item = index.get(item_id)
        if item is None:
            external.add(path)
            return
        if hidden(item):
            return
        kind = kind_of(item)
        if kind == "use":
            use = item["inner"]["use"]
            if use["id"] is None:
                external.add(path)
                return
            if use["is_glob"]:
                target = index.get(str(use["id"]))
                if target is None or kind_of(target) != "module":
                    external.add(path + "::*")
                    return
                base = path.rsplit("::", 1)[0]
                for child in target["inner"]["module"]["items"]:
                    visit_child(child, base)
                return
            add(use["id"], path.rsplit("::", 1)[0] + "::" + use["name"])
            return
        first = item_id not in paths
        paths[item_id].add(path)
        if kind == "module":
            if item_id in seen_modules:
                return
            seen_modules.add(item_id)
            for child in item["inner"]["module"]["items"]:
                visit_child(child, path)
        elif first and kind in ("struct", "enum", "union"):
            inner = item["inner"][kind]
            if kind == "enum":
                for variant in inner["variants"]:
                    paths[str(variant)].add(path + "::" + index[str(variant)]["name"])
            if kind == "struct":
                fields = inner["kind"].get("plain", {}).get("fields", []) if isinstance(
                    inner["kind"], dict) else []
                tuple_fields = inner["kind"].get("tuple", []) if isinstance(
                    inner["kind"], dict) else []
                for field in list(fields) + [f for f in tuple_fields if f is not None]:
                    f = index.get(str(field))
                    if f and f["visibility"] == "public":
                        paths[str(field)].add(path + "." + f["name"])
            if kind == "union":
                for field in inner["fields"]:
                    f = index.get(str(field))
                    if f and f["visibility"] == "public":
                        paths[str(field)].add(path + "." + f["name"])
            for impl_id in inner["impls"]:
                impl(impl_id, path)
        elif first and kind == "trait":
            for child in item["inner"]["trait"]["items"]:
                c = index[str(child)]
                paths[str(child)].add(path + "::" + c["name"])

    def visit_child(child, base):
        c = index.get(str(child))
        if c is None:
            return
        if kind_of(c) == "use":
            name = c["inner"]["use"]["name"]
            add(child, base + "::" + (name or "*"))
            return
        if c["visibility"] != "public":
            return
        add(child, base + "::" + (c["name"] or "?"))

    def impl(impl_id, owner):
        it = index.get(str(impl_id))
        if it is None:
            return
        imp = it["inner"]["impl"]
        if imp["is_synthetic"] or imp["blanket_impl"] is not None:
            return
        if imp["trait"] is not None:
            derived = "automatically_derived" in (it.get("attrs") or [])
            trait_impls.add((str(impl_id), derived))
            return
        for child in imp["items"]:
            c = index[str(child)]
            if c["visibility"] == "public" and not hidden(c):
                paths[str(child)].add(owner + "::" + c["name"])

    add(doc["root"], CRATE)
    return paths, external, trait_impls


def classify(doc, paths):
    index = doc["index"]
    by_kind = collections.defaultdict(list)
    parents = {}
    for item in index.values():
        k = kind_of(item)
        if k == "impl" and item["inner"]["impl"]["trait"] is None:
            for child in item["inner"]["impl"]["items"]:
                parents[str(child)] = "inherent"
        if k == "trait":
            for child in item["inner"]["trait"]["items"]:
                parents[str(child)] = "trait"
    for item_id, ps in paths.items():
        item = index[item_id]
        k = kind_of(item)
        where = parents.get(item_id)
        if k == "function":
            label = {"inherent": "methods", "trait": "trait methods"}.get(where, "functions")
        elif k in TYPE_KINDS:
            label = "types"
        elif k in ("constant", "static"):
            label = "constants"
        elif k == "assoc_const":
            label = "constants" if where == "inherent" else "trait assoc consts"
        elif k == "assoc_type":
            label = "trait assoc types"
        elif k == "struct_field":
            label = "public fields"
        elif k == "variant":
            label = "variants"
        elif k in ("macro", "proc_macro"):
            label = "macros"
        elif k == "module":
            label = "modules"
        elif k == "trait":
            label = "traits"
        else:
            label = k
        by_kind[label].append(sorted(ps))
    return by_kind


ORDER = ["modules", "functions", "methods", "types", "traits", "trait methods", "constants",
         "macros", "variants", "public fields"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="a rustdoc JSON file already built")
    parser.add_argument("--list", action="store_true", help="print every reachable path")
    parser.add_argument("--features", default="--all-features",
                        help="cargo feature flags (default: --all-features)")
    args = parser.parse_args()
    path = args.json or build(args.features.split())
    with open(path) as f:
        doc = json.load(f)
    paths, external, trait_impls = walk(doc)
    by_kind = classify(doc, paths)
    fns = len(by_kind["functions"]) + len(by_kind["methods"])
    print("public API of %s %s (rustdoc JSON, format %s)" % (
        CRATE, doc.get("crate_version"), doc.get("format_version")))
    for label in ORDER + sorted(set(by_kind) - set(ORDER)):
        if by_kind.get(label):
            print("  %-20s %5d" % (label, len(by_kind[label])))
    print("  %-20s %5d" % ("functions+methods", fns))
    derived = sum(1 for _, d in trait_impls if d)
    print("  %-20s %5d" % ("trait impls written", len(trait_impls) - derived))
    print("  %-20s %5d" % ("trait impls derived", derived))
    multi = [ps for items in by_kind.values() for ps in items if len(ps) > 1]
    print("  %-20s %5d" % ("items on 2+ paths", len(multi)))
    print("  %-20s %5d" % ("foreign re-exports", len(external)))
    if args.list:
        for label in ORDER + sorted(set(by_kind) - set(ORDER)):
            for ps in sorted(by_kind.get(label, [])):
                print("%s\t%s" % (label, "  ".join(ps)))
        for p in sorted(external):
            print("foreign re-export\t%s" % p)


if __name__ == "__main__":
    main()
