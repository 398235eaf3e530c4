//! What the UI is sent to draw a comparison.

use serde::Serialize;
use sourcelens_core::comparison::Comparison;
use sourcelens_ingest::discover::{Ownership, Registry};
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
    /// Where it was read from: the file path or web address as given.
    pub origin: String,
    /// Its web address, when it has one.
    pub url: Option<String>,
    /// Its publication date, ISO 8601.
    pub date: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// The Internet Archive capture it was read from, if it was.
    pub archive_url: Option<String>,
    /// The outlet's country (ISO 3166-1 alpha-2), when the registry knows it.
    pub country: Option<String>,
    /// The outlet's kind of ownership, when the registry knows it.
    pub ownership: Option<Ownership>,
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
                .zip(saved.metadata)
                .map(|(a, meta)| {
                    let origin = a.path.split('#').next().unwrap_or(&a.path).to_string();
                    let url = meta
                        .url
                        .or_else(|| origin.starts_with("http").then(|| origin.clone()));
                    let registry = Registry::built_in();
                    let known = url
                        .as_deref()
                        .and_then(|u| registry.for_url(u))
                        .or_else(|| registry.find(&a.outlet));
                    ArticleView {
                        key: a.path,
                        outlet: a.outlet,
                        title: a.title,
                        text: a.text,
                        origin,
                        url,
                        date: meta.date,
                        byline: meta.byline,
                        archive_url: meta.archive_url,
                        country: known.map(|o| o.country.clone()),
                        ownership: known.map(|o| o.ownership),
                    }
                })
                .collect(),
            matrix: saved.comparison,
            failures: saved.failures,
            corrections: u32::try_from(saved.corrections).unwrap_or(u32::MAX),
        }
    }
}
