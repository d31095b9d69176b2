//! Every "§" citation in the crate's sources and README names a section of `RULES.md`, the
//! rules catalogue shipped in the package, and `RULES.md` is in the package (issue 11:
//! "Citations that do not resolve").
//!
//! Citation forms: `rules §3`, `rules.md §3`, `stripe-facts §1.2`, `facts §5`, series
//! (`rules.md §1, §3 and §6`), ranges (`rules.md §1–6`, `stripe-facts §2.2–2.4`, `§3–§5`),
//! `§n` for the whole part, a citation wrapped across comment lines, and the same forms turned
//! into links by `scripts/cite.py` (`[rules §3](…/RULES.md#rules-3)`), whose anchor must be
//! the one the text names. A "§" that is none of these (except after `RFC <number>`) is
//! reported too, so a new citation form cannot slip through unchecked.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Where `scripts/cite.py` points every citation: an intra-doc link into the crate's rules
/// module (`src/rules.rs` includes `RULES.md`), which `cargo doc -D warnings` resolves.
const RULES_URL: &str = "crate::rules#";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The explicit anchors (`<a id="…"></a>`) of a catalogue's text.
fn anchors(catalogue: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = catalogue;
    while let Some(at) = rest.find("<a id=\"") {
        rest = &rest[at + "<a id=\"".len()..];
        if let Some(end) = rest.find('"') {
            found.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    found
}

/// One problem found in a file: its line and what is wrong.
#[derive(Debug, PartialEq)]
struct Problem {
    line: usize,
    what: String,
}

/// The text with comment continuations joined: a newline, its indentation and a comment
/// marker (`//`, `///`, `//!`) become one space, so a citation wrapped across doc lines reads
/// as one. Each char keeps the 1-based line it came from.
fn flatten(text: &str, is_rust: bool) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::new();
    let mut lines = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let mut line = raw;
        if index > 0 {
            line = line.trim_start();
            if is_rust {
                for marker in ["//!", "///", "//"] {
                    if let Some(rest) = line.strip_prefix(marker) {
                        line = rest.trim_start();
                        break;
                    }
                }
            }
            chars.push(' ');
            lines.push(index + 1);
        }
        for c in line.chars() {
            chars.push(c);
            lines.push(index + 1);
        }
    }
    (chars, lines)
}

/// A link into the catalogue, `[text](RULES_URL#anchor)`, replaced by its text.
struct Link {
    start: usize,
    end: usize,
    anchor: String,
    line: usize,
}

/// Removes the catalogue links, keeping their text, and returns where each text now is.
fn strip_links(chars: &[char], lines: &[usize]) -> (Vec<char>, Vec<usize>, Vec<Link>) {
    let url: Vec<char> = format!("]({RULES_URL}").chars().collect();
    let mut out = Vec::new();
    let mut out_lines = Vec::new();
    let mut links = Vec::new();
    let mut open: Option<usize> = None; // index in `out` of the latest '['
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '[' {
            open = Some(out.len());
            out.push(c);
            out_lines.push(lines[i]);
            i += 1;
            continue;
        }
        if c == ']' && chars[i..].starts_with(&url) {
            if let Some(bracket) = open.take() {
                let mut j = i + url.len();
                let mut anchor = String::new();
                while j < chars.len() && chars[j] != ')' {
                    anchor.push(chars[j]);
                    j += 1;
                }
                out.remove(bracket);
                out_lines.remove(bracket);
                links.push(Link {
                    start: bracket,
                    end: out.len(),
                    anchor,
                    line: lines[i],
                });
                i = j + 1;
                continue;
            }
        }
        out.push(c);
        out_lines.push(lines[i]);
        i += 1;
    }
    (out, out_lines, links)
}

/// The part a citation prefix names: `rules` or `facts`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    Rules,
    Facts,
}

impl Part {
    fn anchor(self, number: &[u32]) -> String {
        let base = match self {
            Part::Rules => "rules",
            Part::Facts => "facts",
        };
        if number.is_empty() {
            return match self {
                Part::Rules => "rules".to_string(),
                Part::Facts => "stripe-facts".to_string(),
            };
        }
        let parts: Vec<String> = number.iter().map(u32::to_string).collect();
        format!("{base}-{}", parts.join("-"))
    }
}

const PREFIXES: [(&str, Part); 4] = [
    ("stripe-facts", Part::Facts),
    ("facts", Part::Facts),
    ("rules.md", Part::Rules),
    ("rules", Part::Rules),
];

