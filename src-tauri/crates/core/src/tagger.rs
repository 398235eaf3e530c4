//! An averaged-perceptron sequence tagger that marks, token by token, the
//! parts of attributions: source, cue and content. It is trained greedily,
//! left to right on its own predictions, and tags by Viterbi decoding. Its
//! features are the words around a token, their stems, first letters and
//! shapes, quotation marks, and where the token stands in its sentence: how
//! far the nearest cue word (learned with the weights) is on either side,
//! and its place in a run of capitalised words.
//!
//! It is trained by `sourcelens train polnear DIR` on the PolNeAR train
//! split (hand-annotated attributions in US political news); the model ships
//! with the engine in `model/attribution.bin.gz`.

use std::io::{Read, Write};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::tokens::Token;

/// The label of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tag {
    /// Not part of an attribution.
    Outside = 0,
    /// First token of a source span.
    SourceStart = 1,
    /// Later token of a source span.
    Source = 2,
    /// First token of a cue.
    CueStart = 3,
    /// Later token of a cue.
    Cue = 4,
    /// First token of attributed content.
    ContentStart = 5,
    /// Later token of attributed content.
    Content = 6,
}

const TAGS: usize = 7;
const ALL_TAGS: [Tag; TAGS] = [
    Tag::Outside,
    Tag::SourceStart,
    Tag::Source,
    Tag::CueStart,
    Tag::Cue,
    Tag::ContentStart,
    Tag::Content,
];

impl Tag {
    fn from_index(i: usize) -> Tag {
        ALL_TAGS[i]
    }

    /// The role this tag belongs to: `Some(0)` source, `Some(1)` cue,
    /// `Some(2)` content, `None` outside.
    pub fn role(self) -> Option<usize> {
        match self {
            Tag::Outside => None,
            Tag::SourceStart | Tag::Source => Some(0),
            Tag::CueStart | Tag::Cue => Some(1),
            Tag::ContentStart | Tag::Content => Some(2),
        }
    }

    /// Whether this tag starts a new span.
    pub fn is_start(self) -> bool {
        matches!(self, Tag::SourceStart | Tag::CueStart | Tag::ContentStart)
    }
}

/// FNV-1a: a stable hash, so a model file means the same on every build.
fn fnv1a(parts: &[&str]) -> u64 {
    let (first, rest) = parts.split_first().map_or(("", &[][..]), |(f, r)| (*f, r));
    rest.iter()
        .fold(fnv1a_extend(0xcbf2_9ce4_8422_2325, first), |hash, part| {
            fnv1a_extend(fnv1a_extend(hash, "\x1f"), part)
        })
}

/// Continues an FNV-1a hash over `part`; `fnv1a(&[a, b])` is
/// `fnv1a_extend(fnv1a_extend(fnv1a(&[a]), "\x1f"), b)`.
fn fnv1a_extend(mut hash: u64, part: &str) -> u64 {
    for byte in part.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn shape(word: &str) -> &'static str {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return "empty";
    };
    if word
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        "digits"
    } else if !first.is_alphanumeric() {
        "punct"
    } else if word.chars().all(char::is_uppercase) && word.chars().count() > 1 {
        "upper"
    } else if first.is_uppercase() {
        "title"
    } else {
        "lower"
    }
}

fn is_opening_quote(s: &str) -> bool {
    matches!(s, "“" | "«" | "„" | "‹" | "‘")
}

fn is_closing_quote(s: &str) -> bool {
    matches!(s, "”" | "»" | "›" | "’")
}

