//! `schema`: the JSON Schema (draft 2020-12) of the configuration file, the library's
//! [`stripe_gateway_rules::config::schema`], read off the one declaration of the fields and
//! the loader's tables.
//!
//! The schema describes the file's shape (fields, JSON types, the keywords of closed
//! choices); the values' rules (key prefixes, minimums, versions…) are `check-config`'s.
//! `schema --platform P` narrows it to P's form: the fields its profile has, the ones it
//! requires, its auth schemes, and its own labels as titles.

use std::io::Write;
use std::process::ExitCode;

use stripe_gateway_rules::config::schema::{json_schema, json_schema_of_every_form};
use stripe_gateway_rules::profile::Platform;

/// `schema [--platform P]`.
pub fn run(platform: Option<Platform>) -> ExitCode {
    let schema = platform.map_or_else(json_schema_of_every_form, |p| json_schema(&p.profile()));
    let mut out = std::io::stdout().lock();
    if serde_json::to_writer_pretty(&mut out, &schema).is_err() || writeln!(out).is_err() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