/// The citation prefix ending just before `at` (whitespace between), if any.
fn prefix_before(chars: &[char], at: usize) -> Option<Part> {
    let mut end = at;
    while end > 0 && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end == at {
        return None;
    }
    for (word, part) in PREFIXES {
        let word: Vec<char> = word.chars().collect();
        if end >= word.len() && chars[end - word.len()..end] == word[..] {
            let start = end - word.len();
            let boundary =
                start == 0 || !(chars[start - 1].is_alphanumeric() || chars[start - 1] == '-');
            if boundary {
                return Some(part);
            }
        }
    }
    None
}

/// Parses a section number (`3`, `1.2`) at `i`; returns it and the index after it. A trailing
/// '.' not followed by a digit ends a sentence, not the number.
fn number_at(chars: &[char], mut i: usize) -> Option<(Vec<u32>, usize)> {
    let mut number = Vec::new();
    loop {
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        let digits: String = chars[start..i].iter().collect();
        number.push(digits.parse().ok()?);
        if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
            i += 1;
        } else {
            return Some((number, i));
        }
    }
}

/// The anchors a range names: both ends and, when they differ only in the last component,
/// every section between.
fn range(from: &[u32], to: &[u32]) -> Vec<Vec<u32>> {
    // "§2.2–4" and "§2.2–2.4" both end at 2.4.
    let to: Vec<u32> = if to.len() < from.len() {
        let mut full = from[..from.len() - to.len()].to_vec();
        full.extend_from_slice(to);
        full
    } else {
        to.to_vec()
    };
    let same_stem = from.len() == to.len() && from[..from.len() - 1] == to[..to.len() - 1];
    let (first, last) = (from[from.len() - 1], to[to.len() - 1]);
    if same_stem && first <= last && last - first <= 20 {
        (first..=last)
            .map(|n| {
                let mut v = from[..from.len() - 1].to_vec();
                v.push(n);
                v
            })
            .collect()
    } else {
        vec![from.to_vec(), to]
    }
}

/// Checks every "§" of one file's text against the catalogue's anchors.
fn check_text(text: &str, is_rust: bool, anchors: &BTreeSet<String>) -> Vec<Problem> {
    let (flat, flat_lines) = flatten(text, is_rust);
    let (chars, lines, links) = strip_links(&flat, &flat_lines);
    let mut problems = Vec::new();
    for link in &links {
        if !anchors.contains(&link.anchor) {
            problems.push(Problem {
                line: link.line,
                what: format!(
                    "a link to RULES.md#{} names no section of RULES.md",
                    link.anchor
                ),
            });
        }
    }
    // Every parsed number with the anchor it names, to compare with its link, if any.
    let mut named: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '§' {
            i += 1;
            continue;
        }
        let Some(part) = prefix_before(&chars, i) else {
            let before: String = chars[i.saturating_sub(16)..i].iter().collect();
            let external = before.contains("RFC ");
            if !external {
                let cited: String = chars[i..]
                    .iter()
                    .take_while(|c| !c.is_whitespace())
                    .take(12)
                    .collect();
                problems.push(Problem {
                    line: lines[i],
                    what: format!(
                        "\"{cited}\" cites a section without naming rules or stripe-facts"
                    ),
                });
            }
            i += 1;
            continue;
        };
        // A series: § ref ((", " | " and " | ", and ") § ref)*
        let mut at = i;
        loop {
            // at is on '§'
            let start = at + 1;
            if chars.get(start) == Some(&'n') {
                named.push((start, part.anchor(&[])));
                at = start + 1;
            } else {
                let Some((from, mut next)) = number_at(&chars, start) else {
                    let after: String = chars[at..(at + 12).min(chars.len())].iter().collect();
                    problems.push(Problem {
                        line: lines[at],
                        what: format!("\"{}\" is not a section number", after.trim_end()),
                    });
                    break;
                };
                named.push((start, part.anchor(&from)));
                let mut sections = vec![from.clone()];
                if matches!(chars.get(next), Some('–') | Some('-')) {
                    let mut to_start = next + 1;
                    if chars.get(to_start) == Some(&'§') {
                        to_start += 1;
                    }
                    if let Some((to, after_to)) = number_at(&chars, to_start) {
                        sections = range(&from, &to);
                        named.push((
                            to_start,
                            part.anchor(sections.last().expect("a range has an end")),
                        ));
                        next = after_to;
                    }
                }
                for section in sections {
                    let anchor = part.anchor(&section);
                    if !anchors.contains(&anchor) {
                        let cited: Vec<String> = section.iter().map(u32::to_string).collect();
                        problems.push(Problem {
                            line: lines[start],
                            what: format!(
                                "{} §{} has no section in RULES.md (no anchor \"{anchor}\")",
                                match part {
                                    Part::Rules => "rules",
                                    Part::Facts => "stripe-facts",
                                },
                                cited.join(".")
                            ),
                        });
                    }
                }
                at = next;
            }
            // Continue the series, past a short parenthetical: "§1.2 (maximum), §2.1".
            if chars.get(at) == Some(&' ') && chars.get(at + 1) == Some(&'(') {
                let close = chars[at + 1..(at + 80).min(chars.len())]
                    .iter()
                    .take_while(|c| **c != '§')
                    .position(|c| *c == ')');
                if let Some(close) = close {
                    at += close + 2;
                }
            }
            let rest: String = chars[at..(at + 7).min(chars.len())].iter().collect();
            let step = [", and §", ", §", " and §", " or §"]
                .iter()
                .find(|sep| rest.starts_with(*sep))
                .map(|sep| sep.chars().count() - 1);
            match step {
                Some(step) => at += step,
                None => break,
            }
        }
        i = at.max(i + 1);
    }
    // A link's anchor must be the one its text names.
    for link in &links {
        let inside: Vec<&(usize, String)> = named
            .iter()
            .filter(|(at, _)| *at >= link.start && *at < link.end)
            .collect();
        match inside.first() {
            Some((_, anchor)) if *anchor == link.anchor => {}
            Some((_, anchor)) => problems.push(Problem {
                line: link.line,
                what: format!(
                    "a link to RULES.md#{} is labelled with {anchor}",
                    link.anchor
                ),
            }),
            None => {}
        }
    }
    problems
}

