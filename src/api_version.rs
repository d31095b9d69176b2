//! Stripe API versions: `2024-06-20`, `2025-03-31.basil`, `2025-03-01.dashboard`
//! (rules.md §9; stripe-facts §9).
//!
//! # The rules
//!
//! | rule | source |
//! | --- | --- |
//! | a version is a date `YYYY-MM-DD`, a real calendar date | stripe-facts §9 (upgrades page) |
//! | before 2024-09-30 a version is the date alone | stripe-facts §9 |
//! | from `2024-09-30.acacia` on it is `YYYY-MM-DD.<release>`, the release being the lowercase name of the last major release: acacia from 2024-09-30, basil from 2025-03-31, clover from 2025-09-30, dahlia from 2026-03-25 | stripe-facts §9 ("Each monthly release … uses the same name as the last major release") |
//! | `2025-03-01.dashboard` is a special value | stripe-facts §9 (webhook endpoint `api_version` enum) |
//! | versions are ordered by date | rules.md §9 |
//! | the versions Stripe has published are [`KNOWN_API_VERSIONS`] (126 values) | stripe-facts §9 (`stripe/stripe-node` `src/resources/WebhookEndpoints.ts` @ 663942164, 2026-08-19) |
//!
//! Parsing checks the shape, the date and the release name against the date, so a version
//! that parses is well formed; whether Stripe ever published it is
//! [`ApiVersion::is_known`]. A version dated after the start of the last release this crate
//! knows (dahlia, 2026-03-25) must be named dahlia until a new crate version learns the next
//! name.
//!
//! ```
//! use stripe_gateway_rules::ApiVersion;
//! use stripe_gateway_rules::api_version::Release;
//!
//! let v: ApiVersion = "2025-03-31.basil".parse()?;
//! assert_eq!(v.release(), Some(Release::Basil));
//! assert_eq!(v.to_string(), "2025-03-31.basil");
//! assert!(v.is_known());
//! assert!("2024-06-20".parse::<ApiVersion>()? < v);
//!
//! let err = "2025-03-31.acacia".parse::<ApiVersion>().unwrap_err();
//! assert_eq!(err.code(), "release_mismatch");
//! # Ok::<(), stripe_gateway_rules::api_version::ApiVersionError>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, date};

