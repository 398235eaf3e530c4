//! End-to-end tests of the `sourcelens` binary: each runs the real command in
//! its own temporary library directory.

use std::process::{Command, Output};

use sourcelens_store::Library;

/// A temporary library and a way to run `sourcelens` against it.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sourcelens"))
            .arg("--data-dir")
            .arg(self.dir.path())
            .args(args)
            .env_remove("SOURCELENS_DATA_DIR")
            .output()
            .unwrap()
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn version_prints_the_package_version() {
    let output = Sandbox::new().run(&["--version"]);
    assert!(output.status.success());
    assert_eq!(
        stdout(&output).trim(),
        format!("sourcelens {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_lists_every_subcommand_of_the_contract() {
    let output = Sandbox::new().run(&["--help"]);
    assert!(output.status.success());
    let help = stdout(&output);
    for subcommand in [
        "extract",
        "analyze",
        "compare",
        "eval",
        "import",
        "list",
        "show",
        "export",
        "import-bundle",
        "delete",
        "fetch",
        "discover",
    ] {
        assert!(
            help.contains(&format!("  {subcommand} ")),
            "{subcommand} missing from:\n{help}"
        );
    }
    assert!(help.contains("--data-dir"));
}

#[test]
fn list_json_of_a_new_library_is_an_empty_array() {
    let output = Sandbox::new().run(&["list", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&output)).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn list_json_shows_what_the_library_holds() {
    let sandbox = Sandbox::new();
    Library::open(sandbox.dir.path())
        .unwrap()
        .create_comparison("Tanker seizure", "Gulf of Oman, 3 May")
        .unwrap();
    let output = sandbox.run(&["list", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let listed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(listed[0]["name"], "Tanker seizure");
    assert_eq!(listed[0]["description"], "Gulf of Oman, 3 May");
    assert_eq!(listed[0]["articleCount"], 0);
}

#[test]
fn the_data_dir_can_come_from_the_environment() {
    let sandbox = Sandbox::new();
    Library::open(sandbox.dir.path())
        .unwrap()
        .create_comparison("From env", "")
        .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_sourcelens"))
        .args(["list", "--json"])
        .env("SOURCELENS_DATA_DIR", sandbox.dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("From env"));
}

#[test]
fn a_library_open_elsewhere_gives_a_clear_error_not_a_panic() {
    let sandbox = Sandbox::new();
    let _held = Library::open(sandbox.dir.path()).unwrap();
    let output = sandbox.run(&["list"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("already open with this library"),
        "{message}"
    );
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn subcommands_not_built_yet_exit_2_and_say_so() {
    let sandbox = Sandbox::new();
    for args in [
        &["analyze", "--json", "a.txt"][..],
        &["eval", "polnear", "data"][..],
        &["fetch", "https://example.org/"][..],
    ] {
        let output = sandbox.run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains("not available in this build"),
            "{args:?}: {message}"
        );
        assert!(!message.contains("panicked"), "{args:?}: {message}");
    }
}

#[test]
fn a_missing_required_argument_is_a_usage_error() {
    let output = Sandbox::new().run(&["analyze"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("required"));
}