fn catalogue_anchors() -> BTreeSet<String> {
    let text = fs::read_to_string(root().join("RULES.md")).expect("RULES.md at the crate root");
    anchors(&text).into_iter().collect()
}

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files_under(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "md") {
            found.push(path);
        }
    }
}

/// rules §1–§11 and stripe-facts §1–§9: every citation in `src/`, `README.md`,
/// `CHANGELOG.md`, `examples/`, `tests/` and `benches/` resolves to an anchor of `RULES.md`.
#[test]
fn every_section_citation_resolves_to_a_section_of_rules_md() {
    let anchors = catalogue_anchors();
    let root = root();
    let mut files = vec![root.join("README.md"), root.join("CHANGELOG.md")];
    for dir in ["src", "examples", "tests", "benches"] {
        files_under(&root.join(dir), &mut files);
    }
    files.sort();
    let this = root.join("tests").join("catalogue.rs");
    let mut report = Vec::new();
    let mut checked = 0;
    for file in files.iter().filter(|f| **f != this) {
        let Ok(text) = fs::read_to_string(file) else {
            continue;
        };
        checked += text.matches('§').count();
        let is_rust = file.extension().is_some_and(|e| e == "rs");
        for problem in check_text(&text, is_rust, &anchors) {
            let shown = file.strip_prefix(&root).unwrap_or(file).display();
            report.push(format!("{shown}:{}: {}", problem.line, problem.what));
        }
    }
    assert!(
        checked > 100,
        "expected the crate's ~160 citations, found {checked} '§'"
    );
    assert!(
        report.is_empty(),
        "{} dangling citation(s):\n{}",
        report.len(),
        report.join("\n")
    );
}

/// The anchors the catalogue promises exist, once each, and its own links resolve.
#[test]
fn rules_md_has_every_promised_anchor_once_and_its_links_resolve() {
    let text = fs::read_to_string(root().join("RULES.md")).expect("RULES.md at the crate root");
    let list = anchors(&text);
    let set: BTreeSet<String> = list.iter().cloned().collect();
    assert_eq!(
        set.len(),
        list.len(),
        "an anchor of RULES.md appears twice: {list:?}"
    );
    let mut expected: Vec<String> = vec!["rules".into(), "stripe-facts".into(), "sources".into()];
    expected.extend((1..=11).map(|n| format!("rules-{n}")));
    expected.extend((1..=9).map(|n| format!("facts-{n}")));
    expected.extend((0..=4).map(|n| format!("s{n}")));
    for sub in [
        "1-1", "1-2", "2-1", "2-2", "2-3", "2-4", "3-1", "3-2", "3-3",
    ] {
        expected.push(format!("facts-{sub}"));
    }
    let missing: Vec<&String> = expected.iter().filter(|a| !set.contains(*a)).collect();
    assert!(missing.is_empty(), "RULES.md lacks the anchors {missing:?}");
    let mut dangling = Vec::new();
    for (at, _) in text.match_indices("](#") {
        let anchor: String = text[at + 3..].chars().take_while(|c| *c != ')').collect();
        if !set.contains(&anchor) {
            dangling.push(anchor);
        }
    }
    assert!(
        dangling.is_empty(),
        "RULES.md links to missing anchors: {dangling:?}"
    );
}

