//! What the UI is sent to draw a comparison.

use serde::Serialize;
use sourcelens_core::comparison::Comparison;
use sourcelens_service::{InputFailure, SavedComparison};
use ts_rs::TS;

/// One article of an open comparison.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleView {
    /// The key of its column in the matrix.
    pub key: String,
    /// The outlet it stands for.
    pub outlet: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its body text, for the reader and the evidence.
    pub text: String,
}

/// An open comparison: its articles and its matrix.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonView {
    /// The comparison's name.
    pub name: String,
    /// Its articles, in the order they were added.
    pub articles: Vec<ArticleView>,
    /// Sources × articles, with what stands out.
    pub matrix: Comparison,
    /// Articles or corrections that could not be used.
    pub failures: Vec<InputFailure>,
    /// How many corrections the researcher has made (and can undo).
    pub corrections: u32,
}

impl ComparisonView {
    /// The view of a saved comparison.
    pub fn new(name: String, saved: SavedComparison) -> Self {
        ComparisonView {
            name,
            articles: saved
                .analysed
                .into_iter()
                .map(|a| ArticleView {
                    key: a.path,
                    outlet: a.outlet,
                    title: a.title,
                    text: a.text,
                })
                .collect(),
            matrix: saved.comparison,
            failures: saved.failures,
            corrections: u32::try_from(saved.corrections).unwrap_or(u32::MAX),
        }
    }
}
