//! End-to-end tests of the `sourcelens` binary: each runs the real command in
//! its own temporary library directory.

#[path = "../support/serve.rs"]
mod serve;
mod offsets;
mod quality;
mod web;

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
            // Nothing in these tests may reach the internet: the real
            // services' defaults are replaced by a closed local port, and
            // tests that need them pass their local server instead.
            .env("SOURCELENS_WAYBACK_URL", "http://127.0.0.1:9/")
            .env("SOURCELENS_GDELT_URL", "http://127.0.0.1:9/")
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

// ---- analyze ----

fn analyzed(inputs: &[&str]) -> (Output, serde_json::Value) {
    let mut args = vec!["analyze", "--json"];
    args.extend_from_slice(inputs);
    let output = Sandbox::new().run(&args);
    let json = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|e| panic!("{e}: {}", stdout(&output)));
    (output, json)
}

fn source<'j>(article: &'j serde_json::Value, name: &str) -> &'j serde_json::Value {
    article["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no source {name:?} in {}", article["sources"]))
}

const TALKS: &str = "meridian-talks-attribution.txt";

#[test]
fn analyze_offsets_index_the_text_file_in_chars() {
    let path = fixture(TALKS);
    let (output, json) = analyzed(&[&path]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text: Vec<char> = std::fs::read_to_string(&path).unwrap().chars().collect();
    let slice = |v: &serde_json::Value| -> String {
        text[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    let article = &json["articles"][0];
    assert_eq!(article["path"], path.as_str());
    let mut mentions = 0;
    for source in article["sources"].as_array().unwrap() {
        for mention in source["mentions"].as_array().unwrap() {
            assert_eq!(slice(mention), mention["text"].as_str().unwrap());
            if !mention["cue"].is_null() {
                assert_eq!(
                    slice(&mention["cue"]),
                    mention["cue"]["text"].as_str().unwrap()
                );
            }
            mentions += 1;
        }
    }
    assert!(mentions >= 10, "{mentions} mentions");
}

#[test]
fn analyze_finds_quoted_and_paraphrased_people_with_inversions() {
    let (_, json) = analyzed(&[&fixture(TALKS)]);
    let article = &json["articles"][0];
    let okonjo = source(article, "Marta Okonjo");
    assert_eq!(okonjo["kind"], "person");
    // "“There is no agreement…,” said Marta Okonjo": an inverted cue.
    assert_eq!(okonjo["mentions"][0]["cue"]["text"], "said");
    assert_eq!(okonjo["mentions"][0]["attribution"], "direct_quote");
    // "She added that…": the pronoun is Okonjo, paraphrased.
    assert_eq!(okonjo["mentions"][1]["text"], "She");
    assert_eq!(okonjo["mentions"][1]["attribution"], "indirect");
}

#[test]
fn analyze_resolves_a_role_noun_to_the_named_source_and_keeps_its_aliases() {
    let (_, json) = analyzed(&[&fixture(TALKS)]);
    let reyes = source(&json["articles"][0], "Anton Reyes");
    let aliases: Vec<_> = reyes["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    for alias in ["Foreign Minister Anton Reyes", "Reyes", "the minister"] {
        assert!(aliases.contains(&alias), "{alias} not in {aliases:?}");
    }
    let cues: Vec<_> = reyes["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["cue"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(cues, ["said", "told", "wrote"]);
}

#[test]
fn analyze_gives_anonymous_documents_media_and_bodies_their_kinds() {
    let (_, json) = analyzed(&[&fixture(TALKS)]);
    let article = &json["articles"][0];
    let diplomats = source(article, "Two diplomats familiar with the negotiations");
    assert_eq!(diplomats["kind"], "anonymous");
    assert_eq!(
        diplomats["aliases"],
        serde_json::json!(["One of them"]),
        "“one of them warned” is one of the diplomats"
    );
    assert_eq!(
        source(article, "United Nations mission in Valmora")["mentions"][0]["cue"]["text"],
        "According to"
    );
    assert_eq!(source(article, "VTV")["kind"], "media_outlet");
    assert_eq!(
        source(article, "report by the International Crisis Observatory")["kind"],
        "document"
    );
    assert_eq!(
        source(article, "government")["mentions"][0]["cue"]["text"],
        "denied"
    );
}

#[test]
fn analyze_does_not_make_sources_of_people_only_talked_about() {
    let path = fixture(TALKS);
    let (_, json) = analyzed(&[&path]);
    let text = std::fs::read_to_string(&path).unwrap();
    let sentence = "Reyes and Okonjo met briefly in the lobby";
    let start = text[..text.find(sentence).unwrap()].chars().count() as u64;
    for source in json["articles"][0]["sources"].as_array().unwrap() {
        for mention in source["mentions"].as_array().unwrap() {
            assert!(
                mention["start"].as_u64().unwrap() < start,
                "{mention} is in a sentence that attributes nothing"
            );
        }
    }
}

#[test]
fn analyze_explain_names_the_pass_behind_each_source_and_each_dropped_candidate() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("statement.txt");
    std::fs::write(
        &article,
        "Two states accuse Iran\n\nIn a joint statement on Friday, Germany and Belgium accused \
         Iran of planning the attack. They said two suspects had been arrested. However, 63 percent \
         said the claims were credible, a poll found.",
    )
    .unwrap();
    let output = Sandbox::new().run(&["analyze", "--explain", article.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stdout(&output);
    for expected in [
        "German government (government_body)",
        "Belgian government (government_body)",
        "split into its conjuncts",
        "paired with the cue “accused”",
        "Candidates that are no source:",
        "dropped: names nobody",
    ] {
        assert!(said.contains(expected), "expected {expected:?} in:\n{said}");
    }
    let json = Sandbox::new().run(&["analyze", "--explain", "--json", article.to_str().unwrap()]);
    assert_eq!(json.status.code(), Some(2), "--explain and --json are exclusive");
}

#[test]
fn analyze_says_a_language_is_unsupported_instead_of_inventing_sources() {
    let dir = tempfile::tempdir().unwrap();
    let russian = dir.path().join("ru.txt");
    std::fs::write(
        &russian,
        "Министр иностранных дел заявил во вторник, что переговоры о прекращении огня зашли в тупик. \
         «Мы приехали подписывать, а не начинать заново», — сказал он журналистам.",
    )
    .unwrap();
    let (output, json) = analyzed(&[russian.to_str().unwrap(), &fixture("gulf-wire-talks.txt")]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json["errors"][0]["code"], "unsupported_language");
    assert!(json["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("English only"));
    assert_eq!(
        json["articles"].as_array().unwrap().len(),
        1,
        "the English article is still analysed"
    );
}

#[test]
fn analyze_reports_a_bad_input_and_analyses_the_rest() {
    let (output, json) = analyzed(&[&fixture("image-named-article.txt"), &fixture(TALKS)]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json["errors"][0]["code"], "binary");
    assert_eq!(json["articles"][0]["path"], fixture(TALKS).as_str());
}

// ---- compare and show ----

fn valmora(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/events/valmora")
        .join(name)
        .display()
        .to_string()
}

const VALMORA: [&str; 4] = [
    "northern-voice.txt",
    "capital-daily.txt",
    "meridian-wire.txt",
    "harbour-courier-wire.txt",
];

#[test]
fn compare_json_gives_the_matrix_of_the_contract() {
    let paths: Vec<String> = VALMORA.iter().map(|f| valmora(f)).collect();
    let mut args = vec!["compare", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let output = Sandbox::new().run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 4);
    let rows = json["matrix"]["sources"].as_array().unwrap();
    let reyes = rows.iter().find(|r| r["name"] == "Anton Reyes").unwrap();
    assert_eq!(reyes["id"], "person:anton-reyes");
    let cell = &reyes["cells"][paths[1].as_str()];
    assert_eq!(cell["included"], true);
    assert_eq!(cell["attribution"], "both");
    assert!(cell["quoted_words"].as_u64().unwrap() > 0);
    assert_eq!(reyes["cells"][paths[0].as_str()]["included"], false);
    let omissions = json["matrix"]["omissions"].as_array().unwrap();
    assert!(omissions
        .iter()
        .any(|o| o["source"] == "person:anton-reyes" && o["article"] == paths[0].as_str()));
    let copies = json["matrix"]["wire_copies"].as_array().unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(
        (copies[0]["a"].as_str(), copies[0]["b"].as_str()),
        (Some(paths[2].as_str()), Some(paths[3].as_str()))
    );
}

#[test]
fn compare_csv_has_one_row_per_source_and_article() {
    let paths: Vec<String> = VALMORA.iter().map(|f| valmora(f)).collect();
    let mut args = vec!["compare", "--csv"];
    args.extend(paths.iter().map(String::as_str));
    let output = Sandbox::new().run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "source_id,source_name,kind,article,outlet,included,attribution,mentions,quoted_words"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(
        rows.len() % 4,
        0,
        "every source has a row for each of the 4 articles"
    );
    assert!(rows.iter().any(
        |r| r.starts_with("person:marta-okonjo,Marta Okonjo,person,") && r.contains(",false,,0,0")
    ));
}

#[test]
fn show_gives_the_saved_comparison_with_corrections_applied() {
    let sandbox = Sandbox::new();
    let paths: Vec<String> = VALMORA.iter().map(|f| valmora(f)).collect();
    let mut args = vec!["import", "--comparison", "Valmora talks"];
    args.extend(paths.iter().map(String::as_str));
    assert!(sandbox.run(&args).status.success());
    {
        let library = Library::open(sandbox.dir.path()).unwrap();
        let id = library.comparison("Valmora talks").unwrap().id;
        library
            .append_correction(&id, serde_json::json!({"op": "rename", "source": "person:anton-reyes", "name": "Anton Reyes (foreign minister)"}))
            .unwrap();
        library
            .append_correction(
                &id,
                serde_json::json!({"op": "not_a_source", "source": "person:nobody"}),
            )
            .unwrap();
    }
    let output = sandbox.run(&["show", "Valmora talks", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let rows = json["matrix"]["sources"].as_array().unwrap();
    let renamed = rows
        .iter()
        .find(|r| r["name"] == "Anton Reyes (foreign minister)")
        .expect("the rename applies");
    assert_eq!(renamed["corrected"], true);
    let unapplied = json["matrix"]["unapplied_corrections"].as_array().unwrap();
    assert_eq!(unapplied.len(), 1);
    assert!(unapplied[0]["reason"]
        .as_str()
        .unwrap()
        .contains("person:nobody"));
}

#[test]
fn eval_polnear_refuses_a_file_that_is_not_a_model() {
    let sandbox = Sandbox::new();
    let junk = sandbox.dir.path().join("model.bin.gz");
    std::fs::write(&junk, b"not a model at all").unwrap();
    let model = junk.to_str().unwrap();
    let output = sandbox.run(&["eval", "polnear", "no-such-dir", "--model", model]);
    assert_failed_with(&output, "is not a SourceLens attribution model");
}

#[test]
fn polnear_agreement_explains_a_folder_that_cannot_measure_it() {
    let sandbox = Sandbox::new();
    let output = sandbox.run(&["eval", "polnear-agreement", "no-such-dir"]);
    assert_failed_with(&output, "is no-such-dir/train a PolNeAR split?");

    let split = sandbox.dir.path().join("single");
    for part in ["train", "dev"] {
        std::fs::create_dir_all(split.join(part).join("attributions")).unwrap();
    }
    std::fs::write(
        split.join("train/attributions/story_4b22.ann"),
        "T1\tSource 0 5\tSmith\n",
    )
    .unwrap();
    let output = sandbox.run(&["eval", "polnear-agreement", split.to_str().unwrap()]);
    assert_failed_with(
        &output,
        "holds no article annotated by three or more people",
    );
}
