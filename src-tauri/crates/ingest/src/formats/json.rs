use serde::Deserialize;

use crate::article::{Article, Origin};
use crate::error::{IngestError, Problem};
use crate::html::metadata::iso_date;

/// The fields SourceLens reads. Exports from news APIs and research tools
/// carry many more (`stories_id`, `notes`, `date_inferred`…): they are
/// ignored, never a reason to refuse the file.
#[derive(Deserialize)]
struct ArticleJson {
    title: Option<String>,
    text: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    date: Option<String>,
    byline: Option<String>,
    language: Option<String>,
}

/// An article JSON file: one object, or an array of objects, with `text`
/// required and `title`, `outlet`, `url`, `date`, `byline`, `language` optional.
pub fn read(name: &str, bytes: &[u8], origin: Origin) -> Result<Vec<Article>, IngestError> {
    let fail = |detail: String| IngestError::new(name, Problem::BadArticleJson(detail));
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| fail(format!("not valid JSON ({e})")))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        object @ serde_json::Value::Object(_) => vec![object],
        _ => return Err(fail("expected an object with a \"text\" field".into())),
    };
    if items.is_empty() {
        return Err(fail("the array holds no articles".into()));
    }
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let at = |detail: String| {
                fail(if index == 0 {
                    detail
                } else {
                    format!("article {}: {detail}", index + 1)
                })
            };
            let parsed: ArticleJson =
                serde_json::from_value(item).map_err(|e| at(e.to_string()))?;
            let text = parsed
                .text
                .filter(|t| !t.trim().is_empty())
                .ok_or_else(|| at("\"text\" is missing or empty".into()))?;
            let mut article = Article::new(text, origin.clone(), bytes);
            article.meta.title = parsed.title;
            article.meta.site = parsed.outlet;
            article.meta.url = parsed.url;
            article.meta.date = parsed.date.as_deref().and_then(iso_date);
            article.meta.byline = parsed.byline;
            article.meta.language = parsed.language;
            article.detect_language();
            Ok(article)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_map_onto_the_article() {
        let json = r#"{"title":"Talks resume","text":"Officials said talks would resume.\n\nMore.","outlet":"Gulf Wire","url":"https://gulfwire.example/a","date":"2026-05-03"}"#;
        let article = &read("a.json", json.as_bytes(), Origin::Paste).unwrap()[0];
        assert_eq!(article.meta.site.as_deref(), Some("Gulf Wire"));
        assert_eq!(article.meta.date.as_deref(), Some("2026-05-03"));
        assert_eq!(article.text, "Officials said talks would resume.\n\nMore.");
    }

    #[test]
    fn missing_text_is_named_and_unknown_fields_are_ignored() {
        let err = read("a.json", br#"{"title":"x"}"#, Origin::Paste).unwrap_err();
        assert!(err.to_string().contains("\"text\" is missing"), "{err}");
        let articles = read("a.json", br#"{"text":"x","headline":"y"}"#, Origin::Paste).unwrap();
        assert_eq!(articles[0].text, "x");
        let err = read("a.json", br#"{"text": "cut off"#, Origin::Paste).unwrap_err();
        assert!(err.to_string().contains("not valid JSON"), "{err}");
    }
}
