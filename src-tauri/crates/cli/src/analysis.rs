//! `analyze` and `compare`: the engine's analysis of inputs, as the JSON of
//! the CLI contract, as CSV, or as a readable table.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use serde_json::json;
use sourcelens_core::comparison::{Comparison, Correction};
use sourcelens_service::export::{articles_json, compare_document, write_matrix_csv};
use sourcelens_service::{analyse_inputs, compare_analysed, Analysed, InputFailure, ReadResult};

use crate::EXIT_FAILED;

/// How `compare` prints.
pub enum Format {
    /// The contract's JSON document.
    Json,
    /// The matrix as tidy CSV.
    Csv,
    /// A table for the terminal.
    Table,
}

/// How `analyze` prints.
pub enum AnalyzeFormat {
    /// The contract's JSON document.
    Json,
    /// A table of each article's sources.
    Table,
    /// Each source with the passes that made it, and the dropped candidates.
    Explain,
}

fn exit(errors: &[InputFailure]) -> ExitCode {
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILED)
    }
}

fn report_errors(errors: &[InputFailure], command: &str) {
    for error in errors {
        eprintln!("sourcelens {command}: {}", error.message);
    }
}

/// The line that opens an article's part of the output: outlet and title.
pub fn heading(article: &Analysed) -> String {
    format!(
        "{} — {}",
        article.outlet,
        article.title.as_deref().unwrap_or("(untitled)")
    )
}

/// `analyze [--json | --explain] INPUT...`.
pub fn analyze(
    inputs: &[String],
    read: Vec<ReadResult>,
    outlet: Option<&str>,
    format: AnalyzeFormat,
) -> anyhow::Result<ExitCode> {
    let (analysed, errors) = analyse_inputs(inputs, read, outlet);
    let mut out = std::io::stdout().lock();
    if let AnalyzeFormat::Json = format {
        let document = json!({ "articles": articles_json(&analysed), "errors": errors });
        writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
    } else if let AnalyzeFormat::Explain = format {
        crate::explain::print(&mut out, &analysed)?;
        report_errors(&errors, "analyze");
    } else {
        for article in &analysed {
            writeln!(out, "{}", heading(article))?;
            for source in &article.analysis.sources {
                let kind = serde_json::to_value(source.kind)?;
                writeln!(
                    out,
                    "  {:<40} {:<16} {} mention(s)",
                    source.name,
                    kind.as_str().unwrap_or(""),
                    source.mentions.len()
                )?;
            }
        }
        report_errors(&errors, "analyze");
    }
    Ok(exit(&errors))
}

/// Reads `--group "NAME=source;source"` options as corrections that put
/// those sources on that side.
pub fn parse_groups(raw: &[String]) -> anyhow::Result<Vec<Correction>> {
    let mut sides = Vec::new();
    for group in raw {
        let Some((name, members)) = group.split_once('=') else {
            bail!("--group {group:?} should look like \"NAME=source;source\"");
        };
        let members: Vec<String> = members
            .split(';')
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect();
        if name.trim().is_empty() || members.is_empty() {
            bail!("--group {group:?} needs a name and at least one source");
        }
        sides.extend(members.into_iter().map(|source| Correction::Side {
            source,
            side: Some(name.trim().to_string()),
        }));
    }
    Ok(sides)
}

/// Prints a comparison in the chosen format.
pub fn print_comparison(
    analysed: &[Analysed],
    comparison: &Comparison,
    errors: &[InputFailure],
    format: Format,
) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let document = compare_document(analysed, comparison, errors);
            writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
        }
        Format::Csv => write_matrix_csv(analysed, comparison, out)?,
        Format::Table => {
            let width = 14;
            write!(out, "{:<36}", "source")?;
            for article in analysed {
                let outlet: String = article.outlet.chars().take(width - 1).collect();
                write!(out, "{outlet:<width$}")?;
            }
            writeln!(out)?;
            for row in &comparison.sources {
                let name: String = row.name.chars().take(35).collect();
                write!(out, "{name:<36}")?;
                for article in analysed {
                    let cell = &row.cells[&article.path];
                    let mark = match cell.attribution {
                        None => "—".to_string(),
                        Some(a) => {
                            let letter = match a {
                                sourcelens_core::comparison::CellAttribution::DirectQuote => "Q",
                                sourcelens_core::comparison::CellAttribution::Indirect => "P",
                                sourcelens_core::comparison::CellAttribution::Both => "QP",
                            };
                            format!("{letter}×{}", cell.mentions)
                        }
                    };
                    write!(out, "{mark:<width$}")?;
                }
                writeln!(out)?;
            }
            writeln!(out, "\nQ quoted, P paraphrased, ×n mentions, — not used.")?;
            for omission in &comparison.omissions {
                writeln!(
                    out,
                    "Omission: {} leaves out {} (used by {} others)",
                    omission.article, omission.source, omission.included_by
                )?;
            }
            for copy in &comparison.wire_copies {
                writeln!(
                    out,
                    "Near copies: {} and {} ({:.0}% shared)",
                    copy.a,
                    copy.b,
                    copy.similarity * 100.0
                )?;
            }
            for unapplied in &comparison.unapplied_corrections {
                writeln!(
                    out,
                    "Correction {} no longer applies: {}",
                    unapplied.index + 1,
                    unapplied.reason
                )?;
            }
            report_errors(errors, "compare");
        }
    }
    Ok(())
}

/// `compare [--json|--csv] INPUT...`.
pub fn compare(
    inputs: &[String],
    read: Vec<ReadResult>,
    outlet: Option<&str>,
    format: Format,
    sides: &[Correction],
) -> anyhow::Result<ExitCode> {
    let (analysed, errors) = analyse_inputs(inputs, read, outlet);
    let comparison = compare_analysed(&analysed, sides);
    print_comparison(&analysed, &comparison, &errors, format)?;
    Ok(exit(&errors))
}
