//! The library at the scale of a long project: 10,000 articles in 500
//! comparisons, each article with its raw page and an analysis.
//!
//! Prints how long listing the comparisons and opening a 50-article
//! comparison take (medians over repeated runs, after one warm-up), and the
//! store's size on disk against the raw bytes it holds.
//!
//! `cargo bench -p sourcelens-store --bench scale`

use std::time::{Duration, Instant};

use sourcelens_store::{ArticleMetadata, Library, NewArticle};

const COMPARISONS: usize = 500;
const ARTICLES_PER_COMPARISON: usize = 20;
const RAW_BYTES_PER_PAGE: usize = 30_000;

/// A page of about `RAW_BYTES_PER_PAGE` bytes that differs from every other.
fn page(n: usize) -> (Vec<u8>, String) {
    let sentence = |i: usize| {
        format!(
            "Officials in district {} said on day {} that shipments through berth {} would resume, \
             according to a statement quoted by outlet {}. ",
            n % 97,
            i,
            (n * 7 + i) % 41,
            n % 13
        )
    };
    let mut text = String::new();
    let mut i = 0;
    while text.len() < RAW_BYTES_PER_PAGE / 4 {
        text.push_str(&sentence(i));
        i += 1;
    }
    let mut html = format!(
        "<html><head><title>Event {n}</title></head><body><nav>Home News World</nav><article>"
    );
    for paragraph in text.split(". ").collect::<Vec<_>>().chunks(3) {
        html.push_str(&format!(
            "<p class=\"para\" data-n=\"{n}\">{}.</p>\n",
            paragraph.join(". ")
        ));
    }
    while html.len() < RAW_BYTES_PER_PAGE {
        html.push_str(&format!(
            "<div class=\"related\"><a href=\"/story/{n}-{}\">Related story {}</a></div>\n",
            html.len(),
            html.len() % 1000
        ));
    }
    html.push_str("</article></body></html>");
    (html.into_bytes(), text)
}

fn analysis(n: usize) -> serde_json::Value {
    let sources: Vec<_> = (0..12)
        .map(|s| {
            serde_json::json!({"name": format!("Source {s} of {n}"), "kind": "person",
                "mentions": [{"start": s * 100, "end": s * 100 + 12, "cue": {"start": s * 100 + 13, "end": s * 100 + 17},
                              "content": {"start": s * 100 + 18, "end": s * 100 + 90}, "attribution": "direct_quote"}]})
        })
        .collect();
    serde_json::json!({ "sources": sources })
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    let started = Instant::now();
    let mut raw_total = 0u64;
    let mut n = 0;
    for c in 0..COMPARISONS {
        let mut batch = Vec::new();
        for _ in 0..ARTICLES_PER_COMPARISON {
            let (raw, text) = page(n);
            raw_total += raw.len() as u64;
            batch.push(NewArticle {
                meta: ArticleMetadata {
                    title: Some(format!("Event {n}")),
                    ..ArticleMetadata::default()
                },
                text,
                origin: format!("/corpus/page-{n}.html"),
                part: None,
                raw,
                outlet: format!("Outlet {}", n % 30),
                engine_version: "0.1.0".into(),
                analysis: Some(analysis(n)),
            });
            n += 1;
        }
        library.add_articles(&format!("Event {c}"), batch).unwrap();
    }
    // One comparison of 50 articles drawn from the others.
    let fifty: Vec<_> = (0..50)
        .map(|i| {
            let (raw, text) = page(i * 199);
            NewArticle {
                meta: ArticleMetadata::default(),
                text,
                origin: format!("/corpus/page-{}.html", i * 199),
                part: None,
                raw,
                outlet: format!("Outlet {i}"),
                engine_version: "0.1.0".into(),
                analysis: None,
            }
        })
        .collect();
    library.add_articles("Fifty outlets", fifty).unwrap();
    println!(
        "built {n} articles in {COMPARISONS} comparisons in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    library.list_comparisons().unwrap();
    let list = median(
        (0..21)
            .map(|_| {
                let t = Instant::now();
                assert_eq!(library.list_comparisons().unwrap().len(), COMPARISONS + 1);
                t.elapsed()
            })
            .collect(),
    );
    library.open_comparison("Fifty outlets").unwrap();
    let open = median(
        (0..21)
            .map(|_| {
                let t = Instant::now();
                let opened = library.open_comparison("Fifty outlets").unwrap();
                assert_eq!(opened.articles.len(), 50);
                assert!(opened.analyses.iter().all(Option::is_some));
                t.elapsed()
            })
            .collect(),
    );
    drop(library);
    let disk: u64 = walk_size(dir.path());
    println!(
        "list_ms={:.2} open50_ms={:.2} disk_mb={:.1} raw_mb={:.1} disk_to_raw={:.2}",
        list.as_secs_f64() * 1000.0,
        open.as_secs_f64() * 1000.0,
        disk as f64 / 1e6,
        raw_total as f64 / 1e6,
        disk as f64 / raw_total as f64
    );
}

fn walk_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            if meta.is_dir() {
                walk_size(&e.path())
            } else {
                meta.len()
            }
        })
        .sum()
}
