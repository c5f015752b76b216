//! Which saved scenario this tab has open, kept in session storage (`OPEN_SAVED_KEY`) so that a
//! reload shows it again with its Save button, at the revision the tab held.
//!
//! The entry is written with each autosave of the working draft and names the scenario then
//! written. On reload the tab reattaches only if the working draft still holds that scenario:
//! if another tab has written the draft since, its work is not the open saved scenario's, and
//! attaching it would let one 保存 overwrite the saved scenario with another tab's work.

use crate::document::read::scenario_from_value;
use crate::engine::scenario::Scenario;

/// The session entry: `{"id", "rev", "scenario"}`.
pub fn entry(id: &str, rev: u64, working: &Scenario) -> String {
    serde_json::json!({ "id": id, "rev": rev, "scenario": working.to_json_value() }).to_string()
}

/// The saved scenario's id and the revision this tab held, when the entry `raw` was written
/// with the working draft that is stored now.
pub fn reattach(raw: &str, working: &Scenario) -> Option<(String, u64)> {
    let doc: serde_json::Value = serde_json::from_str(raw).ok()?;
    let written = scenario_from_value(doc.get("scenario")?).ok()?;
    if written != *working {
        return None;
    }
    Some((
        doc.get("id")?.as_str()?.to_string(),
        doc.get("rev")?.as_u64()?,
    ))
}

/// The entry to keep when the tab now holds revision `rev` of saved scenario `id`, whose scenario
/// is `saved`, while its form cannot be written as the working draft (a field being retyped
/// during a Save or a rename): `None` when `raw` already names that revision, else an entry
/// naming `saved` as the draft. A reload then never reattaches at an older revision, whose next
/// Save would be taken for another tab's and kept as a needless conflicted copy; and it
/// reattaches only if the stored draft is that revision's own scenario, so a draft written
/// before the Save is never paired with the newer revision (a Save would write it over that).
pub fn follow(raw: Option<&str>, id: &str, rev: u64, saved: &Scenario) -> Option<String> {
    let noted = raw
        .and_then(|raw| serde_json::from_str::<serde_json::Value>(raw).ok())
        .and_then(|doc| Some((doc.get("id")?.as_str()? == id, doc.get("rev")?.as_u64()?)));
    if noted == Some((true, rev)) {
        return None;
    }
    Some(entry(id, rev, saved))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::samples::{starter, ten_year_monthly};
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn a_reload_reopens_the_saved_scenario_whose_work_is_in_the_draft() {
        let work = ten_year_monthly();
        let raw = entry("a-1", 3, &work);
        assert_eq!(reattach(&raw, &work), Some(("a-1".to_string(), 3)));
    }

    #[test]
    fn a_save_while_the_form_cannot_be_written_moves_the_revision_a_reload_reattaches_at() {
        // The tab wrote its draft with a-1 open at revision 3, then saved (revision 4) and
        // emptied a field at once: no draft was written with the new revision.
        let draft = ten_year_monthly();
        let raw = entry("a-1", 3, &draft);
        let mut saved = draft.clone();
        saved.name = "改过的".into();
        let moved = follow(Some(&raw), "a-1", 4, &saved).unwrap();
        // The draft autosaved before the Save is the saved scenario: a reload holds revision 4.
        assert_eq!(reattach(&moved, &saved), Some(("a-1".to_string(), 4)));
        // A draft behind the Save is not tied to revision 4: its Save would undo the saved one.
        assert_eq!(reattach(&moved, &draft), None);
        // Nothing moved (only a field being retyped): the entry stays as it is.
        assert_eq!(follow(Some(&raw), "a-1", 3, &saved), None);
    }

    #[test]
    fn another_tabs_draft_is_not_attached_to_the_saved_scenario() {
        // Tab 1 wrote the ten-year scenario; tab 2 then wrote the starter into the shared draft.
        let raw = entry("a-1", 3, &ten_year_monthly());
        assert_eq!(reattach(&raw, &starter(day())), None);
    }

    #[test]
    fn an_unreadable_entry_attaches_nothing() {
        let work = starter(day());
        assert_eq!(reattach("{", &work), None);
        assert_eq!(reattach(r#"{"id":"a-1","rev":1}"#, &work), None);
    }
}
