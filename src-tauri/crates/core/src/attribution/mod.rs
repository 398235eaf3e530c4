//! Finding attributions in an article (who is quoted, paraphrased or cited)
//! and grouping them into the article's sources.
//!
//! The tagger ([`crate::tagger`]) marks source, cue and content tokens; this
//! module pairs them up sentence by sentence, decides whether each is a
//! direct quote, resolves pronouns and role nouns ("he", "the minister") to
//! the named source they stand for, and groups mentions into sources with a
//! kind, a canonical name and aliases.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod coordination;
mod cues;
mod document;
mod edges;
mod kinds;
mod lexicon;
mod mentions;
mod names;
mod pipeline;
mod propose;
mod reported;
mod resolve;
mod roles;
mod subject;
mod text;
mod tidy;
mod world;

use cues::*;
use kinds::*;
use lexicon::*;
use names::*;
use propose::*;
use resolve::*;
use text::*;
use tidy::*;

pub use kinds::kind_of;
pub use text::sentence_ids;

use crate::tagger::{inside_quotes, Model, Tag};
use crate::tokens::{tokenize, Token};
use crate::CharSpan;

/// The attribution model that ships with the engine, trained by
/// `sourcelens train polnear ../shared/data/polnear --out src-tauri/crates/core/model/attribution.bin.gz`.
static MODEL_BYTES: &[u8] = include_bytes!("../../model/attribution.bin.gz");

/// The built-in attribution model, read once.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(MODEL_BYTES).expect("the built-in attribution model is valid")
    })
}

/// What kind of entity a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named or described person.
    Person,
    /// A company, party, union, NGO or other organisation.
    Organization,
    /// A ministry, agency, court, legislature or government.
    GovernmentBody,
    /// A report, statement, study, letter or other document.
    Document,
    /// A newspaper, broadcaster or news agency credited for information.
    MediaOutlet,
    /// Unnamed officials, sources, diplomats.
    Anonymous,
    /// Anything else.
    Other,
}

/// How an attribution presents what the source said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// The source's words, in quotation marks.
    DirectQuote,
    /// A paraphrase or reported speech.
    Indirect,
}

/// A span and the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Piece {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// One place where an article uses a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Mention {
    /// The words that stand for the speaker here (a name, "he", "the ministry").
    #[serde(flatten)]
    pub source: Piece,
    /// The cue ("said", "according to"), when there is one.
    pub cue: Option<Piece>,
    /// What is attributed, when it was found.
    pub content: Option<CharSpan>,
    /// Direct quote or paraphrase.
    pub attribution: AttributionKind,
}

/// A source of the article with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Source {
    /// The fullest name the article gives it.
    pub name: String,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// Other names the article uses for it.
    pub aliases: Vec<String>,
    /// Where it is used, in text order.
    pub mentions: Vec<Mention>,
}

/// The sources of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Analysis {
    /// Sources in order of first mention.
    pub sources: Vec<Source>,
}

/// Finds the sources of an English article text.
pub fn analyze(text: &str) -> Analysis {
    pipeline::run(&document::Document::new(text)).0
}

/// One thing a pass of the pipeline did, for `sourcelens analyze --explain`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExplainedStep {
    /// The pass ("tagger", "edges", "veto"…).
    pub pass: &'static str,
    /// What it did ("proposed", "mended from …", "dropped: …", "paired with cue …").
    pub action: String,
    /// The span it acted on.
    #[serde(flatten)]
    pub span: Piece,
}

/// The sources of an article and every step the passes took to find them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The sources, as [`analyze`] gives them.
    pub analysis: Analysis,
    /// What each pass proposed, changed, split, paired or dropped, in order.
    pub steps: Vec<ExplainedStep>,
}

/// Finds the sources of an article and says which passes made each one.
pub fn explain(text: &str) -> Explanation {
    let doc = document::Document::new(text);
    let (analysis, trace) = pipeline::run(&doc);
    let steps = trace
        .into_iter()
        .map(|step| ExplainedStep {
            pass: step.pass,
            action: match step.action {
                pipeline::Action::Proposed => "proposed".to_string(),
                pipeline::Action::Mended(from) => format!("mended from “{}”", doc.slice(from)),
                pipeline::Action::Split => "split into its conjuncts".to_string(),
                pipeline::Action::Dropped(reason) => format!("dropped: {reason}"),
                pipeline::Action::Paired(cue) => format!("paired with the cue “{}”", doc.slice(cue)),
            },
            span: doc.piece(step.span),
        })
        .collect();
    Explanation { analysis, steps }
}

#[cfg(test)]
mod tests;
