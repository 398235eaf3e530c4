use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use sourcelens_ingest::fetch::{
    ArchiveChoice, CachedResponse, FetchCache, FetchConfig, FetchError, FetchOptions, Fetcher,
    Progress, Stage, WaybackEndpoints,
};
use sourcelens_ingest::Problem;
use url::Url;

use crate::server::Server;

/// Settings small enough for tests: short timeouts and pauses, a 1 MB cap.
fn config(server: &Server) -> FetchConfig {
    FetchConfig {
        read_timeout: Duration::from_millis(500),
        total_timeout: Duration::from_secs(5),
        max_body_bytes: 1024 * 1024,
        max_redirects: 5,
        per_host_interval: Duration::from_millis(1),
        backoff: Duration::from_millis(20),
        max_retry_wait: Duration::from_secs(5),
        retries: 2,
        wayback: WaybackEndpoints::under(&server.base),
        ..FetchConfig::default()
    }
}

async fn setup() -> (Server, Fetcher) {
    let server = Server::start(Router::new()).await;
    let fetcher = Fetcher::new(config(&server));
    (server, fetcher)
}

fn fetch_error(
    result: Result<sourcelens_ingest::Article, sourcelens_ingest::IngestError>,
) -> FetchError {
    match result {
        Err(e) => match e.problem {
            Problem::Fetch(f) => f,
            other => panic!("not a fetch error: {other}"),
        },
        Ok(a) => panic!("fetched {:?}", a.meta.title),
    }
}

#[tokio::test]
async fn an_article_is_fetched_with_its_metadata_and_a_clear_user_agent() {
    let (server, fetcher) = setup().await;
    let article = fetcher
        .article(&server.url("/article"), &FetchOptions::default())
        .await
        .unwrap();
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Dockworkers strike shuts Port Hallam for second day")
    );
    assert!(article.text.contains("Port Hallam"));
    assert_eq!(article.meta.archive_url, None);
    let hit = &server.hits("/article")[0];
    let agent = hit.headers["user-agent"].to_str().unwrap();
    assert!(
        agent.starts_with("SourceLens/") && agent.contains("research"),
        "{agent}"
    );
    assert!(hit.headers["accept-encoding"]
        .to_str()
        .unwrap()
        .contains("br"));
}

#[tokio::test]
async fn robots_txt_is_read_once_per_site_and_obeyed() {
    let (server, fetcher) = setup().await;
    let options = FetchOptions::default();
    let error = fetch_error(
        fetcher
            .article(&server.url("/no-sourcelens/story"), &options)
            .await,
    );
    assert_eq!(error.code(), "robots_disallowed");
    assert!(error.to_string().contains("robots.txt"), "{error}");
    fetcher
        .article(&server.url("/article"), &options)
        .await
        .unwrap();
    assert_eq!(server.hits("/robots.txt").len(), 1);
    assert!(server.hits("/no-sourcelens/story").is_empty());
}

#[tokio::test]
async fn a_researcher_can_override_robots_for_a_page_they_chose() {
    let (server, fetcher) = setup().await;
    let options = FetchOptions {
        ignore_robots: true,
        ..FetchOptions::default()
    };
    fetcher
        .article(&server.url("/private/memo"), &options)
        .await
        .unwrap();
    assert_eq!(server.hits("/private/memo").len(), 1);
}

#[tokio::test]
async fn a_silent_server_times_out_with_a_clear_error() {
    let (server, fetcher) = setup().await;
    let error = fetch_error(
        fetcher
            .article(&server.url("/slow"), &FetchOptions::default())
            .await,
    );
    assert_eq!(error.code(), "timeout", "{error}");
    assert!(error.to_string().contains("try again later"));
}

#[tokio::test]
async fn a_429_is_retried_after_the_pause_the_server_asks_for() {
    let (server, fetcher) = setup().await;
    fetcher
        .article(&server.url("/busy"), &FetchOptions::default())
        .await
        .unwrap();
    let hits = server.hits("/busy");
    assert_eq!(hits.len(), 2);
    assert!(
        hits[1].at - hits[0].at >= Duration::from_millis(950),
        "{:?}",
        hits[1].at - hits[0].at
    );
}

#[tokio::test]
async fn a_retry_after_longer_than_the_cap_fails_at_once() {
    let (server, fetcher) = setup().await;
    let error = fetch_error(
        fetcher
            .article(&server.url("/always-busy"), &FetchOptions::default())
            .await,
    );
    assert_eq!(
        error,
        FetchError::RateLimited {
            retry_after: Some(3600)
        }
    );
    assert_eq!(server.hits("/always-busy").len(), 1);
}

#[tokio::test]
async fn server_errors_are_retried_with_backoff_then_reported() {
    let (server, fetcher) = setup().await;
    fetcher
        .article(&server.url("/flaky"), &FetchOptions::default())
        .await
        .unwrap();
    assert_eq!(server.hits("/flaky").len(), 3);

    let error = fetch_error(
        fetcher
            .article(&server.url("/broken"), &FetchOptions::default())
            .await,
    );
    assert_eq!(error, FetchError::Status { status: 500 });
    assert_eq!(server.hits("/broken").len(), 3, "one try and two retries");
}

