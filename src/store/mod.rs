//! Scenarios kept in the browser's local storage (spec "Document": the app stores the same JSON
//! document; spec "Conventions": nothing stored is overwritten by a half-valid scenario), written
//! over a [`KeyValue`] trait so the rules run natively in tests; the app implements the trait over
//! `window.localStorage`.
//!
//! - [`keys`]: every storage key, in one place;
//! - [`kv`]: the key-value trait and [`MemoryKv`], the in-memory double;
//! - [`library`]: the [`Store`]: the working draft and the saved scenarios;
//! - [`saved`]: a saved scenario's stored entry, with its revision;
//! - [`working`]: the working draft, and the rule that keeps two tabs from overwriting it;
//! - [`quarantine`]: entries this build cannot read, set aside byte for byte;
//! - [`export`]: the export / import file format;
//! - [`opening`]: which scenario the page opens with, read-only (for the first figures);
//! - [`open_saved`]: which saved scenario a tab has open, so that a reload keeps it open.
//!
//! What the store tells users is worded in [`crate::text::store`].

pub mod export;
pub mod keys;
pub mod kv;
pub mod library;
pub mod open_saved;
pub mod opening;
pub mod quarantine;
pub mod saved;
pub mod working;

pub use export::{
    export_all, export_one, import, import_noting_unknown, BUNDLE_FORMAT, BUNDLE_VERSION,
};
pub use keys::{LANG_KEY, NAMESPACE, QUARANTINE_PREFIX, SAVED_PREFIX, WORKING_KEY};
pub use kv::{KeyValue, MemoryKv};
pub use library::Store;
pub use quarantine::Quarantined;
pub use saved::{Deleted, NewEntry, Revised, SavedMeta, SavedScenario};

use crate::document::error::ValidationError;
use crate::text::store::StoreText;
use crate::text::Lang;
use std::fmt;

/// Why storage refused an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No local storage at all (private browsing, disabled, blocked by policy).
    Unavailable,
    /// The storage quota is used up.
    Full,
    /// The key holds an entry that could not be read and could not be moved aside; the store
    /// keeps its hands off it until it is downloaded and discarded.
    Blocked(String),
    /// No saved scenario with this id (deleted, perhaps in another tab).
    NotFound(String),
    /// The scenario does not validate, so it would not read back: nothing is written.
    Invalid(ValidationError),
    /// Undo would overwrite a scenario saved since under the same id.
    Conflict(String),
    /// Another tab saved the scenario `id` (now named `name`) since this one opened or saved it.
    Newer { id: String, name: String },
    /// Another tab wrote the working draft since this one last read or wrote it.
    DraftNewer,
    /// Anything else the storage reported.
    Other(String),
}

impl StoreError {
    /// What happened and what the user can do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Unavailable => StoreText::Unavailable.say(lang),
            StoreError::Full => StoreText::Full.say(lang),
            StoreError::Blocked(key) => StoreText::Blocked { key }.say(lang),
            StoreError::NotFound(id) => StoreText::NotFound { id }.say(lang),
            StoreError::Invalid(e) => StoreText::Invalid {
                detail: &e.display(lang),
            }
            .say(lang),
            StoreError::Conflict(id) => StoreText::UndoTaken { id }.say(lang),
            StoreError::Newer { name, .. } => StoreText::NewerElsewhere { name }.say(lang),
            StoreError::DraftNewer => StoreText::DraftNewerElsewhere.say(lang),
            StoreError::Other(detail) => StoreText::Other { detail }.say(lang),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {}
