//! Checks credentials the way a platform's settings form would, and prints what is wrong.
//!
//! `cargo run --example credentials -- sk_live_... pk_live_... acct_...`

use std::process::ExitCode;

use stripe_gateway_rules::{
    credentials::AccountId, credentials::PublishableKey, credentials::SecretKey,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: credentials VALUE...  (secret keys, publishable keys or account ids)");
        return ExitCode::from(2);
    }
    let mut ok = true;
    for arg in &args {
        // Try the slot the value claims by its prefix; report in that slot's terms.
        let line = if arg.starts_with("pk_") {
            arg.parse::<PublishableKey>()
                .map(|k| format!("publishable key, {} mode: {k}", k.mode()))
        } else if arg.starts_with("acct_") {
            arg.parse::<AccountId>().map(|a| format!("account id: {a}"))
        } else {
            arg.parse::<SecretKey>().map(|k| {
                let kind = if k.is_restricted() {
                    "restricted"
                } else {
                    "secret"
                };
                format!("{kind} key, {} mode: {}", k.mode(), k.redacted())
            })
        };
        match line {
            Ok(line) => println!("ok    {line}"),
            Err(err) => {
                ok = false;
                println!("error {err}");
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
