include!("src/commands/names.rs");

fn main() {
    // The UI is embedded at compile time; rebuild when its output changes.
    println!("cargo:rerun-if-changed=../ui/dist");
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri.conf.json at the repository root is valid");
}
