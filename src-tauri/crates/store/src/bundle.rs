//! Portable bundles: one comparison with its articles, raw bytes, analyses,
//! outlets and corrections in a single JSON file that another SourceLens
//! imports losslessly.
//!
//! ```text
//! {"format": "sourcelens-bundle", "version": 1,
//!  "exportedAt": "<RFC 3339>", "exportedBy": "SourceLens <version>",
//!  "checksum": "<SHA-256, hex, of the JSON of body>",
//!  "body": {"comparison": {...}, "articles": [{..., "raw": "<base64>"}],
//!           "analyses": [{"article": "<id>", ...}], "outlets": [...],
//!           "corrections": [...]}}
//! ```
//!
//! Import checks the format and version first, then the checksum, then that
//! every article's raw bytes match its recorded hash, so a damaged or edited
//! bundle is refused before anything is written.

use std::fs;
use std::path::Path;

use base64::Engine;
use serde::{Deserialize, Serialize};
use sled::Transactional;
use time::OffsetDateTime;

use crate::codec;
use crate::comparison::ComparisonSummary;
use crate::library::{
    analysis_prefix, article_id, correction_prefix, hex_sha256, insert_new_comparison, Library,
};
use crate::records::{
    AnalysisRecord, ArticleRecord, ComparisonRecord, CorrectionRecord, OutletRecord,
};
use crate::StoreError;

/// The `format` field of every bundle.
pub const BUNDLE_FORMAT: &str = "sourcelens-bundle";
/// The bundle version this build writes and the newest it reads.
pub const BUNDLE_VERSION: u32 = 1;

/// What to do when a bundle's comparison has the name of one already here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    /// Refuse with [`StoreError::BundleConflict`].
    Refuse,
    /// Replace the comparison already here.
    Replace,
    /// Import under a new name, “Name (2)”.
    KeepBoth,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BundleFile {
    format: String,
    version: u32,
    exported_at: String,
    exported_by: String,
    checksum: String,
    body: BundleBody,
}

#[derive(Serialize, Deserialize)]
struct BundleBody {
    comparison: ComparisonRecord,
    articles: Vec<BundleArticle>,
    analyses: Vec<BundleAnalysis>,
    outlets: Vec<OutletRecord>,
    corrections: Vec<CorrectionRecord>,
}

#[derive(Serialize, Deserialize)]
struct BundleArticle {
    #[serde(flatten)]
    record: ArticleRecord,
    raw: String,
}

#[derive(Serialize, Deserialize)]
struct BundleAnalysis {
    article: String,
    key: String,
    #[serde(flatten)]
    record: AnalysisRecord,
}

fn checksum(body: &BundleBody) -> String {
    hex_sha256(&serde_json::to_vec(body).expect("bundles serialise to JSON"))
}

impl Library {
    /// Writes the named comparison to a bundle file.
    pub fn export_bundle(&self, name: &str, file: &Path) -> Result<(), StoreError> {
        let open = self.open_comparison(name)?;
        let base64 = base64::engine::general_purpose::STANDARD;
        let mut articles = Vec::new();
        let mut analyses = Vec::new();
        for article in open.articles {
            let prefix = analysis_prefix(&article.id);
            for entry in self.trees.analyses.scan_prefix(&prefix) {
                let (key, value) = entry?;
                let record: AnalysisRecord =
                    codec::decode(&value, &format!("analysis of {}", article.id))
                        .map_err(|d| self.corrupt(d))?;
                analyses.push(BundleAnalysis {
                    article: article.id.clone(),
                    key: String::from_utf8_lossy(&key[prefix.len()..]).into_owned(),
                    record,
                });
            }
            let raw = base64.encode(self.raw_bytes(&article.blob)?);
            articles.push(BundleArticle {
                record: article,
                raw,
            });
        }
        let outlet_names = open.record.outlets();
        let outlets = self
            .outlets()?
            .into_iter()
            .filter(|o| outlet_names.iter().any(|n| n.eq_ignore_ascii_case(&o.name)))
            .collect();
        let body = BundleBody {
            comparison: open.record,
            articles,
            analyses,
            outlets,
            corrections: open.corrections,
        };
        let bundle = BundleFile {
            format: BUNDLE_FORMAT.into(),
            version: BUNDLE_VERSION,
            exported_at: OffsetDateTime::now_utc()
                .format(&time::format_description::well_known::Rfc3339)
                .expect("timestamps format"),
            exported_by: format!("SourceLens {}", env!("CARGO_PKG_VERSION")),
            checksum: checksum(&body),
            body,
        };
        let file_error = |source| StoreError::File {
            path: file.to_path_buf(),
            source,
        };
        let partial = file.with_extension("partial");
        fs::write(
            &partial,
            serde_json::to_vec(&bundle).expect("bundles serialise to JSON"),
        )
        .map_err(file_error)?;
        fs::rename(&partial, file).map_err(file_error)
    }

