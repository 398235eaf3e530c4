use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A half-open range `[start, end)` of a text, counted in chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
pub struct CharSpan {
    /// First char of the span.
    pub start: usize,
    /// One past the last char of the span.
    pub end: usize,
}

impl CharSpan {
    /// A span from `start` up to, not including, `end`.
    ///
    /// # Panics
    /// If `end < start`.
    pub fn new(start: usize, end: usize) -> Self {
        assert!(start <= end, "span end {end} is before its start {start}");
        CharSpan { start, end }
    }

    /// Number of chars covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one char.
    pub fn overlaps(&self, other: &CharSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The byte range of this span in `text`, or `None` if it runs past the end.
    pub fn byte_range(&self, text: &str) -> Option<std::ops::Range<usize>> {
        let mut boundaries = text
            .char_indices()
            .map(|(byte, _)| byte)
            .chain(std::iter::once(text.len()));
        let start = boundaries.nth(self.start)?;
        let end = if self.is_empty() {
            start
        } else {
            boundaries.nth(self.len() - 1)?
        };
        Some(start..end)
    }

    /// The text this span covers, or `None` if it runs past the end.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.byte_range(text).map(|range| &text[range])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slicing_counts_chars_not_bytes() {
        let text = "«Нет», — сказал Лавров.";
        assert_eq!(CharSpan::new(1, 4).slice(text), Some("Нет"));
        assert_eq!(CharSpan::new(16, 22).slice(text), Some("Лавров"));
    }

    #[test]
    fn a_span_may_end_exactly_at_the_end_of_the_text() {
        assert_eq!(CharSpan::new(3, 5).slice("abcde"), Some("de"));
        assert_eq!(CharSpan::new(5, 5).slice("abcde"), Some(""));
    }

    #[test]
    fn a_span_past_the_end_gives_none() {
        assert_eq!(CharSpan::new(3, 6).slice("abcde"), None);
        assert_eq!(CharSpan::new(6, 6).slice("abcde"), None);
    }

    #[test]
    fn overlap_needs_a_shared_char() {
        let a = CharSpan::new(0, 5);
        assert!(a.overlaps(&CharSpan::new(4, 9)));
        assert!(!a.overlaps(&CharSpan::new(5, 9)));
    }
}
