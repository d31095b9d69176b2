//! [`ToViolation`]: one way for every error and refusal to become a [`Violation`].

use super::{Path, Violation};

/// An error, or a refusal, reported as a [`Violation`] at a path of a form: the one way the
/// crate's errors enter a [`Report`](super::Report).
///
/// Every error type of the crate and [`Refusal`](crate::operation::Refusal) implement it. The
/// violation's message is the error's own (never a secret), its code is the form's rule that
/// the error breaks (most often [`invalid_value`](crate::codes::ViolationCode::InvalidValue),
/// a credential's own rule for a key, a refusal's code for a refusal), and the error's own
/// code, when it has one, is the `reason` param.
///
/// ```
/// use stripe_gateway_rules::diagnostics::{Path, Report, ToViolation};
/// use stripe_gateway_rules::connection::Timeout;
///
/// let mut report = Report::new();
/// if let Err(e) = "30s".parse::<Timeout>() {
///     report.push(e.to_violation(Path::field("timeout_ms")));
/// }
/// let v = &report.violations()[0];
/// assert_eq!((v.path().to_string(), v.code().as_str()), ("timeout_ms".into(), "invalid_value"));
/// assert_eq!(v.param("reason"), Some("not_a_number"));
/// ```
pub trait ToViolation {
    /// This error as a violation at `path` (for errors about several fields, the fields'
    /// parent: the violation's path names the field below it).
    #[must_use]
    fn to_violation(&self, path: Path) -> Violation;
}
