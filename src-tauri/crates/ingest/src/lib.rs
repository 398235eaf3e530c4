//! Everything that turns the outside world into SourceLens articles.
//!
//! [`Input::parse`] tells whether an argument or a dropped item is a web
//! address or a file, and refuses addresses SourceLens will never fetch.
//! [`read_file`] reads the articles in a file of any supported format
//! ([`Format`]), telling the format from the bytes as well as the name;
//! [`html::read_page`] does the same for a fetched page. Every failure is an
//! [`IngestError`] that names the input and says what is wrong with it.
//!
//! ```
//! use sourcelens_ingest::{read_bytes, Input, Origin};
//!
//! assert!(matches!(Input::parse("https://example.org/a").unwrap(), Input::Url(_)));
//! assert!(Input::parse("file:///etc/passwd").is_err());
//!
//! let page = b"<html><head><title>Port closed</title></head><body><article>\
//!     <p>The port authority said on Monday that the harbour would stay closed \
//!     until divers had inspected the damaged pier, a process it expects to take a week.</p>\
//!     </article></body></html>";
//! let articles = read_bytes("port.html", page, Origin::Paste).unwrap();
//! assert_eq!(articles[0].meta.title.as_deref(), Some("Port closed"));
//! assert!(articles[0].text.starts_with("The port authority said"));
//! ```
#![deny(missing_docs)]

mod article;
mod charset;
pub mod discover;
mod error;
pub mod fetch;
mod formats;
pub mod html;
mod input;
pub mod limits;

pub use article::{content_hash, Article, Metadata, Origin};
pub use charset::{decode_html, decode_text};
pub use error::{IngestError, Problem};
pub use formats::{read_bytes, read_file, Format, Limits};
pub use input::{Input, InputError};
