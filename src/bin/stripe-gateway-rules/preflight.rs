//! The billing-run pre-flight: JSON Lines of operations in, one JSON answer per non-blank line
//! out, streaming (one line in memory at a time). Depends only on the library and std, so the
//! bench (`benches/preflight.rs`) runs this very code.

use std::fmt::{self, Write as _};
use std::io::{self, BufRead, Write};

use stripe_gateway_rules::RefusalCode;
use stripe_gateway_rules::ValidatedGateway;
use stripe_gateway_rules::codes::OperationLineCode;
use stripe_gateway_rules::codes::RequestCode;
use stripe_gateway_rules::operation::{LineError, LineId, OperationLine};
use stripe_gateway_rules::request::{IdempotencyLedger, RequestError};

/// The longest line read; a longer line is answered `invalid_input` without being stored.
pub const MAX_LINE: usize = 64 * 1024;

/// How many bytes of answers are gathered before they are written out.
const ANSWERS_BUFFER: usize = 64 * 1024;

/// How often (in lines) the progress callback runs.
pub const PROGRESS_EVERY: u64 = 16 * 1024;

/// What the run saw, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Lines read, blank ones included.
    pub lines: u64,
    /// Blank lines (skipped, not answered).
    pub blank: u64,
    /// Operations accepted.
    pub accepted: u64,
    /// Operations refused by the gateway's rules, by code (in `RefusalCode::ALL` order).
    pub refused_by_code: Vec<u64>,
    /// Lines that are not a valid operation (`invalid_input`).
    pub invalid: u64,
    /// Operations refused by Stripe's request rules (descriptors, metadata, descriptions,
    /// idempotency keys), by code (in `RequestCode::ALL` order).
    pub request_refused_by_code: Vec<u64>,
    /// Accepted operations answered with a warning (a retried idempotency key, …).
    pub warned: u64,
}

impl Summary {
    fn new() -> Self {
        Summary {
            lines: 0,
            blank: 0,
            accepted: 0,
            refused_by_code: vec![0; RefusalCode::ALL.len()],
            invalid: 0,
            request_refused_by_code: vec![0; RequestCode::ALL.len()],
            warned: 0,
        }
    }

    /// Operations refused by a rule (not counting invalid lines).
    pub fn refused(&self) -> u64 {
        self.refused_by_code.iter().sum::<u64>() + self.request_refused_by_code.iter().sum::<u64>()
    }

    /// The refusal codes seen, with their counts, most frequent first.
    pub fn by_code(&self) -> Vec<(&'static str, u64)> {
        let mut codes: Vec<(&'static str, u64)> = RefusalCode::ALL
            .iter()
            .zip(&self.refused_by_code)
            .filter(|(_, n)| **n > 0)
            .map(|(c, n)| (c.as_str(), *n))
            .chain(
                RequestCode::ALL
                    .iter()
                    .zip(&self.request_refused_by_code)
                    .filter(|(_, n)| **n > 0)
                    .map(|(c, n)| (c.as_str(), *n)),
            )
            .collect();
        codes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        codes
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "lines read: {} ({} blank), accepted: {}, refused: {}",
            self.lines,
            self.blank,
            self.accepted,
            self.refused()
        )?;
        let codes = self.by_code();
        if !codes.is_empty() {
            f.write_str(" (")?;
            for (i, (code, n)) in codes.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{code}: {n}")?;
            }
            f.write_str(")")?;
        }
        write!(f, ", invalid lines: {}", self.invalid)?;
        if self.warned > 0 {
            write!(f, ", accepted with a warning: {}", self.warned)?;
        }
        Ok(())
    }
}

/// Options of a run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Answer only the lines that are not accepted (and those accepted with a warning).
    pub only_refused: bool,
    /// The most idempotency keys the run compares ([`IdempotencyLedger`]): at most
    /// `BYTES_PER_KEY` (64) bytes each.
    pub max_idempotency_keys: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            only_refused: false,
            max_idempotency_keys: IdempotencyLedger::DEFAULT_MAX_KEYS,
        }
    }
}

/// What a line's answer says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Accepted.
    Accepted,
    /// Accepted, with a warning.
    Warned,
    /// Refused, or not a valid operation.
    Refused,
}

/// The state of a run besides its summary: the idempotency keys seen, and whether the
/// warning about an unknown prefix was given.
#[derive(Debug)]
pub struct RunState {
    /// The run's idempotency keys.
    pub ledger: IdempotencyLedger,
    /// Whether a line was already told that the account's prefix is unknown.
    pub prefix_warned: bool,
}

impl RunState {
    /// A new run's state.
    pub fn new(options: Options) -> Self {
        RunState {
            ledger: IdempotencyLedger::new(options.max_idempotency_keys),
            prefix_warned: false,
        }
    }
}

