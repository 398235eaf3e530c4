use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};

use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;
use time::OffsetDateTime;

use crate::codec;
use crate::comparison::{ComparisonRecord, ComparisonSummary};
use crate::StoreError;

/// The schema version this build writes and the newest it can read.
pub const SCHEMA_VERSION: u32 = 1;

/// The environment variable that overrides the platform data directory.
pub const DATA_DIR_ENV: &str = "SOURCELENS_DATA_DIR";

const SCHEMA_VERSION_KEY: &[u8] = b"schema_version";
const LOCK_FILE: &str = "sourcelens.lock";
const DATABASE_DIR: &str = "library.sled";
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

/// An open library: the one writer of a data directory.
///
/// Opening takes an exclusive lock on the directory, held until the
/// `Library` is dropped, so a second SourceLens process gets
/// [`StoreError::Locked`] instead of a damaged store.
pub struct Library {
    dir: PathBuf,
    db: sled::Db,
    comparisons: sled::Tree,
    comparison_names: sled::Tree,
    _lock: File,
}

impl Library {
    /// Opens the library in `dir`, creating it on first use.
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
        let db = sled::Config::new()
            .path(dir.join(DATABASE_DIR))
            .open()
            .map_err(|e| match e {
                sled::Error::Corruption { .. } => StoreError::Corrupt {
                    detail: format!("sled reports corruption in {}", dir.display()),
                },
                other => open_error(other),
            })?;
        let library = Library {
            dir: dir.to_path_buf(),
            comparisons: db.open_tree("comparisons")?,
            comparison_names: db.open_tree("comparison_names")?,
            db,
            _lock: lock,
        };
        library.check_schema_version()?;
        Ok(library)
    }

    /// The directory this library lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema version recorded in the store.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        let meta = self.db.open_tree("meta")?;
        let stored = meta
            .get(SCHEMA_VERSION_KEY)?
            .ok_or_else(|| StoreError::Corrupt {
                detail: "the schema version is missing".into(),
            })?;
        let bytes: [u8; 4] = stored
            .as_ref()
            .try_into()
            .map_err(|_| StoreError::Corrupt {
                detail: "the schema version is not a 4-byte number".into(),
            })?;
        Ok(u32::from_be_bytes(bytes))
    }

    /// Records the schema version on first open and refuses stores written by
    /// a newer SourceLens before anything is written to them.
    fn check_schema_version(&self) -> Result<(), StoreError> {
        let meta = self.db.open_tree("meta")?;
        match meta.get(SCHEMA_VERSION_KEY)? {
            None => {
                meta.insert(SCHEMA_VERSION_KEY, &SCHEMA_VERSION.to_be_bytes())?;
                self.db.flush()?;
                Ok(())
            }
            Some(_) => {
                let found = self.schema_version()?;
                if found > SCHEMA_VERSION {
                    return Err(StoreError::TooNew {
                        dir: self.dir.clone(),
                        found,
                        supported: SCHEMA_VERSION,
                    });
                }
                Ok(())
            }
        }
    }

    /// The saved comparisons, most recently changed first.
    pub fn list_comparisons(&self) -> Result<Vec<ComparisonSummary>, StoreError> {
        let mut records = Vec::new();
        for entry in self.comparisons.iter() {
            let (key, value) = entry?;
            let what = format!("comparison {}", String::from_utf8_lossy(&key));
            records.push(codec::decode::<ComparisonRecord>(&value, &what)?);
        }
        records.sort_by(|a, b| {
            b.updated_at
                .cmp(&a.updated_at)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        Ok(records.iter().map(ComparisonSummary::from).collect())
    }

    /// Creates an empty comparison. Names are unique, ignoring case.
    pub fn create_comparison(
        &self,
        name: &str,
        description: &str,
    ) -> Result<ComparisonSummary, StoreError> {
        let name = validate_name(name)?;
        let now = OffsetDateTime::now_utc();
        let record = ComparisonRecord {
            id: uuid::Uuid::now_v7().to_string(),
            name: name.to_string(),
            description: description.trim().to_string(),
            tags: Vec::new(),
            article_ids: Vec::new(),
            outlets: Vec::new(),
            created_at: now,
            updated_at: now,
        };
        let name_key = name.to_lowercase();
        let encoded = codec::encode(&record);
        (&self.comparisons, &self.comparison_names)
            .transaction(|(comparisons, names)| {
                if names.get(name_key.as_bytes())?.is_some() {
                    return Err(ConflictableTransactionError::Abort(
                        StoreError::DuplicateName(name.to_string()),
                    ));
                }
                names.insert(name_key.as_bytes(), record.id.as_bytes())?;
                comparisons.insert(record.id.as_bytes(), encoded.as_slice())?;
                Ok(())
            })
            .map_err(|e| match e {
                TransactionError::Abort(e) => e,
                TransactionError::Storage(e) => StoreError::Io(e),
            })?;
        self.db.flush()?;
        Ok(ComparisonSummary::from(&record))
    }
}

fn validate_name(name: &str) -> Result<&str, StoreError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(dir.path()).unwrap();
        (dir, library)
    }

    #[test]
    fn a_new_library_is_empty_and_records_the_schema_version() {
        let (_dir, library) = library();
        assert!(library.list_comparisons().unwrap().is_empty());
        assert_eq!(library.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn comparisons_survive_closing_and_reopening() {
        let dir = tempfile::tempdir().unwrap();
        {
            let library = Library::open(dir.path()).unwrap();
            library
                .create_comparison("Port strike", "Coverage of the strike")
                .unwrap();
        }
        let library = Library::open(dir.path()).unwrap();
        let listed = library.list_comparisons().unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].name, "Port strike");
        assert_eq!(listed[0].description, "Coverage of the strike");
        assert_eq!(listed[0].article_count, 0);
    }

    #[test]
    fn the_most_recent_comparison_is_listed_first() {
        let (_dir, library) = library();
        library.create_comparison("First", "").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        library.create_comparison("Second", "").unwrap();
        let names: Vec<_> = library
            .list_comparisons()
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["Second", "First"]);
    }

    #[test]
    fn a_duplicate_name_is_refused_ignoring_case_and_nothing_is_lost() {
        let (_dir, library) = library();
        let first = library.create_comparison("Port strike", "").unwrap();
        let err = library.create_comparison("  PORT STRIKE ", "").unwrap_err();
        assert!(matches!(err, StoreError::DuplicateName(_)), "{err}");
        assert_eq!(library.list_comparisons().unwrap(), vec![first]);
    }

    #[test]
    fn blank_overlong_and_multiline_names_are_refused() {
        let (_dir, library) = library();
        for bad in ["", "   ", &"x".repeat(201), "two\nlines"] {
            let err = library.create_comparison(bad, "").unwrap_err();
            assert!(matches!(err, StoreError::InvalidInput(_)), "{bad:?}: {err}");
        }
        assert!(library.list_comparisons().unwrap().is_empty());
    }

    #[test]
    fn a_second_open_of_the_same_library_says_it_is_in_use() {
        let (dir, _library) = library();
        let err = Library::open(dir.path())
            .err()
            .expect("second open must fail");
        assert!(matches!(err, StoreError::Locked { .. }));
        assert!(err.to_string().contains("already open with this library"));
    }

    #[test]
    fn a_library_from_a_newer_version_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        {
            let library = Library::open(dir.path()).unwrap();
            library.create_comparison("Kept", "").unwrap();
            let meta = library.db.open_tree("meta").unwrap();
            meta.insert(SCHEMA_VERSION_KEY, &(SCHEMA_VERSION + 1).to_be_bytes())
                .unwrap();
            library.db.flush().unwrap();
        }
        let err = Library::open(dir.path())
            .err()
            .expect("newer store must be refused");
        match &err {
            StoreError::TooNew {
                found, supported, ..
            } => {
                assert_eq!((*found, *supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
            }
            other => panic!("expected TooNew, got {other}"),
        }
        assert!(err.to_string().contains("newer SourceLens"));

        let db = sled::open(dir.path().join(DATABASE_DIR)).unwrap();
        let version = db
            .open_tree("meta")
            .unwrap()
            .get(SCHEMA_VERSION_KEY)
            .unwrap()
            .unwrap();
        assert_eq!(version.as_ref(), (SCHEMA_VERSION + 1).to_be_bytes());
        assert_eq!(db.open_tree("comparisons").unwrap().len(), 1);
    }

    #[test]
    fn an_explicit_data_dir_wins_over_the_environment() {
        let explicit = Path::new("/tmp/explicit-library");
        assert_eq!(resolve_data_dir(Some(explicit)).unwrap(), explicit);
    }
}
