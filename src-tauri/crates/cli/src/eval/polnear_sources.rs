//! `sourcelens eval polnear-sources DIR`: article-level source sets on every
//! PolNeAR dev article, derived automatically from PolNeAR's own spans.
//!
//! The hand-annotated real-news events are few; this is the second, larger
//! measure. PolNeAR marks every source span; the named ones (those holding
//! a capitalised word other than a pronoun or a determiner) are grouped
//! into entities by a key: the last word of a name ("Donald Trump", "Mr.
//! Trump" → `trump`), or the whole phrase when it ends in a common noun
//! ("the Clinton campaign" → `clinton campaign`). The engine's named
//! sources get keys the same way from their names and aliases. An entity is
//! found when an engine source shares a key with it; precision is over the
//! engine's named, non-anonymous sources. Pronouns, unnamed groups and
//! anonymous sources are left out on both sides, since PolNeAR does not
//! resolve them.

use std::collections::BTreeSet;
use std::path::Path;

use sourcelens_core::attribution::{analyze, SourceKind};

use super::polnear::read_split;

/// Words that open a span without naming anyone.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its",
    "our", "my", "this", "that", "these", "those", "some", "many", "most", "mr", "mrs", "ms",
    "dr", "sen", "rep", "gov", "president", "former", "but", "and", "in", "as", "when", "if",
];

fn words(phrase: &str) -> Vec<&str> {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The entity key of a source phrase, when it names someone.
pub fn key(phrase: &str) -> Option<String> {
    let words = words(phrase);
    let named = words.iter().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !NOT_NAMES.contains(&w.to_lowercase().as_str())
    });
    if !named {
        return None;
    }
    let last = words.last()?;
    if last.chars().next().is_some_and(char::is_uppercase) {
        return Some(last.to_lowercase());
    }
    let content: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !NOT_NAMES.contains(&w.as_str()))
        .collect();
    Some(content.join(" "))
}

/// Scores the engine on the dev split and prints the summary line.
pub fn run(dir: &Path) -> anyhow::Result<()> {
    let documents = read_split(&dir.join("dev"))?;
    let (mut wanted, mut found, mut predicted, mut right) = (0usize, 0usize, 0usize, 0usize);
    for document in &documents {
        let chars: Vec<char> = document.text.chars().collect();
        let gold: BTreeSet<String> = document
            .relations
            .iter()
            .filter_map(|relation| {
                let phrase: Vec<String> = relation
                    .source
                    .iter()
                    .map(|span| chars[span.start..span.end.min(chars.len())].iter().collect())
                    .collect();
                key(&phrase.join(" "))
            })
            .collect();
        let engine: Vec<BTreeSet<String>> = analyze(&document.text)
            .sources
            .iter()
            .filter(|s| s.kind != SourceKind::Anonymous)
            .map(|s| {
                std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .filter_map(|n| key(n))
                    .collect::<BTreeSet<String>>()
            })
            .filter(|keys| !keys.is_empty())
            .collect();
        wanted += gold.len();
        found += gold
            .iter()
            .filter(|g| engine.iter().any(|keys| keys.contains(*g)))
            .count();
        predicted += engine.len();
        right += engine
            .iter()
            .filter(|keys| keys.iter().any(|k| gold.contains(k)))
            .count();
    }
    let p = right as f64 / predicted.max(1) as f64;
    let r = found as f64 / wanted.max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    println!(
        "articles={} named_sources={wanted} named_source_p={p:.4} named_source_r={r:.4} named_source_f1={f1:.4}",
        documents.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_keyed_by_their_last_word_and_descriptions_whole() {
        assert_eq!(key("Donald Trump").as_deref(), Some("trump"));
        assert_eq!(key("Mr. Trump").as_deref(), Some("trump"));
        assert_eq!(key("the Clinton campaign").as_deref(), Some("clinton campaign"));
        assert_eq!(key("He"), None);
        assert_eq!(key("some Republicans").as_deref(), Some("republicans"));
        assert_eq!(key("officials"), None);
    }
}
