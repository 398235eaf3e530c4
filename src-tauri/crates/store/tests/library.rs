//! The library on a real sled store in a temporary directory.

use std::path::Path;

use sourcelens_store::{
    codec, restore, ArticleMetadata, FetchValidators, Library, NewArticle, OnConflict, StoreError,
    BACKUP_DIR, SCHEMA_VERSION,
};

/// Opens a library's sled database directly, as a tool outside SourceLens
/// would. A `Library` dropped just before may still be finishing a write on
/// one of sled's threads and hold sled's file lock for a moment, so this
/// waits for the lock as `Library::open` does.
fn open_raw(dir: &Path) -> sled::Db {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match sled::open(dir.join("library.sled")) {
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock")
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            opened => return opened.unwrap(),
        }
    }
}

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    (dir, library)
}

fn article(outlet: &str, body: &str) -> NewArticle {
    NewArticle {
        meta: ArticleMetadata {
            title: Some(format!("{outlet} on the port strike")),
            ..ArticleMetadata::default()
        },
        text: body.to_string(),
        origin: format!("/articles/{outlet}.html"),
        part: None,
        raw: format!("<html><body><p>{body}</p></body></html>").into_bytes(),
        outlet: outlet.to_string(),
        engine_version: "0.1.0".into(),
        analysis: Some(serde_json::json!({ "sources": [outlet] })),
    }
}

fn names(library: &Library) -> Vec<String> {
    library
        .list_comparisons()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect()
}

// ---- comparisons ----

#[test]
fn a_new_library_is_empty_and_records_the_schema_version() {
    let (_dir, library) = library();
    assert!(library.list_comparisons().unwrap().is_empty());
    assert_eq!(library.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn comparisons_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let library = Library::open(dir.path()).unwrap();
        library
            .create_comparison("Port strike", "Coverage of the strike")
            .unwrap();
    }
    let listed = Library::open(dir.path())
        .unwrap()
        .list_comparisons()
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].name.as_str(), listed[0].description.as_str()),
        ("Port strike", "Coverage of the strike")
    );
}

#[test]
fn the_most_recent_comparison_is_listed_first() {
    let (_dir, library) = library();
    library.create_comparison("First", "").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    library.create_comparison("Second", "").unwrap();
    assert_eq!(names(&library), ["Second", "First"]);
}

#[test]
fn a_duplicate_name_is_refused_ignoring_case_and_nothing_is_lost() {
    let (_dir, library) = library();
    let first = library.create_comparison("Port strike", "").unwrap();
    let err = library.create_comparison("  PORT STRIKE ", "").unwrap_err();
    assert!(matches!(err, StoreError::DuplicateName(_)), "{err}");
    assert_eq!(library.list_comparisons().unwrap(), vec![first]);
}

#[test]
fn blank_overlong_and_multiline_names_are_refused() {
    let (_dir, library) = library();
    for bad in ["", "   ", &"x".repeat(201), "two\nlines"] {
        let err = library.create_comparison(bad, "").unwrap_err();
        assert!(matches!(err, StoreError::InvalidInput(_)), "{bad:?}: {err}");
    }
    assert!(library.list_comparisons().unwrap().is_empty());
}

#[test]
fn a_second_open_of_the_same_library_says_it_is_in_use() {
    let (dir, _library) = library();
    let err = Library::open(dir.path())
        .err()
        .expect("second open must fail");
    assert!(matches!(err, StoreError::Locked { .. }));
    assert!(err.to_string().contains("already open with this library"));
}

#[test]
fn a_library_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    Library::open(dir.path())
        .unwrap()
        .create_comparison("Kept", "")
        .unwrap();
    {
        let db = open_raw(dir.path());
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", &(SCHEMA_VERSION + 1).to_be_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let err = Library::open(dir.path())
        .err()
        .expect("newer store must be refused");
    assert!(
        matches!(err, StoreError::TooNew { found, supported, .. } if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION)
    );
    assert!(err.to_string().contains("newer SourceLens"));
    let db = open_raw(dir.path());
    assert_eq!(db.open_tree("comparisons").unwrap().len(), 1);
    assert!(
        !dir.path().join(BACKUP_DIR).exists(),
        "nothing, not even a backup, is written"
    );
}

// ---- articles ----

