//! `sourcelens eval extraction DIR`: main-text extraction scored with the
//! article-extraction benchmark's own metric.
//!
//! The metric, as the benchmark's README describes its `evaluate.py`:
//! tokens are maximal runs of Unicode letters, numbers and `_` (case kept);
//! each text becomes the multiset of its token 4-grams (a text of 1–3 tokens
//! is one shorter shingle); per page, tp/fp/fn come from the multiset
//! overlap; precision is averaged over pages with a non-empty prediction,
//! recall over all pages, and F1 is the harmonic mean of the two averages.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context};
use regex::Regex;
use sourcelens_ingest::html::Extractor;

/// Shingle overlap of one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overlap {
    /// Shingles in both texts (counted with multiplicity).
    pub tp: usize,
    /// Shingles only in the prediction.
    pub fp: usize,
    /// Shingles only in the reference.
    pub fn_: usize,
}

impl Overlap {
    fn precision(&self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

/// The benchmark's tokenizer: Python's `\w+` in Unicode mode.
pub struct Tokenizer(Regex);

impl Tokenizer {
    /// Compiles the token pattern.
    pub fn new() -> Self {
        Tokenizer(Regex::new(r"[\p{L}\p{N}_]+").expect("valid token pattern"))
    }

    /// The tokens of `text`, in order.
    pub fn tokens<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.0.find_iter(text).map(|m| m.as_str()).collect()
    }
}

fn shingles<'a, 't>(tokens: &'a [&'t str]) -> HashMap<&'a [&'t str], usize> {
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < 4 {
        counts.insert(tokens, 1);
        return counts;
    }
    for window in tokens.windows(4) {
        *counts.entry(window).or_insert(0) += 1;
    }
    counts
}

/// The shingle overlap of a prediction with its reference.
pub fn overlap(reference: &[&str], prediction: &[&str]) -> Overlap {
    let reference = shingles(reference);
    let prediction = shingles(prediction);
    let mut result = Overlap::default();
    for (shingle, &r) in &reference {
        let p = prediction.get(shingle).copied().unwrap_or(0);
        result.tp += r.min(p);
        result.fn_ += r.saturating_sub(p);
    }
    for (shingle, &p) in &prediction {
        let r = reference.get(shingle).copied().unwrap_or(0);
        result.fp += p.saturating_sub(r);
    }
    result
}

/// Macro-averaged scores over pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Mean per-page precision over pages with a non-empty prediction.
    pub precision: f64,
    /// Mean per-page recall over pages with a non-empty reference.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
    /// Share of pages whose token lists match exactly.
    pub accuracy: f64,
}

/// One scored page: its overlap and whether its tokens match exactly.
pub struct PageResult {
    /// The shingle overlap.
    pub overlap: Overlap,
    /// Whether the predicted token list equals the reference's.
    pub exact: bool,
}

/// Averages page results the way the benchmark does.
pub fn scores(pages: &[PageResult]) -> Scores {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(
        pages
            .iter()
            .filter(|p| p.overlap.tp + p.overlap.fp > 0)
            .map(|p| p.overlap.precision())
            .collect(),
    );
    let recall = mean(
        pages
            .iter()
            .filter(|p| p.overlap.tp + p.overlap.fn_ > 0)
            .map(|p| p.overlap.recall())
            .collect(),
    );
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let accuracy = mean(
        pages
            .iter()
            .map(|p| if p.exact { 1.0 } else { 0.0 })
            .collect(),
    );
    Scores {
        precision,
        recall,
        f1,
        accuracy,
    }
}

struct Page {
    id: String,
    html: String,
    reference: String,
}

