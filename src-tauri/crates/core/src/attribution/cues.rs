//! What counts as a cue: the cue words learned from PolNeAR train, and the
//! cues that tell of no statement (a refusal, an act, a passive, a venue).

use super::*;

/// Cue words learned with the model: word, times in a cue, times in all
/// text, times in a cue before its source.
pub(super) static CUE_LEXICON: &str = include_str!("../../model/cue-lexicon.tsv");

/// How a word behaves as a cue in the training data.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueWord {
    share: f64,
    inverted_share: f64,
    inverted: usize,
}

pub(super) fn cue_lexicon() -> &'static std::collections::HashMap<String, CueWord> {
    static LEXICON: OnceLock<std::collections::HashMap<String, CueWord>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        CUE_LEXICON
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let word = fields.next()?.to_string();
                let count: f64 = fields.next()?.parse().ok()?;
                let total: f64 = fields.next()?.parse().ok()?;
                let inverted: usize = fields.next()?.parse().ok()?;
                Some((
                    word,
                    CueWord {
                        share: count / total,
                        inverted_share: inverted as f64 / count,
                        inverted,
                    },
                ))
            })
            .collect()
    })
}

/// The share of the times `word` (lower case) is part of a cue in PolNeAR
/// train; 0 for words never seen in a cue.
pub(super) fn cue_share(word: &str) -> f64 {
    cue_lexicon().get(word).map_or(0.0, |entry| entry.share)
}

/// A cue needs a word that is a cue at least this share of the times it occurs.
pub(super) const MIN_CUE_SHARE: f64 = 0.35;

/// Whether `cue` can introduce a source: it holds a real cue word and, when
/// the source comes after it ("said Putin"), a word that takes inversions.
pub(super) fn plausible_cue(cue: &str, source_after: bool) -> bool {
    let lexicon = cue_lexicon();
    cue.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !NOT_SPEECH.contains(&w.to_lowercase().as_str()))
        .any(|w| {
            lexicon.get(&w.to_lowercase()).is_some_and(|entry| {
                entry.share >= MIN_CUE_SHARE
                    && (!source_after || (entry.inverted >= 3 && entry.inverted_share >= 0.05))
            })
        })
}

/// A reporting verb after the source span ending at `last`, in its sentence:
/// right after it, or before what it reports ("that", a quotation mark).
pub(super) fn reporting_verb_after(
    tokens: &[Token<'_>],
    sentences: &[usize],
    last: usize,
) -> Option<(usize, usize)> {
    const REACH: usize = 12;
    (last + 1..tokens.len().min(last + 1 + REACH))
        .take_while(|&i| sentences[i] == sentences[last])
        .find(|&i| {
            REPORTING_VERBS.contains(&tokens[i].text.to_lowercase().as_str())
                && (i == last + 1
                    || tokens
                        .get(i + 1)
                        .is_some_and(|t| matches!(t.text, "that" | "“" | "\"" | ":")))
        })
        .map(|i| (i, i))
}

/// Whether a cue says that someone did not answer ("did not respond to
/// questions", "declined to comment"): they said nothing to attribute.
pub(super) fn non_answer(cue: &str) -> bool {
    const REFUSALS: &[&str] = &["not", "n't", "never", "declined", "refused"];
    const ANSWERS: &[&str] = &[
        "respond",
        "comment",
        "reply",
        "answer",
        "confirm",
        "discuss",
        "elaborate",
        "say",
    ];
    let lower = cue.to_lowercase();
    let ws: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    // The refusal comes first: "declined to say", but not "says …, not".
    let refusal = ws
        .iter()
        .position(|w| REFUSALS.contains(w) || w.ends_with("n't"));
    refusal.is_some_and(|at| {
        ws[at..]
            .iter()
            .any(|w| ANSWERS.iter().any(|answer| w.starts_with(answer)))
    })
}

/// Whether the source at `first` is whom the cue's "told" addresses: right
/// after it, or after "the" and a possessive medium ("told the BBC's").
pub(super) fn told_venue(tokens: &[Token<'_>], (cue_first, cue_last): (usize, usize), first: usize) -> bool {
    let told = tokens[cue_first..=cue_last]
        .iter()
        .any(|t| t.text.eq_ignore_ascii_case("told") || t.text.eq_ignore_ascii_case("tells"));
    told && first > cue_last && first <= cue_last + 2
}

/// Whether a cue tells of an act rather than something said: a court's
/// verdict ("found former MP Ilse Marek guilty", "was found not liable"),
/// or a deal agreed to ("has agreed to buy Vexa"; but "agreed that" says).
pub(super) fn reports_an_act(tokens: &[Token<'_>], (first, last): (usize, usize)) -> bool {
    const VERDICT_REACH: usize = 7;
    let has = |words: &[&str]| tokens[first..=last].iter().any(|t| words.contains(&t.text));
    let verdict = has(&["found", "finds", "find"])
        && tokens[last + 1..tokens.len().min(last + 1 + VERDICT_REACH)]
            .iter()
            .take_while(|t| !matches!(t.text, "," | "." | "that" | ";"))
            .any(|t| matches!(t.text, "guilty" | "innocent" | "liable"));
    let agreed_to =
        has(&["agreed", "agrees", "agree"]) && tokens.get(last + 1).is_some_and(|t| t.text == "to");
    verdict || agreed_to
}

/// Whether the cue after a source is a passive participle, so the source is
/// the one spoken to or about, not the speaker: "residents were told",
/// "Residents told to keep away", "fish deaths reported on the Harlow".
pub(super) fn passive_cue(
    tokens: &[Token<'_>],
    (cue_first, cue_last): (usize, usize),
    (first, last): (usize, usize),
    starts_sentence: bool,
    has_content: bool,
) -> bool {
    if cue_first <= last {
        return false;
    }
    let lower = |i: usize| {
        tokens
            .get(i)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    };
    let cue = lower(cue_last);
    let before = lower(cue_first - 1);
    let after = lower(cue_last + 1);
    let be = ["is", "are", "was", "were", "been", "being", "be"];
    let cue_opens_with_be = cue_last > cue_first && be.contains(&lower(cue_first).as_str());
    // "The museum had been warned": told, not telling ("has been saying" is
    // not passive).
    let perfect_passive =
        (cue_first..cue_last).any(|i| lower(i) == "been") && (cue.ends_with("ed") || cue == "told");
    if be.contains(&before.as_str()) || cue_opens_with_be || perfect_passive {
        return true;
    }
    let hearer_verbs = [
        "told",
        "asked",
        "urged",
        "ordered",
        "advised",
        "warned",
        "instructed",
    ];
    if hearer_verbs.contains(&cue.as_str()) && after == "to" {
        return true;
    }
    // A participle followed by a place or time, attributing nothing, after
    // common nouns ("fish deaths reported on the river"); "officials
    // reported on Monday that…" has content and stays.
    let capitalised = |t: &Token<'_>| t.text.chars().next().is_some_and(char::is_uppercase);
    let named = tokens[first..=last]
        .iter()
        .enumerate()
        .any(|(i, t)| capitalised(t) && !(i == 0 && starts_sentence));
    let place_or_time = [
        "on", "in", "at", "near", "along", "across", "after", "since", "during", "around", "within",
    ];
    !has_content && cue.ends_with("ed") && place_or_time.contains(&after.as_str()) && !named
}
