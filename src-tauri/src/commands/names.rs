/// Every command the UI may call, by name. `build.rs` includes this file to
/// generate one permission per command; the capability grants exactly these.
pub const COMMANDS: &[&str] = &[
    "list_comparisons",
    "create_comparison",
    "open_comparison",
    "import_into_comparison",
    "correct_comparison",
    "undo_last_correction",
    "discover_coverage",
    "list_outlets",
    "export_comparison",
    "rename_comparison",
    "duplicate_comparison",
    "delete_comparison",
    "restore_comparison",
    "open_bundle",
    "import_text",
];
