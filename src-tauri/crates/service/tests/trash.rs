//! Deleting a comparison keeps it in the trash until it is restored.

use std::time::{Duration, SystemTime};

use sourcelens_service::{
    delete_keeping_undo, empty_trash, restore_deleted, TRASH_DIR, TRASH_KEEPS,
};
use sourcelens_store::{ArticleMetadata, Library, NewArticle, StoreError};

fn article(outlet: &str, body: &str) -> NewArticle {
    NewArticle {
        meta: ArticleMetadata::default(),
        text: body.to_string(),
        origin: format!("/articles/{outlet}.txt"),
        part: None,
        raw: body.as_bytes().to_vec(),
        outlet: outlet.to_string(),
        engine_version: "0".into(),
        analysis: None,
    }
}

#[test]
fn a_deleted_comparison_comes_back_whole_and_the_trash_is_emptied() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("db")).unwrap();
    library
        .add_articles(
            "Port strike",
            vec![
                article("RT", "Dockworkers walked out."),
                article("AP", "The port shut."),
            ],
        )
        .unwrap();
    let id = library.comparison("Port strike").unwrap().id;
    library
        .append_correction(&id, serde_json::json!({"rename": "x"}))
        .unwrap();

    let token = delete_keeping_undo(&library, dir.path(), "Port strike").unwrap();
    assert!(matches!(
        library.comparison("Port strike"),
        Err(StoreError::NotFound(_))
    ));
    assert!(dir
        .path()
        .join(TRASH_DIR)
        .join(format!("{token}.json"))
        .exists());

    let restored = restore_deleted(&library, dir.path(), &token).unwrap();
    assert_eq!(
        (restored.name.as_str(), restored.article_count),
        ("Port strike", 2)
    );
    let reopened = library.open_comparison("Port strike").unwrap();
    assert_eq!(reopened.corrections.len(), 1);
    assert_eq!(
        std::fs::read_dir(dir.path().join(TRASH_DIR))
            .unwrap()
            .count(),
        0
    );
    assert!(matches!(
        restore_deleted(&library, dir.path(), &token),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn a_name_taken_meanwhile_is_kept_and_the_restored_one_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("db")).unwrap();
    library
        .add_articles("Port strike", vec![article("RT", "Old.")])
        .unwrap();
    let token = delete_keeping_undo(&library, dir.path(), "Port strike").unwrap();
    library.create_comparison("Port strike", "").unwrap();
    let restored = restore_deleted(&library, dir.path(), &token).unwrap();
    assert_eq!(restored.name, "Port strike (2)");
    assert_eq!(library.list_comparisons().unwrap().len(), 2);
}

#[test]
fn a_token_that_is_not_one_is_refused_without_touching_files() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("db")).unwrap();
    for token in ["../db/conf", "", "x/../../etc/passwd"] {
        assert!(
            matches!(
                restore_deleted(&library, dir.path(), token),
                Err(StoreError::InvalidInput(_))
            ),
            "{token}"
        );
    }
}

#[test]
fn the_trash_lets_go_of_comparisons_deleted_more_than_thirty_days_ago() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("db")).unwrap();
    for name in ["Old strike", "New strike"] {
        library
            .add_articles(name, vec![article("RT", "Dockworkers walked out.")])
            .unwrap();
    }
    let old = delete_keeping_undo(&library, dir.path(), "Old strike").unwrap();
    let new = delete_keeping_undo(&library, dir.path(), "New strike").unwrap();
    let bundle = |token: &str| dir.path().join(TRASH_DIR).join(format!("{token}.json"));
    let deleted_long_ago = SystemTime::now() - Duration::from_secs(31 * 24 * 60 * 60);
    std::fs::File::options()
        .write(true)
        .open(bundle(&old))
        .unwrap()
        .set_modified(deleted_long_ago)
        .unwrap();

    assert_eq!(empty_trash(dir.path(), TRASH_KEEPS).unwrap(), 1);
    assert!(!bundle(&old).exists());
    assert!(matches!(
        restore_deleted(&library, dir.path(), &old),
        Err(StoreError::NotFound(_))
    ));
    let restored = restore_deleted(&library, dir.path(), &new).unwrap();
    assert_eq!(restored.name, "New strike");
}

#[test]
fn a_library_that_never_deleted_anything_has_an_empty_trash() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(empty_trash(dir.path(), TRASH_KEEPS).unwrap(), 0);
}
