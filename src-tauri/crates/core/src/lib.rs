//! Pure analysis for SourceLens: the text model that attributions, sources
//! and comparisons are built on. No I/O happens here.
//!
//! Offsets that cross the crate boundary are counted in Unicode scalar values
//! (chars), as the `sourcelens` CLI contract requires; [`CharSpan`] converts
//! them to the byte ranges Rust strings are sliced by.
//!
//! ```
//! use sourcelens_core::CharSpan;
//!
//! let text = "“We will respond,” Lavrov said.";
//! let quote = CharSpan::new(1, 16);
//! assert_eq!(quote.slice(text), Some("We will respond"));
//! ```
#![deny(missing_docs)]

pub mod attribution;
pub mod comparison;
mod span;
pub mod tagger;
pub mod tokens;

pub use span::CharSpan;

/// The outlet registry that ships with SourceLens (`data/outlets.toml`), the
/// one list of outlets: ingest reads it for discovery, attribution for the
/// names media go by ("Russia Today" is RT).
pub const OUTLETS_TOML: &str = include_str!("../data/outlets.toml");

/// The version of the analysis: stored analyses made by another version
/// are made again when a comparison is opened. Raise the number after `+`
/// whenever `attribution::analyze` can give a different answer for the same
/// text (a new model, a new rule), even within one release.
pub const ENGINE_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+analysis.51");
