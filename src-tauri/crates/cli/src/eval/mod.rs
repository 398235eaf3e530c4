//! The evaluations behind `sourcelens eval`.

pub mod extraction;
