//! Reading input values through serde without ever repeating them.
//!
//! serde's own messages quote a refused value (`invalid type: string "sk_live_…", expected a
//! boolean`) and an unknown field's name, so the hand-written deserializers of the crate's
//! input types read each field as an [`Input`], which keeps the value and its kind, and
//! refuse it in their own words, naming only the kind of value found.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// One JSON (or other serde) value as given, of any type.
pub(crate) enum Input {
    /// `null`, or absent.
    Null,
    /// A string.
    Text(String),
    /// `true` or `false`.
    Flag(bool),
    /// A number, as decimal text.
    Number(String),
    /// A list or an object (consumed, not kept).
    Nested(&'static str),
}

impl Input {
    /// What kind of value it is, for a message: `a string`, `a number`…
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Input::Null => "null",
            Input::Text(_) => "a string",
            Input::Flag(_) => "true or false",
            Input::Number(_) => "a number",
            Input::Nested(kind) => kind,
        }
    }

    /// A text field: a string, or `null` for none.
    pub(crate) fn text<E: de::Error>(self, field: &str) -> Result<Option<String>, E> {
        match self {
            Input::Null => Ok(None),
            Input::Text(s) => Ok(Some(s)),
            other => Err(wrong(field, "a string", &other)),
        }
    }

    /// A flag: `true` or `false` (`null` is `false`).
    pub(crate) fn flag<E: de::Error>(self, field: &str) -> Result<bool, E> {
        match self {
            Input::Null => Ok(false),
            Input::Flag(b) => Ok(b),
            other => Err(wrong(field, "true or false", &other)),
        }
    }

    /// A number written as a number or as a string, kept as text for its own parser.
    pub(crate) fn number_or_text<E: de::Error>(self, field: &str) -> Result<Option<String>, E> {
        match self {
            Input::Null => Ok(None),
            Input::Text(s) | Input::Number(s) => Ok(Some(s)),
            other => Err(wrong(field, "a number", &other)),
        }
    }
}

/// The error for a value of the wrong type: the field, what was expected, the kind found.
fn wrong<E: de::Error>(field: &str, expected: &str, found: &Input) -> E {
    E::custom(format_args!(
        "{field}: expected {expected}, found {}",
        found.kind()
    ))
}

/// The error for a field the object does not have; the name is not repeated (it may be a
/// secret pasted as a key).
pub(crate) fn unknown_field<E: de::Error>(object: &str, fields: &[&str]) -> E {
    E::custom(format_args!(
        "{object} has a field it does not know; its fields are {}",
        fields.join(", ")
    ))
}

impl<'de> de::Deserialize<'de> for Input {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = Input;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Input, E> {
                Ok(Input::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Input, E> {
                Ok(Input::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Input, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Input, E> {
                Ok(Input::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Input, E> {
                Ok(Input::Text(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Input, E> {
                Ok(Input::Flag(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Input, E> {
                Ok(Input::Number(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Input, E> {
                Ok(Input::Number(v.to_string()))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Input, E> {
                Ok(Input::Number(v.to_string()))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Input, E> {
                Ok(Input::Number(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Input, E> {
                Ok(Input::Number(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Input, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Input::Nested("a list"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Input, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Input::Nested("an object"))
            }
        }
        d.deserialize_any(Any)
    }
}

/// A map key read without keeping it when it is not one of ours (see [`unknown_field`]).
pub(crate) struct Key(pub(crate) String);

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Input::deserialize(d)? {
            Input::Text(s) => Ok(Key(s)),
            other => Err(de::Error::custom(format_args!(
                "expected a field name, found {}",
                other.kind()
            ))),
        }
    }
}

/// The `visit_*` methods of a visitor that takes only an object: any other value is refused
/// with the kind found, never the value (serde's default quotes a string it refuses).
macro_rules! refuse_all_but_objects {
    ($what:literal) => {
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(E::custom(concat!(
                "expected ",
                $what,
                ", an object; found a string"
            )))
        }
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(E::custom(concat!(
                "expected ",
                $what,
                ", an object; found true or false"
            )))
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(E::custom(concat!(
                "expected ",
                $what,
                ", an object; found a number"
            )))
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(E::custom(concat!(
                "expected ",
                $what,
                ", an object; found a number"
            )))
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(E::custom(concat!(
                "expected ",
                $what,
                ", an object; found a number"
            )))
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Err(E::custom(concat!(
                "expected ",
                $what,
                ", an object; found null"
            )))
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(serde::de::Error::custom(concat!(
                "expected ",
                $what,
                ", an object; found a list"
            )))
        }
    };
}

pub(crate) use refuse_all_but_objects;