    /// Imports a bundle file; returns the comparison as it is now stored.
    pub fn import_bundle(
        &self,
        file: &Path,
        on_conflict: OnConflict,
    ) -> Result<ComparisonSummary, StoreError> {
        let bad = |detail: String| StoreError::BadBundle {
            file: file.to_path_buf(),
            detail,
        };
        let bytes = fs::read(file).map_err(|source| StoreError::File {
            path: file.to_path_buf(),
            source,
        })?;
        let value: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| bad(format!("it is not valid JSON ({e}); it may be cut short")))?;
        if value["format"] != BUNDLE_FORMAT {
            return Err(bad("it is not a SourceLens bundle".into()));
        }
        let version = value["version"]
            .as_u64()
            .ok_or_else(|| bad("it has no version".into()))?;
        if version > u64::from(BUNDLE_VERSION) {
            return Err(StoreError::BundleTooNew {
                file: file.to_path_buf(),
                found: u32::try_from(version).unwrap_or(u32::MAX),
                supported: BUNDLE_VERSION,
            });
        }
        let bundle: BundleFile = serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
        if checksum(&bundle.body) != bundle.checksum {
            return Err(bad(
                "its checksum does not match: it was changed or damaged after export".into(),
            ));
        }
        let base64 = base64::engine::general_purpose::STANDARD;
        let mut articles = Vec::new();
        for article in &bundle.body.articles {
            let raw = base64.decode(&article.raw).map_err(|_| {
                bad(format!(
                    "the raw bytes of article {} are not base64",
                    article.record.id
                ))
            })?;
            if hex_sha256(&raw) != article.record.blob
                || article_id(&raw, article.record.part.as_deref()) != article.record.id
            {
                return Err(bad(format!(
                    "article {} does not match its raw bytes",
                    article.record.id
                )));
            }
            articles.push((&article.record, raw));
        }
        let mut comparison = bundle.body.comparison.clone();
        if let Some(missing) = comparison
            .members
            .iter()
            .find(|m| !articles.iter().any(|(a, _)| a.id == m.article))
        {
            return Err(bad(format!(
                "its comparison refers to article {}, which it does not hold",
                missing.article
            )));
        }

        let _writing = self.writer_lock();
        let replaced = match self.comparison(&comparison.name) {
            Ok(existing) => match on_conflict {
                OnConflict::Refuse => return Err(StoreError::BundleConflict(comparison.name)),
                OnConflict::Replace => Some(existing),
                OnConflict::KeepBoth => {
                    comparison.name = self.free_name(&comparison.name)?;
                    comparison.id = uuid::Uuid::now_v7().to_string();
                    None
                }
            },
            Err(StoreError::NotFound(_)) => None,
            Err(e) => return Err(e),
        };
        if replaced.is_none()
            && self
                .trees
                .comparisons
                .get(comparison.id.as_bytes())?
                .is_some()
        {
            comparison.id = uuid::Uuid::now_v7().to_string();
        }
        let old_corrections = match &replaced {
            Some(old) => self.correction_keys(&old.id)?,
            None => Vec::new(),
        };
        let t = &self.trees;
        let body = &bundle.body;
        let result = (
            &t.comparisons,
            &t.comparison_names,
            &t.articles,
            &t.blobs,
            &t.analyses,
            &t.outlets,
            &t.corrections,
        )
            .transaction(
                |(comparisons, names, stored_articles, blobs, analyses, outlets, corrections)| {
                    if let Some(old) = &replaced {
                        comparisons.remove(old.id.as_bytes())?;
                        names.remove(old.name.to_lowercase().as_bytes())?;
                        for key in &old_corrections {
                            corrections.remove(key.as_slice())?;
                        }
                    }
                    insert_new_comparison(comparisons, names, &comparison)?;
                    for (record, raw) in &articles {
                        blobs.insert(record.blob.as_bytes(), raw.as_slice())?;
                        stored_articles.insert(record.id.as_bytes(), codec::encode(*record))?;
                    }
                    for analysis in &body.analyses {
                        let mut key = analysis_prefix(&analysis.article);
                        key.extend_from_slice(analysis.key.as_bytes());
                        analyses.insert(key, codec::encode(&analysis.record))?;
                    }
                    for outlet in &body.outlets {
                        let key = outlet.name.to_lowercase();
                        if outlets.get(key.as_bytes())?.is_none() {
                            outlets.insert(key.as_bytes(), codec::encode(outlet))?;
                        }
                    }
                    for (seq, correction) in body.corrections.iter().enumerate() {
                        let mut key = correction_prefix(&comparison.id);
                        key.extend_from_slice(&(seq as u64).to_be_bytes());
                        corrections.insert(key, codec::encode(correction))?;
                    }
                    Ok(())
                },
            );
        crate::library::finish(result)?;
        self.db.flush()?;
        Ok(ComparisonSummary::from(&comparison))
    }

    fn free_name(&self, name: &str) -> Result<String, StoreError> {
        for n in 2.. {
            let candidate = format!("{name} ({n})");
            if self
                .trees
                .comparison_names
                .get(candidate.to_lowercase().as_bytes())?
                .is_none()
            {
                return Ok(candidate);
            }
        }
        unreachable!("some numbered name is free")
    }
}
