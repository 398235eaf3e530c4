//! Everything that turns the outside world into SourceLens articles.
//!
//! It starts with telling what a researcher handed over: [`Input::parse`]
//! decides whether an argument or a dropped item is a web address or a file,
//! and refuses addresses SourceLens will never fetch (anything but http and
//! https).
//!
//! ```
//! use sourcelens_ingest::Input;
//!
//! assert!(matches!(Input::parse("https://example.org/a").unwrap(), Input::Url(_)));
//! assert!(matches!(Input::parse("saved/article.html").unwrap(), Input::File(_)));
//! assert!(Input::parse("file:///etc/passwd").is_err());
//! ```
#![deny(missing_docs)]

mod input;

pub use input::{Input, InputError};
