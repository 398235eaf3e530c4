//! The evaluations behind `sourcelens eval`, and the training of the
//! attribution model behind `sourcelens train`.

pub mod events;
pub mod extraction;
pub mod polnear;
pub mod polnear_sources;
