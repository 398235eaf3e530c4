//! Fetching web pages politely: a clear User-Agent, per-host rate limits,
//! robots.txt, capped and timed responses, retries that honour
//! `Retry-After`, conditional requests through a cache, and the Internet
//! Archive when a page has gone.

mod error;
mod robots;
pub(crate) mod wayback;

use std::collections::HashSet;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use futures_util::future::join_all;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::StatusCode;
use serde::Serialize;
use tokio::sync::mpsc::UnboundedSender;
use tokio::sync::Semaphore;
use ts_rs::TS;
use url::Url;

pub use error::FetchError;
pub use robots::robots_allows;
pub use wayback::{Snapshot, WaybackEndpoints};

use crate::article::Article;
use crate::error::{IngestError, Problem};
use crate::formats::read_bytes;
use crate::html;
use crate::Origin;
use robots::RobotsCache;

/// How the fetcher behaves. [`FetchConfig::default`] is what SourceLens uses
/// on the real web.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Sent with every request.
    pub user_agent: String,
    /// How long to wait for a connection.
    pub connect_timeout: Duration,
    /// How long to wait between bytes of a response.
    pub read_timeout: Duration,
    /// How long one request may take in all.
    pub total_timeout: Duration,
    /// The most bytes read of one response, after decompression.
    pub max_body_bytes: u64,
    /// The most redirects followed for one address.
    pub max_redirects: usize,
    /// The pause between two requests to the same host.
    pub per_host_interval: Duration,
    /// How many addresses are fetched at once.
    pub concurrency: usize,
    /// How many times a 429 or 5xx answer is retried.
    pub retries: u32,
    /// The first pause before a retry; it doubles each time.
    pub backoff: Duration,
    /// The longest pause a `Retry-After` header may ask for.
    pub max_retry_wait: Duration,
    /// Where the Internet Archive answers.
    pub wayback: WaybackEndpoints,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: format!(
                "SourceLens/{} (media-bias research; +https://github.com/sourcelens/sourcelens)",
                env!("CARGO_PKG_VERSION")
            ),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(60),
            max_body_bytes: 20 * 1024 * 1024,
            max_redirects: 10,
            per_host_interval: Duration::from_secs(1),
            concurrency: 6,
            retries: 3,
            backoff: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(60),
            wayback: WaybackEndpoints::default(),
        }
    }
}

/// A response the cache remembers, for conditional requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedResponse {
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// Where fetched pages are remembered between runs. Failures to read or
/// write the cache never fail a fetch.
pub trait FetchCache: Send + Sync {
    /// What is remembered for an address.
    fn lookup(&self, url: &str) -> Option<CachedResponse>;
    /// Remembers a response for an address.
    fn remember(&self, url: &str, response: &CachedResponse);
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Page {
    /// The address asked for.
    pub requested: Url,
    /// The address the page came from, after redirects.
    pub url: Url,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub body: Vec<u8>,
    /// True when the server said the cached copy is still current.
    pub from_cache: bool,
}

/// What the researcher asked for when fetching an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchOptions {
    /// Fetch even where robots.txt forbids it (for addresses the researcher
    /// typed).
    pub ignore_robots: bool,
    /// Whether and how to use the Internet Archive.
    pub archive: ArchiveChoice,
}

/// Reads a calendar day written `YYYY-MM-DD` (an archive date, a search
/// window's end); the error says how to write it.
pub fn parse_day(raw: &str) -> Result<time::Date, String> {
    let raw = raw.trim();
    time::Date::parse(
        raw,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| format!("“{raw}” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14"))
}

/// When the Internet Archive is used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ArchiveChoice {
    /// When the live page is gone (404, 410) or no longer holds an article.
    #[default]
    WhenGone,
    /// Always: the copy captured closest to this date (`YYYY-MM-DD`).
    ClosestTo(time::Date),
    /// Never.
    Never,
}

/// Where one address has got to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "stage", rename_all = "camelCase")]
pub enum Stage {
    /// Waiting for a free slot.
    Queued,
    /// Being downloaded.
    Fetching,
    /// Being looked up in the Internet Archive.
    Archive,
    /// Its text is being extracted.
    Extracting,
    /// Done.
    Done {
        /// The article's headline, when it has one.
        title: Option<String>,
    },
    /// Failed.
    Failed {
        /// A short stable identifier of the problem.
        code: String,
        /// What went wrong and what to do.
        message: String,
    },
}

