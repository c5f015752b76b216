//! The scenario document (spec "Document"): the same JSON in local storage, share links,
//! export/import and the CLI. [`read`] reads it with every refusal named by its JSON path;
//! writing is serde on [`crate::engine::scenario::Scenario`]; [`samples`] are ready-made
//! scenarios; [`share_link`] packs one into a URL fragment; [`input`] reads a document's bytes
//! with a size limit.

pub mod error;
pub mod input;
pub mod read;
pub mod samples;
pub mod share_link;