/// Whether each token is inside quotation marks. Straight quotes toggle;
/// a paragraph that opens with a quote mark continues a quotation whose
/// closing mark the previous paragraph left out, as news style does.
pub fn inside_quotes(tokens: &[Token<'_>]) -> Vec<bool> {
    let mut inside = false;
    tokens
        .iter()
        .map(|token| {
            if token.paragraph_start {
                inside = false;
            }
            let t = token.text;
            if is_opening_quote(t) || (t == "\"" && !inside) {
                inside = true;
                true
            } else if is_closing_quote(t) || t == "\"" {
                inside = false;
                true
            } else {
                inside
            }
        })
        .collect()
}

/// Per tag, the hashes of `["p1-w0", tag]` and `["p1-q", tag]`, which
/// each token's features continue.
static TAG_PREFIXES: std::sync::OnceLock<[(u64, u64); TAGS]> = std::sync::OnceLock::new();

fn tag_prefixes() -> [(u64, u64); TAGS] {
    std::array::from_fn(|tag| {
        let tag = tag.to_string();
        (fnv1a(&["p1-w0", &tag]), fnv1a(&["p1-q", &tag]))
    })
}

/// The features of the two tags before a token, whatever the token.
fn tag_features(prev: Tag, prev2: Tag) -> [u64; 2] {
    let p1 = format!("{}", prev as u8);
    let p2 = format!("{}{}", prev2 as u8, prev as u8);
    [fnv1a(&["p1", &p1]), fnv1a(&["p2", &p2])]
}

/// A word counts as a cue word when it is seen in cues at least this many
/// times in the training data, and at least this share of the times it
/// occurs at all.
const CUE_WORD_MIN_COUNT: usize = 3;
const CUE_WORD_MIN_SHARE: f64 = 0.35;

/// The cue words of training documents: words tagged as (part of) a cue
/// often enough, by [`CUE_WORD_MIN_COUNT`] and [`CUE_WORD_MIN_SHARE`].
fn cue_words(documents: &[(Vec<Token<'_>>, Vec<Tag>)]) -> FxHashSet<String> {
    let mut counts: FxHashMap<String, (usize, usize)> = FxHashMap::default();
    for (tokens, tags) in documents {
        for (token, tag) in tokens.iter().zip(tags) {
            if !token.text.chars().any(char::is_alphabetic) {
                continue;
            }
            let (in_cues, overall) = counts.entry(token.text.to_lowercase()).or_default();
            *overall += 1;
            if tag.role() == Some(1) {
                *in_cues += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, (in_cues, overall))| {
            *in_cues >= CUE_WORD_MIN_COUNT
                && *in_cues as f64 / *overall as f64 >= CUE_WORD_MIN_SHARE
        })
        .map(|(word, _)| word)
        .collect()
}

/// The first letters of a word that a feature looks at ("anno" for
/// "announced", "announcement").
const PREFIX_CHARS: usize = 4;

/// A word without an inflection ending, so that "warned", "warning" and
/// "warns" share features: "-ing", "-ed", "-es" or "-s" is cut when at least
/// three letters stay.
fn stem(word: &str) -> &str {
    ["ing", "ed", "es", "s"]
        .iter()
        .find_map(|ending| {
            word.strip_suffix(ending)
                .filter(|stem| stem.chars().count() >= 3)
        })
        .unwrap_or(word)
}

/// A distance in tokens, in the buckets the features use.
fn distance_bucket(distance: usize) -> &'static str {
    match distance {
        1 => "1",
        2 => "2",
        3 => "3",
        4..=6 => "4-6",
        7..=12 => "7-12",
        _ => "far",
    }
}

/// Where a token stands in its sentence: how far the nearest cue word is
/// on each side, its place in a run of capitalised words, and whether it
/// opens the sentence.
#[derive(Debug, Clone, Copy)]
struct Surroundings {
    cue_after: &'static str,
    cue_before: &'static str,
    capitalised_run: &'static str,
    opens_sentence: bool,
    is_cue_word: bool,
}

fn surroundings(
    tokens: &[Token<'_>],
    lower: &[String],
    cue_words: &FxHashSet<String>,
) -> Vec<Surroundings> {
    let n = tokens.len();
    let ends_sentence = |i: usize| matches!(tokens[i].text, "." | "?" | "!");
    let opens_sentence = |i: usize| tokens[i].paragraph_start || (i > 0 && ends_sentence(i - 1));
    let is_cue_word: Vec<bool> = lower.iter().map(|w| cue_words.contains(w)).collect();
    // The nearest cue word before each token in its sentence, then after.
    let mut cue_before = vec![None; n];
    let mut last = None;
    for i in 0..n {
        if opens_sentence(i) {
            last = None;
        }
        cue_before[i] = last.map(|j| distance_bucket(i - j));
        if is_cue_word[i] {
            last = Some(i);
        }
    }
    let mut cue_after = vec![None; n];
    let mut next = None;
    for i in (0..n).rev() {
        if i + 1 < n && (opens_sentence(i + 1) || ends_sentence(i + 1)) {
            next = None;
        }
        cue_after[i] = next.map(|j: usize| distance_bucket(j - i));
        if is_cue_word[i] {
            next = Some(i);
        }
    }
    let capitalised = |i: usize| {
        tokens[i]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    (0..n)
        .map(|i| {
            let capitalised_run = if !capitalised(i) {
                "-"
            } else {
                let joins_before = i > 0 && capitalised(i - 1) && !tokens[i].paragraph_start;
                let joins_after = i + 1 < n && capitalised(i + 1) && !tokens[i + 1].paragraph_start;
                match (joins_before, joins_after) {
                    (false, false) => "single",
                    (false, true) => "first",
                    (true, true) => "inside",
                    (true, false) => "last",
                }
            };
            Surroundings {
                cue_after: cue_after[i].unwrap_or("none"),
                cue_before: cue_before[i].unwrap_or("none"),
                capitalised_run,
                opens_sentence: opens_sentence(i),
                is_cue_word: is_cue_word[i],
            }
        })
        .collect()
}

/// The per-token context the features are drawn from.
struct Context<'a> {
    lower: Vec<String>,
    tokens: &'a [Token<'a>],
    quoted: Vec<bool>,
    surroundings: Vec<Surroundings>,
}

impl<'a> Context<'a> {
    fn new(tokens: &'a [Token<'a>], cue_words: &FxHashSet<String>) -> Self {
        let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        Context {
            surroundings: surroundings(tokens, &lower, cue_words),
            lower,
            quoted: inside_quotes(tokens),
            tokens,
        }
    }

    fn word(&self, i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else {
            self.lower.get(i as usize).map_or("</s>", String::as_str)
        }
    }

    fn features(&self, i: usize, prev: Tag, prev2: Tag, out: &mut Vec<u64>) {
        self.static_features(i, out);
        self.history_features(i, prev, prev2, out);
    }

    /// The features that depend on the tags before token `i`: the tags
    /// alone, and the tag before with the token.
    fn history_features(&self, i: usize, prev: Tag, prev2: Tag, out: &mut Vec<u64>) {
        out.extend(tag_features(prev, prev2));
        out.extend(self.tag_token_features(i, prev));
    }

    /// The features pairing the tag before token `i` with the token.
    fn tag_token_features(&self, i: usize, prev: Tag) -> [u64; 2] {
        let w0 = self.word(i as isize);
        let quoted = if self.quoted[i] { "1" } else { "0" };
        let (with_word, with_quote) = TAG_PREFIXES.get_or_init(tag_prefixes)[prev as usize];
        [
            fnv1a_extend(fnv1a_extend(with_word, "\x1f"), w0),
            fnv1a_extend(fnv1a_extend(with_quote, "\x1f"), quoted),
        ]
    }

    /// The features of token `i` and its neighbours alone.
    fn static_features(&self, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let i_ = i as isize;
        let w0 = self.word(i_);
        let suffix: String = {
            let chars: Vec<char> = w0.chars().collect();
            chars[chars.len().saturating_sub(3)..].iter().collect()
        };
        let quoted = if self.quoted[i] { "1" } else { "0" };
        let token = &self.tokens[i];
        out.extend([
            fnv1a(&["bias"]),
            fnv1a(&["w0", w0]),
            fnv1a(&["w-1", self.word(i_ - 1)]),
            fnv1a(&["w+1", self.word(i_ + 1)]),
            fnv1a(&["w-2", self.word(i_ - 2)]),
            fnv1a(&["w+2", self.word(i_ + 2)]),
            fnv1a(&["w-1w0", self.word(i_ - 1), w0]),
            fnv1a(&["w0w+1", w0, self.word(i_ + 1)]),
            fnv1a(&["s3", &suffix]),
            fnv1a(&["shape", shape(token.text)]),
            fnv1a(&[
                "shape-1",
                if i > 0 {
                    shape(self.tokens[i - 1].text)
                } else {
                    "none"
                },
            ]),
            fnv1a(&[
                "shape+1",
                self.tokens.get(i + 1).map_or("none", |t| shape(t.text)),
            ]),
            fnv1a(&["q", quoted]),
            fnv1a(&["q-w0", quoted, w0]),
            fnv1a(&["par", if token.paragraph_start { "1" } else { "0" }]),
        ]);
        let around = self.surroundings[i];
        let flag = |on: bool| if on { "1" } else { "0" };
        out.extend([
            fnv1a(&["cue-after", around.cue_after]),
            fnv1a(&["cue-before", around.cue_before]),
            fnv1a(&["cue-around", around.cue_after, around.cue_before]),
            fnv1a(&["caps", around.capitalised_run]),
            fnv1a(&["caps-cue-after", around.capitalised_run, around.cue_after]),
            fnv1a(&["opens", flag(around.opens_sentence)]),
            fnv1a(&["cue-word", flag(around.is_cue_word)]),
            fnv1a(&["q-cue-after", quoted, around.cue_after]),
            fnv1a(&["w-2w-1", self.word(i_ - 2), self.word(i_ - 1)]),
            fnv1a(&["w+1w+2", self.word(i_ + 1), self.word(i_ + 2)]),
        ]);
        let prefix = w0
            .char_indices()
            .nth(PREFIX_CHARS)
            .map_or(w0, |(end, _)| &w0[..end]);
        out.extend([
            fnv1a(&["p4", prefix]),
            fnv1a(&["lem0", stem(w0)]),
            fnv1a(&["lem-1", stem(self.word(i_ - 1))]),
            fnv1a(&["lem+1", stem(self.word(i_ + 1))]),
        ]);
        for d in 1..=4 {
            out.push(fnv1a(&["L", self.word(i_ - d)]));
            out.push(fnv1a(&["R", self.word(i_ + d)]));
        }
    }
}

/// Trained weights: for each feature hash, one weight per tag; and the
/// cue words of the training data, which some features look for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    weights: FxHashMap<u64, [f32; TAGS]>,
    cue_words: FxHashSet<String>,
}

impl Model {
    /// How many features the model has weights for.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model is empty (untrained).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    fn scores(&self, features: &[u64]) -> [f32; TAGS] {
        let mut scores = [0.0; TAGS];
        for feature in features {
            if let Some(weights) = self.weights.get(feature) {
                for (s, w) in scores.iter_mut().zip(weights) {
                    *s += w;
                }
            }
        }
        scores
    }

    /// Tags each token: the best-scoring tag sequence under the model
    /// (Viterbi over pairs of tags), not the best tag at each step.
    pub fn tag(&self, tokens: &[Token<'_>]) -> Vec<Tag> {
        // Viterbi over pairs of tags: a state is (tag before, tag).
        const STATES: usize = TAGS * TAGS;
        let n = tokens.len();
        if n == 0 {
            return Vec::new();
        }
        let context = Context::new(tokens, &self.cue_words);
        let pair_scores: [[f32; TAGS]; STATES] = std::array::from_fn(|state| {
            let (prev2, prev) = (Tag::from_index(state / TAGS), Tag::from_index(state % TAGS));
            self.scores(&tag_features(prev, prev2))
        });
        // Before the first token both tags are Outside: state 0.
        const UNREACHABLE: f32 = -1e30;
        let mut best = [UNREACHABLE; STATES];
        best[0] = 0.0;
        // The state each state at each token was reached from (< STATES).
        let mut back = vec![[0u8; STATES]; n];
        let mut features = Vec::with_capacity(32);
        for (i, came_from) in back.iter_mut().enumerate() {
            context.static_features(i, &mut features);
            let token_scores = self.scores(&features);
            let before = best;
            for prev in 0..TAGS {
                let after = self.scores(&context.tag_token_features(i, Tag::from_index(prev)));
                for tag in 0..TAGS {
                    let (mut top, mut from_top) = (f32::NEG_INFINITY, prev);
                    for prev2 in 0..TAGS {
                        let from = prev2 * TAGS + prev;
                        let score = before[from] + pair_scores[from][tag];
                        if score > top {
                            (top, from_top) = (score, from);
                        }
                    }
                    best[prev * TAGS + tag] = top + token_scores[tag] + after[tag];
                    came_from[prev * TAGS + tag] = from_top as u8;
                }
            }
        }
        let mut state = (0..STATES)
            .max_by(|&a, &b| best[a].total_cmp(&best[b]))
            .unwrap_or(0);
        let mut tags = vec![Tag::Outside; n];
        for i in (0..n).rev() {
            tags[i] = Tag::from_index(state % TAGS);
            state = usize::from(back[i][state]);
        }
        tags
    }

    /// Trains on documents (tokens with their gold tags) for `epochs`
    /// passes, shuffling deterministically, and returns the averaged model.
    pub fn train(documents: &[(Vec<Token<'_>>, Vec<Tag>)], epochs: usize) -> Model {
        struct Weight {
            current: [f32; TAGS],
            total: [f32; TAGS],
            stamp: [u32; TAGS],
        }
        let cue_words = cue_words(documents);
        let mut weights: FxHashMap<u64, Weight> = FxHashMap::default();
        let mut step: u32 = 0;
        let mut order: Vec<usize> = (0..documents.len()).collect();
        let mut features = Vec::with_capacity(32);
        for epoch in 0..epochs {
            // A fixed permutation per epoch: reproducible training.
            order.sort_by_key(|&d| fnv1a(&[&epoch.to_string(), &d.to_string()]));
            for &d in &order {
                let (tokens, gold) = &documents[d];
                let context = Context::new(tokens, &cue_words);
                let mut predicted: Vec<Tag> = Vec::with_capacity(tokens.len());
                for i in 0..tokens.len() {
                    step += 1;
                    let prev = predicted.last().copied().unwrap_or(Tag::Outside);
                    let prev2 = if i >= 2 {
                        predicted[i - 2]
                    } else {
                        Tag::Outside
                    };
                    context.features(i, prev, prev2, &mut features);
                    let mut scores = [0.0; TAGS];
                    for f in &features {
                        if let Some(w) = weights.get(f) {
                            for (s, w) in scores.iter_mut().zip(&w.current) {
                                *s += w;
                            }
                        }
                    }
                    let guess = argmax(&scores);
                    let truth = gold[i] as usize;
                    if guess != truth {
                        for f in &features {
                            let w = weights.entry(*f).or_insert(Weight {
                                current: [0.0; TAGS],
                                total: [0.0; TAGS],
                                stamp: [0; TAGS],
                            });
                            for (tag, delta) in [(truth, 1.0), (guess, -1.0)] {
                                w.total[tag] += (step - w.stamp[tag]) as f32 * w.current[tag];
                                w.stamp[tag] = step;
                                w.current[tag] += delta;
                            }
                        }
                    }
                    // Training sees its own predictions as history, as tagging will.
                    predicted.push(Tag::from_index(guess));
                }
            }
        }
        let weights = weights
            .into_iter()
            .map(|(f, w)| {
                let averaged: [f32; TAGS] = std::array::from_fn(|tag| {
                    let total = w.total[tag] + (step - w.stamp[tag]) as f32 * w.current[tag];
                    total / step as f32
                });
                (f, averaged)
            })
            .filter(|(_, w)| w.iter().any(|v| v.abs() >= 1e-4))
            .collect();
        Model { weights, cue_words }
    }

    /// Drops features whose weights are all smaller than `min_abs`: they
    /// barely move any decision, and the model file shrinks with them.
    pub fn prune(&mut self, min_abs: f32) {
        self.weights
            .retain(|_, w| w.iter().any(|v| v.abs() >= min_abs));
    }

    /// Serialises the model: gzip over a header, the cue words (their
    /// byte length, then the words one per line, sorted), and (feature
    /// hash, 7 weights) records.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut entries: Vec<_> = self.weights.iter().collect();
        entries.sort_by_key(|(f, _)| **f);
        let mut cue_words: Vec<&str> = self.cue_words.iter().map(String::as_str).collect();
        cue_words.sort_unstable();
        let cue_words = cue_words.join("\n");
        let mut raw = Vec::with_capacity(entries.len() * RECORD + cue_words.len() + 12);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&(cue_words.len() as u32).to_le_bytes());
        raw.extend_from_slice(cue_words.as_bytes());
        for (feature, weights) in entries {
            raw.extend_from_slice(&feature.to_le_bytes());
            for w in weights {
                raw.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw).expect("writing to memory cannot fail");
        gz.finish().expect("writing to memory cannot fail")
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .ok()?;
        let body = raw.strip_prefix(MAGIC)?;
        let (length, body) = body.split_first_chunk::<4>()?;
        let length = usize::try_from(u32::from_le_bytes(*length)).ok()?;
        if body.len() < length {
            return None;
        }
        let (cue_words, records) = body.split_at(length);
        let cue_words = std::str::from_utf8(cue_words)
            .ok()?
            .split('\n')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if records.len() % RECORD != 0 {
            return None;
        }
        let weights = records
            .chunks_exact(RECORD)
            .map(|record| {
                let feature = u64::from_le_bytes(record[..8].try_into().expect("8 bytes"));
                let mut w = [0.0; TAGS];
                for (t, chunk) in record[8..].chunks_exact(4).enumerate() {
                    w[t] = f32::from_le_bytes(chunk.try_into().expect("4 bytes"));
                }
                (feature, w)
            })
            .collect();
        Some(Model { weights, cue_words })
    }
}

/// The model file's first bytes (format 2: with cue words).
const MAGIC: &[u8; 8] = b"SLTAG2\0\0";
/// The bytes of one weight record: a feature hash and a weight per tag.
const RECORD: usize = 8 + 4 * TAGS;

/// Token index ranges `(first, last)` of the spans of one role (see
/// [`Tag::role`]): a run of that role's tags, split where a `…Start` tag
/// begins a new span.
pub fn spans(tags: &[Tag], role: usize) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut open = false;
    for (i, tag) in tags.iter().enumerate() {
        if tag.role() == Some(role) {
            if open && !tag.is_start() {
                spans.last_mut().expect("an open span").1 = i;
            } else {
                spans.push((i, i));
                open = true;
            }
        } else {
            open = false;
        }
    }
    spans
}

fn argmax(scores: &[f32; TAGS]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stem_drops_an_inflection_but_keeps_three_letters() {
        assert_eq!(stem("warned"), "warn");
        assert_eq!(stem("warning"), "warn");
        assert_eq!(stem("claims"), "claim");
        assert_eq!(stem("says"), "say");
        assert_eq!(stem("is"), "is");
        assert_eq!(stem("red"), "red");
    }
    use crate::tokens::tokenize;

    fn gold<'t>(text: &'t str, tags: &[Tag]) -> (Vec<Token<'t>>, Vec<Tag>) {
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), tags.len(), "{text}");
        (tokens, tags.to_vec())
    }

    #[test]
    fn tagging_takes_the_best_sequence_not_the_best_first_step() {
        // Alone, a source start is the likelier first tag; but after one,
        // every tag is heavily penalised, so the best sequence opens with
        // a cue instead.
        let mut bias = [0.0; TAGS];
        bias[Tag::SourceStart as usize] = 1.0;
        bias[Tag::CueStart as usize] = 0.9;
        let model = Model {
            cue_words: FxHashSet::default(),
            weights: FxHashMap::from_iter([
                (fnv1a(&["bias"]), bias),
                (
                    tag_features(Tag::SourceStart, Tag::Outside)[0],
                    [-10.0; TAGS],
                ),
            ]),
        };
        assert_eq!(
            model.tag(&tokenize("alpha beta")),
            [Tag::CueStart, Tag::SourceStart]
        );
    }

    #[test]
    fn quotes_are_tracked_across_a_paragraph_that_reopens_them() {
        let tokens = tokenize("“First part.\n\n“Second part,” he said.");
        let quoted = inside_quotes(&tokens);
        let said = tokens.iter().position(|t| t.text == "said").unwrap();
        let second = tokens.iter().position(|t| t.text == "Second").unwrap();
        assert!(quoted[second]);
        assert!(!quoted[said]);
    }

    #[test]
    fn a_model_learns_a_pattern_and_survives_serialisation() {
        use Tag::*;
        let docs = vec![
            gold(
                "Smith said it rained .",
                &[SourceStart, CueStart, ContentStart, Content, Outside],
            ),
            gold(
                "Jones said they left .",
                &[SourceStart, CueStart, ContentStart, Content, Outside],
            ),
            gold(
                "Lee said we won .",
                &[SourceStart, CueStart, ContentStart, Content, Outside],
            ),
            gold(
                "The dog ran home .",
                &[Outside, Outside, Outside, Outside, Outside],
            ),
        ];
        let model = Model::train(&docs, 10);
        assert_eq!(model.cue_words, FxHashSet::from_iter(["said".to_string()]));
        let tokens = tokenize("Brown said it snowed .");
        assert_eq!(model.tag(&tokens)[..2], [SourceStart, CueStart]);
        let reread = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(reread, model);
        assert!(Model::from_bytes(b"not a model").is_none());
        // A file cut short: its cue words claim more bytes than follow.
        let mut raw = MAGIC.to_vec();
        raw.extend_from_slice(&100u32.to_le_bytes());
        raw.extend_from_slice(b"said");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&raw).unwrap();
        assert!(Model::from_bytes(&gz.finish().unwrap()).is_none());
    }

    #[test]
    fn surroundings_measure_the_way_to_a_cue_word_within_the_sentence() {
        let tokens = tokenize("Anna Berg of the union said no. Then Paul Dahl left.");
        let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        let cue_words = FxHashSet::from_iter(["said".to_string()]);
        let around = surroundings(&tokens, &lower, &cue_words);
        let at = |word: &str| around[tokens.iter().position(|t| t.text == word).unwrap()];
        assert_eq!(at("Anna").cue_after, "4-6");
        assert_eq!(at("union").cue_after, "1");
        assert_eq!(at("no").cue_before, "1");
        assert!(at("said").is_cue_word);
        // The next sentence is too far: no cue before or after it.
        assert_eq!(at("Paul").cue_before, "none");
        assert_eq!(at("Paul").cue_after, "none");
        assert!(at("Then").opens_sentence);
        assert_eq!(
            (
                at("Anna").capitalised_run,
                at("Berg").capitalised_run,
                at("Paul").capitalised_run
            ),
            ("first", "last", "inside")
        );
    }
}
