//! How errors cross from Rust to the UI: `{code, message}`.
//!
//! The UI decides what to do from `code` (a small closed set) and shows
//! `message` to the researcher; it never matches on the English text.

use serde::{Deserialize, Serialize};
use sourcelens_store::StoreError;
use ts_rs::TS;

/// What kind of failure an [`IpcError`] is; the UI acts on this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// Another SourceLens process has this library open.
    StoreLocked,
    /// The library was written by a newer SourceLens.
    StoreTooNew,
    /// The library on disk is damaged.
    StoreDamaged,
    /// The library could not be read or written.
    StoreUnavailable,
    /// What the user entered cannot be used as it is.
    InvalidInput,
    /// Something with that name already exists.
    AlreadyExists,
    /// The thing asked for does not exist.
    NotFound,
    /// SourceLens itself failed. The UI also uses this for failures that did
    /// not come from a command, such as a call Tauri refused.
    Internal,
}

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct IpcError {
    /// What kind of failure this is.
    pub code: ErrorCode,
    /// What happened and what to do, in words for the researcher.
    pub message: String,
}

impl From<StoreError> for IpcError {
    fn from(error: StoreError) -> Self {
        let code = match &error {
            StoreError::Locked { .. } => ErrorCode::StoreLocked,
            StoreError::TooNew { .. } => ErrorCode::StoreTooNew,
            StoreError::Corrupt { .. } => ErrorCode::StoreDamaged,
            StoreError::NoDataDir
            | StoreError::Open { .. }
            | StoreError::Io(_)
            | StoreError::File { .. } => ErrorCode::StoreUnavailable,
            StoreError::InvalidInput(_)
            | StoreError::BadBundle { .. }
            | StoreError::BundleTooNew { .. }
            | StoreError::BadBackup { .. } => ErrorCode::InvalidInput,
            StoreError::DuplicateName(_) | StoreError::BundleConflict(_) => {
                ErrorCode::AlreadyExists
            }
            StoreError::NotFound(_) => ErrorCode::NotFound,
        };
        IpcError {
            code,
            message: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_crosses_ipc_as_code_and_message() {
        let error = IpcError::from(StoreError::DuplicateName("Port strike".into()));
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "alreadyExists",
                "message": "A comparison named “Port strike” already exists. Choose another name."
            })
        );
    }

    #[test]
    fn a_locked_library_maps_to_its_own_code() {
        let error = IpcError::from(StoreError::Locked {
            dir: "/data".into(),
        });
        assert_eq!(error.code, ErrorCode::StoreLocked);
        assert!(error.message.contains("/data"));
    }
}
