//! An outlet's news sitemap or sitemap index, as discovery reads it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelens_ingest::discover::listings;

fuzz_target!(|data: &[u8]| {
    let _ = listings::sitemap("https://example.org/sitemap.xml", data);
});
