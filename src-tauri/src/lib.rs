//! The SourceLens desktop shell.
//!
//! This crate is kept thin: it opens the researcher's library, registers the
//! IPC commands (each a one-line wrapper over the engine crates) and hands the
//! window to Tauri. Everything that analyses or stores lives in
//! `src-tauri/crates/`, which never depend on Tauri.
#![deny(missing_docs)]

pub mod bindings;
mod commands;
pub mod ipc;
pub mod views;

use sourcelens_store::{resolve_data_dir, Library};

/// The library the window works on, or why it could not be opened.
///
/// A library that fails to open (locked by another process, written by a newer
/// version) does not stop the window from starting: every command returns the
/// error, and the UI shows it with what to do.
pub struct LibraryState(pub Result<Library, ipc::IpcError>);

impl LibraryState {
    /// Opens the library chosen by `SOURCELENS_DATA_DIR` or the platform default.
    pub fn open_default() -> Self {
        let opened = resolve_data_dir(None).and_then(|dir| Library::open(&dir));
        LibraryState(opened.map_err(ipc::IpcError::from))
    }

    /// The open library, or the error that kept it closed.
    pub fn library(&self) -> Result<&Library, ipc::IpcError> {
        self.0.as_ref().map_err(Clone::clone)
    }
}

/// Registers state and commands on a builder; shared by [`run`] and tests.
pub fn configure<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .manage(LibraryState::open_default())
        .invoke_handler(commands::handler())
}

/// Starts the desktop app and blocks until its last window closes.
pub fn run() {
    configure(tauri::Builder::default())
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the SourceLens window could not be started");
}
