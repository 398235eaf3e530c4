//! The subcommands that work on the saved library: import, list, show,
//! export, import-bundle, delete, backup and restore.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sourcelens_service::{import_inputs, open_saved, ReadResult};
use sourcelens_store::{restore, Library, OnConflict, BACKUP_DIR};

use crate::analysis::{print_comparison, Format};
use crate::EXIT_FAILED;

/// `import INPUT... --comparison NAME`: each input is read and stored in its
/// own transaction, so an interrupted import keeps what it finished and a
/// bad input never stops the others.
pub fn import(
    library: &Library,
    inputs: &[String],
    read: Vec<ReadResult>,
    comparison: &str,
    outlet: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let mut write_error = None;
    let outcomes = import_inputs(library, comparison, inputs, read, outlet, |outcome| {
        let input = &outcome.input;
        if let Some(failure) = &outcome.failure {
            eprintln!("sourcelens import: {}", failure.message);
        }
        let mut out = std::io::stdout().lock();
        let mut said = Ok(());
        if outcome.added > 0 {
            said = said.and(writeln!(
                out,
                "{input}: added {} article(s) to “{comparison}”",
                outcome.added
            ));
        }
        if outcome.already_present > 0 {
            said = said.and(writeln!(
                out,
                "{input}: already in “{comparison}”, not added again"
            ));
        }
        if let Err(e) = said.and(out.flush()) {
            write_error.get_or_insert(e);
        }
    });
    if let Some(error) = write_error {
        return Err(error.into());
    }
    let failed = outcomes.iter().any(|o| o.failure.is_some());
    Ok(if failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// `show NAME [--json]`: the saved comparison's matrix, from the stored
/// analyses (re-analysed where an older engine made them), with the
/// researcher's corrections applied.
pub fn show(library: &Library, name: &str, json: bool) -> anyhow::Result<ExitCode> {
    let saved = open_saved(library, name)?;
    let format = if json { Format::Json } else { Format::Table };
    print_comparison(&saved.analysed, &saved.comparison, &saved.failures, format)?;
    Ok(ExitCode::SUCCESS)
}

/// The saved comparison's articles, without analysis (for `show --articles`).
pub fn show_articles(library: &Library, name: &str, json: bool) -> anyhow::Result<ExitCode> {
    let open = library.open_comparison(name)?;
    let mut out = std::io::stdout().lock();
    if json {
        let articles: Vec<_> = open
            .record
            .members
            .iter()
            .zip(&open.articles)
            .map(|(member, article)| {
                serde_json::json!({
                    "id": article.id,
                    "path": article.origin,
                    "outlet": member.outlet,
                    "title": article.meta.title,
                    "date": article.meta.date,
                    "url": article.meta.url,
                    "words": article.text.split_whitespace().count(),
                })
            })
            .collect();
        let document = serde_json::json!({
            "name": open.record.name,
            "description": open.record.description,
            "articles": articles,
            "corrections": open.corrections.len(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
    } else {
        writeln!(
            out,
            "{} ({} articles)",
            open.record.name,
            open.articles.len()
        )?;
        for (member, article) in open.record.members.iter().zip(&open.articles) {
            let title = article.meta.title.as_deref().unwrap_or("(untitled)");
            writeln!(out, "  {:<20} {title}", member.outlet)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `export NAME --bundle FILE`.
pub fn export(library: &Library, name: &str, bundle: &Path) -> anyhow::Result<ExitCode> {
    library.export_bundle(name, bundle)?;
    writeln!(
        std::io::stdout().lock(),
        "Exported “{name}” to {}",
        bundle.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `import-bundle FILE [--replace | --keep-both]`.
pub fn import_bundle(
    library: &Library,
    file: &Path,
    on_conflict: OnConflict,
) -> anyhow::Result<ExitCode> {
    let summary = library.import_bundle(file, on_conflict)?;
    writeln!(
        std::io::stdout().lock(),
        "Imported “{}” ({} articles) from {}",
        summary.name,
        summary.article_count,
        file.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `delete NAME`.
pub fn delete(library: &Library, name: &str) -> anyhow::Result<ExitCode> {
    library.delete_comparison(name)?;
    writeln!(std::io::stdout().lock(), "Deleted “{name}”")?;
    Ok(ExitCode::SUCCESS)
}

/// `backup [--to DIR]`.
pub fn backup(library: &Library, to: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let dir = to.unwrap_or_else(|| library.dir().join(BACKUP_DIR));
    let path = library.backup(&dir)?;
    writeln!(std::io::stdout().lock(), "{}", path.display())?;
    Ok(ExitCode::SUCCESS)
}

/// `restore BACKUP`: into the chosen data directory, which must be empty.
pub fn restore_backup(file: &Path, data_dir: &Path) -> anyhow::Result<ExitCode> {
    restore(file, data_dir)?;
    writeln!(
        std::io::stdout().lock(),
        "Restored {} into {}",
        file.display(),
        data_dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
