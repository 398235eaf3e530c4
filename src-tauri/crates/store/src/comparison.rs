use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use ts_rs::TS;

use crate::records::ComparisonRecord;

/// What the library list shows of one saved comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonSummary {
    /// Stable identifier, a UUID v7 (so ids sort by creation time).
    pub id: String,
    /// The name the researcher gave it; unique in the library, ignoring case.
    pub name: String,
    /// Free-text description.
    pub description: String,
    /// How many articles it holds.
    pub article_count: u32,
    /// The outlets of those articles, in the order they were added.
    pub outlets: Vec<String>,
    /// The researcher's tags.
    pub tags: Vec<String>,
    /// When it was created, RFC 3339.
    pub created_at: String,
    /// When it last changed, RFC 3339.
    pub updated_at: String,
}

impl From<&ComparisonRecord> for ComparisonSummary {
    fn from(record: &ComparisonRecord) -> Self {
        let rfc3339 = |t: OffsetDateTime| {
            t.format(&time::format_description::well_known::Rfc3339)
                .expect("UTC timestamps format as RFC 3339")
        };
        ComparisonSummary {
            id: record.id.clone(),
            name: record.name.clone(),
            description: record.description.clone(),
            article_count: u32::try_from(record.members.len()).unwrap_or(u32::MAX),
            outlets: record.outlets(),
            tags: record.tags.clone(),
            created_at: rfc3339(record.created_at),
            updated_at: rfc3339(record.updated_at),
        }
    }
}
