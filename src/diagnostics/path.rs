use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// One step of a [`Path`]: a field's name or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Segment {
    /// A field, by its name in the form or file: `currencies`, `minimum_payment`.
    Field(Cow<'static, str>),
    /// A position in a list, from 0.
    Index(usize),
}

/// Where a violation is: the fields and list positions that lead to it, printed
/// `currencies[1].minimum_payment`. The empty path is the whole input.
///
/// ```
/// use stripe_gateway_rules::diagnostics::Path;
///
/// let path = Path::field("currencies").index(1).then("minimum_payment");
/// assert_eq!(path.to_string(), "currencies[1].minimum_payment");
/// assert_eq!(Path::root().to_string(), "");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Path {
    segments: Vec<Segment>,
}

impl Path {
    /// The whole input (no field).
    #[must_use]
    pub const fn root() -> Self {
        Path {
            segments: Vec::new(),
        }
    }

    /// A top-level field.
    #[must_use]
    pub fn field(name: impl Into<Cow<'static, str>>) -> Self {
        Path::root().then(name)
    }

    /// This path followed by a field.
    #[must_use]
    pub fn then(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.segments.push(Segment::Field(name.into()));
        self
    }

    /// This path followed by a list position.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(Segment::Index(index));
        self
    }

    /// The segments, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether this is the whole input.
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// This path relative to `prefix`: `secret_key` for `auth.secret_key` relative to `auth`;
    /// `None` when the path is not inside `prefix`.
    #[must_use]
    pub(crate) fn relative_to(&self, prefix: &Path) -> Option<Path> {
        self.segments
            .strip_prefix(prefix.segments.as_slice())
            .map(|rest| Path {
                segments: rest.to_vec(),
            })
    }

    /// The last field name, if any: `minimum_payment` for `currencies[1].minimum_payment`.
    #[must_use]
    pub(crate) fn last_field(&self) -> Option<&str> {
        self.segments.iter().rev().find_map(|s| match s {
            Segment::Field(name) => Some(name.as_ref()),
            Segment::Index(_) => None,
        })
    }

    /// Compares two paths in a form's field order: fields by their position in `fields`
    /// (names not in it come after, in name order), list positions by number, a path before
    /// the paths inside it.
    #[must_use]
    pub(crate) fn cmp_in(&self, other: &Path, fields: &[&str]) -> Ordering {
        fn rank<'s>(s: &'s Segment, fields: &[&str]) -> (u8, usize, &'s str) {
            match s {
                Segment::Field(name) => (
                    0u8,
                    fields
                        .iter()
                        .position(|f| *f == name.as_ref())
                        .unwrap_or(fields.len()),
                    name.as_ref(),
                ),
                Segment::Index(i) => (1, *i, ""),
            }
        }
        let mut a = self.segments.iter().map(|s| rank(s, fields));
        let mut b = other.segments.iter().map(|s| rank(s, fields));
        loop {
            match (a.next(), b.next()) {
                (None, None) => return Ordering::Equal,
                (None, Some(_)) => return Ordering::Less,
                (Some(_), None) => return Ordering::Greater,
                (Some(x), Some(y)) => match x.cmp(&y) {
                    Ordering::Equal => {}
                    unequal => return unequal,
                },
            }
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Field(name) if i == 0 => f.write_str(name)?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl PartialEq<str> for Path {
    /// Whether this path prints as `other`.
    fn eq(&self, other: &str) -> bool {
        let mut rest = other;
        for (i, segment) in self.segments.iter().enumerate() {
            let matched = match segment {
                Segment::Field(name) => {
                    let dot = usize::from(i > 0);
                    (dot == 0 || rest.starts_with('.'))
                        && rest[dot..].starts_with(name.as_ref())
                        && {
                            rest = &rest[dot + name.len()..];
                            true
                        }
                }
                Segment::Index(n) => {
                    let printed = format!("[{n}]");
                    rest.starts_with(&printed) && {
                        rest = &rest[printed.len()..];
                        true
                    }
                }
            };
            if !matched {
                return false;
            }
        }
        rest.is_empty()
    }
}

impl PartialEq<&str> for Path {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl From<&'static str> for Path {
    /// A top-level field.
    fn from(name: &'static str) -> Self {
        Path::field(name)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Path {
    /// As printed: `currencies[1].minimum_payment`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A text that is not a path: an empty field name, an unclosed or non-numeric `[…]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "expected a path such as `currencies[1].minimum_payment`, found something else at byte {at}"
)]
pub struct PathError {
    at: usize,
}

impl std::str::FromStr for Path {
    type Err = PathError;

    /// Parses the printed form: field names joined by `.`, list positions in `[…]`; the empty
    /// text is the root.
    ///
    /// # Errors
    ///
    /// [`PathError`] with the byte where the text stops being a path.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut path = Path::root();
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'[' {
                let end = s[i..].find(']').map(|e| i + e).ok_or(PathError { at: i })?;
                let n = s[i + 1..end].parse().map_err(|_| PathError { at: i + 1 })?;
                path = path.index(n);
                i = end + 1;
                if i < bytes.len() && bytes[i] == b'.' {
                    i += 1;
                    if i == bytes.len() {
                        return Err(PathError { at: i });
                    }
                }
            } else {
                let end = s[i..].find(['.', '[']).map_or(s.len(), |e| i + e);
                if end == i {
                    return Err(PathError { at: i });
                }
                path = path.then(s[i..end].to_owned());
                i = end;
                if i < bytes.len() && bytes[i] == b'.' {
                    i += 1;
                    if i == bytes.len() {
                        return Err(PathError { at: i });
                    }
                }
            }
        }
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_then_print_is_the_same_text() {
        for text in [
            "",
            "name",
            "currencies[1].minimum_payment",
            "a.b.c",
            "list[0][2]",
        ] {
            let path: Path = text.parse().unwrap();
            assert_eq!(path.to_string(), text);
        }
        // Refused at the byte where the text stops being a path.
        for (bad, at) in [
            (".", 0),
            ("a.", 2),
            ("a..b", 2),
            ("[x]", 1),
            ("a[1", 1),
            ("[]", 1),
        ] {
            assert_eq!(bad.parse::<Path>(), Err(PathError { at }), "{bad}");
        }
    }

    #[test]
    fn field_order_sorts_fields_then_positions() {
        let fields = ["name", "currencies", "currency", "minimum_payment"];
        let p = |s: &str| s.parse::<Path>().unwrap();
        let mut paths = [
            p("currencies[1].minimum_payment"),
            p("unknown"),
            p("currencies[0].minimum_payment"),
            p("currencies[1].currency"),
            p("name"),
            p("currencies"),
        ];
        paths.sort_by(|a, b| a.cmp_in(b, &fields));
        let printed: Vec<String> = paths.iter().map(ToString::to_string).collect();
        assert_eq!(
            printed,
            [
                "name",
                "currencies",
                "currencies[0].minimum_payment",
                "currencies[1].currency",
                "currencies[1].minimum_payment",
                "unknown"
            ]
        );
    }
}
