//! Shared by the tests that run the example programs.

use std::path::PathBuf;
use std::process::Command;

/// A command running the example `name`: its binary when `cargo test` built it next to the
/// test binaries (`target/<profile>/examples/`), else `cargo run --example`.
pub fn example(name: &str) -> Command {
    let built = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("examples").join(name)))
        .filter(|path| path.exists());
    match built {
        Some(path) => Command::new(path),
        None => {
            let mut cmd = Command::new(env!("CARGO"));
            cmd.args(["run", "--quiet", "--all-features", "--example", name, "--"]);
            cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
            cmd
        }
    }
}

/// A path inside the crate.
pub fn path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A fresh scratch file path for this test process.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sgr-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}
