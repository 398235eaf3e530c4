use std::path::Path;

use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use sourcelens_ingest::discover::{
    discover, DiscoveryEndpoints, Outlet, Ownership, Query, Registry,
};
use sourcelens_ingest::fetch::{FetchConfig, Fetcher, WaybackEndpoints};
use sourcelens_ingest::{read_file, Article, Limits};
use time::macros::date;

use crate::server::Server;

/// The Meridian Wire's story of the stalled Valmora talks, as the seed.
fn seed() -> Article {
    let path = format!(
        "{}/../../../tests/fixtures/events/valmora/meridian-wire.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut article = read_file(Path::new(&path), &Limits::default())
        .unwrap()
        .remove(0);
    article.meta.title = Some("Valmora ceasefire talks stall as both sides trade blame".into());
    article.meta.date = Some("2026-06-09".into());
    article.meta.url = Some("https://meridianwire.example/world/valmora-talks-stall".into());
    article
}

/// GDELT's answer: two versions of the event, a copy of the wire story at
/// another outlet, a story about something else that shares one name, one
/// outside the window, and one from an outlet not asked for.
const GDELT: &str = r#"{"articles": [
  {"url": "https://www.capitaldaily.example/politics/reyes-we-came-to-sign", "title": "Reyes: 'We came to sign' as rebels walk back from Valmora ceasefire deal", "seendate": "20260609T140000Z", "domain": "capitaldaily.example"},
  {"url": "https://harbourcourier.example/world/valmora-ceasefire-talks-stall", "title": "Valmora ceasefire talks stall as both sides trade blame", "seendate": "20260609T120000Z", "domain": "harbourcourier.example"},
  {"url": "https://northernstar.example/valmora-talks-stall", "title": "Valmora ceasefire talks stall, both sides trade blame", "seendate": "20260609T130000Z", "domain": "northernstar.example"},
  {"url": "https://www.capitaldaily.example/sport/valmora-fc-cup", "title": "Valmora FC win the cup in extra time", "seendate": "20260609T180000Z", "domain": "capitaldaily.example"},
  {"url": "https://www.capitaldaily.example/politics/reyes-ceasefire-anniversary", "title": "A year on, Reyes looks back at the Valmora ceasefire talks", "seendate": "20270609T100000Z", "domain": "capitaldaily.example"},
  {"url": "https://elsewhere.example/valmora-ceasefire-talks-okonjo", "title": "Okonjo blames Reyes as Valmora ceasefire talks stall", "seendate": "20260609T100000Z", "domain": "elsewhere.example"}
]}"#;

const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Northern Voice</title><link>https://northernvoice.example/</link>
<item><title>Alliance says Reyes walked out of Valmora ceasefire talks</title>
<link>https://northernvoice.example/news/alliance-says-reyes-walked-out</link>
<description>&lt;p&gt;Marta Okonjo accused the government delegation of bad faith.&lt;/p&gt;</description>
<pubDate>Tue, 09 Jun 2026 16:00:00 GMT</pubDate></item>
<item><title>Harvest festival returns to the valley</title>
<link>https://northernvoice.example/life/harvest-festival</link>
<pubDate>Tue, 09 Jun 2026 08:00:00 GMT</pubDate></item>
</channel></rss>"#;

/// An index of four sitemaps; the news one is the most recently changed.
const SITEMAP_INDEX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>/sitemaps/archive-2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
<sitemap><loc>/sitemaps/capital-daily.xml</loc><lastmod>2026-06-09T14:00:00+00:00</lastmod></sitemap>
<sitemap><loc>/sitemaps/sport.xml</loc><lastmod>2026-06-08</lastmod></sitemap>
<sitemap><loc>/sitemaps/weather.xml</loc><lastmod>2026-06-01</lastmod></sitemap>
</sitemapindex>"#;

const EMPTY_SITEMAP: &str =
    r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>"#;

const SITEMAP: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://www.capitaldaily.example/politics/reyes-we-came-to-sign</loc>
<news:news><news:publication><news:name>Capital Daily</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-06-09T14:00:00+00:00</news:publication_date>
<news:title>Reyes: 'We came to sign' as rebels walk back from Valmora ceasefire deal</news:title></news:news></url>
</urlset>"#;

