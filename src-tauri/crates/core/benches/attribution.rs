//! Attribution speed on a 1,000-word article (the project's fixture article
//! repeated). Quality is measured by `sourcelens eval polnear`.

use criterion::{criterion_group, criterion_main, Criterion};
use sourcelens_core::attribution::{analyze, model};

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
}

criterion_group!(benches, attribution);
criterion_main!(benches);
