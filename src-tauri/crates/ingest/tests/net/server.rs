//! A web server on 127.0.0.1 that plays outlets, robots.txt, the Wayback
//! Machine and GDELT for the fetch and discovery tests. Nothing in these
//! tests leaves the machine.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use url::Url;

/// One request the server saw.
#[derive(Debug, Clone)]
pub struct Hit {
    pub path: String,
    pub query: String,
    pub headers: HeaderMap,
    pub at: Instant,
}

#[derive(Default)]
struct Shared {
    hits: Mutex<Vec<Hit>>,
    base: Mutex<String>,
    /// Captures the Wayback routes know besides the built-in ones:
    /// (timestamp, original address, page).
    captures: Mutex<Vec<(String, String, String)>>,
    /// Requests to `/slow-article` being answered now, and the most at once.
    in_flight: Mutex<(usize, usize)>,
}

/// A running test server; it stops when the test's runtime ends.
pub struct Server {
    pub base: Url,
    shared: Arc<Shared>,
}

impl Server {
    pub async fn start(extra: Router<()>) -> Server {
        let shared = Arc::new(Shared::default());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = Url::parse(&format!("http://{}/", listener.local_addr().unwrap())).unwrap();
        *shared.base.lock().unwrap() = base.to_string();
        let app = routes()
            .with_state(shared.clone())
            .merge(extra)
            .layer(axum::middleware::from_fn_with_state(shared.clone(), record));
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Server { base, shared }
    }

    pub fn url(&self, path: &str) -> String {
        self.base.join(path).unwrap().to_string()
    }

    /// Adds a capture of the page at `original` to the emulated Wayback
    /// Machine.
    pub fn add_capture(&self, timestamp: &str, original: &str, page: &str) {
        self.shared.captures.lock().unwrap().push((
            timestamp.to_string(),
            original.to_string(),
            page.to_string(),
        ));
    }

    /// The most requests to `/slow-article` answered at the same time.
    pub fn most_at_once(&self) -> usize {
        self.shared.in_flight.lock().unwrap().1
    }

    /// The requests made for `path`, oldest first.
    pub fn hits(&self, path: &str) -> Vec<Hit> {
        let hits = self.shared.hits.lock().unwrap();
        hits.iter().filter(|h| h.path == path).cloned().collect()
    }
}

async fn record(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    shared.hits.lock().unwrap().push(Hit {
        path: request.uri().path().to_string(),
        query: request.uri().query().unwrap_or_default().to_string(),
        headers: request.headers().clone(),
        at: Instant::now(),
    });
    next.run(request).await
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../../tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn html(body: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

fn count(shared: &Shared, path: &str) -> usize {
    shared
        .hits
        .lock()
        .unwrap()
        .iter()
        .filter(|h| h.path == path)
        .count()
}

/// An article page in windows-1252 (curly quotes are bytes 0x93 and 0x94)
/// that its server wrongly declares UTF-8.
pub fn windows_1252_article() -> Vec<u8> {
    let text = "<html><head><title>Mill town votes on wind farm</title></head><body><article>\
        <p>BRACKWATER \u{2014} Residents of Brackwater voted on Thursday on whether a wind farm may be built on the ridge above the old cotton mill, a plan the parish council has argued over for three years.</p>\
        <p>\u{201c}We are not against turbines, we are against being ignored,\u{201d} said Agnes Thorley, who chairs the residents\u{2019} association and collected 900 signatures against the first design.</p>\
        <p>The developer, Ridgeline Power, said in a statement that the revised plan moved the nearest turbine 400 metres further from the village school.</p>\
        </article></body></html>";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// 16 MB of zeros, gzipped to a few kilobytes.
fn gzip_bomb() -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..16 {
        encoder.write_all(&zeros).unwrap();
    }
    encoder.finish().unwrap()
}

fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(
            "/robots.txt",
            get(|| async { "User-agent: *\nDisallow: /private/\n\nUser-agent: SourceLens\nDisallow: /private/\nDisallow: /no-sourcelens/\n" }),
        )
        .route(
            "/article",
            get(|headers: HeaderMap| async move {
                if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v == "\"v1\"") {
                    return StatusCode::NOT_MODIFIED.into_response();
                }
                let mut response = html(fixture("articles/harbour-courier-port-strike.html"));
                response
                    .headers_mut()
                    .insert(header::ETAG, "\"v1\"".parse().unwrap());
                response
            }),
        )
        .route(
            "/dated",
            get(|headers: HeaderMap| async move {
                const WHEN: &str = "Sat, 14 Mar 2026 09:40:00 GMT";
                if headers.get(header::IF_MODIFIED_SINCE).is_some_and(|v| v == WHEN) {
                    return StatusCode::NOT_MODIFIED.into_response();
                }
                let mut response = html(fixture("articles/harbour-courier-port-strike.html"));
                response
                    .headers_mut()
                    .insert(header::LAST_MODIFIED, WHEN.parse().unwrap());
                response
            }),
        )
        .route("/private/memo", get(|| async { html(fixture("articles/harbour-courier-port-strike.html")) }))
        .route("/no-sourcelens/story", get(|| async { html(fixture("articles/harbour-courier-port-strike.html")) }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                "too late"
            }),
        )
        .route(
            "/slow-article",
            get(|State(shared): State<Arc<Shared>>| async move {
                {
                    let mut in_flight = shared.in_flight.lock().unwrap();
                    in_flight.0 += 1;
                    in_flight.1 = in_flight.1.max(in_flight.0);
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
                shared.in_flight.lock().unwrap().0 -= 1;
                html(fixture("articles/harbour-courier-port-strike.html"))
            }),
        )
        .route(
            "/busy",
            get(|State(shared): State<Arc<Shared>>| async move {
                if count(&shared, "/busy") == 1 {
                    return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")], "slow down").into_response();
                }
                html(fixture("articles/harbour-courier-port-strike.html"))
            }),
        )
        .route(
            "/always-busy",
            get(|| async { (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "3600")], "slow down") }),
        )
        .route(
            "/flaky",
            get(|State(shared): State<Arc<Shared>>| async move {
                if count(&shared, "/flaky") <= 2 {
                    return (StatusCode::INTERNAL_SERVER_ERROR, "oops").into_response();
                }
                html(fixture("articles/harbour-courier-port-strike.html"))
            }),
        )
        .route("/broken", get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "down") }))
        .route("/loop-a", get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop-b")]) }))
        .route("/loop-b", get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop-a")]) }))
        .route(
            "/chain/{n}",
            get(|axum::extract::Path(n): axum::extract::Path<u32>| async move {
                (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, format!("/chain/{}", n + 1))])
            }),
        )
        .route("/moved", get(|| async { (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, "/article")]) }))
        .route("/to-file", get(|| async { (StatusCode::FOUND, [(header::LOCATION, "file:///etc/passwd")]) }))
        .route(
            "/huge",
            get(|| async { html(vec![b'a'; 3 * 1024 * 1024]) }),
        )
        .route(
            "/bomb",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/html"), (header::CONTENT_ENCODING, "gzip")],
                    gzip_bomb(),
                )
            }),
        )
        .route(
            "/latin",
            get(|| async { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], windows_1252_article()) }),
        )
        .route(
            "/menu",
            get(|| async { html(b"<html><body><nav><a href='/a'>World</a> <a href='/b'>Sport</a></nav><p>Subscribe</p></body></html>".to_vec()) }),
        )
        .route("/gone", get(|| async { (StatusCode::NOT_FOUND, "no such story") }))
        .route("/gone-for-good", get(|| async { (StatusCode::GONE, "removed") }))
        .route("/wayback/available", get(availability))
        .route("/cdx/search/cdx", get(cdx))
        .route("/web/{*rest}", get(snapshot))
}