/// Every API version Stripe lists, sorted: the 126 values of the
/// `WebhookEndpointCreateParams.api_version` enum in `stripe/stripe-node`
/// `src/resources/WebhookEndpoints.ts` @ 663942164 (2026-08-19), copied in stripe-facts §9.
pub const KNOWN_API_VERSIONS: &[&str] = &[
    "2011-01-01",
    "2011-06-21",
    "2011-06-28",
    "2011-08-01",
    "2011-09-15",
    "2011-11-17",
    "2012-02-23",
    "2012-03-25",
    "2012-06-18",
    "2012-06-28",
    "2012-07-09",
    "2012-09-24",
    "2012-10-26",
    "2012-11-07",
    "2013-02-11",
    "2013-02-13",
    "2013-07-05",
    "2013-08-12",
    "2013-08-13",
    "2013-10-29",
    "2013-12-03",
    "2014-01-31",
    "2014-03-13",
    "2014-03-28",
    "2014-05-19",
    "2014-06-13",
    "2014-06-17",
    "2014-07-22",
    "2014-07-26",
    "2014-08-04",
    "2014-08-20",
    "2014-09-08",
    "2014-10-07",
    "2014-11-05",
    "2014-11-20",
    "2014-12-08",
    "2014-12-17",
    "2014-12-22",
    "2015-01-11",
    "2015-01-26",
    "2015-02-10",
    "2015-02-16",
    "2015-02-18",
    "2015-03-24",
    "2015-04-07",
    "2015-06-15",
    "2015-07-07",
    "2015-07-13",
    "2015-07-28",
    "2015-08-07",
    "2015-08-19",
    "2015-09-03",
    "2015-09-08",
    "2015-09-23",
    "2015-10-01",
    "2015-10-12",
    "2015-10-16",
    "2016-02-03",
    "2016-02-19",
    "2016-02-22",
    "2016-02-23",
    "2016-02-29",
    "2016-03-07",
    "2016-06-15",
    "2016-07-06",
    "2016-10-19",
    "2017-01-27",
    "2017-02-14",
    "2017-04-06",
    "2017-05-25",
    "2017-06-05",
    "2017-08-15",
    "2017-12-14",
    "2018-01-23",
    "2018-02-05",
    "2018-02-06",
    "2018-02-28",
    "2018-05-21",
    "2018-07-27",
    "2018-08-23",
    "2018-09-06",
    "2018-09-24",
    "2018-10-31",
    "2018-11-08",
    "2019-02-11",
    "2019-02-19",
    "2019-03-14",
    "2019-05-16",
    "2019-08-14",
    "2019-09-09",
    "2019-10-08",
    "2019-10-17",
    "2019-11-05",
    "2019-12-03",
    "2020-03-02",
    "2020-08-27",
    "2022-08-01",
    "2022-11-15",
    "2023-08-16",
    "2023-10-16",
    "2024-04-10",
    "2024-06-20",
    "2024-09-30.acacia",
    "2024-10-28.acacia",
    "2024-11-20.acacia",
    "2024-12-18.acacia",
    "2025-01-27.acacia",
    "2025-02-24.acacia",
    "2025-03-01.dashboard",
    "2025-03-31.basil",
    "2025-04-30.basil",
    "2025-05-28.basil",
    "2025-06-30.basil",
    "2025-07-30.basil",
    "2025-08-27.basil",
    "2025-09-30.clover",
    "2025-10-29.clover",
    "2025-11-17.clover",
    "2025-12-15.clover",
    "2026-01-28.clover",
    "2026-02-25.clover",
    "2026-03-25.dahlia",
    "2026-04-22.dahlia",
    "2026-05-27.dahlia",
    "2026-06-24.dahlia",
    "2026-07-29.dahlia",
];

/// Inputs longer than this are refused without being scanned. The longest real version,
/// `2025-03-01.dashboard`, has 20 characters.
const MAX_INPUT_LEN: usize = 64;

/// The date from which versions carry a release name (`2024-09-30.acacia`; stripe-facts §9).
pub const FIRST_NAMED_VERSION_DATE: Date = date(2024, 9, 30);

/// The date of the special `2025-03-01.dashboard` version (stripe-facts §9).
const DASHBOARD_DATE: Date = date(2025, 3, 1);

/// A major release of Stripe's API, whose name every version from its start until the next
/// major release carries (stripe-facts §9, <https://docs.stripe.com/upgrades>).
///
/// ```
/// use jiff::civil::date;
/// use stripe_gateway_rules::api_version::Release;
///
/// assert_eq!(Release::for_date(date(2025, 3, 31)), Some(Release::Basil));
/// assert_eq!(Release::for_date(date(2024, 6, 20)), None);
/// assert_eq!(Release::Clover.as_str(), "clover");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Release {
    /// Versions 2024-09-30.acacia … 2025-02-24.acacia.
    Acacia,
    /// Versions 2025-03-31.basil … 2025-08-27.basil.
    Basil,
    /// Versions 2025-09-30.clover … 2026-02-25.clover.
    Clover,
    /// Versions from 2026-03-25.dahlia on (the current release in stripe-facts §9).
    Dahlia,
}

/// The releases in order, with the date of their first version (stripe-facts §9).
const RELEASES: [(Release, Date); 4] = [
    (Release::Acacia, date(2024, 9, 30)),
    (Release::Basil, date(2025, 3, 31)),
    (Release::Clover, date(2025, 9, 30)),
    (Release::Dahlia, date(2026, 3, 25)),
];

