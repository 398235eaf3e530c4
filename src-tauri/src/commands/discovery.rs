use sourcelens_ingest::discover::{
    discover, Discovery, DiscoveryEndpoints, Outlet, Query, Registry, Signature,
};
use sourcelens_service::seed_articles;
use sourcelens_store::{resolve_data_dir, OUTLETS_FILE};
use tauri::State;

use crate::ipc::{ErrorCode, IpcError};
use crate::LibraryState;

/// The built-in outlets with the researcher's `outlets.toml` laid over them.
fn registry() -> Result<Registry, IpcError> {
    let dir = resolve_data_dir(None)?;
    Registry::with_overrides(&dir.join(OUTLETS_FILE)).map_err(|e| IpcError {
        code: ErrorCode::InvalidInput,
        message: format!("Your outlet list cannot be used. {e}. Fix the file, or move it away to use the built-in list."),
    })
}

/// The outlets SourceLens knows, for choosing where to look.
#[tauri::command(async)]
pub fn list_outlets() -> Result<Vec<Outlet>, IpcError> {
    Ok(registry()?.outlets().to_vec())
}

/// Other outlets' versions of the comparison's event, ranked, with reasons.
/// Nothing is imported: the researcher picks from the candidates.
/// `SOURCELENS_GDELT_URL` points discovery at another GDELT (a test server).
#[tauri::command]
pub async fn discover_coverage(
    state: State<'_, LibraryState>,
    name: String,
    outlets: Vec<String>,
) -> Result<Discovery, IpcError> {
    let seeds = seed_articles(state.library()?, &name)?;
    if seeds.is_empty() {
        return Err(IpcError {
            code: ErrorCode::InvalidInput,
            message: "Add at least one article first: discovery looks for other versions of the articles you have.".into(),
        });
    }
    let registry = registry()?;
    let chosen = outlets
        .iter()
        .map(|wanted| {
            registry.find(wanted).cloned().ok_or_else(|| IpcError {
                code: ErrorCode::InvalidInput,
                message: format!("No outlet called “{wanted}”. Pick one from the list, or add it to {OUTLETS_FILE} in your data folder."),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut endpoints = DiscoveryEndpoints::default();
    if let Some(gdelt) = std::env::var("SOURCELENS_GDELT_URL")
        .ok()
        .and_then(|u| url::Url::parse(&u).ok())
    {
        endpoints.gdelt = gdelt;
    }
    let today = time::OffsetDateTime::now_utc().date();
    let (from, to) = Query::around(&Signature::of(&seeds), today);
    let query = Query {
        outlets: chosen,
        from,
        to,
        today,
    };
    Ok(discover(&state.fetcher(), &endpoints, &registry, &seeds, &query).await)
}
