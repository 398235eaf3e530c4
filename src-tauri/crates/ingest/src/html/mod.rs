//! Main-text extraction from HTML pages.
//!
//! [`read_page`] turns a page's raw bytes into an [`Article`]: it decodes the
//! charset, extracts the main text with [`Extractor::Agreement`] and reads the
//! metadata. The other extractors stay for `sourcelens eval extraction
//! --extractor`, which measured them against each other:
//!
//! | extractor | F1 | precision | recall | median ms/page |
//! |---|---|---|---|---|
//! | agreement (trafilatura-precise checked against dom-smoothie) | 0.975 | 0.968 | 0.982 | 7.4–9.1 |
//! | trafilatura-precise | 0.969 | 0.958 | 0.979 | 7.0–7.5 |
//! | trafilatura-fallback | 0.960 | 0.939 | 0.981 | 7–11 |
//! | trafilatura | 0.956 | 0.938 | 0.974 | 4.5–7 |
//! | dom-smoothie | 0.951 | 0.917 | 0.988 | 1.9–2.1 |
//! | rs-trafilatura (`--features candidates`) | 0.949 | 0.920 | 0.980 | 10–12 |
//!
//! (181 pages, release build, one core; times vary by run on a shared machine.)

mod blocks;
pub mod depth;
pub mod metadata;

pub use blocks::paragraphs;