#[tokio::test]
async fn redirects_are_followed_but_loops_and_long_chains_are_not() {
    let (server, fetcher) = setup().await;
    let options = FetchOptions::default();
    let article = fetcher
        .article(&server.url("/moved"), &options)
        .await
        .unwrap();
    assert!(article.text.contains("Port Hallam"));

    let error = fetch_error(fetcher.article(&server.url("/loop-a"), &options).await);
    assert_eq!(error.code(), "redirect_loop", "{error}");
    assert_eq!(server.hits("/loop-a").len(), 1);

    let error = fetch_error(fetcher.article(&server.url("/chain/1"), &options).await);
    assert_eq!(error, FetchError::TooManyRedirects(5));

    let error = fetch_error(fetcher.article(&server.url("/to-file"), &options).await);
    assert_eq!(error.code(), "bad_redirect", "{error}");
}

#[tokio::test]
async fn oversized_bodies_and_gzip_bombs_stop_at_the_cap() {
    let (server, fetcher) = setup().await;
    for path in ["/huge", "/bomb"] {
        let error = fetch_error(
            fetcher
                .article(&server.url(path), &FetchOptions::default())
                .await,
        );
        assert_eq!(error, FetchError::TooLarge(1024 * 1024), "{path}");
        assert!(error.to_string().contains("1 MB"), "{error}");
    }
}

#[tokio::test]
async fn a_page_wrongly_declared_utf8_is_still_read_correctly() {
    let (server, fetcher) = setup().await;
    let article = fetcher
        .article(&server.url("/latin"), &FetchOptions::default())
        .await
        .unwrap();
    assert!(
        article.text.contains("\u{201c}We are not against turbines"),
        "{}",
        article.text
    );
    assert!(!article.text.contains('\u{fffd}'));
}

#[tokio::test]
async fn a_page_without_an_article_says_so() {
    let (server, fetcher) = setup().await;
    let options = FetchOptions {
        archive: ArchiveChoice::Never,
        ..FetchOptions::default()
    };
    let error = fetcher
        .article(&server.url("/menu"), &options)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "no_article", "{error}");
}

#[tokio::test]
async fn a_dead_page_comes_from_the_archive_and_says_so() {
    let (server, fetcher) = setup().await;
    let url = server.url("/gone");
    let article = fetcher
        .article(&url, &FetchOptions::default())
        .await
        .unwrap();
    assert_eq!(article.meta.url.as_deref(), Some(url.as_str()));
    assert_eq!(
        article.meta.archived_at.as_deref(),
        Some("2026-01-10T08:30:00Z")
    );
    assert_eq!(
        article.meta.archive_url,
        Some(server.url(&format!("/web/20260110083000/{url}")))
    );
    let raw_capture = format!("/web/20260110083000id_/{url}");
    assert_eq!(
        server.hits(&raw_capture).len(),
        1,
        "the raw id_ capture is fetched"
    );
}

#[tokio::test]
async fn a_page_that_lost_its_article_falls_back_to_the_cdx_capture() {
    let (server, fetcher) = setup().await;
    let article = fetcher
        .article(&server.url("/menu"), &FetchOptions::default())
        .await
        .unwrap();
    assert_eq!(
        article.meta.archived_at.as_deref(),
        Some("2025-12-01T10:15:00Z")
    );
    assert!(article.text.contains("Port Hallam"));
    assert_eq!(server.hits("/cdx/search/cdx").len(), 1);
}

#[tokio::test]
async fn the_copy_closest_to_a_date_can_be_asked_for() {
    let (server, fetcher) = setup().await;
    let options = FetchOptions {
        archive: ArchiveChoice::ClosestTo(time::macros::date!(2024 - 03 - 01)),
        ..FetchOptions::default()
    };
    let article = fetcher
        .article(&server.url("/gone"), &options)
        .await
        .unwrap();
    assert_eq!(
        article.meta.archived_at.as_deref(),
        Some("2024-03-05T12:00:00Z")
    );
    assert!(article
        .meta
        .title
        .unwrap()
        .contains("captured 20240305120000"));
    assert!(
        server.hits("/gone").is_empty(),
        "the live page is not asked for"
    );
}

#[tokio::test]
async fn a_dead_page_the_archive_lacks_is_reported_as_gone() {
    let (server, fetcher) = setup().await;
    let error = fetch_error(
        fetcher
            .article(&server.url("/gone-for-good"), &FetchOptions::default())
            .await,
    );
    assert_eq!(error, FetchError::GoneNotArchived { status: 410 });
    assert!(error.to_string().contains("Internet Archive has no copy"));
}

#[tokio::test]
async fn only_http_and_https_addresses_are_fetched() {
    let (_server, fetcher) = setup().await;
    for raw in ["file:///etc/passwd", "ftp://example.org/story"] {
        let error = fetcher
            .article(raw, &FetchOptions::default())
            .await
            .unwrap_err();
        assert_eq!(error.code(), "bad_input", "{raw}");
    }
}

#[derive(Default)]
struct MemoryCache(Mutex<HashMap<String, CachedResponse>>);