fn outlet(id: &str, name: &str, domain: &str, feeds: Vec<String>, sitemaps: Vec<String>) -> Outlet {
    Outlet {
        id: id.into(),
        name: name.into(),
        aliases: Vec::new(),
        domains: vec![domain.into()],
        country: "VL".into(),
        language: "en".into(),
        ownership: Ownership::Private,
        feeds,
        sitemaps,
        disabled: false,
    }
}

struct Setup {
    server: Server,
    fetcher: Fetcher,
    endpoints: DiscoveryEndpoints,
    outlets: Vec<Outlet>,
}

async fn setup(gdelt_answer: &'static str, feed_path: &str) -> Setup {
    let extra = Router::new()
        .route(
            "/api/v2/doc/doc",
            get(
                move || async move { ([(header::CONTENT_TYPE, "application/json")], gdelt_answer) },
            ),
        )
        .route(
            "/feeds/northern-voice.xml",
            get(|| async { ([(header::CONTENT_TYPE, "application/rss+xml")], FEED) }),
        )
        .route(
            "/sitemaps/capital-daily.xml",
            get(|| async { ([(header::CONTENT_TYPE, "application/xml")], SITEMAP) }),
        )
        .route(
            "/feeds/gone.xml",
            get(|| async { StatusCode::NOT_FOUND.into_response() }),
        )
        .route(
            "/sitemaps/index.xml",
            get(|| async { ([(header::CONTENT_TYPE, "application/xml")], SITEMAP_INDEX) }),
        )
        .route(
            "/sitemaps/{other}",
            get(|| async { ([(header::CONTENT_TYPE, "application/xml")], EMPTY_SITEMAP) }),
        );
    let server = Server::start(extra).await;
    server.add_capture(
        "20260610081500",
        "https://northernvoice.example/news/2026/06/10/okonjo-un-monitors-valmora-ceasefire",
        "<html></html>",
    );
    server.add_capture(
        "20260610090000",
        "https://northernvoice.example/life/2026/06/10/recipes-for-summer",
        "<html></html>",
    );
    let fetcher = Fetcher::new(FetchConfig {
        per_host_interval: std::time::Duration::from_millis(1),
        wayback: WaybackEndpoints::under(&server.base),
        ..FetchConfig::default()
    });
    let endpoints = DiscoveryEndpoints {
        gdelt: server.base.join("api/v2/doc/doc").unwrap(),
    };
    let outlets = vec![
        outlet(
            "capital",
            "Capital Daily",
            "capitaldaily.example",
            vec![],
            vec![server.url("/sitemaps/capital-daily.xml")],
        ),
        outlet(
            "northern",
            "Northern Voice",
            "northernvoice.example",
            vec![server.url(feed_path)],
            vec![],
        ),
        outlet(
            "harbour",
            "The Harbour Courier",
            "harbourcourier.example",
            vec![],
            vec![],
        ),
        outlet(
            "star",
            "Northern Star",
            "northernstar.example",
            vec![],
            vec![],
        ),
    ];
    Setup {
        server,
        fetcher,
        endpoints,
        outlets,
    }
}

impl Setup {
    async fn discover(&self, query: &Query) -> sourcelens_ingest::discover::Discovery {
        discover(
            &self.fetcher,
            &self.endpoints,
            Registry::built_in(),
            &[seed()],
            query,
        )
        .await
    }
}

fn query(outlets: Vec<Outlet>) -> Query {
    Query {
        outlets,
        from: date!(2026 - 06 - 07),
        to: date!(2026 - 06 - 12),
        today: date!(2026 - 11 - 26),
    }
}

