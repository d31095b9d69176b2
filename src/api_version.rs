//! Stripe API versions: `2024-06-20`, `2025-03-31.basil`, `2026-09-30.endive`, the preview
//! versions `2025-04-30.preview`, and `2025-03-01.dashboard` (rules.md §9; stripe-facts §9).
//!
//! # The rules
//!
//! | rule | source |
//! | --- | --- |
//! | a version is a date `YYYY-MM-DD`, a real calendar date | stripe-facts §9 (upgrades page) |
//! | before 2024-09-30 a version is the date alone | stripe-facts §9 |
//! | from `2024-09-30.acacia` on it is `YYYY-MM-DD.<release>`, the release being the lowercase name of the last major release: acacia from 2024-09-30, basil from 2025-03-31, clover from 2025-09-30, dahlia from 2026-03-25, endive from 2026-09-30 | stripe-facts §9 ("Each monthly release … uses the same name as the last major release"); <https://docs.stripe.com/api-versions> ("The current version of the API is 2026-09-30.endive", read 2026-10) |
//! | public preview versions are `YYYY-MM-DD.preview`, private preview versions `.private` ([`Channel`]) | the SDKs' beta changelogs ("This release changes the pinned API version to `2025-04-30.preview`") |
//! | `2025-03-01.dashboard` is a special value | stripe-facts §9 (webhook endpoint `api_version` enum) |
//! | versions are ordered by date | rules.md §9 |
//! | the versions Stripe has published are [`KNOWN_API_VERSIONS`] (128 values) and [`KNOWN_PREVIEW_API_VERSIONS`] | stripe-facts §9 (`stripe/stripe-node` `src/resources/WebhookEndpoints.ts` @ 663942164, 2026-08-19), then `stripe/stripe-node` `src/apiVersion.ts` @ 003275d1 (`2026-08-26.dahlia`) and the versioning page (`2026-09-30.endive`); `tests/data/stripe-sdk-api-versions.csv` |
//!
//! Parsing checks the shape, the date and the name against the date, so a version that
//! parses is well formed; whether this crate's table has it is [`ApiVersion::is_known`]. A
//! version is never refused for being newer than the table: after the start of the last
//! release this crate knows (endive, 2026-09-30), a release name it does not know is carried
//! as given (`2027-03-31.fig`), since Stripe names a new major release twice a year. What is
//! refused is what is wrong: a malformed value, a date that does not exist, or a name that
//! contradicts the date (`2025-03-31.acacia`: basil began on 2025-03-31).
//!
//! ```
//! use stripe_gateway_rules::ApiVersion;
//! use stripe_gateway_rules::api_version::{Channel, Release};
//!
//! let v: ApiVersion = "2026-09-30.endive".parse()?;
//! assert_eq!(v.release(), Some(Release::Endive));
//! assert_eq!(v.to_string(), "2026-09-30.endive");
//! assert!(v.is_known());
//! assert!("2024-06-20".parse::<ApiVersion>()? < v);
//!
//! let preview: ApiVersion = "2025-04-30.preview".parse()?;
//! assert_eq!(preview.channel(), Channel::Preview);
//!
//! let err = "2025-03-31.acacia".parse::<ApiVersion>().unwrap_err();
//! assert_eq!(err.code(), "release_mismatch");
//! # Ok::<(), stripe_gateway_rules::api_version::ApiVersionError>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, date};

/// Every stable API version Stripe has published through `2026-09-30.endive`, sorted: the 126
/// values of the `WebhookEndpointCreateParams.api_version` enum in `stripe/stripe-node`
/// `src/resources/WebhookEndpoints.ts` @ 663942164 (2026-08-19), copied in stripe-facts §9;
/// then `2026-08-26.dahlia` (`stripe/stripe-node` `src/apiVersion.ts` @ 003275d1, the SDK's
/// pin) and `2026-09-30.endive` ("The current version of the API is 2026-09-30.endive",
/// <https://docs.stripe.com/api-versions>, read 2026-10; pinned by stripe-node 23.0.0).
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
    "2026-08-26.dahlia",
    "2026-09-30.endive",
];

