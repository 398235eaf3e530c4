//! Persistence for SourceLens: the researcher's library of comparisons, kept in
//! a [sled] database on the local disk.
//!
//! A library lives in one directory. [`resolve_data_dir`] picks it: an explicit
//! path first (the CLI's `--data-dir`), then the `SOURCELENS_DATA_DIR`
//! environment variable, then the platform's data directory.
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
//! # Keyspace
//!
//! | tree          | key                         | value                        |
//! |---------------|-----------------------------|------------------------------|
//! | `meta`        | `schema_version`            | big-endian `u32`             |
//! | `comparisons` | comparison id (UUID v7)     | [`codec`]-encoded record     |
//! | `comparison_names` | lower-cased name       | comparison id                |
//!
//! Every record value is one format byte followed by JSON, so fields can be
//! added without breaking stores written earlier (see [`codec`]).
#![deny(missing_docs)]

pub mod codec;
mod comparison;
mod error;
mod library;

pub use comparison::ComparisonSummary;
pub use error::StoreError;
pub use library::{resolve_data_dir, Library, DATA_DIR_ENV, SCHEMA_VERSION};
