use sourcelens_core::comparison::Groups;
use sourcelens_ingest::Limits;
use sourcelens_service::{import_inputs, open_saved, ImportOutcome};
use tauri::{AppHandle, Emitter, State};

use crate::ipc::IpcError;
use crate::views::ComparisonView;
use crate::LibraryState;

/// A saved comparison as its matrix, with the researcher's corrections applied.
#[tauri::command(async)]
pub fn open_comparison(
    state: State<'_, LibraryState>,
    name: String,
) -> Result<ComparisonView, IpcError> {
    let saved = open_saved(state.library()?, &name, &Groups::new())?;
    Ok(ComparisonView::new(name, saved))
}

/// Imports files (dropped, or paths typed) into a comparison, reporting
/// each one as an `import-progress` event as soon as it is done.
#[tauri::command(async)]
pub fn import_into_comparison<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, LibraryState>,
    comparison: String,
    inputs: Vec<String>,
) -> Result<Vec<ImportOutcome>, IpcError> {
    let library = state.library()?;
    Ok(import_inputs(
        library,
        &comparison,
        &inputs,
        None,
        &Limits::default(),
        |outcome| {
            // The UI may have closed; progress that reaches nobody is not an error.
            let _ = app.emit("import-progress", outcome);
        },
    ))
}
