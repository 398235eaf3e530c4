use serde::Serialize;
use sha2::{Digest, Sha256};

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Origin {
    /// Fetched from this address.
    Url {
        /// The address.
        url: String,
    },
    /// Read from a file; `part` names the record inside a container such as
    /// a WARC file.
    File {
        /// The path as given.
        path: String,
        /// Which record of the file, when it held several.
        part: Option<String>,
    },
    /// Pasted by the researcher.
    Paste,
}

/// What is known about an article besides its text.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The author(s) as credited.
    pub byline: Option<String>,
    /// Publication date, ISO 8601 (a date or a date-time).
    pub date: Option<String>,
    /// The publisher's site or outlet name.
    pub site: Option<String>,
    /// The canonical address.
    pub url: Option<String>,
    /// ISO 639-1 code where known, else ISO 639-3.
    pub language: Option<String>,
    /// The Internet Archive capture the text came from, when the live page
    /// was gone or an older version was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive_url: Option<String>,
    /// When that capture was made, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
}

/// One outlet's text about an event, with what is known about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Title, byline, date, site, URL and language.
    #[serde(flatten)]
    pub meta: Metadata,
    /// The body text: paragraphs separated by one blank line. For a plain
    /// text file, exactly the file's content.
    pub text: String,
    /// Where it came from.
    #[serde(skip)]
    pub origin: Origin,
    /// SHA-256 of the raw bytes it was extracted from, hex.
    #[serde(skip)]
    pub content_hash: String,
    /// The raw bytes it was extracted from: the file, or for an archive that
    /// holds several articles, the record it came from.
    #[serde(skip)]
    pub raw: Vec<u8>,
}

impl Article {
    /// An article with only a body text, from the given raw bytes.
    pub fn new(text: String, origin: Origin, raw: &[u8]) -> Self {
        Article {
            meta: Metadata::default(),
            text,
            origin,
            content_hash: content_hash(raw),
            raw: raw.to_vec(),
        }
    }

    /// Records that the article came from `raw` (a container around the
    /// bytes it was first extracted from).
    pub(crate) fn set_raw(&mut self, raw: &[u8]) {
        self.content_hash = content_hash(raw);
        self.raw = raw.to_vec();
    }

    /// The body's paragraphs.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }

    /// Fills `language` from the text when no metadata gave it.
    pub(crate) fn detect_language(&mut self) {
        if self.meta.language.is_none() {
            self.meta.language = detect_language(&self.text);
        }
    }
}

/// SHA-256 of `raw`, as lowercase hex.
pub fn content_hash(raw: &[u8]) -> String {
    Sha256::digest(raw)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The language of `text` when whatlang is confident of it.
fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(4000).collect();
    let info = whatlang::detect(&sample).filter(|i| i.is_reliable())?;
    let code = info.lang().code();
    Some(
        isolang::Language::from_639_3(code)
            .and_then(|l| l.to_639_1())
            .map(str::to_string)
            .unwrap_or_else(|| code.to_string()),
    )
}

/// Normalises a language tag such as `en-US` or `EN` to `en`.
pub(crate) fn normalise_language_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (2..=3).contains(&primary.len()).then_some(primary)
}

/// Joins paragraphs into a body text.
pub(crate) fn join_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> String {
    paragraphs
        .iter()
        .map(|p| p.as_ref())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_identifies_the_raw_bytes() {
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"").len(), 64);
    }

    #[test]
    fn english_and_russian_are_recognised() {
        let english = "The ministry said on Tuesday that the port would stay closed until the inspectors had finished their work on the damaged pier.";
        let russian = "Министерство заявило во вторник, что порт останется закрытым, пока инспекторы не закончат работу на повреждённом причале.";
        assert_eq!(detect_language(english).as_deref(), Some("en"));
        assert_eq!(detect_language(russian).as_deref(), Some("ru"));
    }

    #[test]
    fn language_tags_keep_their_primary_subtag() {
        assert_eq!(normalise_language_tag("en-US").as_deref(), Some("en"));
        assert_eq!(normalise_language_tag("FA").as_deref(), Some("fa"));
        assert_eq!(normalise_language_tag(""), None);
    }
}
