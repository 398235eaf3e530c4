//! The records stored in the library's trees. Every field added later must
//! carry `#[serde(default)]` so records written before it still read.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use ts_rs::TS;

/// A publisher known to the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletRecord {
    /// Display name, unique ignoring case.
    pub name: String,
    /// Web domains it publishes on.
    #[serde(default)]
    pub domains: Vec<String>,
    /// Country, ISO 3166-1 alpha-2 where known.
    #[serde(default)]
    pub country: Option<String>,
    /// state, public-service, private or wire.
    #[serde(default)]
    pub ownership: Option<String>,
    /// The researcher's notes.
    #[serde(default)]
    pub notes: String,
}

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleMetadata {
    /// The headline.
    #[serde(default)]
    pub title: Option<String>,
    /// The credited author(s).
    #[serde(default)]
    pub byline: Option<String>,
    /// Publication date, ISO 8601.
    #[serde(default)]
    pub date: Option<String>,
    /// The publisher's site name as the page gives it.
    #[serde(default)]
    pub site: Option<String>,
    /// The canonical address.
    #[serde(default)]
    pub url: Option<String>,
    /// Language code.
    #[serde(default)]
    pub language: Option<String>,
    /// The Internet Archive capture the text came from.
    #[serde(default)]
    pub archive_url: Option<String>,
    /// When that capture was made, ISO 8601.
    #[serde(default)]
    pub archived_at: Option<String>,
}

/// An article to add to the library, as ingest produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArticle {
    /// Title, byline, date, site, URL, language.
    pub meta: ArticleMetadata,
    /// The body text.
    pub text: String,
    /// Where it came from: a file path or URL as the researcher gave it.
    pub origin: String,
    /// Which record of a multi-article file (a WARC), if any.
    pub part: Option<String>,
    /// The raw bytes it was extracted from.
    pub raw: Vec<u8>,
    /// The outlet it is attributed to in the comparison.
    pub outlet: String,
    /// The version of the engine that extracted it.
    pub engine_version: String,
    /// The engine's analysis of it, stored with it under `engine_version`.
    pub analysis: Option<serde_json::Value>,
}

impl NewArticle {
    /// The id the article will have once stored.
    pub fn id(&self) -> String {
        crate::library::article_id(&self.raw, self.part.as_deref())
    }
}

/// A stored article. Its id is derived from its raw bytes (and the part of
/// a multi-article file), so the same page imported twice is one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Stable id: the first 32 hex digits of SHA-256 over the raw bytes and part.
    pub id: String,
    /// SHA-256 of the raw bytes: the key of the blob that holds them.
    pub blob: String,
    /// Title, byline and the rest.
    pub meta: ArticleMetadata,
    /// The body text.
    pub text: String,
    /// The file path or URL it came from.
    pub origin: String,
    /// The record of a multi-article file it came from, if any.
    #[serde(default)]
    pub part: Option<String>,
    /// The engine version that extracted the text.
    pub engine_version: String,
    /// When it was first imported.
    #[serde(with = "time::serde::rfc3339")]
    pub imported_at: OffsetDateTime,
}

/// An article's place in a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The article's id.
    pub article: String,
    /// The outlet it stands for in this comparison.
    pub outlet: String,
}

/// A comparison as stored (schema 2).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ComparisonRecord {
    /// Stable id, a UUID v7.
    pub id: String,
    /// The researcher's name for it.
    pub name: String,
    /// Free-text description.
    #[serde(default)]
    pub description: String,
    /// The researcher's tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Its articles, in the order they were added.
    #[serde(default)]
    pub members: Vec<Member>,
    /// When it was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When it last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl ComparisonRecord {
    /// The distinct outlets of its articles, in the order first added.
    pub fn outlets(&self) -> Vec<String> {
        let mut outlets: Vec<String> = Vec::new();
        for member in &self.members {
            if !outlets.contains(&member.outlet) {
                outlets.push(member.outlet.clone());
            }
        }
        outlets
    }
}

/// An analysis of one article, tagged with the engine version that made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisRecord {
    /// The engine version that produced it.
    pub engine_version: String,
    /// When it was produced.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The analysis itself, as the engine serialises it.
    pub analysis: serde_json::Value,
}

/// One entry of a comparison's corrections log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectionRecord {
    /// When the researcher made it.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The correction, as the comparison engine serialises it.
    pub correction: serde_json::Value,
}

/// The headers of a fetched response that conditional requests need.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchValidators {
    /// The response's ETag.
    #[serde(default)]
    pub etag: Option<String>,
    /// The response's Last-Modified.
    #[serde(default)]
    pub last_modified: Option<String>,
    /// The response's Content-Type.
    #[serde(default)]
    pub content_type: Option<String>,
}

/// What the fetcher remembers about a URL for conditional requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchCacheEntry {
    /// The response's validators and type.
    #[serde(flatten)]
    pub validators: FetchValidators,
    /// The blob holding the body.
    pub blob: String,
    /// When it was fetched.
    #[serde(with = "time::serde::rfc3339")]
    pub fetched_at: OffsetDateTime,
}