#[test]
fn adding_articles_creates_the_comparison_and_lists_its_outlets() {
    let (_dir, library) = library();
    let report = library
        .add_articles(
            "Port strike",
            vec![
                article("Press TV", "Dockers walked out."),
                article("Reuters", "Dockworkers struck."),
            ],
        )
        .unwrap();
    assert_eq!(report.added.len(), 2);
    let listed = &library.list_comparisons().unwrap()[0];
    assert_eq!(listed.article_count, 2);
    assert_eq!(listed.outlets, ["Press TV", "Reuters"]);
    let open = library.open_comparison("port STRIKE").unwrap();
    assert_eq!(open.articles[1].text, "Dockworkers struck.");
    assert_eq!(
        library.raw_bytes(&open.articles[0].blob).unwrap(),
        article("Press TV", "Dockers walked out.").raw
    );
}

#[test]
fn an_article_is_stored_with_its_analysis_in_one_go() {
    let (_dir, library) = library();
    library
        .add_articles("Port strike", vec![article("RT", "Text.")])
        .unwrap();
    let open = library.open_comparison("Port strike").unwrap();
    let stored = open.analyses[0]
        .as_ref()
        .expect("the analysis is stored with the article");
    assert_eq!(
        (stored.engine_version.as_str(), &stored.analysis),
        ("0.1.0", &serde_json::json!({ "sources": ["RT"] }))
    );
}

/// Regression: sled kept its file lock for a moment after a `Library` was
/// dropped, so opening the library again at once failed now and then.
#[test]
fn a_library_can_be_opened_again_as_soon_as_it_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        let library = Library::open(dir.path()).unwrap_or_else(|e| panic!("open {i}: {e}"));
        library
            .create_comparison(&format!("Event {i}"), "")
            .unwrap();
    }
    assert_eq!(
        Library::open(dir.path())
            .unwrap()
            .list_comparisons()
            .unwrap()
            .len(),
        30
    );
}

#[test]
fn the_same_page_imported_twice_is_stored_once() {
    let (_dir, library) = library();
    library
        .add_articles(
            "Port strike",
            vec![article("Press TV", "Dockers walked out.")],
        )
        .unwrap();
    let again = library
        .add_articles(
            "Port strike",
            vec![article("Press TV", "Dockers walked out.")],
        )
        .unwrap();
    assert!(again.added.is_empty());
    assert_eq!(again.already_present, ["/articles/Press TV.html"]);
    library
        .add_articles(
            "Another view",
            vec![article("Press TV", "Dockers walked out.")],
        )
        .unwrap();
    let a = library.open_comparison("Port strike").unwrap().articles[0].clone();
    let b = library.open_comparison("Another view").unwrap().articles[0].clone();
    assert_eq!(a.id, b.id, "one article shared by two comparisons");
}

