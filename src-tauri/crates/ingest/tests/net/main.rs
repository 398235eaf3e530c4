//! Fetching and discovery against a local server (see `server.rs`).

mod discover;
mod fetch;
mod server;
