//! Small helpers over tokens and text shared by every pass: sentences,
//! headlines, words, capitals, quotations.

use super::*;

/// The first token of the sentence token `i` is in.
pub(super) fn sentence_start(sentences: &[usize], i: usize) -> usize {
    (0..i)
        .rev()
        .take_while(|&j| sentences[j] == sentences[i])
        .last()
        .unwrap_or(i)
}

/// The char where a headline opening the text ends (0 when there is none):
/// a first line of at most 200 characters that does not end a sentence.
pub(super) fn headline_end(text: &str) -> usize {
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

/// A description without the place it ends in: "A Western diplomat in
/// Porto Velha" is "A Western diplomat".
pub(super) fn without_place(text: &str) -> &str {
    match text.rfind(" in ") {
        Some(at) if text[at + 4..].split_whitespace().all(is_capitalised) => &text[..at],
        _ => text,
    }
}

/// Drops the spans that lie inside another: "A hospital" inside "A hospital
/// official in the regional capital" is the same speaker.
pub(super) fn drop_nested(spans: &mut Vec<(usize, usize)>) {
    let all = spans.clone();
    spans.retain(|&(a, b)| {
        !all.iter()
            .any(|&(c, d)| (c, d) != (a, b) && c <= a && b <= d)
    });
}

/// A dash standing alone between words, as datelines and asides use.
pub(super) fn is_dash(token: &str) -> bool {
    matches!(token, "—" | "–" | "-")
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

pub(super) fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect()
}

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word that can be part of a name: capitalised, letters, digits and
/// hyphens only ("Care", "Inter-American", "NPA").
pub(super) fn is_name_word(word: &str) -> bool {
    is_capitalised(word) && word.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// A description without the article opening it: "spokesperson" for "A
/// spokesperson".
pub(super) fn without_article(text: &str) -> &str {
    ["the ", "The ", "a ", "A ", "an ", "An "]
        .iter()
        .find_map(|article| text.strip_prefix(article))
        .unwrap_or(text)
}

/// The text with every quotation's words blanked out (curly or straight
/// double quotation marks, and the doubled single marks some papers use), so
/// that what a quotation names is not taken for who is speaking.
pub(super) fn without_quotations(text: &str) -> String {
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

/// A word without the punctuation that follows it.
pub(super) fn bare(word: &str) -> &str {
    word.trim_end_matches(|c: char| !c.is_alphanumeric())
}