impl FetchCache for MemoryCache {
    fn lookup(&self, url: &str) -> Option<CachedResponse> {
        self.0.lock().unwrap().get(url).cloned()
    }
    fn remember(&self, url: &str, response: &CachedResponse) {
        self.0
            .lock()
            .unwrap()
            .insert(url.to_string(), response.clone());
    }
}

#[tokio::test]
async fn a_second_fetch_is_a_conditional_request_answered_from_the_cache() {
    let server = Server::start(Router::new()).await;
    let cache = Arc::new(MemoryCache::default());
    let fetcher = Fetcher::new(config(&server)).with_cache(cache.clone());
    let url = Url::parse(&server.url("/article")).unwrap();
    let first = fetcher.page(&url, false).await.unwrap();
    assert!(!first.from_cache);
    assert_eq!(
        cache.lookup(url.as_str()).unwrap().etag.as_deref(),
        Some("\"v1\"")
    );
    let second = fetcher.page(&url, false).await.unwrap();
    assert!(second.from_cache);
    assert_eq!(second.body, first.body);
    let hits = server.hits("/article");
    assert_eq!(hits.len(), 2);
    assert!(hits[0].headers.get("if-none-match").is_none());
    assert_eq!(hits[1].headers["if-none-match"], "\"v1\"");
}

#[tokio::test]
async fn a_page_with_only_a_date_is_revalidated_with_if_modified_since() {
    let server = Server::start(Router::new()).await;
    let fetcher = Fetcher::new(config(&server)).with_cache(Arc::new(MemoryCache::default()));
    let url = Url::parse(&server.url("/dated")).unwrap();
    assert!(!fetcher.page(&url, false).await.unwrap().from_cache);
    let again = fetcher.page(&url, false).await.unwrap();
    assert!(again.from_cache);
    assert!(String::from_utf8(again.body)
        .unwrap()
        .contains("Port Hallam"));
    let hits = server.hits("/dated");
    assert_eq!(
        hits[1].headers["if-modified-since"],
        "Sat, 14 Mar 2026 09:40:00 GMT"
    );
    assert!(hits[1].headers.get("if-none-match").is_none());
}

#[tokio::test]
async fn requests_to_one_host_are_spaced_by_the_rate_limit() {
    let server = Server::start(Router::new()).await;
    let fetcher = Fetcher::new(FetchConfig {
        per_host_interval: Duration::from_millis(300),
        ..config(&server)
    });
    let urls: Vec<String> = (0..3)
        .map(|n| server.url(&format!("/article?n={n}")))
        .collect();
    for result in fetcher
        .articles(&urls, &FetchOptions::default(), None)
        .await
    {
        result.unwrap();
    }
    let mut times: Vec<_> = server.hits("/article").iter().map(|h| h.at).collect();
    times.extend(server.hits("/robots.txt").iter().map(|h| h.at));
    times.sort();
    assert_eq!(times.len(), 4);
    for pair in times.windows(2) {
        assert!(
            pair[1] - pair[0] >= Duration::from_millis(280),
            "{:?}",
            pair[1] - pair[0]
        );
    }
}

#[tokio::test]
async fn many_addresses_report_progress_and_keep_their_order() {
    let (server, fetcher) = setup().await;
    let urls = vec![
        server.url("/article"),
        server.url("/gone-for-good"),
        server.url("/no-sourcelens/story"),
        server.url("/latin"),
    ];
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Progress>();
    let results = fetcher
        .articles(&urls, &FetchOptions::default(), Some(tx))
        .await;
    assert!(results[0].is_ok());
    assert_eq!(results[1].as_ref().unwrap_err().code(), "gone");
    assert_eq!(results[2].as_ref().unwrap_err().code(), "robots_disallowed");
    assert!(results[3].as_ref().unwrap().text.contains("Brackwater"));

    let mut stages: HashMap<String, Vec<Stage>> = HashMap::new();
    while let Ok(p) = rx.try_recv() {
        stages.entry(p.url).or_default().push(p.stage);
    }
    assert_eq!(stages[&urls[0]][0], Stage::Queued);
    assert_eq!(stages[&urls[0]][1], Stage::Fetching);
    assert_eq!(stages[&urls[0]][2], Stage::Extracting);
    assert!(matches!(
        stages[&urls[0]].last(),
        Some(Stage::Done { title: Some(_) })
    ));
    assert!(stages[&urls[1]].contains(&Stage::Archive));
    assert!(
        matches!(stages[&urls[2]].last(), Some(Stage::Failed { code, .. }) if code == "robots_disallowed")
    );
}

#[tokio::test]
async fn no_more_addresses_than_the_limit_are_fetched_at_once() {
    let server = Server::start(Router::new()).await;
    let fetcher = Fetcher::new(FetchConfig {
        concurrency: 2,
        ..config(&server)
    });
    let urls: Vec<String> = (0..5)
        .map(|n| server.url(&format!("/slow-article?n={n}")))
        .collect();
    let results = fetcher
        .articles(&urls, &FetchOptions::default(), None)
        .await;
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(server.hits("/slow-article").len(), 5);
    assert_eq!(server.most_at_once(), 2);
}