/// The public preview versions Stripe's SDKs have pinned, sorted: the `.preview` versions of
/// the beta (public preview) and alpha (private preview) SDK releases, as listed in
/// `tests/data/stripe-sdk-api-versions.csv` with the SDK, file and release of each (stripe-java,
/// stripe-node, stripe-go, stripe-dotnet `CHANGELOG.md` of the beta branch: "This release
/// changes the pinned API version to `2025-04-30.preview`"; stripe-java `v33.2.0-alpha.2` for
/// `2026-07-01.preview`). Preview versions are not in the webhook endpoint enum.
pub const KNOWN_PREVIEW_API_VERSIONS: &[&str] = &[
    "2025-03-31.preview",
    "2025-04-30.preview",
    "2025-05-28.preview",
    "2025-06-30.preview",
    "2025-07-30.preview",
    "2025-08-27.preview",
    "2025-09-30.preview",
    "2025-10-29.preview",
    "2025-11-17.preview",
    "2025-12-15.preview",
    "2026-01-28.preview",
    "2026-02-25.preview",
    "2026-03-25.preview",
    "2026-04-22.preview",
    "2026-05-27.preview",
    "2026-06-24.preview",
    "2026-07-01.preview",
    "2026-07-29.preview",
    "2026-08-26.preview",
];

/// Inputs longer than this are refused without being scanned. Real versions have at most 20
/// characters (`2025-03-01.dashboard`); the room left carries release names this crate does
/// not know yet.
const MAX_INPUT_LEN: usize = 64;

/// `YYYY-MM-DD.`: the date and its dot.
const DATED_PREFIX_LEN: usize = 11;

/// The longest name after the dot that fits in [`MAX_INPUT_LEN`].
const MAX_NAME_LEN: usize = MAX_INPUT_LEN - DATED_PREFIX_LEN;

/// The date from which versions carry a release name (`2024-09-30.acacia`; stripe-facts §9).
pub const FIRST_NAMED_VERSION_DATE: Date = date(2024, 9, 30);

/// The date of the special `2025-03-01.dashboard` version (stripe-facts §9).
const DASHBOARD_DATE: Date = date(2025, 3, 1);

/// A major release of Stripe's API, whose name every version from its start until the next
/// major release carries (stripe-facts §9, <https://docs.stripe.com/upgrades>).
///
/// Only the releases this crate knows are variants; a later one (`2027-03-31.fig`) parses
/// with its name carried as given ([`ApiVersion::release_name`]).
///
/// ```
/// use jiff::civil::date;
/// use stripe_gateway_rules::api_version::Release;
///
/// assert_eq!(Release::for_date(date(2025, 3, 31)), Some(Release::Basil));
/// assert_eq!(Release::for_date(date(2024, 6, 20)), None);
/// assert_eq!(Release::Endive.as_str(), "endive");
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
    /// Versions 2026-03-25.dahlia … 2026-08-26.dahlia.
    Dahlia,
    /// Versions from 2026-09-30.endive on ("The current version of the API is
    /// 2026-09-30.endive", <https://docs.stripe.com/api-versions>, read 2026-10).
    Endive,
}

/// The releases in order, with the date of their first version (stripe-facts §9; endive:
/// <https://docs.stripe.com/api-versions>).
const RELEASES: [(Release, Date); 5] = [
    (Release::Acacia, date(2024, 9, 30)),
    (Release::Basil, date(2025, 3, 31)),
    (Release::Clover, date(2025, 9, 30)),
    (Release::Dahlia, date(2026, 3, 25)),
    (Release::Endive, date(2026, 9, 30)),
];

/// The start of the last release this crate knows: after it, a name it does not know may be
/// a later release.
const LAST_KNOWN_RELEASE_START: Date = RELEASES[RELEASES.len() - 1].1;

impl Release {
    /// The lowercase name used in version strings: `acacia`, `basil`, `clover`, `dahlia`,
    /// `endive`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Release::Acacia => "acacia",
            Release::Basil => "basil",
            Release::Clover => "clover",
            Release::Dahlia => "dahlia",
            Release::Endive => "endive",
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

