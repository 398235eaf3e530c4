//! A bundle file imported into a library. The checksum is checked after the
//! bundle is parsed and typed, so arbitrary bytes exercise the JSON reader
//! and every record type's deserialisation; a changed bundle never gets
//! past the checksum to the writes.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sourcelens_store::{Library, OnConflict};
use tempfile::TempDir;

/// One library for the whole run: opening sled per input would make the
/// target a benchmark of sled.
fn library() -> &'static (TempDir, Library) {
    static LIBRARY: OnceLock<(TempDir, Library)> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let library = Library::open(dir.path()).expect("a fresh library opens");
        (dir, library)
    })
}

fuzz_target!(|data: &[u8]| {
    let (dir, library) = library();
    let file = dir.path().join("fuzz.sourcelens");
    std::fs::write(&file, data).expect("the temporary directory is writable");
    let _ = library.import_bundle(&file, OnConflict::KeepBoth);
});
