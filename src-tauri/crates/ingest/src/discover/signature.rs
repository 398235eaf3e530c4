//! An event's signature: the names and distinctive words its articles
//! share, and its date; and how alike another headline is to it.

use std::collections::HashMap;

use serde::Serialize;
use time::Date;
use ts_rs::TS;

use crate::article::Article;

/// Most entities and terms kept in a signature.
const MAX_ENTITIES: usize = 8;
const MAX_TERMS: usize = 10;
/// A title counts this many times over the body.
const TITLE_WEIGHT: usize = 3;

/// What identifies an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Signature {
    /// People, places and bodies named most, longest form first seen:
    /// "Vladimir Putin", "DNC".
    pub entities: Vec<String>,
    /// Distinctive words, most frequent first.
    pub terms: Vec<String>,
    /// The earliest seed's publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
}

impl Signature {
    /// The signature of one or more articles about the same event.
    pub fn of(seeds: &[Article]) -> Signature {
        let mut entity_counts: HashMap<String, (usize, String)> = HashMap::new();
        let mut term_counts: HashMap<String, usize> = HashMap::new();
        for seed in seeds {
            let title = seed.meta.title.as_deref().unwrap_or_default();
            let site = seed.meta.site.as_deref().unwrap_or_default();
            // Words the seed also writes in lower case are ordinary words,
            // even where a headline or a sentence capitalises them.
            let common: Vec<&str> = [title, seed.text.as_str()]
                .iter()
                .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .collect();
            for (text, weight) in [(title, TITLE_WEIGHT), (seed.text.as_str(), 1)] {
                for (phrase, starts_sentence) in capitalised_phrases(text) {
                    let lone = !phrase.contains(' ');
                    let lowered = phrase.to_lowercase();
                    let ordinary = lone
                        && (STOPWORDS.contains(&lowered.as_str())
                            || (starts_sentence && common.contains(&lowered.as_str())));
                    // The seed's own outlet names nothing about the event.
                    if ordinary || (!site.is_empty() && site.contains(phrase.as_str())) {
                        continue;
                    }
                    let phrase = short_form(&phrase);
                    let key = entity_key(&phrase);
                    let entry = entity_counts.entry(key).or_insert((0, phrase.clone()));
                    entry.0 += weight;
                    if phrase.split(' ').count() > entry.1.split(' ').count() {
                        entry.1 = phrase;
                    }
                }
                for word in words(text) {
                    *term_counts.entry(word).or_default() += weight;
                }
            }
        }
        let mut entities: Vec<(usize, String, String)> = entity_counts
            .into_iter()
            .filter(|(_, (count, _))| *count >= 2)
            .map(|(key, (count, phrase))| (count, key, phrase))
            .collect();
        entities.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        entities.truncate(MAX_ENTITIES);
        let entity_words: Vec<String> = entities
            .iter()
            .map(|(_, _, phrase)| phrase.as_str())
            .chain(seeds.iter().filter_map(|s| s.meta.site.as_deref()))
            .flat_map(words)
            .collect();
        let mut terms: Vec<(usize, String)> = term_counts
            .into_iter()
            .filter(|(word, count)| *count >= 2 && word.len() >= 4 && !entity_words.contains(word))
            .map(|(word, count)| (count, word))
            .collect();
        terms.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        terms.truncate(MAX_TERMS);
        let date = seeds
            .iter()
            .filter_map(|s| s.meta.date.as_deref().and_then(day))
            .min();
        Signature {
            entities: entities.into_iter().map(|(_, _, phrase)| phrase).collect(),
            terms: terms.into_iter().map(|(_, word)| word).collect(),
            date: date.map(|d| d.to_string()),
        }
    }

    /// The seeds' date.
    pub fn day(&self) -> Option<Date> {
        self.date.as_deref().and_then(day)
    }

    /// How alike `text` (a headline, address words and summary) dated
    /// `date` is to the event, 0 to 1, and why; `None` when it shares fewer
    /// than two names and words in all.
    pub fn likeness(&self, text: &str, date: Option<Date>) -> Option<(f32, String)> {
        let found = words(text);
        let shared_entities: Vec<&str> = self
            .entities
            .iter()
            .filter(|e| found.contains(&entity_key(e)))
            .map(|e| e.rsplit(' ').next().unwrap_or(e))
            .collect();
        let shared_terms: Vec<&str> = self
            .terms
            .iter()
            .filter(|t| found.contains(t))
            .map(String::as_str)
            .collect();
        if shared_entities.len() + shared_terms.len() < 2 {
            return None;
        }
        let share = |n: usize, of: usize, cap: usize| match of.min(cap) {
            0 => 0.0,
            d => (n as f32 / d as f32).min(1.0),
        };
        let entities = share(shared_entities.len(), self.entities.len(), 4);
        let terms = share(shared_terms.len(), self.terms.len(), 5);
        let days = self.day().zip(date).map(|(a, b)| (b - a).whole_days());
        let closeness = days.map_or(0.5, |d| (1.0 - 0.2 * d.abs() as f32).max(0.0));
        let score = if self.entities.is_empty() {
            0.85 * terms + 0.15 * closeness
        } else {
            0.45 * entities + 0.4 * terms + 0.15 * closeness
        };
        let mut shared: Vec<String> = shared_entities
            .iter()
            .take(4)
            .map(|e| e.to_string())
            .collect();
        if shared.len() < 3 {
            shared.extend(
                shared_terms
                    .iter()
                    .take(3 - shared.len())
                    .map(|t| format!("“{t}”")),
            );
        }
        let when = match days {
            None => "date unknown".to_string(),
            Some(0) => "same day".to_string(),
            Some(1) => "1 day later".to_string(),
            Some(-1) => "1 day earlier".to_string(),
            Some(d) if d > 0 => format!("{d} days later"),
            Some(d) => format!("{} days earlier", -d),
        };
        Some((score, format!("shares {}; {when}", shared.join(", "))))
    }
}