    /// The release a version dated `date` belongs to as far as this crate knows: the last one
    /// that started on or before it, or `None` before 2024-09-30, when versions had no
    /// release name. After the start of the last known release (endive, 2026-09-30) a later
    /// release this crate does not know may have begun.
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

/// Which kind of API version: a stable (generally available) version, a public preview
/// version (`2025-04-30.preview`, pinned by the beta SDKs) or a private preview version
/// (`.private`).
///
/// Sources: the SDKs' public preview (beta) changelogs ("This release changes the pinned API
/// version to `2025-04-30.preview`": stripe-node, stripe-java, stripe-go, stripe-dotnet) and
/// private preview (alpha) releases, which pin `.preview` versions too (stripe-java
/// `v33.2.0-alpha.2`: `2026-07-01.preview`). `.private` is accepted because the project's
/// issue 11 reports such versions; no published `.private` version was found in Stripe's
/// SDKs or docs, so [`KNOWN_PREVIEW_API_VERSIONS`] has none.
///
/// ```
/// use stripe_gateway_rules::ApiVersion;
/// use stripe_gateway_rules::api_version::Channel;
///
/// assert_eq!("2025-04-30.preview".parse::<ApiVersion>()?.channel(), Channel::Preview);
/// assert_eq!("2025-04-30.basil".parse::<ApiVersion>()?.channel(), Channel::Stable);
/// # Ok::<(), stripe_gateway_rules::api_version::ApiVersionError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Channel {
    /// A generally available version: a date, a date with its release name, or
    /// `2025-03-01.dashboard`.
    Stable,
    /// A public preview version: `YYYY-MM-DD.preview`.
    Preview,
    /// A private preview version: `YYYY-MM-DD.private`.
    Private,
}

impl Channel {
    /// `stable`, `preview` or `private`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Channel::Stable => "stable",
            Channel::Preview => "preview",
            Channel::Private => "private",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A release name this crate does not know, kept inline (lowercase ASCII letters, at most
/// [`MAX_NAME_LEN`] bytes) so that [`ApiVersion`] stays `Copy` and never allocates.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct UnknownName {
    /// The name, then zeros (so derived equality and hashing see only the name).
    bytes: [u8; MAX_NAME_LEN],
    len: u8,
}

impl UnknownName {
    /// `name` must be lowercase ASCII letters, at most [`MAX_NAME_LEN`] bytes.
    fn new(name: &str) -> Option<Self> {
        if name.len() > MAX_NAME_LEN {
            return None;
        }
        let mut bytes = [0u8; MAX_NAME_LEN];
        bytes[..name.len()].copy_from_slice(name.as_bytes());
        Some(UnknownName {
            bytes,
            len: u8::try_from(name.len()).ok()?,
        })
    }

    fn as_str(&self) -> &str {
        // Only lowercase ASCII letters are stored, so always valid UTF-8.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Debug for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// What follows the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Suffix {
    None,
    Release(Release),
    Unknown(UnknownName),
    Dashboard,
    Preview,
    Private,
}

impl Suffix {
    fn name(&self) -> &str {
        match self {
            Suffix::None => "",
            Suffix::Release(r) => r.as_str(),
            Suffix::Unknown(name) => name.as_str(),
            Suffix::Dashboard => "dashboard",
            Suffix::Preview => "preview",
            Suffix::Private => "private",
        }
    }
}

/// A Stripe API version, such as `2024-06-20`, `2025-03-31.basil`, `2026-09-30.endive` or
/// the preview version `2025-04-30.preview` (rules.md §9; S1 "API Version"; stripe-facts §9).
///
/// Built only by parsing ([`FromStr`], or `Deserialize` through the same parser). A version
/// newer than this crate's table parses: its release name is carried as given
/// (`2027-03-31.fig`) and [`is_known`](Self::is_known) says it is not in the table. Ordered
/// by date, then name; `Display` prints exactly what was parsed.
///
/// ```
/// use stripe_gateway_rules::ApiVersion;
/// use stripe_gateway_rules::api_version::Channel;
///
/// let v: ApiVersion = "2024-06-20".parse()?;
/// assert_eq!(v.date(), jiff::civil::date(2024, 6, 20));
/// assert_eq!(v.release(), None);
/// assert!(v.is_known());
///
/// let next: ApiVersion = "2027-03-31.fig".parse()?; // newer than this crate
/// assert!(!next.is_known());
/// assert_eq!(next.release_name(), Some("fig"));
/// assert_eq!(next.channel(), Channel::Stable);
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

    /// The major release named in the version, when this crate knows it
    /// (`2025-03-31.basil` → basil); `None` for versions before 2024-09-30, for
    /// `2025-03-01.dashboard`, for preview and private versions, and for a release name this
    /// crate does not know (see [`release_name`](Self::release_name)).
    #[must_use]
    pub fn release(&self) -> Option<Release> {
        match self.suffix {
            Suffix::Release(r) => Some(r),
            _ => None,
        }
    }

