//! The engine's quality on real text, held to the floors committed in
//! `tests/quality-floors.txt`: the hand-annotated real-news events, the
//! mission's seed article, PolNeAR dev, and the written events kept as
//! regression tests. The data is read from `../shared/data` beside the
//! repository, as every evaluation does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn shared_data() -> PathBuf {
    let data = repository().join("../shared/data");
    assert!(
        data.join("polnear").is_dir() && data.join("seed").is_dir(),
        "the shared evaluation data is missing: expected it at {}",
        data.display()
    );
    data
}

/// The `name=value` pairs of the last line an eval printed.
fn eval(args: &[String]) -> BTreeMap<String, f64> {
    let output = Command::new(env!("CARGO_BIN_EXE_sourcelens"))
        .arg("eval")
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "eval {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let last = stdout.lines().last().unwrap_or_default();
    last.split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .filter_map(|(k, v)| Some((k.to_string(), v.parse().ok()?)))
        .collect()
}

fn event_dirs(folder: &Path) -> Vec<String> {
    let mut dirs: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("gold.json").is_file())
        .map(|p| p.display().to_string())
        .collect();
    dirs.sort();
    dirs
}

fn floors() -> BTreeMap<String, f64> {
    let text = std::fs::read_to_string(repository().join("tests/quality-floors.txt")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (k, v) = l.split_once('=').expect("a floor is what=value");
            (k.to_string(), v.parse().expect("a floor is a number"))
        })
        .collect()
}

#[test]
fn the_engine_stays_above_every_committed_floor_on_real_text() {
    let data = shared_data();
    let events = |folder: &str| {
        let mut args = vec!["events".to_string()];
        args.extend(event_dirs(&repository().join(folder)));
        eval(&args)
    };
    let polnear = data.join("polnear").display().to_string();
    let measures: BTreeMap<&str, BTreeMap<String, f64>> = BTreeMap::from([
        ("real_events", events("tests/real-events")),
        ("written_events", events("tests/fixtures/events")),
        (
            "seed",
            eval(&["events".into(), data.join("seed").display().to_string()]),
        ),
        ("polnear", eval(&["polnear".into(), polnear.clone()])),
        ("polnear_sources", eval(&["polnear-sources".into(), polnear])),
    ]);
    let floors = floors();
    assert!(!floors.is_empty(), "tests/quality-floors.txt holds no floor");
    let mut fallen = Vec::new();
    for (what, floor) in &floors {
        let (measure, field) = what.split_once('.').expect("a floor names measure.field");
        let value = measures
            .get(measure)
            .and_then(|m| m.get(field))
            .unwrap_or_else(|| panic!("no figure {what} was measured"));
        if *value + 1e-9 < *floor {
            fallen.push(format!("{what}: {value:.4} is below its floor {floor}"));
        }
    }
    assert!(fallen.is_empty(), "{}", fallen.join("\n"));
}
