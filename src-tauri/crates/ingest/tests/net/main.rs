//! Fetching and discovery against a local server (see `server.rs`).

mod fetch;
mod server;
