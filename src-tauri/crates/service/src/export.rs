//! A comparison in the forms researchers take to their own tools: the
//! `compare --json` document of the CLI contract, and the matrix as tidy CSV
//! (one row per source and article).

use std::io::Write;

use serde_json::{json, Value};
use sourcelens_core::comparison::Comparison;

use crate::{Analysed, InputFailure};

/// The header of [`write_matrix_csv`]'s output.
pub const CSV_HEADER: [&str; 9] = [
    "source_id",
    "source_name",
    "kind",
    "article",
    "outlet",
    "included",
    "attribution",
    "mentions",
    "quoted_words",
];

/// The articles as the contract's JSON: path, outlet, title and sources.
pub fn articles_json(analysed: &[Analysed]) -> Vec<Value> {
    analysed
        .iter()
        .map(|a| json!({"path": a.path, "outlet": a.outlet, "title": a.title, "sources": a.analysis.sources}))
        .collect()
}

/// The `compare --json` document: articles, errors and the matrix.
pub fn compare_document(
    analysed: &[Analysed],
    comparison: &Comparison,
    errors: &[InputFailure],
) -> Value {
    json!({ "articles": articles_json(analysed), "errors": errors, "matrix": comparison })
}

/// Writes the matrix as CSV, one row per source and article.
pub fn write_matrix_csv(
    analysed: &[Analysed],
    comparison: &Comparison,
    out: impl Write,
) -> Result<(), csv::Error> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(CSV_HEADER)?;
    let text = |value: Value| value.as_str().unwrap_or_default().to_string();
    for row in &comparison.sources {
        let kind = text(serde_json::to_value(row.kind).expect("kinds serialise"));
        for article in analysed {
            let Some(cell) = row.cells.get(&article.path) else {
                continue;
            };
            let attribution = cell
                .attribution
                .map(|a| text(serde_json::to_value(a).expect("attributions serialise")))
                .unwrap_or_default();
            csv.write_record([
                row.id.as_str(),
                row.name.as_str(),
                &kind,
                article.path.as_str(),
                article.outlet.as_str(),
                if cell.included { "true" } else { "false" },
                &attribution,
                &cell.mentions.to_string(),
                &cell.quoted_words.to_string(),
            ])?;
        }
    }
    csv.flush()?;
    Ok(())
}

/// What a saved comparison is exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// The matrix as CSV.
    Csv,
    /// The `compare --json` document.
    Json,
    /// A SourceLens bundle another library can import.
    Bundle,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The comparison could not be read.
    #[error(transparent)]
    Store(#[from] sourcelens_store::StoreError),
    /// The file could not be written.
    #[error("{path} could not be written ({source}); choose another folder or file name")]
    Write {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Exports a saved comparison (with its corrections applied) to `path`. The
/// file appears whole or not at all: it is written beside `path` first and
/// then moved into place (bundles are written that way by the store).
pub fn export_saved(
    library: &sourcelens_store::Library,
    name: &str,
    format: ExportFormat,
    path: &std::path::Path,
) -> Result<(), ExportError> {
    let write_error = |source: std::io::Error| ExportError::Write {
        path: path.display().to_string(),
        source,
    };
    if format == ExportFormat::Bundle {
        return library.export_bundle(name, path).map_err(|e| match e {
            sourcelens_store::StoreError::File { source, .. } => write_error(source),
            other => other.into(),
        });
    }
    let saved = crate::open_saved(library, name)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(write_error)?;
    if format == ExportFormat::Json {
        let document = compare_document(&saved.analysed, &saved.comparison, &saved.failures);
        serde_json::to_writer_pretty(&mut file, &document).map_err(|e| write_error(e.into()))?;
    } else {
        write_matrix_csv(&saved.analysed, &saved.comparison, &mut file).map_err(|e| {
            write_error(match e.into_kind() {
                csv::ErrorKind::Io(io) => io,
                other => std::io::Error::other(format!("{other:?}")),
            })
        })?;
    }
    file.as_file().sync_all().map_err(write_error)?;
    file.persist(path).map_err(|e| write_error(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sourcelens_store::Library;

    fn library_with_one_article() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("library")).unwrap();
        let article = dir.path().join("capital-daily.txt");
        std::fs::write(
            &article,
            "VALMORA — Foreign Minister Anton Reyes said on Tuesday that the talks had stalled.\n\n\
             “We came here to sign,” Reyes told reporters.",
        )
        .unwrap();
        let inputs = vec![article.display().to_string()];
        let read = inputs
            .iter()
            .map(|i| sourcelens_ingest::read_file(std::path::Path::new(i), &Default::default()))
            .collect();
        crate::import_inputs(
            &library,
            "Valmora",
            &inputs,
            read,
            Some("Capital Daily"),
            |_| {},
        );
        (dir, library)
    }

    #[test]
    fn csv_json_and_bundle_exports_hold_the_comparison() {
        let (dir, library) = library_with_one_article();
        let csv_path = dir.path().join("out/valmora.csv");
        std::fs::create_dir(dir.path().join("out")).unwrap();
        export_saved(&library, "Valmora", ExportFormat::Csv, &csv_path).unwrap();
        let csv = std::fs::read_to_string(&csv_path).unwrap();
        assert!(csv.starts_with(&CSV_HEADER.join(",")), "{csv}");
        assert!(
            csv.contains("Anton Reyes") && csv.contains("Capital Daily"),
            "{csv}"
        );

        let json_path = dir.path().join("out/valmora.json");
        export_saved(&library, "Valmora", ExportFormat::Json, &json_path).unwrap();
        let json: Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
        assert_eq!(json["articles"][0]["outlet"], "Capital Daily");
        assert!(!json["matrix"]["sources"].as_array().unwrap().is_empty());

        let bundle_path = dir.path().join("out/valmora.sourcelens");
        export_saved(&library, "Valmora", ExportFormat::Bundle, &bundle_path).unwrap();
        let other = Library::open(&dir.path().join("other")).unwrap();
        other
            .import_bundle(&bundle_path, sourcelens_store::OnConflict::Refuse)
            .unwrap();
        assert_eq!(other.list_comparisons().unwrap()[0].name, "Valmora");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().collect();
        assert_eq!(leftovers.len(), 3, "no temporary files are left behind");
    }

    #[test]
    fn an_unwritable_place_or_unknown_comparison_fails_without_a_partial_file() {
        let (dir, library) = library_with_one_article();
        let nowhere = dir.path().join("missing-folder/valmora.csv");
        let error = export_saved(&library, "Valmora", ExportFormat::Csv, &nowhere).unwrap_err();
        assert!(
            error.to_string().contains("choose another folder"),
            "{error}"
        );
        assert!(!nowhere.exists());

        let path = dir.path().join("nothing.json");
        let error = export_saved(&library, "No such", ExportFormat::Json, &path).unwrap_err();
        assert!(matches!(error, ExportError::Store(_)), "{error}");
        assert!(!path.exists());
    }
}
