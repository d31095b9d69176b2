//! `Debug` for a line that shows no secret pasted into it.

use super::*;

/// `Debug` for a text field of a line: guarded, so a secret pasted into it shows only its
/// prefix.
struct Guarded<'b>(&'b Option<Cow<'b, str>>);

impl std::fmt::Debug for Guarded<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(text) => f
                .debug_tuple("Some")
                .field(&crate::text::GuardedText(text))
                .finish(),
        }
    }
}

impl std::fmt::Debug for OperationLine<'_> {
    /// Every text field guarded: a line is input, and may hold a secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OperationLine")
            .field("op", &Guarded(&self.op))
            .field("amount", &Guarded(&self.amount))
            .field("currency", &Guarded(&self.currency))
            .field("card", &Guarded(&self.card))
            .field("customer_email", &Guarded(&self.customer_email))
            .field("authorized_amount", &Guarded(&self.authorized_amount))
            .field("authorized_at", &Guarded(&self.authorized_at))
            .field("at", &Guarded(&self.at))
            .field("brand", &Guarded(&self.brand))
            .field("initiator", &Guarded(&self.initiator))
            .field("presence", &Guarded(&self.presence))
            .field("extended", &self.extended)
            .field("capture_before", &Guarded(&self.capture_before))
            .field("captured_amount", &Guarded(&self.captured_amount))
            .field("refunded_amount", &Guarded(&self.refunded_amount))
            .field("id", &self.id)
            .field("request", &self.request)
            .finish()
    }
}

impl std::fmt::Debug for LineId<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineId::Text(text) => f
                .debug_tuple("Text")
                .field(&crate::text::GuardedText(text))
                .finish(),
            LineId::Number(n) => f.debug_tuple("Number").field(n).finish(),
        }
    }
}

/// `Debug` for a request field: its length only, since a card number pasted into it must not
/// be printed back.
struct Length<'b>(&'b Option<Cow<'b, str>>);

impl std::fmt::Debug for Length<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(text) => write!(f, "Some(<{} characters>)", text.chars().count()),
        }
    }
}

impl std::fmt::Debug for request::RequestText<'_> {
    /// Lengths only, and metadata's shape: these fields may hold card numbers.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let metadata = match &self.metadata {
            None => "None",
            Some(request::MetadataText::Plain(..) | request::MetadataText::Pairs(_)) => {
                "Some(<an object of strings>)"
            }
            Some(request::MetadataText::NotString(_)) => {
                "Some(<an object with a value that is not a string>)"
            }
            Some(request::MetadataText::NotObject) => "Some(<not an object>)",
        };
        f.debug_struct("RequestText")
            .field("statement_descriptor", &Length(&self.statement_descriptor))
            .field(
                "statement_descriptor_suffix",
                &Length(&self.statement_descriptor_suffix),
            )
            .field("description", &Length(&self.description))
            .field("metadata", &format_args!("{metadata}"))
            .field("idempotency_key", &Length(&self.idempotency_key))
            .finish()
    }
}
