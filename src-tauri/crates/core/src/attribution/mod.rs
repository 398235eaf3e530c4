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
mod edges;
mod lexicon;
mod roles;
mod subject;
mod world;

use lexicon::*;

use crate::tagger::{inside_quotes, Model, Tag};
use crate::tokens::{tokenize, Token};
use crate::CharSpan;

/// The attribution model that ships with the engine, trained by
/// `sourcelens train polnear ../shared/data/polnear --out src-tauri/crates/core/model/attribution.bin.gz`.
static MODEL_BYTES: &[u8] = include_bytes!("../../model/attribution.bin.gz");

/// Cue words learned with the model: word, times in a cue, times in all
/// text, times in a cue before its source.
static CUE_LEXICON: &str = include_str!("../../model/cue-lexicon.tsv");

/// How a word behaves as a cue in the training data.
#[derive(Debug, Clone, Copy)]
struct CueWord {
    share: f64,
    inverted_share: f64,
    inverted: usize,
}

fn cue_lexicon() -> &'static std::collections::HashMap<String, CueWord> {
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
fn cue_share(word: &str) -> f64 {
    cue_lexicon().get(word).map_or(0.0, |entry| entry.share)
}

/// A cue needs a word that is a cue at least this share of the times it occurs.
const MIN_CUE_SHARE: f64 = 0.35;