/// The availability API knows `/gone`; it has nothing for anything else.
async fn availability(Query(q): Query<HashMap<String, String>>) -> Response {
    let url = q.get("url").cloned().unwrap_or_default();
    let body = if url.ends_with("/gone") {
        let when = match q.get("timestamp").map(String::as_str) {
            Some(t) if t < "20250101" => "20240305120000",
            _ => "20260110083000",
        };
        format!(
            r#"{{"url":"{url}","archived_snapshots":{{"closest":{{"status":"200","available":true,"url":"http://web.archive.org/web/{when}/{url}","timestamp":"{when}"}}}}}}"#
        )
    } else {
        format!(r#"{{"url":"{url}","archived_snapshots":{{}}}}"#)
    };
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// The CDX index: a capture of `/menu` (a page that has since lost its
/// article), nothing for other single addresses, and prefix listings of
/// the captures a test added.
async fn cdx(
    State(shared): State<Arc<Shared>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let url = q.get("url").cloned().unwrap_or_default();
    let mut rows = vec![vec!["timestamp".to_string(), "original".to_string()]];
    if url.ends_with("/menu") {
        rows.push(vec!["20251201101500".into(), url.clone()]);
    }
    if q.get("matchType").map(String::as_str) == Some("prefix") {
        for (timestamp, original, _) in shared.captures.lock().unwrap().iter() {
            let in_window = q
                .get("from")
                .is_none_or(|from| timestamp.as_str() >= from.as_str())
                && q.get("to").is_none_or(|to| timestamp[..8] <= *to.as_str());
            if original.contains(&format!("://{url}")) && in_window {
                rows.push(vec![timestamp.clone(), original.clone()]);
            }
        }
    }
    let body = if rows.len() == 1 {
        String::new()
    } else {
        serde_json::to_string(&rows).unwrap()
    };
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Raw captures: `/web/<timestamp>id_/<original>`.
async fn snapshot(
    State(shared): State<Arc<Shared>>,
    axum::extract::Path(rest): axum::extract::Path<String>,
) -> Response {
    let Some((timestamp, original)) = rest.split_once("id_/") else {
        return (StatusCode::BAD_REQUEST, "only raw captures are served").into_response();
    };
    if original.ends_with("/gone") || original.ends_with("/menu") {
        let page = String::from_utf8(fixture("articles/harbour-courier-port-strike.html"))
            .unwrap()
            .replace("for second day", &format!("(captured {timestamp})"));
        return html(page.into_bytes());
    }
    let captures = shared.captures.lock().unwrap();
    if let Some((_, _, page)) = captures
        .iter()
        .find(|(t, captured, _)| t == timestamp && captured == original)
    {
        return html(page.clone().into_bytes());
    }
    (StatusCode::NOT_FOUND, Body::from("not archived")).into_response()
}
