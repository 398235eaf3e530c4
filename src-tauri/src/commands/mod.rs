//! The IPC commands, each a one-line wrapper over the engine.
//!
//! `names.rs` holds the one list of command names: `build.rs` turns it into
//! permissions, the capability grants exactly those, and [`handler`] registers
//! the functions of the same names.

mod comparison;
mod discovery;
mod library;

/// The handler that dispatches IPC calls to the commands.
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        library::list_comparisons,
        library::create_comparison,
        library::rename_comparison,
        library::duplicate_comparison,
        library::delete_comparison,
        library::restore_comparison,
        library::open_bundle,
        comparison::open_comparison,
        comparison::import_into_comparison,
        comparison::correct_comparison,
        comparison::undo_last_correction,
        comparison::export_comparison,
        comparison::import_text,
        discovery::discover_coverage,
        discovery::list_outlets
    ]
}

#[cfg(test)]
mod tests {
    include!("names.rs");

    #[test]
    fn the_capability_grants_exactly_the_registered_commands_events_links_and_file_dialogs() {
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../../capabilities/default.json")).unwrap();
        let mut granted: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .filter(|p| !p.starts_with("core:event:"))
            .collect();
        // Opening an article's web address in the browser, or showing its
        // file in the file manager: the opener's default set, nothing wider.
        // Choosing where an export is saved, and which bundle to open.
        granted.retain(|p| {
            !["opener:default", "dialog:allow-save", "dialog:allow-open"].contains(&p.as_str())
        });
        let mut expected: Vec<String> = COMMANDS
            .iter()
            .map(|name| format!("allow-{}", name.replace('_', "-")))
            .collect();
        granted.sort();
        expected.sort();
        assert_eq!(granted, expected);
    }
}
