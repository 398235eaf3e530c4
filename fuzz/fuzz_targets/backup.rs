//! A backup file restored into an empty directory. The input's last 32
//! bytes are replaced by the SHA-256 of the rest before it is restored, so
//! the fuzzer reaches the parser instead of stopping at the checksum (which
//! any change fails); the project's real backups seed it as they are.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

fuzz_target!(|data: &[u8]| {
    let mut file = data.to_vec();
    if file.len() >= 32 {
        let body = file.len() - 32;
        let digest = Sha256::digest(&file[..body]);
        file[body..].copy_from_slice(&digest);
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let backup = dir.path().join("fuzz.backup");
    std::fs::write(&backup, &file).expect("the temporary directory is writable");
    let _ = sourcelens_store::restore(&backup, &dir.path().join("library"));
});
