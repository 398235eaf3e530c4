//! The Internet Archive's Wayback Machine: the availability API and the CDX
//! index to find a capture, and `id_` addresses for its raw bytes.

use serde::Deserialize;
use time::{Date, PrimitiveDateTime};
use url::Url;

use super::{FetchError, Fetcher};

/// Where the Wayback Machine's services answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaybackEndpoints {
    /// The availability API.
    pub availability: Url,
    /// The CDX search API.
    pub cdx: Url,
    /// The prefix of snapshot addresses (ends in `/web/`).
    pub snapshots: Url,
}

impl Default for WaybackEndpoints {
    fn default() -> Self {
        WaybackEndpoints {
            availability: Url::parse("https://archive.org/wayback/available").expect("valid"),
            cdx: Url::parse("https://web.archive.org/cdx/search/cdx").expect("valid"),
            snapshots: Url::parse("https://web.archive.org/web/").expect("valid"),
        }
    }
}

impl WaybackEndpoints {
    /// All three services under one base address, laid out as on
    /// archive.org (for mirrors and test servers).
    pub fn under(base: &Url) -> WaybackEndpoints {
        let at = |path: &str| base.join(path).expect("fixed relative paths join");
        WaybackEndpoints {
            availability: at("wayback/available"),
            cdx: at("cdx/search/cdx"),
            snapshots: at("web/"),
        }
    }
}

/// One capture of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The capture time as the archive writes it, `YYYYMMDDhhmmss`.
    pub timestamp: String,
    /// The capture time, ISO 8601 (UTC).
    pub captured: String,
    /// The address captured.
    pub original: String,
    /// The capture as people view it.
    pub url: Url,
    /// The capture's raw bytes, without the archive's banner.
    pub raw_url: Url,
}

impl Snapshot {
    fn new(
        endpoints: &WaybackEndpoints,
        timestamp: &str,
        original: &str,
    ) -> Result<Self, FetchError> {
        let parsed = PrimitiveDateTime::parse(
            timestamp,
            time::macros::format_description!("[year][month][day][hour][minute][second]"),
        )
        .map_err(|_| {
            FetchError::ArchiveLookup(format!("the capture time “{timestamp}” is not a timestamp"))
        })?;
        let captured = parsed
            .assume_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .expect("UTC times format as RFC 3339");
        let join = |path: String| {
            endpoints
                .snapshots
                .join(&path)
                .map_err(|e| FetchError::ArchiveLookup(e.to_string()))
        };
        Ok(Snapshot {
            timestamp: timestamp.to_string(),
            captured,
            original: original.to_string(),
            url: join(format!("{timestamp}/{original}"))?,
            raw_url: join(format!("{timestamp}id_/{original}"))?,
        })
    }
}

#[derive(Deserialize)]
struct Availability {
    #[serde(default)]
    archived_snapshots: ArchivedSnapshots,
}

#[derive(Deserialize, Default)]
struct ArchivedSnapshots {
    closest: Option<Closest>,
}

#[derive(Deserialize)]
struct Closest {
    #[serde(default)]
    available: bool,
    timestamp: String,
    #[serde(default)]
    status: String,
}

/// A date as the archive writes it, `YYYYMMDD`.
pub(crate) fn archive_date(date: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// The capture of `url` closest to `date`, or the newest good one.
pub(super) async fn closest(
    fetcher: &Fetcher,
    url: &Url,
    date: Option<Date>,
) -> Result<Snapshot, FetchError> {
    let endpoints = &fetcher.config.wayback;
    let mut lookup = endpoints.availability.clone();
    lookup.query_pairs_mut().append_pair("url", url.as_str());
    if let Some(date) = date {
        lookup
            .query_pairs_mut()
            .append_pair("timestamp", &archive_date(date));
    }
    let page = fetcher.page(&lookup, true).await?;
    let answer: Availability = serde_json::from_slice(&page.body).map_err(|e| {
        FetchError::ArchiveLookup(format!("its availability answer is not JSON: {e}"))
    })?;
    if let Some(found) = answer
        .archived_snapshots
        .closest
        .filter(|c| c.available && (c.status.is_empty() || c.status.starts_with('2')))
    {
        return Snapshot::new(endpoints, &found.timestamp, url.as_str());
    }
    let mut query = vec![
        ("url", url.to_string()),
        ("output", "json".into()),
        ("fl", "timestamp,original".into()),
        ("filter", "statuscode:200".into()),
    ];
    match date {
        Some(date) => {
            query.push(("closest", archive_date(date)));
            query.push(("sort", "closest".into()));
            query.push(("limit", "1".into()));
        }
        None => query.push(("limit", "-1".into())),
    }
    let rows = cdx(fetcher, &query).await?;
    let (timestamp, original) = rows.first().ok_or(FetchError::NotArchived)?;
    Snapshot::new(endpoints, timestamp, original)
}

/// Captures whose address starts with `prefix`, between two dates, one per
/// address: `(timestamp, original)`.
pub(crate) async fn listing(
    fetcher: &Fetcher,
    prefix: &str,
    from: Date,
    to: Date,
    limit: usize,
) -> Result<Vec<Snapshot>, FetchError> {
    let query = [
        ("url", prefix.to_string()),
        ("matchType", "prefix".into()),
        ("from", archive_date(from)),
        ("to", archive_date(to)),
        ("output", "json".into()),
        ("fl", "timestamp,original".into()),
        ("filter", "statuscode:200".into()),
        ("filter", "mimetype:text/html".into()),
        ("collapse", "urlkey".into()),
        ("limit", limit.to_string()),
    ];
    cdx(fetcher, &query)
        .await?
        .iter()
        .map(|(timestamp, original)| Snapshot::new(&fetcher.config.wayback, timestamp, original))
        .collect()
}

/// Rows of a CDX answer in JSON output, without its header row.
async fn cdx(
    fetcher: &Fetcher,
    query: &[(&str, String)],
) -> Result<Vec<(String, String)>, FetchError> {
    let mut lookup = fetcher.config.wayback.cdx.clone();
    lookup.query_pairs_mut().extend_pairs(query);
    let page = fetcher.page(&lookup, true).await?;
    if page.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    let rows: Vec<Vec<String>> = serde_json::from_slice(&page.body)
        .map_err(|e| FetchError::ArchiveLookup(format!("its CDX answer is not JSON rows: {e}")))?;
    Ok(rows
        .into_iter()
        .skip(1)
        .filter_map(|row| match row.as_slice() {
            [timestamp, original, ..] => Some((timestamp.clone(), original.clone())),
            _ => None,
        })
        .collect())
}
