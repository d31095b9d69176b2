//! The serde visitor: every shape of line, with the problems it finds recorded for the
//! message.

use super::errors::{JsonKind, Problem};
use super::*;

/// Reads one value of a field: a string (borrowed when it has no escape), a boolean, or an id;
/// `null` is absent. Any other JSON type records a [`Problem::WrongType`].
pub(super) struct ValueSeed<'p, T> {
    field: &'static str,
    problem: &'p Cell<Option<Problem>>,
    kind: std::marker::PhantomData<T>,
}

impl<'p, T> ValueSeed<'p, T> {
    pub(super) fn new(field: &'static str, problem: &'p Cell<Option<Problem>>) -> Self {
        ValueSeed {
            field,
            problem,
            kind: std::marker::PhantomData,
        }
    }
}

/// The value types a field can hold.
pub(super) trait FieldValue<'de>: Sized {
    const EXPECTED: &'static str;
    fn from_str(_v: Cow<'de, str>) -> Option<Self> {
        None
    }
    fn from_bool(_v: bool) -> Option<Self> {
        None
    }
    fn from_number(_v: Cow<'de, str>) -> Option<Self> {
        None
    }
}

impl<'de> FieldValue<'de> for Cow<'de, str> {
    const EXPECTED: &'static str = "a string";
    fn from_str(v: Cow<'de, str>) -> Option<Self> {
        Some(v)
    }
}

impl<'de> FieldValue<'de> for bool {
    const EXPECTED: &'static str = "true or false";
    fn from_bool(v: bool) -> Option<Self> {
        Some(v)
    }
}

impl<'de> FieldValue<'de> for LineId<'de> {
    const EXPECTED: &'static str = "a string or a number";
    fn from_str(v: Cow<'de, str>) -> Option<Self> {
        Some(LineId::Text(v))
    }
    fn from_number(v: Cow<'de, str>) -> Option<Self> {
        Some(LineId::Number(v))
    }
}

impl<'de, T: FieldValue<'de>> ValueSeed<'_, T> {
    fn wrong<E: de::Error>(&self, found: JsonKind) -> E {
        self.problem.set(Some(Problem::WrongType {
            field: self.field,
            expected: T::EXPECTED,
            found,
        }));
        E::custom("wrong type")
    }

    fn got<E: de::Error>(&self, value: Option<T>, found: JsonKind) -> Result<Option<T>, E> {
        match value {
            Some(v) => Ok(Some(v)),
            None => Err(self.wrong(found)),
        }
    }
}

impl<'de, T: FieldValue<'de>> DeserializeSeed<'de> for ValueSeed<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: FieldValue<'de>> Visitor<'de> for ValueSeed<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.got(T::from_str(Cow::Borrowed(v)), JsonKind::String)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.got(T::from_str(Cow::Owned(v.to_owned())), JsonKind::String)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.got(T::from_bool(v), JsonKind::Bool)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.got(T::from_number(Cow::Owned(v.to_string())), JsonKind::Number)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.got(T::from_number(Cow::Owned(v.to_string())), JsonKind::Number)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.got(T::from_number(Cow::Owned(v.to_string())), JsonKind::Number)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _seq: A) -> Result<Self::Value, A::Error> {
        Err(self.wrong(JsonKind::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, _map: A) -> Result<Self::Value, A::Error> {
        Err(self.wrong(JsonKind::Object))
    }
}

/// Reads a key: the index of a known field, or records [`Problem::UnknownField`].
struct KeySeed<'p> {
    problem: &'p Cell<Option<Problem>>,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = usize;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        let index = field_index(v);
        debug_assert!(index.is_none_or(|i| FIELDS[i] == v));
        match index {
            Some(i) => Ok(i),
            None => {
                let closest = crate::reader::closest(v, FIELDS.iter().copied());
                self.problem
                    .set(Some(Problem::UnknownField(InputExcerpt::new(v), closest)));
                Err(E::custom("unknown field"))
            }
        }
    }
}

/// Reads the line's object.
/// Reads the line's object into `line`, in place (the struct is large: moving it through
/// serde's return values would cost more than the parse).
pub(super) struct LineVisitor<'p, 'l, 'de> {
    pub(super) problem: &'p Cell<Option<Problem>>,
    pub(super) line: &'l mut OperationLine<'de>,
}

impl LineVisitor<'_, '_, '_> {
    fn not_object<E: de::Error>(&self, kind: JsonKind) -> E {
        self.problem.set(Some(Problem::NotObject(kind)));
        E::custom("not an object")
    }
}

impl<'de> Visitor<'de> for LineVisitor<'_, '_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let line = self.line;
        let mut seen = 0u32;
        let problem = self.problem;
        while let Some(i) = map.next_key_seed(KeySeed { problem })? {
            let field = FIELDS[i];
            if seen & (1 << i) != 0 {
                problem.set(Some(Problem::Duplicate(field)));
                return Err(de::Error::custom("duplicate field"));
            }
            seen |= 1 << i;
            let text =
                |map: &mut A| map.next_value_seed(ValueSeed::<Cow<'de, str>>::new(field, problem));
            match i {
                0 => line.op = text(&mut map)?,
                1 => line.amount = text(&mut map)?,
                2 => line.currency = text(&mut map)?,
                3 => line.card = text(&mut map)?,
                4 => line.customer_email = text(&mut map)?,
                5 => line.authorized_amount = text(&mut map)?,
                6 => line.authorized_at = text(&mut map)?,
                7 => line.at = text(&mut map)?,
                8 => line.brand = text(&mut map)?,
                9 => line.initiator = text(&mut map)?,
                10 => line.presence = text(&mut map)?,
                11 => {
                    line.extended = map.next_value_seed(ValueSeed::<bool>::new(field, problem))?
                }
                12 => line.capture_before = text(&mut map)?,
                13 => line.captured_amount = text(&mut map)?,
                14 => line.refunded_amount = text(&mut map)?,
                15 => {
                    line.id = map.next_value_seed(ValueSeed::<LineId<'de>>::new(field, problem))?
                }
                16 => line.request.statement_descriptor = text(&mut map)?,
                17 => line.request.statement_descriptor_suffix = text(&mut map)?,
                18 => line.request.description = text(&mut map)?,
                19 => line.request.metadata = map.next_value_seed(super::request::MetadataSeed)?,
                _ => line.request.idempotency_key = text(&mut map)?,
            }
        }
        if line.op.is_none() {
            problem.set(Some(Problem::MissingOp));
            return Err(de::Error::custom("missing op"));
        }
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Null))
    }

    fn visit_bool<E: de::Error>(self, _v: bool) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Bool))
    }

    fn visit_i64<E: de::Error>(self, _v: i64) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Number))
    }

    fn visit_u64<E: de::Error>(self, _v: u64) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Number))
    }

    fn visit_f64<E: de::Error>(self, _v: f64) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Number))
    }

    fn visit_str<E: de::Error>(self, _v: &str) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::String))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _seq: A) -> Result<Self::Value, A::Error> {
        Err(self.not_object(JsonKind::Array))
    }
}

/// `Deserialize` through the same visitor: its errors carry this crate's words, not the
/// value that was wrong.
impl<'de: 'a, 'a> serde::Deserialize<'de> for OperationLine<'a> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let problem = Cell::new(None);
        let mut line = OperationLine::default();
        deserializer
            .deserialize_any(LineVisitor {
                problem: &problem,
                line: &mut line,
            })
            .map_err(|e| match problem.get() {
                Some(p) => de::Error::custom(p),
                None => e,
            })?;
        Ok(line)
    }
}
