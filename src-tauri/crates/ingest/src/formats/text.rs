use crate::article::{Article, Origin};
use crate::charset;
use crate::error::{IngestError, Problem};

/// A plain-text article: the body is the file's text exactly, so character
/// offsets index the file. The first line becomes the title when a blank
/// line follows it, as in a headline.
pub fn read(name: &str, bytes: &[u8], origin: Origin) -> Result<Article, IngestError> {
    let (text, _) = charset::decode_text(bytes);
    if text.trim().is_empty() {
        return Err(IngestError::new(name, Problem::Empty));
    }
    let mut article = Article::new(text, origin, bytes);
    article.meta.title = headline(&article.text);
    article.detect_language();
    Ok(article)
}

fn headline(text: &str) -> Option<String> {
    let mut paragraphs = text.trim_start().split("\n\n");
    let first = paragraphs.next()?.trim();
    let is_headline =
        !first.contains('\n') && first.chars().count() <= 200 && paragraphs.next().is_some();
    is_headline.then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin::Paste
    }

    #[test]
    fn the_text_is_kept_exactly_as_read() {
        let raw = "Port closed\n\n  “We will reopen,” the minister said.\r\nMore.\n";
        let article = read("a.txt", raw.as_bytes(), origin()).unwrap();
        assert_eq!(article.text, raw);
        assert_eq!(article.meta.title.as_deref(), Some("Port closed"));
    }

    #[test]
    fn white_space_only_is_empty() {
        let err = read("a.txt", b" \n\n\t", origin()).unwrap_err();
        assert!(matches!(err.problem, Problem::Empty));
        assert_eq!(err.to_string(), "a.txt: is empty");
    }
}
