//! An article page's metadata: JSON-LD (NewsArticle and kin) first, then
//! OpenGraph and other `<meta>` tags, then `<time>`, `<title>` and `lang`.

use scraper::{Html, Selector};
use serde_json::Value;

use crate::article::{normalise_language_tag, Metadata};

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// Reads the metadata of a parsed page.
pub fn read(document: &Html) -> Metadata {
    let json_ld = json_ld_article(document);
    let ld = |f: fn(&Value) -> Option<String>| json_ld.as_ref().and_then(f);
    let meta = |keys: &[&str]| meta_content(document, keys);

    Metadata {
        title: ld(|a| text(&a["headline"]))
            .or_else(|| meta(&["og:title", "twitter:title"]))
            .or_else(|| first_text(document, "title")),
        byline: ld(|a| names(&a["author"]))
            .or_else(|| {
                meta(&[
                    "author",
                    "byl",
                    "dc.creator",
                    "parsely-author",
                    "sailthru.author",
                ])
            })
            .map(|b| clean_byline(&b))
            .filter(|b| !b.is_empty() && !b.starts_with("http")),
        date: ld(|a| text(&a["datePublished"]))
            .or_else(|| {
                meta(&[
                    "article:published_time",
                    "datePublished",
                    "pubdate",
                    "publishdate",
                    "date",
                    "dc.date",
                    "dc.date.issued",
                    "parsely-pub-date",
                    "sailthru.date",
                ])
            })
            .or_else(|| attribute(document, "time[datetime]", "datetime"))
            .and_then(|d| iso_date(&d)),
        site: ld(|a| text(&a["publisher"]["name"]))
            .or_else(|| meta(&["og:site_name", "application-name"])),
        url: attribute(document, "link[rel=canonical]", "href")
            .or_else(|| meta(&["og:url"]))
            .or_else(|| ld(|a| text(&a["url"])))
            .filter(|u| u.starts_with("http")),
        language: attribute(document, "html[lang]", "lang")
            .or_else(|| ld(|a| text(&a["inLanguage"])))
            .or_else(|| meta(&["og:locale", "content-language", "language"]))
            .and_then(|tag| normalise_language_tag(&tag)),
        ..Metadata::default()
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this module are valid")
}

fn json_ld_article(document: &Html) -> Option<Value> {
    let scripts = selector(r#"script[type="application/ld+json"]"#);
    document.select(&scripts).find_map(|script| {
        let json: Value = serde_json::from_str(&script.text().collect::<String>()).ok()?;
        find_article(json)
    })
}

/// Finds the first article object in a JSON-LD value, looking into arrays
/// and `@graph`.
fn find_article(value: Value) -> Option<Value> {
    match value {
        Value::Array(items) => items.into_iter().find_map(find_article),
        Value::Object(ref map) => {
            let is_article = match &map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                return Some(value);
            }
            map.get("@graph").cloned().and_then(find_article)
        }
        _ => None,
    }
}

fn text(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Author names from a JSON-LD `author`: a string, a Person, or a list.
fn names(value: &Value) -> Option<String> {
    let list: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(names).collect(),
        Value::Object(_) => text(&value["name"]).into_iter().collect(),
        other => text(other).into_iter().collect(),
    };
    (!list.is_empty()).then(|| list.join(", "))
}

fn meta_content(document: &Html, keys: &[&str]) -> Option<String> {
    let metas = selector("meta[content]");
    keys.iter().find_map(|key| {
        document.select(&metas).find_map(|meta| {
            let el = meta.value();
            let name = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"))?;
            if !name.eq_ignore_ascii_case(key) {
                return None;
            }
            text(&Value::String(el.attr("content")?.to_string()))
        })
    })
}

fn attribute(document: &Html, css: &str, name: &str) -> Option<String> {
    document.select(&selector(css)).find_map(|el| {
        el.value()
            .attr(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    })
}

fn first_text(document: &Html, css: &str) -> Option<String> {
    document
        .select(&selector(css))
        .next()
        .map(|el| {
            el.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty())
}

fn clean_byline(byline: &str) -> String {
    let trimmed = byline.trim();
    let without_by = trimmed
        .strip_prefix("By ")
        .or_else(|| trimmed.strip_prefix("by "))
        .or_else(|| trimmed.strip_prefix("BY "))
        .unwrap_or(trimmed);
    without_by.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keeps a date-time as ISO 8601: the whole value when it is RFC 3339, else
/// its leading `YYYY-MM-DD`.
pub(crate) fn iso_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if time::OffsetDateTime::parse(raw, &time::format_description::well_known::Rfc3339).is_ok() {
        return Some(raw.to_string());
    }
    let day = raw.get(..10)?;
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(day, &format)
        .ok()
        .map(|_| day.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_news_article_comes_first() {
        let html = r#"<html lang="en-GB"><head>
            <title>Port closed | The Harbour Courier</title>
            <meta property="og:title" content="OG headline">
            <meta property="og:site_name" content="The Harbour Courier">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Courier"},
              {"@type":"NewsArticle","headline":"Port closed after pier collapse",
               "author":[{"@type":"Person","name":"Amal Haddad"},{"@type":"Person","name":"Tom Reyes"}],
               "datePublished":"2026-03-14T08:30:00+00:00","publisher":{"name":"Harbour Courier"}}]}
            </script></head><body></body></html>"#;
        let meta = read(&Html::parse_document(html));
        assert_eq!(
            meta.title.as_deref(),
            Some("Port closed after pier collapse")
        );
        assert_eq!(meta.byline.as_deref(), Some("Amal Haddad, Tom Reyes"));
        assert_eq!(meta.date.as_deref(), Some("2026-03-14T08:30:00+00:00"));
        assert_eq!(meta.site.as_deref(), Some("Harbour Courier"));
        assert_eq!(meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn opengraph_meta_and_time_fill_in_without_json_ld() {
        let html = r#"<html><head>
            <meta property="og:title" content="Talks to resume">
            <meta property="og:site_name" content="Gulf Wire">
            <meta name="author" content="By Sara Lindqvist">
            <link rel="canonical" href="https://gulfwire.example/talks-resume">
            </head><body><time datetime="2026-05-03">3 May</time></body></html>"#;
        let meta = read(&Html::parse_document(html));
        assert_eq!(meta.title.as_deref(), Some("Talks to resume"));
        assert_eq!(meta.site.as_deref(), Some("Gulf Wire"));
        assert_eq!(meta.byline.as_deref(), Some("Sara Lindqvist"));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://gulfwire.example/talks-resume")
        );
        assert_eq!(meta.date.as_deref(), Some("2026-05-03"));
    }

    #[test]
    fn damaged_json_ld_is_skipped_not_fatal() {
        let html = r#"<html><head><title>Plain title</title>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            </head></html>"#;
        assert_eq!(
            read(&Html::parse_document(html)).title.as_deref(),
            Some("Plain title")
        );
    }

    #[test]
    fn dates_are_kept_only_when_they_are_iso() {
        assert_eq!(
            iso_date("2026-05-03T10:00:00Z").as_deref(),
            Some("2026-05-03T10:00:00Z")
        );
        assert_eq!(iso_date("2026-05-03 10:00").as_deref(), Some("2026-05-03"));
        assert_eq!(iso_date("May 3, 2026"), None);
    }
}
