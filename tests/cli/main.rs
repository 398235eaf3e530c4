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

fn fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/articles")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn extract_json_gives_the_contract_fields() {
    let output = Sandbox::new().run(&[
        "extract",
        "--json",
        &fixture("harbour-courier-port-strike.html"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    for key in ["title", "byline", "date", "site", "url", "language", "text"] {
        assert!(
            keys.contains(&key.to_string()),
            "{key} missing from {keys:?}"
        );
    }
    assert_eq!(
        json["title"],
        "Dockworkers strike shuts Port Hallam for second day"
    );
    assert_eq!(json["date"], "2026-03-14T09:40:00+00:00");
    let text = json["text"].as_str().unwrap();
    assert!(
        text.contains(
            "forty ships waiting at anchor outside the breakwater.\n\n“We are not going back"
        ),
        "paragraphs must be separated by one blank line"
    );
}

#[test]
fn extract_of_a_text_file_keeps_the_text_exactly_and_nulls_what_is_unknown() {
    let path = fixture("gulf-wire-talks.txt");
    let output = Sandbox::new().run(&["extract", "--json", &path]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["text"], std::fs::read_to_string(&path).unwrap());
    assert_eq!(json["date"], serde_json::Value::Null);
}

#[test]
fn extract_of_a_bad_file_exits_1_naming_the_file_and_the_problem() {
    let path = fixture("image-named-article.txt");
    let output = Sandbox::new().run(&["extract", "--json", &path]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output).trim(),
        format!("sourcelens extract: {path}: is binary data, not text (it looks like image/png)")
    );
}

#[test]
fn extract_refuses_files_over_the_configured_cap() {
    let output = Sandbox::new().run(&[
        "--max-file-mb",
        "0",
        "extract",
        &fixture("gulf-wire-talks.txt"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("over the 0 bytes limit"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn extract_of_a_url_explains_that_fetching_is_not_built_yet() {
    let output = Sandbox::new().run(&["extract", "--json", "https://harbourcourier.example/a"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("fetching articles from the web is not available"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn extract_refuses_non_web_addresses() {
    let output = Sandbox::new().run(&["extract", "file:///etc/passwd"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("only fetches http and https"),
        "{}",
        stderr(&output)
    );
}
