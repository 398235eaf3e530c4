//! Reading every kind of file a researcher keeps articles in.
//!
//! The format is told from the bytes first (PDF, WARC, gzip, property-list
//! and MIME signatures, HTML tags, JSON) and from the file name second, so a
//! saved page called `story.txt` is still read as HTML, and a PNG called
//! `story.txt` is refused as binary data.

mod json;
mod mail;
mod markdown;
mod pdf;
mod text;
mod warc;
mod webarchive;

use std::io::Read;
use std::path::Path;

use crate::article::{Article, Origin};
use crate::error::{IngestError, Problem};
use crate::html;

/// The file formats SourceLens reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A saved web page.
    Html,
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A PDF with a text layer.
    Pdf,
    /// An e-mail (`.eml`), such as a newsletter.
    Email,
    /// A web page saved as MHTML (`.mht`, `.mhtml`).
    Mhtml,
    /// A Safari web archive.
    WebArchive,
    /// A WARC web archive, optionally gzip-compressed.
    Warc,
    /// An article as JSON: title, text, outlet, url, date.
    ArticleJson,
}

impl Format {
    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "HTML",
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Pdf => "PDF",
            Format::Email => "e-mail",
            Format::Mhtml => "MHTML",
            Format::WebArchive => "web archive",
            Format::Warc => "WARC",
            Format::ArticleJson => "article JSON",
        }
    }

    /// The format a file name suggests.
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let format = match lower.rsplit('.').next()? {
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "pdf" => Format::Pdf,
            "eml" => Format::Email,
            "mht" | "mhtml" => Format::Mhtml,
            "webarchive" => Format::WebArchive,
            "warc" => Format::Warc,
            "gz" if lower.ends_with(".warc.gz") => Format::Warc,
            "json" => Format::ArticleJson,
            _ => return None,
        };
        Some(format)
    }

    /// Tells the format from the bytes, then from the name.
    pub fn detect(name: &str, bytes: &[u8]) -> Result<Format, Problem> {
        let by_name = Format::from_name(name);
        let head = &bytes[..bytes.len().min(4096)];
        if head.starts_with(b"%PDF-") {
            return Ok(Format::Pdf);
        }
        if head.starts_with(b"WARC/") {
            return Ok(Format::Warc);
        }
        if head.starts_with(&[0x1f, 0x8b]) {
            return if by_name == Some(Format::Warc) || gunzip_head(bytes).starts_with(b"WARC/") {
                Ok(Format::Warc)
            } else {
                Err(Problem::UnknownFormat(
                    "a gzip-compressed file that is not a WARC archive; decompress it first".into(),
                ))
            };
        }
        if head.starts_with(b"bplist00") {
            return Ok(Format::WebArchive);
        }
        let text_head = String::from_utf8_lossy(head);
        let trimmed = text_head.trim_start_matches('\u{feff}').trim_start();
        if looks_like_mime(trimmed) {
            let mhtml = by_name == Some(Format::Mhtml)
                || trimmed.contains("Snapshot-Content-Location:")
                || (trimmed.to_ascii_lowercase().contains("multipart/related")
                    && by_name != Some(Format::Email));
            return Ok(if mhtml { Format::Mhtml } else { Format::Email });
        }
        if is_binary(head) {
            return Err(Problem::Binary {
                expected: by_name.map_or("an article", Format::expected_noun),
                looks_like: infer::get(bytes).map(|kind| kind.mime_type()),
            });
        }
        if trimmed.starts_with('{')
            || (trimmed.starts_with('[') && by_name == Some(Format::ArticleJson))
        {
            return Ok(Format::ArticleJson);
        }
        if looks_like_html(trimmed) && by_name != Some(Format::Markdown) {
            return Ok(Format::Html);
        }
        match by_name {
            Some(
                format @ (Format::Pdf
                | Format::Warc
                | Format::WebArchive
                | Format::Email
                | Format::Mhtml),
            ) => Err(Problem::Malformed {
                format: format.name(),
                detail: "the file does not start like one".into(),
            }),
            Some(format) => Ok(format),
            None => Ok(Format::Text),
        }
    }

    fn expected_noun(self) -> &'static str {
        match self {
            Format::Html => "an HTML page",
            Format::Text => "text",
            Format::Markdown => "Markdown text",
            Format::ArticleJson => "JSON",
            _ => "an article",
        }
    }
}

