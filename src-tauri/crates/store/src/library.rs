use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use sha2::{Digest, Sha256};
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};
use sled::Transactional;
use time::OffsetDateTime;

use crate::codec;
use crate::comparison::ComparisonSummary;
use crate::migrate;
use crate::records::{
    AnalysisRecord, ArticleRecord, ComparisonRecord, CorrectionRecord, FetchCacheEntry,
    FetchValidators, Member, NewArticle, OutletRecord,
};
use crate::StoreError;

/// The schema version this build writes and the newest it can read.
pub const SCHEMA_VERSION: u32 = 2;

/// The environment variable that overrides the platform data directory.
pub const DATA_DIR_ENV: &str = "SOURCELENS_DATA_DIR";

pub(crate) const SCHEMA_VERSION_KEY: &[u8] = b"schema_version";
const LOCK_FILE: &str = "sourcelens.lock";
pub(crate) const DATABASE_DIR: &str = "library.sled";
/// Where automatic backups go, inside the data directory.
pub const BACKUP_DIR: &str = "backups";

/// The researcher's own outlet list in the data directory, laid over the
/// built-in registry.
pub const OUTLETS_FILE: &str = "outlets.toml";

const MAX_NAME_CHARS: usize = 200;

/// Picks the library directory: `explicit` (from `--data-dir`) first, then
/// `SOURCELENS_DATA_DIR`, then the platform's per-user data directory.
pub fn resolve_data_dir(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "SourceLens", "SourceLens")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// The library's trees; see the crate documentation for the keyspace.
pub(crate) struct Trees {
    pub meta: sled::Tree,
    pub outlets: sled::Tree,
    pub blobs: sled::Tree,
    pub articles: sled::Tree,
    pub analyses: sled::Tree,
    pub comparisons: sled::Tree,
    pub comparison_names: sled::Tree,
    pub corrections: sled::Tree,
    pub fetch_cache: sled::Tree,
    pub settings: sled::Tree,
}

impl Trees {
    pub fn open(db: &sled::Db) -> sled::Result<Trees> {
        Ok(Trees {
            meta: db.open_tree("meta")?,
            outlets: db.open_tree("outlets")?,
            blobs: db.open_tree("blobs")?,
            articles: db.open_tree("articles")?,
            analyses: db.open_tree("analyses")?,
            comparisons: db.open_tree("comparisons")?,
            comparison_names: db.open_tree("comparison_names")?,
            corrections: db.open_tree("corrections")?,
            fetch_cache: db.open_tree("fetch_cache")?,
            settings: db.open_tree("settings")?,
        })
    }
}

/// A saved comparison with everything needed to show it.
#[derive(Debug, Clone)]
pub struct OpenComparison {
    /// The comparison itself.
    pub record: ComparisonRecord,
    /// Its articles, in member order.
    pub articles: Vec<ArticleRecord>,
    /// Each article's newest analysis, in member order.
    pub analyses: Vec<Option<AnalysisRecord>>,
    /// The researcher's corrections, oldest first.
    pub corrections: Vec<CorrectionRecord>,
}

/// What adding articles to a comparison did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddReport {
    /// Ids of the articles added.
    pub added: Vec<String>,
    /// Origins of articles that were already in the comparison.
    pub already_present: Vec<String>,
}

/// An open library: the one writer of a data directory.
///
/// Opening takes an exclusive lock on the directory, held until the
/// `Library` is dropped, so a second SourceLens process gets
/// [`StoreError::Locked`] instead of a damaged store. Inside the process,
/// writes are serialised so that read-check-write sequences stay consistent.
pub struct Library {
    dir: PathBuf,
    pub(crate) db: sled::Db,
    pub(crate) trees: Trees,
    writer: Mutex<()>,
    _lock: File,
}

type Tx<T> = Result<T, ConflictableTransactionError<StoreError>>;

fn abort<T>(error: StoreError) -> Tx<T> {
    Err(ConflictableTransactionError::Abort(error))
}

pub(crate) fn finish<T>(result: Result<T, TransactionError<StoreError>>) -> Result<T, StoreError> {
    result.map_err(|e| match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => StoreError::Io(e),
    })
}