impl Release {
    /// The lowercase name used in version strings: `acacia`, `basil`, `clover`, `dahlia`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Release::Acacia => "acacia",
            Release::Basil => "basil",
            Release::Clover => "clover",
            Release::Dahlia => "dahlia",
        }
    }

    /// The date of the release's first version (`2025-03-31` for basil).
    #[must_use]
    pub fn first_date(self) -> Date {
        RELEASES
            .iter()
            .find(|(r, _)| *r == self)
            .map_or(FIRST_NAMED_VERSION_DATE, |(_, d)| *d)
    }

    /// The release a version dated `date` belongs to: the last one that started on or before
    /// it, or `None` before 2024-09-30, when versions had no release name.
    #[must_use]
    pub fn for_date(date: Date) -> Option<Release> {
        RELEASES
            .iter()
            .rev()
            .find(|(_, start)| *start <= date)
            .map(|(r, _)| *r)
    }

    fn from_name(name: &str) -> Option<Release> {
        RELEASES
            .iter()
            .map(|(r, _)| *r)
            .find(|r| r.as_str() == name)
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// What follows the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Suffix {
    None,
    Release(Release),
    Dashboard,
}

impl Suffix {
    fn name(self) -> &'static str {
        match self {
            Suffix::None => "",
            Suffix::Release(r) => r.as_str(),
            Suffix::Dashboard => "dashboard",
        }
    }
}

/// A Stripe API version, such as `2024-06-20` or `2025-03-31.basil` (rules.md §9; S1 "API
/// Version"; stripe-facts §9).
///
/// Built only by parsing ([`FromStr`], or `Deserialize` through the same parser). Ordered by
/// date, then release name; `Display` prints exactly what was parsed.
///
/// ```
/// use stripe_gateway_rules::ApiVersion;
///
/// let v: ApiVersion = "2024-06-20".parse()?;
/// assert_eq!(v.date(), jiff::civil::date(2024, 6, 20));
/// assert_eq!(v.release(), None);
/// assert!(v.is_known());
/// # Ok::<(), stripe_gateway_rules::api_version::ApiVersionError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ApiVersion {
    date: Date,
    suffix: Suffix,
}

impl ApiVersion {
    /// The version's date.
    #[must_use]
    pub fn date(&self) -> Date {
        self.date
    }

    /// The major release named in the version (`2025-03-31.basil` → basil); `None` for
    /// versions before 2024-09-30 and for `2025-03-01.dashboard`.
    #[must_use]
    pub fn release(&self) -> Option<Release> {
        match self.suffix {
            Suffix::Release(r) => Some(r),
            Suffix::None | Suffix::Dashboard => None,
        }
    }

    /// Whether this is the special `2025-03-01.dashboard` version.
    #[must_use]
    pub fn is_dashboard(&self) -> bool {
        self.suffix == Suffix::Dashboard
    }

    /// Whether Stripe has published this version: whether it is in [`KNOWN_API_VERSIONS`].
    ///
    /// ```
    /// use stripe_gateway_rules::ApiVersion;
    ///
    /// assert!("2020-08-27".parse::<ApiVersion>()?.is_known());
    /// assert!(!"2021-01-01".parse::<ApiVersion>()?.is_known()); // well formed, never released
    /// # Ok::<(), stripe_gateway_rules::api_version::ApiVersionError>(())
    /// ```
    #[must_use]
    pub fn is_known(&self) -> bool {
        KNOWN_API_VERSIONS
            .binary_search(&self.to_string().as_str())
            .is_ok()
    }
}

impl PartialOrd for ApiVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ApiVersion {
    /// By date, then by release name (only `2025-03-01.dashboard` could share a date).
    fn cmp(&self, other: &Self) -> Ordering {
        self.date
            .cmp(&other.date)
            .then_with(|| self.suffix.name().cmp(other.suffix.name()))
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        match self.suffix {
            Suffix::None => Ok(()),
            other => write!(f, ".{}", other.name()),
        }
    }
}

/// Why an API version was refused. See [`ApiVersionError`] for the messages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiVersionErrorKind {
    /// The input is empty.
    Empty,
    /// The input is longer than any version.
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
    /// Not of the shape `YYYY-MM-DD` or `YYYY-MM-DD.release`.
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
    /// A release name that is not the one of its date (or a name on a date before names
    /// began, or `.dashboard` on a date other than 2025-03-01).
    ReleaseMismatch {
        /// The name found.
        found: String,
        /// The release the date belongs to; `None` before 2024-09-30.
        expected: Option<Release>,
    },
}

