//! Entries this build cannot read (malformed JSON, an unknown format or version, a scenario that
//! fails validation) are never read nor overwritten: [`Store::open`] moves each, byte for byte,
//! to `contract-calc/quarantine/<key>@<now>`; when storage is too full for the copy the entry
//! stays where it is and its key is blocked. The user downloads them, then discards them.

use super::keys::{quarantine_key, quarantined_from, saved_id, QUARANTINE_PREFIX, WORKING_KEY};
use super::saved::{read_saved, Reason};
use super::{KeyValue, Store, StoreError};
use crate::document::read::parse_scenario;
use crate::text::store::StoreText;
use crate::text::Lang;

/// An entry this build could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// Where the raw text is now: the quarantine key, or `original_key` when it could not be moved.
    pub key: String,
    pub original_key: String,
    /// The stored text, byte for byte.
    pub raw: String,
    /// Why it was refused, in Chinese.
    pub reason: String,
    pub reason_en: String,
    /// False when storage was full or unavailable: the entry stays at `original_key`, which the
    /// store then never writes ([`StoreError::Blocked`]).
    pub moved: bool,
}

impl Quarantined {
    pub fn reason(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.reason,
            Lang::En => &self.reason_en,
        }
    }

    /// What the user is told about it, in `lang`: which entry, why, and where it is now.
    pub fn report(&self, lang: Lang) -> String {
        let reason = self.reason(lang);
        let what = self.what(lang);
        let what = what.as_str();
        let text = if self.moved {
            StoreText::QuarantinedMoved { what, reason }
        } else {
            StoreText::QuarantinedKept { what, reason }
        };
        text.say(lang)
    }

    /// The entry in words: the autosaved draft, or a saved scenario by the name its text still
    /// shows (by its id when even that cannot be read).
    fn what(&self, lang: Lang) -> String {
        if self.original_key == WORKING_KEY {
            return StoreText::TheDraft.say(lang);
        }
        let Some(id) = saved_id(&self.original_key) else {
            return StoreText::AnEntry.say(lang);
        };
        let entry = serde_json::from_str::<serde_json::Value>(&self.raw).ok();
        let name = match entry.as_ref() {
            Some(e) => e.get("name").and_then(|n| n.as_str()).map(str::to_string),
            None => name_in_cut_text(&self.raw),
        };
        match name.as_deref() {
            Some(name) if !name.trim().is_empty() => {
                let mut name: String = crate::text::neutral(name).chars().take(41).collect();
                if name.chars().count() > 40 {
                    name = name.chars().take(39).chain(['…']).collect();
                }
                StoreText::SavedNamed { name: &name }.say(lang)
            }
            _ => StoreText::SavedWithId { id }.say(lang),
        }
    }
}

/// The name a saved entry cut short still shows (`{"id":"x","name":"甲方案","upd…`): the entry
/// writes its name before its scenario, so a write cut off later keeps it. Only a name written
/// without escapes is taken.
fn name_in_cut_text(raw: &str) -> Option<String> {
    let key = "\"name\":";
    let rest = raw[raw.find(key)? + key.len()..].trim_start();
    let name = rest.strip_prefix('"')?;
    let end = name.find(['"', '\\'])?;
    (name.as_bytes()[end] == b'"').then(|| name[..end].to_string())
}

/// The rule for one stored entry: the working key holds a scenario document, a saved key a
/// saved entry. The language and keys a later v1 build may add are not checked.
pub(super) fn check_entry(key: &str, raw: &str) -> Result<(), Reason> {
    if key == WORKING_KEY {
        return parse_scenario(raw)
            .map(drop)
            .map_err(|e| Reason::from_error(&e));
    }
    if let Some(id) = saved_id(key) {
        return read_saved(id, raw).map(drop);
    }
    Ok(())
}

fn readable_now() -> Reason {
    Reason::from_text(StoreText::ReadableNow)
}

impl<K: KeyValue> Store<K> {
    /// Copies an unreadable entry to quarantine, then removes it; when either fails, blocks its key.
    pub(super) fn move_aside(
        &mut self,
        key: &str,
        raw: String,
        reason: Reason,
        now: &str,
    ) -> Quarantined {
        let target = self.free_quarantine_key(key, now);
        let copied = target
            .as_ref()
            .map(|t| self.write(t, &raw).is_ok())
            .unwrap_or(false);
        let removed = copied && self.remove(key).is_ok();
        if !removed {
            self.blocked.insert(key.to_string());
        }
        Quarantined {
            key: match target {
                Some(t) if copied => t,
                _ => key.to_string(),
            },
            original_key: key.to_string(),
            raw,
            reason: reason.zh,
            reason_en: reason.en,
            moved: removed,
        }
    }

