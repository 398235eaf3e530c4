use crate::article::{Article, Origin};
use crate::error::{IngestError, Problem};
use crate::html;

/// A Safari web archive: a property list whose `WebMainResource` holds the
/// page's bytes, address and text encoding.
pub fn read(name: &str, bytes: &[u8], origin: Origin) -> Result<Article, IngestError> {
    let malformed = |detail: String| {
        IngestError::new(
            name,
            Problem::Malformed {
                format: "web archive",
                detail,
            },
        )
    };
    let archive = plist::Value::from_reader(std::io::Cursor::new(bytes))
        .map_err(|e| malformed(e.to_string()))?;
    let main = archive
        .as_dictionary()
        .and_then(|d| d.get("WebMainResource"))
        .and_then(plist::Value::as_dictionary)
        .ok_or_else(|| malformed("it has no WebMainResource".into()))?;
    let data = main
        .get("WebResourceData")
        .and_then(plist::Value::as_data)
        .ok_or_else(|| malformed("its main resource has no data".into()))?;
    let content_type = main
        .get("WebResourceTextEncodingName")
        .and_then(plist::Value::as_string)
        .map(|charset| format!("text/html; charset={charset}"));
    let mut article = html::read_page(name, data, content_type.as_deref(), origin)?;
    article.set_raw(bytes);
    if article.meta.url.is_none() {
        article.meta.url = main
            .get("WebResourceURL")
            .and_then(plist::Value::as_string)
            .filter(|u| u.starts_with("http"))
            .map(str::to_string);
    }
    Ok(article)
}
