//! `sourcelens eval sources DIR`: the article-level source sets of a
//! multi-outlet event against a hand annotation (`gold.json` in DIR).
//!
//! `gold.json` lists, per article file, the canonical names of the sources
//! it uses. A gold source is found when the row the engine gives that
//! article has a name or alias holding at least [`MATCH_SHARE`] of the gold
//! name's words (so "VTV" matches "the state broadcaster VTV"). Precision is
//! over the engine's rows per article, recall over the gold sources, both
//! pooled over all articles. Each article's line is followed by the rows
//! that match no gold source and the gold sources no row matches.

use std::path::Path;

use anyhow::Context;
use sourcelens_core::comparison::Row;
use sourcelens_ingest::{read_file, Limits};

use sourcelens_service::{analyse_text, compare_analysed, outlet_of, Analysed};

/// Share of a gold name's words a row's name or alias must hold.
const MATCH_SHARE: f64 = 0.6;

const STOP: &[&str] = &["the", "a", "an", "of", "in", "by", "for", "and"];

fn content_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

fn matches(gold: &str, row: &Row) -> bool {
    let wanted = content_words(gold);
    std::iter::once(&row.name).chain(&row.aliases).any(|name| {
        let have = content_words(name);
        let found = wanted.iter().filter(|w| have.contains(w)).count();
        !wanted.is_empty() && found as f64 / wanted.len() as f64 >= MATCH_SHARE
    })
}

/// Runs the evaluation and prints one line per article and a summary.
pub fn run(dir: &Path) -> anyhow::Result<()> {
    let gold_path = dir.join("gold.json");
    let gold: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&gold_path)
            .with_context(|| format!("cannot read {}", gold_path.display()))?,
    )
    .with_context(|| format!("{} is not JSON", gold_path.display()))?;
    let articles = gold["articles"]
        .as_object()
        .with_context(|| format!("{} has no \"articles\" object", gold_path.display()))?;
    let mut analysed = Vec::new();
    for file in articles.keys() {
        let path = dir.join(file).display().to_string();
        let article = read_file(Path::new(&path), &Limits::default())?.remove(0);
        let analysis = analyse_text(&path, article.meta.language.as_deref(), &article.text)
            .map_err(|e| anyhow::anyhow!("{}", e.message))?;
        analysed.push(Analysed {
            outlet: outlet_of(&article, &path, None),
            title: article.meta.title.clone(),
            text: article.text,
            analysis,
            path,
        });
    }
    let rows = compare_analysed(&analysed, &[]).sources;
    let (mut predicted, mut predicted_right, mut wanted, mut found) = (0, 0, 0, 0);
    for (file, article) in articles.keys().zip(&analysed) {
        let gold_names: Vec<&str> = articles[file]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
            .collect();
        let used: Vec<&Row> = rows
            .iter()
            .filter(|r| r.cells[&article.path].included)
            .collect();
        let right = used
            .iter()
            .filter(|r| gold_names.iter().any(|g| matches(g, r)))
            .count();
        let hit = gold_names
            .iter()
            .filter(|g| used.iter().any(|r| matches(g, r)))
            .count();
        println!(
            "{file}\tpredicted={} correct={right} gold={} found={hit}",
            used.len(),
            gold_names.len()
        );
        for row in used
            .iter()
            .filter(|r| !gold_names.iter().any(|g| matches(g, r)))
        {
            println!("  not in the annotation: {} ({:?})", row.name, row.kind);
        }
        for name in gold_names
            .iter()
            .filter(|g| !used.iter().any(|r| matches(g, r)))
        {
            println!("  missed: {name}");
        }
        predicted += used.len();
        predicted_right += right;
        wanted += gold_names.len();
        found += hit;
    }
    let p = predicted_right as f64 / predicted.max(1) as f64;
    let r = found as f64 / wanted.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "articles={} source_set_p={p:.4} source_set_r={r:.4} source_set_f1={f1:.4}",
        analysed.len()
    );
    Ok(())
}