    /// The release name of a stable version, as written: `basil` for `2025-03-31.basil`,
    /// `fig` for `2027-03-31.fig` (a name this crate does not know); `None` for versions
    /// before 2024-09-30, `2025-03-01.dashboard`, and preview and private versions.
    #[must_use]
    pub fn release_name(&self) -> Option<&str> {
        match &self.suffix {
            Suffix::Release(r) => Some(r.as_str()),
            Suffix::Unknown(name) => Some(name.as_str()),
            _ => None,
        }
    }

    /// Stable, public preview (`.preview`) or private preview (`.private`).
    #[must_use]
    pub fn channel(&self) -> Channel {
        match self.suffix {
            Suffix::Preview => Channel::Preview,
            Suffix::Private => Channel::Private,
            _ => Channel::Stable,
        }
    }

    /// Whether this is the special `2025-03-01.dashboard` version.
    #[must_use]
    pub fn is_dashboard(&self) -> bool {
        self.suffix == Suffix::Dashboard
    }

    /// Whether this crate's table knows the version: whether it is in
    /// [`KNOWN_API_VERSIONS`] or [`KNOWN_PREVIEW_API_VERSIONS`]. A well-formed version that
    /// is not (newer than the table, or never published) still parses. Never allocates.
    ///
    /// ```
    /// use stripe_gateway_rules::ApiVersion;
    ///
    /// assert!("2020-08-27".parse::<ApiVersion>()?.is_known());
    /// assert!("2026-09-30.endive".parse::<ApiVersion>()?.is_known());
    /// assert!("2025-04-30.preview".parse::<ApiVersion>()?.is_known());
    /// assert!(!"2021-01-01".parse::<ApiVersion>()?.is_known()); // well formed, never released
    /// # Ok::<(), stripe_gateway_rules::api_version::ApiVersionError>(())
    /// ```
    #[must_use]
    pub fn is_known(&self) -> bool {
        let mut buf = [0u8; MAX_INPUT_LEN];
        let text = self.encode(&mut buf);
        let table = match self.suffix {
            Suffix::Preview => KNOWN_PREVIEW_API_VERSIONS,
            _ => KNOWN_API_VERSIONS,
        };
        table.binary_search(&text).is_ok()
    }

    /// Writes the version into `buf` and returns it: `YYYY-MM-DD` then `.name`. Parsing
    /// guarantees a four-digit year and a name of at most [`MAX_NAME_LEN`] bytes.
    fn encode<'b>(&self, buf: &'b mut [u8; MAX_INPUT_LEN]) -> &'b str {
        let digits = |n: i32, out: &mut [u8]| {
            let mut n = n.unsigned_abs();
            for slot in out.iter_mut().rev() {
                // A digit 0..=9 fits in u8.
                *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
                n /= 10;
            }
        };
        digits(i32::from(self.date.year()), &mut buf[0..4]);
        buf[4] = b'-';
        digits(i32::from(self.date.month()), &mut buf[5..7]);
        buf[7] = b'-';
        digits(i32::from(self.date.day()), &mut buf[8..10]);
        let name = self.suffix.name();
        let mut len = 10;
        if !name.is_empty() {
            buf[10] = b'.';
            let end = (DATED_PREFIX_LEN + name.len()).min(MAX_INPUT_LEN);
            buf[DATED_PREFIX_LEN..end].copy_from_slice(&name.as_bytes()[..end - DATED_PREFIX_LEN]);
            len = end;
        }
        // ASCII digits, dashes, a dot and lowercase letters only.
        std::str::from_utf8(&buf[..len]).unwrap_or_default()
    }
}

impl PartialOrd for ApiVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ApiVersion {
    /// By date, then by the name after the dot (the empty name first).
    fn cmp(&self, other: &Self) -> Ordering {
        self.date
            .cmp(&other.date)
            .then_with(|| self.suffix.name().cmp(other.suffix.name()))
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; MAX_INPUT_LEN];
        f.write_str(self.encode(&mut buf))
    }
}

/// Why an API version was refused. See [`ApiVersionError`] for the messages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiVersionErrorKind {
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
    /// a name that contradicts the date (`2025-03-31.acacia`, see
    /// [`ApiVersionErrorKind::ReleaseMismatch`]). A version is never refused for being newer
    /// than this crate's table.
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
