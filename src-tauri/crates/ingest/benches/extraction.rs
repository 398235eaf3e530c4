//! Extraction speed: the project's fixture page always, and the shared
//! extraction benchmark's pages when `../shared/data` is beside the checkout.
//! Quality is measured by `sourcelens eval extraction`, not here.

use std::io::Read;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use sourcelens_ingest::html::{read_page, Extractor};
use sourcelens_ingest::Origin;

const FIXTURE: &str =
    include_str!("../../../../tests/fixtures/articles/harbour-courier-port-strike.html");

fn benchmark_pages() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../../shared/data/article-extraction-benchmark/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .take(20)
        .map(|path| {
            let mut html = String::new();
            flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
                .read_to_string(&mut html)
                .unwrap();
            html
        })
        .collect()
}

fn extraction(c: &mut Criterion) {
    c.bench_function("read_page/fixture", |b| {
        b.iter(|| read_page("fixture.html", FIXTURE.as_bytes(), None, Origin::Paste).unwrap())
    });
    let pages = benchmark_pages();
    if pages.is_empty() {
        return;
    }
    let mut group = c.benchmark_group("benchmark-20-pages");
    group.sample_size(10);
    for extractor in Extractor::all() {
        group.bench_function(extractor.name(), |b| {
            b.iter(|| {
                pages
                    .iter()
                    .map(|page| extractor.paragraphs(page).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
