//! The researcher's sides: sources put on a side, and the balance they give.

use sourcelens_core::comparison::Groups;
use sourcelens_service::{import_inputs, open_saved, set_side, sides_of};
use sourcelens_store::Library;

#[test]
fn a_source_sits_on_one_side_at_a_time_and_the_balance_follows() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("db")).unwrap();
    let article = dir.path().join("gazette.txt");
    std::fs::write(
        &article,
        "HALLAM — Port director Ilse Brandvold said the harbour would reopen on Monday.\n\n\
         Union leader Rory Delacourt said the strike would go on until pay was settled.",
    )
    .unwrap();
    let inputs = vec![article.display().to_string()];
    let read = vec![sourcelens_ingest::read_file(&article, &Default::default())];
    import_inputs(&library, "Port strike", &inputs, read, None, |_| {});
    let saved = open_saved(&library, "Port strike", &Groups::new()).unwrap();
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

    set_side(&library, "Port strike", &port, Some("Management")).unwrap();
    set_side(&library, "Port strike", &union, Some("Workers")).unwrap();
    let sides = set_side(&library, "Port strike", &port, Some("Workers")).unwrap();
    assert_eq!(
        sides.keys().collect::<Vec<_>>(),
        ["Workers"],
        "an emptied side disappears"
    );
    assert_eq!(sides["Workers"], [union.clone(), port.clone()]);

    set_side(&library, "Port strike", &port, Some(" Management ")).unwrap();
    let sides = sides_of(&library, "Port strike").unwrap();
    let balance = &open_saved(&library, "Port strike", &sides)
        .unwrap()
        .comparison
        .balance;
    let shares = &balance.values().next().unwrap().mentions_by_group;
    assert_eq!(shares.len(), 2);
    assert!(
        (shares["Management"] + shares["Workers"] - 1.0).abs() < 1e-9,
        "{shares:?}"
    );

    set_side(&library, "Port strike", &port, None).unwrap();
    assert_eq!(
        sides_of(&library, "Port strike")
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["Workers"]
    );
    assert!(set_side(&library, "No such", &port, Some("x")).is_err());
}