#[tokio::test]
async fn versions_of_the_event_are_found_ranked_explained_and_folded() {
    let s = setup(GDELT, "/feeds/northern-voice.xml").await;
    let found = s.discover(&query(s.outlets.clone())).await;
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    let urls: Vec<&str> = found.candidates.iter().map(|c| c.url.as_str()).collect();

    let capital = found
        .candidates
        .iter()
        .find(|c| c.url.ends_with("/reyes-we-came-to-sign"))
        .expect("the Capital Daily version");
    assert_eq!(capital.found_by, ["gdelt", "sitemap"]);
    assert_eq!(capital.date.as_deref(), Some("2026-06-09"));
    assert!(
        capital.reason.contains("Reyes") && capital.reason.ends_with("same day"),
        "{}",
        capital.reason
    );

    let wire = found
        .candidates
        .iter()
        .find(|c| c.url.ends_with("/valmora-ceasefire-talks-stall"))
        .expect("the wire copy at the Harbour Courier");
    assert_eq!(wire.outlet, "The Harbour Courier");
    assert_eq!(
        wire.copies,
        ["https://northernstar.example/valmora-talks-stall"],
        "copies are folded"
    );

    assert!(
        urls.contains(&"https://northernvoice.example/news/alliance-says-reyes-walked-out"),
        "from the feed: {urls:?}"
    );
    let archived = found
        .candidates
        .iter()
        .find(|c| c.url.contains("okonjo-un-monitors"))
        .expect("from the Wayback listing");
    assert_eq!(archived.found_by, ["wayback"]);
    assert_eq!(archived.date.as_deref(), Some("2026-06-10"));
    assert!(
        archived.reason.ends_with("1 day later"),
        "{}",
        archived.reason
    );

    for unwanted in [
        "valmora-fc-cup",
        "harvest-festival",
        "recipes-for-summer",
        "anniversary",
        "elsewhere.example",
        "meridianwire",
    ] {
        assert!(
            !urls.iter().any(|u| u.contains(unwanted)),
            "{unwanted} should not be a candidate: {urls:?}"
        );
    }
    let scores: Vec<f32> = found.candidates.iter().map(|c| c.score).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
}

#[tokio::test]
async fn gdelt_is_asked_for_the_chosen_outlets_in_the_date_window() {
    let s = setup(GDELT, "/feeds/northern-voice.xml").await;
    s.discover(&query(s.outlets[..2].to_vec())).await;
    let hits = s.server.hits("/api/v2/doc/doc");
    assert_eq!(hits.len(), 1);
    let asked: Vec<(String, String)> = url::form_urlencoded::parse(hits[0].query.as_bytes())
        .into_owned()
        .collect();
    let param = |name: &str| {
        asked
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap()
    };
    assert_eq!(param("mode"), "ArtList");
    assert_eq!(param("format"), "json");
    assert_eq!(param("startdatetime"), "20260607000000");
    assert_eq!(param("enddatetime"), "20260612235959");
    let search = param("query");
    assert!(
        search.contains("(domainis:capitaldaily.example OR domainis:northernvoice.example)"),
        "{search}"
    );
    assert!(
        search.contains("Valmora") || search.contains("Reyes"),
        "{search}"
    );
}

#[tokio::test]
async fn a_failing_provider_is_reported_and_the_others_still_answer() {
    let s = setup(
        "Please limit requests to one every 5 seconds.",
        "/feeds/gone.xml",
    )
    .await;
    let found = s.discover(&query(s.outlets.clone())).await;
    let providers: Vec<&str> = found.problems.iter().map(|p| p.provider.as_str()).collect();
    assert_eq!(providers, ["gdelt", "feed"], "{:?}", found.problems);
    assert!(
        found.problems[0].message.contains("Please limit requests"),
        "{}",
        found.problems[0].message
    );
    assert!(
        found.problems[1].message.contains("/feeds/gone.xml")
            && found.problems[1].message.contains("404")
    );
    assert!(found.candidates.iter().any(|c| c.found_by == ["sitemap"]));
    assert!(found.candidates.iter().any(|c| c.found_by == ["wayback"]));
}

#[tokio::test]
async fn a_recent_window_skips_the_wayback_listing() {
    let s = setup(GDELT, "/feeds/northern-voice.xml").await;
    let recent = Query {
        today: date!(2026 - 06 - 10),
        ..query(s.outlets.clone())
    };
    s.discover(&recent).await;
    assert!(s.server.hits("/cdx/search/cdx").is_empty());
}

#[tokio::test]
async fn a_sitemap_index_is_followed_to_its_most_recent_sitemaps() {
    let mut s = setup(GDELT, "/feeds/northern-voice.xml").await;
    s.outlets[0].sitemaps = vec![s.server.url("/sitemaps/index.xml")];
    let found = s.discover(&query(s.outlets.clone())).await;
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    let capital = found
        .candidates
        .iter()
        .find(|c| c.url.ends_with("/reyes-we-came-to-sign"))
        .unwrap();
    assert_eq!(capital.found_by, ["gdelt", "sitemap"]);
    for read in ["capital-daily", "sport", "weather"] {
        assert_eq!(
            s.server.hits(&format!("/sitemaps/{read}.xml")).len(),
            1,
            "{read}"
        );
    }
    assert!(
        s.server.hits("/sitemaps/archive-2019.xml").is_empty(),
        "only the three newest are read"
    );
}