/// A progress report about one address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    /// The address as given.
    pub url: String,
    /// Where it has got to.
    #[serde(flatten)]
    pub stage: Stage,
}

/// Fetches pages and articles. One fetcher is shared by everything that
/// fetches, so its rate limits hold across all of it.
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
    limiter: DefaultKeyedRateLimiter<String>,
    robots: RobotsCache,
    cache: Option<Arc<dyn FetchCache>>,
    /// One permit per address being fetched at once.
    slots: Semaphore,
}

impl Fetcher {
    /// A fetcher with this configuration and no cache.
    pub fn new(config: FetchConfig) -> Fetcher {
        // reqwest is built without a TLS provider of its own; an error only
        // means one is installed already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            .timeout(config.total_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("the HTTP client's fixed settings are valid");
        let interval = config.per_host_interval.max(Duration::from_nanos(1));
        let quota = Quota::with_period(interval)
            .expect("the interval is not zero")
            .allow_burst(NonZeroU32::MIN);
        Fetcher {
            client,
            limiter: RateLimiter::keyed(quota),
            robots: RobotsCache::default(),
            cache: None,
            slots: Semaphore::new(config.concurrency.max(1)),
            config,
        }
    }

    /// The same fetcher, remembering pages in `cache`.
    pub fn with_cache(mut self, cache: Arc<dyn FetchCache>) -> Fetcher {
        self.cache = Some(cache);
        self
    }

