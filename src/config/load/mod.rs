//! Loading a [`GatewayConfig`] from JSON, field by field (issue 10, "field-level, not
//! file-level").
//!
//! Only a text that cannot be read as a configuration at all fails as a whole, as a
//! [`ConfigFileError`]: not UTF-8, not JSON, a JSON value other than an object at the top, more
//! than [`MAX_CONFIG_LEN`] bytes or nested deeper than [`MAX_CONFIG_DEPTH`]. Every other
//! problem is a [`Violation`] at its path, kept in the configuration
//! ([`GatewayConfig::load_violations`]) and reported by [`GatewayConfig::validate`] in the same
//! report as the rules, in field order:
//!
//! * a value of the wrong JSON type: `wrong_type`, with what to write instead;
//! * a field the format does not have: `unknown_field`, with the closest known name, or the
//!   object it belongs in (`secret_key` at the top level belongs in `auth`);
//! * a field given twice: `duplicate_field` (the last one is used);
//! * an amount or rate written as a JSON number is read exactly as written, from its text,
//!   never through a float (`1e-2` is `0.01`); one with too many digits is `invalid_value`.
//!
//! `null` is read as an absent field. A UTF-8 byte-order mark at the start is skipped.
//!
//! The loader is driven by one table per object of the file ([`Field`] rows: a name, a kind
//! and an example), so a new field is one row. No message passes a parser's own text through
//! (serde's included): messages are built from the error's category, position and path, and
//! every echo of the input goes through [`InputExcerpt`], which cuts at anything secret-shaped.

mod errors;
#[cfg(feature = "serde")]
mod exact;
#[cfg(feature = "serde")]
mod names;
#[cfg(feature = "serde")]
mod read;
#[cfg(feature = "serde")]
mod table;

pub use errors::{ConfigFileError, ConfigFileErrorKind};
#[cfg(feature = "serde")]
pub(super) use read::{from_json, from_slice};

use std::fmt;

use crate::codes::ViolationCode;
use crate::diagnostics::{Path, Report, Violation};
#[cfg(doc)]
use crate::{config::GatewayConfig, text::InputExcerpt};

/// The largest configuration file [`GatewayConfig::from_json`] reads: 1 MiB, far above any
/// real configuration (every presentment currency assigned takes about 20 KiB).
pub const MAX_CONFIG_LEN: usize = 1 << 20;

/// The deepest nesting of lists and objects [`GatewayConfig::from_json`] reads: 64, where a
/// configuration needs 3 (`currencies[0].currency`).
pub const MAX_CONFIG_DEPTH: usize = 64;

// ---- the violations kept in a configuration ------------------------------------------------

/// The problems found while loading a configuration from JSON: values of the wrong JSON type,
/// unknown fields, fields given twice. [`GatewayConfig::from_json`] fills it;
/// [`GatewayConfig::validate`] reports them with every other violation, in field order.
///
/// A configuration built in code has none: leave the field to `..GatewayConfig::default()`.
/// (It is a public field of an opaque type, not a private field, so that struct-update
/// syntax keeps working.)
#[derive(Clone, Default, PartialEq, Eq)]
pub struct LoadViolations(Vec<Violation>);

impl LoadViolations {
    /// The violations, in the order of the file.
    #[must_use]
    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }

    /// Whether the file had none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// These violations, then those of `found` that they do not already explain: a value of
    /// the wrong type (or a number too long to read) was not read, so what validation says
    /// at or inside its path (`missing_field`, say) is left out.
    pub(super) fn merged_with(&self, found: Report) -> Report {
        let covering: Vec<&Path> = self
            .0
            .iter()
            .filter(|v| {
                *v.code() == ViolationCode::WrongType || *v.code() == ViolationCode::InvalidValue
            })
            .map(Violation::path)
            .collect();
        let mut out: Report = self.0.iter().cloned().collect();
        out.extend(
            found
                .into_iter()
                .filter(|v| !covering.iter().any(|c| starts_with(v.path(), c))),
        );
        out
    }
}

impl<'a> IntoIterator for &'a LoadViolations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Debug for LoadViolations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Paths and codes only: messages are secret-safe, but short is enough here.
        f.debug_list()
            .entries(self.0.iter().map(|v| format!("{} {}", v.path(), v.code())))
            .finish()
    }
}

fn starts_with(path: &Path, prefix: &Path) -> bool {
    path.segments().starts_with(prefix.segments())
}
