//! A site's robots.txt, read as the fetcher obeys it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelens_ingest::fetch::robots_allows;

fuzz_target!(|data: &[u8]| {
    let _ = robots_allows(data, "https://example.org/news/2024/05/port-strike.html");
});
