//! Tests of the attribution passes on short sentences of their own.

pub(super) use super::*;

mod kinds;
mod resolution;
mod spans;

/// The sources `text` names, with their kinds.
pub(super) fn found(text: &str) -> Vec<(String, SourceKind)> {
    analyze(text)
        .sources
        .into_iter()
        .map(|s| (s.name, s.kind))
        .collect()
}

pub(super) fn names(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(name, _)| name).collect()
}
