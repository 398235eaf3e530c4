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

use std::sync::Arc;

use tauri::{Manager, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

use sourcelens_ingest::fetch::{FetchConfig, Fetcher, WaybackEndpoints};
use sourcelens_service::{empty_trash, LibraryFetchCache, TRASH_KEEPS};
use sourcelens_store::{resolve_data_dir, Library};

/// The library the window works on (or why it could not be opened), and
/// the one fetcher every command shares so that rate limits hold.
///
/// A library that fails to open (locked by another process, written by a newer
/// version) does not stop the window from starting: every command returns the
/// error, and the UI shows it with what to do.
pub struct LibraryState {
    library: Result<Arc<Library>, ipc::IpcError>,
    fetcher: Arc<Fetcher>,
}

impl LibraryState {
    /// Opens the library chosen by `SOURCELENS_DATA_DIR` or the platform
    /// default (letting go of comparisons deleted over 30 days ago).
    /// `SOURCELENS_WAYBACK_URL` points the fetcher at another
    /// Wayback Machine (a mirror, or a test server).
    pub fn open_default() -> Self {
        let library = resolve_data_dir(None)
            .and_then(|dir| {
                let library = Library::open(&dir)?;
                if let Err(e) = empty_trash(&dir, TRASH_KEEPS) {
                    eprintln!("SourceLens could not empty its trash: {e}");
                }
                Ok(library)
            })
            .map(Arc::new)
            .map_err(ipc::IpcError::from);
        let mut config = FetchConfig::default();
        if let Some(base) = std::env::var("SOURCELENS_WAYBACK_URL")
            .ok()
            .and_then(|u| url::Url::parse(&u).ok())
        {
            config.wayback = WaybackEndpoints::under(&base);
        }
        let fetcher = Fetcher::new(config);
        let fetcher = match &library {
            Ok(library) => fetcher.with_cache(Arc::new(LibraryFetchCache(library.clone()))),
            Err(_) => fetcher,
        };
        LibraryState {
            library,
            fetcher: Arc::new(fetcher),
        }
    }

    /// The open library, or the error that kept it closed.
    pub fn library(&self) -> Result<&Library, ipc::IpcError> {
        self.library.as_deref().map_err(Clone::clone)
    }

    /// The open library, shared, for work done off the command's thread.
    pub fn shared_library(&self) -> Result<Arc<Library>, ipc::IpcError> {
        self.library.clone()
    }

    /// The shared fetcher.
    pub fn fetcher(&self) -> Arc<Fetcher> {
        self.fetcher.clone()
    }
}

/// Registers state and commands on a builder; shared by [`run`] and tests.
pub fn configure<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        // A second launch brings the running window forward instead of
        // fighting it for the library (needs a D-Bus session on Linux;
        // without one each launch runs on its own and the library lock
        // explains the conflict).
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        // Saved as it changes, not only on a clean exit, so a crash or a
        // kill does not lose it.
        .on_window_event(|window, event| {
            if matches!(event, WindowEvent::Resized(_) | WindowEvent::Moved(_)) {
                let _ = window.app_handle().save_window_state(StateFlags::all());
            }
        })
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(LibraryState::open_default())
        .invoke_handler(commands::handler())
}

/// Starts the desktop app and blocks until its last window closes.
pub fn run() {
    configure(tauri::Builder::default())
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the SourceLens window could not be started");
}
