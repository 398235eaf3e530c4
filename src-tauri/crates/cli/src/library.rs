//! The subcommands that work on the saved library: import, list, show,
//! export, import-bundle, delete, backup and restore.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sourcelens_ingest::{Article, Limits, Origin};
use sourcelens_store::{restore, ArticleMetadata, Library, NewArticle, OnConflict, BACKUP_DIR};

use crate::analysis::{analyse_text, comparison, print_comparison, Analysed, Format};
use crate::{read_input, EXIT_FAILED};
use sourcelens_core::comparison::Groups;

/// The engine version recorded with everything this build stores.
const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The outlet an article stands for: the one given, else the site name the
/// page declares, else the web host, else the file name.
pub(crate) fn outlet_of(article: &Article, input: &str, given: Option<&str>) -> String {
    if let Some(given) = given.map(str::trim).filter(|g| !g.is_empty()) {
        return given.to_string();
    }
    if let Some(site) = article
        .meta
        .site
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        return site.trim().to_string();
    }
    let host = article
        .meta
        .url
        .as_deref()
        .and_then(url_host)
        .or_else(|| url_host(input));
    host.unwrap_or_else(|| {
        Path::new(input)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| input.to_string())
    })
}

fn url_host(raw: &str) -> Option<String> {
    let rest = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string()).filter(|h| !h.is_empty())
}

fn to_new_article(article: Article, input: &str, outlet: Option<&str>) -> NewArticle {
    let outlet = outlet_of(&article, input, outlet);
    let part = match &article.origin {
        Origin::File { part, .. } => part.clone(),
        _ => None,
    };
    NewArticle {
        meta: ArticleMetadata {
            title: article.meta.title,
            byline: article.meta.byline,
            date: article.meta.date,
            site: article.meta.site,
            url: article.meta.url,
            language: article.meta.language,
        },
        text: article.text,
        origin: input.to_string(),
        part,
        raw: article.raw,
        outlet,
        engine_version: ENGINE_VERSION.to_string(),
    }
}

/// `import INPUT... --comparison NAME`: each input is read and stored in its
/// own transaction, so an interrupted import keeps what it finished and a
/// bad input never stops the others.
pub fn import(
    library: &Library,
    inputs: &[String],
    comparison: &str,
    outlet: Option<&str>,
    limits: &Limits,
) -> anyhow::Result<ExitCode> {
    let mut failed = 0;
    for input in inputs {
        let articles = match read_input(input, limits) {
            Ok(articles) => articles,
            Err(error) => {
                eprintln!("sourcelens import: {error}");
                failed += 1;
                continue;
            }
        };
        let new: Vec<NewArticle> = articles
            .into_iter()
            .map(|a| to_new_article(a, input, outlet))
            .collect();
        match library.add_articles(comparison, new) {
            Ok(report) => {
                let mut out = std::io::stdout().lock();
                if !report.added.is_empty() {
                    writeln!(
                        out,
                        "{input}: added {} article(s) to “{comparison}”",
                        report.added.len()
                    )?;
                }
                if !report.already_present.is_empty() {
                    writeln!(out, "{input}: already in “{comparison}”, not added again")?;
                }
            }
            Err(error) => {
                eprintln!("sourcelens import: {input}: {error}");
                failed += 1;
            }
        }
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILED)
    })
}

/// `show NAME [--json]`: the saved comparison's matrix, from the stored
/// analyses (re-analysed where an older engine made them), with the
/// researcher's corrections applied.
pub fn show(library: &Library, name: &str, json: bool) -> anyhow::Result<ExitCode> {
    let open = library.open_comparison(name)?;
    let mut analysed = Vec::new();
    let mut errors = Vec::new();
    for ((member, article), stored) in open
        .record
        .members
        .iter()
        .zip(&open.articles)
        .zip(&open.analyses)
    {
        let path = match &article.part {
            Some(part) => format!("{}#{part}", article.origin),
            None => article.origin.clone(),
        };
        let current = stored
            .as_ref()
            .filter(|s| s.engine_version == ENGINE_VERSION)
            .and_then(|s| serde_json::from_value(s.analysis.clone()).ok());
        let analysis = match current {
            Some(analysis) => analysis,
            None => match analyse_text(&path, article.meta.language.as_deref(), &article.text) {
                Ok(analysis) => analysis,
                Err(error) => {
                    errors.push(error);
                    continue;
                }
            },
        };
        analysed.push(Analysed {
            path,
            outlet: member.outlet.clone(),
            title: article.meta.title.clone(),
            text: article.text.clone(),
            analysis,
        });
    }
    let mut corrections = Vec::new();
    for (index, entry) in open.corrections.iter().enumerate() {
        match serde_json::from_value(entry.correction.clone()) {
            Ok(correction) => corrections.push(correction),
            Err(e) => errors.push(serde_json::json!({
                "path": name, "code": "unreadable_correction",
                "message": format!("correction {} cannot be read ({e}); it was left out", index + 1),
            })),
        }
    }
    let comparison = comparison(&analysed, &corrections, &Groups::new());
    print_comparison(
        &analysed,
        &comparison,
        &errors,
        if json { Format::Json } else { Format::Table },
    )?;
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
