//! A fetched page: charset detection, the nesting check, both extractors,
//! paragraph building and metadata, as an import runs them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelens_ingest::{html, Origin};

fuzz_target!(|data: &[u8]| {
    sourcelens_fuzz::keep_caught_panics();
    let _ = html::read_page("fuzz.html", data, Some("text/html"), Origin::Paste);
});
