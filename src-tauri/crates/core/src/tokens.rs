//! Splitting text into word and punctuation tokens with char offsets.

use crate::CharSpan;

/// A word or punctuation mark and where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'t> {
    /// Its text.
    pub text: &'t str,
    /// Its place, in chars.
    pub span: CharSpan,
    /// Whether a blank line (a paragraph break) comes before it.
    pub paragraph_start: bool,
}

/// Apostrophes that belong inside words ("didn't", "Putin's").
fn is_inner_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens: runs of letters and digits (with inner
/// apostrophes, hyphens, and the dots and commas of numbers and
/// abbreviations kept inside), and single punctuation marks.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut newlines = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += 1;
            while i < chars.len() {
                let c = chars[i].1;
                let next_is_word = chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                if c.is_alphanumeric()
                    || ((is_inner_apostrophe(c) || c == '-') && next_is_word)
                    || ((c == '.' || c == ',') && next_is_word && chars[i - 1].1.is_ascii_digit())
                {
                    i += 1;
                } else if c == '.'
                    && next_is_word
                    && chars[i + 1].1.is_uppercase()
                    && i - start == 1
                {
                    // "U.S.", "U.N.": single letters joined by dots.
                    i += 1;
                } else {
                    break;
                }
            }
            // A trailing dot after single-letter groups ("U.S.") belongs to them.
            if i < chars.len() && chars[i].1 == '.' && i - start >= 3 && chars[i - 2].1 == '.' {
                i += 1;
            }
        } else {
            i += 1;
        }
        tokens.push(Token {
            text: &text[byte_at(start)..byte_at(i)],
            span: CharSpan::new(start, i),
            paragraph_start: newlines >= 2 || tokens.is_empty(),
        });
        newlines = 0;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_and_punctuation_are_separate_tokens() {
        assert_eq!(
            words("“We won’t,” Lavrov said."),
            ["“", "We", "won’t", ",", "”", "Lavrov", "said", "."]
        );
    }

    #[test]
    fn numbers_hyphens_and_initialisms_stay_whole() {
        assert_eq!(
            words("U.S. officials paid $1,500.50 to a well-known firm"),
            [
                "U.S.",
                "officials",
                "paid",
                "$",
                "1,500.50",
                "to",
                "a",
                "well-known",
                "firm"
            ]
        );
    }

    #[test]
    fn offsets_are_in_chars_and_paragraphs_are_marked() {
        let text = "«Нет», — сказал он.\n\nЗатем";
        let tokens = tokenize(text);
        let said = tokens.iter().find(|t| t.text == "сказал").unwrap();
        assert_eq!(said.span.slice(text), Some("сказал"));
        assert!(tokens.last().unwrap().paragraph_start);
        assert!(!said.paragraph_start);
    }
}
