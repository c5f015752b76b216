//! The saved-scenario library: the [`Store`] over a [`KeyValue`], holding the working draft (the
//! scenario being edited, autosaved) and the saved scenarios (save as, update, rename, duplicate,
//! delete with undo, listed by last change), and the interface language. Every read goes to the
//! storage, so that several tabs see each other's changes.

use super::keys::{saved_id, saved_key, LANG_KEY, NAMESPACE};
use super::quarantine::{check_entry, Quarantined};
use super::saved::{read_saved, Deleted, NewEntry, Revised, SavedMeta, SavedScenario};
use super::{KeyValue, StoreError};
use crate::document::read::parse_scenario;
use crate::engine::scenario::Scenario;
use crate::text::store::{draft_base, StoreText};
use crate::text::Lang;
use std::collections::BTreeSet;

/// Local storage of scenarios over a [`KeyValue`]. Every read goes to the store, so that
/// several tabs see each other's changes.
pub struct Store<K: KeyValue> {
    pub(super) kv: K,
    /// Keys holding unreadable entries that could not be moved aside.
    pub(super) blocked: BTreeSet<String>,
    next_id: u64,
    open_error: Option<StoreError>,
    /// Successful writes and removals so far: the app re-reads what it shows when this moves.
    writes: u64,
    /// The working draft's text as this store last read or wrote it (see [`super::working`]).
    pub(super) working_seen: Option<String>,
}

impl<K: KeyValue> Store<K> {
    /// Opens the store and checks every entry under `contract-calc/v1/`: one that does not read
    /// (malformed JSON, unknown format or version, a scenario that fails validation) is copied to
    /// `contract-calc/quarantine/<key>@<now>` and then removed. When the copy fails the entry is
    /// left untouched and its key blocked, as is a key that could not be read at all. Returns the
    /// entries quarantined now.
    pub fn open(kv: K, now: &str) -> (Store<K>, Vec<Quarantined>) {
        let mut store = Store {
            kv,
            blocked: BTreeSet::new(),
            next_id: 1,
            open_error: None,
            writes: 0,
            working_seen: None,
        };
        let keys = match store.kv.keys() {
            Ok(keys) => keys,
            Err(e) => {
                store.open_error = Some(e);
                return (store, Vec::new());
            }
        };
        let mut moved = Vec::new();
        for key in keys.iter().filter(|k| k.starts_with(NAMESPACE)) {
            let raw = match store.kv.get(key) {
                Ok(Some(raw)) => raw,
                Ok(None) => continue,
                Err(e) => {
                    // Unchecked, so possibly unreadable: never written over in this session.
                    store.blocked.insert(key.clone());
                    store.open_error = Some(e);
                    continue;
                }
            };
            let Err(reason) = check_entry(key, &raw) else {
                continue;
            };
            moved.push(store.move_aside(key, raw, reason, now));
        }
        (store, moved)
    }

    /// The error storage gave while opening (typically `Unavailable`), if any.
    pub fn open_error(&self) -> Option<&StoreError> {
        self.open_error.as_ref()
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// The storage underneath, for tests and migrations: writes through it bypass every rule here.
    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    /// How many writes and removals have succeeded through this store: it moves on every change
    /// this tab makes, so that whatever shows stored data can re-read it.
    pub fn writes(&self) -> u64 {
        self.writes
    }

    pub(super) fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.blocked.contains(key) {
            return Err(StoreError::Blocked(key.to_string()));
        }
        self.kv.set(key, value)?;
        self.writes += 1;
        Ok(())
    }