fn put<T: serde::Serialize>(tree: &TransactionalTree, key: &[u8], record: &T) -> Tx<()> {
    tree.insert(key, codec::encode(record))?;
    Ok(())
}

impl Library {
    /// Opens the library in `dir`, creating it on first use and migrating it
    /// (after a backup) when an older SourceLens wrote it.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let open_error = |source: sled::Error| StoreError::Open {
            dir: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(|e| open_error(e.into()))?;
        let lock = File::create(dir.join(LOCK_FILE)).map_err(|e| open_error(e.into()))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(StoreError::Locked {
                    dir: dir.to_path_buf(),
                })
            }
            Err(TryLockError::Error(e)) => return Err(open_error(e.into())),
        }
        let corrupt = |detail: String| StoreError::Corrupt {
            dir: dir.to_path_buf(),
            detail,
        };
        let db = open_sled(&dir.join(DATABASE_DIR)).map_err(|e| match e {
            sled::Error::Corruption { .. } => corrupt("sled reports corruption".into()),
            sled::Error::Unsupported(detail) => corrupt(detail),
            sled::Error::ReportableBug(detail) => corrupt(detail),
            other => open_error(other),
        })?;
        let trees = Trees::open(&db)?;
        let library = Library {
            dir: dir.to_path_buf(),
            db,
            trees,
            writer: Mutex::new(()),
            _lock: lock,
        };
        library.check_schema_version()?;
        Ok(library)
    }

    /// The directory this library lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn writer_lock(&self) -> MutexGuard<'_, ()> {
        self.writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The schema version recorded in the store.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrate::stored_version(self)?.ok_or_else(|| self.corrupt("the schema version is missing"))
    }

    pub(crate) fn corrupt(&self, detail: impl Into<String>) -> StoreError {
        StoreError::Corrupt {
            dir: self.dir.clone(),
            detail: detail.into(),
        }
    }

    /// Records the schema version on first open, refuses stores written by a
    /// newer SourceLens before anything is written to them, and migrates
    /// older ones after backing them up.
    fn check_schema_version(&self) -> Result<(), StoreError> {
        match migrate::stored_version(self)? {
            None => {
                self.trees
                    .meta
                    .insert(SCHEMA_VERSION_KEY, &SCHEMA_VERSION.to_be_bytes())?;
                self.db.flush()?;
                Ok(())
            }
            Some(found) if found > SCHEMA_VERSION => Err(StoreError::TooNew {
                dir: self.dir.clone(),
                found,
                supported: SCHEMA_VERSION,
            }),
            Some(found) if found < SCHEMA_VERSION => {
                self.backup(&self.dir.join(BACKUP_DIR))?;
                migrate::run(self, found)?;
                self.db.flush()?;
                Ok(())
            }
            Some(_) => Ok(()),
        }
    }

    /// The saved comparisons, most recently changed first.
    pub fn list_comparisons(&self) -> Result<Vec<ComparisonSummary>, StoreError> {
        let mut records = Vec::new();
        for entry in self.trees.comparisons.iter() {
            let (key, value) = entry?;
            records.push(self.decode_comparison(&key, &value)?);
        }
        records.sort_by(|a, b| {
            b.updated_at
                .cmp(&a.updated_at)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        Ok(records.iter().map(ComparisonSummary::from).collect())
    }

    fn decode_comparison(&self, key: &[u8], value: &[u8]) -> Result<ComparisonRecord, StoreError> {
        codec::decode(
            value,
            &format!("comparison {}", String::from_utf8_lossy(key)),
        )
        .map_err(|detail| self.corrupt(detail))
    }

    fn comparison_id(&self, name: &str) -> Result<String, StoreError> {
        let id = self
            .trees
            .comparison_names
            .get(name.trim().to_lowercase().as_bytes())?
            .ok_or_else(|| StoreError::NotFound(name.trim().to_string()))?;
        Ok(String::from_utf8_lossy(&id).into_owned())
    }

    /// The comparison of this name (ignoring case).
    pub fn comparison(&self, name: &str) -> Result<ComparisonRecord, StoreError> {
        let id = self.comparison_id(name)?;
        let value = self.trees.comparisons.get(id.as_bytes())?.ok_or_else(|| {
            self.corrupt(format!("the name “{name}” points at a missing comparison"))
        })?;
        self.decode_comparison(id.as_bytes(), &value)
    }

    /// A comparison with its articles, their analyses and its corrections.
    pub fn open_comparison(&self, name: &str) -> Result<OpenComparison, StoreError> {
        let record = self.comparison(name)?;
        let mut articles = Vec::with_capacity(record.members.len());
        let mut analyses = Vec::with_capacity(record.members.len());
        for member in &record.members {
            articles.push(self.article(&member.article)?);
            analyses.push(self.latest_analysis(&member.article)?);
        }
        let corrections = self.corrections(&record.id)?;
        Ok(OpenComparison {
            record,
            articles,
            analyses,
            corrections,
        })
    }

    /// A stored article.
    pub fn article(&self, id: &str) -> Result<ArticleRecord, StoreError> {
        let value = self
            .trees
            .articles
            .get(id.as_bytes())?
            .ok_or_else(|| self.corrupt(format!("article {id} is referenced but missing")))?;
        codec::decode(&value, &format!("article {id}")).map_err(|d| self.corrupt(d))
    }

    /// The raw bytes an article was extracted from.
    pub fn raw_bytes(&self, blob: &str) -> Result<Vec<u8>, StoreError> {
        let value =
            self.trees.blobs.get(blob.as_bytes())?.ok_or_else(|| {
                self.corrupt(format!("raw bytes {blob} are referenced but missing"))
            })?;
        Ok(value.to_vec())
    }

    /// Creates an empty comparison. Names are unique, ignoring case.
    pub fn create_comparison(
        &self,
        name: &str,
        description: &str,
    ) -> Result<ComparisonSummary, StoreError> {
        let _writing = self.writer_lock();
        let name = validate_name(name)?;
        let record = new_comparison(name, description);
        let t = &self.trees;
        finish(
            (&t.comparisons, &t.comparison_names).transaction(|(comparisons, names)| {
                insert_new_comparison(comparisons, names, &record)
            }),
        )?;
        self.db.flush()?;
        Ok(ComparisonSummary::from(&record))
    }

    /// Adds articles (with their raw bytes and analyses) to the named
    /// comparison, creating it if needed, in one transaction: afterwards
    /// either all of them are stored or none.
    /// Articles already in the comparison are reported, not added twice.
    pub fn add_articles(
        &self,
        name: &str,
        articles: Vec<NewArticle>,
    ) -> Result<AddReport, StoreError> {
        let _writing = self.writer_lock();
        let name = validate_name(name)?;
        let existing = match self.comparison(name) {
            Ok(record) => Some(record),
            Err(StoreError::NotFound(_)) => None,
            Err(e) => return Err(e),
        };
        let now = OffsetDateTime::now_utc();
        let mut record = existing.clone().unwrap_or_else(|| new_comparison(name, ""));
        let mut report = AddReport::default();
        let mut new_records = Vec::new();
        for article in &articles {
            let blob = hex_sha256(&article.raw);
            let id = article_id(&article.raw, article.part.as_deref());
            if record.members.iter().any(|m| m.article == id)
                || new_records
                    .iter()
                    .any(|(r, _): &(ArticleRecord, _)| r.id == id)
            {
                report.already_present.push(article.origin.clone());
                continue;
            }
            record.members.push(Member {
                article: id.clone(),
                outlet: article.outlet.clone(),
            });
            report.added.push(id.clone());
            let stored = ArticleRecord {
                id,
                blob,
                meta: article.meta.clone(),
                text: article.text.clone(),
                origin: article.origin.clone(),
                part: article.part.clone(),
                engine_version: article.engine_version.clone(),
                imported_at: now,
            };
            new_records.push((stored, article));
        }
        record.updated_at = now;
        let t = &self.trees;
        finish(
            (
                &t.comparisons,
                &t.comparison_names,
                &t.articles,
                &t.blobs,
                &t.outlets,
                &t.analyses,
            )
                .transaction(
                    |(comparisons, names, stored_articles, blobs, outlets, analyses)| {
                        if existing.is_none() {
                            insert_new_comparison(comparisons, names, &record)?;
                        } else {
                            put(comparisons, record.id.as_bytes(), &record)?;
                        }
                        for (stored, article) in &new_records {
                            if blobs.get(stored.blob.as_bytes())?.is_none() {
                                blobs.insert(stored.blob.as_bytes(), article.raw.as_slice())?;
                            }
                            if stored_articles.get(stored.id.as_bytes())?.is_none() {
                                put(stored_articles, stored.id.as_bytes(), stored)?;
                            }
                            if let Some(analysis) = &article.analysis {
                                let mut key = analysis_prefix(&stored.id);
                                key.extend_from_slice(article.engine_version.as_bytes());
                                let record = AnalysisRecord {
                                    engine_version: article.engine_version.clone(),
                                    created_at: now,
                                    analysis: analysis.clone(),
                                };
                                put(analyses, &key, &record)?;
                            }
                            let outlet_key = article.outlet.to_lowercase();
                            if outlets.get(outlet_key.as_bytes())?.is_none() {
                                put(
                                    outlets,
                                    outlet_key.as_bytes(),
                                    &OutletRecord {
                                        name: article.outlet.clone(),
                                        domains: Vec::new(),
                                        country: None,
                                        ownership: None,
                                        notes: String::new(),
                                    },
                                )?;
                            }
                        }
                        Ok(())
                    },
                ),
        )?;
        self.db.flush()?;
        Ok(report)
    }

    /// Gives a comparison a new name (unique, ignoring case). Renaming to
    /// the same name with other capitals is allowed.
    pub fn rename_comparison(
        &self,
        name: &str,
        new_name: &str,
    ) -> Result<ComparisonSummary, StoreError> {
        let _writing = self.writer_lock();
        let new_name = validate_name(new_name)?;
        let mut record = self.comparison(name)?;
        let old_key = record.name.to_lowercase();
        record.name = new_name.to_string();
        record.updated_at = OffsetDateTime::now_utc();
        let t = &self.trees;
        finish(
            (&t.comparisons, &t.comparison_names).transaction(|(comparisons, names)| {
                let new_key = record.name.to_lowercase();
                if new_key != old_key && names.get(new_key.as_bytes())?.is_some() {
                    return abort(StoreError::DuplicateName(record.name.clone()));
                }
                names.remove(old_key.as_bytes())?;
                names.insert(new_key.as_bytes(), record.id.as_bytes())?;
                put(comparisons, record.id.as_bytes(), &record)
            }),
        )?;
        self.db.flush()?;
        Ok(ComparisonSummary::from(&record))
    }

    /// Copies a comparison, with its articles (shared, not copied) and its
    /// corrections, under a new name.
    pub fn duplicate_comparison(
        &self,
        name: &str,
        new_name: &str,
    ) -> Result<ComparisonSummary, StoreError> {
        let _writing = self.writer_lock();
        let new_name = validate_name(new_name)?;
        let original = self.comparison(name)?;
        let corrections: Vec<(sled::IVec, sled::IVec)> = self
            .trees
            .corrections
            .scan_prefix(correction_prefix(&original.id))
            .collect::<Result<_, _>>()?;
        let mut copy = new_comparison(new_name, &original.description);
        copy.tags = original.tags.clone();
        copy.members = original.members.clone();
        let old_prefix = correction_prefix(&original.id);
        let new_prefix = correction_prefix(&copy.id);
        let t = &self.trees;
        finish(
            (&t.comparisons, &t.comparison_names, &t.corrections).transaction(
                |(comparisons, names, stored_corrections)| {
                    insert_new_comparison(comparisons, names, &copy)?;
                    for (key, value) in &corrections {
                        let mut new_key = new_prefix.clone();
                        new_key.extend_from_slice(&key[old_prefix.len()..]);
                        stored_corrections.insert(new_key, value.clone())?;
                    }
                    Ok(())
                },
            ),
        )?;
        self.db.flush()?;
        Ok(ComparisonSummary::from(&copy))
    }

    /// Deletes a comparison with its corrections, and the articles, raw
    /// bytes and analyses that no other comparison uses, in one transaction.
    pub fn delete_comparison(&self, name: &str) -> Result<(), StoreError> {
        let _writing = self.writer_lock();
        let record = self.comparison(name)?;
        let still_used = self.articles_used_outside(&record.id)?;
        let orphans: Vec<ArticleRecord> = record
            .members
            .iter()
            .filter(|m| !still_used.contains(&m.article))
            .map(|m| self.article(&m.article))
            .collect::<Result<_, _>>()?;
        let blobs_still_used = self.blobs_used_except(&orphans)?;
        let correction_keys = self.correction_keys(&record.id)?;
        let mut analysis_keys = Vec::new();
        for orphan in &orphans {
            analysis_keys
                .extend(self.keys_with_prefix(&self.trees.analyses, &analysis_prefix(&orphan.id))?);
        }
        let t = &self.trees;
        finish(
            (
                &t.comparisons,
                &t.comparison_names,
                &t.articles,
                &t.blobs,
                &t.analyses,
                &t.corrections,
            )
                .transaction(
                    |(comparisons, names, articles, blobs, analyses, corrections)| {
                        comparisons.remove(record.id.as_bytes())?;
                        names.remove(record.name.to_lowercase().as_bytes())?;
                        for orphan in &orphans {
                            articles.remove(orphan.id.as_bytes())?;
                            if !blobs_still_used.contains(&orphan.blob) {
                                blobs.remove(orphan.blob.as_bytes())?;
                            }
                        }
                        for key in &analysis_keys {
                            analyses.remove(key.as_slice())?;
                        }
                        for key in &correction_keys {
                            corrections.remove(key.as_slice())?;
                        }
                        Ok(())
                    },
                ),
        )?;
        self.db.flush()?;
        Ok(())
    }

    fn all_comparisons(&self) -> Result<Vec<ComparisonRecord>, StoreError> {
        self.trees
            .comparisons
            .iter()
            .map(|entry| {
                let (key, value) = entry?;
                self.decode_comparison(&key, &value)
            })
            .collect()
    }

    fn articles_used_outside(&self, comparison_id: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .all_comparisons()?
            .into_iter()
            .filter(|c| c.id != comparison_id)
            .flat_map(|c| c.members.into_iter().map(|m| m.article))
            .collect())
    }

    fn blobs_used_except(&self, leaving: &[ArticleRecord]) -> Result<Vec<String>, StoreError> {
        let mut used = Vec::new();
        for entry in self.trees.articles.iter() {
            let (key, value) = entry?;
            let article: ArticleRecord = codec::decode(
                &value,
                &format!("article {}", String::from_utf8_lossy(&key)),
            )
            .map_err(|d| self.corrupt(d))?;
            if !leaving.iter().any(|a| a.id == article.id) {
                used.push(article.blob);
            }
        }
        for entry in self.trees.fetch_cache.iter() {
            let (_, value) = entry?;
            let cached: FetchCacheEntry =
                codec::decode(&value, "fetch cache entry").map_err(|d| self.corrupt(d))?;
            used.push(cached.blob);
        }
        Ok(used)
    }

    pub(crate) fn correction_keys(&self, comparison_id: &str) -> Result<Vec<Vec<u8>>, StoreError> {
        self.keys_with_prefix(&self.trees.corrections, &correction_prefix(comparison_id))
    }

    fn keys_with_prefix(
        &self,
        tree: &sled::Tree,
        prefix: &[u8],
    ) -> Result<Vec<Vec<u8>>, StoreError> {
        tree.scan_prefix(prefix)
            .keys()
            .map(|k| Ok(k?.to_vec()))
            .collect()
    }

    /// Stores an analysis of an article made by the given engine version.
    pub fn put_analysis(
        &self,
        article_id: &str,
        engine_version: &str,
        analysis: serde_json::Value,
    ) -> Result<(), StoreError> {
        let record = AnalysisRecord {
            engine_version: engine_version.to_string(),
            created_at: OffsetDateTime::now_utc(),
            analysis,
        };
        let mut key = analysis_prefix(article_id);
        key.extend_from_slice(engine_version.as_bytes());
        self.trees.analyses.insert(key, codec::encode(&record))?;
        self.db.flush()?;
        Ok(())
    }

    /// The most recently made analysis of an article, whatever engine made it.
    pub fn latest_analysis(&self, article_id: &str) -> Result<Option<AnalysisRecord>, StoreError> {
        let mut latest: Option<AnalysisRecord> = None;
        for entry in self.trees.analyses.scan_prefix(analysis_prefix(article_id)) {
            let (_, value) = entry?;
            let record: AnalysisRecord =
                codec::decode(&value, &format!("analysis of {article_id}"))
                    .map_err(|d| self.corrupt(d))?;
            if latest
                .as_ref()
                .is_none_or(|l| record.created_at > l.created_at)
            {
                latest = Some(record);
            }
        }
        Ok(latest)
    }

    /// Appends a correction to a comparison's log.
    pub fn append_correction(
        &self,
        comparison_id: &str,
        correction: serde_json::Value,
    ) -> Result<(), StoreError> {
        let mut key = correction_prefix(comparison_id);
        key.extend_from_slice(&self.db.generate_id()?.to_be_bytes());
        let record = CorrectionRecord {
            at: OffsetDateTime::now_utc(),
            correction,
        };
        self.trees.corrections.insert(key, codec::encode(&record))?;
        self.db.flush()?;
        Ok(())
    }

    /// Removes a comparison's newest correction (undo) and returns it.
    pub fn pop_correction(
        &self,
        comparison_id: &str,
    ) -> Result<Option<CorrectionRecord>, StoreError> {
        let _writing = self.writer_lock();
        let Some((key, value)) = self
            .trees
            .corrections
            .scan_prefix(correction_prefix(comparison_id))
            .last()
            .transpose()?
        else {
            return Ok(None);
        };
        let record = codec::decode(&value, "correction").map_err(|d| self.corrupt(d))?;
        self.trees.corrections.remove(key)?;
        self.db.flush()?;
        Ok(Some(record))
    }

    /// A comparison's corrections, oldest first.
    pub fn corrections(&self, comparison_id: &str) -> Result<Vec<CorrectionRecord>, StoreError> {
        self.trees
            .corrections
            .scan_prefix(correction_prefix(comparison_id))
            .values()
            .map(|value| codec::decode(&value?, "correction").map_err(|d| self.corrupt(d)))
            .collect()
    }

    /// What the fetch cache holds for a URL, with the cached body.
    pub fn cached_fetch(
        &self,
        url: &str,
    ) -> Result<Option<(FetchCacheEntry, Vec<u8>)>, StoreError> {
        let Some(value) = self.trees.fetch_cache.get(url.as_bytes())? else {
            return Ok(None);
        };
        let entry: FetchCacheEntry = codec::decode(&value, &format!("fetch cache entry {url}"))
            .map_err(|d| self.corrupt(d))?;
        let body = self.raw_bytes(&entry.blob)?;
        Ok(Some((entry, body)))
    }

    /// Remembers a fetched body and its validators for the next request.
    pub fn cache_fetch(
        &self,
        url: &str,
        validators: FetchValidators,
        body: &[u8],
    ) -> Result<(), StoreError> {
        let entry = FetchCacheEntry {
            validators,
            blob: hex_sha256(body),
            fetched_at: OffsetDateTime::now_utc(),
        };
        let t = &self.trees;
        finish((&t.fetch_cache, &t.blobs).transaction(|(cache, blobs)| {
            blobs.insert(entry.blob.as_bytes(), body)?;
            put(cache, url.as_bytes(), &entry)
        }))?;
        self.db.flush()?;
        Ok(())
    }

    /// A setting's value.
    pub fn setting(&self, key: &str) -> Result<Option<serde_json::Value>, StoreError> {
        self.trees
            .settings
            .get(key.as_bytes())?
            .map(|v| codec::decode(&v, &format!("setting {key}")).map_err(|d| self.corrupt(d)))
            .transpose()
    }

    /// Changes a setting.
    pub fn set_setting(&self, key: &str, value: &serde_json::Value) -> Result<(), StoreError> {
        self.trees
            .settings
            .insert(key.as_bytes(), codec::encode(value))?;
        self.db.flush()?;
        Ok(())
    }

    /// The outlets the library knows.
    pub fn outlets(&self) -> Result<Vec<OutletRecord>, StoreError> {
        self.trees
            .outlets
            .iter()
            .values()
            .map(|v| codec::decode(&v?, "outlet").map_err(|d| self.corrupt(d)))
            .collect()
    }

    /// Problems that a consistent library never has: comparisons whose
    /// articles are missing, articles whose raw bytes are missing, names that
    /// point nowhere. Empty when all is well.
    pub fn consistency_problems(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        for comparison in self.all_comparisons()? {
            match self
                .trees
                .comparison_names
                .get(comparison.name.to_lowercase().as_bytes())?
            {
                Some(id) if id.as_ref() == comparison.id.as_bytes() => {}
                _ => problems.push(format!(
                    "comparison “{}” is missing from the name index",
                    comparison.name
                )),
            }
            for member in &comparison.members {
                match self.trees.articles.get(member.article.as_bytes())? {
                    None => problems.push(format!(
                        "comparison “{}” refers to missing article {}",
                        comparison.name, member.article
                    )),
                    Some(value) => {
                        let article: ArticleRecord =
                            codec::decode(&value, "article").map_err(|d| self.corrupt(d))?;
                        if self.trees.blobs.get(article.blob.as_bytes())?.is_none() {
                            problems.push(format!("article {} has lost its raw bytes", article.id));
                        }
                    }
                }
            }
        }
        for entry in self.trees.comparison_names.iter() {
            let (name, id) = entry?;
            if self.trees.comparisons.get(&id)?.is_none() {
                problems.push(format!(
                    "the name “{}” points at a missing comparison",
                    String::from_utf8_lossy(&name)
                ));
            }
        }
        Ok(problems)
    }

    /// Bytes the library takes on disk.
    pub fn size_on_disk(&self) -> Result<u64, StoreError> {
        Ok(self.db.size_on_disk()?)
    }
}

