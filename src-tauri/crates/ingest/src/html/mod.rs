//! Main-text extraction from HTML pages.
//!
//! [`read_page`] turns a page's raw bytes into an [`Article`]: it decodes the
//! charset, extracts the main text with [`Extractor::Agreement`] and reads the
//! metadata. The other extractors stay for `sourcelens eval extraction
//! --extractor`, which measured them against each other:
//!
//! | extractor | F1 | precision | recall | median ms/page |
//! |---|---|---|---|---|
//! | agreement (trafilatura-fallback trimmed by dom-smoothie) | 0.970 | 0.958 | 0.981 | 10.4 |
//! | trafilatura-fallback | 0.960 | 0.939 | 0.981 | 7.3 |
//! | trafilatura | 0.956 | 0.938 | 0.974 | 4.5 |
//! | dom-smoothie | 0.951 | 0.917 | 0.988 | 1.9 |
//! | rs-trafilatura (`--features candidates`) | 0.949 | 0.920 | 0.980 | 10.2 |

mod blocks;
pub mod metadata;

pub use blocks::paragraphs;

use crate::article::{join_paragraphs, Article, Origin};
use crate::charset;
use crate::error::{IngestError, Problem};

/// The extractor used for imports.
pub const DEFAULT_EXTRACTOR: Extractor = Extractor::Agreement;

/// Turns an HTML page into an article.
///
/// `content_type` is the HTTP `Content-Type` header when the page was
/// fetched; it can name the charset.
pub fn read_page(
    name: &str,
    bytes: &[u8],
    content_type: Option<&str>,
    origin: Origin,
) -> Result<Article, IngestError> {
    let tld = match &origin {
        Origin::Url { url } => url::Url::parse(url).ok().and_then(|u| {
            u.host_str()
                .and_then(|h| h.rsplit('.').next())
                .map(str::to_string)
        }),
        _ => None,
    };
    let (html, _) = charset::decode_html(bytes, content_type, tld.as_deref());
    let paragraphs = DEFAULT_EXTRACTOR.paragraphs(&html);
    if !reads_like_prose(&paragraphs) {
        return Err(IngestError::new(
            name,
            Problem::NoArticle {
                hint: Some(
                    "it may be cut short, not be an article, or build its text with JavaScript",
                ),
            },
        ));
    }
    let mut article = Article::new(join_paragraphs(&paragraphs), origin, bytes);
    article.meta = metadata::read(&scraper::Html::parse_document(&html));
    article.detect_language();
    Ok(article)
}

/// A main-text extraction method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extractor {
    /// The `trafilatura` crate with its defaults.
    Trafilatura,
    /// The `trafilatura` crate with its readability fallback.
    TrafilaturaFallback,
    /// The `dom_smoothie` crate (a port of readability.js).
    DomSmoothie,
    /// The `rs-trafilatura` crate.
    #[cfg(feature = "candidates")]
    RsTrafilatura,
    /// trafilatura with fallback, keeping a short paragraph only when
    /// dom_smoothie also found it (see [`agreed`]).
    Agreement,
}

impl Extractor {
    /// Every extractor this build has, for measuring them against each other.
    pub fn all() -> Vec<Extractor> {
        vec![
            Extractor::Agreement,
            Extractor::Trafilatura,
            Extractor::TrafilaturaFallback,
            Extractor::DomSmoothie,
            #[cfg(feature = "candidates")]
            Extractor::RsTrafilatura,
        ]
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Extractor::Trafilatura => "trafilatura",
            Extractor::TrafilaturaFallback => "trafilatura-fallback",
            Extractor::DomSmoothie => "dom-smoothie",
            #[cfg(feature = "candidates")]
            Extractor::RsTrafilatura => "rs-trafilatura",
            Extractor::Agreement => "agreement",
        }
    }

    /// The extractor with this command-line name.
    pub fn from_name(name: &str) -> Option<Extractor> {
        Extractor::all().into_iter().find(|e| e.name() == name)
    }

    /// The article's paragraphs, or an empty list when none was found.
    pub fn paragraphs(self, html: &str) -> Vec<String> {
        let content_html = match self {
            Extractor::Agreement => {
                return agreed(
                    Extractor::TrafilaturaFallback.paragraphs(html),
                    &Extractor::DomSmoothie.paragraphs(html),
                )
            }
            Extractor::Trafilatura | Extractor::TrafilaturaFallback => {
                let options = trafilatura::Options::default()
                    .with_fallback(self == Extractor::TrafilaturaFallback);
                trafilatura::extract(html, &options)
                    .map(|r| r.content_html)
                    .ok()
            }
            Extractor::DomSmoothie => dom_smoothie::Readability::new(html, None, None)
                .and_then(|mut r| r.parse())
                .map(|article| article.content.to_string())
                .ok(),
            #[cfg(feature = "candidates")]
            Extractor::RsTrafilatura => rs_trafilatura::extract(html)
                .ok()
                .and_then(|r| r.content_html),
        };
        content_html.map(|h| paragraphs(&h)).unwrap_or_default()
    }
}

/// Fewer words than this is no article, only a fragment of a page.
const MIN_ARTICLE_WORDS: usize = 15;

/// Whether extracted paragraphs are an article rather than the menus and
/// link lists an extractor falls back to on a page without one: enough words,
/// and at least one sentence.
fn reads_like_prose(paragraphs: &[String]) -> bool {
    let words: usize = paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    let has_sentence = paragraphs.iter().any(|p| {
        p.trim_end()
            .trim_end_matches(['"', '”', '’', '»', ')'])
            .ends_with(['.', '!', '?', '。', '؟', '…'])
    });
    words >= MIN_ARTICLE_WORDS && has_sentence
}

/// An unconfirmed paragraph outside the confirmed stretch is kept only from
/// this many words on.
const SELF_EVIDENT_WORDS: usize = 40;

/// Below this share of `primary`'s words confirmed by the second extractor,
/// the two found different things and `primary` is kept whole.
const MIN_CONFIRMED_SHARE: f64 = 0.3;

/// Trims `primary`'s output to the stretch that `second` confirms.
///
/// Boilerplate that survives an extractor sits mostly before the article
/// (breadcrumbs, share prompts) or after it (related links, sign-up boxes).
/// A paragraph is confirmed when the second extractor found it too; between
/// the first and the last confirmed paragraph everything is kept, outside
/// that stretch only long paragraphs are.
pub fn agreed(primary: Vec<String>, second: &[String]) -> Vec<String> {
    let normalise = |p: &str| -> String {
        p.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let second_text = second
        .iter()
        .map(|p| normalise(p))
        .collect::<Vec<_>>()
        .join("|");
    let confirmed: Vec<bool> = primary
        .iter()
        .map(|p| {
            let key = normalise(p);
            !key.is_empty() && second_text.contains(&key)
        })
        .collect();
    let words = |p: &String| p.split_whitespace().count();
    let total: usize = primary.iter().map(words).sum();
    let confirmed_words: usize = primary
        .iter()
        .zip(&confirmed)
        .filter(|(_, &c)| c)
        .map(|(p, _)| words(p))
        .sum();
    if total == 0 || (confirmed_words as f64) < MIN_CONFIRMED_SHARE * total as f64 {
        return primary;
    }
    let first = confirmed.iter().position(|&c| c).unwrap_or(0);
    let last = confirmed.iter().rposition(|&c| c).unwrap_or(0);
    primary
        .into_iter()
        .enumerate()
        .filter(|(i, p)| (first..=last).contains(i) || words(p) >= SELF_EVIDENT_WORDS)
        .map(|(_, p)| p)
        .collect()
}
