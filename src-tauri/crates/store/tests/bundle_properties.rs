//! A bundle exported from one library and imported into another is the
//! same comparison: same record, articles, raw bytes, analyses and
//! corrections, whatever text and bytes the articles hold.

use proptest::prelude::*;
use sourcelens_store::{ArticleMetadata, Library, NewArticle, OnConflict, OpenComparison};

fn article() -> impl Strategy<Value = NewArticle> {
    (
        "[A-Za-zÀ-ÿ ]{1,12}",
        any::<String>(),
        prop::collection::vec(any::<u8>(), 1..64),
        prop::option::of(any::<String>()),
    )
        .prop_map(|(outlet, text, raw, title)| NewArticle {
            meta: ArticleMetadata {
                title,
                ..ArticleMetadata::default()
            },
            text,
            origin: format!("/articles/{outlet}.html"),
            part: None,
            raw,
            outlet,
            engine_version: "0.1.0".into(),
            analysis: Some(serde_json::json!({ "sources": [] })),
        })
}

/// Everything a researcher sees of a comparison, in a comparable form.
fn contents(library: &Library, open: &OpenComparison) -> serde_json::Value {
    let raw: Vec<Vec<u8>> = open
        .articles
        .iter()
        .map(|a| library.raw_bytes(&a.blob).unwrap())
        .collect();
    serde_json::json!({
        "record": open.record,
        "articles": open.articles,
        "raw": raw,
        "analyses": open.analyses,
        "corrections": open.corrections,
    })
}

proptest! {
    // Each case opens two sled libraries, so a few dozen cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_bundle_exported_then_imported_is_the_same_comparison(
        name in "[\\PC&&[^\\s]]([\\PC]{0,28}[\\PC&&[^\\s]])?",
        articles in prop::collection::vec(article(), 1..5),
        corrections in prop::collection::vec(any::<String>(), 0..4),
    ) {
        let (dir, library) = {
            let dir = tempfile::tempdir().unwrap();
            let library = Library::open(&dir.path().join("a")).unwrap();
            (dir, library)
        };
        library.add_articles(&name, articles).unwrap();
        let id = library.comparison(&name).unwrap().id;
        for correction in corrections {
            library.append_correction(&id, serde_json::json!({ "note": correction })).unwrap();
        }
        let file = dir.path().join("bundle.json");
        library.export_bundle(&name, &file).unwrap();

        let other = Library::open(&dir.path().join("b")).unwrap();
        other.import_bundle(&file, OnConflict::Refuse).unwrap();
        let before = contents(&library, &library.open_comparison(&name).unwrap());
        let after = contents(&other, &other.open_comparison(&name).unwrap());
        prop_assert_eq!(before, after);
    }
}
