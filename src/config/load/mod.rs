//! Loading a [`Form`] from JSON, field by field (issue 10, "field-level, not
//! file-level").
//!
//! Only a text that cannot be read as a configuration at all fails as a whole, as a
//! [`ConfigFileError`]: not UTF-8, not JSON, a JSON value other than an object at the top, more
//! than [`MAX_CONFIG_LEN`] bytes or nested deeper than [`MAX_CONFIG_DEPTH`]. Every other
//! problem is a [`Violation`] at its path, in the load report returned beside the form
//! ([`Loaded`]), never in the form, and merged by [`Loaded::check`] and [`Loaded::validate`]
//! into the same report as the rules, in field order:
//!
//! * a value of the wrong JSON type: `wrong_type`, with what to write instead;
//! * a field the format does not have: `unknown_field`, with the closest known name, or the
//!   object it belongs in (`secret_key` at the top level belongs in `auth`);
//! * a field given twice: `duplicate_field` (the last one is used);
//! * an amount or rate written as a JSON number is `wrong_type`, with the remedy to write it
//!   as a quoted decimal string (`"0.50"`): a number has likely been through a float
//!   (`0.30000000000000004`), so it is not read;
//! * a whole number (`timeout_ms`, `max_minor_units`) may be a JSON number, read exactly as
//!   written, from its text (`1e3` is `1000`); one with too many digits is `invalid_value`.
//!
//! `null` is read as an absent field. A UTF-8 byte-order mark at the start is skipped.
//!
//! The loader is the crate's field-level reader ([`crate::reader`]) driven by one table per
//! object of the file ([`Field`](crate::reader::Field) rows: a name, a kind, an example, and
//! for the form's description a doc line, a closed choice's keywords and an object's fields),
//! so a new field is one row; [`schema`](super::schema) reads the same tables. No message passes a parser's own text through (serde's
//! included): messages are built from the error's category, position and path, and every
//! echo of the input goes through [`InputExcerpt`], which cuts at anything secret-shaped.
//!
//! serde's `Deserialize` of [`Form`] and of [`AuthScheme`](crate::credentials::AuthScheme) run
//! the same tables (`deserialize.rs`): the same JSON gives the same verdict, the first
//! finding being serde's error.

#[cfg(feature = "serde")]
mod deserialize;
mod errors;
#[cfg(feature = "serde")]
mod read;
#[cfg(feature = "serde")]
mod table;

pub use errors::ConfigFileError;
#[cfg(feature = "serde")]
pub(super) use read::{from_json, from_slice};
#[cfg(feature = "serde")]
pub(super) use table::form;

#[cfg(any(feature = "serde", doc))]
use crate::config::Form;
#[cfg(feature = "serde")]
use crate::config::ValidatedForm;
#[cfg(feature = "serde")]
use crate::diagnostics::Report;
#[cfg(feature = "serde")]
use crate::input::AnyForm;
#[cfg(feature = "serde")]
use crate::profile::Profile;
#[cfg(doc)]
use crate::{diagnostics::Violation, text::InputExcerpt};

/// The largest configuration file [`Form::from_json`] reads: 1 MiB, far above any
/// real configuration (every presentment currency assigned takes about 20 KiB).
pub const MAX_CONFIG_LEN: usize = 1 << 20;

/// The deepest nesting of lists and objects [`Form::from_json`] reads: 64, where a
/// configuration needs 3 (`currencies[0].currency`).
pub const MAX_CONFIG_DEPTH: usize = 64;

// ---- a loaded form and its load report ----------------------------------------------------

/// A configuration loaded by [`Form::from_json`], beside what the loader found in the file:
/// values of the wrong JSON type, unknown fields, fields given twice, numbers too long to
/// read. Nothing found while loading is stored in the form itself, so a form taken out
/// ([`into_form`](Self::into_form)) and edited carries no stale finding.
///
/// The form is of the kind the file's `platform` picks: a payment gateway's
/// ([`GatewayConfig`](crate::config::GatewayConfig)) or a connection's
/// ([`ConnectionConfig`](crate::config::ConnectionConfig)); a field of the other kind is not
/// in it. [`check`](Self::check) and [`validate`](Self::validate) judge the file as read, every
/// field of either kind, under any profile (a field the profile's form does not have is
/// `field_not_on_form`), as the form's own verbs do, and merge the load report in, in field
/// order: one report for the file.
///
/// ```
/// use stripe_gateway_rules::Form;
///
/// let loaded = Form::from_json(r#"{ "platform": "kartra", "existing": "yes",
///   "auth": { "scheme": "connect", "account_id": "acct_1R3fqDP6919yCiFv", "account_name": "Acme Coaching LLC" } }"#)?;
/// let codes: Vec<_> = loaded.load_report().violations().iter().map(|v| format!("{} {}", v.path(), v.code())).collect();
/// assert_eq!(codes, ["existing wrong_type"]);
/// assert!(!loaded.check(&loaded.profile()).is_valid());
///
/// // The form alone, fixed: the file's finding stays with the file.
/// let Form::Connection(mut form) = loaded.into_form() else { panic!("Kartra's is a connection's form") };
/// form.existing = true;
/// let report = form.check(&form.profile());
/// assert!(report.is_empty(), "{report}");
/// assert!(form.validate(&form.profile()).is_ok());
/// # Ok::<(), stripe_gateway_rules::config::ConfigFileError>(())
/// ```
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
#[derive(Debug, Clone)]
pub struct Loaded {
    form: Form,
    file: AnyForm,
    report: Report,
}

#[cfg(feature = "serde")]
impl Loaded {
    /// The form as read, of the kind the file's `platform` picks (a field of the wrong type,
    /// or of the other kind of form, is absent from it).
    #[must_use]
    pub fn form(&self) -> &Form {
        &self.form
    }

    /// What the loader found in the file, in the order of the file; empty for a clean file.
    #[must_use]
    pub fn load_report(&self) -> &Report {
        &self.report
    }

    /// The form, without the load report: to edit it, then check it as a form built in code.
    #[must_use]
    pub fn into_form(self) -> Form {
        self.form
    }

    /// The form and the load report.
    #[must_use]
    pub fn into_parts(self) -> (Form, Report) {
        (self.form, self.report)
    }

    /// The profile the form's `platform` names ([`Form::profile`]).
    #[must_use]
    pub fn profile(&self) -> Profile {
        self.form.profile()
    }

    /// Every finding of the file under `profile`: the load report merged with the form's
    /// [`check`](Form::check), in field order. What validation would say at or
    /// inside a value the loader could not read (`missing_field` for a name given as a
    /// number, say) is left out: the load finding explains it.
    #[must_use]
    pub fn check(&self, profile: &Profile) -> Report {
        super::validate::check(&self.file, &self.form, profile, &self.report).0
    }

    /// The validated form, or the report of every finding of the file: the same findings as
    /// [`check`](Self::check). A finding of the loader is an error, so a file with one does
    /// not validate.
    ///
    /// # Errors
    ///
    /// A [`Report`] when any finding is an error; it lists the warnings too.
    pub fn validate(&self, profile: &Profile) -> Result<ValidatedForm, Report> {
        match super::validate::check(&self.file, &self.form, profile, &self.report) {
            (_, Some(form)) => Ok(form),
            (report, None) => Err(report),
        }
    }
}
