//! Pass (resolve): a person described by a role is the person the article
//! names in that role.
//!
//! "The Turkish leader", "the Ankara strongman" and "the Vermont senator"
//! are how news refers back to someone it has named ("Turkish President
//! Recep Tayyip Erdogan", "Sen. Bernie Sanders of Vermont"). Left alone,
//! each is a source of its own and the matrix counts one person twice. A
//! described source joins the named person whose names carry the
//! description's qualifier (or the country it stands for: Ankara and
//! Turkish both lead to Turkey), choosing the one who spoke last before it
//! when several do.

use super::world;
use super::{is_capitalised, Source, SourceKind};

/// Nouns that describe a person by role, as news writes them after a
/// qualifier ("the Turkish leader").
const ROLE_NOUNS: &[&str] = &[
    "leader", "president", "strongman", "premier", "senator", "governor", "congressman",
    "congresswoman", "candidate", "nominee", "minister", "chancellor", "mayor", "businessman",
    "billionaire", "mogul", "front-runner", "frontrunner", "lawmaker", "chief", "ruler", "king",
    "prince", "monarch", "diplomat", "envoy", "general", "commander",
];

/// The capitalised qualifiers of a description like "Turkish leader", with
/// what each stands for in world knowledge (its country's name and people).
fn qualifiers(description: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = description.split_whitespace().collect();
    let (&head, rest) = words.split_last()?;
    if !ROLE_NOUNS.contains(&head.to_lowercase().as_str()) || is_capitalised(head) {
        return None;
    }
    let mut found = Vec::new();
    for word in rest.iter().filter(|w| is_capitalised(w)) {
        found.push(word.to_string());
        if let Some(country) = world::country_of_word(word) {
            found.push(country.name.clone());
            found.extend(country.demonym.clone());
        }
    }
    (!found.is_empty()).then_some(found)
}

/// Whether a source is named (two capitalised words or more in its name).
fn named(source: &Source) -> bool {
    source.name.split_whitespace().filter(|w| is_capitalised(w)).count() >= 2
}

/// Merges each described person into the named person it describes.
pub(super) fn join_described(sources: &mut Vec<Source>) {
    let mut index = 0;
    while index < sources.len() {
        let target = (sources[index].kind == SourceKind::Person)
            .then(|| qualifiers(&sources[index].name))
            .flatten()
            .and_then(|wanted| {
                let at = sources[index].mentions.first().map_or(0, |m| m.source.start);
                sources
                    .iter()
                    .enumerate()
                    .filter(|(i, s)| *i != index && s.kind == SourceKind::Person && named(s))
                    .filter(|(_, s)| {
                        std::iter::once(&s.name).chain(&s.aliases).any(|name| {
                            name.split(|c: char| !c.is_alphanumeric())
                                .any(|w| wanted.iter().any(|q| q == w))
                        })
                    })
                    // The one who spoke last before the description.
                    .filter_map(|(i, s)| {
                        let before = s.mentions.iter().map(|m| m.source.start).filter(|&p| p < at).max()?;
                        Some((before, i))
                    })
                    .max()
                    .map(|(_, i)| i)
            });
        match target {
            Some(target) => {
                let described = sources.remove(index);
                let target = if target > index { target - 1 } else { target };
                let person = &mut sources[target];
                for alias in std::iter::once(described.name).chain(described.aliases) {
                    if alias != person.name && !person.aliases.contains(&alias) {
                        person.aliases.push(alias);
                    }
                }
                person.mentions.extend(described.mentions);
                person.mentions.sort_by_key(|m| m.source.start);
            }
            None => index += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyze;

    fn names(text: &str) -> Vec<(String, usize)> {
        analyze(text)
            .sources
            .into_iter()
            .map(|s| (s.name, s.mentions.len()))
            .collect()
    }

    #[test]
    fn a_leader_described_by_country_or_capital_is_the_named_leader() {
        let text = "Talks\n\nTurkish President Recep Tayyip Erdogan said Ankara would not take sides. \
                    The Turkish leader added that the matter should be settled by diplomacy. \
                    The Ankara strongman also said he had spoken to both sides.";
        assert_eq!(names(text), [("Recep Tayyip Erdogan".to_string(), 3)]);
    }

    #[test]
    fn a_description_no_named_person_carries_stays_apart() {
        let text = "Talks\n\nTurkish President Recep Tayyip Erdogan said Ankara would not take sides. \
                    The Greek leader said Athens would wait.";
        let found = names(text);
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