/// How long to wait for sled's own file lock once ours is held.
const SLED_LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(5);

/// Opens the sled database. Every write is flushed explicitly, so sled's
/// periodic background flusher is off: without it a dropped `Library`
/// releases the files at once.
///
/// Our lock file is already held, so no other SourceLens has the library
/// open; a sled lock still held can only be a `Library` of this process
/// that was just dropped and is finishing, and is waited for.
fn open_sled(path: &Path) -> sled::Result<sled::Db> {
    let deadline = std::time::Instant::now() + SLED_LOCK_PATIENCE;
    loop {
        // sled panics on some kinds of damage instead of returning an error.
        let opened =
            std::panic::catch_unwind(|| sled::Config::new().path(path).flush_every_ms(None).open())
                .unwrap_or_else(|_| {
                    Err(sled::Error::ReportableBug(
                        "the database files cannot be read".into(),
                    ))
                });
        match opened {
            // sled reports its lock only in the message of an I/O error.
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock")
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

pub(crate) fn new_comparison(name: &str, description: &str) -> ComparisonRecord {
    let now = OffsetDateTime::now_utc();
    ComparisonRecord {
        id: uuid::Uuid::now_v7().to_string(),
        name: name.to_string(),
        description: description.trim().to_string(),
        tags: Vec::new(),
        members: Vec::new(),
        created_at: now,
        updated_at: now,
    }
}

pub(crate) fn insert_new_comparison(
    comparisons: &TransactionalTree,
    names: &TransactionalTree,
    record: &ComparisonRecord,
) -> Tx<()> {
    let name_key = record.name.to_lowercase();
    if names.get(name_key.as_bytes())?.is_some() {
        return abort(StoreError::DuplicateName(record.name.clone()));
    }
    names.insert(name_key.as_bytes(), record.id.as_bytes())?;
    put(comparisons, record.id.as_bytes(), record)
}

pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An article's id: the same raw bytes (and part) give the same id.
pub(crate) fn article_id(raw: &[u8], part: Option<&str>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(raw);
    if let Some(part) = part {
        hasher.update(b"\0");
        hasher.update(part.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub(crate) fn analysis_prefix(article_id: &str) -> Vec<u8> {
    format!("{article_id}/").into_bytes()
}

pub(crate) fn correction_prefix(comparison_id: &str) -> Vec<u8> {
    format!("{comparison_id}/").into_bytes()
}

pub(crate) fn validate_name(name: &str) -> Result<&str, StoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::InvalidInput(
            "A comparison needs a name, such as the event it covers.".into(),
        ));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(StoreError::InvalidInput(format!(
            "A comparison name can have at most {MAX_NAME_CHARS} characters."
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(StoreError::InvalidInput(
            "A comparison name cannot contain line breaks or control characters.".into(),
        ));
    }
    Ok(name)
}
