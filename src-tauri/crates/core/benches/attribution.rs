//! Attribution speed on a 1,000-word article (the project's fixture article
//! repeated), and comparing 25 articles from their text (analysis included).
//! Quality is measured by `sourcelens eval polnear` and `eval sources`.

use criterion::{criterion_group, criterion_main, Criterion};
use sourcelens_core::attribution::{analyze, model};
use sourcelens_core::comparison::{compare, ComparedArticle};

const EVENT: [&str; 4] = [
    include_str!("../../../../tests/fixtures/events/valmora/northern-voice.txt"),
    include_str!("../../../../tests/fixtures/events/valmora/capital-daily.txt"),
    include_str!("../../../../tests/fixtures/events/valmora/meridian-wire.txt"),
    include_str!("../../../../tests/fixtures/events/valmora/harbour-courier-wire.txt"),
];

const ARTICLE: &str =
    include_str!("../../../../tests/fixtures/articles/meridian-talks-attribution.txt");

fn thousand_words() -> String {
    let mut text = String::new();
    while text.split_whitespace().count() < 1000 {
        text.push_str(ARTICLE);
        text.push_str("\n\n");
    }
    text.split_whitespace()
        .take(1000)
        .collect::<Vec<_>>()
        .join(" ")
}

fn attribution(c: &mut Criterion) {
    model();
    let text = thousand_words();
    c.bench_function("analyze/1000-words", |b| {
        b.iter(|| analyze(&text).sources.len())
    });
    let texts: Vec<&str> = (0..25).map(|i| EVENT[i % EVENT.len()]).collect();
    c.bench_function("compare/25-articles-from-text", |b| {
        b.iter(|| {
            let articles: Vec<ComparedArticle<'_>> = texts
                .iter()
                .enumerate()
                .map(|(i, text)| ComparedArticle {
                    key: format!("article-{i}"),
                    outlet: format!("Outlet {i}"),
                    text,
                    analysis: analyze(text),
                })
                .collect();
            compare(&articles, &[]).sources.len()
        })
    });
}

criterion_group!(benches, attribution);
criterion_main!(benches);