/// Whether `cue` can introduce a source: it holds a real cue word and, when
/// the source comes after it ("said Putin"), a word that takes inversions.
fn plausible_cue(cue: &str, source_after: bool) -> bool {
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

/// The first token of the sentence token `i` is in.
fn sentence_start(sentences: &[usize], i: usize) -> usize {
    (0..i)
        .rev()
        .take_while(|&j| sentences[j] == sentences[i])
        .last()
        .unwrap_or(i)
}

/// A reporting verb after the source span ending at `last`, in its sentence:
/// right after it, or before what it reports ("that", a quotation mark).
fn reporting_verb_after(
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

/// The subject before a reporting verb shortly before the content starting
/// at `content`: "Analysts at Nordbank estimated in a note to clients that…".
/// Only a name ("Care Workers United"), a group at a named body ("Analysts
/// at Nordbank") or a document ("A leaked memo") opening its sentence.
/// The phrase of "…, the statement showed." (not tagged as a source or a
/// cue) before a cue that ends its sentence: a determiner and up to four
/// words after a comma, or a document's name of up to eight ("data from the
/// exchange").
fn closing_subject(
    tokens: &[Token<'_>],
    tags: &[Tag],
    (cue, cue_end): (usize, usize),
) -> Option<(usize, usize)> {
    const MAX_PHRASE_WORDS: usize = 5;
    const MAX_DOCUMENT_WORDS: usize = 8;
    if tokens.get(cue_end + 1).is_none_or(|t| t.text != ".") {
        return None;
    }
    let comma = (cue.saturating_sub(MAX_DOCUMENT_WORDS + 1)..cue)
        .rev()
        .find(|&i| tokens[i].text == ",")?;
    let phrase = comma + 1..cue;
    // "…, data from the regional monitoring network OceanWatch showed.": a
    // document needs none, and may be longer.
    let words: Vec<&str> = phrase.clone().map(|i| tokens[i].text).collect();
    let determiner = (DETERMINERS.contains(&tokens[comma + 1].text.to_lowercase().as_str())
        && phrase.len() <= MAX_PHRASE_WORDS)
        || kind_of(&words.join(" ")) == SourceKind::Document;
    let untagged_words = phrase.clone().all(|i| {
        matches!(tags[i], Tag::Outside | Tag::Content | Tag::ContentStart)
            && tokens[i]
                .text
                .chars()
                .all(|c| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')
    });
    (phrase.len() >= 2 && determiner && untagged_words).then_some((comma + 1, cue - 1))
}

fn unmarked_subject(
    tokens: &[Token<'_>],
    sentences: &[usize],
    content: usize,
) -> Option<(usize, usize)> {
    const VERB_REACH: usize = 8;
    const MAX_NAME_WORDS: usize = 4;
    const MAX_DOCUMENT_TOKENS: usize = 8;
    let start = sentence_start(sentences, content);
    let verb = (start + 1..content)
        .rev()
        .take(VERB_REACH)
        .find(|&i| REPORTING_VERBS.contains(&tokens[i].text.to_lowercase().as_str()))?;
    let subject = &tokens[start..verb];
    let name = |words: &[Token<'_>]| {
        !words.is_empty()
            && words.len() <= MAX_NAME_WORDS
            && words.iter().all(|t| is_name_word(t.text))
    };
    let group_at_body = subject.len() >= 3
        && matches!(subject[1].text, "at" | "of" | "from" | "with")
        && subject[0].text.ends_with('s')
        && name(&subject[2..]);
    if name(subject) || group_at_body {
        return Some((start, verb - 1));
    }
    // "A leaked internal memo from the commission, seen by this newspaper,
    // shows that…": a document, with or without a parenthesis after it.
    let head = subject
        .iter()
        .position(|t| t.text == ",")
        .unwrap_or(subject.len());
    let parenthesis_closes = head == subject.len() || subject[subject.len() - 1].text == ",";
    let words: Vec<&str> = subject[..head].iter().map(|t| t.text).collect();
    (head > 0
        && head <= MAX_DOCUMENT_TOKENS
        && parenthesis_closes
        && is_capitalised(words[0])
        && kind_of(&words.join(" ")) == SourceKind::Document)
        .then_some((start, start + head - 1))
}

/// A source and its cue inside a clause, from the token at `at`: "what
/// prosecutors called the misuse of funds" (a label the source gives), or
/// "a case her supporters say was designed…" and "a plan which officials
/// say will cost…" (the clause's subject says what the clause states).
/// The source is a plural noun alone, or up to four words opening with a
/// determiner or a possessive.
fn source_in_clause(tokens: &[Token<'_>], at: usize) -> Option<((usize, usize), (usize, usize))> {
    const MAX_PHRASE_WORDS: usize = 4;
    const SUBJECT_OPENERS: &[&str] = &["the", "her", "his", "their", "its", "some", "many", "most"];
    const LABELS: &[&str] = &["called", "described", "termed", "dubbed", "branded"];
    let text = |i: usize| tokens.get(i).map_or("", |t| t.text);
    let is_word = |i: usize| {
        !text(i).is_empty()
            && text(i)
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\''))
    };
    if at == 0 || !is_word(at) {
        return None;
    }
    let before = text(at - 1);
    // "what", a relative pronoun, or the noun the clause describes.
    let described_noun = is_word(at - 1)
        && before.chars().all(char::is_lowercase)
        && ![AUXILIARIES, REPORTING_VERBS, PREPOSITIONS]
            .iter()
            .any(|list| list.contains(&before));
    let opens_clause = before == "what" || RELATIVE_PRONOUNS.contains(&before) || described_noun;
    let plural = text(at).ends_with('s') && text(at).chars().all(char::is_lowercase);
    let determined = SUBJECT_OPENERS.contains(&text(at));
    if !opens_clause || !(plural || determined) {
        return None;
    }
    let cued = |cue: usize| {
        (before == "what" && LABELS.contains(&text(cue)))
            || (matches!(text(cue), "say" | "says" | "said")
                && AUXILIARIES.contains(&text(cue + 1)))
    };
    let last_word = if determined {
        at + MAX_PHRASE_WORDS - 1
    } else {
        at
    };
    let end = (at..=last_word)
        .take_while(|&i| is_word(i) && !AUXILIARIES.contains(&text(i)))
        .find(|&i| (i > at || !determined) && cued(i + 1))?;
    Some(((at, end), (end + 1, end + 1)))
}

/// A poll or survey at the token `at` and the verb that states its
/// finding: "with polls showing the race too close to call", "a survey
/// published by the daily Ostburg Posten on Monday put the Moderates two
/// points ahead". The phrase runs to the verb (or its "that") without
/// punctuation, from the poll word back over capitalised words,
/// determiners and a few modifiers ("A snap poll", "Recent polls").
fn poll_finding(
    tokens: &[Token<'_>],
    sentences: &[usize],
    at: usize,
) -> Option<((usize, usize), (usize, usize))> {
    const POLLS: &[&str] = &["poll", "polls", "survey", "surveys"];
    const MODIFIERS: &[&str] = &["snap", "opinion", "new", "latest", "recent", "exit"];
    const MAX_PHRASE_TOKENS: usize = 12;
    if !POLLS.contains(&tokens[at].text.to_lowercase().as_str()) {
        return None;
    }
    let sentence = sentences[at];
    let is_word = |i: usize| {
        sentences[i] == sentence
            && tokens[i]
                .text
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '’' | '\''))
    };
    let verb = (at + 1..tokens.len().min(at + MAX_PHRASE_TOKENS))
        .take_while(|&i| is_word(i) && !matches!(tokens[i].text, "who" | "whom" | "whose"))
        .find(|&i| FINDING_VERBS.contains(&tokens[i].text))?;
    let opens_phrase = |i: usize| {
        let lower = tokens[i].text.to_lowercase();
        is_capitalised(tokens[i].text)
            || DETERMINERS.contains(&lower.as_str())
            || MODIFIERS.contains(&lower.as_str())
    };
    let mut start = at;
    while start > 0 && is_word(start - 1) && opens_phrase(start - 1) {
        start -= 1;
    }
    // "Internet polls that showed him victorious".
    let end = if matches!(tokens[verb - 1].text, "that" | "which") {
        verb - 2
    } else {
        verb - 1
    };
    (end >= start).then_some(((start, end), (verb, verb)))
}

/// A sentence's subject runs to at most this many tokens before its verb.
const MAX_SUBJECT_TOKENS: usize = 8;

/// The first token of a sentence's own words, from its first token `start`
/// (before `end`): past a dateline ("CALDERA, Oct. 2 (Continental Press) —")
/// when the sentence opens a paragraph.
fn past_dateline(tokens: &[Token<'_>], start: usize, end: usize) -> usize {
    // A dateline's dash comes within this many tokens of the paragraph start.
    const DATELINE_TOKENS: usize = 14;
    if !tokens[start].paragraph_start {
        return start;
    }
    tokens[start..end]
        .iter()
        .take(DATELINE_TOKENS)
        .position(|t| is_dash(t.text))
        .map_or(start, |dash| start + dash + 1)
}

/// The words that open the sentence of the cue at `cue` and run up to it,
/// when the tagger marked no source there: "BRAKKE, May 2 (Northwire) — The
/// harbour board on Tuesday said…". Only words, opening with a capital, and
/// none that looks like a verb of its own ("closed", "waiting", "and") or a
/// preposition other than the day's "on". When the cue is joined by "and"
/// to the sentence's first verb, the subject is that verb's: "Tarsland on
/// Thursday condemned the seizure and said…".
fn subject_before(tokens: &[Token<'_>], sentences: &[usize], cue: usize) -> Option<(usize, usize)> {
    if cue == 0 || !matches!(tokens[cue].text, "said" | "says" | "told") {
        return None;
    }
    let start = past_dateline(tokens, sentence_start(sentences, cue), cue);
    // "…and told workers to stop" orders; it does not report.
    let verb = if tokens[cue - 1].text == "and" && tokens[cue].text != "told" {
        let verb = (start + 1..cue).find(|&i| {
            let word = tokens[i].text;
            word.chars().all(char::is_lowercase) && word.ends_with("ed")
        })?;
        let one_clause = tokens[verb..cue]
            .iter()
            .all(|t| t.text.chars().next().is_some_and(char::is_alphanumeric));
        one_clause.then_some(verb)?
    } else {
        cue
    };
    // "on Tuesday" may stand between the subject and the cue; another
    // preposition leads into a phrase the rules for spans would cut.
    let on_day = |i: usize| {
        tokens[i].text == "on"
            && tokens
                .get(i + 1)
                .is_some_and(|t| DAYS.contains(&t.text.to_lowercase().as_str()))
    };
    let words = (start..verb).all(|i| {
        let word = tokens[i].text;
        let verb_like = word.chars().all(char::is_lowercase)
            && (word.ends_with("ed") || word.ends_with("ing") || word == "and");
        let preposition = PREPOSITIONS.contains(&word) && !on_day(i);
        word.chars().next().is_some_and(char::is_alphanumeric) && !verb_like && !preposition
    });
    (start < verb
        && verb - start <= MAX_SUBJECT_TOKENS
        && words
        && is_capitalised(tokens[start].text))
    .then_some((start, verb - 1))
}

/// The subject of a sentence that ends in a ", saying…" clause at `cue`
/// ("Tessara's competition authority fined the chains…, saying…",
/// "VARN, Jan. 20 (Nordic Wire) — Varn county council voted…, saying…"):
/// the words from the sentence's start, past a dateline, to its first verb
/// (a word in -ed or an auxiliary) or "on" ("… Solheim on Tuesday called").
fn saying_subject(tokens: &[Token<'_>], sentences: &[usize], cue: usize) -> Option<(usize, usize)> {
    if cue == 0 || !tokens[cue].text.eq_ignore_ascii_case("saying") || tokens[cue - 1].text != "," {
        return None;
    }
    let start = past_dateline(tokens, sentence_start(sentences, cue), cue);
    let verb = (start + 1..cue.min(start + MAX_SUBJECT_TOKENS + 1)).find(|&i| {
        let word = tokens[i].text;
        word.chars().all(char::is_lowercase)
            && (word.ends_with("ed") || word == "on" || AUXILIARIES.contains(&word))
    })?;
    let phrase = tokens[start..verb].iter().all(|t| {
        !matches!(t.text, "," | ";" | ":" | "“" | "”" | "\"" | "(" | ")") && !is_dash(t.text)
    });
    phrase.then_some((start, verb - 1))
}

/// The char where a headline opening the text ends (0 when there is none):
/// a first line of at most 200 characters that does not end a sentence.
fn headline_end(text: &str) -> usize {
    const MAX_HEADLINE_CHARS: usize = 200;
    let line = text.lines().next().unwrap_or_default();
    let ends_sentence = line.trim_end().ends_with(['.', '!', '?', '”', '"']);
    let chars = line.chars().count();
    if chars <= MAX_HEADLINE_CHARS && !ends_sentence && text.len() > line.len() {
        chars
    } else {
        0
    }
}

/// Whether a cue says that someone did not answer ("did not respond to
/// questions", "declined to comment"): they said nothing to attribute.
fn non_answer(cue: &str) -> bool {
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
fn told_venue(tokens: &[Token<'_>], (cue_first, cue_last): (usize, usize), first: usize) -> bool {
    let told = tokens[cue_first..=cue_last]
        .iter()
        .any(|t| t.text.eq_ignore_ascii_case("told") || t.text.eq_ignore_ascii_case("tells"));
    told && first > cue_last && first <= cue_last + 2
}

/// Whether a cue tells of an act rather than something said: a court's
/// verdict ("found former MP Ilse Marek guilty", "was found not liable"),
/// or a deal agreed to ("has agreed to buy Vexa"; but "agreed that" says).
fn reports_an_act(tokens: &[Token<'_>], (first, last): (usize, usize)) -> bool {
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
fn passive_cue(
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
    let tokens = tokenize(text);
    // "…, insurers say" / "The Coastal Insurance Federation said": tagged
    // apart, a headline does not run on into the story's first words.
    let headline_end = headline_end(text);
    let body = tokens
        .iter()
        .position(|t| t.span.start >= headline_end)
        .unwrap_or(tokens.len());
    let mut tags = model().tag(&tokens[..body]);
    tags.extend(model().tag(&tokens[body..]));
    let quoted = inside_quotes(&tokens);
    let sentences = sentence_ids(&tokens);
    let spans = |role| crate::tagger::spans(&tags, role);
    let (cue_spans, content_spans) = (spans(1), spans(2));
    // "Dr" + "Mirela Kosta": the tagger may leave out a title's full stop.
    let mut tagged_sources: Vec<(usize, usize)> = Vec::new();
    for span in spans(0) {
        match tagged_sources.last_mut() {
            Some(previous)
                if span.0 == previous.1 + 2
                    && tokens[previous.1 + 1].text == "."
                    && TITLE_ABBREVIATIONS
                        .contains(&tokens[previous.1].text.to_lowercase().as_str()) =>
            {
                previous.1 = span.1;
            }
            _ => tagged_sources.push(span),
        }
    }
    let mut source_spans: Vec<(usize, usize)> = Vec::new();
    for span in tagged_sources
        .into_iter()
        .filter_map(|span| tidy_source(&tokens, &tags, &sentences, span))
    {
        // "A spokesman for the chamber, Rory Delacourt, told…" and
        // "Structural engineer Paul Arneson": one source.
        match source_spans.last_mut() {
            // Already inside "A filing to the stock exchange".
            Some(previous) if span.1 <= previous.1 => {}
            Some(previous)
                if span.0 == previous.1 + 2
                    && ((tokens[previous.1 + 1].text == ","
                        && is_capitalised(tokens[span.0].text))
                        || role_between(&tokens, &tags, previous.1, span.0)) =>
            {
                previous.1 = span.1
            }
            _ => source_spans.push(span),
        }
    }
    // A speaker the tagger missed before a relative clause or an
    // appositive: "Ingvild Brekke of the University of Tromvik, who has
    // studied…, said", "Sam Orr, general secretary of the union, said".
    for &(cue, _) in &cue_spans {
        if cue < 2
            || tokens[cue - 1].text != ","
            || source_spans
                .iter()
                .any(|s| sentences[s.0] == sentences[cue])
        {
            continue;
        }
        if let Some(span) = clause_antecedent(&tokens, cue - 2, cue - 2)
            .or_else(|| name_opening_appositive(&tokens, &sentences, cue))
            .and_then(|span| tidy_source(&tokens, &tags, &sentences, span))
        {
            source_spans.push(span);
        }
    }
    // "…voted for the larger increase, the statement showed.": a short
    // phrase between a comma and a cue that ends the sentence is its
    // source, whatever the tagger took in the clause before.
    // A reporting verb the tagger left in the content counts too.
    let untagged_verbs = (0..tokens.len())
        .filter(|&i| {
            tags[i].role() != Some(1)
                && tokens.get(i + 1).is_some_and(|t| t.text == ".")
                && REPORTING_VERBS.contains(&tokens[i].text.to_lowercase().as_str())
        })
        .map(|i| (i, i));
    for (cue, cue_end) in cue_spans.iter().copied().chain(untagged_verbs) {
        if let Some(span) = closing_subject(&tokens, &tags, (cue, cue_end))
            .and_then(|span| tidy_source(&tokens, &tags, &sentences, span))
        {
            source_spans.push(span);
        }
    }
    // "The water board closed three reservoirs on Thursday, saying…" and
    // "The harbour board on Tuesday said…": the sentence's subject says
    // what the cue reports, when the tagger marked no source.
    for &(cue, _) in &cue_spans {
        if source_spans
            .iter()
            .any(|s| sentences[s.0] == sentences[cue])
        {
            continue;
        }
        if let Some(span) = saying_subject(&tokens, &sentences, cue)
            .or_else(|| subject_before(&tokens, &sentences, cue))
            .and_then(|span| tidy_source(&tokens, &tags, &sentences, span))
        {
            source_spans.push(span);
        }
    }
    // A subject the tagger missed before a reporting verb and what it
    // reports: "Analysts at Nordbank estimated in a note that…".
    for &(content, _) in &content_spans {
        let sentence = sentences[content];
        if source_spans.iter().any(|s| sentences[s.0] == sentence) {
            continue;
        }
        if let Some(span) = unmarked_subject(&tokens, &sentences, content)
            .and_then(|span| tidy_source(&tokens, &tags, &sentences, span))
        {
            source_spans.push(span);
        }
    }
    // Sources inside a clause come with their own cue.
    let mut cued_sources: Vec<((usize, usize), (usize, usize))> = (0..tokens.len())
        .filter_map(|i| source_in_clause(&tokens, i))
        .chain(
            (0..tokens.len())
                .filter_map(|i| poll_finding(&tokens, &sentences, i))
                .filter(|((first, last), _)| {
                    // "The average of polls taken… shows": part of a source
                    // already; but "Polls" tagged alone is the finding's.
                    !source_spans.iter().any(|s| {
                        let overlaps = s.0 <= *last && *first <= s.1;
                        let within = *first <= s.0 && s.1 <= *last;
                        overlaps && !within
                    })
                }),
        )
        .collect();
    // "This came after the US government last week formally accused…":
    // the subject of a strong verb of speech, where no source holds it.
    let speech_subjects: Vec<_> = (0..tokens.len())
        .filter_map(|verb| {
            let span = subject::speech_subject(&tokens, &quoted, verb)?;
            let covered = source_spans
                .iter()
                .chain(cued_sources.iter().map(|(s, _)| s))
                .any(|s| s.0 <= span.0 && span.1 <= s.1);
            (!covered).then_some((span, (verb, verb)))
        })
        .collect();
    cued_sources.extend(speech_subjects);
    source_spans.extend(cued_sources.iter().map(|(span, _)| *span));
    source_spans.sort_unstable();
    source_spans.dedup();
    drop_nested(&mut source_spans);
    // "Berlin last month", "Is Turkey", "John F": edges mended.
    source_spans = source_spans
        .into_iter()
        .filter_map(|span| edges::mend(&tokens, span))
        .collect();
    for (span, _) in &mut cued_sources {
        *span = edges::mend(&tokens, *span).unwrap_or(*span);
    }
    source_spans.dedup();
    // "Germany and Belgium said": two sources, each with the cue.
    let mut coordinations: Vec<[(usize, usize); 2]> = Vec::new();
    for span in std::mem::take(&mut source_spans) {
        match coordination::conjuncts(&tokens, text, span) {
            Some(parts) => {
                if let Some(&(_, cue)) = cued_sources.iter().find(|(s, _)| *s == span) {
                    cued_sources.extend(parts.iter().map(|&part| (part, cue)));
                }
                source_spans.extend(parts);
                coordinations.push(parts);
            }
            None => source_spans.push(span),
        }
    }

    // "Corrin fire losses could top 200 million, insurers say": a headline
    // sums up the story; its sources are the body's.
    let mut mentions: Vec<(Mention, (usize, usize))> = Vec::new();
    for &(first, last) in &source_spans {
        if tokens[first].span.start < headline_end {
            continue;
        }
        // "We asked the prime minister's office…": the writers themselves,
        // outside any quotation, are not a source of their story.
        let writer = first == last
            && !quoted[first]
            && matches!(tokens[first].text.to_lowercase().as_str(), "we" | "i");
        if writer {
            continue;
        }
        let sentence = sentences[first];
        let near =
            |span: &(usize, usize)| sentences[span.0] == sentence || sentences[span.1] == sentence;
        let distance = |span: &(usize, usize)| span.0.abs_diff(first).min(span.1.abs_diff(last));
        let cue_text = |&(a, b): &(usize, usize)| {
            CharSpan::new(tokens[a].span.start, tokens[b].span.end)
                .slice(text)
                .unwrap_or_default()
        };
        let credited = cued_sources
            .iter()
            .find(|(span, _)| *span == (first, last))
            .map(|(_, cue)| cue);
        // The nearest cue a news writer uses for attribution, or a reporting
        // verb the tagger left out ("A survey … found that"); with neither,
        // the tagger took a name for a source where nothing is attributed.
        // "A defence official, who asked not to be named, said…": a cue in
        // a clause about the source is taken only when there is no other.
        let in_clause_after =
            |s: &(usize, usize)| s.0 > first && matches!(tokens[s.0 - 1].text, "who" | "which");
        let tagged = credited.copied().or_else(|| {
            cue_spans
                .iter()
                .filter(|s| near(s) && plausible_cue(cue_text(s), s.1 < first))
                .min_by_key(|s| (in_clause_after(s), distance(s)))
                .copied()
        });
        let Some(cue) = tagged.or_else(|| reporting_verb_after(&tokens, &sentences, last)) else {
            continue;
        };
        let cue = &cue;
        // "Mensah said many students were working two jobs": after the cue,
        // the subject of what is said, not an inverted speaker.
        let inverted = cue.1 < first;
        if inverted
            && tokens
                .get(last + 1)
                .is_some_and(|t| AUXILIARIES.contains(&t.text.to_lowercase().as_str()))
        {
            continue;
        }
        // "Two lenders have asked for talks, people familiar with the
        // matter said.": a source inside what another source says is
        // reported, not heard.
        // The closing cue may carry a short tail: "…, the two governments
        // said in a joint statement."
        const MAX_TAIL_TOKENS: usize = 5;
        let cue_after = |at: usize| cue_spans.iter().find(|c| c.0 == at);
        let ends_sentence = |c: &(usize, usize)| {
            (c.1 + 1..tokens.len().min(c.1 + 2 + MAX_TAIL_TOKENS))
                .take_while(|&i| tokens[i].text != ",")
                .any(|i| tokens[i].text == ".")
        };
        let closing_reporter = !inverted
            && source_spans.iter().any(|&(a, b)| {
                a > cue.1
                    && sentences[a] == sentence
                    && tokens[a - 1].text == ","
                    && cue_after(b + 1).is_some_and(ends_sentence)
            });
        if closing_reporter {
            continue;
        }
        // "injuring 14, two of them seriously, officials said": the source
        // right before the cue is the one it belongs to.
        let nearer = source_spans.iter().any(|&(a, b)| {
            if a <= last || b + 1 != cue.0 {
                return false;
            }
            // "Reyes and Okonjo said": both speak.
            let between = &tokens[last + 1..a];
            let joined = between.iter().any(|t| matches!(t.text, "and" | "or"))
                && between.iter().all(|t| matches!(t.text, "and" | "or" | ","));
            !joined
        });
        if !inverted && nearer {
            continue;
        }
        // "…, he told CNN" and "told the BBC's Lyse Doucet": whom a speaker
        // told is where it was said, not who said it.
        if told_venue(&tokens, *cue, first) {
            continue;
        }
        // "“…is Vice President Joe Biden,” she said": a name inside the
        // quotation is not who speaks it.
        let all_quoted = |(a, b): (usize, usize)| (a..=b).all(|i| quoted[i]);
        if all_quoted((first, last)) && !all_quoted(*cue) {
            continue;
        }
        // "declined to comment": the words after the cue may be the refusal's.
        let refusal_reach = (cue.0, (cue.1 + 3).min(tokens.len() - 1));
        if non_answer(cue_text(&refusal_reach)) || reports_an_act(&tokens, *cue) {
            continue;
        }
        let content = content_spans
            .iter()
            .filter(|s| near(s))
            .min_by_key(|s| distance(s))
            .or_else(|| {
                // A quotation often runs in the sentences before "…,” he said.
                content_spans
                    .iter()
                    .filter(|s| s.1 < first && sentences[s.1] + 2 >= sentence)
                    .max_by_key(|s| s.1)
            });
        let starts_sentence = first == 0 || sentences[first - 1] != sentence;
        if credited.is_none()
            && passive_cue(
                &tokens,
                *cue,
                (first, last),
                starts_sentence,
                content.is_some(),
            )
        {
            continue;
        }
        let piece = |(a, b): (usize, usize)| {
            let span = CharSpan::new(tokens[a].span.start, tokens[b].span.end);
            Piece {
                start: span.start,
                end: span.end,
                text: span.slice(text).unwrap_or_default().to_string(),
            }
        };
        let direct = content.is_some_and(|&(a, b)| {
            let inside = (a..=b).filter(|&i| quoted[i]).count();
            inside * 2 > b - a + 1
        });
        mentions.push((
            Mention {
                source: piece((first, last)),
                cue: Some(piece(*cue)),
                content: content
                    .map(|&(a, b)| CharSpan::new(tokens[a].span.start, tokens[b].span.end)),
                attribution: if direct {
                    AttributionKind::DirectQuote
                } else {
                    AttributionKind::Indirect
                },
            },
            (first, last),
        ));
    }
    // "They said…" after the coordinated issuers of a statement: each of them.
    let spans: Vec<(usize, usize)> = mentions.iter().map(|(_, span)| *span).collect();
    let theirs = coordination::they_of_coordinations(&tokens, &sentences, &spans, &coordinations);
    let mut resolved: Vec<(Mention, Option<String>)> = Vec::new();
    for ((mention, _), parts) in mentions.into_iter().zip(theirs) {
        match parts {
            Some(parts) => resolved.extend(parts.iter().map(|&(a, b)| {
                let name = CharSpan::new(tokens[a].span.start, tokens[b].span.end)
                    .slice(text)
                    .unwrap_or_default()
                    .to_string();
                (mention.clone(), Some(name))
            })),
            None => resolved.push((mention, None)),
        }
    }
    Analysis {
        sources: group(text, &tokens, &sentences, resolved),
    }
}

/// Whether the one word between two source spans joins them into one
/// ("Structural engineer Paul Arneson", "air traffic controllers"): an
/// untagged lower-case word, not one that links two phrases.
fn role_between(tokens: &[Token<'_>], tags: &[Tag], before: usize, after: usize) -> bool {
    const LINKING: &[&str] = &[
        "and", "or", "but", "nor", "of", "the", "a", "an", "in", "at", "on", "to", "with", "for",
        "from", "by", "as", "also", "then", "while", "when", "who", "which", "that", "not",
    ];
    let between = &tokens[before + 1];
    tags[before + 1] == Tag::Outside
        && after == before + 2
        && between.text.chars().all(char::is_lowercase)
        && !LINKING.contains(&between.text)
}

/// The name after "calling itself", "called" or "known as" following the
/// token `last` ("A group calling itself BlackFjord").
fn name_it_goes_by(tokens: &[Token<'_>], last: usize) -> Option<(usize, usize)> {
    const MAX_NAME_WORDS: usize = 4;
    let word = |i: usize| tokens.get(i).map(|t| t.text.to_lowercase());
    let start = match (word(last + 1)?.as_str(), word(last + 2).as_deref()) {
        ("calling", Some("itself" | "themselves")) | ("known", Some("as")) => last + 3,
        ("called" | "named", _) => last + 2,
        _ => return None,
    };
    let mut end = start;
    while end - start < MAX_NAME_WORDS
        && tokens
            .get(end)
            .is_some_and(|t| is_capitalised(t.text) && t.text.chars().all(char::is_alphanumeric))
    {
        end += 1;
    }
    (end > start).then(|| (start, end - 1))
}

/// Trims punctuation and clause words off a source span's ends, and
/// extends it over the rest of a proper name the tagger cut short
/// ("the Chamber" + "of Shipping", "Tasnim" after "Iran's").
fn tidy_source(
    tokens: &[Token<'_>],
    tags: &[Tag],
    sentences: &[usize],
    (mut first, mut last): (usize, usize),
) -> Option<(usize, usize)> {
    let is_word = |i: usize| {
        tokens[i]
            .text
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    };
    let untagged = |i: usize| tags[i] == Tag::Outside;
    let opens_sentence = |i: usize| i == 0 || sentences[i - 1] != sentences[i];
    // "seen by this newspaper": the agent of a participle clause, which
    // says where a source was found.
    let participle_at = |i: usize| {
        PARTICIPLES.contains(&tokens[i].text)
            || (tokens[i].text.ends_with("ed") && tokens[i].text.chars().all(char::is_lowercase))
    };
    if first < last && participle_at(first) && tokens[first + 1].text == "by" {
        return None;
    }
    // "of the Coastal Water Institute": a preposition opens no source.
    while first < last && PREPOSITIONS.contains(&tokens[first].text) && tokens[first].text != "by" {
        first += 1;
    }
    // "Ship-tracking data from…": the tagger may leave out a compound
    // modifier that opens the sentence.
    let compound = |i: usize| {
        let word = tokens[i].text;
        word.contains('-') && word.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    if first > 0 && opens_sentence(first - 1) && untagged(first - 1) && compound(first - 1) {
        first -= 1;
    }
    let relative = |i: usize| RELATIVE_PRONOUNS.contains(&tokens[i].text.to_lowercase().as_str());
    // "Nine people, including two players, were detained": a verb outside a
    // relative clause makes the span a clause, not a source.
    let verb = (first..=last).find(|&i| {
        AUXILIARIES.contains(&tokens[i].text)
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.text.chars().all(char::is_lowercase))
            && (first..i).all(|j| !relative(j))
    });
    if verb.is_some() {
        return None;
    }
    if let Some(antecedent) = clause_antecedent(tokens, first, last) {
        (first, last) = antecedent;
    }
    // "…, who chairs the transport committee": the clause describes a
    // source, it is not one; but "two people who work there said": with
    // no comma, the clause and the noun before it are the speaker.
    let opens_with_relative = relative(first) && first < last;
    if first > 0 && (relative(first - 1) || opens_with_relative) {
        const MAX_NOUN_WORDS: usize = 3;
        let pronoun = if opens_with_relative {
            first
        } else {
            first - 1
        };
        // "Boffins who surveyed 200 reefs say": the noun may open the sentence.
        let noun_start = (pronoun.saturating_sub(MAX_NOUN_WORDS)..pronoun)
            .rev()
            .take_while(|&i| {
                is_word(i)
                    && sentences[i] == sentences[pronoun]
                    && (!is_capitalised(tokens[i].text) || opens_sentence(i))
            })
            .last();
        return match noun_start {
            Some(start) if tags.get(last + 1) == Some(&Tag::CueStart) => Some((start, last)),
            _ => None,
        };
    }
    // "Ingrid Solberg, who runs a guesthouse on": the source ends before
    // the clause.
    if let Some(comma) = (first + 1..last).find(|&i| tokens[i].text == "," && relative(i + 1)) {
        last = comma - 1;
    }
    // "Petra Lund who chairs the board": the source is the name the clause
    // follows. But a short clause says who an unnamed source is ("two
    // engineers who worked on the report") and stays.
    const MAX_CLAUSE_TOKENS: usize = 7;
    if let Some(pronoun) = (first + 1..=last).find(|&i| relative(i)) {
        let unnamed =
            (first..pronoun).all(|i| !is_capitalised(tokens[i].text) || opens_sentence(i));
        let short = last - pronoun < MAX_CLAUSE_TOKENS
            && tokens[pronoun..=last].iter().all(|t| t.text != ",");
        if !(unnamed && short) {
            last = pronoun - 1;
        }
    }
    // "A hospital official in the regional capital, Tarnov, who…": the
    // name after a place noun is the place; the speaker is the phrase
    // that holds it.
    let place_named = last >= 2
        && is_capitalised(tokens[last].text)
        && tokens[last - 1].text == ","
        && PLACE_NOUNS.contains(&tokens[last - 2].text.to_lowercase().as_str());
    if place_named && first + 2 <= last {
        last -= 2;
    } else if place_named && first == last {
        let start = sentence_start(sentences, first);
        const MAX_PHRASE_TOKENS: usize = 10;
        let phrase = start..first - 1;
        if phrase.len() <= MAX_PHRASE_TOKENS
            && DETERMINERS.contains(&tokens[start].text.to_lowercase().as_str())
            && phrase.clone().all(is_word)
        {
            (first, last) = (start, first - 2);
        }
    }
    // "In Kessling, a member of the council": a sentence's opening phrase
    // says where; the source follows its comma.
    let opening_preposition = |i: usize| {
        is_capitalised(tokens[i].text)
            && PREPOSITIONS.contains(&tokens[i].text.to_lowercase().as_str())
    };
    if opening_preposition(first) || (first > 0 && opening_preposition(first - 1)) {
        if let Some(comma) = (first + 1..last).find(|&i| tokens[i].text == ",") {
            if (first..comma).all(|i| is_capitalised(tokens[i].text)) {
                first = comma + 1;
            }
        }
    }
    // "Arroyo, a former mayor of the capital": the name, not its description.
    // "…reported in January, the institute said": with no comma before
    // the cue, the phrase after the comma is the speaker, not a description.
    let cue_follows = tags.get(last + 1) == Some(&Tag::CueStart);
    let described = |comma: usize| {
        tokens[comma].text == ","
            && tokens[first..comma].iter().all(|t| is_capitalised(t.text))
            && matches!(tokens[comma + 1].text, "a" | "an" | "the")
            && !cue_follows
    };
    // "A leaked memo from the ministry, seen by this newspaper,": the
    // participle clause tells where the source was found, it is not one.
    let participle = |comma: usize| tokens[comma].text == "," && participle_at(comma + 1);
    // "According to the commission, a limited review…": the source ends at
    // the comma.
    let according = first >= 2
        && tokens[first - 2].text.eq_ignore_ascii_case("according")
        && tokens[first - 1].text == "to";
    if let Some(comma) = (first + 1..last)
        .find(|&i| described(i) || participle(i) || (according && tokens[i].text == ","))
    {
        last = comma - 1;
    }
    // "According to a person with" + "knowledge of the investigation,": the
    // source runs to the comma or the sentence's end, however the tagger
    // split it.
    if according {
        const MAX_SOURCE_TOKENS: usize = 12;
        if let Some(comma) = (last + 1..tokens.len().min(first + MAX_SOURCE_TOKENS))
            .find(|&i| matches!(tokens[i].text, "," | "." | ";"))
        {
            if (last + 1..comma).all(is_word) {
                last = comma - 1;
            }
        }
    }
    // "emails seen by Green Ledger": the medium that obtained a document
    // (as a rule the story's own) is not part of the source; "figures
    // released by the university" keeps who released them.
    const OBTAINED: &[&str] = &["seen", "obtained", "reviewed", "viewed"];
    if let Some(participle) = (first + 1..last)
        .find(|&i| OBTAINED.contains(&tokens[i].text) && tokens[i + 1].text == "by")
    {
        last = participle - 1;
    }
    // "seen by this newspaper": the story's own medium, not a source.
    if tokens[first].text.eq_ignore_ascii_case("by") {
        first += 1;
    }
    if first < last
        && tokens[first].text.eq_ignore_ascii_case("this")
        && OWN_MEDIUM.contains(&tokens[first + 1].text.to_lowercase().as_str())
    {
        return None;
    }
    if first == last && FUNCTION_WORDS.contains(&tokens[first].text) {
        return None;
    }
    while first <= last && !is_word(first) {
        first += 1;
    }
    // "a person with" + "knowledge of the investigation": a phrase the
    // tagger cut after its preposition goes on to the next comma or cue.
    if first < last && PREPOSITIONS.contains(&tokens[last].text) {
        const MAX_OBJECT_TOKENS: usize = 6;
        let mut end = last;
        while end + 1 < tokens.len()
            && end - last < MAX_OBJECT_TOKENS
            && untagged(end + 1)
            && is_word(end + 1)
            && !relative(end + 1)
        {
            end += 1;
        }
        let reaches_boundary = end + 1 >= tokens.len() || !is_word(end + 1) || !untagged(end + 1);
        if end > last && reaches_boundary {
            last = end;
        }
    }
    // "PORTO VELHA, Nov. 18 (Atlantic Press) — the commission": a dateline
    // ends at the paragraph's first dash, and no source spans it; its
    // credit in brackets is cut with it.
    if let Some(dash) = (first..last).find(|&i| is_dash(tokens[i].text)) {
        let paragraph = (0..=dash)
            .rev()
            .find(|&i| tokens[i].paragraph_start)
            .unwrap_or(0);
        if past_dateline(tokens, paragraph, dash + 1) == dash + 1 {
            first = dash + 1;
        }
    }
    // "the National Institute of Public Health (NIPH": the name, without
    // the acronym the article gives it in brackets.
    if let Some(bracket) = (first + 1..=last).find(|&i| tokens[i].text == "(") {
        last = bracket - 1;
    }
    // "Nine people were detained for questioning, the office": a clause
    // before the source's comma; "…went to the minister's allies, the
    // audit" + "found": what is reported, before the one reporting it.
    if let Some(comma) = (first..last).rev().find(|&i| tokens[i].text == ",") {
        let clause =
            (first..comma).any(|i| AUXILIARIES.contains(&tokens[i].text.to_lowercase().as_str()));
        // "…a banned drug, the National Anti-Doping Agency (NADA) said":
        // the cue may follow the acronym cut off above.
        let after = match tokens.get(last + 1).map(|t| t.text) {
            Some("(") => (last + 2..tokens.len())
                .find(|&i| tokens[i].text == ")")
                .map_or(last + 1, |close| close + 1),
            _ => last + 1,
        };
        let reporter = tags.get(after) == Some(&Tag::CueStart)
            && DETERMINERS.contains(&tokens[comma + 1].text.to_lowercase().as_str());
        if (clause || reporter) && (comma + 1..=last).all(is_word) {
            first = comma + 1;
        }
    }
    // "the ministry on Friday", "officials yesterday": when, not who.
    loop {
        let word = |i: usize| tokens[i].text.to_lowercase();
        if last > first + 1 && DAYS.contains(&word(last).as_str()) && word(last - 1) == "on" {
            last -= 2;
        } else if last > first && RELATIVE_DAYS.contains(&word(last).as_str()) {
            last -= 1;
        } else {
            break;
        }
    }
    while last > first
        && (!is_word(last) || SPAN_TRAILERS.contains(&tokens[last].text.to_lowercase().as_str()))
    {
        last -= 1;
    }
    if first > last || !is_word(last) {
        return None;
    }
    let capitalised_at = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            is_capitalised(t.text) && t.text.chars().next().is_some_and(char::is_alphanumeric)
        })
    };
    // The tagger sometimes keeps only the article of "the Northern Alliance"
    // or of "A poll of 600 dockworkers, …".
    if first == last && SPAN_TRAILERS.contains(&tokens[first].text.to_lowercase().as_str()) {
        if capitalised_at(first + 1) {
            last = first + 1;
        } else if matches!(tokens[first].text, "A" | "An" | "The") {
            const MAX_PHRASE_TOKENS: usize = 6;
            let in_phrase = |i: usize| {
                matches!(tags[i], Tag::Outside | Tag::SourceStart | Tag::Source)
                    && is_word(i)
                    && !relative(i)
            };
            while last + 1 < tokens.len() && last - first < MAX_PHRASE_TOKENS && in_phrase(last + 1)
            {
                last += 1;
            }
            if last == first {
                return None;
            }
        } else {
            return None;
        }
    }
    let capitalised = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| is_capitalised(t.text) && is_word(i))
    };
    let head_noun = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| HEAD_NOUNS.contains(&t.text.to_lowercase().as_str()))
    };
    loop {
        let continues_name = (head_noun(last + 1) && (capitalised(last) || head_noun(last)))
            || (capitalised(last + 1) && capitalised(last));
        // A name the tagger broke in two ("the Inter-American" + "Election
        // Mission") continues into the next span.
        let source_tagged = |i: usize| matches!(tags[i], Tag::SourceStart | Tag::Source);
        if continues_name && (untagged(last + 1) || source_tagged(last + 1)) {
            last += 1;
        } else if tokens.get(last + 1).is_some_and(|t| t.text == "of")
            && capitalised(last + 2)
            && untagged(last + 1)
            && capitalised(last)
        {
            last += 2;
        } else {
            break;
        }
    }
    // "Business owners in the port town of Vessby said": Vessby is a place.
    if first == last
        && first >= 2
        && matches!(tokens[first - 1].text, "of" | "in")
        && PLACE_NOUNS.contains(&tokens[first - 2].text.to_lowercase().as_str())
    {
        return None;
    }
    // "The bank’s regional manager": a possessive is not the whole source.
    if tokens[last].text.ends_with("’s") || tokens[last].text.ends_with("'s") {
        const MAX_HEAD_WORDS: usize = 3;
        let end = last;
        while last - end < MAX_HEAD_WORDS
            && tokens
                .get(last + 1)
                .is_some_and(|t| t.text.chars().all(char::is_lowercase))
            && untagged(last + 1)
        {
            last += 1;
        }
    }
    // "A group calling itself BlackFjord": the name it goes by, whether the
    // tagger's span stops before the name or takes it in.
    if let Some(name) = (first..=last).find_map(|i| name_it_goes_by(tokens, i)) {
        (first, last) = name;
    }
    // "Dr. Amina Yusuf": the name after an abbreviated title.
    if first == last
        && TITLE_ABBREVIATIONS.contains(&tokens[last].text.to_lowercase().as_str())
        && tokens.get(last + 1).is_some_and(|t| t.text == ".")
        && capitalised(last + 2)
    {
        last += 2;
        while capitalised(last + 1) && untagged(last + 1) {
            last += 1;
        }
    }
    // "Economists at Vestbank": the body the tagger left off a group.
    if GROUPS.contains(&tokens[last].text.to_lowercase().as_str())
        && tokens
            .get(last + 1)
            .is_some_and(|t| matches!(t.text, "at" | "of" | "from"))
    {
        let mut end = last + 1;
        while capitalised(end + 1) && tags[end + 1] != Tag::CueStart && tags[end + 1] != Tag::Cue {
            end += 1;
        }
        if end > last + 1 {
            last = end;
        }
    }
    while first > 0
        && !opens_sentence(first)
        && untagged(first - 1)
        && is_word(first - 1)
        && (tokens[first - 1].text.ends_with("'s") || tokens[first - 1].text.ends_with("’s"))
    {
        first -= 1;
    }
    // "Independent researchers": an adjective opening the sentence.
    if first > 0
        && !capitalised(first)
        && untagged(first - 1)
        && capitalised(first - 1)
        && opens_sentence(first - 1)
        && ADJECTIVE_ENDINGS
            .iter()
            .any(|ending| tokens[first - 1].text.ends_with(ending))
    {
        first -= 1;
    }
    // "the Rail Workers' Union": a plural possessive the tagger left out.
    if first >= 2
        && matches!(tokens[first - 1].text, "'" | "’")
        && capitalised(first - 2)
        && tokens[first - 2].text.ends_with('s')
        && untagged(first - 2)
    {
        first -= 2;
    }
    // "engineer Paul Arneson": a first name the tagger left outside.
    while first > 0
        && capitalised(first)
        && !opens_sentence(first)
        && untagged(first - 1)
        && capitalised(first - 1)
        && !OPENING_WORDS.contains(&tokens[first - 1].text.to_lowercase().as_str())
        && (first < 2
            || tokens[first - 2]
                .text
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric))
    {
        first -= 1;
    }
    // "Mette Dahl of the Coastal Water Institute": the body a person is of
    // is not the one speaking.
    if let Some(name) = affiliate_before(tokens, first) {
        first = name;
    }
    // "Residents of the Corrin Valley": the people, not the place.
    let mut link = first.saturating_sub(1);
    if link > 0 && tokens[link].text == "the" {
        link -= 1;
    }
    if link > 0
        && link < first
        && matches!(tokens[link].text, "of" | "from" | "in")
        && opens_sentence(link - 1)
        && people_from(&format!("{} {}", tokens[link - 1].text, tokens[link].text)).is_some()
    {
        first = link - 1;
    }
    // "The port authority": a noun modifier the tagger left out, after "the".
    let article = |i: usize| matches!(tokens[i].text, "the" | "The");
    if first >= 2
        && !opens_sentence(first)
        && untagged(first - 1)
        && is_word(first - 1)
        && !capitalised(first - 1)
        && article(first - 2)
        && !article(first)
    {
        first -= 2;
    }
    // Credit lines ("editing by Tom Achebe") name staff, not sources; "images
    // reviewed by the Maritime Institute show": the agent of a participle
    // clause is not the one speaking.
    let by = |i: usize| tokens[i].text.eq_ignore_ascii_case("by");
    if first > 0 && (by(first - 1) || (first > 1 && by(first - 2) && article(first - 1))) {
        return None;
    }
    if let Some((name, comma)) = appositive_name_before(tokens, first, last) {
        // "RedNacional, the grid operator,": a body's one-word name is the
        // source; a person's name and role stay together.
        if comma - name == 1 {
            (first, last) = (name, comma - 1);
        } else {
            first = name;
        }
    }
    Some((first, last))
}

/// A description without the place it ends in: "A Western diplomat in
/// Porto Velha" is "A Western diplomat".
fn without_place(text: &str) -> &str {
    match text.rfind(" in ") {
        Some(at) if text[at + 4..].split_whitespace().all(is_capitalised) => &text[..at],
        _ => text,
    }
}

/// Drops the spans that lie inside another: "A hospital" inside "A hospital
/// official in the regional capital" is the same speaker.
fn drop_nested(spans: &mut Vec<(usize, usize)>) {
    let all = spans.clone();
    spans.retain(|&(a, b)| {
        !all.iter()
            .any(|&(c, d)| (c, d) != (a, b) && c <= a && b <= d)
    });
}

/// Whether one word is a body's name by its letters: an acronym ("NIPH")
/// or a name with a capital inside ("RedNacional"); "McCarthy" and
/// "DeSantis" are people's.
fn names_a_body(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let camel = letters.len() >= 4
        && letters[0].is_uppercase()
        && letters[2..].iter().any(|c| c.is_uppercase())
        && letters.iter().all(|c| c.is_alphabetic())
        && !["Mc", "Mac", "De", "Le", "La", "Di", "Van", "Von"]
            .iter()
            .any(|prefix| word.starts_with(prefix));
    acronym || camel
}

/// A dash standing alone between words, as datelines and asides use.
fn is_dash(token: &str) -> bool {
    matches!(token, "—" | "–" | "-")
}

/// Where the person's name starts when the span starting at `first` is the
/// body after "NAME of (the)": at least two capitalised words before "of".
fn affiliate_before(tokens: &[Token<'_>], first: usize) -> Option<usize> {
    const MAX_NAME_WORDS: usize = 4;
    let mut of = first.checked_sub(1)?;
    if tokens[of].text.eq_ignore_ascii_case("the") {
        of = of.checked_sub(1)?;
    }
    if tokens[of].text != "of" {
        return None;
    }
    let name_word = |t: &Token<'_>| {
        is_capitalised(t.text)
            && t.text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.')
    };
    let mut name = of;
    while name > 0 && of - name < MAX_NAME_WORDS && name_word(&tokens[name - 1]) {
        name -= 1;
    }
    let text: Vec<&str> = tokens[name..of].iter().map(|t| t.text).collect();
    (of - name >= 2 && kind_of(&text.join(" ")) == SourceKind::Person).then_some(name)
}

/// In "Tove Rasmussen of the Baltic Research Centre, who was not part of the
/// survey, said", the tagger may mark a word inside the relative clause; the
/// one speaking is the phrase the clause describes. Returns that phrase when
/// the span `first..=last` lies in such a clause, just before its closing comma.
fn clause_antecedent(tokens: &[Token<'_>], first: usize, last: usize) -> Option<(usize, usize)> {
    const MAX_PHRASE_TOKENS: usize = 12;
    let boundary = |t: &Token<'_>| {
        matches!(
            t.text,
            "," | "." | "!" | "?" | ";" | ":" | "\"" | "“" | "”" | "—" | "–"
        )
    };
    // The tagger's span may take in the clause's closing comma.
    let last = if tokens[last].text == "," && last > first {
        last - 1
    } else {
        last
    };
    if tokens.get(last + 1)?.text != "," {
        return None;
    }
    let opening = (1..first).rev().find(|&i| boundary(&tokens[i]))?;
    if tokens[opening + 1..=first]
        .iter()
        .any(|t| t.paragraph_start)
    {
        return None;
    }
    // ", who…" or ", and who…"
    let pronoun = if tokens[opening + 1].text == "and" {
        opening + 2
    } else {
        opening + 1
    };
    if tokens[opening].text != ","
        || !RELATIVE_PRONOUNS.contains(&tokens[pronoun].text.to_lowercase().as_str())
    {
        return None;
    }
    // "Luca Moretti, 41, who…": the age follows the name.
    let age = opening >= 3
        && tokens[opening - 1].text.chars().all(|c| c.is_ascii_digit())
        && tokens[opening - 2].text == ",";
    let end = if age { opening - 3 } else { opening - 1 };
    let mut start = end;
    while start > 0
        && end - start < MAX_PHRASE_TOKENS
        && !boundary(&tokens[start - 1])
        && !tokens[start].paragraph_start
    {
        start -= 1;
    }
    (!boundary(&tokens[end])).then_some((start, end))
}

/// The name opening the sentence of the cue at `cue` when an appositive
/// stands between them: NAME "," … "," cue, with a two- to four-word name,
/// or a surname alone before an age ("Marek, 54, denied…").
fn name_opening_appositive(
    tokens: &[Token<'_>],
    sentences: &[usize],
    cue: usize,
) -> Option<(usize, usize)> {
    const MAX_NAME_WORDS: usize = 4;
    let start = sentence_start(sentences, cue);
    let comma = (start..cue).find(|&i| tokens[i].text == ",")?;
    let name = &tokens[start..comma];
    let age = comma + 2 == cue - 1 && tokens[comma + 1].text.chars().all(|c| c.is_ascii_digit());
    let shortest = if age { 1 } else { 2 };
    let is_name = (shortest..=MAX_NAME_WORDS).contains(&name.len())
        && name.iter().all(|t| {
            is_capitalised(t.text) && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        && !OPENING_WORDS.contains(&name[0].text.to_lowercase().as_str());
    (is_name && comma + 1 < cue - 1).then(|| (start, comma - 1))
}

/// In "Ada Aldwick, a member of the harbour council, said" or "Lorenz
/// Maier, the hospital's chief executive, said", the tagger may mark only
/// the appositive; the one speaking is the name it follows. Returns where
/// that name starts, and its comma, when the span `first..=last` ends such
/// an appositive: NAME "," ROLE WORDS (of|for|at|with) SPAN "," or
/// NAME "," (the|a|an) SPAN ",".
fn appositive_name_before(
    tokens: &[Token<'_>],
    first: usize,
    last: usize,
) -> Option<(usize, usize)> {
    const MAX_NAME_WORDS: usize = 4;
    if tokens.get(last + 1)?.text != "," || first < 3 {
        return None;
    }
    let comma = comma_before_role(tokens, first)?;
    let capitalised_word = |t: &Token<'_>| {
        t.text.chars().next().is_some_and(char::is_uppercase)
            && t.text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
    };
    let mut name = comma;
    while name > 0
        && comma - name < MAX_NAME_WORDS
        && capitalised_word(&tokens[name - 1])
        && !(name < comma && tokens[name].paragraph_start)
    {
        name -= 1;
    }
    // "In Kessling," or "After Tuesday's vote,": a sentence opening, not a name.
    while name < comma && OPENING_WORDS.contains(&tokens[name].text.to_lowercase().as_str()) {
        name += 1;
    }
    // At least a first name and a surname, so "In Kessling, a member of…"
    // or a lone sentence-opening word is not taken for one; and the name
    // opens its clause ("After meeting Vladimir Putin, the minister said").
    let opens_clause = name == 0
        || tokens[name].paragraph_start
        || !tokens[name - 1].text.chars().any(char::is_alphanumeric);
    // "NIPH, the institute,", "RedNacional, the grid operator,"; "Rehn,
    // her lawyer,": a surname before a role that belongs to someone.
    // "Dunmore, a former central bank economist,": a surname the article
    // gives in full elsewhere ("Mikael Dunmore").
    let possessive = matches!(tokens[comma + 1].text, "his" | "her" | "their");
    let one_word = comma - name == 1
        && (names_a_body(tokens[name].text)
            || (capitalised_word(&tokens[name])
                && (possessive || named_in_full(tokens, tokens[name].text))));
    ((comma - name >= 2 || one_word) && opens_clause).then_some((name, comma))
}

/// Whether a word is a surname the text gives after a given name somewhere:
/// "Dunmore" after "Mikael Dunmore".
fn named_in_full(tokens: &[Token<'_>], surname: &str) -> bool {
    tokens.windows(2).any(|pair| {
        let given = pair[0].text;
        pair[1].text == surname
            && !pair[1].paragraph_start
            && is_capitalised(given)
            && given.chars().all(char::is_alphabetic)
            && !TITLES.contains(&given.to_lowercase().as_str())
            && !OPENING_WORDS.contains(&given.to_lowercase().as_str())
    })
}

/// The comma that opens the appositive the span starting at `first` ends:
/// before "a member of" + SPAN, or before "the" + SPAN.
fn comma_before_role(tokens: &[Token<'_>], first: usize) -> Option<usize> {
    const LINKS: &[&str] = &["of", "for", "at", "with", "from"];
    const MAX_ROLE_WORDS: usize = 4;
    const MAX_MODIFIERS: usize = 3;
    let article = |i: usize| {
        matches!(
            tokens[i].text,
            "the" | "a" | "an" | "his" | "her" | "their" | "its"
        )
    };
    let mut link = first - 1;
    if tokens[link].text == "," && article(first) {
        return Some(link);
    }
    // ", a second-year law student,": an article and modifiers before the span.
    let mut determiner = link;
    while determiner > 1
        && link - determiner < MAX_MODIFIERS
        && !article(determiner)
        && tokens[determiner]
            .text
            .chars()
            .all(|c| c.is_lowercase() || c == '-')
    {
        determiner -= 1;
    }
    if article(determiner) {
        if tokens[determiner - 1].text == "," {
            return Some(determiner - 1);
        }
        // ", general secretary of the Rail Workers' Union,"
        link = determiner - 1;
    }
    if !LINKS.contains(&tokens[link].text.to_lowercase().as_str()) {
        return None;
    }
    let lower_word = |t: &Token<'_>| {
        t.text.chars().next().is_some_and(char::is_lowercase)
            && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let mut comma = link;
    while comma > 0 && link - comma < MAX_ROLE_WORDS && lower_word(&tokens[comma - 1]) {
        comma -= 1;
    }
    if comma == link || comma == 0 {
        return None;
    }
    (tokens[comma - 1].text == ",").then_some(comma - 1)
}

/// The sentence number of every token. Sentences end at `.`, `!` or `?`
/// (and a closing quote after them) before a capital or an opening quote,
/// unless the word before the dot is an abbreviation; paragraphs always end one.
pub fn sentence_ids(tokens: &[Token<'_>]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(tokens.len());
    let mut sentence = 0;
    let mut ends_here = false;
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && (token.paragraph_start || ends_here) {
            sentence += 1;
        }
        ids.push(sentence);
        let next = tokens.get(i + 1);
        let next_starts = next.is_some_and(|n| {
            n.text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || "“\"«‘".contains(c))
        });
        ends_here = match token.text {
            "." => {
                let before = if i > 0 {
                    tokens[i - 1].text.to_lowercase()
                } else {
                    String::new()
                };
                next_starts
                    && !ABBREVIATIONS.contains(&before.as_str())
                    && !(before.chars().count() == 1 && before.chars().all(char::is_alphabetic))
            }
            "!" | "?" => next_starts,
            "”" | "\"" | "’" => {
                next_starts && i > 0 && matches!(tokens[i - 1].text, "." | "!" | "?")
            }
            _ => false,
        };
    }
    ids
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word that can be part of a name: capitalised, letters, digits and
/// hyphens only ("Care", "Inter-American", "NPA").
fn is_name_word(word: &str) -> bool {
    is_capitalised(word) && word.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// What kind of source these words describe.
pub fn kind_of(text: &str) -> SourceKind {
    // "engineers who worked on the report": what the clause describes.
    if let Some(clause) = text.find(" who ") {
        return kind_of(&text[..clause]);
    }
    // "DHS", "the Kremlin", "Washington", "the U.K.": world knowledge
    // says what the words cannot.
    if let Some(body) = world::body_named(text) {
        return body.kind;
    }
    if world::government_named(text).is_some() {
        return SourceKind::GovernmentBody;
    }
    // "Office of the Director of National Intelligence on Election
    // Security": a state body's head noun opens its name, so the title
    // inside it is no person's.
    if let [head, "of" | "for", ..] = words(without_article(text.trim()))[..] {
        if ["Office", "Department", "Ministry", "Bureau", "Directorate", "Secretariat"]
            .contains(&head)
        {
            return SourceKind::GovernmentBody;
        }
    }
    let lower = text.to_lowercase();
    if names_a_body(text.trim()) {
        return SourceKind::Organization;
    }
    let has = |list: &[&str]| {
        list.iter()
            .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w))
    };
    if lower.starts_with("one of") {
        return SourceKind::Anonymous;
    }
    if unnamed_of_named_employer(text) {
        return SourceKind::Anonymous;
    }
    if opens_with_document(text) {
        return SourceKind::Document;
    }
    if has(UNNAMED_SPEAKERS)
        && !words(without_place(text)).iter().skip(1).any(|w| {
            is_capitalised(w)
                && !TITLES.contains(&w.to_lowercase().as_str())
                && !ADJECTIVE_ENDINGS.iter().any(|ending| w.ends_with(ending))
        })
    {
        return SourceKind::Anonymous;
    }
    // "The airport operator": a capitalised article names nobody.
    let named = words(text)
        .iter()
        .filter(|w| {
            let lower = w.to_lowercase();
            is_capitalised(w)
                && !TITLES.contains(&lower.as_str())
                && !OPENING_WORDS.contains(&lower.as_str())
        })
        .count();
    // "Ada Aldwick, a member of the harbour council": a name and its
    // appositive; "The Pellham Record, the student newspaper": a medium.
    if let Some((head, description)) = text.split_once(',') {
        // "Priya Lal, a spokeswoman for the agency": a person's role.
        let role = words(description)
            .iter()
            .any(|w| PERSON_ROLES.contains(&w.to_lowercase().as_str()));
        let described = words(description).last().map(|w| w.to_lowercase());
        if !role && described.is_some_and(|w| OWN_MEDIUM.contains(&w.as_str())) {
            return SourceKind::MediaOutlet;
        }
        let head_words: Vec<&str> = head.split_whitespace().collect();
        if (2..=4).contains(&head_words.len())
            && head_words.iter().all(|w| is_capitalised(w))
            && !OPENING_WORDS.contains(&head_words[0].to_lowercase().as_str())
            && !head_words
                .iter()
                .any(|w| TITLES.contains(&w.to_lowercase().as_str()))
        {
            return SourceKind::Person;
        }
    }
    if named >= 1 && has(PERSON_ROLES) && person_name(text).split_whitespace().count() >= 2 {
        return SourceKind::Person;
    }
    if affiliated_person(text).is_some() || named_after_role(text) {
        return SourceKind::Person;
    }
    if let Some(body) = body_of_group(text) {
        return match kind_of(body) {
            SourceKind::Person | SourceKind::Other => SourceKind::Organization,
            kind => kind,
        };
    }
    if people_from(text).is_some() {
        return SourceKind::Other;
    }
    // "Data Protection Authority": a named body, whatever its name holds.
    let head = words(text).last().map(|w| w.to_lowercase());
    if named >= 2 && head.is_some_and(|h| GOVERNMENT_HEADS.contains(&h.as_str())) {
        return SourceKind::GovernmentBody;
    }
    if has(DOCUMENT_WORDS) {
        return SourceKind::Document;
    }
    // "Agency" alone is as often a government body ("Environment Agency").
    let news_agency = lower.contains("news agency") || lower.contains("press agency");
    // "the court's press office" speaks for the court.
    let press_staff = [
        "press office",
        "press service",
        "press secretary",
        "press team",
    ]
    .iter()
    .any(|staff| lower.contains(staff));
    if news_agency
        || (!press_staff
            && has(&[
                "news",
                "times",
                "post",
                "journal",
                "tv",
                "television",
                "radio",
                "newspaper",
                "magazine",
                "reuters",
                "ap",
                "afp",
                "tass",
                "ria",
                "xinhua",
                "irna",
                "tasnim",
                "bbc",
                "cnn",
                "fox",
                "msnbc",
                "nbc",
                "abc",
                "cbs",
                "npr",
                "bloomberg",
                "politico",
                "guardian",
                "telegraph",
                "sputnik",
                "rt",
                "press",
                "gazette",
                "tribune",
                "herald",
                "wire",
                "outlet",
                "daily",
                "weekly",
                "broadcaster",
                "broadcasting",
                "channel",
            ]))
    {
        return SourceKind::MediaOutlet;
    }
    if has(&[
        "ministry",
        "ministries",
        "judiciary",
        "department",
        "government",
        "governments",
        "kremlin",
        "pentagon",
        "congress",
        "senate",
        "parliament",
        "court",
        "police",
        "army",
        "military",
        "administration",
        "council",
        "commission",
        "agency",
        "office",
        "white",
        "cabinet",
        "embassy",
        "state",
        "fbi",
        "cia",
        "nsa",
        "dhs",
        "odni",
        "un",
        "nato",
        "eu",
        "nations",
        "states",
        "republic",
        "kingdom",
        "emirates",
        "mission",
        "authority",
        "authorities",
        "bureau",
        "committee",
    ]) {
        return SourceKind::GovernmentBody;
    }
    if has(&[
        "company",
        "corporation",
        "inc",
        "group",
        "party",
        "union",
        "alliance",
        "campaign",
        "foundation",
        "institute",
        "association",
        "organization",
        "organisation",
        "committee",
        "bank",
        "firm",
        "university",
        "center",
        "centre",
        "coalition",
        "movement",
        "network",
        "united",
        "forum",
        "federation",
        "league",
        "club",
        "society",
        "charity",
    ]) {
        return SourceKind::Organization;
    }
    // A name ending in a business word ("Corvane Chemicals", "Feldstone
    // Capital") is a company; the same words in a lower-case phrase ("oil
    // workers") are not.
    if named >= 1 && has(COMPANY_WORDS) {
        return SourceKind::Organization;
    }
    let ws = words(text);
    if ws.len() > 1
        && ws
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
    {
        return SourceKind::Organization;
    }
    let describes_person = has(PERSON_ROLES)
        || has(&[
            "man",
            "woman",
            "he",
            "she",
            "leader",
            "candidate",
            "nominee",
            "lawyer",
            "attorney",
            "mother",
            "father",
        ]);
    if named >= 1 || describes_person {
        return SourceKind::Person;
    }
    SourceKind::Other
}

/// How far after a source, in tokens, the clause that withholds its name
/// may reach.
const WITHHELD_REACH_TOKENS: usize = 20;

/// Whether the words right after a source, in its sentence, say that its
/// name is withheld: "A firefighter, who asked not to be named, said…".
fn name_withheld(tokens: &[Token<'_>], sentences: &[usize], source_end: usize) -> bool {
    let after = tokens.partition_point(|t| t.span.start < source_end);
    let Some(&sentence) = sentences.get(after) else {
        return false;
    };
    let clause: Vec<&str> = tokens[after..]
        .iter()
        .zip(&sentences[after..])
        .take(WITHHELD_REACH_TOKENS)
        .take_while(|&(_, &s)| s == sentence)
        .map(|(t, _)| t.text)
        .collect();
    let clause = clause.join(" ");
    NAME_WITHHELD.iter().any(|phrase| clause.contains(phrase))
}

/// Whether a mention is a document described by what follows it: "a study
/// published on Wednesday in the journal Marine Ecology Letters", "the
/// report by the Meridian Institute". Its first word after a determiner is
/// a document, and a lower-case word follows.
fn opens_with_document(text: &str) -> bool {
    let ws = words(text);
    let head = ws
        .iter()
        .position(|w| !DETERMINERS.contains(&w.to_lowercase().as_str()));
    head.is_some_and(|at| {
        DOCUMENT_WORDS.contains(&ws[at].to_lowercase().as_str())
            && ws
                .get(at + 1)
                .is_some_and(|w| w.chars().all(char::is_lowercase))
    })
}

/// Whether a mention is an unnamed speaker whose employer it names: "A
/// Tarsland defence official", "two Foreign Ministry officials", "Western
/// diplomats in Qarsan". Such a phrase ends in the speaker and opens with a
/// number or an indefinite article, or is plural; it is one phrase, not a
/// name and its appositive ("J. Rhodes, one of the president's aides") nor
/// two joined ("The nominee and his aides").
fn unnamed_of_named_employer(text: &str) -> bool {
    let ws = words(without_place(text));
    if text.contains(',') || ws.iter().any(|w| matches!(*w, "and" | "or")) {
        return false;
    }
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    let last = last.to_lowercase();
    ws.len() >= 2
        && UNNAMED_SPEAKERS.contains(&last.as_str())
        && (last.ends_with('s') || INDEFINITE_OPENINGS.contains(&first.to_lowercase().as_str()))
}

/// Whether a mention ends in a person's name after a lower-case role
/// ("Campaign lawyer Sofia Brandão", "union steward Ola Berg").
fn named_after_role(text: &str) -> bool {
    const LINKING: &[&str] = &[
        "the", "a", "an", "of", "for", "at", "from", "and", "to", "in",
    ];
    let ws = words(text);
    let Some(role) = ws.iter().rposition(|w| !is_capitalised(w)) else {
        return false;
    };
    let name = &ws[role + 1..];
    (2..=3).contains(&name.len())
        && !LINKING.contains(&ws[role])
        && !name
            .iter()
            .any(|w| TITLES.contains(&w.to_lowercase().as_str()))
        && kind_of(&name.join(" ")) == SourceKind::Person
}

/// The people a mention describes by where they are from ("Fishermen from
/// the port of Lissa" → "Fishermen"): a plural noun and a place after it.
fn people_from(text: &str) -> Option<&str> {
    let (people, rest) = text.split_once(' ')?;
    let link = rest.split_whitespace().next()?;
    let plural = people.ends_with('s') || people.ends_with("men") || people == "people";
    (plural
        && people.chars().all(char::is_alphabetic)
        && !GROUPS.contains(&people.to_lowercase().as_str())
        && matches!(link, "from" | "in" | "of" | "near" | "on"))
    .then_some(people)
}

/// The name of whom a group of people speaks for ("Lawyers for Marek",
/// "aides to Lind" → "Marek", "Lind"): a plural noun, "for" or "to", and a
/// name of up to three words.
fn spokespeople_for(text: &str) -> Option<&str> {
    const MAX_NAME_WORDS: usize = 3;
    let (people, rest) = text.split_once(' ')?;
    let name = rest
        .strip_prefix("for ")
        .or_else(|| rest.strip_prefix("to "))?;
    let name_words = name.split_whitespace().count();
    (people.ends_with('s')
        && people.chars().all(char::is_alphabetic)
        && (1..=MAX_NAME_WORDS).contains(&name_words)
        && name.split_whitespace().all(is_capitalised))
    .then_some(name)
}

/// The named body a group speaks for ("Analysts at Nordbank" → "Nordbank",
/// "Economists from the Halden Institute" → "Halden Institute"): a group of
/// professionals, at/of/from, and a name of up to four words.
fn body_of_group(text: &str) -> Option<&str> {
    const MAX_NAME_WORDS: usize = 4;
    let (group, rest) = text.split_once(' ')?;
    let (link, body) = rest.split_once(' ')?;
    let body = body
        .strip_prefix("the ")
        .or_else(|| body.strip_prefix("The "))
        .unwrap_or(body);
    let name_words = body.split_whitespace().count();
    let named =
        (1..=MAX_NAME_WORDS).contains(&name_words) && body.split_whitespace().all(is_capitalised);
    (GROUPS.contains(&group.to_lowercase().as_str())
        && matches!(link, "at" | "of" | "from")
        && named)
        .then_some(body)
}

/// The person named before the body they belong to ("Structural engineer
/// Paul Arneson of the Nordic Institute of Technology" → "Paul Arneson"),
/// when the words before "of" are a personal name and not a body's
/// ("Bank of England", "Nordic Institute of Technology").
fn affiliated_person(text: &str) -> Option<String> {
    let (head, _) = text.split_once(" of ")?;
    let name = person_name(head);
    let ws = words(&name);
    ((2..=4).contains(&ws.len())
        && ws.iter().all(|w| is_capitalised(w))
        && kind_of(&name) == SourceKind::Person)
        .then_some(name)
}

/// The name part of a person's mention: titles and roles before it dropped
/// ("Russian President Vladimir Putin" → "Vladimir Putin"), and the body
/// after it ("Paul Arneson of the Nordic Institute").
fn person_name(text: &str) -> String {
    if let Some(name) = affiliated_person(text) {
        return name;
    }
    // "Ilse Brandvold, the union's secretary" or "a spokesman, Rory
    // Delacourt": the name is the comma-separated part with most named words.
    let named = |part: &str| {
        words(part)
            .iter()
            .filter(|w| is_capitalised(w) && !TITLES.contains(&w.to_lowercase().as_str()))
            .count()
    };
    let text = text
        .split(',')
        .map(str::trim)
        .max_by_key(|part| {
            // "A spokeswoman for Aldmoor General Hospital, Clara Voss": the
            // part that is nothing but a name.
            let only_name = words(part).iter().all(|w| is_capitalised(w));
            (only_name, named(part), std::cmp::Reverse(part.len()))
        })
        .unwrap_or(text);
    let ws = words(text.trim_start_matches("the ").trim_start_matches("The "));
    let name_start = ws
        .iter()
        .rposition(|w| !is_capitalised(w) || TITLES.contains(&w.to_lowercase().as_str()))
        .map_or(0, |i| i + 1);
    // "Hydrologist Mette Dahl": an occupation that opens a sentence.
    let occupation = |w: &str| ROLE_ENDINGS.iter().any(|ending| w.ends_with(ending));
    let name_start = if ws.len() - name_start >= 3 && occupation(ws[name_start]) {
        name_start + 1
    } else {
        name_start
    };
    let name = ws[name_start..].join(" ");
    let name = name
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string();
    if name.is_empty() {
        text.to_string()
    } else {
        name
    }
}

fn surname(name: &str) -> Option<String> {
    words(name).last().map(|w| w.to_lowercase())
}

/// Groups mentions into sources: the same name (or surname, for people),
/// pronouns to the last person or organisation named before them, and role
/// nouns ("the minister") to the earlier source whose full mention holds the role.
/// The capitalised words just before `at` in `text` that can open a
/// person's name, in the same paragraph: up to two, none a title or a
/// sentence-opening word, and none that ends a sentence ("on Thursday.
/// Marek…"), though an initial may have its full stop ("J. Rhodes").
fn given_names_before(text: &str, at: usize) -> Vec<&str> {
    const MAX_INITIAL_LETTERS: usize = 2;
    let before = &text[..at];
    let paragraph = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    paragraph
        .split_whitespace()
        .rev()
        .take(2)
        .take_while(|w| {
            let lower = w.to_lowercase();
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            is_capitalised(w)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                && (!w.ends_with('.') || letters <= MAX_INITIAL_LETTERS)
                && !TITLES.contains(&lower.as_str())
                && !OPENING_WORDS.contains(&lower.as_str())
        })
        .collect()
}

/// A person's full name, when the article gives it before a surname
/// ("opposition leader Mateus Arroyo" for "Arroyo"): the nearest one up to
/// the mention at char `mentioned`, so "Silje Nilsen" is not taken for the
/// "Kari Nilsen" named before her; else the first after it.
fn full_name_in(article: &str, surname: &str, mentioned: usize) -> Option<String> {
    let mentioned = article
        .char_indices()
        .nth(mentioned)
        .map_or(article.len(), |(byte, _)| byte);
    let named: Vec<(usize, String)> = article
        .match_indices(surname)
        .filter_map(|(at, _)| {
            let after = article[at + surname.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) || !article[..at].ends_with(' ') {
                return None;
            }
            let given = given_names_before(article, at);
            (!given.is_empty()).then(|| {
                let mut name: Vec<&str> = given.into_iter().rev().collect();
                name.push(surname);
                (at, name.join(" "))
            })
        })
        .collect();
    let before = named.iter().rev().find(|(at, _)| *at <= mentioned);
    before.or(named.first()).map(|(_, name)| name.clone())
}

/// The company "the company" at char `mentioned` refers to: the last one
/// the article names before it ("Hedge fund Kestrel Capital… the
/// company"), else the first it names ("Norwegian drugmaker Veltrix
/// Pharma").
fn company_named_before(article: &str, mentioned: usize) -> Option<String> {
    const MAX_NAME_WORDS: usize = 3;
    let mentioned = article
        .char_indices()
        .nth(mentioned)
        .map_or(article.len(), |(byte, _)| byte);
    let ws: Vec<(usize, &str)> = article
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - article.as_ptr() as usize, w))
        .collect();
    let names: Vec<(usize, String)> = ws
        .iter()
        .enumerate()
        .filter_map(|(i, &(at, w))| {
            let word = w
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("’s")
                .trim_end_matches("'s");
            if !is_capitalised(word) || !COMPANY_WORDS.contains(&word.to_lowercase().as_str()) {
                return None;
            }
            let start = (i.saturating_sub(MAX_NAME_WORDS - 1)..i).find(|&j| {
                ws[j..i]
                    .iter()
                    .all(|(_, w)| is_capitalised(w) && w.chars().all(char::is_alphabetic))
            })?;
            let name: Vec<&str> = ws[start..i].iter().map(|&(_, w)| w).chain([word]).collect();
            Some((at, name.join(" ")))
        })
        .collect();
    let before = names.iter().rev().find(|(at, _)| *at < mentioned);
    before.or(names.first()).map(|(_, name)| name.clone())
}

/// Whether a lower-case mention is "the company" or the like, with at most
/// a compound adjective: "the firm", "the Oslo-based company".
fn refers_to_a_company(lower: &str) -> bool {
    let company = |w: &str| matches!(w, "company" | "firm" | "drugmaker");
    match words(lower)[..] {
        ["the", head] => company(head),
        ["the", modifier, head] => modifier.contains('-') && company(head),
        _ => false,
    }
}

/// The name after a title the article gives someone ("President Helena
/// Cordova" for "the president").
fn name_after_title(article: &str, title: &str) -> Option<String> {
    let mut title_cased = title.to_string();
    title_cased[..1].make_ascii_uppercase();
    name_following(article, &title_cased)
}

/// The first two- or three-word name right after `phrase` in the article.
fn name_following(article: &str, phrase: &str) -> Option<String> {
    article
        .match_indices(&format!("{phrase} "))
        .filter(|(at, _)| !article[..*at].ends_with(char::is_alphanumeric))
        .find_map(|(at, matched)| {
            let name: Vec<&str> = article[at + matched.len()..]
                .split_whitespace()
                .take(3)
                .take_while(|w| is_capitalised(w) && w.chars().all(char::is_alphabetic))
                .collect();
            (name.len() >= 2).then(|| name.join(" "))
        })
}

/// The name the article gives after the description a mention is: "the
/// Republican presidential nominee" is Donald Trump where the article
/// writes "Republican presidential nominee Donald Trump". Lower-case
/// words opening the description may be left out ("the former senator"
/// after "Senator Ada Lund"), capitalised ones may not ("the Vermont
/// senator" is no other state's).
fn name_after_description(article: &str, text: &str) -> Option<String> {
    const MAX_WORDS: usize = 6;
    let ws = words(text);
    let head = ws.last()?.to_lowercase();
    if !(2..=MAX_WORDS).contains(&ws.len())
        || !ws[0].eq_ignore_ascii_case("the")
        || !(TITLES.contains(&head.as_str()) || PERSON_ROLES.contains(&head.as_str()))
    {
        return None;
    }
    for from in 1..ws.len() {
        let description = ws[from..].join(" ");
        let mut capitalised = description.clone();
        capitalised[..1].make_ascii_uppercase();
        if let Some(name) =
            name_following(article, &description).or_else(|| name_following(article, &capitalised))
        {
            return Some(name);
        }
        if is_capitalised(ws[from]) {
            return None;
        }
    }
    None
}

/// The company a lone capitalised word stands for, when the article names
/// it in full elsewhere ("Corvane said", after "the Corvane Chemicals plant").
fn company_named_in(article: &str, word: &str) -> Option<String> {
    article.match_indices(word).find_map(|(at, _)| {
        let before = article[..at].chars().next_back();
        if before.is_some_and(char::is_alphanumeric) {
            return None;
        }
        let next = article[at + word.len()..].strip_prefix(' ')?;
        let next = next.split(|c: char| !c.is_alphanumeric()).next()?;
        (is_capitalised(next) && COMPANY_WORDS.contains(&next.to_lowercase().as_str()))
            .then(|| format!("{word} {next}"))
    })
}

/// Whether a one-word name is a country's, as the article uses it: with
/// its people's adjective ("Merovia" and "Merovian", "Iran" and
/// "Iranian", "Israel" and "Israeli") or its state's organs ("Tarsland's
/// foreign secretary", "Tarsland military officials"). A country that
/// speaks is its government.
fn names_a_state(article: &str, name: &str) -> bool {
    const DEMONYM_ENDINGS: &[&str] = &["n", "an", "ian", "i", "ese", "ish"];
    const ORGANS: &[&str] = &[
        "government",
        "foreign",
        "navy",
        "army",
        "military",
        "ministry",
        "president",
        "parliament",
        "embassy",
        "forces",
        "officials",
        "authorities",
        "defence",
        "defense",
    ];
    if name.contains(char::is_whitespace)
        || !is_capitalised(name)
        || !name.chars().all(char::is_alphabetic)
    {
        return false;
    }
    let adjective_from = |base: &str| {
        article.match_indices(base).any(|(at, _)| {
            let ending: String = article[at + base.len()..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            !article[..at].ends_with(char::is_alphabetic)
                && DEMONYM_ENDINGS.contains(&ending.as_str())
        })
    };
    let stem = name.strip_suffix('a').unwrap_or(name);
    let demonym = adjective_from(name) || (stem != name && adjective_from(stem));
    let organ = article.match_indices(name).any(|(at, _)| {
        let rest = &article[at + name.len()..];
        let rest = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix("’s"))
            .unwrap_or(rest);
        rest.starts_with(' ')
            && rest
                .split_whitespace()
                .next()
                .is_some_and(|w| ORGANS.contains(&w.trim_end_matches(|c: char| !c.is_alphabetic())))
    });
    demonym || organ
}

/// A description without the article opening it: "spokesperson" for "A
/// spokesperson".
fn without_article(text: &str) -> &str {
    ["the ", "The ", "a ", "A ", "an ", "An "]
        .iter()
        .find_map(|article| text.strip_prefix(article))
        .unwrap_or(text)
}

/// Whether two descriptions with the same head noun are told apart by the
/// capitalised words before it: "The Republican nominee" is not "The
/// Democratic presidential nominee". Either without such words agrees, and
/// "GOP" is "Republican".
fn conflicting_qualifiers(mention: &str, alias: &str, head: &str) -> bool {
    let qualifiers = |text: &str| -> Vec<String> {
        words(without_article(text))
            .into_iter()
            .take_while(|w| !w.eq_ignore_ascii_case(head))
            .filter(|w| is_capitalised(w))
            .map(|w| match w {
                "GOP" => "republican".to_string(),
                _ => w.to_lowercase(),
            })
            .collect()
    };
    let (ours, theirs) = (qualifiers(mention), qualifiers(alias));
    !ours.is_empty() && !theirs.is_empty() && !ours.iter().any(|q| theirs.contains(q))
}

/// Whether a mention describes a person without naming one, the way
/// news refers back to the last person named: "the mother of two",
/// "the 34-year-old".
fn describes_last_person(text: &str) -> bool {
    const MAX_WORDS: usize = 5;
    let lower = text.to_lowercase();
    let ws = words(text);
    lower.starts_with("the ")
        && ws.len() <= MAX_WORDS
        && !ws.iter().skip(1).any(|w| is_capitalised(w))
        && ws.iter().any(|w| {
            let w = w.to_lowercase();
            PERSON_DESCRIPTIONS.contains(&w.as_str()) || w.ends_with("-year-old")
        })
}

/// The last person's name in the article before char `offset`, and where
/// it is (in chars): a run of two to four capitalised words, less its
/// titles ("…a rash, Petra Dvorska thought it was…", "Defence Minister
/// Jonas Vik declined…"), within the paragraph before or the one it is in.
fn person_named_before(article: &str, offset: usize) -> Option<(String, usize)> {
    // A name with its titles: "Defence Minister Jonas Vik".
    const MAX_NAME_WORDS: usize = 4;
    let before: String = article.chars().take(offset).collect();
    let paragraphs: Vec<&str> = before.rsplitn(3, "\n\n").collect();
    let near = paragraphs[..paragraphs.len().min(2)]
        .iter()
        .rev()
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    // "…to beat Hillary Clinton,” he said: names inside a quotation are
    // what is said, not who spoke.
    let near = without_quotations(&near);
    let ws: Vec<&str> = near.split_whitespace().collect();
    let name_word = |w: &str| {
        is_capitalised(w)
            && w.chars().all(char::is_alphabetic)
            && !OPENING_WORDS.contains(&w.to_lowercase().as_str())
    };
    (0..ws.len()).rev().find_map(|end| {
        let word = bare(ws[end]);
        // A whole run of capitalised words, not the tail of a longer one.
        let run_ends = word != ws[end] || ws.get(end + 1).is_none_or(|next| !name_word(next));
        if !name_word(word) || !run_ends {
            return None;
        }
        let mut start = end;
        while start > 0 && end - start + 1 < MAX_NAME_WORDS && name_word(ws[start - 1]) {
            start -= 1;
        }
        // "the Centre for Democratic Studies": part of a body's name; "in
        // Las Vegas", "on Wall Street": a place.
        let inside_name = start > 0
            && matches!(
                ws[start - 1],
                "of" | "for" | "the" | "and" | "at" | "in" | "on" | "from" | "to" | "into" | "near"
            );
        if inside_name || (start > 0 && name_word(ws[start - 1])) {
            return None;
        }
        let run: Vec<&str> = ws[start..end].iter().copied().chain([word]).collect();
        let run = run.join(" ");
        let at = before
            .rfind(&run)
            .map(|byte| before[..byte].chars().count())?;
        let name = person_name(&run);
        (words(&name).len() >= 2 && kind_of(&run) == SourceKind::Person).then_some((name, at))
    })
}

/// The text with every quotation's words blanked out (curly or straight
/// double quotation marks, and the doubled single marks some papers use), so
/// that what a quotation names is not taken for who is speaking.
fn without_quotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let doubled_single = c == '\'' && chars.peek() == Some(&'\'');
        let mark = matches!(c, '“' | '”' | '"') || doubled_single;
        if doubled_single {
            chars.next();
        }
        if mark {
            inside = match c {
                '“' => true,
                '”' => false,
                _ => !inside,
            };
            out.push(' ');
            continue;
        }
        out.push(if inside && !c.is_whitespace() { ' ' } else { c });
    }
    out
}

/// The body that a mention which does not name it ("it", "the bank")
/// stands for: a name in the words of its own sentence before it, when the
/// mention closes the sentence ("Banco Dorne restored its payments…, the
/// bank said"), else in the sentence before, in the same paragraph ("The
/// dairy supplier, Lacteos Norte, was fined… It said…"). The agent of a
/// passive ("is operated by Fjordline Express") comes first, then the first
/// name. People already known, names after a title, days, months and a
/// dateline are not bodies.
fn body_named_near(
    article: &str,
    tokens: &[Token<'_>],
    sentences: &[usize],
    mentioned: usize,
    persons: &[&str],
) -> Option<String> {
    // A run of capitalised words holds at most this many ("Competition and
    // Markets Authority").
    const MAX_NAME_TOKENS: usize = 5;
    let at = tokens.partition_point(|t| t.span.start < mentioned);
    let sentence = *sentences.get(at)?;
    let own_start = sentence_start(sentences, at);
    let (start, end) = if own_start < at {
        (own_start, at)
    } else if sentence > 0 && !tokens[at].paragraph_start {
        (sentence_start(sentences, at - 1), at)
    } else {
        return None;
    };
    let start = past_dateline(tokens, start, end);
    let is_name_token = |i: usize| {
        let word = tokens[i].text;
        let lower = word.to_lowercase();
        is_capitalised(word)
            && word.chars().all(char::is_alphabetic)
            && !(i == start && OPENING_WORDS.contains(&lower.as_str()))
            && !DAYS.contains(&lower.as_str())
            && !MONTHS.contains(&lower.as_str())
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = start;
    while i < end {
        if !is_name_token(i) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        while last + 1 < end && last + 1 - first < MAX_NAME_TOKENS {
            let joined = matches!(tokens[last + 1].text, "of" | "and" | "for")
                && last + 2 < end
                && is_name_token(last + 2);
            if is_name_token(last + 1) {
                last += 1;
            } else if joined {
                last += 2;
            } else {
                break;
            }
        }
        runs.push((first, last));
        i = last + 1;
    }
    let text_of = |(first, last): (usize, usize)| -> String {
        article
            .chars()
            .skip(tokens[first].span.start)
            .take(tokens[last].span.end - tokens[first].span.start)
            .collect()
    };
    let is_body = |&(first, last): &(usize, usize)| {
        let name = text_of((first, last));
        let after_title =
            first > 0 && TITLES.contains(&tokens[first - 1].text.to_lowercase().as_str());
        let a_person = persons.iter().any(|p| {
            *p == name || surname(p).is_some_and(|s| name.split_whitespace().any(|w| w == s))
        });
        // One capitalised word opening the sentence is often only that:
        // "Prices rose…".
        let sentence_opener = first == last && first == start;
        !after_title && !a_person && !sentence_opener
    };
    let bodies: Vec<(usize, usize)> = runs.into_iter().filter(is_body).collect();
    let agent = bodies
        .iter()
        .find(|&&(first, _)| first > 0 && tokens[first - 1].text == "by");
    agent.or(bodies.first()).map(|&run| text_of(run))
}

/// The group of people that opens the sentence before the one at char
/// `mentioned`, in the same paragraph: a plural noun for professionals
/// ("Researchers", "Engineers") and the words after it up to the
/// sentence's verb ("Researchers from the University of Port Adria").
fn group_opening_sentence_before(
    tokens: &[Token<'_>],
    sentences: &[usize],
    mentioned: usize,
) -> Option<(usize, usize)> {
    const MAX_SUBJECT_TOKENS: usize = 14;
    let at = tokens.partition_point(|t| t.span.start < mentioned);
    let own_start = sentence_start(sentences, at.min(tokens.len() - 1));
    if own_start == 0 || tokens[own_start].paragraph_start {
        return None;
    }
    let start = sentence_start(sentences, own_start - 1);
    if !GROUPS.contains(&tokens[start].text.to_lowercase().as_str()) {
        return None;
    }
    let verb = (start + 1..own_start.min(start + MAX_SUBJECT_TOKENS)).find(|&i| {
        let word = tokens[i].text;
        AUXILIARIES.contains(&word)
            || (word.chars().all(char::is_lowercase) && (word.ends_with("ed") || word == "say"))
    })?;
    let phrase_ok = tokens[start..verb]
        .iter()
        .all(|t| t.text.chars().next().is_some_and(char::is_alphanumeric));
    phrase_ok.then_some((start, verb - 1))
}

/// Whether a word is a noun describing a body ("union", "carmaker").
fn describes(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    BODY_NOUNS
        .iter()
        .chain(MORE_BODY_DESCRIPTIONS)
        .any(|d| word.ends_with(d))
}

/// A body's name without the description before it: "Saltvik Pharma" in
/// "Amoxicillin maker Saltvik Pharma", "Norgas" in "Industry group Norgas".
/// The name may hold small linking words ("Defesa do Consumidor").
fn without_description(name: &str) -> Option<String> {
    name_after_noun(name, describes)
}

/// A medium's name without the description before it: "MRNA" in "Merovia's
/// state news agency MRNA", "Arena" in "sports daily Arena". The description
/// ends in a lower-case word for a medium; "The Daily Beast" is a name.
fn medium_without_description(name: &str) -> Option<String> {
    name_after_noun(name, |w| MEDIA_DESCRIPTIONS.contains(&w))
}

/// The name after the last word of `name` that `describes` (not its last
/// word): capitalised words, and small linking words inside.
fn name_after_noun(name: &str, describes: impl Fn(&str) -> bool) -> Option<String> {
    const LINKING: &[&str] = &["of", "for", "and", "do", "de", "da", "del", "the"];
    let ws = words(name);
    let named = |ws: &[&str]| {
        ws.first().is_some_and(|w| is_capitalised(w))
            && ws.last().is_some_and(|w| is_capitalised(w))
            && ws.iter().all(|w| {
                (is_capitalised(w) && !TITLES.contains(&w.to_lowercase().as_str()))
                    || LINKING.contains(w)
            })
    };
    let noun = (0..ws.len().saturating_sub(1))
        .rev()
        .find(|&i| describes(ws[i]))?;
    named(&ws[noun + 1..]).then(|| ws[noun + 1..].join(" "))
}

/// A person's name, by the words alone, that the article shows to be a
/// body's: "Carmaker Nordbil" is Nordbil, and "Skarre Kraft" a company
/// when the article calls it "the dam's operator" (see [`named_as_body`]).
fn body_in_context(article: &str, name: String) -> Option<String> {
    if let Some(body) = without_description(&name) {
        return Some(body);
    }
    let ws = words(&name);
    let capitalised = ws
        .iter()
        .all(|w| is_capitalised(w) && !TITLES.contains(&w.to_lowercase().as_str()));
    (ws.len() >= 2 && capitalised && named_as_body(article, &name)).then_some(name)
}

/// Whether the article treats a name the words alone would take for a
/// person's ("Skarre Kraft", "Frost Energi") as a body's: it writes "the"
/// before it, a body's role after it ("Dynamo Kovel chairman"), a body
/// noun next to it ("Sports drinks maker Frost Energi", "Brightline
/// Events, the company that…", "The dam's operator, Skarre Kraft,").
fn named_as_body(article: &str, name: &str) -> bool {
    const DESCRIPTION_WORDS: usize = 3;
    const WORDS_AFTER: usize = 4;
    article.match_indices(name).any(|(at, _)| {
        let before: Vec<&str> = article[..at].split_whitespace().rev().take(2).collect();
        let rest = &article[at + name.len()..];
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        let after: Vec<&str> = rest.split_whitespace().take(WORDS_AFTER).collect();
        let previous = before.first().copied().unwrap_or_default();
        let the_before = previous.eq_ignore_ascii_case("the");
        let noun_before = describes(previous)
            && (!previous.ends_with(',') || before.get(1).is_some_and(|w| !is_capitalised(w)));
        let role_after = after
            .first()
            .is_some_and(|w| BODY_ROLES.contains(&w.to_lowercase().as_str()));
        let appositive: Vec<&str> = rest
            .strip_prefix(", ")
            .unwrap_or_default()
            .split_whitespace()
            .take(DESCRIPTION_WORDS + 1)
            .collect();
        let appositive_after = appositive
            .first()
            .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
            && appositive.iter().skip(1).any(|w| describes(w));
        the_before || noun_before || role_after || appositive_after
    })
}

/// The acronym an article gives a name in brackets after it: "NADA" in
/// "the National Anti-Doping Agency (NADA)".
fn bracketed_acronym(article: &str, name: &str) -> Option<String> {
    const MAX_ACRONYM_CHARS: usize = 10;
    article.match_indices(name).find_map(|(at, _)| {
        let rest = article[at + name.len()..].strip_prefix(" (")?;
        let acronym = &rest[..rest.find(')')?];
        let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
        (letters >= 2
            && acronym.chars().count() <= MAX_ACRONYM_CHARS
            && acronym
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&'))
        .then(|| acronym.to_string())
    })
}

/// Whether a source already found has `head` among its words ("the bank"
/// then joins it).
fn known_head(sources: &[Source], head: &str) -> bool {
    sources.iter().any(|s| {
        s.aliases
            .iter()
            .chain([&s.name])
            .any(|a| a.to_lowercase().split_whitespace().any(|w| w == head))
    })
}

/// The first fuller description of `head` in the article: "monetary
/// policy statement" in "its monetary policy statement" for "statement".
fn described_in(article: &str, head: &str) -> Option<String> {
    const MAX_MODIFIERS: usize = 3;
    let ws: Vec<&str> = article.split_whitespace().collect();
    ws.iter().enumerate().find_map(|(i, word)| {
        if bare(word) != head {
            return None;
        }
        let determiner = (i.saturating_sub(MAX_MODIFIERS + 1)..i)
            .rev()
            .find(|&j| DETERMINERS.contains(&ws[j].to_lowercase().as_str()))?;
        let modifiers = &ws[determiner + 1..i];
        (!modifiers.is_empty()
            && modifiers
                .iter()
                .all(|w| bare(w) == *w && w.chars().all(char::is_lowercase)))
        .then(|| {
            ws[determiner + 1..=i]
                .iter()
                .map(|w| bare(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
    })
}

/// A word without the punctuation that follows it.
fn bare(word: &str) -> &str {
    word.trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// The first capitalised name in the article built on `head` ("Bank of
/// Marvania", "Marvanian Homeowners' Association" for "bank", "association").
fn body_named_in(article: &str, head: &str) -> Option<String> {
    const MAX_SIDE_WORDS: usize = 3;
    let mut title_cased = head.to_string();
    title_cased[..1].make_ascii_uppercase();
    let ws: Vec<&str> = article.split_whitespace().collect();
    let name_word = |w: &str| {
        is_capitalised(w)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
            && !OPENING_WORDS.contains(&w.to_lowercase().as_str())
    };
    ws.iter().enumerate().find_map(|(i, word)| {
        if bare(word) != title_cased {
            return None;
        }
        let mut start = i;
        while start > 0 && i - start < MAX_SIDE_WORDS && name_word(ws[start - 1]) {
            start -= 1;
        }
        let mut end = i;
        if bare(word) == *word && ws.get(i + 1) == Some(&"of") {
            for (j, next) in ws.iter().enumerate().skip(i + 2).take(MAX_SIDE_WORDS) {
                if !is_capitalised(bare(next)) {
                    break;
                }
                end = j;
                if bare(next) != *next {
                    break;
                }
            }
        }
        let name: Vec<&str> = ws[start..=end].iter().map(|w| bare(w)).collect();
        (name.len() >= 2).then(|| name.join(" "))
    })
}

fn group(
    article: &str,
    tokens: &[Token<'_>],
    sentences: &[usize],
    mentions: Vec<(Mention, Option<String>)>,
) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    let mut last_person: Option<usize> = None;
    // Where the mention of the last person who spoke ends, in chars.
    let mut last_person_end = 0;
    let mut last_other: Option<usize> = None;
    // A mention may come with the name it stands for ("they" for each
    // issuer of a joint statement).
    for (mention, referent) in mentions {
        let text = referent.unwrap_or_else(|| mention.source.text.trim().to_string());
        let lower = text.to_lowercase();
        // "Hale did not answer questions. In a statement, she said…": "she"
        // is the person the article named after the last one who spoke.
        let describes_person = describes_last_person(&text);
        let refers_back = PERSON_PRONOUNS.contains(&lower.as_str()) || describes_person;
        let named_since = refers_back
            .then(|| person_named_before(article, mention.source.start))
            .flatten()
            .filter(|(_, at)| last_person.is_none() || *at >= last_person_end)
            .map(|(name, _)| name);
        // "The dairy supplier, Lacteos Norte, was fined… It said…": "it"
        // is the body the sentence before named.
        let persons = || {
            sources
                .iter()
                .filter(|s| s.kind == SourceKind::Person)
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
        };
        let named_body = (lower == "it" && named_since.is_none())
            .then(|| body_named_near(article, tokens, sentences, mention.source.start, &persons()))
            .flatten();
        // "Researchers from the University of Port Adria surveyed 212
        // reefs. They found…": "they" are the group the sentence before
        // opened with.
        let named_group = (lower == "they")
            .then(|| group_opening_sentence_before(tokens, sentences, mention.source.start))
            .flatten()
            .map(|(first, last)| {
                CharSpan::new(tokens[first].span.start, tokens[last].span.end)
                    .slice(article)
                    .unwrap_or_default()
                    .to_string()
            });
        let named_body = named_body.or(named_group);
        let target = if PRONOUNS.contains(&lower.as_str())
            && named_since.is_none()
            && named_body.is_none()
        {
            match lower.as_str() {
                pronoun if pronoun == "i" || PERSON_PRONOUNS.contains(&pronoun) => last_person,
                _ => last_other.or(last_person),
            }
        } else if lower.starts_with("one of them") || lower.starts_with("one of those") {
            last_other
        } else if describes_person && last_person.is_some() && named_since.is_none() {
            last_person
        } else {
            let by_pronoun = named_body.is_some();
            let text = named_since.or(named_body).unwrap_or_else(|| text.clone());
            let lower = text.to_lowercase();
            let company = if words(&text).len() == 1 {
                company_named_in(article, &text)
            } else if refers_to_a_company(&lower) {
                company_named_before(article, mention.source.start)
            } else {
                None
            };
            // "…, the bank said", where the bank is Banco Dorne: the body
            // the sentence names, when no name holds the noun.
            let body_noun = match words(&lower)[..] {
                ["the", head] if BODY_NOUNS.contains(&head) => Some(head.to_string()),
                _ => None,
            };
            let near = body_noun
                .filter(|head| company.is_none() && !known_head(&sources, head))
                .filter(|head| body_named_in(article, head).is_none())
                .and_then(|_| {
                    body_named_near(article, tokens, sentences, mention.source.start, &persons())
                });
            let by_pronoun = by_pronoun || near.is_some();
            let company = company.or(near);
            // "the bank", after "The Bank of Marvania raised…": the body
            // the article named, when it has not spoken yet; "the
            // statement", after "its monetary policy statement": the fuller
            // description the article gave.
            let body = (company.is_none() && words(&lower).len() == 2 && lower.starts_with("the "))
                .then(|| words(&lower)[1].to_string())
                .filter(|head| !known_head(&sources, head))
                .and_then(|head| {
                    body_named_in(article, &head).or_else(|| described_in(article, &head))
                });
            // "Lawyers for Marek": the people who speak for a person the
            // article names are a source of their own.
            let for_person = spokespeople_for(&text).is_some_and(|name| {
                persons()
                    .iter()
                    .any(|p| *p == name || surname(p) == Some(name.to_lowercase()))
                    || full_name_in(article, name, mention.source.start).is_some()
            });
            let kind = match kind_of(body.as_deref().unwrap_or(&text)) {
                _ if for_person => SourceKind::Other,
                SourceKind::Person | SourceKind::Other
                    if name_withheld(tokens, sentences, mention.source.end) =>
                {
                    SourceKind::Anonymous
                }
                // What "it" or "the bank" stands for is no person.
                SourceKind::Person if by_pronoun => SourceKind::Organization,
                _ if company.is_some() => SourceKind::Organization,
                SourceKind::Person if names_a_state(article, without_article(&text)) => {
                    SourceKind::GovernmentBody
                }
                kind => kind,
            };
            let mut expanded = false;
            let key = if let Some(company) = company {
                company
            } else if let Some(body) = body.clone() {
                body
            } else if let Some(body) = body_of_group(&text) {
                body.to_string()
            } else if let Some(people) = people_from(&text) {
                people.to_lowercase()
            } else if kind == SourceKind::Person {
                let name = person_name(&text);
                // "Arroyo said", "the president said", "its governor
                // called": the full name the article gives them elsewhere.
                let title = ["the ", "its ", "his ", "her ", "their "]
                    .iter()
                    .find_map(|determiner| lower.strip_prefix(determiner))
                    .filter(|t| TITLES.contains(t));
                match title {
                    Some(title) => name_after_title(article, title),
                    None if words(&name).len() == 1 => {
                        full_name_in(article, &name, mention.source.start)
                    }
                    // "The Republican presidential nominee said".
                    None => name_after_description(article, &text),
                }
                .inspect(|_| expanded = true)
                .unwrap_or_else(|| without_article(&name).to_string())
            } else {
                without_article(&text).to_string()
            };
            let (key, kind) = match kind {
                SourceKind::Person if !expanded => match body_in_context(article, key.clone())
                    // "Transparency watchdog Clearview": the key kept only
                    // the name.
                    .or_else(|| without_description(&text))
                {
                    Some(body) => (body, SourceKind::Organization),
                    None => (key, kind),
                },
                SourceKind::Organization => (without_description(&key).unwrap_or(key), kind),
                SourceKind::MediaOutlet => (medium_without_description(&key).unwrap_or(key), kind),
                _ => (key, kind),
            };
            // One name for a body or a government however the article
            // writes it: "DHS" is the Department of Homeland Security,
            // "Washington" the United States government.
            let (key, kind) = canonical_body(key, kind);
            let found = sources.iter().position(|s| {
                s.name.eq_ignore_ascii_case(&key)
                    // "Nilsen" was Kari Nilsen; this one is Silje Nilsen.
                    || (!expanded && s.aliases.iter().any(|a| a.eq_ignore_ascii_case(&text)))
                    || (kind == SourceKind::Person
                        && s.kind == SourceKind::Person
                        && words(&key).len() == 1
                        && surname(&s.name) == surname(&key))
                    // "the commission" is the Electoral Commission, and
                    // "the office" the state prosecutor's office.
                    || (lower.starts_with("the ")
                        && s.aliases.iter().chain([&s.name]).any(|a| {
                            let head = words(&lower)
                                .last()
                                .map(|w| w.to_string())
                                .unwrap_or_default();
                            let alias = a.to_lowercase();
                            let named = alias.split_whitespace().any(|w| w == head)
                                && a.chars().any(char::is_uppercase)
                                && !conflicting_qualifiers(&text, a, &head);
                            // "the guard", after "a security guard who
                            // was on duty": the noun the clause describes.
                            let noun = alias.split(" who ").next().unwrap_or_default();
                            let described = words(&lower).len() == 2
                                && noun.split_whitespace().last() == Some(head.as_str());
                            named || described
                        }))
            });
            match found {
                Some(i) => Some(i),
                None => {
                    // "NADA said", after "the National Anti-Doping Agency
                    // (NADA) said": one body.
                    let aliases = (kind != SourceKind::Person)
                        .then(|| bracketed_acronym(article, &key))
                        .flatten()
                        .into_iter()
                        .collect();
                    sources.push(Source {
                        name: key,
                        kind,
                        aliases,
                        mentions: Vec::new(),
                    });
                    Some(sources.len() - 1)
                }
            }
        };
        let Some(index) = target else { continue };
        let source = &mut sources[index];
        if !PRONOUNS.contains(&lower.as_str())
            && text != source.name
            && !source.aliases.contains(&text)
        {
            source.aliases.push(text.clone());
        }
        // The fullest form of a person's name becomes the canonical one.
        if source.kind == SourceKind::Person {
            let candidate = without_article(&person_name(&text)).to_string();
            if words(&candidate).len() > words(&source.name).len()
                && surname(&candidate) == surname(&source.name)
            {
                let old = std::mem::replace(&mut source.name, candidate);
                if !source.aliases.contains(&old) {
                    source.aliases.push(old);
                }
                source.aliases.retain(|a| *a != source.name);
            }
        }
        if source.kind == SourceKind::Person {
            last_person = Some(index);
            last_person_end = mention.source.end;
        } else {
            last_other = Some(index);
        }
        source.mentions.push(mention);
    }
    // "The Turkish leader" is the Turkish president the article named.
    roles::join_described(&mut sources);
    sources
}

/// The name world knowledge gives a body or a government, and its kind.
fn canonical_body(key: String, kind: SourceKind) -> (String, SourceKind) {
    if matches!(kind, SourceKind::Person | SourceKind::Anonymous | SourceKind::Document) {
        return (key, kind);
    }
    if let Some(body) = world::body_named(&key) {
        return (body.name.clone(), body.kind);
    }
    match world::government_named(&key) {
        Some(country) => (country.government(), SourceKind::GovernmentBody),
        None => (key, kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn he_is_the_last_person_named_outside_quotations_and_places() {
        let text = "Trump rallies\n\nBen Carson spoke in Iowa. “I can beat Hillary Clinton,” he said. \
                    The crowd in Las Vegas cheered, he said.";
        let names: Vec<String> = analyze(text).sources.into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["Ben Carson"], "{names:?}");
    }

    #[test]
    fn sentences_end_at_stops_but_not_after_titles_or_initials() {
        let tokens = tokenize("Mr. Smith met Gen. Jones. Then J. K. Rowling spoke! “Yes.” Done");
        let ids = sentence_ids(&tokens);
        let id = |w: &str| ids[tokens.iter().position(|t| t.text == w).unwrap()];
        assert_eq!(id("Smith"), id("Jones"));
        assert_eq!(id("Then"), id("Rowling"));
        assert_ne!(id("Jones"), id("Then"));
        assert_ne!(id("spoke"), id("Yes"));
        assert_ne!(id("Yes"), id("Done"));
    }

    #[test]
    fn kinds_follow_the_words_of_the_mention() {
        assert_eq!(
            kind_of("Russian President Vladimir Putin"),
            SourceKind::Person
        );
        assert_eq!(
            kind_of("two officials familiar with the talks"),
            SourceKind::Anonymous
        );
        assert_eq!(kind_of("the foreign ministry"), SourceKind::GovernmentBody);
        assert_eq!(kind_of("a joint statement"), SourceKind::Document);
        assert_eq!(kind_of("Tasnim news agency"), SourceKind::MediaOutlet);
        assert_eq!(kind_of("the union"), SourceKind::Organization);
        assert_eq!(
            kind_of("the Environment Agency"),
            SourceKind::GovernmentBody
        );
        assert_eq!(kind_of("Corvane Chemicals"), SourceKind::Organization);
        assert_eq!(kind_of("Brightwater Energy Ltd"), SourceKind::Organization);
        assert_eq!(kind_of("Energy Secretary Daniel Osei"), SourceKind::Person);
        assert_eq!(kind_of("the oil workers"), SourceKind::Other);
        assert_eq!(kind_of("NIPH"), SourceKind::Organization);
        assert_eq!(kind_of("RedNacional"), SourceKind::Organization);
        assert_eq!(kind_of("McCarthy"), SourceKind::Person);
        assert_eq!(
            kind_of("Priya Lal, a spokeswoman for the agency"),
            SourceKind::Person
        );
        assert_eq!(kind_of("a senior ministry adviser"), SourceKind::Anonymous);
        assert_eq!(kind_of("the two governments"), SourceKind::GovernmentBody);
        assert_eq!(
            kind_of("the Office of the Director of National Intelligence on Election Security"),
            SourceKind::GovernmentBody
        );
        assert_eq!(kind_of("Washington"), SourceKind::GovernmentBody);
        assert_eq!(kind_of("The U.K."), SourceKind::GovernmentBody);
        assert_eq!(kind_of("the intelligence community"), SourceKind::GovernmentBody);
        assert_eq!(kind_of("DHS"), SourceKind::GovernmentBody);
    }

    #[test]
    fn speakers_for_a_person_ages_possessive_roles_and_press_offices_are_read() {
        let text = "Court jails Marek\n\nIlse Marek was sentenced on Thursday. \
                    Marek, 54, denied the charges throughout the trial. \
                    Lawyers for Marek say the court ignored bank records. \
                    Rehn, her lawyer, wrote on Facebook that the ruling was a copy of the indictment. \
                    Transparency watchdog Clearview said the trial had been marred by irregularities. \
                    The court's press office said the verdict could be appealed.";
        assert_eq!(
            found(text),
            [
                ("Ilse Marek".to_string(), SourceKind::Person),
                ("Lawyers for Marek".to_string(), SourceKind::Other),
                ("Rehn".to_string(), SourceKind::Person),
                ("Clearview".to_string(), SourceKind::Organization),
                (
                    "court's press office".to_string(),
                    SourceKind::GovernmentBody
                ),
            ]
        );
    }

    #[test]
    fn a_surname_takes_the_full_name_not_the_word_opening_its_clause() {
        let text = "Rally in Ohio\n\nBusiness leader Donald Trump toured a plant in Ohio.\n\n\
                    Although Trump said he would win the state, his staff were less sure.";
        assert_eq!(
            found(text)[0],
            ("Donald Trump".to_string(), SourceKind::Person)
        );
    }

    #[test]
    fn a_source_inside_a_clause_is_found_with_its_own_cue() {
        let text = "Court jails Marek\n\nA court sentenced Ilse Marek on Thursday for what prosecutors called \
                    the misuse of party funds, in a case her supporters say was designed to keep her \
                    off the ballot.";
        let sources = analyze(text).sources;
        let cued: Vec<(&str, &str)> = sources
            .iter()
            .map(|s| {
                let cue = s.mentions[0].cue.as_ref().map_or("", |c| c.text.as_str());
                (s.mentions[0].source.text.as_str(), cue)
            })
            .collect();
        assert_eq!(cued, [("prosecutors", "called"), ("her supporters", "say")]);

        let label = "Rates rise\n\nThe Bank of Marvania took what its governor called “decisive action” on Wednesday. \
                     Governor Teodor Lisk said the rise would curb inflation.";
        let sources = analyze(label).sources;
        assert_eq!(sources.len(), 1, "{sources:?}");
        assert_eq!(sources[0].name, "Teodor Lisk");
        assert!(sources[0].aliases.contains(&"its governor".to_string()));

        let nothing = "Plan approved\n\nThe plan was what the residents wanted all along.";
        assert!(analyze(nothing).sources.is_empty());
    }

    #[test]
    fn studies_data_groups_and_speakers_with_ages_are_read_whole() {
        let text = "Corals bleached in record heat\n\n\
            Half the corals bleached last year, according to a study published on Wednesday in the journal Marine Ecology Letters.\n\n\
            Researchers from the University of Port Adria surveyed 212 reefs. They found that one in ten colonies had died.\n\n\
            Boffins who surveyed more than 200 reefs say the damage is the worst ever recorded there.\n\n\
            Dive instructor Luca Moretti, 41, who has taken tourists to the reefs for 15 years, told reporters the season was lost.";
        let sources = found(text);
        assert_eq!(
            sources,
            [
                (
                    "study published on Wednesday in the journal Marine Ecology Letters"
                        .to_string(),
                    SourceKind::Document
                ),
                (
                    "Researchers from the University of Port Adria".to_string(),
                    SourceKind::Organization
                ),
                (
                    "Boffins who surveyed more than 200 reefs".to_string(),
                    SourceKind::Person
                ),
                ("Luca Moretti".to_string(), SourceKind::Person),
            ]
        );
    }

    #[test]
    fn a_document_closing_its_sentence_may_take_eight_words() {
        let closing = |text: &str| {
            let tokens = tokenize(text);
            let tags = vec![Tag::Outside; tokens.len()];
            let cue = tokens.iter().position(|t| t.text == "showed").unwrap();
            closing_subject(&tokens, &tags, (cue, cue)).map(|(a, b)| {
                CharSpan::new(tokens[a].span.start, tokens[b].span.end)
                    .slice(text)
                    .unwrap()
                    .to_string()
            })
        };
        assert_eq!(
            closing(
                "Water stayed warm for 11 weeks, data from the regional monitoring network OceanWatch showed."
            )
            .as_deref(),
            Some("data from the regional monitoring network OceanWatch")
        );
        assert_eq!(
            closing(
                "Water stayed warm for weeks, the long and careful work of many divers showed."
            ),
            None,
            "a phrase of more than five words needs to be a document"
        );
    }

    #[test]
    fn datelines_disputes_surnames_and_the_writers_themselves() {
        let wire = "Ostmark leaders spar over pensions as race tightens\n\nOSTBURG, Oct 14 (Baltic Wire) - \
                    Ostmark's prime minister and her conservative rival sparred over the country's pension \
                    fund in a final debate on Tuesday, with polls showing the race too close to call.";
        assert_eq!(
            found(wire),
            [("polls".to_string(), SourceKind::Document)],
            "neither the dateline's '14' nor the leaders who sparred"
        );
        let surname = "Debate\n\nMikael Dunmore spoke first.\n\n\
                       Dunmore, a former central bank economist, told reporters the report proved his case.";
        assert_eq!(
            found(surname),
            [("Mikael Dunmore".to_string(), SourceKind::Person)]
        );
        let blog = "Dunmore wipes the floor with Halvorsen\n\n\
                    The Fiscal Council has been warning about the pension fund for years.\n\n\
                    We asked the prime minister's office for the figures behind her claim that the fund \
                    had grown every year. A spokesperson replied that the figures were \"publicly \
                    available\" and declined to say where.";
        let mentioned: Vec<String> = analyze(blog)
            .sources
            .iter()
            .flat_map(|s| s.mentions.iter().map(|m| m.source.text.clone()))
            .collect();
        assert_eq!(
            mentioned,
            ["The Fiscal Council", "A spokesperson"],
            "'We asked' is the blog's own voice"
        );
    }

    #[test]
    fn a_poll_is_a_source_by_the_verb_that_states_its_finding() {
        let found_with_cues = |text: &str| -> Vec<(String, SourceKind, String)> {
            analyze(text)
                .sources
                .into_iter()
                .map(|s| {
                    let cue = s.mentions[0]
                        .cue
                        .as_ref()
                        .map_or("", |c| c.text.as_str())
                        .to_string();
                    (s.name, s.kind, cue)
                })
                .collect()
        };
        let race = "Leaders debate\n\nThe leaders met on Tuesday, with polls showing the race too close to call. \
                    Her party has led in most polls since the summer, but a survey published by the daily \
                    Ostburg Posten on Monday put the Moderates two points ahead.\n\n\
                    Polls published last month put the two parties level.";
        let found = found_with_cues(race);
        let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "polls",
                "survey published by the daily Ostburg Posten on Monday",
                "Polls published last month"
            ],
            "{found:?}"
        );
        assert!(found
            .iter()
            .all(|(_, kind, _)| *kind == SourceKind::Document));
        let cues: Vec<&str> = found.iter().map(|(_, _, c)| c.as_str()).collect();
        assert_eq!(cues, ["showing", "put", "put"]);
    }

    #[test]
    fn a_described_role_is_the_person_the_article_names_with_it_and_no_rival() {
        let names = |text: &str| -> Vec<String> {
            analyze(text).sources.into_iter().map(|s| s.name).collect()
        };
        assert_eq!(
            names(
                "Debate\n\nRepublican nominee Donald Trump toured Ohio on Monday.\n\n\
                   The Republican nominee said the debate was rigged."
            ),
            ["Donald Trump"]
        );
        assert_eq!(
            names(
                "Debate\n\nRepublican nominee Donald Trump toured Ohio on Monday.\n\n\
                   The Democratic nominee said the debate had been fair."
            ),
            ["Democratic nominee"]
        );
        assert_eq!(
            names("Debate\n\nThe Democratic presidential nominee says the plan is costed.\n\n\
                   The Republican nominee also outlined a tax plan, saying it would pay for itself."),
            ["Democratic presidential nominee", "Republican nominee"]
        );
    }

    #[test]
    fn a_country_that_speaks_is_its_government() {
        assert_eq!(
            found(
                "Tanker seized\n\nMerovian forces boarded the tanker on Thursday. \
                   Merovia has said the ship collided with a fishing boat."
            ),
            [("Merovia".to_string(), SourceKind::GovernmentBody)]
        );
        assert_eq!(
            found(
                "Tanker seized\n\nTarsland's foreign secretary flew to the gulf. \
                   Tarsland said it would send two frigates."
            ),
            [("Tarsland".to_string(), SourceKind::GovernmentBody)]
        );
        assert_eq!(
            found("Match report\n\nThe striker scored twice. Jordan said the team had earned the win."),
            [("Jordan".to_string(), SourceKind::Person)]
        );
    }

    #[test]
    fn the_company_is_the_last_company_named_before_it() {
        let text = "Wildfire\n\nDUBLIN, July 30 (Harbour Financial) — Insured losses could exceed 200 million \
                    euros, the Irish Insurance Federation said on Wednesday.\n\n\
                    Shares in Corrin Timber, which owns a fifth of the forest, fell 9 percent. \
                    The company said its sawmills were closed as a precaution.";
        let analysis = analyze(text);
        let holder = analysis
            .sources
            .iter()
            .find(|s| s.mentions.iter().any(|m| m.source.text == "The company"))
            .map(|s| s.name.as_str());
        assert_eq!(holder, Some("Corrin Timber"));
    }

    #[test]
    fn a_verdict_or_a_deal_agreed_to_is_an_act_not_something_said() {
        let is_act = |text: &str, verb: &str| {
            let tokens = tokenize(text);
            let cue = tokens.iter().position(|t| t.text == verb).unwrap();
            reports_an_act(&tokens, (cue, cue))
        };
        assert!(is_act(
            "The court on Thursday found former MP Ilse Marek guilty of fraud.",
            "found"
        ));
        assert!(is_act("A jury found the company not liable.", "found"));
        assert!(!is_act(
            "The inquiry found that the operator was liable for the spill.",
            "found"
        ));
        assert!(!is_act(
            "The audit found serious gaps in the records.",
            "found"
        ));
        assert!(is_act("Lumora Systems has agreed to buy Vexa.", "agreed"));
        assert!(!is_act(
            "Both sides agreed that the talks had failed.",
            "agreed"
        ));
    }

    #[test]
    fn a_medium_goes_by_its_name_and_a_compound_modifier_stays_with_its_noun() {
        let text = "Tanker seized\n\nShip-tracking data from the firm Vesseltrack showed the tanker turning north. \
                    Merovia's state news agency MRNA said the tanker had been seized on a court order. \
                    The judiciary of Qarsan province said in a statement that the tanker had been brought to port.";
        assert_eq!(
            found(text),
            [
                (
                    "Ship-tracking data from the firm Vesseltrack".to_string(),
                    SourceKind::Document
                ),
                ("MRNA".to_string(), SourceKind::MediaOutlet),
                (
                    "judiciary of Qarsan province".to_string(),
                    SourceKind::GovernmentBody
                ),
            ]
        );
        let beast = "Senator under fire\n\nThe Daily Beast reported that the senator had met the lobbyist twice.";
        assert_eq!(
            found(beast),
            [("Daily Beast".to_string(), SourceKind::MediaOutlet)]
        );
    }

    #[test]
    fn a_subject_whose_verb_is_joined_to_said_is_the_source() {
        let names = |text: &str| -> Vec<String> {
            analyze(text).sources.into_iter().map(|s| s.name).collect()
        };
        assert_eq!(
            names("Tarsland condemns seizure\n\nTarsland on Thursday condemned the seizure of the tanker and said it was considering naval escorts."),
            ["Tarsland"]
        );
        assert!(names("Schools shut in heatwave\n\nAuthorities closed schools in four provinces and told outdoor workers to stop at noon.").is_empty());
    }

    #[test]
    fn the_company_with_a_compound_adjective_is_the_company_named() {
        let analysis = analyze(
            "Tanker seized in the gulf\n\nHalvard Shipping, which manages the vessel, said it had lost contact with the crew. \
             “Our priority is the safety of the crew,” the Oslo-based company said.",
        );
        let names: Vec<(&str, usize)> = analysis
            .sources
            .iter()
            .map(|s| (s.name.as_str(), s.mentions.len()))
            .collect();
        assert_eq!(names, [("Halvard Shipping", 2)]);
    }

    #[test]
    fn a_source_whose_name_is_withheld_is_anonymous_and_cued_by_its_verb() {
        for text in [
            "Crews short of water as fire spreads\n\nA firefighter, who asked not to be named because crews may not speak to the press, said the teams were exhausted.",
            "Crews short of water as fire spreads\n\nA senior doctor at the hospital, speaking on condition of anonymity, said three of the injured were in a critical condition.",
        ] {
            let analysis = analyze(text);
            let [source] = analysis.sources.as_slice() else {
                panic!("one source expected: {:?}", analysis.sources);
            };
            assert_eq!(source.kind, SourceKind::Anonymous, "{text}");
            let cue = source.mentions[0].cue.as_ref().map(|c| c.text.as_str());
            assert_eq!(cue, Some("said"), "{text}");
        }
    }

    #[test]
    fn an_unnamed_speaker_stays_anonymous_when_the_employer_is_named() {
        for text in [
            "A Tarsland defence official",
            "a senior Tarsland military official",
            "a Foreign Ministry official",
            "West Virginia officials",
            "one GOP source",
        ] {
            assert_eq!(kind_of(text), SourceKind::Anonymous, "{text}");
        }
        assert_eq!(
            kind_of("J. Rhodes, one of the president's closest aides"),
            SourceKind::Person
        );
        assert_eq!(
            kind_of("Pentagon official Sean Parnell"),
            SourceKind::Person
        );
    }

    #[test]
    fn a_named_speaker_is_kept_when_the_tagger_marks_only_their_appositive() {
        let analysis = analyze(
            "Ada Aldwick, a member of the harbour council, said the plan needed more time.",
        );
        let names: Vec<&str> = analysis.sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ada Aldwick"], "{names:?}");
        let place =
            analyze("In Kessling, a member of the harbour council said the plan needed more time.");
        assert!(
            !place.sources.iter().any(|s| s.name.contains("Kessling")),
            "a place is not a speaker: {:?}",
            place.sources.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_ones_spoken_to_or_about_in_a_passive_are_not_sources() {
        let names = |text: &str| -> Vec<String> {
            analyze(text).sources.into_iter().map(|s| s.name).collect()
        };
        for text in [
            "Residents told to keep away from the Harlow after chemical leak\n\nThe council closed the towpath on Friday.",
            "Agency investigates leak as fish deaths reported on the Harlow\n\nThe plant was shut on Friday.",
            "The villagers were told on Sunday that the road would stay closed.",
        ] {
            let found = names(text);
            assert!(
                !found.iter().any(|n| ["Residents", "fish", "villagers", "The villagers"].contains(&n.as_str())),
                "{text}: {found:?}"
            );
        }
        let active = names("Local officials reported on Monday that 40 houses had been flooded, and Mayor Joan Petrakis told reporters the town would rebuild.");
        assert!(active.iter().any(|n| n.contains("Petrakis")), "{active:?}");
        assert!(active.iter().any(|n| n.contains("officials")), "{active:?}");
    }

    #[test]
    fn a_relative_clause_describes_a_speaker_and_is_not_a_source() {
        let names = |text: &str| -> Vec<String> {
            analyze(text).sources.into_iter().map(|s| s.name).collect()
        };
        assert_eq!(
            names("“The road will reopen in spring,” said Margit Olsen, who heads the regional roads office."),
            ["Margit Olsen"]
        );
        let expert = analyze(
            "Marine biologist Tove Rasmussen of the Baltic Research Centre, who was not part of the survey, \
             said the die-off was unusual. \"We have not seen this before,\" Rasmussen said.",
        );
        let found: Vec<(&str, SourceKind, usize)> = expert
            .sources
            .iter()
            .map(|s| (s.name.as_str(), s.kind, s.mentions.len()))
            .collect();
        assert_eq!(found, [("Tove Rasmussen", SourceKind::Person, 2)]);
    }

    #[test]
    fn a_person_of_a_body_is_the_person_and_a_body_of_somewhere_is_not() {
        assert_eq!(
            person_name("Paul Arneson of the Nordic Institute of Technology"),
            "Paul Arneson"
        );
        assert_eq!(
            kind_of("Paul Arneson of the Nordic Institute of Technology"),
            SourceKind::Person
        );
        for body in [
            "Bank of England",
            "Nordic Institute of Technology",
            "United States of America",
            "Islamic Republic of Iran",
        ] {
            assert_ne!(kind_of(body), SourceKind::Person, "{body}");
        }
    }

    /// The sources `text` names, with their kinds.
    fn found(text: &str) -> Vec<(String, SourceKind)> {
        analyze(text)
            .sources
            .into_iter()
            .map(|s| (s.name, s.kind))
            .collect()
    }

    #[test]
    fn a_place_is_not_a_speaker_and_a_company_keeps_the_name_the_article_gives_it() {
        let village = found("Fishermen in the village of Brekke said the catch had halved.");
        assert!(
            !village.iter().any(|(n, _)| n.contains("Brekke")),
            "{village:?}"
        );
        assert_eq!(
            found(
                "A fire broke out at the Halvard Shipping depot on Monday.\n\n\
                 Halvard said in a statement that nobody had been hurt."
            ),
            [("Halvard Shipping".to_string(), SourceKind::Organization)]
        );
    }

    #[test]
    fn a_speaker_before_a_relative_clause_is_found_and_one_who_did_not_answer_is_not() {
        assert_eq!(
            found(
                "Hydrologist Mette Dahl of the Coastal Water Institute, who has mapped the estuary \
                 for a decade, said the flooding had been predictable."
            ),
            [("Mette Dahl".to_string(), SourceKind::Person)]
        );
        for silent in [
            "Port director Ada Lunde did not respond to questions about the leak.",
            "The company declined to comment on the figures.",
        ] {
            assert_eq!(found(silent), [], "{silent}");
        }
        assert!(non_answer("didn't reply to"));
        assert!(!non_answer("said"));
    }

    #[test]
    fn reporting_verbs_the_tagger_missed_still_attribute() {
        let survey = found(
            "A poll of 600 dockworkers, commissioned by the union in March, found that most \
             would accept arbitration.",
        );
        assert!(
            survey.iter().any(|(_, kind)| *kind == SourceKind::Document),
            "{survey:?}"
        );
        assert_eq!(
            found("Economists at Vestbank estimated in a note to clients that the strike cost 40 million crowns a day."),
            [("Vestbank".to_string(), SourceKind::Organization)]
        );
        assert_eq!(
            found("Ada Lunde, the port’s director, said the offer was fair."),
            [("Ada Lunde".to_string(), SourceKind::Person)]
        );
    }

    #[test]
    fn a_surname_or_a_title_takes_the_full_name_the_article_gives() {
        let text = "LUNDHAVN — Opposition leader Mateus Arroyo rejected the count. \
                    President Helena Cordova thanked voters.\n\n\
                    “We will not go home,” said Arroyo, a former mayor of the capital.\n\n\
                    “Democracy has spoken,” the president said.";
        let names: Vec<String> = found(text).into_iter().map(|(name, _)| name).collect();
        assert!(names.contains(&"Mateus Arroyo".to_string()), "{names:?}");
        assert!(names.contains(&"Helena Cordova".to_string()), "{names:?}");
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn the_story_s_own_medium_and_what_follows_according_to_are_not_sources() {
        assert_eq!(
            found("According to the commission, a limited review of results would be completed by Friday."),
            [("commission".to_string(), SourceKind::GovernmentBody)]
        );
        let memo = found(
            "A leaked internal memo from the ministry, seen by this newspaper, shows that \
             officials were told to hurry.",
        );
        assert_eq!(memo.len(), 1, "{memo:?}");
        assert_eq!(memo[0].1, SourceKind::Document);
        assert_eq!(kind_of("Campaign lawyer Sofia Brandão"), SourceKind::Person);
    }

    #[test]
    fn groups_of_people_keep_what_names_them() {
        assert_eq!(
            found("Farmers from the valley of Ostra, which flooded twice this year, said the dam had failed them."),
            [("farmers".to_string(), SourceKind::Other)]
        );
        assert_eq!(
            found("Independent researchers have found no evidence that the dam was overfilled."),
            [("Independent researchers".to_string(), SourceKind::Anonymous)]
        );
        assert_eq!(
            kind_of("Footage released by the coast guard"),
            SourceKind::Document
        );
    }

    #[test]
    fn a_headline_s_sources_are_the_body_s_and_clauses_without_commas_are_cut() {
        let text = "Flood costs could top 80 million, insurers say\n\n\
                    The Coastal Insurance Federation said on Friday that claims were rising. \
                    A lock keeper who has worked on the canal since 1990, and who asked not to be \
                    named, said the gates had failed. \
                    Analysts at Orre Securities said in a note that rates would rise.";
        let names: Vec<String> = found(text).into_iter().map(|(name, _)| name).collect();
        assert_eq!(
            names,
            [
                "Coastal Insurance Federation",
                "lock keeper",
                "Orre Securities"
            ]
        );
    }

    #[test]
    fn the_subject_of_what_is_said_is_not_an_inverted_speaker() {
        let text = "Its president, Ola Brekk, said many members were already working two jobs. \
                    Ines Varga, a second-year law student, said she had slept in the hall. \
                    “We stay,” Brekk told The Harrow Record, the student newspaper.";
        let names: Vec<(String, SourceKind)> = found(text);
        assert_eq!(
            names,
            [
                ("Ola Brekk".to_string(), SourceKind::Person),
                ("Ines Varga".to_string(), SourceKind::Person),
            ]
        );
    }

    #[test]
    fn a_relative_with_the_same_surname_is_another_person() {
        let text = "“I can’t feel my feet,” Kari Nilsen, 71, told reporters.\n\n\
                    Her daughter, Silje Nilsen, said the family had not been warned.";
        let names: Vec<String> = found(text).into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["Kari Nilsen", "Silje Nilsen"]);
    }

    #[test]
    fn the_company_is_the_one_the_article_names_and_dr_keeps_its_name() {
        let text = "OSLO — Norwegian drugmaker Veltrix Pharma paused its trial, the company said.\n\n\
                    Dr. Amina Yusuf, who is not involved in the trial, said such pauses were normal.";
        assert_eq!(
            found(text),
            [
                ("Veltrix Pharma".to_string(), SourceKind::Organization),
                ("Amina Yusuf".to_string(), SourceKind::Person),
            ]
        );
    }

    #[test]
    fn knowing_is_not_saying_and_a_group_goes_by_its_name() {
        let text = "Customers of Lakeside Bank learned on Monday that their data had been stolen. \
                    A group calling itself GreyTide said in a post online that it had taken the data. \
                    The bank’s regional manager, Tor Eide, said no money had been lost. \
                    The Data Protection Authority said it had opened an inquiry.";
        let names: Vec<(String, SourceKind)> = found(text);
        assert!(
            !names
                .iter()
                .any(|(name, _)| name.to_lowercase().contains("customers")),
            "{names:?}"
        );
        assert!(
            names.iter().any(|(name, _)| name == "GreyTide"),
            "{names:?}"
        );
        assert!(
            names.contains(&("Tor Eide".to_string(), SourceKind::Person)),
            "{names:?}"
        );
        assert!(
            names.contains(&(
                "Data Protection Authority".to_string(),
                SourceKind::GovernmentBody
            )),
            "{names:?}"
        );
    }

    #[test]
    fn the_speaker_is_the_name_in_its_appositive_and_the_source_before_the_cue() {
        let text = "The ferry ran aground, injuring nine, three of them badly, officials said. \
                    A spokeswoman for Brinmouth General Hospital, Ada Holt, said all were stable. \
                    Sam Orr, general secretary of the Ferry Workers' Union, said the crew was tired.";
        let names: Vec<(String, SourceKind)> = found(text);
        assert_eq!(
            names,
            [
                ("officials".to_string(), SourceKind::Anonymous),
                ("Ada Holt".to_string(), SourceKind::Person),
                ("Sam Orr".to_string(), SourceKind::Person),
            ]
        );
    }

    #[test]
    fn a_capitalised_article_names_nobody() {
        assert_eq!(kind_of("The airport operator"), SourceKind::Other);
        assert_eq!(kind_of("airport operator"), SourceKind::Other);
        assert_eq!(
            person_name("Chief Inspector Rune Falkenberg"),
            "Rune Falkenberg"
        );
    }

    #[test]
    fn titles_are_dropped_from_person_names() {
        assert_eq!(
            person_name("Russian President Vladimir Putin"),
            "Vladimir Putin"
        );
        assert_eq!(person_name("Sen. Ted Cruz"), "Ted Cruz");
        assert_eq!(person_name("Putin"), "Putin");
    }

    fn names(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn a_source_span_stops_at_a_dateline_a_clause_and_a_day_and_a_place_names_nobody() {
        let dateline = names(
            "BRAKKE, May 2 (Northwire) — The harbour board on Tuesday said the quay would reopen.",
        );
        assert_eq!(dateline, ["harbour board"], "{dateline:?}");
        let clause = names("Two guards were arrested overnight, the prison service said.");
        assert_eq!(clause, ["prison service"], "{clause:?}");
        let place = found("A European diplomat in Lisbon said talks had stalled.");
        assert_eq!(
            place,
            [(
                "European diplomat in Lisbon".to_string(),
                SourceKind::Anonymous
            )]
        );
    }

    #[test]
    fn an_order_is_an_act_and_the_office_is_the_one_named_before() {
        assert_eq!(
            names("The court ordered the factory closed until March."),
            Vec::<String>::new()
        );
        let office = names(
            "The county auditor's office said it had opened an inquiry into the contracts.\n\n\
             “We will publish everything we find,” the office said.",
        );
        assert_eq!(office, ["county auditor's office"], "{office:?}");
    }

    #[test]
    fn a_short_phrase_before_a_closing_cue_is_its_source() {
        let statement =
            found("Most of the fund went to two of the minister's allies, the audit found.");
        assert_eq!(
            statement,
            [("audit".to_string(), SourceKind::Document)],
            "{statement:?}"
        );
        let described = found(
            "Its yearly compliance audit was published on Monday.\n\n\
             Most of the fund went to two of the minister's allies, the audit found.",
        );
        assert_eq!(
            described,
            [("yearly compliance audit".to_string(), SourceKind::Document)],
            "{described:?}"
        );
    }

    #[test]
    fn a_description_refers_back_and_the_bank_is_the_one_the_article_named() {
        let person = names(
            "Ana Rus, 41, said the school had had no heating since October.\n\n\
             “We teach in our coats,” the mother of three said.",
        );
        assert_eq!(person, ["Ana Rus"], "{person:?}");
        let bank = names(
            "The Bank of Osterland cut its main rate on Thursday.\n\n\
             The cut was needed to support lending, the bank said.",
        );
        assert_eq!(bank, ["Bank of Osterland"], "{bank:?}");
    }

    #[test]
    fn a_source_inside_what_another_says_is_not_one() {
        let closing = names(
            "Two of the company's banks have asked for new terms on their loans, \
             people familiar with the matter said.",
        );
        assert_eq!(closing, ["people familiar with the matter"], "{closing:?}");
        let argued =
            names("The union's lawyers have argued that the strike is legal, officials said.");
        assert_eq!(argued, ["officials"], "{argued:?}");
    }

    #[test]
    fn a_source_does_not_reach_back_into_the_paragraph_before() {
        let critics = names(
            "The mayor backed the plan. Read the plan\n\n\
             Residents wrote in a petition that the square should stay open.",
        );
        assert!(critics.contains(&"Residents".to_string()), "{critics:?}");
    }

    #[test]
    fn a_closing_speaker_a_place_apposition_a_bracketed_acronym_and_a_person_described() {
        let closing = names(
            "Outbreak\n\nTwo children have died since the outbreak was confirmed in January, \
             the institute said in its weekly bulletin.",
        );
        assert_eq!(closing, ["institute"], "{closing:?}");
        let place = names(
            "Bridge\n\nA council official in the provincial capital, Rosk, who was not \
             authorised to speak to the media, said the bridge would stay shut.",
        );
        assert_eq!(
            place,
            ["council official in the provincial capital"],
            "{place:?}"
        );
        let acronym = names(
            "Budget\n\nThe deficit will narrow next year, the Office for Budget \
             Responsibility (OBR) said on Monday.",
        );
        assert_eq!(acronym, ["Office for Budget Responsibility"], "{acronym:?}");
        let described = names(
            "Flood\n\nJonas Berg was asleep when the water came in.\n\n\
             “We lost everything,” the 58-year-old said.",
        );
        assert_eq!(described, ["Jonas Berg"], "{described:?}");
    }

    #[test]
    fn a_span_inside_another_is_dropped() {
        let mut spans = vec![(3, 4), (3, 9), (12, 12), (14, 15)];
        drop_nested(&mut spans);
        assert_eq!(spans, [(3, 9), (12, 12), (14, 15)]);
    }

    #[test]
    fn a_restrictive_clause_is_part_of_its_speaker_and_refusals_and_warnings_received_say_nothing()
    {
        let clause = names("Roof\n\nThe roof had leaked for years, people who work there said.");
        assert_eq!(clause, ["people who work there"], "{clause:?}");
        let warned = names(
            "Ferry\n\nThe ferry company had been warned about the engines, \
             according to an inspection report.",
        );
        assert_eq!(warned, ["inspection report"], "{warned:?}");
        assert_eq!(
            names("Raids\n\nPolice refused to confirm the arrests."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn he_is_the_person_named_since_the_last_speaker_and_a_headline_keeps_to_itself() {
        let pronoun = names(
            "Clinic queues\n\nAnna Krog, 54, said the queue had been long.\n\n\
             The mayor, Piet Olsen, did not return calls. In a statement, he said the council \
             was acting.",
        );
        assert_eq!(pronoun, ["Anna Krog", "Piet Olsen"], "{pronoun:?}");
        let headline =
            names("Queues at the clinic in Brekke\n\nAnna Krog, 54, said the queue had been long.");
        assert_eq!(headline, ["Anna Krog"], "{headline:?}");
    }

    #[test]
    fn one_who_had_been_warned_was_told_and_one_who_has_been_saying_tells() {
        let passive = |text: &str| {
            let tokens = tokenize(text);
            passive_cue(&tokens, (2, 4), (0, 1), true, true)
        };
        assert!(passive("The stadium had been warned about its roof"));
        assert!(passive("The owners have been told about the cracks"));
        assert!(!passive("The union has been saying for months"));
    }

    #[test]
    fn an_agent_after_by_speaks_not_and_a_body_s_name_names_no_person() {
        let tokens = tokenize("Images reviewed by the Coastal Watch Institute show damage.");
        let mut tags = vec![Tag::Outside; tokens.len()];
        tags[4] = Tag::SourceStart;
        tags[5] = Tag::Source;
        tags[6] = Tag::Source;
        tags[7] = Tag::CueStart;
        let sentences = sentence_ids(&tokens);
        assert_eq!(tidy_source(&tokens, &tags, &sentences, (4, 6)), None);
        let article =
            "Ola Berg, an analyst at the Centre for Democratic Studies, said prices would \
                       rise. “It will hurt,” he said.";
        let he = article.chars().count() - "he said.".chars().count();
        assert_eq!(
            person_named_before(article, he).map(|(name, _)| name),
            Some("Ola Berg".to_string())
        );
    }

    #[test]
    fn a_body_s_one_word_name_data_at_a_sentence_end_and_a_refusal_to_say() {
        let body = names("Outage\n\nTeleNord, the mobile operator, said the outage was over.");
        assert_eq!(body, ["TeleNord"], "{body:?}");
        let according = names(
            "Heat\n\nMost of those treated were elderly, according to the regional health \
             department. Some were children.",
        );
        assert_eq!(according, ["regional health department"], "{according:?}");
        let data = names(
            "Gas\n\nWholesale gas prices in Norland rose to a record 96 euros on Monday as \
             cold weather pushed demand to its highest level, data from the gas exchange showed.",
        );
        assert!(
            data.contains(&"data from the gas exchange".to_string()),
            "{data:?}"
        );
        let refusal = names("Prices\n\nThe finance ministry declined to say whether it would act.");
        assert_eq!(refusal, Vec::<String>::new());
    }

    #[test]
    fn a_refusal_comes_before_what_is_refused_and_he_is_the_minister_who_declined() {
        let union =
            names("Strike\n\nNurses United says staffing, not only pay, is behind the strike.");
        assert_eq!(union, ["Nurses United"], "{union:?}");
        let minister = analyze(
            "Floods\n\nRiver warden Ida Holm said the water was still rising.\n\n\
             Interior Minister Karl Eng declined to say whether troops would help. \
             “I will not discuss operations,” he said.",
        );
        let names: Vec<&str> = minister.sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ida Holm", "Karl Eng"], "{names:?}");
    }

    #[test]
    fn a_push_or_a_reaction_is_an_act_and_a_medium_told_is_no_source() {
        let push = names(
            "Gas\n\nWholesale gas prices in Norland rose to a record 96 euros on Monday as \
             cold weather pushed demand to its highest level, data from the gas exchange showed.",
        );
        assert_eq!(push, ["data from the gas exchange"], "{push:?}");
        let reaction = names(
            "Raids\n\nFans reacted with fury on Saturday after it emerged that a striker was \
             among those detained.",
        );
        assert!(reaction.is_empty(), "{reaction:?}");
        let paper = names(
            "Crash\n\n“We were lucky,” driver Nils Aune, 40, told the Vestby Posten newspaper.",
        );
        assert_eq!(paper, ["Nils Aune"], "{paper:?}");
        let weekly = names(
            "Ward\n\nA nurse who worked that night told Health Weekly that the ward was short \
             of staff.",
        );
        assert!(!weekly.contains(&"Health Weekly".to_string()), "{weekly:?}");
    }

    #[test]
    fn it_and_the_bank_are_the_body_the_sentence_named() {
        let it = found(
            "Fine\n\nThe packaging supplier, Brunvik Kartong, was fined 4 million crowns on \
             Tuesday. It said in a statement that it would not appeal.",
        );
        assert_eq!(
            it,
            [("Brunvik Kartong".to_string(), SourceKind::Organization)],
            "{it:?}"
        );
        let closing = found(
            "Outage\n\nSALMA, June 3 (Northern Wire) — Caixa Veral restored its cash machines on \
             Wednesday after a nine-hour fault, the bank said.",
        );
        assert_eq!(
            closing,
            [("Caixa Veral".to_string(), SourceKind::Organization)],
            "{closing:?}"
        );
        let agent = names(
            "Fire\n\nThe ship, the MV Tormund, is run by Ostvik Linjen. The company said the crew \
             had acted quickly.",
        );
        assert_eq!(agent, ["Ostvik Linjen"], "{agent:?}");
        let unnamed = names("Rates\n\nPrices rose 5% in March, the bank said.");
        assert_eq!(unnamed, ["bank"], "{unnamed:?}");
    }

    #[test]
    fn an_acronym_in_brackets_joins_its_body() {
        let acronym = found(
            "Ban\n\nSkier Anna Berg has been banned for four years after testing positive for \
             a blood-boosting drug, the Nordic Anti-Doping Agency (NADA) said on Thursday.\n\n\
             NADA said in a statement that the skier could appeal.",
        );
        assert_eq!(acronym.len(), 1, "{acronym:?}");
        assert_eq!(acronym[0].0, "Nordic Anti-Doping Agency");
    }

    #[test]
    fn who_saw_a_document_is_not_its_source_and_a_short_clause_says_who_is_unnamed() {
        let emails = found(
            "Dam\n\nThe summary of the report was rewritten twice, according to emails seen \
             by the Valley Courier.",
        );
        assert_eq!(
            emails,
            [("emails".to_string(), SourceKind::Document)],
            "{emails:?}"
        );
        let unnamed = found(
            "Plant\n\nTwo inspectors who visited the plant said the pumps had not been \
             serviced for a year.",
        );
        assert_eq!(unnamed.len(), 1, "{unnamed:?}");
        assert!(
            unnamed[0].0.ends_with("inspectors who visited the plant"),
            "{unnamed:?}"
        );
        assert_ne!(unnamed[0].1, SourceKind::Document);
    }

    #[test]
    fn a_name_the_article_calls_a_body_is_one() {
        let operator = found(
            "Dam\n\nThe reservoir's operator, Lomme Energi, said it had lowered the water \
             level by two metres.",
        );
        assert_eq!(
            operator,
            [("Lomme Energi".to_string(), SourceKind::Organization)],
            "{operator:?}"
        );
        let described =
            found("Sponsors\n\nCarmaker Vestbil said it was reviewing its contract with the team.");
        assert_eq!(
            described,
            [("Vestbil".to_string(), SourceKind::Organization)],
            "{described:?}"
        );
        let person = found("Dam\n\nEngineer Lene Kvam said the cracks had grown.");
        assert_eq!(person[0].1, SourceKind::Person, "{person:?}");
        assert!(named_as_body(
            "Brightline Events, the company that ran it",
            "Brightline Events"
        ));
        assert!(!named_as_body(
            "Lene Kvam, the engineer who found it",
            "Lene Kvam"
        ));
        assert_eq!(kind_of("Holm Ski Federation"), SourceKind::Organization);
        assert_eq!(kind_of("the panel's decision"), SourceKind::Document);
        assert_eq!(kind_of("A maintenance log"), SourceKind::Document);
    }

    #[test]
    fn the_subject_of_a_sentence_ending_in_saying_says_it() {
        let fares = names(
            "Fares\n\nTARNOV, May 2 (Baltic Wire) — Tarnov's transport authority raised bus \
             fares by 8% on Monday, saying fuel costs had doubled since the autumn.",
        );
        assert_eq!(fares, ["Tarnov's transport authority"], "{fares:?}");
        let tokens = tokenize("The board closed the pool, saying the water was unsafe.");
        let sentences = sentence_ids(&tokens);
        let cue = tokens.iter().position(|t| t.text == "saying").unwrap();
        assert_eq!(saying_subject(&tokens, &sentences, cue), Some((0, 1)));
        let quoted = tokenize("“We closed it,” the board said, saying more later.");
        let cue = quoted.iter().position(|t| t.text == "saying").unwrap();
        assert_eq!(saying_subject(&quoted, &sentence_ids(&quoted), cue), None);
    }

    #[test]
    fn a_document_opening_a_sentence_shows_what_it_reports() {
        let figures = found(
            "Schools\n\nThe region's own figures show that enrolment has fallen by a quarter \
             since 2015.",
        );
        assert_eq!(
            figures,
            [("region's own figures".to_string(), SourceKind::Document)],
            "{figures:?}"
        );
    }

    #[test]
    fn a_title_s_full_stop_a_clause_s_verb_and_the_noun_a_source_was_given() {
        let title = names(
            "Clinic\n\nDr. Mirela Kosta of the national health institute said the delay was \
             regrettable.",
        );
        assert_eq!(title, ["Mirela Kosta"], "{title:?}");
        let clause = names(
            "Raids\n\nNine people, including two players and a club director, were detained \
             for questioning, the office said in a statement.",
        );
        assert_eq!(clause, ["office"], "{clause:?}");
        let claimed = names(
            "Leak\n\nA group calling itself GreyOtter claimed responsibility in a post on its \
             channel and threatened to publish the files.",
        );
        assert_eq!(claimed, ["GreyOtter"], "{claimed:?}");
        let claim = tokenize("The guards were asleep, sources claim.");
        let sources = claim.iter().position(|t| t.text == "sources").unwrap();
        assert_eq!(
            reporting_verb_after(&claim, &sentence_ids(&claim), sources),
            Some((sources + 1, sources + 1))
        );
        let guard = names(
            "Theft\n\nA security guard who was on duty told the Evening Post that the alarm \
             had failed.\n\n“Nobody checked it,” the guard said.",
        );
        assert_eq!(
            guard,
            ["security guard who was on duty"],
            "{guard:?}"
        );
        let group = found(
            "Fines\n\nConsumer group Voz do Cliente said shoppers deserved compensation. \
             “The families who overpaid get nothing,” said its director, Rita Sal.\n\n\
             The group said it was preparing a class action.",
        );
        assert_eq!(group.len(), 2, "{group:?}");
    }

    #[test]
    fn a_closing_reporter_may_say_where_and_a_body_s_name_loses_its_description() {
        let joint = names(
            "Talks\n\nSKALD, Nov. 3 (Nordic Wire) — Ostmark and Vellany agreed on Monday to \
             resume talks on a power cable, the two governments said in a joint statement.",
        );
        assert_eq!(joint, ["two governments"], "{joint:?}");
        assert_eq!(
            without_description("Amoxicillin maker Saltvik Pharma").as_deref(),
            Some("Saltvik Pharma")
        );
        assert_eq!(
            without_description("Consumer group Voz do Cliente").as_deref(),
            Some("Voz do Cliente")
        );
        assert_eq!(without_description("Lindholm Pharmacy Association"), None);
        assert_eq!(without_description("the bank"), None);
    }

    #[test]
    fn according_to_reaches_the_end_of_a_long_document_name() {
        let report = names(
            "Bridge\n\nThe bridge needs new bearings within a year, according to an \
             inspectors' report published by Tarnov's transport ministry on Friday.",
        );
        assert_eq!(
            report,
            ["inspectors' report published by Tarnov's transport ministry"],
            "{report:?}"
        );
    }

    #[test]
    fn whom_a_speaker_told_is_the_venue_not_a_source() {
        let told = names(
            "Outage\n\nConsumer lawyer Ana Ruiz told RTN that customers could claim \
             compensation.",
        );
        assert_eq!(told, ["Ana Ruiz"], "{told:?}");
        let interviewer = names(
            "Talks\n\n“We had nothing to do with it,” Foreign Minister Ali Rahimi told the \
             BBC's Lyse Doucet.",
        );
        assert_eq!(interviewer, ["Ali Rahimi"], "{interviewer:?}");
        // A medium that reports is still credited.
        let reported = names("Talks\n\nSky News reported that the suspects had left in May.");
        assert_eq!(reported, ["Sky News"], "{reported:?}");
    }
}
