//! Analyses stored by another engine version are made again on open.

use sourcelens_service::{open_saved, ENGINE_VERSION};
use sourcelens_store::{ArticleMetadata, Library, NewArticle};

#[test]
fn an_analysis_from_an_older_engine_is_made_again_and_a_current_one_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let text = "Port director Ilse Brandvold said the harbour would reopen on Monday.";
    let stored = |engine: &str, origin: &str| NewArticle {
        meta: ArticleMetadata::default(),
        text: text.to_string(),
        origin: origin.to_string(),
        part: None,
        raw: format!("{origin}{text}").into_bytes(),
        outlet: origin.to_string(),
        engine_version: engine.to_string(),
        // An analysis that finds nobody: only a fresh one finds Brandvold.
        analysis: Some(serde_json::json!({ "sources": [] })),
    };
    library
        .add_articles(
            "Port",
            vec![stored("0.1.0", "old"), stored(ENGINE_VERSION, "current")],
        )
        .unwrap();
    let saved = open_saved(&library, "Port").unwrap();
    let sources = |i: usize| saved.analysed[i].analysis.sources.len();
    assert!(sources(0) >= 1, "the old analysis is redone");
    assert_eq!(sources(1), 0, "the current analysis is used as stored");
    let open = library.open_comparison("Port").unwrap();
    let kept = open.analyses[0].as_ref().unwrap();
    assert_eq!(
        kept.engine_version, ENGINE_VERSION,
        "the new analysis is kept"
    );
}
