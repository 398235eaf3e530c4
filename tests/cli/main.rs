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

/// Asserts that a run failed with exit code 1 and said `message`.
fn assert_failed_with(output: &Output, message: &str) {
    let said = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains(message), "expected {message:?} in: {said}");
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
    assert_failed_with(&output, "over the 0 bytes limit");
}

#[test]
fn extract_of_a_url_explains_that_fetching_is_not_built_yet() {
    let output = Sandbox::new().run(&["extract", "--json", "https://harbourcourier.example/a"]);
    assert_failed_with(&output, "fetching articles from the web is not available");
}

#[test]
fn extract_refuses_non_web_addresses() {
    let output = Sandbox::new().run(&["extract", "file:///etc/passwd"]);
    assert_failed_with(&output, "only fetches http and https");
}

// ---- the library: import, show, export, import-bundle, delete, backup ----

/// Writes `count` distinct articles (the fixture page with a numbered
/// paragraph, `padding` sentences long) into `dir` and returns their paths.
fn distinct_pages(dir: &std::path::Path, count: usize, padding: usize) -> Vec<String> {
    let page = std::fs::read_to_string(fixture("harbour-courier-port-strike.html")).unwrap();
    (0..count)
        .map(|i| {
            let path = dir.join(format!("page-{i:04}.html"));
            let extra = format!(
                "<p>Update {i}: the harbour master said that berth {i} would reopen once the inspectors had signed off the repairs.{}</p>",
                format!(" Crews on berth {i} worked through the night.").repeat(padding)
            );
            std::fs::write(&path, page.replace("<div class=\"story-body\">", &format!("<div class=\"story-body\">{extra}"))).unwrap();
            path.display().to_string()
        })
        .collect()
}

