//! `sourcelens eval events DIR...`: the engine's article-level source sets
//! and coverage matrix on many multi-outlet events at once, against hand
//! annotations (`gold.json` in each DIR).
//!
//! `gold.json` lists, per article file, the canonical names of the sources
//! it uses; a canonical name used in several articles is one matrix row.
//! Optional `aliases` give other names of a source, `kinds` its kind, and
//! `texts` the folder the article files are read from, relative to DIR (the
//! real-news events keep their texts in `../shared`; the written ones keep
//! them beside `gold.json`).
//!
//! A gold source is found in an article when a row the engine includes
//! there names it: a row's name or alias holds at least [`MATCH_SHARE`] of
//! the canonical name's words ("VTV" for "the state broadcaster VTV"), or
//! equals one of the gold aliases. Precision is over the engine's rows per
//! article, recall over the gold sources, both pooled over every article of
//! every event (micro). The matrix is scored cell by cell over the gold rows
//! and the engine rows that match no gold row, in every article.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;
use sourcelens_core::attribution::SourceKind;
use sourcelens_core::comparison::Row;
use sourcelens_ingest::{read_file, Limits};

use sourcelens_service::{analyse_text, compare_analysed, outlet_of, Analysed};

/// Share of a canonical name's words a row's name or alias must hold.
const MATCH_SHARE: f64 = 0.6;

const STOP: &[&str] = &["the", "a", "an", "of", "in", "by", "for", "and", "mr", "mrs", "ms"];

/// One event's hand annotation.
#[derive(Deserialize)]
struct Gold {
    /// Folder of the article files, relative to the event's folder.
    #[serde(default)]
    texts: Option<PathBuf>,
    /// Article file → canonical names of its sources.
    articles: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    kinds: BTreeMap<String, SourceKind>,
}

/// Pooled counts, added up over articles and events.
#[derive(Default, Clone, Copy)]
pub struct Tally {
    predicted: usize,
    predicted_right: usize,
    wanted: usize,
    found: usize,
    cells: usize,
    cells_right: usize,
    cells_true_positive: usize,
    cells_predicted: usize,
    cells_gold: usize,
    kinds_judged: usize,
    kinds_right: usize,
    articles: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.predicted += other.predicted;
        self.predicted_right += other.predicted_right;
        self.wanted += other.wanted;
        self.found += other.found;
        self.cells += other.cells;
        self.cells_right += other.cells_right;
        self.cells_true_positive += other.cells_true_positive;
        self.cells_predicted += other.cells_predicted;
        self.cells_gold += other.cells_gold;
        self.kinds_judged += other.kinds_judged;
        self.kinds_right += other.kinds_right;
        self.articles += other.articles;
    }

    fn precision(&self) -> f64 {
        ratio(self.predicted_right, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.found, self.wanted)
    }

    /// Article-level source-set F1.
    pub fn f1(&self) -> f64 {
        harmonic(self.precision(), self.recall())
    }

    /// Share of matrix cells (source × article, included or not) right.
    pub fn cell_accuracy(&self) -> f64 {
        ratio(self.cells_right, self.cells)
    }

    fn included_cell_f1(&self) -> f64 {
        harmonic(
            ratio(self.cells_true_positive, self.cells_predicted),
            ratio(self.cells_true_positive, self.cells_gold),
        )
    }

    fn kind_accuracy(&self) -> f64 {
        ratio(self.kinds_right, self.kinds_judged)
    }

    /// The `name=value` pairs of the summary line.
    pub fn summary(&self, events: usize) -> String {
        format!(
            "events={events} articles={} source_set_p={:.4} source_set_r={:.4} source_set_f1={:.4} \
             cell_accuracy={:.4} included_cell_f1={:.4} kind_accuracy={:.4}",
            self.articles,
            self.precision(),
            self.recall(),
            self.f1(),
            self.cell_accuracy(),
            self.included_cell_f1(),
            self.kind_accuracy()
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn content_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether the engine's row names the gold source `canonical`.
fn matches(canonical: &str, aliases: &[String], row: &Row) -> bool {
    let wanted = content_words(canonical);
    let names = || std::iter::once(&row.name).chain(&row.aliases);
    let by_words = names().any(|name| {
        let have = content_words(name);
        let found = wanted.iter().filter(|w| have.contains(w)).count();
        !wanted.is_empty() && found as f64 / wanted.len() as f64 >= MATCH_SHARE
    });
    by_words
        || names().any(|name| {
            let name = content_words(name);
            aliases
                .iter()
                .any(|alias| !name.is_empty() && content_words(alias) == name)
        })
}

/// Scores one event and prints its articles' misses when `details`.
fn score_event(dir: &Path, texts: Option<&Path>, details: bool) -> anyhow::Result<Tally> {
    let gold_path = dir.join("gold.json");
    let gold: Gold = serde_json::from_slice(
        &std::fs::read(&gold_path)
            .with_context(|| format!("cannot read {}", gold_path.display()))?,
    )
    .with_context(|| {
        format!(
            "{} is not an event annotation (JSON with an \"articles\" object of file → names)",
            gold_path.display()
        )
    })?;
    let root = match (texts, &gold.texts) {
        (Some(given), _) => given.to_path_buf(),
        (None, Some(relative)) => dir.join(relative),
        (None, None) => dir.to_path_buf(),
    };
    let mut analysed = Vec::new();
    for file in gold.articles.keys() {
        let path = root.join(file);
        let article = read_file(&path, &Limits::default())
            .with_context(|| format!("cannot read the event's article {}", path.display()))?
            .remove(0);
        let key = path.display().to_string();
        let analysis = analyse_text(&key, article.meta.language.as_deref(), &article.text)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.message))?;
        analysed.push(Analysed {
            outlet: outlet_of(&article, &key, None),
            title: article.meta.title.clone(),
            text: article.text,
            analysis,
            path: key,
        });
    }
    let rows = compare_analysed(&analysed, &[]).sources;
    let no_aliases = Vec::new();
    let aliases_of = |name: &str| gold.aliases.get(name).unwrap_or(&no_aliases);
    // Every canonical name of the event is a gold row.
    let mut gold_rows: Vec<&String> = gold.articles.values().flatten().collect();
    gold_rows.sort();
    gold_rows.dedup();
    let row_matches = |row: &Row| {
        gold_rows
            .iter()
            .any(|g| matches(g, aliases_of(g), row))
    };
    let mut tally = Tally::default();
    for (file, article) in gold.articles.iter().zip(&analysed) {
        let (file, gold_names) = file;
        let included = |row: &&Row| row.cells.get(&article.path).is_some_and(|c| c.included);
        let used: Vec<&Row> = rows.iter().filter(included).collect();
        let is_gold_here = |row: &Row| gold_names.iter().any(|g| matches(g, aliases_of(g), row));
        let right = used.iter().filter(|r| is_gold_here(r)).count();
        let hits: Vec<(&String, Option<&&Row>)> = gold_names
            .iter()
            .map(|g| (g, used.iter().find(|r| matches(g, aliases_of(g), r))))
            .collect();
        let mut article_tally = Tally {
            predicted: used.len(),
            predicted_right: right,
            wanted: gold_names.len(),
            found: hits.iter().filter(|(_, row)| row.is_some()).count(),
            articles: 1,
            ..Tally::default()
        };
        for (name, row) in &hits {
            if let (Some(row), Some(kind)) = (row, gold.kinds.get(*name)) {
                article_tally.kinds_judged += 1;
                article_tally.kinds_right += usize::from(row.kind == *kind);
            }
        }
        // The matrix: gold rows, then engine rows that are no gold row.
        for g in &gold_rows {
            let truth = gold_names.contains(g);
            let predicted = used.iter().any(|r| matches(g, aliases_of(g), r));
            article_tally.count_cell(truth, predicted);
        }
        for row in rows.iter().filter(|r| !row_matches(r)) {
            article_tally.count_cell(false, included(&row));
        }
        if details {
            println!(
                "  {file}\tpredicted={} correct={right} gold={} found={}",
                used.len(),
                gold_names.len(),
                article_tally.found
            );
            for row in used.iter().filter(|r| !is_gold_here(r)) {
                println!("    not in the annotation: {} ({:?})", row.name, row.kind);
            }
            for (name, row) in &hits {
                match row {
                    None => println!("    missed: {name}"),
                    Some(row) => {
                        if let Some(kind) = gold.kinds.get(*name).filter(|k| **k != row.kind) {
                            println!("    kind: {name} is {kind:?}, engine says {:?}", row.kind);
                        }
                    }
                }
            }
        }
        tally.add(&article_tally);
    }
    Ok(tally)
}