#[test]
fn a_comparison_is_renamed_in_place_and_a_taken_name_is_refused() {
    let (_dir, library) = library();
    library
        .add_articles("Port strike", vec![article("RT", "Body.")])
        .unwrap();
    library.create_comparison("Valmora talks", "").unwrap();
    let renamed = library
        .rename_comparison("port strike", "Port Hallam strike")
        .unwrap();
    assert_eq!(renamed.article_count, 1);
    assert_eq!(names(&library), ["Port Hallam strike", "Valmora talks"]);
    assert!(matches!(
        library.comparison("Port strike"),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        library.rename_comparison("Port Hallam strike", "VALMORA TALKS"),
        Err(StoreError::DuplicateName(_))
    ));
    library
        .rename_comparison("Port Hallam strike", "port hallam STRIKE")
        .unwrap();
    assert_eq!(
        library
            .open_comparison("Port Hallam strike")
            .unwrap()
            .articles[0]
            .text,
        "Body."
    );
    assert!(matches!(
        library.rename_comparison("port hallam strike", " "),
        Err(StoreError::InvalidInput(_))
    ));
    assert_eq!(
        library.consistency_problems().unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn a_duplicate_shares_the_articles_keeps_the_corrections_and_outlives_its_original() {
    let (_dir, library) = library();
    library
        .add_articles(
            "Port strike",
            vec![article("RT", "Body."), article("AP", "Other.")],
        )
        .unwrap();
    let id = library.comparison("Port strike").unwrap().id;
    library
        .append_correction(&id, serde_json::json!({"rename": "x"}))
        .unwrap();
    let copy = library
        .duplicate_comparison("Port strike", "Port strike (sides)")
        .unwrap();
    assert_eq!(copy.article_count, 2);
    let copy_id = library.comparison("Port strike (sides)").unwrap().id;
    assert_ne!(copy_id, id);
    assert_eq!(library.corrections(&copy_id).unwrap().len(), 1);
    library.pop_correction(&copy_id).unwrap();
    assert_eq!(
        library.corrections(&id).unwrap().len(),
        1,
        "the original's log is its own"
    );
    assert!(matches!(
        library.duplicate_comparison("Port strike", "port strike (SIDES)"),
        Err(StoreError::DuplicateName(_))
    ));
    library.delete_comparison("Port strike").unwrap();
    let kept = library.open_comparison("Port strike (sides)").unwrap();
    assert_eq!(kept.articles.len(), 2);
    assert_eq!(
        library.consistency_problems().unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn deleting_a_comparison_keeps_articles_other_comparisons_use() {
    let (_dir, library) = library();
    library
        .add_articles(
            "Port strike",
            vec![article("Press TV", "Shared."), article("RT", "Only here.")],
        )
        .unwrap();
    library
        .add_articles("Another view", vec![article("Press TV", "Shared.")])
        .unwrap();
    let only_here = library.open_comparison("Port strike").unwrap().articles[1].clone();
    library.delete_comparison("Port strike").unwrap();
    assert_eq!(names(&library), ["Another view"]);
    assert_eq!(
        library.open_comparison("Another view").unwrap().articles[0].text,
        "Shared."
    );
    assert!(
        library.raw_bytes(&only_here.blob).is_err(),
        "raw bytes nobody uses are removed"
    );
    assert!(matches!(
        library.open_comparison("Port strike"),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(
        library.consistency_problems().unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn deleting_a_missing_comparison_says_so() {
    let (_dir, library) = library();
    assert!(matches!(
        library.delete_comparison("Nope"),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn analyses_corrections_cache_and_settings_round_trip() {
    let (_dir, library) = library();
    library
        .add_articles("Port strike", vec![article("RT", "Text.")])
        .unwrap();
    let open = library.open_comparison("Port strike").unwrap();
    let id = &open.articles[0].id;
    library
        .put_analysis(id, "0.1.0", serde_json::json!({"sources": ["union"]}))
        .unwrap();
    assert_eq!(
        library.open_comparison("Port strike").unwrap().analyses[0]
            .as_ref()
            .unwrap()
            .analysis["sources"][0],
        "union"
    );
    library
        .append_correction(&open.record.id, serde_json::json!({"merge": ["a", "b"]}))
        .unwrap();
    library
        .append_correction(&open.record.id, serde_json::json!({"rename": "c"}))
        .unwrap();
    let log = library.corrections(&open.record.id).unwrap();
    assert_eq!(
        log.iter().map(|c| c.correction.clone()).collect::<Vec<_>>(),
        [
            serde_json::json!({"merge": ["a", "b"]}),
            serde_json::json!({"rename": "c"})
        ]
    );
    library
        .cache_fetch(
            "https://x.example/a",
            FetchValidators {
                etag: Some("\"abc\"".into()),
                content_type: Some("text/html".into()),
                ..FetchValidators::default()
            },
            b"<html>",
        )
        .unwrap();
    let (entry, body) = library
        .cached_fetch("https://x.example/a")
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            entry.validators.etag.as_deref(),
            entry.validators.content_type.as_deref(),
            body.as_slice()
        ),
        (Some("\"abc\""), Some("text/html"), &b"<html>"[..])
    );
    library
        .set_setting("theme", &serde_json::json!("dark"))
        .unwrap();
    assert_eq!(
        library.setting("theme").unwrap(),
        Some(serde_json::json!("dark"))
    );
}

// ---- bundles ----

fn exported(library: &Library, dir: &Path) -> std::path::PathBuf {
    let file = dir.join("strike.sourcelens.json");
    library.export_bundle("Port strike", &file).unwrap();
    file
}

fn filled() -> (tempfile::TempDir, Library) {
    let (dir, library) = library();
    library
        .add_articles(
            "Port strike",
            vec![article("Press TV", "One."), article("Reuters", "Two.")],
        )
        .unwrap();
    let open = library.open_comparison("Port strike").unwrap();
    library
        .put_analysis(
            &open.articles[0].id,
            "0.1.0",
            serde_json::json!({"sources": 3}),
        )
        .unwrap();
    library
        .append_correction(&open.record.id, serde_json::json!({"notASource": "s1"}))
        .unwrap();
    (dir, library)
}

#[test]
fn a_bundle_carries_a_comparison_to_another_library_losslessly() {
    let (dir, library) = filled();
    let file = exported(&library, dir.path());
    let (other_dir, other) = self::library();
    other.import_bundle(&file, OnConflict::Refuse).unwrap();
    let again = other_dir.path().join("again.json");
    other.export_bundle("Port strike", &again).unwrap();
    let body = |path: &Path| {
        serde_json::from_slice::<serde_json::Value>(&std::fs::read(path).unwrap()).unwrap()["body"]
            .clone()
    };
    assert_eq!(body(&file), body(&again));
    let open = other.open_comparison("Port strike").unwrap();
    assert_eq!(
        other.raw_bytes(&open.articles[1].blob).unwrap(),
        article("Reuters", "Two.").raw
    );
    assert_eq!(
        open.analyses[0].as_ref().unwrap().analysis,
        serde_json::json!({"sources": 3})
    );
    assert_eq!(open.corrections.len(), 1);
}

#[test]
fn importing_a_bundle_already_present_asks_then_keeps_both_or_replaces() {
    let (dir, library) = filled();
    let file = exported(&library, dir.path());
    let err = library
        .import_bundle(&file, OnConflict::Refuse)
        .unwrap_err();
    assert!(matches!(err, StoreError::BundleConflict(_)));
    assert!(err.to_string().contains("--replace") && err.to_string().contains("--keep-both"));
    let kept = library.import_bundle(&file, OnConflict::KeepBoth).unwrap();
    assert_eq!(kept.name, "Port strike (2)");
    library.import_bundle(&file, OnConflict::Replace).unwrap();
    let mut listed = names(&library);
    listed.sort();
    assert_eq!(listed, ["Port strike", "Port strike (2)"]);
    assert_eq!(
        library.consistency_problems().unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn a_tampered_bundle_is_refused_and_nothing_is_written() {
    let (dir, library) = filled();
    let file = exported(&library, dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("One.", "Uno.", 1)).unwrap();
    let (_other_dir, other) = self::library();
    let err = other.import_bundle(&file, OnConflict::Refuse).unwrap_err();
    assert!(matches!(err, StoreError::BadBundle { .. }), "{err}");
    assert!(err.to_string().contains("checksum does not match"), "{err}");
    assert!(other.list_comparisons().unwrap().is_empty());
}

#[test]
fn a_truncated_bundle_is_refused() {
    let (dir, library) = filled();
    let file = exported(&library, dir.path());
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    let err = library
        .import_bundle(&file, OnConflict::KeepBoth)
        .unwrap_err();
    assert!(err.to_string().contains("not valid JSON"), "{err}");
}

#[test]
fn a_bundle_from_a_newer_sourcelens_says_to_update() {
    let (dir, library) = filled();
    let file = exported(&library, dir.path());
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    json["version"] = serde_json::json!(99);
    std::fs::write(&file, serde_json::to_vec(&json).unwrap()).unwrap();
    let err = library
        .import_bundle(&file, OnConflict::KeepBoth)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::BundleTooNew { found: 99, .. }),
        "{err}"
    );
}

// ---- migrations, backups, damage ----

/// Writes a library exactly as schema 1 (the first release) stored it.
fn write_schema_1_library(dir: &Path) {
    let db = open_raw(dir);
    db.open_tree("meta")
        .unwrap()
        .insert("schema_version", &1u32.to_be_bytes())
        .unwrap();
    let record = serde_json::json!({
        "id": "0190a0b0-0000-7000-8000-000000000001", "name": "Gulf talks", "description": "v1",
        "tags": ["diplomacy"], "article_ids": ["a1", "a2"], "outlets": ["IRNA", "AP"],
        "created_at": "2026-05-01T10:00:00Z", "updated_at": "2026-05-02T10:00:00Z"
    });
    let mut value = vec![codec::FORMAT_JSON];
    value.extend(serde_json::to_vec(&record).unwrap());
    db.open_tree("comparisons")
        .unwrap()
        .insert("0190a0b0-0000-7000-8000-000000000001", value)
        .unwrap();
    db.open_tree("comparison_names")
        .unwrap()
        .insert("gulf talks", "0190a0b0-0000-7000-8000-000000000001")
        .unwrap();
    db.flush().unwrap();
}

#[test]
fn a_schema_1_library_is_backed_up_then_migrated() {
    let dir = tempfile::tempdir().unwrap();
    write_schema_1_library(dir.path());
    let library = Library::open(dir.path()).unwrap();
    assert_eq!(library.schema_version().unwrap(), SCHEMA_VERSION);
    let record = library.comparison("Gulf talks").unwrap();
    let members: Vec<_> = record
        .members
        .iter()
        .map(|m| (m.article.as_str(), m.outlet.as_str()))
        .collect();
    assert_eq!(members, [("a1", "IRNA"), ("a2", "AP")]);
    assert_eq!(record.tags, ["diplomacy"]);
    let backups: Vec<_> = std::fs::read_dir(dir.path().join(BACKUP_DIR))
        .unwrap()
        .collect();
    assert_eq!(backups.len(), 1);
    let name = backups[0]
        .as_ref()
        .unwrap()
        .file_name()
        .into_string()
        .unwrap();
    assert!(name.ends_with("-schema1.backup"), "{name}");
}

#[test]
fn a_backup_restores_into_a_new_directory() {
    let (dir, library) = filled();
    let backup = library.backup(&dir.path().join("mine")).unwrap();
    let target = tempfile::tempdir().unwrap();
    restore(&backup, target.path()).unwrap();
    let restored = Library::open(target.path()).unwrap();
    let open = restored.open_comparison("Port strike").unwrap();
    assert_eq!(open.articles.len(), 2);
    assert_eq!(open.corrections.len(), 1);
    assert_eq!(
        restored.consistency_problems().unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn a_damaged_backup_is_refused_and_an_occupied_directory_is_not_overwritten() {
    let (dir, library) = filled();
    let backup = library.backup(&dir.path().join("mine")).unwrap();
    let mut bytes = std::fs::read(&backup).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    let damaged = dir.path().join("damaged.backup");
    std::fs::write(&damaged, bytes).unwrap();
    let target = tempfile::tempdir().unwrap();
    let err = restore(&damaged, target.path()).unwrap_err();
    assert!(err.to_string().contains("checksum does not match"), "{err}");
    let err = restore(&backup, dir.path()).unwrap_err();
    assert!(err.to_string().contains("already holds a library"), "{err}");
}

#[test]
fn a_damaged_record_gives_a_way_out_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    Library::open(dir.path())
        .unwrap()
        .create_comparison("Port strike", "")
        .unwrap();
    {
        let db = open_raw(dir.path());
        let comparisons = db.open_tree("comparisons").unwrap();
        let key = comparisons.iter().keys().next().unwrap().unwrap();
        comparisons.insert(key, &b"\x01{\"id\": tru"[..]).unwrap();
        db.flush().unwrap();
    }
    let err = Library::open(dir.path())
        .unwrap()
        .list_comparisons()
        .unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("sourcelens restore"), "{err}");
}

/// sled treats a cut-off log like a crash: it recovers the last consistent
/// state. What matters is that it does not panic and that what it recovers
/// holds together.
#[test]
fn a_truncated_database_file_opens_to_a_consistent_earlier_state_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    {
        let library = Library::open(dir.path()).unwrap();
        for i in 0..50 {
            library
                .add_articles(
                    &format!("Event {i}"),
                    vec![article("AP", &"words ".repeat(500 + i))],
                )
                .unwrap();
        }
    }
    let db_file = dir.path().join("library.sled/db");
    let len = std::fs::metadata(&db_file).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&db_file)
        .unwrap()
        .set_len(len / 3)
        .unwrap();
    let outcome = std::panic::catch_unwind(|| {
        let library = Library::open(dir.path())?;
        Ok::<_, StoreError>((
            library.list_comparisons()?.len(),
            library.consistency_problems()?,
        ))
    })
    .expect("opening a truncated store must not panic");
    match outcome {
        Err(err) => assert!(
            matches!(err, StoreError::Corrupt { .. } | StoreError::Open { .. }),
            "{err}"
        ),
        Ok((count, problems)) => {
            assert!(
                count < 50,
                "a third of the file cannot hold all 50 comparisons"
            );
            assert_eq!(problems, Vec::<String>::new());
        }
    }
}
