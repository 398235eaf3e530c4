//! Pass: the subject of a verb of speech that the tagger left without one.
//!
//! PolNeAR's annotators mark only the outermost attribution, so the tagger
//! learned to miss a body's accusation told in the middle of a sentence
//! ("This came after the US government last week formally accused Russia
//! of…") and the long, coordinated names of official statements ("In a
//! joint statement, the Office of the Director of National Intelligence and
//! the Department of Homeland Security accused…"). This pass finds, for a
//! finite verb that is a strong cue in the training data, the noun phrase
//! that is its subject: the words before it, past adverbs and times ("last
//! week", "on Friday", "formally"), back to the start of the clause.

use super::lexicon::{DAYS, RELATIVE_DAYS};
use super::{cue_share, is_capitalised, world};
use crate::tokens::Token;

/// A verb must be a cue at least this share of the times it occurs in
/// PolNeAR train (accused 0.74, warned 0.89, said 0.92; "called" 0.2 and
/// "showed" 0.3 stay out).
const MIN_VERB_SHARE: f64 = 0.7;

/// With a country or a capital for its subject, a verb need only be a cue
/// this share of the times.
const MIN_GOVERNMENT_VERB_SHARE: f64 = 0.6;

/// The longest subject taken, in tokens: "the Office of the Director of
/// National Intelligence on Election Security and the Department of
/// Homeland Security" is 17.
const MAX_SUBJECT_TOKENS: usize = 18;

/// Words that open a clause: the subject starts after them.
const CLAUSE_OPENERS: &[&str] = &[
    ",", ";", ":", "(", "—", "–", "-", "after", "that", "when", "as", "while", "because", "but",
    "although", "though", "since", "before", "until", "where", "if",
];

/// Lower-case words that can end a speaker's noun phrase.
const SPEAKER_NOUNS: &[&str] = &[
    "government", "governments", "ministry", "ministries", "department", "office", "agency",
    "agencies", "officials", "official", "spokesman", "spokeswoman", "spokesperson", "police",
    "army", "military", "authorities", "administration", "council", "committee", "commission",
    "campaign", "prosecutors", "lawyers", "community", "service", "services", "leaders", "leader",
    "president", "minister", "secretary", "diplomats", "analysts", "experts", "senators",
    "lawmakers", "legislators", "parliament", "court", "judge", "party", "union", "company",
    "group", "critics", "supporters", "aides", "advisers", "advisors", "sources", "investigators",
    "researchers", "economists", "activists", "residents", "witnesses", "democrats",
    "republicans", "voters", "embassy", "mission", "regulator", "regulators", "watchdog",
];

/// Words that cannot be inside a subject: verbs, auxiliaries and the
/// prepositions that lead into an object.
const NOT_IN_SUBJECT: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "could",
    "should", "may", "might", "must", "can", "do", "does", "did", "not", "to", "with", "by",
    "from", "in", "at", "into", "about", "against", "who", "which", "what", "it", "he", "she",
    "they", "we", "i", "you", "this", "these", "those", "there", "than", "then", "also", "said",
];

