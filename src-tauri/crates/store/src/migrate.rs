//! Schema migrations. Each runs in one sled transaction together with the
//! schema version bump, so a crash leaves either the old schema or the new
//! one, never a mixture; the library is backed up before the first one runs.

use sled::Transactional;

use crate::codec;
use crate::library::{Library, SCHEMA_VERSION, SCHEMA_VERSION_KEY};
use crate::records::{ComparisonRecord, Member};
use crate::StoreError;

/// The schema version recorded in `meta`, if any.
pub(crate) fn stored_version(library: &Library) -> Result<Option<u32>, StoreError> {
    let Some(stored) = library.trees.meta.get(SCHEMA_VERSION_KEY)? else {
        return Ok(None);
    };
    let bytes: [u8; 4] = stored
        .as_ref()
        .try_into()
        .map_err(|_| library.corrupt("the schema version is not a 4-byte number"))?;
    Ok(Some(u32::from_be_bytes(bytes)))
}

/// Brings a library from schema `from` to [`SCHEMA_VERSION`], one step at a time.
pub(crate) fn run(library: &Library, from: u32) -> Result<(), StoreError> {
    for version in from..SCHEMA_VERSION {
        match version {
            1 => members_from_parallel_lists(library)?,
            other => {
                return Err(library.corrupt(format!("no migration is known from schema {other}")))
            }
        }
    }
    Ok(())
}

/// Schema 1 kept a comparison's article ids and its outlet names in two
/// separate lists; schema 2 keeps one member (article and outlet) per article,
/// so the same text can stand for different outlets in different comparisons.
fn members_from_parallel_lists(library: &Library) -> Result<(), StoreError> {
    #[derive(serde::Deserialize)]
    struct V1 {
        id: String,
        name: String,
        #[serde(default)]
        description: String,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default)]
        article_ids: Vec<String>,
        #[serde(default)]
        outlets: Vec<String>,
        #[serde(with = "time::serde::rfc3339")]
        created_at: time::OffsetDateTime,
        #[serde(with = "time::serde::rfc3339")]
        updated_at: time::OffsetDateTime,
    }
    let mut converted = Vec::new();
    for entry in library.trees.comparisons.iter() {
        let (key, value) = entry?;
        let old: V1 = codec::decode(
            &value,
            &format!("comparison {}", String::from_utf8_lossy(&key)),
        )
        .map_err(|d| library.corrupt(d))?;
        let members = old
            .article_ids
            .iter()
            .enumerate()
            .map(|(i, article)| Member {
                article: article.clone(),
                outlet: old.outlets.get(i).cloned().unwrap_or_default(),
            })
            .collect();
        converted.push(ComparisonRecord {
            id: old.id,
            name: old.name,
            description: old.description,
            tags: old.tags,
            members,
            created_at: old.created_at,
            updated_at: old.updated_at,
        });
    }
    let t = &library.trees;
    (&t.comparisons, &t.meta)
        .transaction(|(comparisons, meta)| {
            for record in &converted {
                comparisons.insert(record.id.as_bytes(), codec::encode(record))?;
            }
            meta.insert(SCHEMA_VERSION_KEY, &2u32.to_be_bytes())?;
            Ok::<_, sled::transaction::ConflictableTransactionError<StoreError>>(())
        })
        .map_err(|e| match e {
            sled::transaction::TransactionError::Abort(e) => e,
            sled::transaction::TransactionError::Storage(e) => StoreError::Io(e),
        })
}
