use std::cell::Cell;

use pdf_extract::{Document, Object, PlainTextOutput};

use crate::article::{join_paragraphs, Article, Origin};
use crate::error::{IngestError, Problem};
use crate::limits::{self, Capped, MAX_DECOMPRESSED_BYTES, MAX_PDF_PAGES};

/// A PDF's text layer, rebuilt into paragraphs: blank lines separate
/// paragraphs, lines inside one are joined, and words hyphenated across a
/// line break are rejoined.
pub fn read(name: &str, bytes: &[u8], origin: Origin) -> Result<Article, IngestError> {
    let fail = |problem| IngestError::new(name, problem);
    // pdf-extract panics on some malformed files instead of returning an
    // error; a damaged PDF must not take the rest of a batch down.
    let extracted = std::panic::catch_unwind(|| extract(name, bytes)).map_err(|_| {
        fail(Problem::Malformed {
            format: "PDF",
            detail: "its structure cannot be read".into(),
        })
    })??;
    let paragraphs = paragraphs(&extracted);
    if paragraphs.is_empty() {
        return Err(fail(Problem::PdfWithoutText));
    }
    let mut article = Article::new(join_paragraphs(&paragraphs), origin, bytes);
    article.detect_language();
    Ok(article)
}

/// The text of a PDF within the page and decompression limits, checked
/// before any page is rendered to text.
fn extract(name: &str, bytes: &[u8]) -> Result<String, IngestError> {
    let malformed = |e: &dyn std::fmt::Display| {
        IngestError::new(
            name,
            Problem::Malformed {
                format: "PDF",
                detail: e.to_string(),
            },
        )
    };
    let mut document = Document::load_mem(bytes).map_err(|e| malformed(&e))?;
    if document.is_encrypted() {
        // Many PDFs are encrypted with an empty password only to forbid
        // editing; their text is readable.
        document.decrypt("").map_err(|e| malformed(&e))?;
    }
    if document.get_pages().len() > MAX_PDF_PAGES {
        return Err(limits::over(name, "pages", MAX_PDF_PAGES as u64));
    }
    if !streams_within(&document, MAX_DECOMPRESSED_BYTES) {
        return Err(limits::over(
            name,
            "bytes decompressed",
            MAX_DECOMPRESSED_BYTES,
        ));
    }
    let mut text = String::new();
    pdf_extract::output_doc(&document, &mut PlainTextOutput::new(&mut text))
        .map_err(|e| malformed(&e))?;
    Ok(text)
}

/// Whether the document's deflated streams decompress to at most `budget`
/// bytes together. They are decompressed into nothing, through a cap, so a
/// bomb costs at most `budget` bytes of work and none of memory.
fn streams_within(document: &Document, budget: u64) -> bool {
    let mut left = budget;
    for object in document.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let deflated = stream
            .filters()
            .is_ok_and(|f| f.iter().any(|f| *f == b"FlateDecode"));
        if !deflated {
            continue;
        }
        let passed = Cell::new(false);
        let decoder = flate2::read::ZlibDecoder::new(&stream.content[..]);
        let mut capped = Capped::new(decoder, left, &passed);
        // A damaged stream still counts for what it gave before it broke.
        let _ = std::io::copy(&mut capped, &mut std::io::sink());
        if passed.get() {
            return false;
        }
        left -= capped.bytes_read();
    }
    true
}

fn paragraphs(extracted: &str) -> Vec<String> {
    extracted
        .replace('\r', "")
        .split("\n\n")
        .map(|block| {
            let mut paragraph = String::new();
            for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if paragraph.ends_with('-') && line.starts_with(char::is_lowercase) {
                    paragraph.pop();
                } else if !paragraph.is_empty() {
                    paragraph.push(' ');
                }
                paragraph.push_str(line);
            }
            paragraph
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_joined_and_hyphenation_undone() {
        let text = "The minister said the nego-\ntiations would resume\non Tuesday.\n\nSecond paragraph.\n";
        assert_eq!(
            paragraphs(text),
            [
                "The minister said the negotiations would resume on Tuesday.",
                "Second paragraph."
            ]
        );
    }

    /// A document with one deflated stream of `size` spaces.
    fn document_with_stream(size: usize) -> Document {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&vec![b' '; size]).unwrap();
        let mut dict = pdf_extract::Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let mut document = Document::with_version("1.5");
        document.add_object(pdf_extract::Stream::new(dict, encoder.finish().unwrap()));
        document
    }

    #[test]
    fn deflated_streams_past_the_budget_are_caught_without_keeping_them() {
        assert!(streams_within(&document_with_stream(4096), 4096));
        assert!(!streams_within(&document_with_stream(4097), 4096));
    }
}