    /// The configuration in use.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// Fetches one page, following redirects and checking robots.txt at
    /// every hop unless `ignore_robots`. Any non-2xx final status is an
    /// error.
    pub async fn page(&self, url: &Url, ignore_robots: bool) -> Result<Page, FetchError> {
        let cached = self.cache.as_ref().and_then(|c| c.lookup(url.as_str()));
        let mut visited = HashSet::new();
        let mut current = url.clone();
        loop {
            if !matches!(current.scheme(), "http" | "https") {
                return Err(FetchError::BadRedirect(current.to_string()));
            }
            if !visited.insert(current.to_string()) {
                return Err(FetchError::RedirectLoop(current.to_string()));
            }
            if visited.len() > self.config.max_redirects + 1 {
                return Err(FetchError::TooManyRedirects(self.config.max_redirects));
            }
            if !ignore_robots {
                self.robots.check(self, &current).await?;
            }
            let validators = cached.as_ref().filter(|_| current == *url);
            let response = self.send(&current, validators).await?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let location = response
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|l| l.to_str().ok())
                    .ok_or_else(|| {
                        FetchError::BadRedirect("nowhere (no Location header)".into())
                    })?;
                current = current
                    .join(location)
                    .map_err(|_| FetchError::BadRedirect(location.to_string()))?;
                continue;
            }
            if status == StatusCode::NOT_MODIFIED {
                if let Some(cached) = validators {
                    return Ok(Page {
                        requested: url.clone(),
                        url: current,
                        content_type: cached.content_type.clone(),
                        body: cached.body.clone(),
                        from_cache: true,
                    });
                }
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    status: status.as_u16(),
                });
            }
            let etag = header_string(response.headers(), header::ETAG);
            let last_modified = header_string(response.headers(), header::LAST_MODIFIED);
            let content_type = header_string(response.headers(), header::CONTENT_TYPE);
            let body = self.read_body(response).await?;
            if let Some(cache) = &self.cache {
                cache.remember(
                    url.as_str(),
                    &CachedResponse {
                        etag,
                        last_modified,
                        content_type: content_type.clone(),
                        body: body.clone(),
                    },
                );
            }
            return Ok(Page {
                requested: url.clone(),
                url: current,
                content_type,
                body,
                from_cache: false,
            });
        }
    }

    /// One request, waiting for the host's turn and retrying 429 and 5xx
    /// answers with backoff.
    async fn send(
        &self,
        url: &Url,
        validators: Option<&CachedResponse>,
    ) -> Result<reqwest::Response, FetchError> {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let mut headers = HeaderMap::new();
        if let Some(cached) = validators {
            if let Some(v) = cached
                .etag
                .as_deref()
                .and_then(|v| HeaderValue::from_str(v).ok())
            {
                headers.insert(header::IF_NONE_MATCH, v);
            }
            if let Some(v) = cached
                .last_modified
                .as_deref()
                .and_then(|v| HeaderValue::from_str(v).ok())
            {
                headers.insert(header::IF_MODIFIED_SINCE, v);
            }
        }
        let mut attempt = 0;
        loop {
            self.limiter.until_key_ready(&host).await;
            let response = self
                .client
                .get(url.clone())
                .headers(headers.clone())
                .send()
                .await
                .map_err(|e| self.transport_error(e))?;
            let status = response.status();
            let retryable = status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
            if !retryable || attempt >= self.config.retries {
                return match status {
                    StatusCode::TOO_MANY_REQUESTS => Err(FetchError::RateLimited {
                        retry_after: retry_after(response.headers()).map(|d| d.as_secs()),
                    }),
                    _ => Ok(response),
                };
            }
            let backoff = self.config.backoff * 2u32.saturating_pow(attempt);
            let wait = retry_after(response.headers()).unwrap_or(backoff);
            if wait > self.config.max_retry_wait {
                return Err(FetchError::RateLimited {
                    retry_after: Some(wait.as_secs()),
                });
            }
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    async fn read_body(&self, mut response: reqwest::Response) -> Result<Vec<u8>, FetchError> {
        let cap = self.config.max_body_bytes;
        let compressed = response.headers().contains_key(header::CONTENT_ENCODING);
        if !compressed && response.content_length().is_some_and(|len| len > cap) {
            return Err(FetchError::TooLarge(cap));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.body_error(e))? {
            if (body.len() + chunk.len()) as u64 > cap {
                return Err(FetchError::TooLarge(cap));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn transport_error(&self, error: reqwest::Error) -> FetchError {
        if error.is_timeout() {
            FetchError::Timeout(self.config.total_timeout.min(self.config.read_timeout))
        } else {
            FetchError::Unreachable(error_chain(&error))
        }
    }

    fn body_error(&self, error: reqwest::Error) -> FetchError {
        if error.is_timeout() {
            FetchError::Timeout(self.config.read_timeout)
        } else {
            FetchError::BadBody(error_chain(&error))
        }
    }

    /// Fetches an article: the live page, or the Internet Archive's copy
    /// when the page has gone or the researcher asked for a date.
    pub async fn article(&self, raw: &str, options: &FetchOptions) -> Result<Article, IngestError> {
        self.article_reporting(raw, options, &Reporter { url: raw, tx: None })
            .await
    }

    async fn article_reporting(
        &self,
        raw: &str,
        options: &FetchOptions,
        reporter: &Reporter<'_>,
    ) -> Result<Article, IngestError> {
        let fail = |e: FetchError| IngestError::new(raw, Problem::Fetch(e));
        let url = Url::parse(raw.trim()).map_err(|e| {
            IngestError::new(
                raw,
                Problem::BadInput(crate::InputError::BadUrl {
                    input: raw.to_string(),
                    reason: e.to_string(),
                }),
            )
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(IngestError::new(
                raw,
                Problem::BadInput(crate::InputError::UnsupportedScheme {
                    input: raw.to_string(),
                    scheme: url.scheme().to_string(),
                }),
            ));
        }
        if let ArchiveChoice::ClosestTo(date) = options.archive {
            reporter.report(Stage::Archive);
            return self.archived_article(raw, &url, Some(date)).await;
        }
        reporter.report(Stage::Fetching);
        let live = match self.page(&url, options.ignore_robots).await {
            Ok(page) => page,
            Err(FetchError::Status {
                status: status @ (404 | 410),
            }) if options.archive == ArchiveChoice::WhenGone => {
                reporter.report(Stage::Archive);
                return self
                    .archived_article(raw, &url, None)
                    .await
                    .map_err(|e| match e.problem {
                        Problem::Fetch(FetchError::NotArchived) => {
                            fail(FetchError::GoneNotArchived { status })
                        }
                        _ => e,
                    });
            }
            Err(e) => return Err(fail(e)),
        };
        reporter.report(Stage::Extracting);
        match article_from_page(raw, &live) {
            Err(e)
                if matches!(e.problem, Problem::NoArticle { .. })
                    && options.archive == ArchiveChoice::WhenGone =>
            {
                reporter.report(Stage::Archive);
                self.archived_article(raw, &url, None).await.map_err(|_| e)
            }
            other => other,
        }
    }

    async fn archived_article(
        &self,
        raw: &str,
        url: &Url,
        date: Option<time::Date>,
    ) -> Result<Article, IngestError> {
        let fail = |e: FetchError| IngestError::new(raw, Problem::Fetch(e));
        let snapshot = wayback::closest(self, url, date).await.map_err(fail)?;
        let page = self.page(&snapshot.raw_url, true).await.map_err(fail)?;
        let mut article = article_from_page(raw, &page)?;
        article.meta.url = Some(url.to_string());
        article.meta.archive_url = Some(snapshot.url.to_string());
        article.meta.archived_at = Some(snapshot.captured.clone());
        Ok(article)
    }

    /// Fetches many articles, a few at a time, reporting each address's
    /// progress on `progress` (when given). Results come back in the order
    /// of `urls`.
    pub async fn articles(
        &self,
        urls: &[String],
        options: &FetchOptions,
        progress: Option<UnboundedSender<Progress>>,
    ) -> Vec<Result<Article, IngestError>> {
        let reporters: Vec<Reporter<'_>> = urls
            .iter()
            .map(|url| Reporter {
                url,
                tx: progress.as_ref(),
            })
            .collect();
        for reporter in &reporters {
            reporter.report(Stage::Queued);
        }
        let mut fetches = Vec::with_capacity(reporters.len());
        for reporter in &reporters {
            fetches.push(self.reported_article(reporter, options));
        }
        join_all(fetches).await
    }

    async fn reported_article(
        &self,
        reporter: &Reporter<'_>,
        options: &FetchOptions,
    ) -> Result<Article, IngestError> {
        let result = {
            let _slot = self
                .slots
                .acquire()
                .await
                .expect("the fetcher never closes its semaphore");
            self.article_reporting(reporter.url, options, reporter)
                .await
        };
        reporter.report(match &result {
            Ok(article) => Stage::Done {
                title: article.meta.title.clone(),
            },
            Err(e) => Stage::Failed {
                code: e.code().to_string(),
                message: e.to_string(),
            },
        });
        result
    }
}

/// Tells whoever listens how one address is getting on.
struct Reporter<'a> {
    url: &'a str,
    tx: Option<&'a UnboundedSender<Progress>>,
}

impl Reporter<'_> {
    fn report(&self, stage: Stage) {
        if let Some(tx) = self.tx {
            // A listener that has gone away is not the fetch's problem.
            let _ = tx.send(Progress {
                url: self.url.to_string(),
                stage,
            });
        }
    }
}

/// Reads the article in a fetched page: HTML by its header's charset, any
/// other format (a PDF link, say) by its bytes.
fn article_from_page(name: &str, page: &Page) -> Result<Article, IngestError> {
    let origin = Origin::Url {
        url: page.url.to_string(),
    };
    let is_html = page
        .content_type
        .as_deref()
        .is_none_or(|t| t.contains("html"));
    let mut article = if is_html {
        html::read_page(name, &page.body, page.content_type.as_deref(), origin)?
    } else {
        let file_name = page
            .url
            .path_segments()
            .and_then(|mut s| s.next_back())
            .filter(|s| !s.is_empty())
            .unwrap_or(name);
        read_bytes(file_name, &page.body, origin)
            .map_err(|e| IngestError::new(name, e.problem))?
            .into_iter()
            .next()
            .ok_or_else(|| IngestError::new(name, Problem::NoArticle { hint: None }))?
    };
    if article.meta.url.is_none() {
        article.meta.url = Some(page.url.to_string());
    }
    Ok(article)
}

fn header_string(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// A `Retry-After` header as a pause: seconds, or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// The error and its causes, joined: reqwest's own message is often just
/// "error sending request".
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_as_year_month_day_and_anything_else_says_how_to_write_it() {
        assert_eq!(
            parse_day(" 2026-03-14 "),
            Ok(time::macros::date!(2026 - 03 - 14))
        );
        for bad in ["14/03/2026", "2026-02-30", "March 14", ""] {
            let message = parse_day(bad).unwrap_err();
            assert!(message.contains("YYYY-MM-DD"), "{bad}: {message}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(
            header::RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);
    }
}