/// Checks every line of `input` against `gateway`, writing one answer per non-blank line to
/// `out`. `progress` is called with the bytes read so far every [`PROGRESS_EVERY`] lines.
///
/// # Errors
///
/// Reading `input` or writing `out` failed.
pub fn run(
    gateway: &ValidatedGateway,
    mut input: impl BufRead,
    out: &mut impl Write,
    options: Options,
    mut progress: impl FnMut(u64),
) -> io::Result<Summary> {
    let mut buf = Vec::with_capacity(4096);
    // The answers, written to `out` about every `ANSWERS_BUFFER` bytes: each line's answer is
    // written here, and dropped again when it is not to be written.
    let mut answer = Vec::with_capacity(ANSWERS_BUFFER + 1024);
    let mut summary = Summary::new();
    let mut state = RunState::new(options);
    let mut bytes_read = 0u64;
    loop {
        let start = answer.len();
        // Fast path: the whole line is in the reader's buffer; it is read in place.
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        let accepted = match memchr::memchr(b'\n', chunk) {
            Some(end) if end <= MAX_LINE => {
                summary.lines += 1;
                let accepted = answer_line(
                    gateway,
                    &chunk[..end],
                    false,
                    (&mut summary, &mut state),
                    &mut answer,
                );
                input.consume(end + 1);
                bytes_read += end as u64 + 1;
                accepted
            }
            _ => {
                // Slow path: a line longer than the buffer holds (or than MAX_LINE), or the
                // last line without a newline.
                let Some((too_long, consumed)) = read_line_capped(&mut input, &mut buf)? else {
                    break;
                };
                summary.lines += 1;
                bytes_read += consumed as u64;
                answer_line(
                    gateway,
                    &buf,
                    too_long,
                    (&mut summary, &mut state),
                    &mut answer,
                )
            }
        };
        if summary.lines % PROGRESS_EVERY == 0 {
            progress(bytes_read);
        }
        let keep = matches!(accepted, Some(Answer::Refused | Answer::Warned))
            || (accepted == Some(Answer::Accepted) && !options.only_refused);
        if !keep {
            answer.truncate(start);
        } else if answer.len() >= ANSWERS_BUFFER {
            out.write_all(&answer)?;
            answer.clear();
        }
    }
    out.write_all(&answer)?;
    progress(bytes_read);
    out.flush()?;
    Ok(summary)
}

/// Answers one line (its bytes without the newline) into `answer`: `Some(answer)`, or `None`
/// for a blank line (skipped, no answer).
fn answer_line(
    gateway: &ValidatedGateway,
    bytes: &[u8],
    too_long: bool,
    (summary, state): (&mut Summary, &mut RunState),
    answer: &mut Vec<u8>,
) -> Option<Answer> {
    let line_no = summary.lines;
    if too_long {
        summary.invalid += 1;
        refused_line(
            answer,
            line_no,
            None,
            OperationLineCode::InvalidInput.as_str(),
            format_args!("invalid operation: the line is longer than {MAX_LINE} bytes"),
        );
        return Some(Answer::Refused);
    }
    let line = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    // A byte order mark at the start of the file (Windows editors write one).
    let line = if line_no == 1 {
        line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line)
    } else {
        line
    };
    if line.trim_ascii().is_empty() {
        summary.blank += 1;
        return None;
    }
    // Read as bytes: the parser checks UTF-8 itself, only where the line needs it.
    Some(check_line(gateway, line, line_no, (summary, state), answer))
}