/// A date at the start of an ISO 8601 date or date-time.
fn day(iso: &str) -> Option<Date> {
    let prefix = iso.get(..10)?;
    Date::parse(
        prefix,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// The key an entity is matched by: its last word, lowercased ("Putin" for
/// "Vladimir Putin"), so "President Putin" and "Putin" are one entity.
fn entity_key(phrase: &str) -> String {
    phrase.rsplit(' ').next().unwrap_or(phrase).to_lowercase()
}

/// Lowercased words of a text, without common words and numbers.
pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// A name without the titles before it: "Foreign Minister Ilse Brandt"
/// gives "Ilse Brandt", "Bank of England" stays.
fn short_form(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split(' ').collect();
    let keep = if words.len() >= 3 && CONNECTORS.contains(&words[words.len() - 2]) {
        3
    } else {
        2
    };
    words[words.len().saturating_sub(keep)..].join(" ")
}

/// Runs of capitalised words ("Vladimir Putin", "Port Hallam", "DNC"), and
/// whether each starts a sentence (where any word is capitalised).
fn capitalised_phrases(text: &str) -> Vec<(String, bool)> {
    let mut phrases = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut sentence_start = true;
    let mut finish = |current: &mut Vec<&str>, starts_sentence: bool| {
        while current.last().is_some_and(|w| CONNECTORS.contains(w)) {
            current.pop();
        }
        if !current.is_empty() {
            phrases.push((current.join(" "), starts_sentence));
        }
        current.clear();
    };
    let mut phrase_starts_sentence = false;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised =
            word.chars().next().is_some_and(char::is_uppercase) && !MONTHS_AND_DAYS.contains(&word);
        let connector = !current.is_empty() && CONNECTORS.contains(&word);
        if capitalised || connector {
            if current.is_empty() {
                phrase_starts_sentence = sentence_start;
            }
            current.push(word);
        } else {
            finish(&mut current, phrase_starts_sentence);
        }
        let ends_clause = raw.ends_with(['.', '!', '?', ':', '"', '”', ',', ';']);
        if ends_clause || raw.ends_with(['.', '!', '?']) {
            finish(&mut current, phrase_starts_sentence);
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':', '"', '”']);
    }
    finish(&mut current, phrase_starts_sentence);
    phrases
}

const CONNECTORS: &[&str] = &["of", "al", "de", "bin", "von", "van", "del", "la"];

const MONTHS_AND_DAYS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "last",
    "like",
    "made",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "new",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "said",
    "says",
    "say",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "two",
    "under",
    "until",
    "up",
    "us",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "year",
    "years",
    "you",
    "week",
    "day",
    "news",
    "according",
    "statement",
    "people",
    "time",
    "first",
    "just",
    "may",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "percent",
    "per",
    "cent",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Origin;

    fn article(title: &str, date: &str, text: &str) -> Article {
        let mut article = Article::new(text.to_string(), Origin::Paste, text.as_bytes());
        article.meta.title = Some(title.to_string());
        article.meta.date = Some(date.to_string());
        article
    }

    fn seed() -> Article {
        article(
            "Valmora and Estrela agree ceasefire after talks in Geneva",
            "2026-03-14T09:00:00Z",
            "GENEVA — Valmora and Estrela agreed a ceasefire on Friday after two days of talks \
             brokered by Norway. “The guns will fall silent at midnight,” Valmoran Foreign \
             Minister Ilse Brandt told reporters. Brandt said the ceasefire would be watched \
             by Norwegian monitors. Estrela's delegation, led by Tomas Ferreira, said the \
             ceasefire was fragile. Ferreira said prisoners would be exchanged within a week.",
        )
    }

    #[test]
    fn a_signature_holds_the_names_words_and_date_of_the_event() {
        let signature = Signature::of(&[seed()]);
        for name in ["Valmora", "Estrela", "Ilse Brandt", "Tomas Ferreira"] {
            assert!(
                signature.entities.iter().any(|e| e == name),
                "{name}: {signature:?}"
            );
        }
        assert!(
            !signature
                .entities
                .iter()
                .any(|e| e == "The" || e == "Friday"),
            "{signature:?}"
        );
        assert_eq!(signature.terms[0], "ceasefire", "{signature:?}");
        assert_eq!(signature.date.as_deref(), Some("2026-03-14"));
    }

    #[test]
    fn a_headline_about_the_event_scores_higher_than_one_about_something_else() {
        let signature = Signature::of(&[seed()]);
        let day = time::macros::date!(2026 - 03 - 14);
        let (same, reason) = signature
            .likeness(
                "Ferreira and Brandt seal Valmora-Estrela ceasefire in Geneva",
                Some(day),
            )
            .unwrap();
        assert!(
            reason.starts_with("shares ") && reason.contains("Brandt"),
            "{reason}"
        );
        assert!(reason.ends_with("same day"), "{reason}");
        let (later, reason) = signature
            .likeness(
                "Estrela ceasefire holds as talks resume",
                Some(day + time::Duration::days(3)),
            )
            .unwrap();
        assert!(reason.ends_with("3 days later"), "{reason}");
        assert!(same > later, "{same} vs {later}");
        assert_eq!(
            signature.likeness("Football: Porto beat Benfica in derby", Some(day)),
            None
        );
    }
}
