//! `sourcelens fetch`, and web addresses given to `extract`, `analyze` and
//! `import`, against a server on 127.0.0.1 that plays an outlet and the
//! Wayback Machine.

use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::serve::{local_listener, serve};
use crate::{assert_failed_with, fixture, stderr, stdout, Sandbox};

/// Each request's path and If-None-Match header.
type Hits = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// The outlet's server.
struct Outlet {
    base: String,
    hits: Hits,
}

fn page() -> Vec<u8> {
    std::fs::read(fixture("harbour-courier-port-strike.html")).unwrap()
}

async fn story(headers: HeaderMap) -> Response {
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v == "\"s1\"")
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::ETAG, "\"s1\""),
        ],
        page(),
    )
        .into_response()
}

async fn availability(State(base): State<String>) -> Response {
    let body = format!(
        r#"{{"archived_snapshots":{{"closest":{{"available":true,"status":"200","timestamp":"20260315101010","url":"{base}web/20260315101010/{base}dead"}}}}}}"#
    );
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn capture(Path(rest): Path<String>) -> Response {
    if rest.starts_with("20260315101010id_/") && rest.ends_with("/dead") {
        ([(header::CONTENT_TYPE, "text/html")], page()).into_response()
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

/// GDELT's answer: another outlet's version of the port strike, and a story
/// about something else.
async fn gdelt() -> Response {
    let body = r#"{"articles":[
      {"url":"https://www.presstv.ir/Detail/2026/03/14/port-hallam-dockworkers-strike","title":"Port Hallam dockworkers strike over pay enters second day","seendate":"20260314T110000Z"},
      {"url":"https://www.rt.com/news/cooking-contest-final","title":"Cooking contest final draws record audience","seendate":"20260314T110000Z"}]}"#;
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn feed() -> Response {
    let body = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour wire</title>
      <item><title>Hallam port strike: dockworkers stay out as talks fail</title>
      <link>https://harbourwire.example/hallam-strike-talks-fail</link>
      <pubDate>Sat, 14 Mar 2026 15:00:00 GMT</pubDate></item></channel></rss>"#;
    ([(header::CONTENT_TYPE, "application/rss+xml")], body).into_response()
}

impl Outlet {
    fn start() -> Outlet {
        let (listener, base) = local_listener();
        let hits: Hits = Arc::default();
        let seen = hits.clone();
        let app = Router::new()
            .route(
                "/robots.txt",
                get(|| async { "User-agent: *\nDisallow: /private/\n" }),
            )
            .route("/story", get(story))
            .route("/private/memo", get(story))
            .route("/dead", get(|| async { StatusCode::NOT_FOUND }))
            .route("/wayback/available", get(availability))
            .route("/web/{*rest}", get(capture))
            .route("/gdelt", get(gdelt))
            .route("/cdx/search/cdx", get(|| async { "" }))
            .route("/feeds/harbour.xml", get(feed))
            .with_state(base.clone())
            .layer(axum::middleware::from_fn(
                move |request: axum::extract::Request, next: axum::middleware::Next| {
                    let seen = seen.clone();
                    async move {
                        let etag = request
                            .headers()
                            .get(header::IF_NONE_MATCH)
                            .map(|v| v.to_str().unwrap().to_string());
                        seen.lock()
                            .unwrap()
                            .push((request.uri().path().to_string(), etag));
                        next.run(request).await
                    }
                },
            ));
        serve(listener, app);
        Outlet { base, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path.trim_start_matches('/'))
    }

    fn hits(&self, path: &str) -> Vec<Option<String>> {
        let hits = self.hits.lock().unwrap();
        hits.iter()
            .filter(|(p, _)| p == path)
            .map(|(_, e)| e.clone())
            .collect()
    }
}

#[test]
fn fetch_json_prints_the_extracted_articles_and_reports_progress() {
    let outlet = Outlet::start();
    let output = Sandbox::new().run(&["fetch", "--json", &outlet.url("/story")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json[0]["title"],
        "Dockworkers strike shuts Port Hallam for second day"
    );
    assert_eq!(json[0]["site"], "The Harbour Courier");
    let said = stderr(&output);
    assert!(
        said.contains(&format!("fetching {}", outlet.url("/story"))),
        "{said}"
    );
    assert!(said.contains("done — Dockworkers strike"), "{said}");
}

#[test]
fn fetch_into_a_comparison_stores_it_and_revalidates_from_the_library_cache() {
    let outlet = Outlet::start();
    let sandbox = Sandbox::new();
    let url = outlet.url("/story");
    let output = sandbox.run(&["fetch", &url, "--comparison", "Port strike"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("added 1 article(s) to “Port strike”"));

    let shown = sandbox.run(&["show", "Port strike", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&shown)).unwrap();
    assert_eq!(json["articles"][0]["outlet"], "The Harbour Courier");
    assert_eq!(json["articles"][0]["path"], url.as_str());

    let again = sandbox.run(&["fetch", &url, "--comparison", "Port strike"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stdout(&again).contains("already in “Port strike”"));
    assert_eq!(outlet.hits("/story"), [None, Some("\"s1\"".to_string())]);
}

#[test]
fn a_dead_page_is_taken_from_the_archive_and_says_when_it_was_captured() {
    let outlet = Outlet::start();
    let output = Sandbox::new().run(&[
        "--wayback-url",
        &outlet.base,
        "extract",
        "--json",
        &outlet.url("/dead"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["archived_at"], "2026-03-15T10:10:10Z");
    assert_eq!(
        json["archive_url"],
        format!("{}web/20260315101010/{}", outlet.base, outlet.url("/dead"))
    );
    assert_eq!(json["url"], outlet.url("/dead"));
}

#[test]
fn robots_txt_is_obeyed_unless_the_researcher_overrides_it() {
    let outlet = Outlet::start();
    let url = outlet.url("/private/memo");
    let refused = Sandbox::new().run(&["fetch", &url]);
    assert_failed_with(&refused, "robots.txt");
    assert!(stderr(&refused).contains("--ignore-robots"));
    assert!(outlet.hits("/private/memo").is_empty());

    let fetched = Sandbox::new().run(&["fetch", "--ignore-robots", &url]);
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    assert_eq!(outlet.hits("/private/memo").len(), 1);
}

#[test]
fn an_unreachable_address_fails_clearly_and_the_other_inputs_are_analysed() {
    let outlet = Outlet::start();
    let output = Sandbox::new().run(&[
        "analyze",
        "--json",
        "http://127.0.0.1:9/story",
        &outlet.url("/story"),
        &fixture("gulf-wire-talks.txt"),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 2);
    assert_eq!(json["errors"][0]["code"], "unreachable");
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("could not be reached"),
        "{}",
        json["errors"][0]
    );
}

#[test]
fn a_bad_archive_date_is_a_usage_error() {
    let output = Sandbox::new().run(&[
        "fetch",
        "--archive-date",
        "14/03/2026",
        "https://example.org/a",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("YYYY-MM-DD"));
}

#[test]
fn discover_lists_other_outlets_versions_with_reasons_and_imports_nothing() {
    let outlet = Outlet::start();
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.dir.path().join("outlets.toml"),
        format!(
            "[[outlet]]\nid = \"harbourwire\"\nname = \"Harbour Wire\"\ndomains = [\"harbourwire.example\"]\ncountry = \"GB\"\nlanguage = \"en\"\nownership = \"wire\"\nfeeds = [\"{}\"]\n\n\
             [[outlet]]\nid = \"presstv\"\nname = \"Press TV\"\ndomains = [\"presstv.ir\"]\ncountry = \"IR\"\nlanguage = \"en\"\nownership = \"state\"\n",
            outlet.url("/feeds/harbour.xml")
        ),
    )
    .unwrap();
    let output = sandbox.run(&[
        "--gdelt-url",
        &outlet.url("/gdelt"),
        "--wayback-url",
        &outlet.base,
        "discover",
        "--json",
        "--seed",
        &fixture("harbour-courier-port-strike.html"),
        "--outlet",
        "presstv",
        "--outlet",
        "Harbour Wire",
        "--from",
        "2026-03-13",
        "--to",
        "2026-03-16",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let candidates = json["candidates"].as_array().unwrap();
    let outlets: Vec<&str> = candidates
        .iter()
        .map(|c| c["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(outlets.len(), 2, "{json:#}");
    assert!(
        outlets.contains(&"Press TV") && outlets.contains(&"Harbour Wire"),
        "{outlets:?}"
    );
    assert!(candidates
        .iter()
        .all(|c| c["reason"].as_str().unwrap().contains("shares")));
    assert_eq!(json["from"], "2026-03-13");
    assert!(json["signature"]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e.as_str().unwrap().contains("Hallam")));
    assert_eq!(
        stdout(&sandbox.run(&["list", "--json"])).trim(),
        "[]",
        "nothing was imported"
    );
}

#[test]
fn discover_refuses_an_unknown_outlet_and_names_the_list() {
    let output = Sandbox::new().run(&[
        "discover",
        "--seed",
        &fixture("harbour-courier-port-strike.html"),
        "--outlet",
        "Daily Planet",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no outlet called “Daily Planet”"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("sourcelens outlets"));
}

#[test]
fn outlets_lists_the_registry_with_a_researchers_additions() {
    let sandbox = Sandbox::new();
    let output = sandbox.run(&["outlets", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(json.as_array().unwrap().len() >= 60);
    std::fs::write(
        sandbox.dir.path().join("outlets.toml"),
        "[[outlet]]\nid = 3\n",
    )
    .unwrap();
    let broken = sandbox.run(&["outlets"]);
    assert_failed_with(&broken, "outlets.toml: is not a valid outlet list");
}
