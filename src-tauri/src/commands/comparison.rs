use sourcelens_core::comparison::Correction;
use sourcelens_ingest::fetch::{parse_day, ArchiveChoice, FetchOptions, Progress};
use sourcelens_ingest::Limits;
use sourcelens_service::export::{export_saved, ExportError, ExportFormat};
use sourcelens_service::{
    add_correction, import_inputs, import_pasted, open_saved, undo_correction, ImportOutcome,
    Pasted, Reader,
};
use sourcelens_store::Library;
use tauri::{AppHandle, Emitter, State};
use tokio::sync::mpsc::unbounded_channel;

use crate::ipc::{ErrorCode, IpcError};
use crate::views::ComparisonView;
use crate::LibraryState;

/// A saved comparison as the UI draws it: corrections applied, balance
/// figures for the researcher's sides.
fn view_of(library: &Library, name: String) -> Result<ComparisonView, IpcError> {
    let saved = open_saved(library, &name)?;
    Ok(ComparisonView::new(name, saved))
}

/// A saved comparison as its matrix, with the researcher's corrections applied.
#[tauri::command(async)]
pub fn open_comparison(
    state: State<'_, LibraryState>,
    name: String,
) -> Result<ComparisonView, IpcError> {
    view_of(state.library()?, name)
}

/// Imports files and web addresses (dropped, pasted or typed) into a
/// comparison. Each address's progress is a `fetch-progress` event; each
/// input is an `import-progress` event as soon as it is stored.
/// `ignore_robots` fetches pages robots.txt forbids, for addresses the
/// researcher chose and confirmed; `archive_date` (`YYYY-MM-DD`) takes the
/// Internet Archive's copy closest to that date instead of the live page.
#[tauri::command]
pub async fn import_into_comparison<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, LibraryState>,
    comparison: String,
    inputs: Vec<String>,
    ignore_robots: Option<bool>,
    archive_date: Option<String>,
) -> Result<Vec<ImportOutcome>, IpcError> {
    let library = state.shared_library()?;
    let archive = match archive_date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => ArchiveChoice::WhenGone,
        Some(date) => ArchiveChoice::ClosestTo(parse_day(date).map_err(|message| IpcError {
            code: ErrorCode::InvalidInput,
            message,
        })?),
    };
    let reader = Reader {
        limits: Limits::default(),
        fetcher: state.fetcher(),
        fetch: FetchOptions {
            ignore_robots: ignore_robots.unwrap_or(false),
            archive,
        },
    };
    let (progress, mut heard) = unbounded_channel::<Progress>();
    let forwarder = app.clone();
    let forwarding = tauri::async_runtime::spawn(async move {
        while let Some(progress) = heard.recv().await {
            // The UI may have closed; progress that reaches nobody is not an error.
            let _ = forwarder.emit("fetch-progress", progress);
        }
    });
    let read = reader.read(&inputs, Some(progress)).await;
    let _ = forwarding.await;
    // Analysing and storing is CPU and disk work: off the async threads.
    tauri::async_runtime::spawn_blocking(move || {
        import_inputs(&library, &comparison, &inputs, read, None, |outcome| {
            let _ = app.emit("import-progress", outcome);
        })
    })
    .await
    .map_err(|e| IpcError {
        code: ErrorCode::Internal,
        message: format!("The import stopped unexpectedly ({e}); what was already added is kept."),
    })
}

/// Records a correction (saved at once) and returns the corrected view.
#[tauri::command(async)]
pub fn correct_comparison(
    state: State<'_, LibraryState>,
    name: String,
    correction: Correction,
) -> Result<ComparisonView, IpcError> {
    let library = state.library()?;
    add_correction(library, &name, &correction)?;
    view_of(library, name)
}

/// Takes back the newest correction and returns the view without it.
#[tauri::command(async)]
pub fn undo_last_correction(
    state: State<'_, LibraryState>,
    name: String,
) -> Result<ComparisonView, IpcError> {
    let library = state.library()?;
    undo_correction(library, &name)?;
    view_of(library, name)
}

/// Writes the comparison, corrections applied, to `path` as the matrix in
/// CSV, the `compare --json` document, or a bundle.
#[tauri::command(async)]
pub fn export_comparison(
    state: State<'_, LibraryState>,
    name: String,
    format: ExportFormat,
    path: String,
) -> Result<(), IpcError> {
    export_saved(state.library()?, &name, format, std::path::Path::new(&path)).map_err(|error| {
        match error {
            ExportError::Store(store) => IpcError::from(store),
            write @ ExportError::Write { .. } => IpcError {
                code: ErrorCode::InvalidInput,
                message: write.to_string(),
            },
        }
    })
}

/// Adds article text the researcher pasted, as one article of the outlet
/// they named.
#[tauri::command(async)]
pub fn import_text(
    state: State<'_, LibraryState>,
    comparison: String,
    pasted: Pasted,
) -> Result<ImportOutcome, IpcError> {
    Ok(import_pasted(state.library()?, &comparison, &pasted))
}