/// The catalogue ships in the package, so a docs.rs reader can follow a citation.
#[test]
fn rules_md_is_in_the_package_include_list() {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let start = manifest
        .lines()
        .position(|l| l.trim_start().starts_with("include"))
        .expect("Cargo.toml has an include list");
    let list: String = manifest
        .lines()
        .skip(start)
        .scan(false, |done, line| {
            if *done {
                return None;
            }
            *done = line.contains(']');
            Some(line.to_string())
        })
        .collect();
    assert!(
        list.contains("\"RULES.md\""),
        "RULES.md is not in Cargo.toml's include: {list}"
    );
}

fn anchors_of(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| (*s).to_string()).collect()
}

fn problems(text: &str) -> Vec<String> {
    let anchors = anchors_of(&[
        "rules",
        "stripe-facts",
        "rules-1",
        "rules-3",
        "rules-4",
        "rules-5",
        "facts-2-2",
        "facts-2-3",
        "facts-2-4",
        "facts-3-3",
        "facts-6",
    ]);
    check_text(text, true, &anchors)
        .into_iter()
        .map(|p| format!("{}: {}", p.line, p.what))
        .collect()
}

// The checker itself: each form resolves, and each kind of mistake is found.

#[test]
fn checker_accepts_every_citation_form() {
    let text = "/// rules §1, rules.md §3 and §4; stripe-facts §2.2–2.4 (stripe-facts §6 (oauth),\n\
                /// §3.3); rules.md §3–§5. stripe-facts §n; RFC 6749 §3.1.2; facts §6.\n\
                /// [rules §3](crate::rules#rules-3)\n\
                /// [rules.md §3](crate::rules#rules-3)–[5](crate::rules#rules-5)\n";
    assert_eq!(problems(text), Vec::<String>::new());
}

#[test]
fn checker_reports_dangling_sections_ranges_and_bare_citations() {
    let found = problems(
        "//! rules §12 and §1\n//! stripe-facts §2.1–2.3; see §4\nlet s = \"rules §2\";\n",
    );
    assert_eq!(
        found,
        [
            "1: rules §12 has no section in RULES.md (no anchor \"rules-12\")",
            "2: stripe-facts §2.1 has no section in RULES.md (no anchor \"facts-2-1\")",
            "2: \"§4\" cites a section without naming rules or stripe-facts",
            "3: rules §2 has no section in RULES.md (no anchor \"rules-2\")",
        ]
    );
}

#[test]
fn checker_reports_links_to_missing_or_mismatched_anchors() {
    let found = problems(
        "/// [rules §3](crate::rules#rules-4)\n\
         /// [x](crate::rules#rules-9)\n",
    );
    assert_eq!(
        found,
        [
            "2: a link to RULES.md#rules-9 names no section of RULES.md",
            "1: a link to RULES.md#rules-4 is labelled with rules-3",
        ]
    );
}

/// Issue 18, "docs that go nowhere": no file a user reads links to this crate's own files or
/// docs on a website (there is no public repository, and docs.rs would show another version
/// than the reader's); citations are intra-doc links into `crate::rules`, or plain text where no
/// crate docs render them (README, examples).
#[test]
fn nothing_links_to_this_crates_own_files_on_a_website() {
    let root = root();
    let mut files = vec![
        root.join("README.md"),
        root.join("CHANGELOG.md"),
        root.join("RULES.md"),
        root.join("Cargo.toml"),
    ];
    for dir in ["src", "examples", "benches"] {
        files_under(&root.join(dir), &mut files);
    }
    let mut found = Vec::new();
    for file in &files {
        let Ok(text) = fs::read_to_string(file) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            if [
                "github.com/stripe-gateway-rules",
                "docs.rs/stripe-gateway-rules",
            ]
            .iter()
            .any(|site| line.contains(site))
            {
                let shown = file.strip_prefix(&root).unwrap_or(file).display();
                found.push(format!("{shown}:{}: {line}", n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "links to a place that does not exist:\n{}",
        found.join("\n")
    );
}
