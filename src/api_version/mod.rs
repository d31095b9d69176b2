//! Stripe API versions: `2024-06-20`, `2025-03-31.basil`, `2026-09-30.endive`, the preview
//! versions `2025-04-30.preview`, and `2025-03-01.dashboard` ([rules.md §9](crate::rules#rules-9); [stripe-facts §9](crate::rules#facts-9)).
//!
//! # The rules
//!
//! | rule | source |
//! | --- | --- |
//! | a version is a date `YYYY-MM-DD`, a real calendar date | [stripe-facts §9](crate::rules#facts-9) (upgrades page) |
//! | before 2024-09-30 a version is the date alone | [stripe-facts §9](crate::rules#facts-9) |
//! | from `2024-09-30.acacia` on it is `YYYY-MM-DD.<release>`, the release being the lowercase name of the last major release: acacia from 2024-09-30, basil from 2025-03-31, clover from 2025-09-30, dahlia from 2026-03-25, endive from 2026-09-30 | [stripe-facts §9](crate::rules#facts-9) ("Each monthly release … uses the same name as the last major release"); <https://docs.stripe.com/api-versions> ("The current version of the API is 2026-09-30.endive", read 2026-10) |
//! | public preview versions are `YYYY-MM-DD.preview`, private preview versions `.private` ([`Channel`]) | the SDKs' beta changelogs ("This release changes the pinned API version to `2025-04-30.preview`") |
//! | `2025-03-01.dashboard` is a special value | [stripe-facts §9](crate::rules#facts-9) (webhook endpoint `api_version` enum) |
//! | versions are ordered by date | [rules.md §9](crate::rules#rules-9) |
//! | the versions Stripe has published are [`KNOWN_API_VERSIONS`] (128 values) and [`KNOWN_PREVIEW_API_VERSIONS`] | [stripe-facts §9](crate::rules#facts-9) (`stripe/stripe-node` `src/resources/WebhookEndpoints.ts` @ 663942164, 2026-08-19), then `stripe/stripe-node` `src/apiVersion.ts` @ 003275d1 (`2026-08-26.dahlia`) and the versioning page (`2026-09-30.endive`); `tests/data/stripe-sdk-api-versions.csv` |
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
//! use stripe_gateway_rules::api_version::ApiVersion;
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

mod errors;
mod known;
mod parse;
mod release;
mod version;

pub use errors::ApiVersionError;
pub use known::{KNOWN_API_VERSIONS, KNOWN_PREVIEW_API_VERSIONS};
pub use release::{Channel, Release};
pub use version::ApiVersion;

use jiff::civil::{Date, date};

/// Inputs longer than this are refused without being scanned. Real versions have at most 20
/// characters (`2025-03-01.dashboard`); the room left carries release names this crate does
/// not know yet.
const MAX_INPUT_LEN: usize = 64;

/// `YYYY-MM-DD.`: the date and its dot.
const DATED_PREFIX_LEN: usize = 11;

/// The longest name after the dot that fits in [`MAX_INPUT_LEN`].
const MAX_NAME_LEN: usize = MAX_INPUT_LEN - DATED_PREFIX_LEN;

/// The date from which versions carry a release name (`2024-09-30.acacia`; [stripe-facts §9](crate::rules#facts-9)).
pub const FIRST_NAMED_VERSION_DATE: Date = date(2024, 9, 30);

/// The date of the special `2025-03-01.dashboard` version ([stripe-facts §9](crate::rules#facts-9)).
const DASHBOARD_DATE: Date = date(2025, 3, 1);