/// Checks one non-blank line and writes its answer into `answer`.
pub fn check_line(
    gateway: &ValidatedGateway,
    line: &[u8],
    line_no: u64,
    (summary, state): (&mut Summary, &mut RunState),
    answer: &mut Vec<u8>,
) -> Answer {
    // Matched by reference: the parsed line and the operation are large, and moving them
    // out of their `Result`s would copy them.
    let parsed = OperationLine::parse_bytes(line);
    let line = match &parsed {
        Ok(line) => line,
        Err(e) => {
            // The strict parse failed: the id is found by a tolerant scan.
            let id = OperationLine::scan_id(line);
            line_error(answer, line_no, id.as_ref(), e, summary);
            return Answer::Refused;
        }
    };
    let operation = line.operation();
    let op = match &operation {
        Ok(op) => op,
        Err(e) => {
            line_error(answer, line_no, line.id(), e, summary);
            return Answer::Refused;
        }
    };
    if let Err(e) = line.check_request(gateway.statement_descriptor_prefix()) {
        return request_refused(answer, line_no, line, &e, summary);
    }
    match gateway.check(op) {
        Ok(()) => {
            // The run as a whole: only a request Stripe would execute records its key.
            let warning = match line.record_key(&mut state.ledger, line_no) {
                Ok(warning) => warning,
                Err(e) => return request_refused(answer, line_no, line, &e, summary),
            };
            let warning = warning.or_else(|| prefix_unknown(gateway, line, state));
            summary.accepted += 1;
            head(answer, line_no, line.id());
            match warning {
                None => {
                    answer.extend_from_slice(b"\"ok\":true}\n");
                    Answer::Accepted
                }
                Some(w) => {
                    summary.warned += 1;
                    answer.extend_from_slice(b"\"ok\":true,\"warnings\":[{");
                    request_error_fields(answer, &w);
                    answer.extend_from_slice(b"}]}\n");
                    Answer::Warned
                }
            }
        }
        Err(refusal) => {
            let code = refusal.code();
            if let Some(i) = RefusalCode::ALL.iter().position(|c| *c == code) {
                summary.refused_by_code[i] += 1;
            }
            head(answer, line_no, line.id());
            answer.extend_from_slice(b"\"ok\":false,\"code\":\"");
            answer.extend_from_slice(code.as_str().as_bytes());
            answer.extend_from_slice(b"\",\"message\":");
            json_string(answer, format_args!("{refusal}"));
            answer.extend_from_slice(b",\"end_user_message\":");
            json_string(answer, format_args!("{}", refusal.end_user_message()));
            answer.extend_from_slice(b",\"params\":{");
            for (i, (name, value)) in refusal.params().enumerate() {
                if i > 0 {
                    answer.push(b',');
                }
                // A param's name is a snake_case identifier: nothing to escape.
                answer.push(b'"');
                answer.extend_from_slice(name.as_bytes());
                answer.extend_from_slice(b"\":");
                json_string(answer, format_args!("{value}"));
            }
            answer.extend_from_slice(b"}}\n");
            Answer::Refused
        }
    }
}

/// The answer to a line that is not a valid operation: `invalid_input`, or the rule's code of
/// an amount beyond any decimal (`amount_too_large`, counted with the refusals).
fn line_error(
    answer: &mut Vec<u8>,
    line_no: u64,
    id: Option<&LineId<'_>>,
    e: &LineError,
    summary: &mut Summary,
) {
    let code = e.code().as_str();
    match RefusalCode::ALL.iter().position(|c| c.as_str() == code) {
        Some(i) => summary.refused_by_code[i] += 1,
        None => summary.invalid += 1,
    }
    refused_line(answer, line_no, id, code, format_args!("{e}"));
}

/// The warning, once per run, that a suffix is checked on its own: the configuration states
/// neither the account's prefix nor its static descriptor (rules §13).
fn prefix_unknown(
    gateway: &ValidatedGateway,
    line: &OperationLine<'_>,
    state: &mut RunState,
) -> Option<RequestError> {
    if state.prefix_warned
        || gateway.statement_descriptor_prefix().is_some()
        || !line.has_statement_descriptor_suffix()
    {
        return None;
    }
    state.prefix_warned = true;
    Some(RequestError::prefix_unknown())
}

/// Writes a request error's answer (`ok` false) and counts it.
fn request_refused(
    answer: &mut Vec<u8>,
    line_no: u64,
    line: &OperationLine<'_>,
    e: &RequestError,
    summary: &mut Summary,
) -> Answer {
    if let Some(i) = RequestCode::ALL.iter().position(|c| *c == e.code()) {
        summary.request_refused_by_code[i] += 1;
    }
    head(answer, line_no, line.id());
    answer.extend_from_slice(b"\"ok\":false,");
    request_error_fields(answer, e);
    answer.extend_from_slice(b"}\n");
    Answer::Refused
}

/// A request error's fields, without braces: `code`, `message`, `field`, `remedy`, and
/// `earlier_line` for a reused or retried idempotency key. Its message never holds the value.
fn request_error_fields(answer: &mut Vec<u8>, e: &RequestError) {
    answer.extend_from_slice(b"\"code\":\"");
    answer.extend_from_slice(e.code().as_str().as_bytes());
    answer.extend_from_slice(b"\",\"message\":");
    json_string(answer, format_args!("{e}"));
    answer.extend_from_slice(b",\"field\":\"");
    answer.extend_from_slice(e.field().as_str().as_bytes());
    answer.extend_from_slice(b"\",\"remedy\":");
    json_string(answer, format_args!("{}", e.remedy()));
    if let Some(n) = e.earlier_line() {
        answer.extend_from_slice(b",\"earlier_line\":");
        push_u64(answer, n);
    }
}

