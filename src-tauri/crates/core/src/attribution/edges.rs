//! Pass: mend the edges of a source span.
//!
//! The tagger's spans and the subject rules can swallow the words around a
//! name: a time after it ("Berlin last month", "the ministry at the
//! weekend"), a question's inverted verb before it ("Is Turkey…?"), or stop
//! at a middle initial ("John F" of "John F. Kennedy"). Each edge is mended
//! here, once, for every source span.

use super::is_capitalised;
use super::lexicon::{DAYS, MONTHS, RELATIVE_DAYS, TITLE_ABBREVIATIONS};
use crate::tokens::Token;

/// Words that name a stretch of time after "last", "this" or "next".
const PERIODS: &[&str] = &[
    "week", "month", "year", "night", "weekend", "spring", "summer", "autumn", "fall", "winter",
    "morning", "evening", "afternoon",
];

/// Verbs that open a question by inversion ("Is Turkey right…?").
const INVERTED_OPENERS: &[&str] = &[
    "is", "was", "are", "were", "does", "did", "do", "has", "have", "had", "can", "could", "will",
    "would", "should", "shall", "may", "might", "must",
];

/// Words that open a clause before its subject ("When Clinton noted…",
/// "As reported by…"): no part of a source.
const CLAUSE_OPENERS: &[&str] = &[
    "when", "as", "if", "while", "although", "though", "because", "since", "after", "before",
    "unless", "until", "so", "but", "and", "yet", "whether", "once",
];

/// Words that end a clause's subject and start its predicate ("Comey
/// cannot say", "the director further stated", "Sanders himself
/// acknowledged"): no part of a source.
const PREDICATE_OPENERS: &[&str] = &[
    "cannot", "can't", "won't", "wouldn't", "didn't", "doesn't", "don't", "further", "also",
    "still", "himself", "herself", "themselves", "itself", "not", "never", "again",
];

/// Words that alone stand for nobody in particular ("some speculated",
/// "several threatened", "No one expected"): no source on their own.
const QUANTIFIERS: &[&str] = &[
    "some", "most", "many", "several", "others", "other", "anyone", "anybody", "everyone",
    "those", "these", "about", "almost", "nearly", "roughly", "only", "just",
    "everybody", "nobody", "none", "all", "both", "few", "no", "one", "two", "three", "another",
    "each", "any", "more", "fewer", "half", "majorities", "majority", "minority", "someone",
    "somebody",
];

