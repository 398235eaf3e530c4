//! A researcher's outlets.toml laid over the built-in registry.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelens_ingest::discover::Registry;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Registry::overlaid(text, "outlets.toml");
    }
});