/// Adverbs and times that may stand between a subject and its verb.
fn adverbial_before(tokens: &[Token<'_>], end: usize) -> Option<usize> {
    let word = |i: usize| tokens[i].text.to_lowercase();
    let w = word(end);
    if ["also", "again", "formally", "repeatedly", "earlier", "later", "previously", "publicly",
        "recently", "once", "has", "have", "had", "separately", "jointly", "swiftly", "quickly",
        "strongly", "angrily", "flatly"]
        .contains(&w.as_str())
        || RELATIVE_DAYS.contains(&w.as_str())
    {
        return Some(end);
    }
    if end >= 1 {
        let before = word(end - 1);
        let time = ["week", "month", "year", "night", "weekend", "spring", "summer", "autumn",
            "fall", "winter", "morning", "evening"];
        if (before == "last" || before == "this" || before == "on")
            && (time.contains(&w.as_str()) || DAYS.contains(&w.as_str()))
        {
            return Some(end - 1);
        }
        if before == "at" && w == "weekend" {
            return Some(end - 1);
        }
        if end >= 2 && word(end - 2) == "at" && before == "the" && w == "weekend" {
            return Some(end - 2);
        }
    }
    None
}

/// Whether the token can stand inside a speaker's name or description.
fn subject_word(tokens: &[Token<'_>], i: usize) -> bool {
    let text = tokens[i].text;
    let lower = text.to_lowercase();
    if !text.chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    if is_capitalised(text) {
        return !NOT_IN_SUBJECT.contains(&lower.as_str()) || i == 0;
    }
    !(NOT_IN_SUBJECT.contains(&lower.as_str())
        || CLAUSE_OPENERS.contains(&lower.as_str())
        || lower.ends_with("ed")
        || lower.ends_with("ing"))
}

/// The subject of the verb at `verb`, when it is a strong cue, not inside
/// quotation marks, and its subject names a speaker.
pub(super) fn speech_subject(
    tokens: &[Token<'_>],
    quoted: &[bool],
    verb: usize,
) -> Option<(usize, usize)> {
    let lower = tokens[verb].text.to_lowercase();
    let finite = lower.ends_with("ed") || lower.ends_with('s') || matches!(lower.as_str(), "told" | "said" | "wrote");
    // "Russia on Tuesday denied…": a government speaks through weaker
    // verbs too (denied is a cue 0.63 of the times in PolNeAR).
    let share = cue_share(&lower);
    if quoted[verb] || !finite || share < MIN_GOVERNMENT_VERB_SHARE || verb == 0 {
        return None;
    }
    // Past adverbs and times back to the subject's last word.
    let mut last = verb - 1;
    while let Some(start) = adverbial_before(tokens, last) {
        last = start.checked_sub(1)?;
    }
    let head = tokens[last].text;
    let head_lower = head.to_lowercase();
    let names_speaker = (is_capitalised(head) && !NOT_IN_SUBJECT.contains(&head_lower.as_str()))
        || SPEAKER_NOUNS.contains(&head_lower.as_str());
    if !names_speaker || quoted[last] {
        return None;
    }
    if share < MIN_VERB_SHARE && world::country_named(head).is_none() {
        return None;
    }
    let mut first = last;
    // A subject never reaches back over a paragraph break (into a headline).
    while first > 0
        && !tokens[first].paragraph_start
        && last - first + 1 < MAX_SUBJECT_TOKENS
        && subject_word(tokens, first - 1)
    {
        // A preposition joins two capitalised parts of one name only
        // ("Committee on Foreign Relations").
        let word = tokens[first - 1].text;
        if matches!(word, "on" | "for") && !(first >= 2 && is_capitalised(tokens[first - 2].text)) {
            break;
        }
        first -= 1;
    }
    // The subject opens its clause: at the text's start or after a
    // clause-opening word, never in the middle of another phrase.
    let opener = first == 0
        || CLAUSE_OPENERS.contains(&tokens[first - 1].text.to_lowercase().as_str())
        || tokens[first - 1].text == "."
        || tokens[first].paragraph_start;
    // "and" may only join inside the subject, not open it.
    while first < last && matches!(tokens[first].text, "and" | "or" | "of") {
        first += 1;
    }
    opener.then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn subject_of(text: &str, verb: &str) -> Option<String> {
        let tokens = tokenize(text);
        let quoted = crate::tagger::inside_quotes(&tokens);
        let at = tokens.iter().position(|t| t.text == verb)?;
        speech_subject(&tokens, &quoted, at)
            .map(|(a, b)| text[tokens[a].span.start..tokens[b].span.end].to_string())
    }

    #[test]
    fn a_government_accusing_after_a_time_and_an_adverb_is_the_subject() {
        assert_eq!(
            subject_of(
                "This came after the US government last week formally accused Russia of theft.",
                "accused"
            )
            .as_deref(),
            Some("the US government")
        );
        assert_eq!(
            subject_of("Berlin last month warned of similar plots.", "warned").as_deref(),
            Some("Berlin")
        );
        assert_eq!(
            subject_of("MOSCOW - Russia on Tuesday denied any role.", "denied").as_deref(),
            Some("Russia")
        );
        // A weaker verb needs a government for its subject.
        assert_eq!(subject_of("The coach denied any role.", "denied"), None);
    }

    #[test]
    fn a_coordinated_statement_keeps_both_issuers() {
        assert_eq!(
            subject_of(
                "In a joint statement on Friday, the Office of the Director of National Intelligence \
                 and the Department of Homeland Security accused Moscow.",
                "accused"
            )
            .as_deref(),
            Some(
                "the Office of the Director of National Intelligence and the Department of Homeland Security"
            )
        );
    }

    #[test]
    fn a_subject_starts_at_its_paragraph_not_in_the_headline_above() {
        assert_eq!(
            subject_of("Strike\n\nNurses United says staffing is behind it.", "says").as_deref(),
            Some("Nurses United")
        );
    }

    #[test]
    fn objects_weak_verbs_and_quotations_give_no_subject() {
        // "Russia" is the object of "met", not the start of a clause.
        assert_eq!(subject_of("He met leaders from Russia accused of fraud.", "accused"), None);
        // "called" is a cue too rarely to stand alone.
        assert_eq!(subject_of("The ministry called the meeting.", "called"), None);
        assert_eq!(
            subject_of("“The Kremlin denied it,” he said.", "denied"),
            None
        );
        // A pronoun is left to the tagger and to resolution.
        assert_eq!(subject_of("Then it warned of plots.", "warned"), None);
    }
}
