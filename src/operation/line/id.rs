//! The line's `id`: how it is shown, and how it is found in a line that does not parse.

use super::visitor::ValueSeed;
use super::*;

impl fmt::Display for LineId<'_> {
    /// The id as the caller wrote it (a string's text without its quotes, a number's
    /// digits), cut before anything secret-shaped by the rule of every excerpt of input (a
    /// Stripe secret's marker, or a run of 16 or more letters and digits), then `…`: an id is
    /// echoed in answers, and a secret pasted as one must not be.
    ///
    /// ```
    /// use stripe_gateway_rules::operation::OperationLine;
    ///
    /// let line = OperationLine::parse(r#"{"op":"void","id":"run-7/a"}"#)?;
    /// assert_eq!(line.id().unwrap().to_string(), "run-7/a");
    /// let line = OperationLine::parse(r#"{"op":"void","id":"sk_live_4eC39HqLyjWDarjtT1zdp7dc"}"#)?;
    /// assert_eq!(line.id().unwrap().to_string(), "sk_live_…");
    /// # Ok::<(), stripe_gateway_rules::operation::LineError>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.text();
        match crate::text::secret_prefix_len(text) {
            Some(cut) => {
                f.write_str(&text[..cut])?;
                f.write_str("…")
            }
            None => f.write_str(text),
        }
    }
}

impl LineId<'_> {
    /// The id's text as written: a string's text without its quotes, a number's digits.
    /// Unguarded: show it through `Display`, which cuts anything secret-shaped.
    fn text(&self) -> &str {
        match self {
            LineId::Text(t) | LineId::Number(t) => t,
        }
    }

    /// Whether `Display` cuts the id (it holds something secret-shaped): then it is not the
    /// whole id, and a number id is no longer a number.
    #[must_use]
    pub fn is_truncated(&self) -> bool {
        crate::text::secret_prefix_len(self.text()).is_some()
    }
}

impl<'a> OperationLine<'a> {
    /// The `id` of a line that [`parse_bytes`](Self::parse_bytes) refuses, found by a
    /// tolerant scan, so that an answer about a broken line still carries the caller's
    /// reference: the members of the line's top-level object are read one by one, and the
    /// scan stops at the first thing that is not JSON there, keeping what it found before.
    /// A value of the wrong JSON type, an unknown or repeated field elsewhere in the line
    /// does not hide the id, before or after it.
    ///
    /// `None` when the line has no readable `id` member before its first syntax error, when
    /// the `id` is neither a string nor a number, or when it is given twice with different
    /// values (then neither is the line's).
    ///
    /// ```
    /// use stripe_gateway_rules::operation::{LineId, OperationLine};
    ///
    /// let line = br#"{"id":"inv-9","op":"sale","amount":12,"extended":"true","colour":1}"#;
    /// assert!(OperationLine::parse_bytes(line).is_err());
    /// assert_eq!(OperationLine::scan_id(line).unwrap().to_string(), "inv-9");
    /// let line = br#"{"op":"void","op":"void","id":42"#;
    /// assert!(matches!(OperationLine::scan_id(line), Some(LineId::Number(n)) if n == "42"));
    /// assert!(OperationLine::scan_id(br#"{"op":"void"}"#).is_none());
    /// ```
    #[must_use]
    pub fn scan_id(line: &'a [u8]) -> Option<LineId<'a>> {
        let mut scan = Scan { bytes: line, at: 0 };
        let mut found: Option<LineId<'a>> = None;
        scan.whitespace();
        if !scan.eat(b'{') {
            return None;
        }
        loop {
            scan.whitespace();
            let Some(key) = scan.string() else { break };
            scan.whitespace();
            if !scan.eat(b':') {
                break;
            }
            scan.whitespace();
            let Some(value) = scan.value() else { break };
            if is_id_key(&line[key]) {
                let problem = Cell::new(None);
                let mut de = serde_json::Deserializer::from_slice(&line[value]);
                let id = de::DeserializeSeed::deserialize(
                    ValueSeed::<LineId<'a>>::new("id", &problem),
                    &mut de,
                );
                match (&found, id) {
                    (None, Ok(Some(id))) => found = Some(id),
                    (Some(first), Ok(Some(id))) if *first != id => return None,
                    _ => {}
                }
            }
            scan.whitespace();
            if !scan.eat(b',') {
                break;
            }
        }
        found
    }
}

/// Whether a key's JSON text (quotes included) is `"id"`, escapes read.
fn is_id_key(key: &[u8]) -> bool {
    key == b"\"id\"" || serde_json::from_slice::<String>(key).is_ok_and(|k| k == "id")
}

/// A cursor over a line, for [`OperationLine::scan_id`]: each step returns the span it read,
/// or `None` where the text is not JSON.
struct Scan<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Scan<'_> {
    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let here = self.bytes.get(self.at) == Some(&byte);
        if here {
            self.at += 1;
        }
        here
    }

    /// A string, quotes included.
    fn string(&mut self) -> Option<std::ops::Range<usize>> {
        let start = self.at;
        if !self.eat(b'"') {
            return None;
        }
        loop {
            match self.bytes.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(start..self.at);
                }
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
    }

    /// Any value: a string, a number or literal (up to the next delimiter), or an array or
    /// object (to its matching bracket, strings skipped whole; no recursion).
    fn value(&mut self) -> Option<std::ops::Range<usize>> {
        let start = self.at;
        match self.bytes.get(self.at)? {
            b'"' => return self.string(),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.bytes.get(self.at)? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(start..self.at);
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while let Some(b) = self.bytes.get(self.at) {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.at += 1;
                }
            }
        }
        (self.at > start).then_some(start..self.at)
    }
}
