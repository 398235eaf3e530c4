//! A file named like a WARC file: the format is told from the bytes
//! first, so this reaches the WARC reader and every other one the bytes
//! look like.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelens_ingest::{read_bytes, Origin};

fuzz_target!(|data: &[u8]| {
    sourcelens_fuzz::keep_caught_panics();
    let _ = read_bytes("fuzz.warc", data, Origin::Paste);
});
