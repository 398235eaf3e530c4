//! What the fuzz targets share.

use std::sync::Once;

/// Lets panics that SourceLens catches on purpose stay caught.
///
/// pdf-extract panics on some damaged PDFs, and the extractors run in a
/// thread whose panic counts as finding nothing; the readers catch both
/// and report the file as damaged or as having no article. libfuzzer-sys
/// installs a panic hook that aborts before any unwinding, which would
/// report those handled panics as crashes. This puts the default hook
/// back: a panic that nothing in SourceLens catches still unwinds into
/// libfuzzer-sys, which aborts and reports the input.
pub fn keep_caught_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| drop(std::panic::take_hook()));
}
