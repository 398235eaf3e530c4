//! Persistence for SourceLens: the researcher's library of comparisons, kept in
//! a [sled] database on the local disk.
//!
//! A library lives in one directory. [`resolve_data_dir`] picks it: an explicit
//! path first (the CLI's `--data-dir`), then the `SOURCELENS_DATA_DIR`
//! environment variable, then the platform's data directory. One process at a
//! time opens it ([`StoreError::Locked`] for the others).
//!
//! ```
//! # let dir = tempfile::tempdir().unwrap();
//! use sourcelens_store::Library;
//!
//! let library = Library::open(dir.path()).unwrap();
//! library.create_comparison("Strike on the port", "").unwrap();
//! let names: Vec<String> = library
//!     .list_comparisons()
//!     .unwrap()
//!     .into_iter()
//!     .map(|c| c.name)
//!     .collect();
//! assert_eq!(names, ["Strike on the port"]);
//! ```
//!
//! # Keyspace (schema 2)
//!
//! | tree               | key                                  | value                      |
//! |--------------------|--------------------------------------|----------------------------|
//! | `meta`             | `schema_version`                     | big-endian `u32`           |
//! | `outlets`          | lower-cased outlet name              | [`OutletRecord`]           |
//! | `blobs`            | SHA-256 of the raw bytes, hex        | the raw bytes              |
//! | `articles`         | article id (hash of raw bytes, part) | [`ArticleRecord`]          |
//! | `analyses`         | `article id/engine version`          | [`AnalysisRecord`]         |
//! | `comparisons`      | comparison id (UUID v7)              | [`ComparisonRecord`]       |
//! | `comparison_names` | lower-cased name                     | comparison id              |
//! | `corrections`      | `comparison id/` + sequence (`u64`)  | [`CorrectionRecord`]       |
//! | `fetch_cache`      | URL                                  | [`FetchCacheEntry`]        |
//! | `settings`         | setting name                         | JSON value                 |
//!
//! Raw bytes are content-addressed: a page imported twice is stored once.
//! Every record value is one format byte followed by JSON ([`codec`]), so
//! fields can be added without breaking stores written earlier. Writes that
//! belong together (a comparison and its new articles, a deletion and its
//! clean-up, a bundle import, a migration and the version bump) are single
//! sled transactions: a crash leaves the old state or the new, never half.
#![deny(missing_docs)]

mod backup;
mod bundle;
pub mod codec;
mod comparison;
mod error;
mod library;
mod migrate;
mod records;

pub use backup::restore;
pub use bundle::{OnConflict, BUNDLE_FORMAT, BUNDLE_VERSION};
pub use comparison::ComparisonSummary;
pub use error::StoreError;
pub use library::{
    resolve_data_dir, AddReport, Library, OpenComparison, BACKUP_DIR, DATA_DIR_ENV, OUTLETS_FILE,
    SCHEMA_VERSION,
};
pub use records::{
    AnalysisRecord, ArticleMetadata, ArticleRecord, ComparisonRecord, CorrectionRecord,
    FetchCacheEntry, FetchValidators, Member, NewArticle, OutletRecord,
};