fn load(dir: &Path) -> anyhow::Result<Vec<Page>> {
    let truth_path = dir.join("ground-truth.json");
    let truth: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&truth_path).with_context(|| {
            format!(
                "cannot read {}: is {} the benchmark directory?",
                truth_path.display(),
                dir.display()
            )
        })?)
        .with_context(|| format!("{} is not the benchmark's JSON", truth_path.display()))?;
    let mut pages = Vec::new();
    for (id, entry) in truth {
        let reference = entry["articleBody"]
            .as_str()
            .with_context(|| format!("{id} has no articleBody in {}", truth_path.display()))?
            .to_string();
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut html = String::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(&path)
                .with_context(|| format!("cannot open {}", path.display()))?,
        )
        .read_to_string(&mut html)
        .with_context(|| format!("{} is not gzip-compressed UTF-8", path.display()))?;
        pages.push(Page {
            id,
            html,
            reference,
        });
    }
    if pages.is_empty() {
        bail!("{} lists no pages", truth_path.display());
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// Runs the evaluation and prints per-page lines, then a `name=value` summary.
pub fn run(dir: &Path, extractor: Extractor, verbose: bool) -> anyhow::Result<()> {
    let pages = load(dir)?;
    let tokenizer = Tokenizer::new();
    let mut results = Vec::with_capacity(pages.len());
    let mut millis = Vec::with_capacity(pages.len());
    let mut empty = 0;
    for page in &pages {
        let started = Instant::now();
        let paragraphs = extractor.paragraphs(&page.html);
        millis.push(started.elapsed().as_secs_f64() * 1000.0);
        let predicted = paragraphs.join("\n\n");
        let reference_tokens = tokenizer.tokens(&page.reference);
        let predicted_tokens = tokenizer.tokens(&predicted);
        if predicted_tokens.is_empty() {
            empty += 1;
        }
        let result = PageResult {
            overlap: overlap(&reference_tokens, &predicted_tokens),
            exact: reference_tokens == predicted_tokens,
        };
        if verbose {
            println!(
                "{}\tP={:.3}\tR={:.3}",
                page.id,
                result.overlap.precision(),
                result.overlap.recall()
            );
        }
        results.push(result);
    }
    let s = scores(&results);
    millis.sort_by(f64::total_cmp);
    let median = millis[millis.len() / 2];
    let mean = millis.iter().sum::<f64>() / millis.len() as f64;
    println!(
        "extractor={} pages={} empty={} f1={:.4} precision={:.4} recall={:.4} accuracy={:.4} median_ms={:.2} mean_ms={:.2}",
        extractor.name(),
        results.len(),
        empty,
        s.f1,
        s.precision,
        s.recall,
        s.accuracy,
        median,
        mean
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(reference: &str, prediction: &str) -> PageResult {
        let t = Tokenizer::new();
        let (r, p) = (t.tokens(reference), t.tokens(prediction));
        PageResult {
            overlap: overlap(&r, &p),
            exact: r == p,
        }
    }

    #[test]
    fn tokens_are_letter_and_number_runs_and_marks_break_them() {
        let t = Tokenizer::new();
        assert_eq!(
            t.tokens("U.S. won't—2,000 snake_case"),
            ["U", "S", "won", "t", "2", "000", "snake_case"]
        );
        // An Arabic vowel mark (Mn) is a token break in Python's \w.
        assert_eq!(t.tokens("كَتب"), ["ك", "تب"]);
    }

    #[test]
    fn a_perfect_prediction_scores_one() {
        let s = scores(&[page("one two three four five", "one two three four five")]);
        assert_eq!(
            (s.precision, s.recall, s.f1, s.accuracy),
            (1.0, 1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn extra_text_costs_precision_and_missing_text_costs_recall() {
        // Reference 5 tokens = 2 shingles; prediction adds 1 token = 3 shingles.
        let extra = page("a b c d e", "a b c d e f");
        assert_eq!(
            extra.overlap,
            Overlap {
                tp: 2,
                fp: 1,
                fn_: 0
            }
        );
        let missing = page("a b c d e f", "a b c d e");
        assert_eq!(
            missing.overlap,
            Overlap {
                tp: 2,
                fp: 0,
                fn_: 1
            }
        );
    }

    #[test]
    fn repeated_text_counts_each_time() {
        let doubled = page("a b c d", "a b c d a b c d");
        assert_eq!(
            doubled.overlap,
            Overlap {
                tp: 1,
                fp: 4,
                fn_: 0
            }
        );
    }

    #[test]
    fn an_empty_prediction_is_left_out_of_precision_but_costs_recall() {
        let s = scores(&[page("a b c d", "a b c d"), page("a b c d e", "")]);
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(
            page("a b", "a b").overlap,
            Overlap {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }
}