/// An API version that could not be parsed: the value found (versions are not secret) and
/// what is wrong with it.
///
/// ```
/// use stripe_gateway_rules::ApiVersion;
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
#[error("expected an API version, found {found:?}{}", describe(.kind, .found))]
pub struct ApiVersionError {
    found: String,
    kind: ApiVersionErrorKind,
}

fn describe(kind: &ApiVersionErrorKind, found: &str) -> String {
    const EXAMPLE: &str = "write it as YYYY-MM-DD (2024-06-20) or YYYY-MM-DD.release (2025-03-31.basil), as in the Stripe Dashboard, Developers > API version";
    let date_part = found.get(..10).unwrap_or(found);
    match kind {
        ApiVersionErrorKind::Empty => format!(" (an empty value); {EXAMPLE}"),
        ApiVersionErrorKind::TooLong { len } => {
            format!(" ({len} characters, where the longest version has 20); {EXAMPLE}")
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
            " whose release name {name} does not match its date; versions from {} on are {expected}: write {date_part}.{expected}",
            expected.first_date()
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
    fn new(found: &str, kind: ApiVersionErrorKind) -> Self {
        ApiVersionError {
            found: crate::text::truncated(found, 40),
            kind,
        }
    }

    /// Why the version was refused.
    #[must_use]
    pub fn kind(&self) -> &ApiVersionErrorKind {
        &self.kind
    }

    /// A stable snake_case code: `empty`, `too_long`, `whitespace`, `non_ascii`, `shape`,
    /// `invalid_month`, `invalid_day`, `empty_release`, `invalid_release_character`,
    /// `missing_release`, `release_mismatch`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self.kind {
            ApiVersionErrorKind::Empty => "empty",
            ApiVersionErrorKind::TooLong { .. } => "too_long",
            ApiVersionErrorKind::Whitespace { .. } => "whitespace",
            ApiVersionErrorKind::NonAscii { .. } => "non_ascii",
            ApiVersionErrorKind::Shape => "shape",
            ApiVersionErrorKind::InvalidMonth { .. } => "invalid_month",
            ApiVersionErrorKind::InvalidDay { .. } => "invalid_day",
            ApiVersionErrorKind::EmptyRelease => "empty_release",
            ApiVersionErrorKind::InvalidReleaseCharacter { .. } => "invalid_release_character",
            ApiVersionErrorKind::MissingRelease { .. } => "missing_release",
            ApiVersionErrorKind::ReleaseMismatch { .. } => "release_mismatch",
        }
    }
}

/// Parses `YYYY-MM-DD` (shape already checked to be ASCII digits and dashes).
fn parse_date(s: &str) -> Result<Date, ApiVersionErrorKind> {
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

impl FromStr for ApiVersion {
    type Err = ApiVersionError;

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD.<release>` or `2025-03-01.dashboard`.
    ///
    /// # Errors
    ///
    /// An [`ApiVersionError`] for: an empty value; more than 64 characters; whitespace
    /// anywhere (nothing is trimmed); non-ASCII characters (`２０２４-06-20` with full-width
    /// digits); any other shape; a month or day that does not exist (`2024-13-01`,
    /// `2023-02-29`); a dot with no name (`2024-06-20.`); a name that is not lowercase letters
    /// (`2024-06-20.Basil`); a version dated on or after 2024-09-30 without its release name;
    /// a name other than its date's release (`2025-03-31.acacia`), a name before 2024-09-30,
    /// or `.dashboard` on a date other than 2025-03-01.
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
        let expected = Release::for_date(date);
        let suffix = match name {
            None => match expected {
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
                if name == "dashboard" && date == DASHBOARD_DATE {
                    Suffix::Dashboard
                } else {
                    match Release::from_name(name) {
                        Some(r) if Some(r) == expected => Suffix::Release(r),
                        _ => {
                            return err(ApiVersionErrorKind::ReleaseMismatch {
                                found: name.to_owned(),
                                expected,
                            });
                        }
                    }
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
