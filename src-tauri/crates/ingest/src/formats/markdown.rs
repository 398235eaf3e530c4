use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::article::{join_paragraphs, Article, Origin};
use crate::charset;
use crate::error::{IngestError, Problem};

/// A Markdown article: the first level-one heading is the title, every other
/// block is a paragraph of plain text (emphasis and links reduced to their words).
pub fn read(name: &str, bytes: &[u8], origin: Origin) -> Result<Article, IngestError> {
    let (source, _) = charset::decode_text(bytes);
    let mut title = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_title = false;
    for event in Parser::new(&source) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if title.is_none() => {
                in_title = true;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if in_title => {
                in_title = false;
                title = Some(std::mem::take(&mut current).trim().to_string());
            }
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) => {
                let paragraph = current.trim().to_string();
                if !paragraph.is_empty() {
                    paragraphs.push(paragraph);
                }
                current.clear();
            }
            _ => {}
        }
    }
    if paragraphs.is_empty() {
        return Err(IngestError::new(
            name,
            Problem::NoArticle {
                hint: Some("the Markdown has no paragraphs"),
            },
        ));
    }
    let mut article = Article::new(join_paragraphs(&paragraphs), origin, bytes);
    article.meta.title = title.filter(|t| !t.is_empty());
    article.detect_language();
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_links_and_emphasis_become_plain_paragraphs() {
        let md = "# Talks resume in Muscat\n\nOfficials *said* the talks\nwould resume, [according to](https://x.example) state media.\n\n## Reaction\n\n> “We are ready,” the envoy said.\n";
        let article = read("a.md", md.as_bytes(), Origin::Paste).unwrap();
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Talks resume in Muscat")
        );
        assert_eq!(
            article.text,
            "Officials said the talks would resume, according to state media.\n\nReaction\n\n“We are ready,” the envoy said."
        );
    }

    #[test]
    fn a_heading_alone_is_no_article() {
        let err = read("a.md", b"# Only a title\n", Origin::Paste).unwrap_err();
        assert!(matches!(err.problem, Problem::NoArticle { .. }));
    }
}
