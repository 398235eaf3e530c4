//! The researcher's sides: sources put on a side through the corrections
//! log, the balance they give, and undo, duplicates and bundles keeping them.

use sourcelens_core::comparison::Correction;
use sourcelens_service::{add_correction, import_inputs, open_saved, undo_correction};
use sourcelens_store::{Library, OnConflict};

fn side(source: &str, side: Option<&str>) -> Correction {
    Correction::Side {
        source: source.into(),
        side: side.map(Into::into),
    }
}

/// A library holding "Port strike" (one article quoting the port director
/// and the union leader) and those two sources' ids.
fn port_strike(dir: &std::path::Path) -> (Library, String, String) {
    let library = Library::open(&dir.join("db")).unwrap();
    let article = dir.join("gazette.txt");
    std::fs::write(
        &article,
        "HALLAM — Port director Ilse Brandvold said the harbour would reopen on Monday.\n\n\
         Union leader Rory Delacourt said the strike would go on until pay was settled.",
    )
    .unwrap();
    let inputs = vec![article.display().to_string()];
    let read = vec![sourcelens_ingest::read_file(&article, &Default::default())];
    import_inputs(&library, "Port strike", &inputs, read, None, |_| {});
    let saved = open_saved(&library, "Port strike").unwrap();
    let id_of = |name: &str| {
        saved
            .comparison
            .sources
            .iter()
            .find(|r| r.name.contains(name))
            .unwrap()
            .id
            .clone()
    };
    let (port, union) = (id_of("Brandvold"), id_of("Delacourt"));
    (library, port, union)
}

#[test]
fn a_source_sits_on_one_side_at_a_time_and_the_balance_follows() {
    let dir = tempfile::tempdir().unwrap();
    let (library, port, union) = port_strike(dir.path());
    let put = |source: &str, on: Option<&str>| {
        add_correction(&library, "Port strike", &side(source, on)).unwrap();
        open_saved(&library, "Port strike").unwrap().comparison
    };

    put(&port, Some("Management"));
    put(&union, Some("Workers"));
    let moved = put(&port, Some("Workers"));
    assert_eq!(
        moved.sides.keys().collect::<Vec<_>>(),
        ["Workers"],
        "an emptied side disappears"
    );
    assert_eq!(moved.sides["Workers"], [union.clone(), port.clone()]);

    let split = put(&port, Some(" Management "));
    let shares = &split.balance.values().next().unwrap().mentions_by_group;
    assert_eq!(shares.len(), 2);
    assert!(
        (shares["Management"] + shares["Workers"] - 1.0).abs() < 1e-9,
        "{shares:?}"
    );
    assert!(
        split.sources.iter().all(|row| !row.corrected),
        "a side is the researcher's grouping, not a correction of a source"
    );

    let off = put(&port, None);
    assert_eq!(off.sides.keys().collect::<Vec<_>>(), ["Workers"]);
}

#[test]
fn putting_a_source_on_a_side_is_undone_like_any_other_correction() {
    let dir = tempfile::tempdir().unwrap();
    let (library, port, _) = port_strike(dir.path());
    add_correction(&library, "Port strike", &side(&port, Some("Management"))).unwrap();
    add_correction(&library, "Port strike", &side(&port, Some("Workers"))).unwrap();

    assert!(undo_correction(&library, "Port strike").unwrap());
    let sides = open_saved(&library, "Port strike")
        .unwrap()
        .comparison
        .sides;
    assert_eq!(sides["Management"], [port]);
    assert!(!sides.contains_key("Workers"));
}

#[test]
fn sides_travel_with_a_duplicate_and_a_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let (library, port, _) = port_strike(dir.path());
    add_correction(&library, "Port strike", &side(&port, Some("Management"))).unwrap();

    library
        .duplicate_comparison("Port strike", "Port strike, copy")
        .unwrap();
    let bundle = dir.path().join("port.json");
    library.export_bundle("Port strike", &bundle).unwrap();
    let elsewhere = Library::open(&dir.path().join("other")).unwrap();
    elsewhere
        .import_bundle(&bundle, OnConflict::KeepBoth)
        .unwrap();

    for (library, name) in [(&library, "Port strike, copy"), (&elsewhere, "Port strike")] {
        let sides = open_saved(library, name).unwrap().comparison.sides;
        assert_eq!(sides["Management"], std::slice::from_ref(&port), "{name}");
    }
}

#[test]
fn a_side_for_a_comparison_that_does_not_exist_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (library, port, _) = port_strike(dir.path());
    assert!(add_correction(&library, "No such", &side(&port, Some("x"))).is_err());
}
