//! Page metadata (JSON-LD, meta tags, `<time>`) on its own, so that pages
//! with no article text, which the page reader drops early, still exercise
//! it. Pages past the nesting or element limit are refused before metadata
//! is read in the app, so they are skipped here too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelens_ingest::html::{depth, metadata};
use sourcelens_ingest::limits::MAX_ELEMENTS;

fuzz_target!(|data: &[u8]| {
    let (page, _) = sourcelens_ingest::decode_html(data, None, None);
    let shape = depth::shape(&page, depth::MAX_NESTING, MAX_ELEMENTS);
    if shape.deepest > depth::MAX_NESTING || shape.elements > MAX_ELEMENTS {
        return;
    }
    let _ = metadata::read(&scraper::Html::parse_document(&page));
});