impl Tally {
    fn count_cell(&mut self, truth: bool, predicted: bool) {
        self.cells += 1;
        self.cells_right += usize::from(truth == predicted);
        self.cells_gold += usize::from(truth);
        self.cells_predicted += usize::from(predicted);
        self.cells_true_positive += usize::from(truth && predicted);
    }
}

/// Scores every event folder and prints one row per event and a summary
/// whose last line is `name=value` pairs. Returns the pooled tally.
pub fn run(dirs: &[PathBuf], texts: Option<&Path>, details: bool) -> anyhow::Result<Tally> {
    let mut total = Tally::default();
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| dir.display().to_string());
        if details {
            println!("{name}");
        }
        let tally = score_event(dir, texts, details)?;
        println!(
            "{name}\tarticles={} source_set_p={:.4} source_set_r={:.4} source_set_f1={:.4} cell_accuracy={:.4}",
            tally.articles,
            tally.precision(),
            tally.recall(),
            tally.f1(),
            tally.cell_accuracy()
        );
        total.add(&tally);
    }
    println!("{}", total.summary(dirs.len()));
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, aliases: &[&str]) -> Row {
        Row {
            id: name.to_string(),
            name: name.to_string(),
            kind: SourceKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            linked_to: None,
            corrected: false,
            cells: BTreeMap::new(),
        }
    }

    #[test]
    fn a_row_with_most_of_the_canonical_words_names_the_source() {
        assert!(!matches("the state broadcaster VTV", &[], &row("VTV", &[])));
        assert!(matches("VTV", &[], &row("state broadcaster VTV", &[])));
        assert!(matches("Donald Trump", &[], &row("Trump", &["Donald J. Trump"])));
    }

    #[test]
    fn a_surname_alone_matches_only_through_a_gold_alias() {
        assert!(!matches("Donald Trump", &[], &row("Trump", &[])));
        assert!(matches("Donald Trump", &["Trump".into()], &row("Trump", &[])));
        // An alias must be the whole name, not one of its words.
        assert!(!matches("Donald Trump", &["Trump".into()], &row("Trump campaign", &[])));
    }
}
