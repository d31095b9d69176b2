//! The error of a refused API version: [`ApiVersionError`] and its kinds.

use super::parse::parse_date;
use super::release::LAST_KNOWN_RELEASE_START;
use super::{MAX_INPUT_LEN, Release};
use crate::text::InputExcerpt;

/// Why an API version was refused, with what the message needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum ApiVersionErrorKind {
    /// The input is empty.
    Empty,
    /// The input is longer than any version (64 characters).
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// Whitespace somewhere (nothing is trimmed).
    Whitespace {
        /// Its 1-based character position.
        position: usize,
    },
    /// A non-ASCII character, such as a full-width digit `２`.
    NonAscii {
        /// The character.
        character: char,
        /// Its 1-based character position.
        position: usize,
    },
    /// Not of the shape `YYYY-MM-DD` or `YYYY-MM-DD.name`.
    Shape,
    /// The month is not 1 to 12.
    InvalidMonth {
        /// The month found.
        month: u8,
    },
    /// The day does not exist in that month.
    InvalidDay {
        /// The day found.
        day: u8,
    },
    /// A dot with nothing after it (`2024-06-20.`).
    EmptyRelease,
    /// A character other than a lowercase ASCII letter in the release name.
    InvalidReleaseCharacter {
        /// The character.
        character: char,
        /// Its 1-based character position.
        position: usize,
    },
    /// A version dated on or after 2024-09-30 without its release name.
    MissingRelease {
        /// The release its date belongs to.
        expected: Release,
    },
    /// A name that contradicts the date: a known release name on a date outside that
    /// release (`2025-03-31.acacia`), a name this crate does not know on a date whose release
    /// it knows (`2025-05-01.fig`), any name, `.preview` or `.private` on a date before names
    /// began, or `.dashboard` on a date other than 2025-03-01.
    ReleaseMismatch {
        /// The name found.
        found: String,
        /// The release the date belongs to; `None` before 2024-09-30.
        expected: Option<Release>,
    },
}

/// An API version that could not be parsed: its [`code`](Self::code), its
/// [`remedy`](Self::remedy), and an excerpt of what was [`found`](Self::found).
///
/// ```
/// use stripe_gateway_rules::api_version::ApiVersion;
///
/// let err = "2024-09-30".parse::<ApiVersion>().unwrap_err();
/// assert_eq!(err.code(), "missing_release");
/// assert_eq!(
///     err.to_string(),
///     "expected an API version, found \"2024-09-30\" without its release name; \
///      versions from 2024-09-30 on carry one: write 2024-09-30.acacia"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("expected an API version, found {found}{}", describe(.kind, .found.as_str()))]
pub struct ApiVersionError {
    found: InputExcerpt,
    kind: ApiVersionErrorKind,
}

fn describe(kind: &ApiVersionErrorKind, found: &str) -> String {
    const EXAMPLE: &str = "write it as YYYY-MM-DD (2024-06-20) or YYYY-MM-DD.release (2025-03-31.basil), as in the Stripe Dashboard, Developers > API version";
    let date_part = found.get(..10).unwrap_or(found);
    match kind {
        ApiVersionErrorKind::Empty => format!(" (an empty value); {EXAMPLE}"),
        ApiVersionErrorKind::TooLong { len } => {
            format!(" ({len} characters, where a version has at most {MAX_INPUT_LEN}); {EXAMPLE}")
        }
        ApiVersionErrorKind::Whitespace { position } => format!(
            " with whitespace at position {position}; remove it: versions never contain whitespace"
        ),
        ApiVersionErrorKind::NonAscii {
            character,
            position,
        } => format!(
            " with the non-ASCII character '{character}' (U+{:04X}) at position {position}; type it again with ASCII digits and letters",
            u32::from(*character)
        ),
        ApiVersionErrorKind::Shape => format!(" of the wrong shape; {EXAMPLE}"),
        ApiVersionErrorKind::InvalidMonth { month } => {
            format!(" whose month {month:02} does not exist; use a real date")
        }
        ApiVersionErrorKind::InvalidDay { day } => format!(
            " whose day {day:02} does not exist in {}; use a real date",
            date_part.get(..7).unwrap_or(date_part)
        ),
        ApiVersionErrorKind::EmptyRelease => format!(
            " with a dot and no release name after it; remove the dot or add the release name{}",
            expected_hint(date_part)
        ),
        ApiVersionErrorKind::InvalidReleaseCharacter {
            character,
            position,
        } => format!(
            " with {character:?} at position {position}, where release names have only lowercase letters; write the name in lowercase{}",
            expected_hint(date_part)
        ),
        ApiVersionErrorKind::MissingRelease { expected } => format!(
            " without its release name; versions from 2024-09-30 on carry one: write {date_part}.{expected}"
        ),
        ApiVersionErrorKind::ReleaseMismatch {
            found: name,
            expected: Some(expected),
        } => format!(
            " whose release name {name} does not match its date; versions from {} on are {expected}{}: write {date_part}.{expected}",
            expected.first_date(),
            if expected.first_date() == LAST_KNOWN_RELEASE_START {
                " (or a later release)"
            } else {
                ""
            }
        ),
        ApiVersionErrorKind::ReleaseMismatch {
            found: name,
            expected: None,
        } => format!(
            " with the release name {name} on a date before 2024-09-30, when versions had none; write {date_part}"
        ),
    }
}

