//! The parsed value: [`ApiVersion`] and its inline parts.

use std::cmp::Ordering;
use std::fmt;

use jiff::civil::Date;

use super::{
    Channel, DATED_PREFIX_LEN, KNOWN_API_VERSIONS, KNOWN_PREVIEW_API_VERSIONS, MAX_INPUT_LEN,
    MAX_NAME_LEN, Release,
};

/// A release name this crate does not know, kept inline (lowercase ASCII letters, at most
/// [`MAX_NAME_LEN`] bytes) so that [`ApiVersion`] stays `Copy` and never allocates.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct UnknownName {
    /// The name, then zeros (so derived equality and hashing see only the name).
    bytes: [u8; MAX_NAME_LEN],
    len: u8,
}

impl UnknownName {
    /// `name` must be lowercase ASCII letters, at most [`MAX_NAME_LEN`] bytes.
    pub(super) fn new(name: &str) -> Option<Self> {
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
pub(super) enum Suffix {
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
/// the preview version `2025-04-30.preview` ([rules.md §9](crate::rules#rules-9); S1 "API Version"; [stripe-facts §9](crate::rules#facts-9)).
///
/// Built only by parsing ([`FromStr`](std::str::FromStr), or `Deserialize` through the same
/// parser). A version newer than this crate's table parses: its release name is carried as
/// given (`2027-03-31.fig`) and [`is_known`](Self::is_known) says it is not in the table. Ordered
/// by date, then name; `Display` prints exactly what was parsed.
///
/// ```
/// use stripe_gateway_rules::api_version::ApiVersion;
/// use stripe_gateway_rules::api_version::Channel;
///
/// let v: ApiVersion = "2024-06-20".parse()?;
/// assert_eq!(v.date(), stripe_gateway_rules::jiff::civil::date(2024, 6, 20));
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
    pub(super) date: Date,
    pub(super) suffix: Suffix,
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
    /// use stripe_gateway_rules::api_version::ApiVersion;
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
