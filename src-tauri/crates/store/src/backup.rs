//! Backups: a copy of every tree of the library in one file, checked by a
//! SHA-256 at its end. Written before each migration and on request.
//!
//! To restore, move the damaged library directory aside and run
//! `sourcelens restore BACKUP --data-dir DIR` with an empty or new `DIR`.
//!
//! Layout: the magic line, then per tree `1, name length (u32), name`,
//! followed by entries `2, key length (u32), key, value length (u64),
//! value`; `0` ends the trees, and 32 bytes of SHA-256 over everything
//! before them end the file. Integers are big-endian.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::library::{Library, DATABASE_DIR};
use crate::StoreError;

const MAGIC: &[u8] = b"SOURCELENS-BACKUP 1\n";
const TREE: u8 = 1;
const ENTRY: u8 = 2;
const END: u8 = 0;

/// Writes to a file and hashes what it writes.
struct HashingWriter<W: Write> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hasher.update(&buf[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl Library {
    /// Writes a backup of the whole library into `dir` and returns its path.
    pub fn backup(&self, dir: &Path) -> Result<PathBuf, StoreError> {
        let file_error = |path: &Path, source| StoreError::File {
            path: path.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(|e| file_error(dir, e))?;
        let stamp = OffsetDateTime::now_utc()
            .format(time::macros::format_description!(
                "[year][month][day]-[hour][minute][second]"
            ))
            .expect("timestamps format");
        let version = self.schema_version()?;
        let path = dir.join(format!("library-{stamp}-schema{version}.backup"));
        let partial = path.with_extension("backup.partial");
        let file = fs::File::create(&partial).map_err(|e| file_error(&partial, e))?;
        let mut out = HashingWriter {
            inner: BufWriter::new(file),
            hasher: Sha256::new(),
        };
        let write = |out: &mut HashingWriter<_>, bytes: &[u8]| {
            out.write_all(bytes).map_err(|e| file_error(&partial, e))
        };
        write(&mut out, MAGIC)?;
        for name in self.db.tree_names() {
            write(&mut out, &[TREE])?;
            write(&mut out, &(name.len() as u32).to_be_bytes())?;
            write(&mut out, &name)?;
            for entry in self.db.open_tree(&name)?.iter() {
                let (key, value) = entry?;
                write(&mut out, &[ENTRY])?;
                write(&mut out, &(key.len() as u32).to_be_bytes())?;
                write(&mut out, &key)?;
                write(&mut out, &(value.len() as u64).to_be_bytes())?;
                write(&mut out, &value)?;
            }
        }
        write(&mut out, &[END])?;
        let digest = out.hasher.finalize();
        let mut file = out.inner;
        file.write_all(&digest)
            .map_err(|e| file_error(&partial, e))?;
        file.into_inner()
            .map_err(|e| file_error(&partial, e.into_error()))?
            .sync_all()
            .map_err(|e| file_error(&partial, e))?;
        // Renamed only when complete, so a backup file is never half-written.
        fs::rename(&partial, &path).map_err(|e| file_error(&path, e))?;
        Ok(path)
    }
}

/// Restores a backup into `data_dir`, which must not hold a library yet.
pub fn restore(backup: &Path, data_dir: &Path) -> Result<(), StoreError> {
    let bad = |detail: String| StoreError::BadBackup {
        file: backup.to_path_buf(),
        detail,
    };
    if data_dir.join(DATABASE_DIR).exists() {
        return Err(bad(format!(
            "{} already holds a library; move it aside first, or restore into a new directory",
            data_dir.display()
        )));
    }
    let bytes = fs::read(backup).map_err(|e| StoreError::File {
        path: backup.to_path_buf(),
        source: e,
    })?;
    if !bytes.starts_with(MAGIC) {
        return Err(bad("it is not a SourceLens backup".into()));
    }
    if bytes.len() < MAGIC.len() + 33 {
        return Err(bad("it is cut short".into()));
    }
    let (body, digest) = bytes.split_at(bytes.len() - 32);
    if Sha256::digest(body).as_slice() != digest {
        return Err(bad(
            "its checksum does not match: the file is damaged or incomplete".into(),
        ));
    }
    let trees =
        parse(&body[MAGIC.len()..]).ok_or_else(|| bad("its contents are malformed".into()))?;
    let db = sled::Config::new()
        .path(data_dir.join(DATABASE_DIR))
        .flush_every_ms(None)
        .open()?;
    for (name, entries) in trees {
        let tree = db.open_tree(name)?;
        for (key, value) in entries {
            tree.insert(key, value)?;
        }
    }
    db.flush()?;
    Ok(())
}

type Entries<'b> = Vec<(&'b [u8], &'b [u8])>;

fn parse(mut body: &[u8]) -> Option<Vec<(&[u8], Entries<'_>)>> {
    fn take<'b>(body: &mut &'b [u8], n: usize) -> Option<&'b [u8]> {
        let (head, rest) = body.split_at_checked(n)?;
        *body = rest;
        Some(head)
    }
    let mut trees: Vec<(&[u8], Entries<'_>)> = Vec::new();
    loop {
        match *take(&mut body, 1)?.first()? {
            TREE => {
                let len = u32::from_be_bytes(take(&mut body, 4)?.try_into().ok()?) as usize;
                trees.push((take(&mut body, len)?, Vec::new()));
            }
            ENTRY => {
                let key_len = u32::from_be_bytes(take(&mut body, 4)?.try_into().ok()?) as usize;
                let key = take(&mut body, key_len)?;
                let value_len =
                    usize::try_from(u64::from_be_bytes(take(&mut body, 8)?.try_into().ok()?))
                        .ok()?;
                let value = take(&mut body, value_len)?;
                trees.last_mut()?.1.push((key, value));
            }
            END if body.is_empty() => return Some(trees),
            _ => return None,
        }
    }
}
