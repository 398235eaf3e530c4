//! The byte format of stored records.
//!
//! A record is one format byte followed by the record serialised as JSON.
//! JSON is self-describing, so a newer SourceLens can add optional fields and
//! still read records written by an older one; the format byte leaves room to
//! change the encoding itself without guessing.

use serde::{de::DeserializeOwned, Serialize};

/// The format byte of records encoded as JSON.
pub const FORMAT_JSON: u8 = 1;

/// Encodes a record for storage.
pub fn encode<T: Serialize>(record: &T) -> Vec<u8> {
    let mut bytes = vec![FORMAT_JSON];
    // Serialising plain data structs to a Vec cannot fail: they hold no maps
    // with non-string keys and no failing Serialize impls.
    serde_json::to_writer(&mut bytes, record).expect("records serialise to JSON");
    bytes
}

/// Decodes a stored record; the error says what is damaged, naming the
/// record as `what`.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T, String> {
    match bytes.split_first() {
        Some((&FORMAT_JSON, json)) => {
            serde_json::from_slice(json).map_err(|e| format!("{what} cannot be read: {e}"))
        }
        Some((format, _)) => Err(format!("{what} has unknown record format {format}")),
        None => Err(format!("{what} is empty")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Old {
        name: String,
    }

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct New {
        name: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[test]
    fn a_record_round_trips() {
        let old = Old { name: "x".into() };
        assert_eq!(decode::<Old>(&encode(&old), "record").unwrap(), old);
    }

    #[test]
    fn a_newer_reader_reads_records_written_without_its_new_fields() {
        let bytes = encode(&Old { name: "x".into() });
        let new: New = decode(&bytes, "record").unwrap();
        assert_eq!(
            new,
            New {
                name: "x".into(),
                tags: vec![]
            }
        );
    }

    #[test]
    fn an_unknown_format_byte_is_reported_as_corruption() {
        let err = decode::<Old>(&[9, b'{', b'}'], "comparison 7").unwrap_err();
        assert_eq!(err, "comparison 7 has unknown record format 9");
    }

    #[test]
    fn damaged_json_is_reported_as_corruption() {
        let err = decode::<Old>(&[FORMAT_JSON, b'{'], "comparison 7").unwrap_err();
        assert!(err.starts_with("comparison 7 cannot be read"), "{err}");
    }
}
