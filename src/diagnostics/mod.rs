//! One model for everything the crate reports: [`Severity`], [`Path`], [`Code`],
//! [`Violation`] and [`Report`].
//!
//! This module knows nothing of Stripe or of the crate's concepts: every validation in the
//! crate (the gateway configuration, connection settings, auth schemes, credentials, OAuth
//! callbacks, refusals turned into violations) reports through it, and so can a platform's own
//! checks, into the same [`Report`].
//!
//! - The crate's codes are a closed, stable set (the [`codes`](crate::codes) module lists each
//!   with its rule and source); they are [`Code`]s built from the crate's code enums.
//! - A platform's codes are its own strings ([`Code::platform`]); they never equal a crate
//!   code, even when spelled the same.
//! - Every message and remedy the crate writes is safe to show anyone: it never contains a
//!   secret, a source tag or an internal name. What a platform writes into its own
//!   violations is the platform's responsibility.
//!
//! ```
//! use stripe_gateway_rules::diagnostics::{Code, Path, Report, Violation};
//!
//! let mut report = Report::new();
//! let login = Path::field("login");
//! report.push(
//!     Violation::error(login, Code::platform("login_too_short")?, "the login is too short")
//!         .with_remedy("enter a login of 5 characters or more")
//!         .with_param("min_chars", "5"),
//! );
//! assert!(!report.is_valid());
//! assert_eq!(report.violations()[0].param("min_chars"), Some("5"));
//! assert_eq!(report.violations()[0].path().to_string(), "login");
//! # Ok::<(), stripe_gateway_rules::diagnostics::CodeError>(())
//! ```

mod code;
mod path;
mod report;
mod severity;
mod to_violation;
mod violation;

pub use code::{Code, CodeError};
pub use path::{Path, PathError, Segment};
pub use report::Report;
pub use severity::Severity;
pub use to_violation::ToViolation;
pub use violation::Violation;
