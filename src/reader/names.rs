//! Names in the file: an unknown field's closest known name, and its path segment (feature
//! `serde`).

use crate::text::truncated;

/// An unknown field's name as a path segment: short, cut before anything secret-shaped, and
/// without the characters that would make the path read as another one.
pub(crate) fn path_segment(name: &str) -> String {
    let cut = truncated(name, 32);
    let cleaned: String = cut
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '_' | '-' | '…') {
                c
            } else {
                '?'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "?".to_owned()
    } else {
        cleaned
    }
}

/// The known name closest to `name`: the same but for capitals, spaces or hyphens, or a
/// few edits away (two, or a third of its length).
pub(crate) fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    if name.len() > 64 {
        return None;
    }
    let folded: Vec<u8> = name
        .trim()
        .bytes()
        .map(|b| match b {
            b' ' | b'-' => b'_',
            other => other.to_ascii_lowercase(),
        })
        .collect();
    let limit = 2.max(folded.len() / 3);
    known
        .map(|k| (edit_distance(&folded, k.as_bytes()), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbours (`nmae` → `name` is 1).
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_name_is_a_few_edits_away() {
        let names = ["name", "minimum_payment", "currency"];
        assert_eq!(closest("nmae", names.into_iter()), Some("name"));
        assert_eq!(
            closest("minimumPayment", names.into_iter()),
            Some("minimum_payment")
        );
        assert_eq!(
            closest("Minimum-Payment", names.into_iter()),
            Some("minimum_payment")
        );
        assert_eq!(closest("colour", names.into_iter()), None);
    }

    #[test]
    fn unknown_names_become_plain_path_segments() {
        assert_eq!(path_segment("nmae"), "nmae");
        assert_eq!(path_segment("a.b[0]"), "a?b?0?");
        assert_eq!(path_segment(""), "?");
        assert_eq!(
            path_segment("sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
            "sk_live_…"
        );
    }
}