#[test]
fn import_then_show_lists_the_articles_with_their_outlets() {
    let sandbox = Sandbox::new();
    let output = sandbox.run(&[
        "import",
        "--comparison",
        "Port strike",
        &fixture("harbour-courier-port-strike.html"),
        &fixture("gulf-wire-talks.txt"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let shown = sandbox.run(&["show", "port strike", "--json"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let json: serde_json::Value = serde_json::from_str(&stdout(&shown)).unwrap();
    let outlets: Vec<_> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["outlet"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(outlets, ["The Harbour Courier", "gulf-wire-talks"]);
    assert_eq!(
        json["articles"][0]["title"],
        "Dockworkers strike shuts Port Hallam for second day"
    );
}

#[test]
fn a_bad_input_in_an_import_is_reported_and_the_rest_are_stored() {
    let sandbox = Sandbox::new();
    let output = sandbox.run(&[
        "import",
        "--comparison",
        "Port strike",
        "--outlet",
        "Courier",
        &fixture("image-named-article.txt"),
        &fixture("harbour-courier-port-strike.html"),
    ]);
    assert_failed_with(&output, "image-named-article.txt: is binary data");
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(&sandbox.run(&["list", "--json"]))).unwrap();
    assert_eq!(listed[0]["articleCount"], 1);
    assert_eq!(listed[0]["outlets"], serde_json::json!(["Courier"]));
}

#[test]
fn export_and_import_bundle_move_a_comparison_between_libraries() {
    let (from, to) = (Sandbox::new(), Sandbox::new());
    from.run(&[
        "import",
        "--comparison",
        "Port strike",
        &fixture("harbour-courier-port-strike.html"),
    ]);
    let bundle = from.dir.path().join("strike.json");
    let exported = from.run(&[
        "export",
        "Port strike",
        "--bundle",
        bundle.to_str().unwrap(),
    ]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let imported = to.run(&["import-bundle", bundle.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert_eq!(
        stdout(&to.run(&["show", "Port strike"])),
        stdout(&from.run(&["show", "Port strike"]))
    );

    let again = to.run(&["import-bundle", bundle.to_str().unwrap()]);
    assert_failed_with(&again, "--keep-both");
    assert!(to
        .run(&["import-bundle", "--keep-both", bundle.to_str().unwrap()])
        .status
        .success());
    assert!(stdout(&to.run(&["list"])).contains("Port strike (2)"));
}

#[test]
fn delete_removes_a_comparison_and_a_missing_one_is_an_error() {
    let sandbox = Sandbox::new();
    sandbox.run(&[
        "import",
        "--comparison",
        "Port strike",
        &fixture("gulf-wire-talks.txt"),
    ]);
    assert!(sandbox.run(&["delete", "Port strike"]).status.success());
    assert_eq!(stdout(&sandbox.run(&["list", "--json"])).trim(), "[]");
    let missing = sandbox.run(&["delete", "Port strike"]);
    assert_failed_with(&missing, "No comparison named “Port strike”");
}

#[test]
fn backup_then_restore_into_an_empty_directory() {
    let sandbox = Sandbox::new();
    sandbox.run(&[
        "import",
        "--comparison",
        "Port strike",
        &fixture("gulf-wire-talks.txt"),
    ]);
    let backup = sandbox.run(&["backup"]);
    assert!(backup.status.success(), "{}", stderr(&backup));
    let path = stdout(&backup).trim().to_string();
    let fresh = Sandbox::new();
    let restored = fresh.run(&["restore", &path]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(stdout(&fresh.run(&["list"])).contains("Port strike"));
}

/// Regression test for the worst case: a researcher's import killed half
/// way (a crash, a power cut, `kill -9`) must leave a library that opens,
/// with every listed comparison whole.
#[test]
fn an_import_killed_half_way_leaves_a_consistent_library() {
    use std::io::BufRead;
    let sandbox = Sandbox::new();
    Library::open(sandbox.dir.path())
        .unwrap()
        .create_comparison("Earlier work", "kept")
        .unwrap();
    let pages_dir = tempfile::tempdir().unwrap();
    let pages = distinct_pages(pages_dir.path(), 120, 1);
    let mut child = Command::new(env!("CARGO_BIN_EXE_sourcelens"))
        .arg("--data-dir")
        .arg(sandbox.dir.path())
        .args(["import", "--comparison", "Big import"])
        .args(&pages)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    for _ in 0..15 {
        lines.next().expect("the import reports progress").unwrap();
    }
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGKILL);
    }
    child.wait().unwrap();

    let library = Library::open(sandbox.dir.path()).unwrap();
    assert_eq!(
        library.consistency_problems().unwrap(),
        Vec::<String>::new()
    );
    for summary in library.list_comparisons().unwrap() {
        let open = library.open_comparison(&summary.name).unwrap();
        assert_eq!(open.articles.len(), summary.article_count as usize);
    }
    let big = library.open_comparison("Big import").unwrap();
    assert!(
        (15..120).contains(&big.articles.len()),
        "killed after {} of 120",
        big.articles.len()
    );
    assert_eq!(
        library.comparison("Earlier work").unwrap().description,
        "kept"
    );
}

/// A full disk is simulated with a file-size limit on the import process:
/// its writes fail with EFBIG as they would with ENOSPC.
#[test]
fn an_import_onto_a_full_disk_fails_cleanly_and_keeps_earlier_data() {
    use std::os::unix::process::CommandExt;
    let sandbox = Sandbox::new();
    assert!(sandbox
        .run(&[
            "import",
            "--comparison",
            "Earlier work",
            &fixture("gulf-wire-talks.txt")
        ])
        .status
        .success());
    let pages_dir = tempfile::tempdir().unwrap();
    // About 4 MB to write; the limit lets sled open (it may start a new
    // 512 KiB segment) but not take it all.
    let pages = distinct_pages(pages_dir.path(), 40, 1000);
    let limit = std::fs::metadata(sandbox.dir.path().join("library.sled/db"))
        .unwrap()
        .len()
        + 2 * 1024 * 1024;
    let mut command = Command::new(env!("CARGO_BIN_EXE_sourcelens"));
    command
        .arg("--data-dir")
        .arg(sandbox.dir.path())
        .args(["import", "--comparison", "Too much"])
        .args(&pages);
    unsafe {
        command.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let rlimit = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &rlimit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().unwrap();
    assert_ne!(
        output.status.code(),
        Some(0),
        "the import cannot succeed on a full disk"
    );
    let message = stderr(&output);
    assert!(!message.contains("panicked"), "{message}");
    assert!(
        message.contains("could not be read or written"),
        "{message}"
    );

    let library = Library::open(sandbox.dir.path()).unwrap();
    assert_eq!(
        library.consistency_problems().unwrap(),
        Vec::<String>::new()
    );
    let earlier = library.open_comparison("Earlier work").unwrap();
    assert_eq!(
        earlier.articles[0].text,
        std::fs::read_to_string(fixture("gulf-wire-talks.txt")).unwrap()
    );
}
