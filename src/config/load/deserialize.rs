//! serde's `Deserialize` of the forms read from the configuration file: through the loader's
//! tables, never a second reader (feature `serde`).

use serde::de::Error as _;
use serde_json::value::RawValue;

use super::table::{AUTH_EXAMPLE, AUTH_SCHEME, AuthSchemeInput};
use crate::config::{ConnectionConfig, Form, GatewayConfig};
use crate::credentials::AuthScheme;
use crate::credentials::PublishableKey;
use crate::profile::Platform;
use crate::reader::{deserialize_object, refusal};

/// Reads the configuration file format from JSON with the loader of
/// [`Form::from_json`], to embed a form in a serde struct of your own (with `serde_json`: the
/// value is read as JSON text). The form is of the kind its `platform` picks.
///
/// Where [`from_json`](Form::from_json) returns the form beside every finding of the
/// file, this refuses the form at the first one (a value of the wrong JSON type, an unknown
/// field, a field given twice, a number too long to read exactly): its error is that
/// finding's message, which names its path and never quotes a secret, and says how many more
/// there are. The form is not checked: [`check`](Form::check) or
/// [`validate`](Form::validate) it as any other.
impl<'de> serde::Deserialize<'de> for Form {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <Box<RawValue> as serde::Deserialize>::deserialize(deserializer)?;
        let (form, report) = super::read::from_json(raw.get())
            .map_err(|e| {
                D::Error::custom(format_args!("not a gateway configuration: {}", e.message()))
            })?
            .into_parts();
        match refusal(report.violations()) {
            Some(message) => Err(D::Error::custom(message)),
            None => Ok(form),
        }
    }
}

/// Reads a form of one kind as [`Form`]'s `Deserialize` does, and refuses a file whose
/// `platform` picks the other kind.
macro_rules! deserialize_kind {
    ($Kind:ident, $variant:ident, $what:literal, $other:literal) => {
        #[doc = concat!("Reads ", $what, " as [`Form`]'s `Deserialize` does; a file whose `platform` picks ", $other, " is refused.")]
        impl<'de> serde::Deserialize<'de> for $Kind {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                match <Form as serde::Deserialize>::deserialize(deserializer)? {
                    Form::$variant(form) => Ok(form),
                    _ => Err(D::Error::custom(concat!(
                        "not ", $what, ": its platform's form is ", $other
                    ))),
                }
            }
        }
    };
}

deserialize_kind!(
    GatewayConfig,
    Gateway,
    "a payment gateway's form",
    "a connection's"
);
deserialize_kind!(
    ConnectionConfig,
    Connection,
    "a connection's form",
    "a payment gateway's"
);

/// Reads the configuration file's `auth` object, tagged by `scheme`, with the loader's `auth`
/// table (and `publishable_key`, which a Connect scheme keeps), then validates it as
/// [`AuthConfig::validate`](crate::config::AuthConfig::validate) does under the generic
/// profile: a failure is the loader's first finding, or the report of every problem, and
/// never repeats what was typed.
impl<'de> serde::Deserialize<'de> for AuthScheme {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let input: AuthSchemeInput =
            deserialize_object(deserializer, "the auth object", AUTH_SCHEME, AUTH_EXAMPLE)?;
        let publishable_key = input
            .publishable_key
            .map(|k| k.parse::<PublishableKey>())
            .transpose()
            .map_err(D::Error::custom)?;
        let mut scheme = input
            .auth
            .validate(&Platform::Generic.profile())
            .map_err(D::Error::custom)?;
        if let (
            AuthScheme::Connect {
                publishable_key: kept,
                ..
            },
            Some(key),
        ) = (&mut scheme, publishable_key)
        {
            kept.replace(key);
        }
        Ok(scheme)
    }
}
