//! Article text pasted by the researcher.

use sourcelens_service::{import_pasted, Pasted};
use sourcelens_store::Library;

const TEXT: &str = "BRACKWATER — Residents voted on Thursday on the wind farm planned for the ridge.\n\n\
    “We are not against turbines, we are against being ignored,” said Agnes Thorley, who chairs the residents’ association.";

#[test]
fn pasted_text_becomes_an_article_of_the_named_outlet_kept_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let pasted = Pasted {
        text: TEXT.into(),
        outlet: " Brackwater Echo ".into(),
        title: Some("Mill town votes on wind farm".into()),
        url: Some("https://brackwaterecho.example/wind-farm".into()),
    };
    let outcome = import_pasted(&library, "Wind farm", &pasted);
    assert_eq!(
        (outcome.added, outcome.failure.clone()),
        (1, None),
        "{outcome:?}"
    );
    let open = library.open_comparison("Wind farm").unwrap();
    assert_eq!(open.record.members[0].outlet, "Brackwater Echo");
    assert_eq!(open.articles[0].text, TEXT);
    assert_eq!(
        open.articles[0].meta.title.as_deref(),
        Some("Mill town votes on wind farm")
    );
    assert_eq!(
        open.articles[0].meta.url.as_deref(),
        Some("https://brackwaterecho.example/wind-farm")
    );
    assert_eq!(
        import_pasted(&library, "Wind farm", &pasted).already_present,
        1
    );
}

#[test]
fn pasted_text_without_an_outlet_or_without_text_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let no_outlet = import_pasted(
        &library,
        "Wind farm",
        &Pasted {
            text: TEXT.into(),
            ..Pasted::default()
        },
    );
    assert_eq!(no_outlet.failure.unwrap().code, "no_outlet");
    let blank = import_pasted(
        &library,
        "Wind farm",
        &Pasted {
            text: "  \n ".into(),
            outlet: "Echo".into(),
            ..Pasted::default()
        },
    );
    assert_eq!(blank.failure.unwrap().code, "empty");
    assert!(library.list_comparisons().unwrap().is_empty());
}