/// `(expected name)` when the date part is a date that carries a release.
fn expected_hint(date_part: &str) -> String {
    match parse_date(date_part).ok().and_then(Release::for_date) {
        Some(r) => format!(" ({date_part}.{r})"),
        None => String::new(),
    }
}

impl ApiVersionError {
    pub(super) fn new(found: &str, kind: ApiVersionErrorKind) -> Self {
        ApiVersionError {
            found: InputExcerpt::new(found),
            kind,
        }
    }

    /// The beginning of the input.
    #[must_use]
    pub fn found(&self) -> &InputExcerpt {
        &self.found
    }

    /// The 1-based character position at fault, for `whitespace`, `non_ascii` and
    /// `invalid_release_character`.
    #[must_use]
    pub fn position(&self) -> Option<usize> {
        match self.kind {
            ApiVersionErrorKind::Whitespace { position }
            | ApiVersionErrorKind::NonAscii { position, .. }
            | ApiVersionErrorKind::InvalidReleaseCharacter { position, .. } => Some(position),
            _ => None,
        }
    }

    /// The release the version's date belongs to, for `missing_release`, and for
    /// `release_mismatch` on a date that has one.
    #[must_use]
    pub fn expected_release(&self) -> Option<Release> {
        match self.kind {
            ApiVersionErrorKind::MissingRelease { expected } => Some(expected),
            ApiVersionErrorKind::ReleaseMismatch { expected, .. } => expected,
            _ => None,
        }
    }

    /// What to type instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }

    /// A stable snake_case code: `empty`, `too_long`, `whitespace`, `non_ascii`, `shape`,
    /// `invalid_month`, `invalid_day`, `empty_release`, `invalid_release_character`,
    /// `missing_release`, `release_mismatch`.
    #[must_use]
    pub fn code(&self) -> crate::codes::ApiVersionCode {
        match self.kind {
            ApiVersionErrorKind::Empty => crate::codes::ApiVersionCode::Empty,
            ApiVersionErrorKind::TooLong { .. } => crate::codes::ApiVersionCode::TooLong,
            ApiVersionErrorKind::Whitespace { .. } => crate::codes::ApiVersionCode::Whitespace,
            ApiVersionErrorKind::NonAscii { .. } => crate::codes::ApiVersionCode::NonAscii,
            ApiVersionErrorKind::Shape => crate::codes::ApiVersionCode::Shape,
            ApiVersionErrorKind::InvalidMonth { .. } => crate::codes::ApiVersionCode::InvalidMonth,
            ApiVersionErrorKind::InvalidDay { .. } => crate::codes::ApiVersionCode::InvalidDay,
            ApiVersionErrorKind::EmptyRelease => crate::codes::ApiVersionCode::EmptyRelease,
            ApiVersionErrorKind::InvalidReleaseCharacter { .. } => {
                crate::codes::ApiVersionCode::InvalidReleaseCharacter
            }
            ApiVersionErrorKind::MissingRelease { .. } => {
                crate::codes::ApiVersionCode::MissingRelease
            }
            ApiVersionErrorKind::ReleaseMismatch { .. } => {
                crate::codes::ApiVersionCode::ReleaseMismatch
            }
        }
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::invalid_value_violations!(ApiVersionError);

impl crate::codes::ApiVersionCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`ApiVersionError`] (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        use crate::codes::ApiVersionCode as C;
        match self {
            C::Whitespace => "remove the whitespace: versions never contain whitespace",
            C::NonAscii => "type the version again with ASCII digits and letters",
            C::InvalidMonth | C::InvalidDay => "use a real date",
            C::EmptyRelease => "remove the dot or add the release name",
            C::InvalidReleaseCharacter => "write the release name in lowercase letters",
            C::MissingRelease => "add the release name of the version's date after a dot",
            C::ReleaseMismatch => {
                "write the release name of the version's date, or the date of the release"
            }
            C::Empty | C::TooLong | C::Shape => {
                "write it as YYYY-MM-DD or YYYY-MM-DD.release, as in the Stripe Dashboard, Developers > API version"
            }
        }
    }
}
