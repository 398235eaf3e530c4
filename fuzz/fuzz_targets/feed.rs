//! An outlet's RSS or Atom feed, as discovery reads it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelens_ingest::discover::listings;

fuzz_target!(|data: &[u8]| {
    let _ = listings::feed("https://example.org/feed.xml", data);
});