fn looks_like_mime(head: &str) -> bool {
    const HEADERS: &[&str] = &[
        "from:",
        "received:",
        "return-path:",
        "mime-version:",
        "subject:",
        "delivered-to:",
        "message-id:",
        "date:",
        "to:",
        "x-",
        "snapshot-content-location:",
        "content-type:",
    ];
    let first_line = head.lines().next().unwrap_or("").to_ascii_lowercase();
    HEADERS.iter().any(|h| first_line.starts_with(h))
        && head.to_ascii_lowercase().contains("content-type:")
        || first_line.starts_with("mime-version:")
}

fn looks_like_html(head: &str) -> bool {
    let lower = head.to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<meta",
        "<p>",
        "<div",
        "<title",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// Text never holds NUL bytes, and rarely other C0 controls.
fn is_binary(head: &[u8]) -> bool {
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    head.contains(&0) || controls * 20 > head.len().max(1)
}

fn gunzip_head(bytes: &[u8]) -> Vec<u8> {
    let mut head = Vec::new();
    let _ = flate2::read::MultiGzDecoder::new(bytes)
        .take(16)
        .read_to_end(&mut head);
    head
}

/// Limits on what is read.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Files larger than this are refused before being read.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 50 * 1024 * 1024,
        }
    }
}

/// Reads the articles in a file.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<Article>, IngestError> {
    let name = path.display().to_string();
    let fail = |problem| IngestError::new(name.clone(), problem);
    let size = std::fs::metadata(path).map_err(|e| fail(e.into()))?.len();
    if size > limits.max_file_bytes {
        return Err(fail(Problem::TooLarge {
            size,
            cap: limits.max_file_bytes,
        }));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(e.into()))?;
    let origin = Origin::File {
        path: name.clone(),
        part: None,
    };
    read_bytes(&name, &bytes, origin)
}

/// Reads the articles in a file's bytes; `name` is its path or URL.
pub fn read_bytes(name: &str, bytes: &[u8], origin: Origin) -> Result<Vec<Article>, IngestError> {
    let fail = |problem| IngestError::new(name, problem);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail(Problem::Empty));
    }
    let format = Format::detect(name, bytes).map_err(fail)?;
    let articles = match format {
        Format::Html => vec![html::read_page(name, bytes, None, origin)?],
        Format::Text => vec![text::read(name, bytes, origin)?],
        Format::Markdown => vec![markdown::read(name, bytes, origin)?],
        Format::Pdf => vec![pdf::read(name, bytes, origin)?],
        Format::Email => vec![mail::read_email(name, bytes, origin)?],
        Format::Mhtml => vec![mail::read_mhtml(name, bytes, origin)?],
        Format::WebArchive => vec![webarchive::read(name, bytes, origin)?],
        Format::Warc => warc::read(name, bytes, origin)?,
        Format::ArticleJson => json::read(name, bytes, origin)?,
    };
    for article in &articles {
        crate::limits::check_text(name, &article.text)?;
    }
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_the_name() {
        assert!(matches!(
            Format::detect("story.txt", b"<!DOCTYPE html><html></html>"),
            Ok(Format::Html)
        ));
        assert!(matches!(
            Format::detect("scan.html", b"%PDF-1.7\n..."),
            Ok(Format::Pdf)
        ));
        assert!(matches!(
            Format::detect("a", b"WARC/1.1\r\n"),
            Ok(Format::Warc)
        ));
    }

    #[test]
    fn the_name_decides_between_text_formats() {
        assert!(matches!(
            Format::detect("notes.md", b"# Talks resume\n\nText."),
            Ok(Format::Markdown)
        ));
        assert!(matches!(
            Format::detect("notes.txt", b"Talks resume.\n\nText."),
            Ok(Format::Text)
        ));
        assert!(matches!(
            Format::detect("notes", b"Talks resume."),
            Ok(Format::Text)
        ));
    }

    #[test]
    fn an_image_under_a_text_name_is_binary_and_named() {
        let png =
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
        match Format::detect("article.txt", png) {
            Err(Problem::Binary {
                expected,
                looks_like,
            }) => {
                assert_eq!(expected, "text");
                assert_eq!(looks_like, Some("image/png"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_pdf_name_on_text_is_malformed_not_guessed() {
        assert!(matches!(
            Format::detect("paper.pdf", b"just some words"),
            Err(Problem::Malformed { format: "PDF", .. })
        ));
    }
}