/// How many tokens at the end of `first..=last` say when, not who.
fn trailing_time(tokens: &[Token<'_>], first: usize, last: usize) -> usize {
    let word = |i: usize| tokens[i].text.to_lowercase();
    // "Last Week Tonight" is a name: a time is written in lower case,
    // but for the names of days and months.
    let lower = |i: usize| tokens[i].text.chars().all(|c| !c.is_uppercase());
    let len = last + 1 - first;
    let w = word(last);
    if len >= 2 && RELATIVE_DAYS.contains(&w.as_str()) && lower(last) {
        return 1;
    }
    // "Polls published last month", "a survey published by the daily
    // Posten on Monday": the time belongs to the participle.
    let after_participle = |at: usize| {
        tokens[first..at]
            .iter()
            .any(|t| t.text.ends_with("ed") && t.text.chars().all(char::is_lowercase))
    };
    if len >= 3 && lower(last - 1) && !after_participle(last - 1) {
        let before = word(last - 1);
        if ["last", "this", "next", "on", "in"].contains(&before.as_str())
            && (PERIODS.contains(&w.as_str())
                || DAYS.contains(&w.as_str())
                || MONTHS.contains(&w.as_str()))
        {
            return 2;
        }
    }
    if len >= 4 && word(last - 2) == "at" && word(last - 1) == "the" && PERIODS.contains(&w.as_str())
    {
        return 3;
    }
    0
}

/// Words that give a share of a group ("six in 10", "about half of
/// Democratic primary voters", "a majority of those polled").
const SHARES: &[&str] = &[
    "percent", "%", "half", "third", "thirds", "quarter", "quarters", "two-thirds",
    "three-quarters", "majority", "minority", "plurality", "fraction", "share",
];

/// Prepositions that open a phrase before its subject ("Among those…").
const LEADING_PREPOSITIONS: &[&str] = &[
    "among", "in", "at", "on", "for", "with", "from", "by", "after", "before", "during", "under",
];

/// Lower-case words that speak alone though they do not end in -s
/// ("police said", "people say").
const BARE_SPEAKERS: &[&str] = &[
    "police", "staff", "management", "military", "media", "clergy", "personnel", "leadership",
    "people", "he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "one",
];

/// The span with its edges mended, or `None` when nothing of a source is
/// left.
pub(super) fn mend(tokens: &[Token<'_>], span: (usize, usize)) -> Option<(usize, usize)> {
    let span = cut_openers(tokens, span);
    let span = share_of(tokens, span)?;
    if names_nobody(tokens, span) {
        return None;
    }
    Some(extend_initials(tokens, cut_trailing_time(tokens, span)))
}

fn lower(tokens: &[Token<'_>], i: usize) -> String {
    tokens[i].text.to_lowercase()
}

/// Cuts what opens the span before the speaker: a question's inverted verb
/// ("Is Turkey right…?"), a clause opener ("When Clinton noted"), a
/// preposition ("Among those"), what precedes a relative clause's subject
/// ("in which he laid out"), and what closes it after the speaker ("Comey
/// cannot", "Sanders himself").
fn cut_openers(tokens: &[Token<'_>], (mut first, mut last): (usize, usize)) -> (usize, usize) {
    let word = |i: usize| lower(tokens, i);
    let opens_sentence = first == 0 || matches!(tokens[first - 1].text, "." | "?" | "!" | "\n");
    if first < last
        && (opens_sentence || tokens[first].paragraph_start)
        && INVERTED_OPENERS.contains(&word(first).as_str())
        && is_capitalised(tokens[first].text)
    {
        first += 1;
    }
    // "a 2012 video in which he discussed": the clause's own subject, not
    // the thing it is about.
    if let Some(which) = (first + 1..last).find(|&i| {
        matches!(word(i).as_str(), "which" | "whom")
            && matches!(word(i - 1).as_str(), "in" | "of" | "at" | "during")
    }) {
        first = which + 1;
    }
    while first < last
        && (CLAUSE_OPENERS.contains(&word(first).as_str())
            || LEADING_PREPOSITIONS.contains(&word(first).as_str()))
    {
        first += 1;
    }
    while last > first && PREDICATE_OPENERS.contains(&word(last).as_str()) {
        last -= 1;
    }
    (first, last)
}

/// "63 percent said", "six in 10 said", "An average of 81 percent of
/// Democrats approve": who the share is of, or nobody.
fn share_of(tokens: &[Token<'_>], (first, last): (usize, usize)) -> Option<(usize, usize)> {
    let word = |i: usize| lower(tokens, i);
    let number = |i: usize| tokens[i].text.chars().all(|c| c.is_ascii_digit());
    let n_in_ten = |i: usize| {
        i > first && i < last && matches!(word(i).as_str(), "in" | "of") && number(i + 1) && {
            let before = word(i - 1);
            number(i - 1) || QUANTIFIERS.contains(&before.as_str()) || NUMBER_WORDS.contains(&before.as_str())
        }
    };
    let Some(share) = (first..=last).find(|&i| SHARES.contains(&word(i).as_str()) || n_in_ten(i)) else {
        return Some((first, last));
    };
    let skip = if n_in_ten(share) { 2 } else { 1 };
    let of = (share + skip..=last).find(|&i| word(i) == "of")?;
    (of < last).then_some((of + 1, last))
}

/// Spelled-out numbers ("six in 10").
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Whether the span stands for nobody in particular: quantifiers and
/// numbers alone ("several", "Two others"), a title alone ("Mr"), a
/// clause's participle ("Having", "Appearing"), or one bare singular word
/// in lower case ("top", "federal", "woman").
fn names_nobody(tokens: &[Token<'_>], (first, last): (usize, usize)) -> bool {
    let words: Vec<String> = (first..=last)
        .filter(|&i| tokens[i].text.chars().any(char::is_alphanumeric))
        .map(|i| lower(tokens, i))
        .collect();
    let quantity = words.iter().all(|w| {
        QUANTIFIERS.contains(&w.as_str())
            || NUMBER_WORDS.contains(&w.as_str())
            || w.chars().all(|c| c.is_ascii_digit() || c == ',')
    });
    let title = words.iter().all(|w| TITLE_ABBREVIATIONS.contains(&w.as_str()));
    let single = (words.len() == 1).then(|| words[0].as_str());
    let participle = single.is_some_and(|w| w.ends_with("ing"));
    // "A firefighter who…": a determiner before the span makes it a person.
    let determined = first > 0
        && matches!(
            lower(tokens, first - 1).as_str(),
            "a" | "an" | "the" | "one" | "his" | "her" | "their" | "its" | "another"
        );
    let bare_singular = single.is_some_and(|w| {
        tokens[first].text.chars().all(|c| !c.is_uppercase())
            && !w.ends_with('s')
            && !BARE_SPEAKERS.contains(&w)
            && !determined
    });
    words.is_empty()
        || quantity
        || title
        || participle
        || bare_singular
        || CLAUSE_OPENERS.contains(&lower(tokens, first).as_str())
}

/// Cuts the times that end the span ("Berlin last month"), and a
/// determiner or preposition the cut leaves dangling.
fn cut_trailing_time(tokens: &[Token<'_>], (first, mut last): (usize, usize)) -> (usize, usize) {
    loop {
        let cut = trailing_time(tokens, first, last);
        if cut == 0 {
            break;
        }
        last -= cut;
    }
    while last > first && matches!(lower(tokens, last).as_str(), "the" | "at" | "on" | "in" | "of") {
        last -= 1;
    }
    (first, last)
}

/// "John F" + "." + "Kennedy": the name goes on past its initial.
fn extend_initials(tokens: &[Token<'_>], (first, mut last): (usize, usize)) -> (usize, usize) {
    while tokens[last].text.len() == 1
        && tokens[last].text.chars().all(|c| c.is_ascii_uppercase())
        && tokens.get(last + 1).is_some_and(|t| t.text == ".")
        && tokens.get(last + 2).is_some_and(|t| is_capitalised(t.text))
    {
        last += 2;
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn mended(phrase: &str, text: &str) -> String {
        let tokens = tokenize(text);
        let words = tokenize(phrase).len();
        let first = tokens
            .windows(words)
            .position(|w| w.iter().map(|t| t.text).eq(tokenize(phrase).iter().map(|t| t.text)))
            .unwrap();
        let (a, b) = mend(&tokens, (first, first + words - 1)).unwrap();
        text[tokens[a].span.start..tokens[b].span.end].to_string()
    }

    #[test]
    fn times_after_a_name_are_cut() {
        assert_eq!(mended("Berlin last month", "Berlin last month warned."), "Berlin");
        assert_eq!(
            mended("the ministry at the weekend", "He said the ministry at the weekend said so."),
            "the ministry"
        );
        assert_eq!(mended("officials yesterday", "So officials yesterday said."), "officials");
        assert_eq!(mended("Smith on Friday", "Smith on Friday said."), "Smith");
        assert_eq!(
            mended("Polls published last month", "Polls published last month put him ahead."),
            "Polls published last month"
        );
    }

    #[test]
    fn a_question_opening_verb_is_no_part_of_the_name() {
        assert_eq!(mended("Is Turkey", "Is Turkey right to stay neutral?"), "Turkey");
        // Inside a sentence it is left alone.
        assert_eq!(mended("Last Week Tonight", "He said Last Week Tonight aired."), "Last Week Tonight");
    }

    #[test]
    fn clause_openers_predicates_and_shares_are_cut_from_the_speaker() {
        assert_eq!(mended("When Clinton", "When Clinton noted that he paid."), "Clinton");
        assert_eq!(mended("Comey cannot", "Comey cannot say that."), "Comey");
        assert_eq!(mended("Sanders himself", "Sanders himself acknowledged it."), "Sanders");
        assert_eq!(mended("in which he", "a talk, in which he laid out a plan"), "he");
        assert_eq!(
            mended("a 2012 video in which he", "In a 2012 video in which he discussed it, he said so."),
            "he"
        );
        assert_eq!(
            mended("An average of 81 percent of Democrats", "An average of 81 percent of Democrats approve."),
            "Democrats"
        );
        assert_eq!(
            mended(
                "about half of Democratic primary voters",
                "Exit polls showed about half of Democratic primary voters said so."
            ),
            "Democratic primary voters"
        );
        assert_eq!(mended("police", "Then police said so."), "police");
        assert_eq!(mended("firefighter", "A firefighter said so."), "firefighter");
    }

    #[test]
    fn quantities_and_quantifiers_alone_are_nobody() {
        for (phrase, text) in [
            ("63 percent", "However, 63 percent said so."),
            ("several", "In interviews, several threatened to leave."),
            ("Two others", "Two others have not said."),
            ("As", "As reported by the paper, it fell."),
            ("No one", "No one expected it."),
            ("six in 10", "But six in 10 said they want more."),
            ("Almost half", "Almost half said they wanted an outsider."),
            ("Among those", "Among those, many said no."),
            ("Mr", "Mr said so."),
            ("Having", "Having said that, he left."),
            ("top", "Officials at top said it."),
        ] {
            let tokens = tokenize(text);
            let words = tokenize(phrase).len();
            let first = tokens.iter().position(|t| t.text == tokenize(phrase)[0].text).unwrap();
            assert_eq!(mend(&tokens, (first, first + words - 1)), None, "{phrase}");
        }
    }

    #[test]
    fn a_name_goes_on_past_a_middle_initial() {
        assert_eq!(
            mended("John F", "John F. Kennedy said so."),
            "John F. Kennedy"
        );
    }
}
