//! The settings of one Stripe connection in an integration platform (S1; [rules.md §9](crate::rules#rules-9)).
//!
//! | field | rule | source |
//! | --- | --- | --- |
//! | `name` | required, non-empty, at most [`MAX_NAME_LEN`] characters, no control characters | S1 "Connection: A new connection name" |
//! | `active` | a flag | S1 "Is Active" |
//! | `is_source`, `is_target` | flags; an active connection with neither is warned about (it takes part in nothing) | S1 "Is Source", "Is Target" |
//! | `timeout_ms` | optional; a whole number of milliseconds from 1 to [`MAX_TIMEOUT_MS`] | S1 "Timeout: The length of time (in milliseconds) …" |
//! | `secret_key` | **mandatory**, a secret or restricted key | S1 "Client Secret: Mandatory field. Paste here the Secret API key" |
//! | `api_version` | optional (the account's default applies without one); a well-formed version; a version Stripe never published is warned about | S1 "API Version"; [stripe-facts §9](crate::rules#facts-9) |
//!
//! [`ConnectionSettingsConfig`] holds what was typed; [`ConnectionSettingsConfig::check`]
//! reports every problem with its path, severity and stable code, and
//! [`ConnectionSettingsConfig::validate`] turns a draft without errors into
//! [`ConnectionSettings`].
//!
//! ```
//! use stripe_gateway_rules::connection::ConnectionSettingsConfig;
//!
//! let mut draft = ConnectionSettingsConfig::default();
//! draft.name = Some("Stripe (live)".to_owned());
//! draft.active = true;
//! draft.is_source = true;
//! draft.timeout_ms = Some("30000".to_owned());
//! draft.secret_key = Some("sk_live_4eC39HqLyjWDarjtT1zdp7dc".into());
//! draft.api_version = Some("2025-03-31.basil".to_owned());
//! let settings = draft.validate()?;
//! assert_eq!(settings.timeout().map(|t| t.as_millis()), Some(30_000));
//!
//! let problems = ConnectionSettingsConfig::default().check();
//! let found: Vec<_> = problems.violations().iter().map(|p| format!("{} {}", p.path(), p.code())).collect();
//! assert_eq!(found, ["name missing_field", "secret_key missing_field"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod draft;
mod timeout;
mod validated;

pub use draft::ConnectionSettingsConfig;
pub use timeout::{Timeout, TimeoutError};
pub use validated::ConnectionSettings;

/// Longest timeout accepted: 600 000 ms (10 minutes). Stripe's own SDKs wait 80 s by default
/// (stripe-node's `timeout` option, 80 000 ms, as quoted in third-party configurations); a
/// request that has not answered in 10 minutes will not, and a longer wait only holds the
/// platform's worker.
pub const MAX_TIMEOUT_MS: u32 = 600_000;

/// Longest connection name accepted, in characters.
pub const MAX_NAME_LEN: usize = 255;
