//! Stripe's major releases and the channels (stable, preview) a version belongs to.

use std::fmt;

use jiff::civil::{Date, date};

use super::FIRST_NAMED_VERSION_DATE;

/// A major release of Stripe's API, whose name every version from its start until the next
/// major release carries ([stripe-facts §9](crate::rules#facts-9), <https://docs.stripe.com/upgrades>).
///
/// Only the releases this crate knows are variants; a later one (`2027-03-31.fig`) parses
/// with its name carried as given ([`ApiVersion::release_name`](super::ApiVersion::release_name)).
///
/// ```
/// use stripe_gateway_rules::jiff::civil::date;
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

/// The releases in order, with the date of their first version ([stripe-facts §9](crate::rules#facts-9); endive:
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
pub(super) const LAST_KNOWN_RELEASE_START: Date = RELEASES[RELEASES.len() - 1].1;

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

    pub(super) fn from_name(name: &str) -> Option<Release> {
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
/// SDKs or docs, so [`KNOWN_PREVIEW_API_VERSIONS`](super::KNOWN_PREVIEW_API_VERSIONS) has none.
///
/// ```
/// use stripe_gateway_rules::api_version::ApiVersion;
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
