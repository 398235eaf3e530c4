//! A web server on 127.0.0.1 for the app to fetch from: an outlet's story,
//! GDELT's answer listing another outlet's version, and that version.

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::serve::{local_listener, serve};

fn story() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/articles/harbour-courier-port-strike.html"
    );
    std::fs::read_to_string(path).unwrap()
}

/// The same event told by another outlet: the Harbour Courier's page with
/// Gulf Wire's name and headline.
fn other_version() -> String {
    story().replace("The Harbour Courier", "Gulf Wire").replace(
        "Dockworkers strike shuts Port Hallam for second day",
        "Dockworkers stay out at Port Hallam",
    )
}

fn html(page: String) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page)
}

/// Starts the server on a thread of its own; returns its base address.
pub fn start() -> String {
    let (listener, base) = local_listener();
    let gdelt = format!(
        r#"{{"articles":[
          {{"url":"{base}gulf/port-hallam-strike","title":"Dockworkers stay out at Port Hallam","seendate":"20260314T150000Z"}},
          {{"url":"{base}food/cooking-contest","title":"Cooking contest final draws record audience","seendate":"20260314T150000Z"}}]}}"#
    );
    let app = Router::new()
        .route("/robots.txt", get(|| async { "User-agent: *\nAllow: /\n" }))
        .route("/story", get(|| async { html(story()) }))
        .route(
            "/gulf/port-hallam-strike",
            get(|| async { html(other_version()) }),
        )
        .route(
            "/gdelt",
            get(move || async move { ([(header::CONTENT_TYPE, "application/json")], gdelt) }),
        );
    serve(listener, app);
    base
}