/// `{"line":N,` and the `id` when there is one: a number as written, a string (or a number
/// cut because it holds something secret-shaped) as [`LineId`]'s `Display` shows it.
fn head(answer: &mut Vec<u8>, line_no: u64, id: Option<&LineId<'_>>) {
    answer.extend_from_slice(b"{\"line\":");
    push_u64(answer, line_no);
    answer.push(b',');
    if let Some(id) = id {
        answer.extend_from_slice(b"\"id\":");
        // An id that `Display` shows whole is its text: written without `fmt`.
        match id {
            _ if id.is_truncated() => json_string(answer, format_args!("{id}")),
            LineId::Number(n) => answer.extend_from_slice(n.as_bytes()),
            LineId::Text(t) => json_str(answer, t),
            _ => json_string(answer, format_args!("{id}")),
        }
        answer.push(b',');
    }
}

/// Writes `n` in decimal without going through `fmt`, two digits at a time.
fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    /// "00" to "99".
    const PAIRS: [[u8; 2]; 100] = {
        let mut pairs = [[0u8; 2]; 100];
        let mut i = 0;
        while i < 100 {
            pairs[i] = [b'0' + (i / 10) as u8, b'0' + (i % 10) as u8];
            i += 1;
        }
        pairs
    };
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    while n >= 100 {
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[(n % 100) as usize]);
        n /= 100;
    }
    if n >= 10 {
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[n as usize]);
    } else {
        i -= 1;
        digits[i] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[i..]);
}

fn refused_line(
    answer: &mut Vec<u8>,
    line_no: u64,
    id: Option<&LineId<'_>>,
    code: &str,
    message: fmt::Arguments<'_>,
) {
    head(answer, line_no, id);
    answer.extend_from_slice(b"\"ok\":false,\"code\":\"");
    answer.extend_from_slice(code.as_bytes());
    answer.extend_from_slice(b"\",\"message\":");
    json_string(answer, message);
    answer.extend_from_slice(b"}\n");
}

/// Writes `text` as a JSON string. The text is written as it is formatted, then checked once
/// for bytes JSON escapes (`"`, `\\`, control characters, [`needs_escape`]); only a text that
/// holds one is rewritten, escaped.
pub(crate) fn json_string(out: &mut Vec<u8>, text: fmt::Arguments<'_>) {
    struct Raw<'a>(&'a mut Vec<u8>);
    impl fmt::Write for Raw<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0.extend_from_slice(s.as_bytes());
            Ok(())
        }
    }
    out.push(b'"');
    let start = out.len();
    let _ = Raw(out).write_fmt(text);
    if needs_escape(&out[start..]) {
        let raw = out.split_off(start);
        escape_into(out, &raw);
    }
    out.push(b'"');
}

/// Writes `text` as a JSON string, as [`json_string`] does.
pub(crate) fn json_str(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    if needs_escape(text.as_bytes()) {
        escape_into(out, text.as_bytes());
    } else {
        out.extend_from_slice(text.as_bytes());
    }
    out.push(b'"');
}

/// Whether `text` holds a byte JSON escapes (`"`, `\\`, a control character): eight bytes at
/// a time, each test setting the high bit of a byte that matches (and possibly of bytes above
/// a match, never without one).
fn needs_escape(text: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    let special = |x: u64| {
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | x.wrapping_sub(ONES * 0x20) & !x)
            & HIGHS
            != 0
    };
    let mut words = text.chunks_exact(8);
    if words
        .by_ref()
        .any(|w| special(u64::from_le_bytes(w.try_into().unwrap_or_default())))
    {
        return true;
    }
    let rest = words.remainder();
    if rest.is_empty() {
        return false;
    }
    // The last bytes: the text's last eight when it has eight (bytes tested again give the
    // same answer; no copy), else padded with spaces (which need no escape).
    let last = match text.last_chunk::<8>() {
        Some(tail) => *tail,
        None => {
            let mut last = [b' '; 8];
            last[..rest.len()].copy_from_slice(rest);
            last
        }
    };
    special(u64::from_le_bytes(last))
}

/// Appends `raw` with JSON's escapes.
#[cold]
fn escape_into(out: &mut Vec<u8>, raw: &[u8]) {
    for &b in raw {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0..0x20 => {
                let _ = write!(out, "\\u{b:04x}");
            }
            _ => out.push(b),
        }
    }
}

/// Reads one line (without its `\n`) into `buf`, keeping at most [`MAX_LINE`] bytes; the rest
/// of a longer line is skipped. Returns `None` at the end of input, else whether the line was
/// too long and how many bytes it took. A final line without `\n` counts.
fn read_line_capped(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
) -> io::Result<Option<(bool, usize)>> {
    buf.clear();
    let mut too_long = false;
    let mut read_any = false;
    let mut consumed = 0;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(read_any.then_some((too_long, consumed)));
        }
        read_any = true;
        let (part, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        if !too_long {
            if buf.len() + part.len() > MAX_LINE {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = done.unwrap_or(chunk.len());
        input.consume(used);
        consumed += used;
        if done.is_some() {
            return Ok(Some((too_long, consumed)));
        }
    }
}
