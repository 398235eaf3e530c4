//! The TypeScript types of everything that crosses IPC, generated from the
//! Rust types so the UI and the backend cannot drift apart.
//!
//! The generated file is committed at `ui/src/api/bindings.ts`. A test fails
//! when it is stale; `UPDATE_BINDINGS=1 cargo test -p sourcelens-app bindings`
//! rewrites it.

use sourcelens_core::attribution::{AttributionKind, Mention, Piece, SourceKind};
use sourcelens_core::comparison::{
    Balance, Cell, CellAttribution, Comparison, Correction, DiffPiece, Evidence, Omission,
    QuoteVersion, Row, SharedQuote, UnappliedCorrection, WireCopy,
};
use sourcelens_core::CharSpan;
use sourcelens_ingest::discover::{
    Candidate, Discovery, Outlet, Ownership, ProviderProblem, Signature,
};
use sourcelens_ingest::fetch::{Progress, Stage};
use sourcelens_service::export::ExportFormat;
use sourcelens_service::{ImportOutcome, InputFailure, Pasted};
use sourcelens_store::ComparisonSummary;
use ts_rs::TS;

use crate::ipc::{ErrorCode, IpcError};
use crate::views::{ArticleView, ComparisonView};

/// Where the generated bindings are committed, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/api/bindings.ts";

/// The full text of the generated bindings file.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p sourcelens-app bindings` instead.\n",
    );
    for decl in [
        declaration::<ComparisonSummary>(),
        declaration::<ErrorCode>(),
        declaration::<IpcError>(),
        declaration::<InputFailure>(),
        declaration::<ImportOutcome>(),
        declaration::<ExportFormat>(),
        declaration::<Pasted>(),
        declaration::<Progress>(),
        declaration::<Stage>(),
        declaration::<Discovery>(),
        declaration::<Signature>(),
        declaration::<Candidate>(),
        declaration::<ProviderProblem>(),
        declaration::<Outlet>(),
        declaration::<Ownership>(),
        declaration::<ComparisonView>(),
        declaration::<ArticleView>(),
        declaration::<Comparison>(),
        declaration::<Row>(),
        declaration::<Cell>(),
        declaration::<CellAttribution>(),
        declaration::<Evidence>(),
        declaration::<Mention>(),
        declaration::<Piece>(),
        declaration::<CharSpan>(),
        declaration::<SourceKind>(),
        declaration::<AttributionKind>(),
        declaration::<Omission>(),
        declaration::<WireCopy>(),
        declaration::<SharedQuote>(),
        declaration::<QuoteVersion>(),
        declaration::<DiffPiece>(),
        declaration::<Balance>(),
        declaration::<UnappliedCorrection>(),
        declaration::<Correction>(),
    ] {
        out.push('\n');
        out.push_str(&decl);
    }
    out
}

fn declaration<T: TS>() -> String {
    let docs = T::docs().unwrap_or_default();
    format!("{docs}export {}\n", T::decl())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_are_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        let generated = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p sourcelens-app bindings`",
            path.display()
        );
    }
}