    pub(super) fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.kv.remove(key)?;
        self.writes += 1;
        Ok(())
    }

    /// Every saved scenario, most recently changed first; equal times by name, then id.
    /// Entries that do not read are left out (the next [`Store::open`] quarantines them).
    pub fn list(&self) -> Vec<SavedMeta> {
        let mut metas: Vec<SavedMeta> = self
            .saved_ids()
            .iter()
            .filter_map(|id| self.get(id))
            .map(|s| s.meta())
            .collect();
        metas.sort_by(|a, b| {
            b.updated
                .cmp(&a.updated)
                .then_with(|| by_name(&a.name, &b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        metas
    }

    /// Every saved scenario in [`Store::list`] order: what "export all" downloads.
    pub fn all(&self) -> Vec<SavedScenario> {
        self.list().iter().filter_map(|m| self.get(&m.id)).collect()
    }

    /// Whether a saved scenario already keeps `s` ("unsaved work is kept once", README): one
    /// holds it as it is, or as a draft of it under any draft name (“名称（草稿）”, “名称（草稿 2）”,
    /// “name (draft)”…, [`draft_base`]). Work held so needs no second copy.
    pub fn holds(&self, s: &Scenario) -> bool {
        let base = draft_base(&s.name).unwrap_or(&s.name);
        self.all().iter().any(|x| {
            let name = &x.scenario.name;
            (*name == s.name || draft_base(name) == Some(base)) && {
                let mut same = x.scenario.clone();
                same.name.clone_from(&s.name);
                same == *s
            }
        })
    }

    /// The name under which `name`'s work is kept as a draft: “名称（草稿）”, or when a saved
    /// scenario already has that name, the first free “名称（草稿 2）”, “名称（草稿 3）”…, so that
    /// the list and the banner that names the draft point to one entry.
    pub fn draft_name(&self, name: &str, lang: Lang) -> String {
        let taken: Vec<String> = self.list().into_iter().map(|m| m.name).collect();
        (1..)
            .map(|n| StoreText::DraftName { name, n }.say(lang))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_default()
    }

    /// `name`, or, when another saved scenario (not `except`) has it, `name (2)`, `name (3)`…:
    /// no two entries of the list share a name. Every write that names an entry goes through it
    /// (save as, update, rename, import, duplicate), so that no caller can forget it.
    fn unused_name(&self, name: &str, except: Option<&str>) -> String {
        let taken: Vec<String> = self
            .list()
            .into_iter()
            .filter(|m| Some(m.id.as_str()) != except)
            .map(|m| m.name)
            .collect();
        // "方案A (2)" typed again numbers on from "方案A", not as "方案A (2) (2)".
        let base = name
            .rsplit_once(" (")
            .filter(|(_, n)| {
                n.strip_suffix(')')
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            })
            .map_or(name, |(b, _)| b);
        std::iter::once(name.to_string())
            .chain((2..).map(|n| crate::text::store::fitted(base, |b| format!("{b} ({n})"))))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_default()
    }

    fn saved_ids(&self) -> Vec<String> {
        self.kv
            .keys()
            .unwrap_or_default()
            .iter()
            .filter_map(|k| saved_id(k))
            .map(str::to_string)
            .collect()
    }

    pub fn get(&self, id: &str) -> Option<SavedScenario> {
        let key = saved_key(id);
        if self.blocked.contains(&key) {
            return None;
        }
        let raw = self.kv.get(&key).ok().flatten()?;
        read_saved(id, &raw).ok()
    }

    fn put(&mut self, saved: &SavedScenario) -> Result<(), StoreError> {
        readable_json(&saved.scenario)?;
        self.write(&saved_key(&saved.id), &saved.to_value().to_string())
    }

    /// Saves a copy of `s` under a new id, named `name` (in the entry and in the scenario), or
    /// `name (2)`… when another entry has that name; returns the id and the name given.
    pub fn save_as(&mut self, name: &str, s: &Scenario, now: &str) -> Result<NewEntry, StoreError> {
        let id = self.new_id(now)?;
        let name = self.unused_name(name, None);
        let mut scenario = s.clone();
        scenario.name.clone_from(&name);
        self.put(&SavedScenario {
            id: id.clone(),
            name: name.clone(),
            updated: now.to_string(),
            rev: 1,
            scenario,
        })?;
        Ok(NewEntry { id, name })
    }

    /// Saves each scenario under a new id with its own name; when one fails, those already
    /// written are removed again, so an import is all or nothing.
    pub fn save_many(&mut self, list: &[Scenario], now: &str) -> Result<Vec<String>, StoreError> {
        let mut ids = Vec::with_capacity(list.len());
        for s in list {
            match self.save_as(&s.name, s, now) {
                Ok(entry) => ids.push(entry.id),
                Err(e) => {
                    for id in &ids {
                        // Best effort: what cannot be removed stays as a complete scenario.
                        let _ = self.remove(&saved_key(id));
                    }
                    return Err(e);
                }
            }
        }
        Ok(ids)
    }

    /// The stored text of saved scenario `id` and its key; never a blocked key.
    fn raw_saved(&self, id: &str) -> Result<(String, String), StoreError> {
        let key = saved_key(id);
        if self.blocked.contains(&key) {
            return Err(StoreError::Blocked(key));
        }
        let raw = self
            .kv
            .get(&key)?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        Ok((key, raw))
    }

    fn existing(&self, id: &str) -> Result<SavedScenario, StoreError> {
        let (_, raw) = self.raw_saved(id)?;
        read_saved(id, &raw).map_err(|_| StoreError::NotFound(id.to_string()))
    }

    /// Replaces the saved scenario `id` with `s`, if it is still at revision `base` (the one this
    /// tab opened or last saved): a newer revision, saved by another tab, is never overwritten
    /// ([`StoreError::Newer`]). A non-empty `s.name` renames the entry (numbered when another
    /// entry has it); an empty one keeps the saved name. Returns the new revision and the name.
    pub fn update(
        &mut self,
        id: &str,
        s: &Scenario,
        now: &str,
        base: u64,
    ) -> Result<Revised, StoreError> {
        let old = self.existing(id)?;
        if old.rev != base {
            return Err(StoreError::Newer {
                id: id.to_string(),
                name: old.name,
            });
        }
        let name = if s.name.is_empty() {
            old.name
        } else {
            self.unused_name(&s.name, Some(id))
        };
        let mut scenario = s.clone();
        scenario.name = name.clone();
        let rev = old.rev.saturating_add(1);
        self.put(&SavedScenario {
            id: id.to_string(),
            name: name.clone(),
            updated: now.to_string(),
            rev,
            scenario,
        })?;
        Ok(Revised { rev, name })
    }

    /// Renames the saved scenario as it is stored now (whoever saved it last), numbered when
    /// another entry has the name; returns the new revision and the name given.
    pub fn rename(&mut self, id: &str, name: &str, now: &str) -> Result<Revised, StoreError> {
        let mut saved = self.existing(id)?;
        let name = self.unused_name(name, Some(id));
        saved.name.clone_from(&name);
        saved.scenario.name.clone_from(&name);
        saved.updated = now.to_string();
        saved.rev = saved.rev.saturating_add(1);
        self.put(&saved)?;
        Ok(Revised {
            rev: saved.rev,
            name,
        })
    }

    /// A copy under a new id, named `<name> (副本)` / `<name> (copy)`.
    pub fn duplicate(&mut self, id: &str, now: &str, lang: Lang) -> Result<NewEntry, StoreError> {
        let saved = self.existing(id)?;
        let name = StoreText::CopyName { name: &saved.name }.say(lang);
        self.save_as(&name, &saved.scenario, now)
    }

    pub fn delete(&mut self, id: &str) -> Result<Deleted, StoreError> {
        let (key, raw) = self.raw_saved(id)?;
        self.remove(&key)?;
        Ok(Deleted {
            id: id.to_string(),
            raw,
        })
    }

    /// Puts a deleted scenario back exactly as it was (same id, name and timestamp), unless
    /// its id has been taken since.
    pub fn undo_delete(&mut self, deleted: Deleted) -> Result<(), StoreError> {
        let key = saved_key(&deleted.id);
        if self.kv.get(&key)?.is_some() {
            return Err(StoreError::Conflict(deleted.id));
        }
        self.write(&key, &deleted.raw)
    }

    /// The stored interface language code (`zh`, `en`), if any.
    pub fn lang(&self) -> Option<String> {
        self.kv.get(LANG_KEY).ok().flatten()
    }

    pub fn set_lang(&mut self, code: &str) -> Result<(), StoreError> {
        self.write(LANG_KEY, code)
    }

    /// `<now, letters and digits only>-<n>`: deterministic, and never a key already in use.
    fn new_id(&mut self, now: &str) -> Result<String, StoreError> {
        let stamp: String = now.chars().filter(char::is_ascii_alphanumeric).collect();
        let stamp = if stamp.is_empty() { "s".into() } else { stamp };
        loop {
            let id = format!("{stamp}-{}", self.next_id);
            self.next_id += 1;
            if self.kv.get(&saved_key(&id))?.is_none() {
                return Ok(id);
            }
        }
    }
}

/// The compact document of `s`, once it has been read back: the store never writes what the
/// next [`Store::open`] would have to quarantine.
pub(super) fn readable_json(s: &Scenario) -> Result<String, StoreError> {
    let json = s.to_json();
    parse_scenario(&json).map_err(StoreError::Invalid)?;
    Ok(json)
}

/// Names in the order people count: "报价 (2)" before "报价 (10)", each run of digits read as
/// its number, the rest character by character.
fn by_name(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (da, db) = (digits(a), digits(b));
        if da > 0 && db > 0 {
            let (na, ra) = a.split_at(da);
            let (nb, rb) = b.split_at(db);
            let (ta, tb) = (na.trim_start_matches('0'), nb.trim_start_matches('0'));
            let order = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
            if order.is_ne() {
                return order;
            }
            (a, b) = (ra, rb);
            continue;
        }
        let (mut ca, mut cb) = (a.chars(), b.chars());
        match (ca.next(), cb.next()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (x, y) if x != y => return x.cmp(&y),
            _ => (a, b) = (ca.as_str(), cb.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::samples;
    use crate::store::{export_all, import, MemoryKv};
    use crate::text::Lang;
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    const T1: &str = "2025-09-30T08:00:00Z";
    const T2: &str = "2025-09-30T09:30:00Z";
    const T3: &str = "2025-10-01T10:00:00Z";

    fn starter() -> Scenario {
        samples::starter(NaiveDate::from_ymd_opt(2025, 9, 30).unwrap())
    }

    fn with_fee(fee: &str) -> Scenario {
        let mut s = starter();
        s.fees.components[0].amount = fee.parse::<Decimal>().unwrap();
        s
    }

    fn open(kv: MemoryKv) -> (Store<MemoryKv>, Vec<Quarantined>) {
        Store::open(kv, T2)
    }

    fn kv_with(key: &str, value: &str) -> MemoryKv {
        let mut kv = MemoryKv::new();
        kv.set(key, value).unwrap();
        kv
    }

    #[test]
    fn no_two_saved_scenarios_share_a_name() {
        // Two files named “方案A” imported, a copy duplicated twice, a rename onto a name in
        // use: each is numbered, so the list never shows two entries one cannot tell apart.
        let (mut store, _) = open(MemoryKv::new());
        let mut a = starter();
        a.name = "方案A".into();
        store.save_many(&[a.clone(), a.clone()], T1).unwrap();
        let first = store.save_as("方案B", &starter(), T1).unwrap().id;
        let copy = store.duplicate(&first, T2, Lang::Zh).unwrap().id;
        store.duplicate(&first, T2, Lang::Zh).unwrap();
        let mut names: Vec<String> = store.list().into_iter().map(|m| m.name).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "方案A",
                "方案A (2)",
                "方案B",
                "方案B (副本)",
                "方案B (副本) (2)"
            ]
        );
        // Renamed onto “方案A”: numbered after those taken; renamed to its own name: kept.
        assert_eq!(store.rename(&copy, "方案A", T3).unwrap().name, "方案A (3)");
        let own = store.rename(&copy, "方案A (3)", T3).unwrap();
        assert_eq!(own.name, "方案A (3)");
        // Saved with a name typed in the form that another entry has: numbered too.
        let mut typed = starter();
        typed.name = "方案B".into();
        let saved = store.update(&copy, &typed, T3, own.rev).unwrap();
        assert_eq!(saved.name, "方案B (2)");
        assert_eq!(store.get(&copy).map(|c| c.scenario.name), Some(saved.name));
        // A name at the longest a scenario takes is cut to fit its number, and reads back.
        let long = "长".repeat(crate::document::read::MAX_NAME_CHARS);
        store.save_as(&long, &starter(), T3).unwrap();
        let again = store.save_as(&long, &starter(), T3).unwrap();
        assert_eq!(
            again.name.chars().count(),
            crate::document::read::MAX_NAME_CHARS
        );
        assert!(again.name.ends_with("长 (2)"), "{}", again.name);
        let copy = store.duplicate(&again.id, T3, Lang::Zh).unwrap().id;
        assert!(store
            .get(&copy)
            .is_some_and(|c| c.name.ends_with("长 (副本)")));
    }

    #[test]
    fn save_rename_duplicate_delete_and_undo() {
        let (mut store, moved) = open(MemoryKv::new());
        assert!(moved.is_empty());
        let id = store.save_as("方案A", &starter(), T1).unwrap().id;
        let saved = store.get(&id).unwrap();
        // The entry and the scenario inside carry the same name.
        assert_eq!(saved.name, "方案A");
        assert_eq!(saved.scenario.name, "方案A");
        assert_eq!(saved.updated, T1);

        store.rename(&id, "方案A（降价）", T2).unwrap();
        let copy = store.duplicate(&id, T3, Lang::Zh).unwrap().id;
        assert_ne!(copy, id);
        let names: Vec<String> = store.list().into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["方案A（降价） (副本)", "方案A（降价）"]);
        // Exporting everything and importing it again gives the same two scenarios.
        let all = store.all();
        assert_eq!(all[0].scenario.name, "方案A（降价） (副本)");
        assert_eq!(
            import(&export_all(&all)).unwrap(),
            all.iter().map(|s| s.scenario.clone()).collect::<Vec<_>>()
        );

        let before = store.kv().entries().clone();
        let deleted = store.delete(&id).unwrap();
        assert!(store.get(&id).is_none());
        assert_eq!(store.list().len(), 1);
        // Undo restores the same id, name and timestamp, byte for byte.
        store.undo_delete(deleted).unwrap();
        assert_eq!(store.kv().entries(), &before);
        assert_eq!(store.get(&id).unwrap().updated, T2);
    }

    #[test]
    fn work_kept_as_a_draft_once_is_held_and_an_edit_of_it_is_not() {
        // The user's work 谈判草案 is kept as a draft before a pasted link opens (as New does).
        let (mut store, _) = open(MemoryKv::new());
        let mut work = with_fee("40000");
        work.name = "谈判草案".into();
        assert!(!store.holds(&work));
        store.save_as("谈判草案（草稿）", &work, T1).unwrap();
        // The same work on screen again (the page reloaded, the same link opened twice) is
        // held by that draft, under its draft name: no second copy.
        assert!(store.holds(&work));
        // So is a draft kept in English, and a scenario saved under its own name.
        let mut other = with_fee("30000");
        other.name = "Offer".into();
        store.save_as("Offer (draft)", &other, T2).unwrap();
        assert!(store.holds(&other));
        assert!(store.holds(&store.get(&store.list()[0].id).unwrap().scenario));
        // Anything edited since is not held: it is kept again.
        let mut edited = work.clone();
        edited.fees.components[0].amount = Decimal::from(41_000);
        assert!(!store.holds(&edited));
        let mut renamed = work.clone();
        renamed.name = "谈判草案二".into();
        assert!(!store.holds(&renamed));
    }

    #[test]
    fn a_second_draft_of_one_scenario_gets_a_name_of_its_own() {
        // 谈判草案 is kept as a draft, edited, and kept again: the banner and the list name two
        // entries, so the second is “谈判草案（草稿 2）”, not a second “谈判草案（草稿）”.
        let (mut store, _) = open(MemoryKv::new());
        let mut work = with_fee("40000");
        work.name = "谈判草案".into();
        assert_eq!(store.draft_name(&work.name, Lang::Zh), "谈判草案（草稿）");
        store.save_as("谈判草案（草稿）", &work, T1).unwrap();
        let mut edited = work.clone();
        edited.fees.components[0].amount = Decimal::from(41_000);
        assert_eq!(
            store.draft_name(&edited.name, Lang::Zh),
            "谈判草案（草稿 2）"
        );
        store.save_as("谈判草案（草稿 2）", &edited, T2).unwrap();
        // A draft of the draft counts from the same name; English keeps its own suffix.
        assert_eq!(
            store.draft_name("谈判草案（草稿 2）", Lang::En),
            "谈判草案（草稿 3）"
        );
        assert_eq!(store.draft_name("Offer", Lang::En), "Offer (draft)");
        // The numbered draft still holds its work: no third copy of it.
        assert!(store.holds(&edited));
        let mut further = edited.clone();
        further.fees.components[0].amount = Decimal::from(42_000);
        assert!(!store.holds(&further));
    }

    #[test]
    fn update_replaces_the_scenario_and_the_time() {
        let (mut store, _) = open(MemoryKv::new());
        let id = store.save_as("方案A", &starter(), T1).unwrap().id;
        let mut cheaper = with_fee("40000");
        cheaper.name = String::new();
        assert_eq!(store.update(&id, &cheaper, T3, 1).map(|r| r.rev), Ok(2));
        let saved = store.get(&id).unwrap();
        // An empty name in the form keeps the saved one.
        assert_eq!(saved.name, "方案A");
        assert_eq!(saved.scenario.cycle_fee(), Decimal::from(45_000));
        assert_eq!(saved.updated, T3);
        assert_eq!(
            store.update("nope", &starter(), T3, 1),
            Err(StoreError::NotFound("nope".into()))
        );
    }

    #[test]
    fn a_save_over_another_tabs_newer_revision_is_refused() {
        // Tab A and tab B both open 方案A at revision 1 (one storage, two stores).
        let (mut a, _) = open(MemoryKv::new());
        let id = a.save_as("方案A", &starter(), T1).unwrap().id;
        let (mut b, _) = open(a.kv().clone());
        let base = b.get(&id).unwrap().rev;
        assert_eq!(base, 1);
        // B saves first: revision 2.
        assert_eq!(
            b.update(&id, &with_fee("40000"), T2, base).map(|r| r.rev),
            Ok(2)
        );
        *a.kv_mut() = b.kv().clone();
        // A, still at revision 1, would silently undo B's save: refused, B's version stays.
        assert_eq!(
            a.update(&id, &with_fee("30000"), T3, base),
            Err(StoreError::Newer {
                id: id.clone(),
                name: b.get(&id).unwrap().name
            })
        );
        assert_eq!(
            a.get(&id).unwrap().scenario.cycle_fee(),
            Decimal::from(45_000)
        );
        // A rename in B moves the revision too, so A's stale save cannot undo it either.
        assert_eq!(b.rename(&id, "方案A（B改名）", T3).map(|r| r.rev), Ok(3));
        *a.kv_mut() = b.kv().clone();
        assert!(matches!(
            a.update(&id, &with_fee("30000"), T3, 2),
            Err(StoreError::Newer { .. })
        ));
        assert_eq!(a.get(&id).unwrap().name, "方案A（B改名）");
        // At the current revision the save goes through.
        assert_eq!(
            a.update(&id, &with_fee("30000"), T3, 3).map(|r| r.rev),
            Ok(4)
        );
        assert_eq!(a.list()[0].rev, 4);
    }

    #[test]
    fn an_entry_from_before_revisions_reads_as_revision_0() {
        let (mut store, _) = open(MemoryKv::new());
        let id = store.save_as("旧", &starter(), T1).unwrap().id;
        let key = saved_key(&id);
        let raw = store.kv().get(&key).unwrap().unwrap();
        let old = raw.replace(",\"rev\":1", "");
        assert_ne!(old, raw);
        store.kv_mut().set(&key, &old).unwrap();
        let (mut store, moved) = Store::open(store.kv().clone(), T2);
        assert!(moved.is_empty());
        assert_eq!(store.get(&id).unwrap().rev, 0);
        assert_eq!(store.update(&id, &starter(), T3, 0).map(|r| r.rev), Ok(1));
    }

    #[test]
    fn every_write_moves_the_write_count() {
        let (mut store, _) = open(MemoryKv::new());
        let n0 = store.writes();
        let id = store.save_as("甲", &starter(), T1).unwrap().id;
        store.rename(&id, "乙", T2).unwrap();
        let deleted = store.delete(&id).unwrap();
        store.undo_delete(deleted).unwrap();
        assert_eq!(store.writes(), n0 + 4);
        // A refused write does not count.
        store.kv_mut().set_unavailable(true);
        assert!(store.save_as("丙", &starter(), T1).is_err());
        assert_eq!(store.writes(), n0 + 4);
    }

    #[test]
    fn list_is_sorted_by_last_change() {
        let (mut store, _) = open(MemoryKv::new());
        let a = store.save_as("甲", &starter(), T1).unwrap().id;
        store.save_as("乙", &starter(), T2).unwrap();
        store.save_as("丙", &starter(), T2).unwrap();
        // Changing 甲 last puts it first; 乙 and 丙 share a time, so they go by name
        // (丙 U+4E19 sorts before 乙 U+4E59).
        store.rename(&a, "甲", T3).unwrap();
        let names: Vec<String> = store.list().into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["甲", "丙", "乙"]);
    }

    #[test]
    fn names_of_the_same_time_go_in_the_order_people_count() {
        // A bundle imported at once: 报价 (2) before 报价 (10), as counted, not as characters.
        let (mut store, _) = open(MemoryKv::new());
        for name in ["报价 (10)", "报价 (2)", "报价", "报价 (11)", "报价 (1)"] {
            store.save_as(name, &starter(), T1).unwrap();
        }
        let names: Vec<String> = store.list().into_iter().map(|m| m.name).collect();
        assert_eq!(
            names,
            ["报价", "报价 (1)", "报价 (2)", "报价 (10)", "报价 (11)"]
        );
        assert_eq!(by_name("a007", "a7"), std::cmp::Ordering::Equal);
    }

    #[test]
    fn ids_never_collide_with_stored_keys() {
        // An id the generator would produce first is already taken: the next one is used.
        let mut kv = MemoryKv::new();
        let taken = SavedScenario {
            id: "20250930T080000Z-1".into(),
            name: "旧".into(),
            updated: T1.into(),
            rev: 1,
            scenario: starter(),
        };
        kv.set(&saved_key(&taken.id), &taken.to_value().to_string())
            .unwrap();
        let (mut store, moved) = open(kv);
        assert!(moved.is_empty());
        let id = store.save_as("新", &starter(), T1).unwrap().id;
        assert_eq!(id, "20250930T080000Z-2");
        assert_eq!(store.get("20250930T080000Z-1").unwrap().name, "旧");
    }

    #[test]
    fn the_language_is_kept() {
        let (mut store, _) = open(MemoryKv::new());
        assert_eq!(store.lang(), None);
        store.set_lang("en").unwrap();
        assert_eq!(store.lang().as_deref(), Some("en"));
    }

    #[test]
    fn a_scenario_that_does_not_validate_is_not_written() {
        // End before start: refused, and the working scenario already stored stays as it was.
        let (mut store, _) = open(MemoryKv::new());
        store.save_working(&starter()).unwrap();
        let mut bad = starter();
        bad.contract.end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        let Err(StoreError::Invalid(e)) = store.save_working(&bad) else {
            panic!("expected Invalid");
        };
        assert_eq!(e.path, "contract.end");
        assert!(matches!(
            store.save_as("坏", &bad, T1),
            Err(StoreError::Invalid(_))
        ));
        assert_eq!(store.load_working(), Some(starter()));
        assert!(store.list().is_empty());
    }

    /// Bytes one saved copy of the starter takes (key plus value).
    fn one_entry() -> usize {
        let (mut store, _) = open(MemoryKv::new());
        store.save_as("甲", &starter(), T1).unwrap();
        store.kv().used()
    }

    #[test]
    fn full_storage_refuses_a_save_and_keeps_the_rest() {
        // Room for one and a half scenarios.
        let (mut store, _) = open(MemoryKv::with_quota(one_entry() * 3 / 2));
        let id = store.save_as("甲", &starter(), T1).unwrap().id;
        assert_eq!(store.save_as("乙", &starter(), T2), Err(StoreError::Full));
        assert_eq!(store.list().len(), 1);
        assert_eq!(store.get(&id).unwrap().name, "甲");
    }

    #[test]
    fn save_many_is_all_or_nothing() {
        // Room for two and a half scenarios, not three: none of the three is kept.
        let (mut store, _) = open(MemoryKv::with_quota(one_entry() * 5 / 2));
        let three = vec![starter(), starter(), starter()];
        assert_eq!(store.save_many(&three, T1), Err(StoreError::Full));
        assert!(store.list().is_empty());
        assert_eq!(store.kv().used(), 0);
        assert_eq!(store.save_many(&three[..2], T1).unwrap().len(), 2);
    }

    #[test]
    fn unavailable_storage_fails_politely() {
        let (mut store, moved) = open(MemoryKv::unavailable());
        assert!(moved.is_empty());
        assert_eq!(store.open_error(), Some(&StoreError::Unavailable));
        assert_eq!(store.load_working(), None);
        assert!(store.list().is_empty());
        assert!(store.quarantined().is_empty());
        assert_eq!(store.lang(), None);
        assert_eq!(store.save_working(&starter()), Err(StoreError::Unavailable));
        assert_eq!(
            store.save_as("甲", &starter(), T1),
            Err(StoreError::Unavailable)
        );
        assert_eq!(store.set_lang("zh"), Err(StoreError::Unavailable));
        assert_eq!(store.delete("x"), Err(StoreError::Unavailable));
        assert!(StoreError::Unavailable
            .message(Lang::Zh)
            .contains("本地存储不可用"));
    }

    #[test]
    fn other_programs_keys_are_left_alone() {
        let mut kv = kv_with("theme", "dark");
        kv.set("contract-calc/v2/working", "{…}").unwrap();
        let (store, moved) = open(kv);
        assert!(moved.is_empty());
        assert_eq!(store.kv().entries().len(), 2);
    }
}
