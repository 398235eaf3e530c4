use std::path::PathBuf;

/// Everything that can go wrong with the library on disk.
///
/// Each message says what happened and what the researcher can do about it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another SourceLens process holds the library's lock.
    #[error(
        "SourceLens is already open with this library ({}). Close the other SourceLens window \
         or command, or choose another library with --data-dir or SOURCELENS_DATA_DIR.",
        dir.display()
    )]
    Locked {
        /// The library directory.
        dir: PathBuf,
    },

    /// The library was written by a newer SourceLens.
    #[error(
        "The library at {} was written by a newer SourceLens (schema version {found}; this \
         version reads up to {supported}). Update SourceLens, or choose another library with \
         --data-dir or SOURCELENS_DATA_DIR.",
        dir.display()
    )]
    TooNew {
        /// The library directory.
        dir: PathBuf,
        /// The schema version found on disk.
        found: u32,
        /// The newest schema version this build understands.
        supported: u32,
    },

    /// No data directory could be determined.
    #[error(
        "No data directory could be found for this user. Set SOURCELENS_DATA_DIR or pass \
         --data-dir."
    )]
    NoDataDir,

    /// The library directory could not be created or opened.
    #[error("Cannot open the library at {}: {source}", dir.display())]
    Open {
        /// The library directory.
        dir: PathBuf,
        /// What the operating system or sled reported.
        #[source]
        source: sled::Error,
    },

    /// A stored record cannot be read back.
    #[error(
        "The library at {} is damaged: {detail}. Move it aside and restore a backup with \
         `sourcelens restore BACKUP --data-dir {}` (automatic backups are in {}).",
        dir.display(),
        dir.display(),
        dir.join(crate::BACKUP_DIR).display()
    )]
    Corrupt {
        /// The library directory.
        dir: PathBuf,
        /// What is damaged.
        detail: String,
    },

    /// A bundle file cannot be used.
    #[error("{} is not a usable SourceLens bundle: {detail}", file.display())]
    BadBundle {
        /// The bundle file.
        file: PathBuf,
        /// What is wrong with it.
        detail: String,
    },

    /// A bundle written by a newer SourceLens.
    #[error(
        "{} was exported by a newer SourceLens (bundle version {found}; this version reads up \
         to {supported}). Update SourceLens to import it.",
        file.display()
    )]
    BundleTooNew {
        /// The bundle file.
        file: PathBuf,
        /// Its version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },

    /// A bundle's comparison has the name of one already in the library.
    #[error(
        "A comparison named “{0}” is already in this library. Import again choosing to \
         replace it (--replace) or to keep both (--keep-both)."
    )]
    BundleConflict(String),

    /// A backup file cannot be restored.
    #[error("{} cannot be restored: {detail}", file.display())]
    BadBackup {
        /// The backup file.
        file: PathBuf,
        /// What is wrong.
        detail: String,
    },

    /// A name given by the user cannot be used.
    #[error("{0}")]
    InvalidInput(String),

    /// A comparison of that name already exists.
    #[error("A comparison named “{0}” already exists. Choose another name.")]
    DuplicateName(String),

    /// No comparison has that name or id.
    #[error("No comparison named “{0}” is in this library.")]
    NotFound(String),

    /// A read or write failed.
    #[error("The library could not be read or written: {0}. Nothing was changed; check that the disk has space.")]
    Io(#[from] sled::Error),

    /// A file outside the library could not be read or written.
    #[error("{}: {source}", path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// What the operating system reported.
        #[source]
        source: std::io::Error,
    },
}
