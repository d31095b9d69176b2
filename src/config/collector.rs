//! The collector of violations shared by the parsing and the rules of a configuration.

use std::borrow::Cow;
use std::str::FromStr;

use secrecy::{ExposeSecret, SecretString};

use crate::codes::ViolationCode;
use crate::credentials::CredentialError;
use crate::diagnostics::{Path, Report, Severity, ToViolation, Violation};
use crate::profile::Profile;

/// The path of a field, from its printed form (every path here is written by this module).
pub(super) fn path_of(path: &str) -> Path {
    path.parse().unwrap_or_default()
}

/// A field's name in plain words, for messages and remedies a platform shows in its UI
/// (issue 9): never the path, which is the violation's own field.
pub(in crate::config) fn plain_name(path: &str) -> Cow<'static, str> {
    // An entry of a list: `currencies[1].minimum_payment`, `card_brands[0]`.
    if let Some((list, rest)) = path.split_once('[') {
        let (index, field) = rest.split_once(']').unwrap_or((rest, ""));
        let n = index.parse::<usize>().map_or(0, |i| i.saturating_add(1));
        let field = field.trim_start_matches('.');
        return match (list, field) {
            ("card_brands", _) => format!("card brand {n}").into(),
            ("currencies", "") => format!("currency entry {n}").into(),
            ("currencies", f) => format!("{} of currency entry {n}", plain_name(f)).into(),
            _ => format!("entry {n}").into(),
        };
    }
    Cow::Borrowed(crate::input::order::plain_name(path).unwrap_or("field"))
}

/// Items in plain words: "a", "a and b", "a, b and c".
pub(super) fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[derive(Default)]
pub(super) struct Collector {
    pub(super) found: Report,
    /// The secret and publishable keys look swapped: their errors say so.
    pub(super) swapped_keys: bool,
    /// The form's profile, whose labels name its fields in messages and remedies.
    pub(super) profile: Option<Profile>,
}

impl Collector {
    /// A collector naming fields by `profile`'s labels.
    pub(super) fn for_profile(profile: &Profile) -> Self {
        Collector {
            profile: Some(profile.clone()),
            ..Collector::default()
        }
    }

    /// A field's name for a message or remedy: the form's own label for it ("Password"),
    /// else its name in plain words ("secret key").
    pub(super) fn name(&self, path: &str) -> Cow<'static, str> {
        match self.profile.as_ref().and_then(|p| p.own_label(path)) {
            Some(label) => Cow::Owned(label.to_owned()),
            None => plain_name(path),
        }
    }

    pub(super) fn push(
        &mut self,
        path: impl AsRef<str>,
        (code, severity): (ViolationCode, Severity),
        message: impl Into<String>,
        remedy: impl Into<String>,
    ) {
        self.found.push(
            Violation::new(severity, path_of(path.as_ref()), code, message).with_remedy(remedy),
        );
    }

    pub(super) fn error(
        &mut self,
        path: impl AsRef<str>,
        code: ViolationCode,
        message: impl Into<String>,
        remedy: impl Into<String>,
    ) {
        self.push(path, (code, Severity::Error), message, remedy);
    }

    pub(super) fn warning(
        &mut self,
        path: impl AsRef<str>,
        code: ViolationCode,
        message: impl Into<String>,
        remedy: impl Into<String>,
    ) {
        self.push(path, (code, Severity::Warning), message, remedy);
    }

    pub(super) fn missing(&mut self, path: &str, remedy: &str) {
        let message = format!("the {} is missing", self.name(path));
        self.error(path, ViolationCode::MissingField, message, remedy);
    }

    /// A required text field: reports `missing_field` when absent.
    pub(super) fn required<'a>(
        &mut self,
        path: &str,
        value: Option<&'a str>,
        remedy: &str,
    ) -> Option<&'a str> {
        if value.is_none() {
            self.missing(path, remedy);
        }
        value
    }

    /// Parses a present value with its `FromStr`; a failure is `invalid_value` with the
    /// parser's own message (which names what was found: these fields are not secret).
    pub(super) fn parse<T>(&mut self, path: &str, value: Option<&str>, remedy: &str) -> Option<T>
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        self.parse_with(path, value, remedy, str::parse)
    }

    /// Parses a present value with `parser`; a failure is `invalid_value` with the parser's
    /// own message.
    pub(super) fn parse_with<T, E: std::fmt::Display>(
        &mut self,
        path: &str,
        value: Option<&str>,
        remedy: &str,
        parser: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        match parser(value?) {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(path, ViolationCode::InvalidValue, e.to_string(), remedy);
                None
            }
        }
    }

    /// Reports a credential that did not parse, with the code its error calls for.
    pub(super) fn credential(&mut self, path: &str, err: &CredentialError) {
        let mut found = err.to_violation(path_of(path));
        if self.swapped_keys && matches!(path, "auth.secret_key" | "publishable_key") {
            let remedy = format!(
                "the secret and publishable keys look swapped: put the secret key (sk_…) in the {} field and the publishable key (pk_…) in the {} field",
                self.name("auth.secret_key"),
                self.name("publishable_key")
            );
            found = found.with_remedy(remedy).with_param("swapped", true);
        }
        self.found.push(found);
    }

    /// A required credential field: `missing_field` when absent, else parsed.
    pub(super) fn required_credential<T>(
        &mut self,
        path: &str,
        value: Option<&str>,
        remedy: &str,
    ) -> Option<T>
    where
        T: FromStr<Err = CredentialError>,
    {
        let value = self.required(path, value, remedy);
        self.parse_credential(path, value)
    }

    pub(super) fn parse_credential<T>(&mut self, path: &str, value: Option<&str>) -> Option<T>
    where
        T: FromStr<Err = CredentialError>,
    {
        match value?.parse() {
            Ok(v) => Some(v),
            Err(e) => {
                self.credential(path, &e);
                None
            }
        }
    }

    pub(super) fn finish(mut self) -> Report {
        self.found.sort_by_path(crate::input::order::cmp);
        self.found
    }
}

pub(super) fn expose(secret: Option<&SecretString>) -> Option<&str> {
    secret.map(ExposeSecret::expose_secret)
}

#[cfg(test)]
mod tests {
    use super::{listed, plain_name};

    /// Issue 9: every field of the file format has a name in plain words, with no
    /// underscore and no path in it.
    #[test]
    fn every_field_has_a_plain_name() {
        for field in crate::input::order::all_names() {
            let name = plain_name(field);
            assert_ne!(name, "field", "{field} has no plain name");
            assert!(!name.contains(['_', '.', '[']), "{field}: {name}");
        }
        for path in [
            "auth.secret_key",
            "account.settlement_currency",
            "account.raw_card_data_access",
            "currencies[0].rate_to_settlement",
        ] {
            let name = plain_name(path);
            assert!(!name.contains(['_', '.', '[']), "{path}: {name}");
        }
        assert_eq!(
            plain_name("currencies[1].minimum_payment"),
            "minimum payment of currency entry 2"
        );
        assert_eq!(plain_name("card_brands[0]"), "card brand 1");
    }

    #[test]
    fn lists_read_as_plain_words() {
        let items = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(listed(&items(&[])), "");
        assert_eq!(listed(&items(&["a"])), "a");
        assert_eq!(listed(&items(&["a", "b"])), "a and b");
        assert_eq!(listed(&items(&["a", "b", "c"])), "a, b and c");
    }
}
