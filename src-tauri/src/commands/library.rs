use sourcelens_service::{delete_keeping_undo, restore_deleted};
use sourcelens_store::{resolve_data_dir, ComparisonSummary, OnConflict};
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

/// Gives a comparison a new name.
#[tauri::command]
pub fn rename_comparison(
    state: State<'_, LibraryState>,
    name: String,
    new_name: String,
) -> Result<ComparisonSummary, IpcError> {
    Ok(state.library()?.rename_comparison(&name, &new_name)?)
}

/// Copies a comparison, articles and corrections, under a new name.
#[tauri::command]
pub fn duplicate_comparison(
    state: State<'_, LibraryState>,
    name: String,
    new_name: String,
) -> Result<ComparisonSummary, IpcError> {
    Ok(state.library()?.duplicate_comparison(&name, &new_name)?)
}

/// Deletes a comparison, keeping it in the trash; returns the token that
/// `restore_comparison` takes to undo the deletion.
#[tauri::command]
pub fn delete_comparison(state: State<'_, LibraryState>, name: String) -> Result<String, IpcError> {
    let dir = resolve_data_dir(None)?;
    Ok(delete_keeping_undo(state.library()?, &dir, &name)?)
}

/// Undoes a deletion.
#[tauri::command]
pub fn restore_comparison(
    state: State<'_, LibraryState>,
    token: String,
) -> Result<ComparisonSummary, IpcError> {
    let dir = resolve_data_dir(None)?;
    Ok(restore_deleted(state.library()?, &dir, &token)?)
}

/// Imports a bundle file another library exported; a comparison of the
/// same name is kept and the imported one named “Name (2)”.
#[tauri::command(async)]
pub fn open_bundle(
    state: State<'_, LibraryState>,
    path: String,
) -> Result<ComparisonSummary, IpcError> {
    Ok(state
        .library()?
        .import_bundle(std::path::Path::new(&path), OnConflict::KeepBoth)?)
}