    /// `contract-calc/quarantine/<key>@<now>`, suffixed `~2`, `~3` … when already taken.
    fn free_quarantine_key(&self, key: &str, now: &str) -> Option<String> {
        let base = quarantine_key(key, now);
        (1..=1000u32)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}~{n}")
                }
            })
            .find(|k| matches!(self.kv.get(k), Ok(None)))
    }

    /// Every entry still set aside: those in quarantine, and those blocked in place.
    pub fn quarantined(&self) -> Vec<Quarantined> {
        let keys = self.kv.keys().unwrap_or_default();
        let mut out: Vec<Quarantined> = keys
            .iter()
            .filter_map(|key| {
                let original = quarantined_from(key)?;
                let raw = self.kv.get(key).ok().flatten()?;
                let reason = check_entry(original, &raw)
                    .err()
                    .unwrap_or_else(readable_now);
                Some(Quarantined {
                    key: key.clone(),
                    original_key: original.to_string(),
                    raw,
                    reason: reason.zh,
                    reason_en: reason.en,
                    moved: true,
                })
            })
            .collect();
        for key in &self.blocked {
            let Ok(Some(raw)) = self.kv.get(key) else {
                continue;
            };
            let reason = check_entry(key, &raw).err().unwrap_or_else(readable_now);
            out.push(Quarantined {
                key: key.clone(),
                original_key: key.clone(),
                raw,
                reason: reason.zh,
                reason_en: reason.en,
                moved: false,
            });
        }
        out
    }

    /// Deletes a quarantined entry (after the user downloaded it), or a blocked one in place,
    /// which unblocks its key. Any other key is refused.
    pub fn discard_quarantined(&mut self, key: &str) -> Result<(), StoreError> {
        if key.starts_with(QUARANTINE_PREFIX) {
            return self.remove(key);
        }
        if self.blocked.contains(key) {
            self.remove(key)?;
            self.blocked.remove(key);
            return Ok(());
        }
        Err(StoreError::NotFound(key.to_string()))
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::samples;
    use crate::engine::scenario::Scenario;
    use crate::store::keys::saved_key;
    use crate::store::{MemoryKv, SavedScenario};
    use chrono::NaiveDate;
    use serde_json::json;

    const T1: &str = "2025-09-30T08:00:00Z";
    const T2: &str = "2025-09-30T09:30:00Z";
    const T3: &str = "2025-10-01T10:00:00Z";

    fn starter() -> Scenario {
        samples::starter(NaiveDate::from_ymd_opt(2025, 9, 30).unwrap())
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
    fn corrupt_working_entry_is_moved_to_quarantine_intact() {
        // A write cut short by a crash: `{"format":` and nothing more.
        let raw = "{\"format\":";
        let (mut store, moved) = open(kv_with(WORKING_KEY, raw));
        assert_eq!(moved.len(), 1);
        let q = &moved[0];
        assert!(q.moved);
        assert_eq!(q.original_key, WORKING_KEY);
        assert_eq!(
            q.key,
            format!("contract-calc/quarantine/contract-calc/v1/working@{T2}")
        );
        assert!(q.reason.contains("不是有效的 JSON"), "{}", q.reason);
        assert!(
            q.report(Lang::Zh).starts_with("本机自动保存的草稿无法读取"),
            "{}",
            q.report(Lang::Zh)
        );
        assert_eq!(store.kv().get(&q.key).unwrap().as_deref(), Some(raw));
        assert_eq!(store.kv().get(WORKING_KEY).unwrap(), None);
        assert_eq!(store.load_working(), None);
        // Still listed on the next visit, until discarded.
        let (mut store, again) = Store::open(store.kv().clone(), T3);
        assert!(again.is_empty());
        assert_eq!(store.quarantined().len(), 1);
        assert_eq!(store.quarantined()[0].raw, raw);
        store.discard_quarantined(&q.key).unwrap();
        assert!(store.quarantined().is_empty());
    }

    #[test]
    fn unknown_version_is_quarantined_not_deleted() {
        // A scenario saved by a future version 2: this build must not read it nor lose it.
        let raw = starter()
            .to_json()
            .replace("\"version\":1", "\"version\": 2");
        let saved =
            format!("{{\"id\":\"x\",\"name\":\"新版\",\"updated\":\"{T1}\",\"scenario\":{raw}}}");
        let mut kv = kv_with(WORKING_KEY, &raw);
        kv.set(&saved_key("x"), &saved).unwrap();
        let (store, moved) = open(kv);
        assert_eq!(moved.len(), 2);
        for q in &moved {
            assert!(q.moved);
            assert!(
                q.reason_en.contains("unsupported version 2"),
                "{}",
                q.reason_en
            );
            assert_eq!(store.kv().get(&q.key).unwrap().as_ref(), Some(&q.raw));
        }
        assert!(moved[0].reason_en.starts_with("scenario.version"));
        assert!(store.list().is_empty());
    }

    #[test]
    fn invalid_saved_scenario_is_quarantined_with_its_path() {
        // A negative fee inside a saved entry.
        let mut entry = SavedScenario {
            id: "a".into(),
            name: "坏".into(),
            updated: T1.into(),
            rev: 1,
            scenario: starter(),
        }
        .to_value();
        entry["scenario"]["fees"]["components"][0]["amount"] = json!("-1");
        let (store, moved) = open(kv_with(&saved_key("a"), &entry.to_string()));
        assert_eq!(moved.len(), 1);
        assert!(moved[0]
            .reason
            .starts_with("scenario.fees.components[0].amount: "));
        // The banner names the scenario, so the user knows which one to look for.
        assert!(
            moved[0]
                .report(Lang::Zh)
                .starts_with("本机已保存的方案“坏”无法读取"),
            "{}",
            moved[0].report(Lang::Zh)
        );
        assert!(moved[0]
            .report(Lang::En)
            .starts_with("The saved scenario “坏” could not be read"));
        assert!(store.get("a").is_none());
    }

    #[test]
    fn a_saved_entry_cut_short_is_named_by_what_is_left_of_it() {
        // A write cut off in the scenario: not JSON, but its name was written first.
        let raw =
            r#"{"id":"k1","name":"甲公司售后外包（2025版）","updated":"x","scenario":{"format":"#;
        let (_, moved) = open(kv_with(&saved_key("k1"), raw));
        assert!(
            moved[0]
                .report(Lang::Zh)
                .starts_with("本机已保存的方案“甲公司售后外包（2025版）”无法读取"),
            "{}",
            moved[0].report(Lang::Zh)
        );
        // Cut inside the name, or a name with escapes: by its id.
        for raw in [
            r#"{"id":"k1","name":"甲公司"#,
            r#"{"id":"k1","name":"a\"b","#,
        ] {
            let (_, moved) = open(kv_with(&saved_key("k1"), raw));
            assert!(
                moved[0]
                    .report(Lang::Zh)
                    .starts_with("本机保存的一个方案（编号 k1）无法读取"),
                "{}",
                moved[0].report(Lang::Zh)
            );
        }
    }

    #[test]
    fn full_storage_leaves_the_unreadable_entry_untouched_and_blocked() {
        // No room for the quarantine copy: the original stays where it is, and the store
        // refuses to write over it even once room is made.
        let raw = "{\"format\":";
        let mut kv = kv_with(WORKING_KEY, raw);
        kv.set_quota(Some(kv.used()));
        let (mut store, moved) = open(kv);
        assert_eq!(moved.len(), 1);
        assert!(!moved[0].moved);
        assert_eq!(moved[0].key, WORKING_KEY);
        assert_eq!(
            store.save_working(&starter()),
            Err(StoreError::Blocked(WORKING_KEY.into()))
        );
        store.kv_mut().set_quota(None);
        assert_eq!(
            store.save_working(&starter()),
            Err(StoreError::Blocked(WORKING_KEY.into()))
        );
        assert_eq!(store.kv().get(WORKING_KEY).unwrap().as_deref(), Some(raw));
        assert_eq!(store.quarantined().len(), 1);
        // Once the user has downloaded and discarded it, the key is free again.
        store.discard_quarantined(WORKING_KEY).unwrap();
        store.save_working(&starter()).unwrap();
        assert_eq!(store.load_working(), Some(starter()));
    }
}
