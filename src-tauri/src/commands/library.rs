use sourcelens_store::ComparisonSummary;
use tauri::State;

use crate::ipc::IpcError;
use crate::LibraryState;

/// The saved comparisons, most recently changed first.
#[tauri::command]
pub fn list_comparisons(
    state: State<'_, LibraryState>,
) -> Result<Vec<ComparisonSummary>, IpcError> {
    Ok(state.library()?.list_comparisons()?)
}

/// Creates an empty comparison with the given name.
#[tauri::command]
pub fn create_comparison(
    state: State<'_, LibraryState>,
    name: String,
    description: String,
) -> Result<ComparisonSummary, IpcError> {
    Ok(state.library()?.create_comparison(&name, &description)?)
}
