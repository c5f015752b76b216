//! The saved-scenario entry as stored: `{"id","name","updated","rev","scenario": <scenario document>}`
//! under `contract-calc/v1/saved/<id>`, read with the document reader so that every refusal names
//! its JSON path.

use crate::document::error::ValidationError;
use crate::document::read::{parse_json, scenario_from_value, Obj};
use crate::engine::scenario::Scenario;
use crate::text::store::StoreText;
use crate::text::Lang;
use serde_json::{json, Value};

/// A saved scenario's list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedMeta {
    pub id: String,
    pub name: String,
    /// ISO-8601 UTC timestamp of the last change, as the caller passed it.
    pub updated: String,
    /// Counts the entry's writes (see [`SavedScenario::rev`]).
    pub rev: u64,
}

/// A scenario just saved under a new id ([`super::Store::save_as`]), and the name it was given:
/// the one asked for, or that name numbered apart from the other entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub id: String,
    pub name: String,
}

/// A saved scenario written again ([`super::Store::update`], [`super::Store::rename`]): its new
/// revision, and the name it now has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revised {
    pub rev: u64,
    pub name: String,
}

/// A saved scenario. Its `name` and `scenario.name` are kept equal.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedScenario {
    pub id: String,
    pub name: String,
    pub updated: String,
    /// The entry's revision: 1 when first saved, one more on every later write (by any tab);
    /// an entry written before revisions existed reads as 0. A tab saves over an entry only at
    /// the revision it opened or last saved ([`super::Store::update`]).
    pub rev: u64,
    pub scenario: Scenario,
}

impl SavedScenario {
    pub fn meta(&self) -> SavedMeta {
        SavedMeta {
            id: self.id.clone(),
            name: self.name.clone(),
            updated: self.updated.clone(),
            rev: self.rev,
        }
    }

    /// The entry as stored (and as exported in a bundle).
    pub fn to_value(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "updated": self.updated,
            "rev": self.rev,
            "scenario": self.scenario.to_json_value(),
        })
    }
}

/// A deleted scenario's stored text, enough for [`super::Store::undo_delete`] to restore it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub id: String,
    pub raw: String,
}

/// Why a stored entry was refused, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub zh: String,
    pub en: String,
}

impl Reason {
    pub fn from_error(e: &ValidationError) -> Self {
        Reason {
            zh: e.display(Lang::Zh),
            en: e.display(Lang::En),
        }
    }

    pub fn from_text(t: StoreText) -> Self {
        Reason {
            zh: t.say(Lang::Zh),
            en: t.say(Lang::En),
        }
    }
}

/// A saved entry stored under `id`.
pub fn read_saved(id: &str, raw: &str) -> Result<SavedScenario, Reason> {
    let read = || -> Result<SavedScenario, ValidationError> {
        let value = parse_json(raw)?;
        let budget = crate::document::read::Shared::default();
        let o = Obj::new(String::new(), &value, &budget)?;
        Ok(SavedScenario {
            id: o.text("id")?,
            name: o.text("name")?,
            updated: o.text("updated")?,
            rev: o.opt_count("rev")?.unwrap_or(0),
            scenario: scenario_from_value(o.req("scenario")?).map_err(|e| e.within("scenario"))?,
        })
    };
    let saved = read().map_err(|e| Reason::from_error(&e))?;
    if saved.id != id {
        return Err(Reason::from_text(StoreText::IdMismatch {
            stored: &saved.id,
            key: id,
        }));
    }
    Ok(saved)
}
