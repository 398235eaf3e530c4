use sourcelens_core::comparison::{Correction, Groups};
use sourcelens_ingest::Limits;
use sourcelens_service::{
    add_correction, import_inputs, open_saved, undo_correction, ImportOutcome,
};
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

/// Records a correction (saved at once) and returns the corrected view.
#[tauri::command(async)]
pub fn correct_comparison(
    state: State<'_, LibraryState>,
    name: String,
    correction: Correction,
) -> Result<ComparisonView, IpcError> {
    let library = state.library()?;
    add_correction(library, &name, &correction)?;
    Ok(ComparisonView::new(
        name.clone(),
        open_saved(library, &name, &Groups::new())?,
    ))
}

/// Takes back the newest correction and returns the view without it.
#[tauri::command(async)]
pub fn undo_last_correction(
    state: State<'_, LibraryState>,
    name: String,
) -> Result<ComparisonView, IpcError> {
    let library = state.library()?;
    undo_correction(library, &name)?;
    Ok(ComparisonView::new(
        name.clone(),
        open_saved(library, &name, &Groups::new())?,
    ))
}
