//! E-mails (newsletters, press releases, articles mailed to oneself) and
//! MHTML pages, which share MIME's structure.

use mail_parser::{Message, MessageParser, PartType};

use crate::article::{Article, Origin};
use crate::error::{IngestError, Problem};
use crate::html;

fn parse<'x>(
    name: &str,
    bytes: &'x [u8],
    format: &'static str,
) -> Result<Message<'x>, IngestError> {
    MessageParser::default().parse(bytes).ok_or_else(|| {
        IngestError::new(
            name,
            Problem::Malformed {
                format,
                detail: "the MIME structure cannot be read".into(),
            },
        )
    })
}

fn html_body<'m>(message: &'m Message<'_>) -> Option<&'m str> {
    message.html_bodies().find_map(|part| match &part.body {
        PartType::Html(html) => Some(html.as_ref()),
        _ => None,
    })
}

fn text_body<'m>(message: &'m Message<'_>) -> Option<&'m str> {
    message.text_bodies().find_map(|part| match &part.body {
        PartType::Text(text) => Some(text.as_ref()).filter(|t| !t.trim().is_empty()),
        _ => None,
    })
}

/// An e-mail: its HTML body through the article extractor, or its text body;
/// the subject is the title, the sender the byline.
pub fn read_email(name: &str, bytes: &[u8], origin: Origin) -> Result<Article, IngestError> {
    let message = parse(name, bytes, "e-mail")?;
    let from_html = html_body(&message).and_then(|html| {
        html::read_page(
            name,
            html.as_bytes(),
            Some("text/html; charset=utf-8"),
            origin.clone(),
        )
        .ok()
    });
    let mut article = match (from_html, text_body(&message)) {
        (Some(article), _) => article,
        (None, Some(text)) => {
            let paragraphs: Vec<String> = text
                .replace("\r\n", "\n")
                .split("\n\n")
                .map(|p| {
                    p.lines()
                        .map(str::trim_end)
                        .collect::<Vec<_>>()
                        .join("\n")
                        .trim()
                        .to_string()
                })
                .filter(|p| !p.is_empty())
                .collect();
            Article::new(paragraphs.join("\n\n"), origin, bytes)
        }
        (None, None) => return Err(IngestError::new(name, Problem::EmailWithoutBody)),
    };
    article.set_raw(bytes);
    if let Some(subject) = message.subject().filter(|s| !s.trim().is_empty()) {
        article.meta.title = Some(subject.trim().to_string());
    }
    if let Some(sender) = message.from().and_then(|from| from.first()) {
        article.meta.byline = sender.name().or(sender.address()).map(str::to_string);
    }
    if let Some(date) = message.date() {
        article.meta.date = Some(date.to_rfc3339());
    }
    article.detect_language();
    Ok(article)
}

/// An MHTML page: its HTML part through the article extractor.
pub fn read_mhtml(name: &str, bytes: &[u8], origin: Origin) -> Result<Article, IngestError> {
    let message = parse(name, bytes, "MHTML")?;
    let html = html_body(&message).ok_or_else(|| {
        IngestError::new(
            name,
            Problem::Malformed {
                format: "MHTML",
                detail: "it holds no HTML page".into(),
            },
        )
    })?;
    let mut article = html::read_page(
        name,
        html.as_bytes(),
        Some("text/html; charset=utf-8"),
        origin,
    )?;
    article.set_raw(bytes);
    if article.meta.url.is_none() {
        article.meta.url = message
            .header_raw("Snapshot-Content-Location")
            .map(|u| u.trim().to_string())
            .filter(|u| u.starts_with("http"));
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWSLETTER: &str = "From: Gulf Briefing <briefing@gulfwire.example>\r\n\
To: reader@example.org\r\n\
Subject: Talks to resume in Muscat\r\n\
Date: Sun, 3 May 2026 07:15:00 +0000\r\n\
MIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Negotiators will return to Muscat on Tuesday, two officials said.\r\n\
\r\n\
\u{201c}Nothing is agreed until everything is agreed,\u{201d} one of them told the briefing.\r\n";

    #[test]
    fn a_plain_text_newsletter_keeps_its_paragraphs_and_headers() {
        let article = read_email("n.eml", NEWSLETTER.as_bytes(), Origin::Paste).unwrap();
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Talks to resume in Muscat")
        );
        assert_eq!(article.meta.byline.as_deref(), Some("Gulf Briefing"));
        assert_eq!(article.meta.date.as_deref(), Some("2026-05-03T07:15:00Z"));
        assert_eq!(article.paragraphs().count(), 2);
        assert!(article
            .text
            .starts_with("Negotiators will return to Muscat"));
    }

    #[test]
    fn an_email_without_a_body_says_so() {
        let headers_only =
            "From: a@example.org\r\nSubject: Empty\r\nContent-Type: text/plain\r\n\r\n\r\n";
        let err = read_email("e.eml", headers_only.as_bytes(), Origin::Paste).unwrap_err();
        assert!(matches!(err.problem, Problem::EmailWithoutBody), "{err}");
        assert_eq!(err.to_string(), "e.eml: is an e-mail with no body text");
    }
}
