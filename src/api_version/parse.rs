//! Parsing an API version: the date, the suffix, `FromStr` and serde.

use std::str::FromStr;

use jiff::civil::Date;

use super::errors::ApiVersionErrorKind;
use super::release::LAST_KNOWN_RELEASE_START;
use super::version::{Suffix, UnknownName};
use super::{ApiVersion, ApiVersionError, DASHBOARD_DATE, MAX_INPUT_LEN, Release};

/// Parses `YYYY-MM-DD` (shape already checked to be ASCII digits and dashes).
pub(super) fn parse_date(s: &str) -> Result<Date, ApiVersionErrorKind> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(ApiVersionErrorKind::Shape);
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter()
            .fold(0u16, |acc, c| acc * 10 + u16::from(c - b'0'))
    };
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    // Two digits each: month and day are at most 99 and fit in u8.
    let (month, day) = (month as u8, day as u8);
    if !(1..=12).contains(&month) {
        return Err(ApiVersionErrorKind::InvalidMonth { month });
    }
    // Four digits: the year is at most 9999 and fits in i16; jiff decides whether the day
    // exists in that month.
    Date::new(year as i16, month as i8, day as i8)
        .map_err(|_| ApiVersionErrorKind::InvalidDay { day })
}

/// The suffix for `name` (lowercase letters, not empty) after a version dated `date`, or why
/// it contradicts the date.
fn parse_suffix(date: Date, name: &str) -> Result<Suffix, ApiVersionErrorKind> {
    let expected = Release::for_date(date);
    let mismatch = || ApiVersionErrorKind::ReleaseMismatch {
        found: name.to_owned(),
        expected,
    };
    if name == "dashboard" {
        return if date == DASHBOARD_DATE {
            Ok(Suffix::Dashboard)
        } else {
            Err(mismatch())
        };
    }
    // Every name needs a date on which versions carry one.
    if expected.is_none() {
        return Err(mismatch());
    }
    match name {
        "preview" => return Ok(Suffix::Preview),
        "private" => return Ok(Suffix::Private),
        _ => {}
    }
    match Release::from_name(name) {
        Some(r) if Some(r) == expected => Ok(Suffix::Release(r)),
        Some(_) => Err(mismatch()),
        // A name this crate does not know can only be a release that began after the last
        // one it knows.
        None if date > LAST_KNOWN_RELEASE_START => UnknownName::new(name)
            .map(Suffix::Unknown)
            .ok_or_else(mismatch),
        None => Err(mismatch()),
    }
}

impl FromStr for ApiVersion {
    type Err = ApiVersionError;

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD.<release>`, `YYYY-MM-DD.preview`,
    /// `YYYY-MM-DD.private` or `2025-03-01.dashboard`.
    ///
    /// # Errors
    ///
    /// An [`ApiVersionError`] for: an empty value; more than 64 characters; whitespace
    /// anywhere (nothing is trimmed); non-ASCII characters (`２０２４-06-20` with full-width
    /// digits); any other shape; a month or day that does not exist (`2024-13-01`,
    /// `2023-02-29`); a dot with no name (`2024-06-20.`); a name that is not lowercase letters
    /// (`2024-06-20.Basil`); a version dated on or after 2024-09-30 without its release name;
    /// a name that contradicts the date (`2025-03-31.acacia`, `release_mismatch`). A version
    /// is never refused for being newer than this crate's table.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |kind| Err(ApiVersionError::new(s, kind));
        if s.is_empty() {
            return err(ApiVersionErrorKind::Empty);
        }
        if s.len() > MAX_INPUT_LEN {
            return err(ApiVersionErrorKind::TooLong { len: s.len() });
        }
        for (i, c) in s.chars().enumerate() {
            if c.is_whitespace() {
                return err(ApiVersionErrorKind::Whitespace { position: i + 1 });
            }
            if !c.is_ascii() {
                return err(ApiVersionErrorKind::NonAscii {
                    character: c,
                    position: i + 1,
                });
            }
        }
        // ASCII from here on: byte positions are character positions.
        let (date_part, name) = match s.split_once('.') {
            Some((d, n)) => (d, Some(n)),
            None => (s, None),
        };
        let date = match parse_date(date_part) {
            Ok(d) => d,
            Err(kind) => return err(kind),
        };
        let suffix = match name {
            None => match Release::for_date(date) {
                None => Suffix::None,
                Some(expected) => return err(ApiVersionErrorKind::MissingRelease { expected }),
            },
            Some("") => return err(ApiVersionErrorKind::EmptyRelease),
            Some(name) => {
                if let Some((i, c)) = name.char_indices().find(|(_, c)| !c.is_ascii_lowercase()) {
                    return err(ApiVersionErrorKind::InvalidReleaseCharacter {
                        character: c,
                        position: date_part.len() + 2 + i,
                    });
                }
                match parse_suffix(date, name) {
                    Ok(suffix) => suffix,
                    Err(kind) => return err(kind),
                }
            }
        };
        Ok(ApiVersion { date, suffix })
    }
}

impl TryFrom<&str> for ApiVersion {
    type Error = ApiVersionError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ApiVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ApiVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
