use crate::article::{join_paragraphs, Article, Origin};
use crate::error::{IngestError, Problem};

/// A PDF's text layer, rebuilt into paragraphs: blank lines separate
/// paragraphs, lines inside one are joined, and words hyphenated across a
/// line break are rejoined.
pub fn read(name: &str, bytes: &[u8], origin: Origin) -> Result<Article, IngestError> {
    let fail = |problem| IngestError::new(name, problem);
    // pdf-extract panics on some malformed files instead of returning an
    // error; a damaged PDF must not take the rest of a batch down.
    let extracted = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes))
        .map_err(|_| {
            fail(Problem::Malformed {
                format: "PDF",
                detail: "its structure cannot be read".into(),
            })
        })?
        .map_err(|e| {
            fail(Problem::Malformed {
                format: "PDF",
                detail: e.to_string(),
            })
        })?;
    let paragraphs = paragraphs(&extracted);
    if paragraphs.is_empty() {
        return Err(fail(Problem::PdfWithoutText));
    }
    let mut article = Article::new(join_paragraphs(&paragraphs), origin, bytes);
    article.detect_language();
    Ok(article)
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
}
