//! The hard limits on what one input may hold. Each keeps a broken or
//! hostile file from holding or crashing the app, and each is far above
//! what a real article needs; crossing one gives [`Problem::OverLimit`]
//! naming the input and the limit, before the costly work starts where it
//! can. The README's "Limits" section lists them for researchers.
//!
//! The nesting depth of HTML elements is limited too:
//! [`crate::html::depth::MAX_NESTING`].

use std::cell::Cell;
use std::io::Read;

use crate::error::{IngestError, Problem};

/// Elements in one HTML page. A long article page has a few thousand; a
/// page of 50,000 paragraphs is still read.
pub const MAX_ELEMENTS: usize = 250_000;

/// Chars in one article's body text: a 500-page report has about a million.
pub const MAX_ARTICLE_CHARS: usize = 2_000_000;

/// Chars in one paragraph of body text: an article paragraph has hundreds,
/// and attribution reads a paragraph at a time.
pub const MAX_PARAGRAPH_CHARS: usize = 100_000;

/// Pages in one PDF.
pub const MAX_PDF_PAGES: usize = 2_000;

/// Bytes that the compressed streams of one file (a gzip WARC, a WARC
/// record's gzip body, a PDF's content streams) may decompress to, so a
/// decompression bomb stops here.
pub const MAX_DECOMPRESSED_BYTES: u64 = 256 * 1024 * 1024;

/// Records in one WARC file.
pub const MAX_WARC_RECORDS: usize = 10_000;

/// The error for `name` holding more than `limit` of `what`.
pub(crate) fn over(name: &str, what: &'static str, limit: u64) -> IngestError {
    IngestError::new(name, Problem::OverLimit { what, limit })
}

/// Refuses body text over [`MAX_ARTICLE_CHARS`] or with a paragraph over
/// [`MAX_PARAGRAPH_CHARS`].
pub(crate) fn check_text(name: &str, text: &str) -> Result<(), IngestError> {
    if text.len() > MAX_ARTICLE_CHARS && text.chars().count() > MAX_ARTICLE_CHARS {
        return Err(over(name, "chars of body text", MAX_ARTICLE_CHARS as u64));
    }
    let longest = text
        .split("\n\n")
        .filter(|p| p.len() > MAX_PARAGRAPH_CHARS)
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0);
    if longest > MAX_PARAGRAPH_CHARS {
        return Err(over(
            name,
            "chars in one paragraph",
            MAX_PARAGRAPH_CHARS as u64,
        ));
    }
    Ok(())
}

/// A reader that counts the bytes it hands out and ends with an error once
/// they pass `cap`; `passed` says afterwards whether that is why it ended.
pub(crate) struct Capped<'c, R> {
    inner: R,
    read: u64,
    cap: u64,
    passed: &'c Cell<bool>,
}

impl<'c, R: Read> Capped<'c, R> {
    pub(crate) fn new(inner: R, cap: u64, passed: &'c Cell<bool>) -> Self {
        Capped {
            inner,
            read: 0,
            cap,
            passed,
        }
    }
}

impl<R> Capped<'_, R> {
    /// The bytes handed out so far.
    pub(crate) fn bytes_read(&self) -> u64 {
        self.read
    }
}

impl<R: Read> Read for Capped<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.cap {
            self.passed.set(true);
            return Err(std::io::Error::other("over the decompressed size limit"));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capped_reader_stops_past_its_cap_and_says_so() {
        let passed = Cell::new(false);
        let mut out = Vec::new();
        let result = Capped::new(&[7u8; 100][..], 64, &passed).read_to_end(&mut out);
        assert!(result.is_err());
        assert!(passed.get());

        let passed = Cell::new(false);
        let mut out = Vec::new();
        Capped::new(&[7u8; 64][..], 64, &passed)
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!((out.len(), passed.get()), (64, false));
    }

    #[test]
    fn a_paragraph_over_the_limit_is_refused_by_name() {
        let text = format!(
            "A short lede.\n\n{}",
            "word ".repeat(MAX_PARAGRAPH_CHARS / 5 + 1)
        );
        let err = check_text("essay.txt", &text).unwrap_err();
        assert_eq!(err.code(), "over_limit");
        assert!(err.to_string().starts_with("essay.txt: "), "{err}");
        assert!(
            err.to_string().contains("100000 chars in one paragraph"),
            "{err}"
        );
        assert!(check_text("essay.txt", "A short lede.\n\nA second paragraph.").is_ok());
    }
}