use crate::article::{join_paragraphs, Article, Origin};
use crate::charset;
use crate::error::{IngestError, Problem};
use crate::limits;

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
    let shape = depth::shape(&html, depth::MAX_NESTING, limits::MAX_ELEMENTS);
    if shape.deepest > depth::MAX_NESTING {
        return Err(IngestError::new(
            name,
            Problem::TooDeep {
                limit: depth::MAX_NESTING,
            },
        ));
    }
    if shape.elements > limits::MAX_ELEMENTS {
        return Err(limits::over(
            name,
            "HTML elements",
            limits::MAX_ELEMENTS as u64,
        ));
    }
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
    let text = join_paragraphs(&paragraphs);
    limits::check_text(name, &text)?;
    let mut article = Article::new(text, origin, bytes);
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
    /// The `trafilatura` crate with its readability fallback, set to favour
    /// precision: it leaves out more of a page's furniture.
    TrafilaturaPrecise,
    /// The `dom_smoothie` crate (a port of readability.js).
    DomSmoothie,
    /// The `rs-trafilatura` crate.
    #[cfg(feature = "candidates")]
    RsTrafilatura,
    /// [`Extractor::TrafilaturaPrecise`], keeping a short paragraph only when
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
            Extractor::TrafilaturaPrecise,
            Extractor::DomSmoothie,
            #[cfg(feature = "candidates")]
            Extractor::RsTrafilatura,
        ]
    }

    /// The name used on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Extractor::Trafilatura => "trafilatura",
            Extractor::TrafilaturaFallback => "trafilatura-fallback",
            Extractor::TrafilaturaPrecise => "trafilatura-precise",
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
                // The two extractors read the page side by side; one that
                // panics on a page counts as having found nothing.
                let (primary, second) = std::thread::scope(|scope| {
                    let second = scope.spawn(|| Extractor::DomSmoothie.paragraphs(html));
                    let primary = Extractor::TrafilaturaPrecise.paragraphs(html);
                    (primary, second.join().unwrap_or_default())
                });
                return agreed(primary, second);
            }
            Extractor::Trafilatura
            | Extractor::TrafilaturaFallback
            | Extractor::TrafilaturaPrecise => {
                let focus = if self == Extractor::TrafilaturaPrecise {
                    trafilatura::ExtractionFocus::FavorPrecision
                } else {
                    trafilatura::ExtractionFocus::Balanced
                };
                let options = trafilatura::Options::default()
                    .with_fallback(self != Extractor::Trafilatura)
                    .with_focus(focus);
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
/// the two found different things.
const MIN_CONFIRMED_SHARE: f64 = 0.3;

/// When the two disagree, `second` is taken instead of `primary` if at least
/// this share of its words is confirmed by `primary`: it found the core of
/// what `primary` found, without the rest.
const CORE_SHARE: f64 = 0.7;

fn word_count(paragraph: &str) -> usize {
    paragraph.split_whitespace().count()
}

/// Paragraphs shorter than this (in letters and digits) are confirmed only by
/// an identical paragraph, not by appearing inside a longer one: a lone
/// "Politics" is found inside any text about politics.
const MIN_CONTAINED_KEY_CHARS: usize = 20;

fn normalise(paragraph: &str) -> String {
    paragraph
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// For each paragraph, the paragraph of `other` that holds it too (ignoring
/// case, punctuation and white space), if any.
fn matches_in(paragraphs: &[String], other: &[String]) -> Vec<Option<usize>> {
    let other_keys: Vec<String> = other.iter().map(|p| normalise(p)).collect();
    paragraphs
        .iter()
        .map(|p| {
            let key = normalise(p);
            if key.chars().count() >= MIN_CONTAINED_KEY_CHARS {
                other_keys.iter().position(|k| k.contains(&key))
            } else if key.is_empty() {
                None
            } else {
                other_keys.iter().position(|k| *k == key)
            }
        })
        .collect()
}

/// For each paragraph, whether `other` holds it too.
fn confirmed_by(paragraphs: &[String], other: &[String]) -> Vec<bool> {
    matches_in(paragraphs, other)
        .iter()
        .map(Option::is_some)
        .collect()
}

/// The share of the words of `paragraphs` that are in confirmed paragraphs.
fn confirmed_share(paragraphs: &[String], confirmed: &[bool]) -> f64 {
    let total: usize = paragraphs.iter().map(|p| word_count(p)).sum();
    let kept: usize = paragraphs
        .iter()
        .zip(confirmed)
        .filter(|(_, &c)| c)
        .map(|(p, _)| word_count(p))
        .sum();
    if total == 0 {
        0.0
    } else {
        kept as f64 / total as f64
    }
}

/// Trims `primary`'s output to the stretch that `second` confirms.
///
/// Boilerplate that survives an extractor sits mostly before the article
/// (breadcrumbs, share prompts) or after it (related links, sign-up boxes).
/// A paragraph is confirmed when the second extractor found it too; between
/// the first and the last confirmed paragraph everything is kept, outside
/// that stretch only long paragraphs that adjoin it are. When the two found
/// different things, the one whose text the other confirms is kept.
pub fn agreed(primary: Vec<String>, second: Vec<String>) -> Vec<String> {
    let matches = matches_in(&primary, &second);
    let confirmed: Vec<bool> = matches.iter().map(Option::is_some).collect();
    if confirmed_share(&primary, &confirmed) < MIN_CONFIRMED_SHARE {
        let second_core = confirmed_share(&second, &confirmed_by(&second, &primary)) >= CORE_SHARE;
        return if second_core { second } else { primary };
    }
    let first = confirmed.iter().position(|&c| c).unwrap_or(0);
    let last = confirmed.iter().rposition(|&c| c).unwrap_or(0);
    // Outside the confirmed stretch, long paragraphs are kept only while they
    // follow on from it: past the first dropped one lies the page's furniture.
    let long = |p: &&String| word_count(p) >= SELF_EVIDENT_WORDS;
    let start = first - primary[..first].iter().rev().take_while(long).count();
    let end = last + 1 + primary[last + 1..].iter().take_while(long).count();
    // Long paragraphs that `second` has just before the stretch both
    // confirm, and `primary` lacks, open the article (a lede the primary
    // extractor left out): they are kept, as `primary`'s own would be.
    let second_confirmed = confirmed_by(&second, &primary);
    let mut out: Vec<String> = match second_confirmed.iter().position(|&c| c) {
        Some(j) if matches[start..].iter().flatten().next() == Some(&j) => {
            let leading = second[..j].iter().rev().take_while(|p| long(p)).count();
            second[j - leading..j].to_vec()
        }
        _ => Vec::new(),
    };
    // A confirmed paragraph that `second` has in a longer form (the primary
    // extractor broke it at a link, or dropped part of it) is taken whole
    // from `second`, once.
    let mut last_taken: Option<usize> = None;
    for (paragraph, &matched) in primary[start..end].iter().zip(&matches[start..end]) {
        match matched {
            Some(j) if last_taken == Some(j) => {}
            Some(j) if second[j].len() > paragraph.len() => {
                out.push(second[j].clone());
                last_taken = Some(j);
            }
            _ => {
                let inside_taken = last_taken
                    .is_some_and(|j| normalise(&second[j]).contains(&normalise(paragraph)));
                if !inside_taken {
                    out.push(paragraph.clone());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    const LEDE: &str = "The regional water board closed three reservoirs on Thursday after \
        routine tests found traces of a farm pesticide above the legal limit, leaving about \
        forty thousand homes in the valley on bottled water for what officials said could be \
        the rest of the week.";
    const BODY: [&str; 3] = [
        "Tests at the Lindvall plant showed levels four times the limit, the board said.",
        "Farmers upstream said they had followed the rules on spraying this spring.",
        "The board expects new results on Monday and will reopen the reservoirs in turn.",
    ];

    #[test]
    fn a_lede_only_the_second_extractor_found_opens_the_article() {
        let primary = paragraphs(&BODY);
        let mut second = paragraphs(&["Advertisement", LEDE]);
        second.extend(paragraphs(&BODY));
        let article = agreed(primary, second);
        assert_eq!(article[0], LEDE);
        assert_eq!(article[1..], BODY);
    }

    #[test]
    fn a_short_line_before_the_article_stays_out() {
        let primary = paragraphs(&BODY);
        let mut second = paragraphs(&["Share this story on social media"]);
        second.extend(paragraphs(&BODY));
        assert_eq!(agreed(primary, second), BODY);
    }
}
