//! Pass: coordinated sources are several sources.
//!
//! "Germany and Belgium said", "the Office of the Director of National
//! Intelligence and the Department of Homeland Security accused…": each
//! conjunct speaks, and a researcher counts each. PolNeAR marks such a
//! phrase as one source span, so the tagger proposes it whole; this pass
//! splits it, and a "they" that follows speaks for every conjunct.

use super::is_capitalised;
use super::world;
use crate::tokens::Token;

/// Words that make a conjunct no source of its own.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "his", "her", "their", "its"];

/// The conjuncts of a source span joined by one "and", when each names a
/// speaker of its own; `None` when the span is one name ("Department of
/// Health and Human Services", "Bosnia and Herzegovina") or one description
/// ("the interior and foreign ministries").
pub(super) fn conjuncts(
    tokens: &[Token<'_>],
    text: &str,
    (first, last): (usize, usize),
) -> Option<[(usize, usize); 2]> {
    let ands: Vec<usize> = (first + 1..last)
        .filter(|&i| tokens[i].text == "and")
        .collect();
    let [and] = ands[..] else {
        return None;
    };
    let left = (first, and - 1);
    let right = (and + 1, last);
    let words = |(a, b): (usize, usize)| &tokens[a..=b];
    if words((first, last)).iter().any(|t| matches!(t.text, "," | "(" | ")" | "“" | "”" | "\"")) {
        return None;
    }
    let phrase = crate::CharSpan::new(tokens[first].span.start, tokens[last].span.end)
        .slice(text)
        .unwrap_or_default();
    if world::body_named(phrase).is_some() || world::country_named(phrase).is_some() {
        return None;
    }
    let pronoun = |span| {
        words(span)
            .iter()
            .any(|t| PRONOUNS.contains(&t.text.to_lowercase().as_str()))
    };
    if pronoun(left) || pronoun(right) {
        return None;
    }
    let opens_with_the = |span: (usize, usize)| tokens[span.0].text.eq_ignore_ascii_case("the");
    let named = |span| words(span).iter().any(|t| is_capitalised(t.text));
    // "… and the Department of Homeland Security": a determiner opens a
    // second phrase of its own.
    if opens_with_the(right) && named(right) && named(left) {
        return Some([left, right]);
    }
    // "Germany and Belgium", "Clinton and Kaine", "Treasury and State
    // Department officials": a bare name before "and"; but "Department of
    // Health and Human Services" continues a name after "of".
    let bare_name = words(left)
        .iter()
        .all(|t| is_capitalised(t.text) && t.text.chars().all(|c| c.is_alphabetic() || c == '.'));
    let right_named = is_capitalised(tokens[right.0].text);
    (bare_name && right_named).then_some([left, right])
}

/// For each "they" that speaks for the conjuncts of a coordination just
/// before it ("…the Department of Homeland Security accused Moscow. They
/// said…"), the spans of those conjuncts. `mentions` are the first and last
/// tokens of each mention's source, in text order; a "they" is theirs when
/// it comes within [`MAX_SENTENCES_AFTER`] sentences and no other source
/// spoke in between.
pub(super) fn they_of_coordinations(
    tokens: &[Token<'_>],
    sentences: &[usize],
    mentions: &[(usize, usize)],
    coordinations: &[[(usize, usize); 2]],
) -> Vec<Option<[(usize, usize); 2]>> {
    const MAX_SENTENCES_AFTER: usize = 2;
    let mut found = vec![None; mentions.len()];
    for (k, &(first, last)) in mentions.iter().enumerate() {
        if first != last || !tokens[first].text.eq_ignore_ascii_case("they") {
            continue;
        }
        let Some(previous) = k.checked_sub(1) else {
            continue;
        };
        let before = mentions[previous];
        found[k] = coordinations
            .iter()
            .find(|parts| {
                parts[1] == before
                    && sentences[first] > sentences[before.0]
                    && sentences[first] - sentences[before.0] <= MAX_SENTENCES_AFTER
            })
            .copied();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn split(phrase: &str) -> Option<Vec<String>> {
        let tokens = tokenize(phrase);
        conjuncts(&tokens, phrase, (0, tokens.len() - 1)).map(|spans| {
            spans
                .iter()
                .map(|&(a, b)| phrase[tokens[a].span.start..tokens[b].span.end].to_string())
                .collect()
        })
    }

    #[test]
    fn two_issuers_of_one_statement_are_two_sources() {
        assert_eq!(
            split("the Office of the Director of National Intelligence and the Department of Homeland Security"),
            Some(vec![
                "the Office of the Director of National Intelligence".to_string(),
                "the Department of Homeland Security".to_string()
            ])
        );
        assert_eq!(
            split("Germany and Belgium"),
            Some(vec!["Germany".to_string(), "Belgium".to_string()])
        );
        assert_eq!(
            split("Treasury and State Department officials"),
            Some(vec!["Treasury".to_string(), "State Department officials".to_string()])
        );
    }

    #[test]
    fn they_after_a_coordination_speaks_for_both() {
        let text = "Germany and Belgium accused Iran. They said more was coming. They added more.";
        let tokens = tokenize(text);
        let sentences = super::super::sentence_ids(&tokens);
        let at = |w: &str, n: usize| {
            tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.text == w)
                .nth(n)
                .unwrap()
                .0
        };
        let (germany, belgium) = (at("Germany", 0), at("Belgium", 0));
        let (they, again) = (at("They", 0), at("They", 1));
        let mentions = [(germany, germany), (belgium, belgium), (they, they), (again, again)];
        let parts = [(germany, germany), (belgium, belgium)];
        let found = they_of_coordinations(&tokens, &sentences, &mentions, &[parts]);
        assert_eq!(found, [None, None, Some(parts), None]);
    }

    #[test]
    fn one_name_or_description_with_and_stays_whole() {
        assert_eq!(split("Department of Health and Human Services"), None);
        assert_eq!(split("Bosnia and Herzegovina"), None);
        assert_eq!(split("the interior and foreign ministries"), None);
        assert_eq!(split("He and his wife"), None);
        assert_eq!(split("Smith, Jones and Brown"), None);
    }
}
