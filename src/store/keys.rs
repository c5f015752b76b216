//! Every storage key the app uses, in one place: the store's keys in local storage, and the
//! app's keys in session storage. `tests/browser/keys.mjs` repeats them for the browser tests;
//! a test here keeps the two equal.
//!
//! Local storage, namespaced and versioned:
//! - `contract-calc/v1/working`: the scenario being edited (the autosaved draft);
//! - `contract-calc/v1/saved/<id>`: a saved scenario, `{"id","name","updated","rev","scenario"}` (`store::saved`);
//! - `contract-calc/v1/lang`: the interface language;
//! - `contract-calc/quarantine/<original key>@<timestamp>`: an entry this build could not read,
//!   moved aside byte for byte so that the user can download it.
//!
//! Session storage (this tab only):
//! - `contract-calc/v1/link-draft`: unsaved edits of a scenario opened from a share link;
//! - `contract-calc/v1/own-draft`: the id of this tab's own draft, when it has one;
//! - `contract-calc/v1/open-saved`: the saved scenario this tab has open (see `open_saved`).

/// Every key this version reads lives under this prefix.
pub const NAMESPACE: &str = "contract-calc/v1/";
pub const WORKING_KEY: &str = "contract-calc/v1/working";
pub const SAVED_PREFIX: &str = "contract-calc/v1/saved/";
pub const LANG_KEY: &str = "contract-calc/v1/lang";
pub const QUARANTINE_PREFIX: &str = "contract-calc/quarantine/";
/// Session storage: a linked scenario's unsaved edits, kept for a reload of the same tab.
pub const LINK_DRAFT_KEY: &str = "contract-calc/v1/link-draft";
/// Session storage: the id of this tab's own draft (a saved scenario), once another tab has
/// taken the shared working draft, so that a reload of this tab shows its own work again.
pub const OWN_DRAFT_KEY: &str = "contract-calc/v1/own-draft";

/// Session storage: the saved scenario this tab has open, with the working draft it wrote.
pub const OPEN_SAVED_KEY: &str = "contract-calc/v1/open-saved";

/// Where saved scenario `id` lives.
pub fn saved_key(id: &str) -> String {
    format!("{SAVED_PREFIX}{id}")
}

/// The saved scenario's id behind `key`, if it is a saved scenario's key.
pub fn saved_id(key: &str) -> Option<&str> {
    key.strip_prefix(SAVED_PREFIX)
}

/// The first place tried for an entry of `key` set aside at `now`.
pub fn quarantine_key(key: &str, now: &str) -> String {
    format!("{QUARANTINE_PREFIX}{key}@{now}")
}

/// The original key of quarantine key `key`, if it is one.
pub fn quarantined_from(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
    Some(rest.rsplit_once('@').map_or(rest, |(k, _)| k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_tests_use_the_same_keys() {
        let js = include_str!("../../tests/browser/keys.mjs");
        for (name, value) in [
            ("WORKING_KEY", WORKING_KEY),
            ("SAVED_PREFIX", SAVED_PREFIX),
            ("LANG_KEY", LANG_KEY),
            ("QUARANTINE_PREFIX", QUARANTINE_PREFIX),
            ("LINK_DRAFT_KEY", LINK_DRAFT_KEY),
            ("OWN_DRAFT_KEY", OWN_DRAFT_KEY),
            ("OPEN_SAVED_KEY", OPEN_SAVED_KEY),
        ] {
            let line = format!("export const {name} = '{value}';");
            assert!(js.contains(&line), "tests/browser/keys.mjs lacks {line}");
        }
    }

    #[test]
    fn quarantine_keys_name_their_origin() {
        let q = quarantine_key(WORKING_KEY, "2025-09-30T09:30:00Z");
        assert_eq!(quarantined_from(&q), Some(WORKING_KEY));
        assert_eq!(quarantined_from(&format!("{q}~2")), Some(WORKING_KEY));
        assert_eq!(saved_id(&saved_key("a-1")), Some("a-1"));
        assert_eq!(saved_id(WORKING_KEY), None);
    }
}
