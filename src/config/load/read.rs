//! The configuration file as a whole: what makes it unreadable (not UTF-8, not JSON, not
//! an object, too large, too deep), then the walk of [`crate::reader`] with the field
//! tables, each problem kept as a violation at its path (feature `serde`).

use super::errors::ConfigFileError;
use super::table::*;
use super::*;
use crate::codes::ConfigFileCode;
use crate::diagnostics::Path;
use crate::input::{AnyForm, Form, kind_of};
use serde_json::value::RawValue;

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

fn is_json_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Where lists and objects first nest deeper than [`MAX_CONFIG_DEPTH`], if they do.
fn too_deep_at(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_CONFIG_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// [`Form::from_json_slice`]: UTF-8 first.
pub(in crate::config) fn from_slice(bytes: &[u8]) -> Result<Loaded, ConfigFileError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_json(text),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            Err(ConfigFileError::new(
                ConfigFileCode::NotUtf8,
                "not UTF-8 text: save the file as UTF-8",
                position(valid, valid.len()),
            ))
        }
    }
}

/// [`Form::from_json`].
pub(in crate::config) fn from_json(json: &str) -> Result<Loaded, ConfigFileError> {
    if json.len() > MAX_CONFIG_LEN {
        return Err(ConfigFileError::new(
            ConfigFileCode::TooLarge,
            format!(
                "the file has {} bytes, more than the {MAX_CONFIG_LEN} a configuration may have",
                json.len()
            ),
            (0, 0),
        ));
    }
    // A byte-order mark is invisible in an editor: positions are counted after it.
    let text = json.strip_prefix('\u{feff}').unwrap_or(json);
    let start = text
        .bytes()
        .position(|b| !is_json_whitespace(b))
        .unwrap_or(text.len());
    match text.as_bytes().get(start) {
        None => {
            return Err(ConfigFileError::new(
                ConfigFileCode::NotJson,
                "the file is empty: expected a JSON object ({ … })",
                position(text, start),
            ));
        }
        Some(b'{') => {}
        Some(_) => {
            return Err(ConfigFileError::new(
                ConfigFileCode::NotAnObject,
                "expected a JSON object ({ … }) at the top level",
                position(text, start),
            ));
        }
    }
    if let Some(at) = too_deep_at(text) {
        return Err(ConfigFileError::new(
            ConfigFileCode::TooDeep,
            format!(
                "lists and objects are nested more than {MAX_CONFIG_DEPTH} deep; a configuration needs 3"
            ),
            position(text, at),
        ));
    }
    let raw: &RawValue =
        serde_json::from_str(text).map_err(|e| ConfigFileError::from_json_error(&e))?;
    let mut loader = config_loader();
    let file: AnyForm = loader.members(&Path::root(), raw, GATEWAY);
    let kind = kind_of(file.platform.as_deref().unwrap_or_default());
    Ok(Loaded {
        form: Form::of_kind(file.clone(), kind),
        file,
        report: loader.into_found().into_iter().collect(),
    })
}
