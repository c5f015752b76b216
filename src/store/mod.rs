//! Scenarios kept in the browser's local storage (spec "Document": the app stores the same JSON
//! document; spec "Conventions": nothing stored is overwritten by a half-valid scenario), written
//! over a [`KeyValue`] trait so the rules run natively in tests; the app implements the trait over
//! `window.localStorage`.
//!
//! Keys, namespaced and versioned:
//! - `contract-calc/v1/working`: the scenario being edited (a scenario document);
//! - `contract-calc/v1/saved/<id>`: `{"id","name","updated","scenario": <scenario document>}`;
//! - `contract-calc/v1/lang`: the interface language;
//! - `contract-calc/quarantine/<original key>@<timestamp>`: an entry this build could not read,
//!   moved aside byte for byte so that the user can download it.

use crate::document::error::{ErrorKind, Expected, ValidationError};
use crate::document::read::show;
use crate::document::read::{parse_scenario, scenario_from_value, MAX_LIST};
use crate::engine::scenario::Scenario;
use crate::text::Lang;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Every key this version reads lives under this prefix.
pub const NAMESPACE: &str = "contract-calc/v1/";
pub const WORKING_KEY: &str = "contract-calc/v1/working";
pub const SAVED_PREFIX: &str = "contract-calc/v1/saved/";
pub const LANG_KEY: &str = "contract-calc/v1/lang";
pub const QUARANTINE_PREFIX: &str = "contract-calc/quarantine/";
/// The `format` of an export of several scenarios.
pub const BUNDLE_FORMAT: &str = "contract-calc/bundle";
pub const BUNDLE_VERSION: u64 = 1;

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
    /// Anything else the storage reported.
    Other(String),
}

impl StoreError {
    /// What happened and what the user can do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            StoreError::Unavailable if zh => {
                "浏览器本地存储不可用（可能处于隐私模式或已被禁用），方案只保留在当前页面中，请及时导出。".into()
            }
            StoreError::Unavailable => {
                "The browser's local storage is unavailable (private mode, or disabled): scenarios live in this page only, so export them.".into()
            }
            StoreError::Full if zh => {
                "浏览器本地存储已满，未能保存。请导出后删除不需要的方案。".into()
            }
            StoreError::Full => {
                "The browser's local storage is full; nothing was saved. Export, then delete scenarios you no longer need.".into()
            }
            StoreError::Blocked(key) if zh => format!(
                "存储中的条目 {key} 无法读取，也未能移出保存；为免覆盖，暂不写入该位置。请先下载该条目再丢弃。"
            ),
            StoreError::Blocked(key) => format!(
                "The stored entry {key} cannot be read and could not be moved aside; to avoid overwriting it, nothing is written there. Download it, then discard it."
            ),
            StoreError::NotFound(id) if zh => {
                format!("找不到方案 {id}（可能已在其他窗口中删除）。")
            }
            StoreError::NotFound(id) => {
                format!("No saved scenario {id} (perhaps deleted in another window).")
            }
            StoreError::Invalid(e) if zh => format!("方案有误，未保存：{}", e.display(lang)),
            StoreError::Invalid(e) => format!(
                "The scenario has errors and was not saved: {}",
                e.display(lang)
            ),
            StoreError::Conflict(id) if zh => {
                format!("方案 {id} 的位置已被新方案占用，无法撤销删除。")
            }
            StoreError::Conflict(id) => {
                format!("A newer scenario now uses id {id}; the deletion cannot be undone.")
            }
            StoreError::Other(detail) if zh => format!("本地存储出错：{detail}"),
            StoreError::Other(detail) => format!("Local storage error: {detail}"),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store with the behaviour of `window.localStorage`.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory [`KeyValue`], with an optional quota (bytes of keys plus values, as browsers
/// count the whole origin) and a switch that makes every operation fail as `Unavailable`.
#[derive(Debug, Clone, Default)]
pub struct MemoryKv {
    map: BTreeMap<String, String>,
    quota: Option<usize>,
    unavailable: bool,
}

impl MemoryKv {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that refuses any write that would take it past `bytes`.
    pub fn with_quota(bytes: usize) -> Self {
        MemoryKv {
            quota: Some(bytes),
            ..Self::default()
        }
    }

    /// A store where every operation fails with [`StoreError::Unavailable`].
    pub fn unavailable() -> Self {
        MemoryKv {
            unavailable: true,
            ..Self::default()
        }
    }

    pub fn set_quota(&mut self, bytes: Option<usize>) {
        self.quota = bytes;
    }

    pub fn set_unavailable(&mut self, unavailable: bool) {
        self.unavailable = unavailable;
    }

    /// Bytes used: every key plus every value.
    pub fn used(&self) -> usize {
        self.map.iter().map(|(k, v)| k.len() + v.len()).sum()
    }

    /// Everything stored, for inspection.
    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.map
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.unavailable {
            Err(StoreError::Unavailable)
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        if let Some(quota) = self.quota {
            let freed = self.map.get(key).map_or(0, |old| key.len() + old.len());
            if self.used() - freed + key.len() + value.len() > quota {
                return Err(StoreError::Full);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        self.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.map.keys().cloned().collect())
    }
}

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
}

/// A saved scenario's list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedMeta {
    pub id: String,
    pub name: String,
    /// ISO-8601 UTC timestamp of the last change, as the caller passed it.
    pub updated: String,
}

/// A saved scenario. Its `name` and `scenario.name` are kept equal.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedScenario {
    pub id: String,
    pub name: String,
    pub updated: String,
    pub scenario: Scenario,
}

impl SavedScenario {
    pub fn meta(&self) -> SavedMeta {
        SavedMeta {
            id: self.id.clone(),
            name: self.name.clone(),
            updated: self.updated.clone(),
        }
    }

    fn to_value(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "updated": self.updated,
            "scenario": self.scenario.to_json_value(),
        })
    }
}

/// A deleted scenario's stored text, enough for [`Store::undo_delete`] to restore it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub id: String,
    pub raw: String,
}

/// Local storage of scenarios over a [`KeyValue`]. Every read goes to the store, so that
/// several tabs see each other's changes.
pub struct Store<K: KeyValue> {
    kv: K,
    /// Keys holding unreadable entries that could not be moved aside.
    blocked: BTreeSet<String>,
    next_id: u64,
    open_error: Option<StoreError>,
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

    fn move_aside(&mut self, key: &str, raw: String, reason: Reason, now: &str) -> Quarantined {
        let target = self.free_quarantine_key(key, now);
        let copied = target
            .as_ref()
            .map(|t| self.kv.set(t, &raw).is_ok())
            .unwrap_or(false);
        let removed = copied && self.kv.remove(key).is_ok();
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
        let base = format!("{QUARANTINE_PREFIX}{key}@{now}");
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
                let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
                let original = rest.rsplit_once('@').map_or(rest, |(k, _)| k);
                let raw = self.kv.get(key).ok().flatten()?;
                let reason = check_entry(original, &raw)
                    .err()
                    .unwrap_or_else(Reason::readable_now);
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
            let reason = check_entry(key, &raw)
                .err()
                .unwrap_or_else(Reason::readable_now);
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
            return self.kv.remove(key);
        }
        if self.blocked.contains(key) {
            self.kv.remove(key)?;
            self.blocked.remove(key);
            return Ok(());
        }
        Err(StoreError::NotFound(key.to_string()))
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.blocked.contains(key) {
            return Err(StoreError::Blocked(key.to_string()));
        }
        self.kv.set(key, value)
    }

    /// The scenario being edited, if one is stored and reads.
    pub fn load_working(&self) -> Option<Scenario> {
        if self.blocked.contains(WORKING_KEY) {
            return None;
        }
        let raw = self.kv.get(WORKING_KEY).ok().flatten()?;
        parse_scenario(&raw).ok()
    }

    pub fn save_working(&mut self, s: &Scenario) -> Result<(), StoreError> {
        let json = readable_json(s)?;
        self.write(WORKING_KEY, &json)
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
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        metas
    }

    /// Every saved scenario in [`Store::list`] order: what "export all" downloads.
    pub fn all(&self) -> Vec<SavedScenario> {
        self.list().iter().filter_map(|m| self.get(&m.id)).collect()
    }

    fn saved_ids(&self) -> Vec<String> {
        self.kv
            .keys()
            .unwrap_or_default()
            .iter()
            .filter_map(|k| k.strip_prefix(SAVED_PREFIX))
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

    /// Saves a copy of `s` under a new id, named `name` (in the entry and in the scenario).
    pub fn save_as(&mut self, name: &str, s: &Scenario, now: &str) -> Result<String, StoreError> {
        let id = self.new_id(now)?;
        let mut scenario = s.clone();
        scenario.name = name.to_string();
        self.put(&SavedScenario {
            id: id.clone(),
            name: name.to_string(),
            updated: now.to_string(),
            scenario,
        })?;
        Ok(id)
    }

    /// Saves each scenario under a new id with its own name; when one fails, those already
    /// written are removed again, so an import is all or nothing.
    pub fn save_many(&mut self, list: &[Scenario], now: &str) -> Result<Vec<String>, StoreError> {
        let mut ids = Vec::with_capacity(list.len());
        for s in list {
            match self.save_as(&s.name, s, now) {
                Ok(id) => ids.push(id),
                Err(e) => {
                    for id in &ids {
                        let _ = self.kv.remove(&saved_key(id));
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

    /// Replaces the saved scenario `id` with `s`. A non-empty `s.name` renames the entry;
    /// an empty one keeps the saved name.
    pub fn update(&mut self, id: &str, s: &Scenario, now: &str) -> Result<(), StoreError> {
        let old = self.existing(id)?;
        let name = if s.name.is_empty() {
            old.name
        } else {
            s.name.clone()
        };
        let mut scenario = s.clone();
        scenario.name = name.clone();
        self.put(&SavedScenario {
            id: id.to_string(),
            name,
            updated: now.to_string(),
            scenario,
        })
    }

    pub fn rename(&mut self, id: &str, name: &str, now: &str) -> Result<(), StoreError> {
        let mut saved = self.existing(id)?;
        saved.name = name.to_string();
        saved.scenario.name = name.to_string();
        saved.updated = now.to_string();
        self.put(&saved)
    }

    /// A copy under a new id, named `<name> (副本)`.
    pub fn duplicate(&mut self, id: &str, now: &str) -> Result<String, StoreError> {
        let saved = self.existing(id)?;
        self.save_as(&format!("{} (副本)", saved.name), &saved.scenario, now)
    }

    pub fn delete(&mut self, id: &str) -> Result<Deleted, StoreError> {
        let (key, raw) = self.raw_saved(id)?;
        self.kv.remove(&key)?;
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
fn readable_json(s: &Scenario) -> Result<String, StoreError> {
    let json = s.to_json();
    parse_scenario(&json).map_err(StoreError::Invalid)?;
    Ok(json)
}

fn saved_key(id: &str) -> String {
    format!("{SAVED_PREFIX}{id}")
}

/// Why an entry was refused, in both languages.
struct Reason {
    zh: String,
    en: String,
}

impl Reason {
    fn from(e: &ValidationError) -> Self {
        Reason {
            zh: e.display(Lang::Zh),
            en: e.display(Lang::En),
        }
    }

    fn readable_now() -> Self {
        Reason {
            zh: "此条目现在可以读取，可下载后导入恢复".into(),
            en: "this entry reads now; download it and import it to restore it".into(),
        }
    }
}

/// The rule for one stored entry: the working key holds a scenario document, a saved key a
/// saved entry. The language and keys a later v1 build may add are not checked.
fn check_entry(key: &str, raw: &str) -> Result<(), Reason> {
    if key == WORKING_KEY {
        return parse_scenario(raw).map(drop).map_err(|e| Reason::from(&e));
    }
    if let Some(id) = key.strip_prefix(SAVED_PREFIX) {
        return read_saved(id, raw).map(drop);
    }
    Ok(())
}

fn text_field(map: &Map<String, Value>, key: &str, path: &str) -> Result<String, ValidationError> {
    let path = if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    };
    match map.get(key) {
        None | Some(Value::Null) => Err(ValidationError::new(path, ErrorKind::Missing)),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(ValidationError::new(
            path,
            ErrorKind::WrongType {
                expected: Expected::Text,
                got: show(other),
            },
        )),
    }
}

fn as_object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, ValidationError> {
    v.as_object().ok_or_else(|| {
        ValidationError::new(
            path,
            ErrorKind::WrongType {
                expected: Expected::Object,
                got: show(v),
            },
        )
    })
}

fn json_error(e: serde_json::Error) -> ValidationError {
    ValidationError::new(
        "",
        ErrorKind::Json {
            detail: e.to_string(),
        },
    )
}

/// `err` with `prefix` in front of its path.
fn prefixed(prefix: &str, mut err: ValidationError) -> ValidationError {
    err.path = if err.path.is_empty() {
        prefix.to_string()
    } else {
        format!("{prefix}.{}", err.path)
    };
    err
}

/// A saved entry `{"id","name","updated","scenario"}` stored under `id`.
fn read_saved(id: &str, raw: &str) -> Result<SavedScenario, Reason> {
    let value: Value = serde_json::from_str(raw).map_err(|e| Reason::from(&json_error(e)))?;
    let read = || -> Result<SavedScenario, ValidationError> {
        let map = as_object(&value, "")?;
        let saved = SavedScenario {
            id: text_field(map, "id", "")?,
            name: text_field(map, "name", "")?,
            updated: text_field(map, "updated", "")?,
            scenario: scenario_from_value(map.get("scenario").unwrap_or(&Value::Null))
                .map_err(|e| prefixed("scenario", e))?,
        };
        Ok(saved)
    };
    let saved = read().map_err(|e| Reason::from(&e))?;
    if saved.id != id {
        return Err(Reason {
            zh: format!("条目中的编号 \"{}\" 与存储位置 \"{id}\" 不一致", saved.id),
            en: format!(
                "the entry's id \"{}\" does not match its storage key \"{id}\"",
                saved.id
            ),
        });
    }
    Ok(saved)
}

/// One scenario as a downloadable file: the pretty scenario document.
pub fn export_one(s: &Scenario) -> String {
    s.to_json_pretty()
}

/// Several saved scenarios as one file:
/// `{"format":"contract-calc/bundle","version":1,"scenarios":[{"id","name","updated","scenario"}…]}`.
pub fn export_all(list: &[SavedScenario]) -> String {
    let doc = json!({
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "scenarios": list.iter().map(SavedScenario::to_value).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Reads an exported file: one scenario document, or a bundle. Any invalid entry refuses the
/// whole file, its error path naming the entry (`scenarios[2].scenario.fees.cycle`), so that a
/// bad file changes nothing. A bundle entry may also be a bare scenario document.
pub fn import(text: &str) -> Result<Vec<Scenario>, ValidationError> {
    let value: Value = serde_json::from_str(text).map_err(json_error)?;
    let root = as_object(&value, "")?;
    if root.get("format").and_then(Value::as_str) != Some(BUNDLE_FORMAT) {
        return scenario_from_value(&value).map(|s| vec![s]);
    }
    let version = root.get("version").unwrap_or(&Value::Null);
    if version.as_u64() != Some(BUNDLE_VERSION) {
        return Err(ValidationError::new(
            "version",
            ErrorKind::Version { got: show(version) },
        ));
    }
    let entries = match root.get("scenarios") {
        None | Some(Value::Null) => {
            return Err(ValidationError::new("scenarios", ErrorKind::Missing))
        }
        Some(Value::Array(entries)) => entries,
        Some(other) => {
            return Err(ValidationError::new(
                "scenarios",
                ErrorKind::WrongType {
                    expected: Expected::Array,
                    got: show(other),
                },
            ))
        }
    };
    if entries.len() > MAX_LIST {
        return Err(ValidationError::new(
            "scenarios",
            ErrorKind::TooMany { max: MAX_LIST },
        ));
    }
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let path = format!("scenarios[{i}]");
            let map = as_object(entry, &path)?;
            let Some(doc) = map.get("scenario") else {
                return scenario_from_value(entry).map_err(|e| prefixed(&path, e));
            };
            let mut s =
                scenario_from_value(doc).map_err(|e| prefixed(&format!("{path}.scenario"), e))?;
            if s.name.is_empty() {
                if let Some(Value::String(name)) = map.get("name") {
                    s.name = name.clone();
                }
            }
            Ok(s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::samples;
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
    fn save_rename_duplicate_delete_and_undo() {
        let (mut store, moved) = open(MemoryKv::new());
        assert!(moved.is_empty());
        let id = store.save_as("方案A", &starter(), T1).unwrap();
        let saved = store.get(&id).unwrap();
        // The entry and the scenario inside carry the same name.
        assert_eq!(saved.name, "方案A");
        assert_eq!(saved.scenario.name, "方案A");
        assert_eq!(saved.updated, T1);

        store.rename(&id, "方案A（降价）", T2).unwrap();
        let copy = store.duplicate(&id, T3).unwrap();
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
    fn update_replaces_the_scenario_and_the_time() {
        let (mut store, _) = open(MemoryKv::new());
        let id = store.save_as("方案A", &starter(), T1).unwrap();
        let mut cheaper = with_fee("40000");
        cheaper.name = String::new();
        store.update(&id, &cheaper, T3).unwrap();
        let saved = store.get(&id).unwrap();
        // An empty name in the form keeps the saved one.
        assert_eq!(saved.name, "方案A");
        assert_eq!(saved.scenario.cycle_fee(), Decimal::from(45_000));
        assert_eq!(saved.updated, T3);
        assert_eq!(
            store.update("nope", &starter(), T3),
            Err(StoreError::NotFound("nope".into()))
        );
    }

    #[test]
    fn list_is_sorted_by_last_change() {
        let (mut store, _) = open(MemoryKv::new());
        let a = store.save_as("甲", &starter(), T1).unwrap();
        store.save_as("乙", &starter(), T2).unwrap();
        store.save_as("丙", &starter(), T2).unwrap();
        // Changing 甲 last puts it first; 乙 and 丙 share a time, so they go by name
        // (丙 U+4E19 sorts before 乙 U+4E59).
        store.rename(&a, "甲", T3).unwrap();
        let names: Vec<String> = store.list().into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["甲", "丙", "乙"]);
    }

    #[test]
    fn ids_never_collide_with_stored_keys() {
        // An id the generator would produce first is already taken: the next one is used.
        let mut kv = MemoryKv::new();
        let taken = SavedScenario {
            id: "20250930T080000Z-1".into(),
            name: "旧".into(),
            updated: T1.into(),
            scenario: starter(),
        };
        kv.set(&saved_key(&taken.id), &taken.to_value().to_string())
            .unwrap();
        let (mut store, moved) = open(kv);
        assert!(moved.is_empty());
        let id = store.save_as("新", &starter(), T1).unwrap();
        assert_eq!(id, "20250930T080000Z-2");
        assert_eq!(store.get("20250930T080000Z-1").unwrap().name, "旧");
    }

    #[test]
    fn working_scenario_round_trips() {
        let (mut store, _) = open(MemoryKv::new());
        assert_eq!(store.load_working(), None);
        store.save_working(&starter()).unwrap();
        assert_eq!(store.load_working(), Some(starter()));
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

    #[test]
    fn corrupt_working_entry_is_moved_to_quarantine_intact() {
        // A write cut short by a crash: `{"format":` and nothing more.
        let raw = "{\"format\":";
        let (store, moved) = open(kv_with(WORKING_KEY, raw));
        assert_eq!(moved.len(), 1);
        let q = &moved[0];
        assert!(q.moved);
        assert_eq!(q.original_key, WORKING_KEY);
        assert_eq!(
            q.key,
            format!("contract-calc/quarantine/contract-calc/v1/working@{T2}")
        );
        assert!(q.reason.contains("不是有效的 JSON"), "{}", q.reason);
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
            scenario: starter(),
        }
        .to_value();
        entry["scenario"]["fees"]["components"][0]["amount"] = json!("-1");
        let (store, moved) = open(kv_with(&saved_key("a"), &entry.to_string()));
        assert_eq!(moved.len(), 1);
        assert!(moved[0]
            .reason
            .starts_with("scenario.fees.components[0].amount: "));
        assert!(store.get("a").is_none());
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
        let id = store.save_as("甲", &starter(), T1).unwrap();
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

    #[test]
    fn import_a_single_document() {
        let text = export_one(&starter());
        assert_eq!(import(&text).unwrap(), vec![starter()]);
    }

    #[test]
    fn import_a_bundle() {
        let list = vec![
            SavedScenario {
                id: "a".into(),
                name: "甲".into(),
                updated: T1.into(),
                scenario: starter(),
            },
            SavedScenario {
                id: "b".into(),
                name: "十年".into(),
                updated: T2.into(),
                scenario: samples::ten_year_monthly(),
            },
        ];
        let text = export_all(&list);
        assert!(text.contains("\"format\": \"contract-calc/bundle\""));
        let back = import(&text).unwrap();
        assert_eq!(back, vec![starter(), samples::ten_year_monthly()]);
    }

    #[test]
    fn import_of_a_bundle_with_one_bad_entry_imports_nothing() {
        // The third entry has a billing cycle this version does not know.
        let good = SavedScenario {
            id: "a".into(),
            name: "甲".into(),
            updated: T1.into(),
            scenario: starter(),
        };
        let mut doc: Value =
            serde_json::from_str(&export_all(&[good.clone(), good.clone(), good.clone()])).unwrap();
        doc["scenarios"][2]["scenario"]["fees"]["cycle"] = json!("weekly");
        let err = import(&doc.to_string()).unwrap_err();
        assert_eq!(err.path, "scenarios[2].scenario.fees.cycle");
        assert!(matches!(err.kind, ErrorKind::Choice { .. }));

        let (mut store, _) = open(MemoryKv::new());
        let before = store.kv().entries().clone();
        if let Ok(list) = import(&doc.to_string()) {
            store.save_many(&list, T1).unwrap();
        }
        assert_eq!(store.kv().entries(), &before);
    }

    #[test]
    fn import_refuses_other_files() {
        assert!(matches!(
            import("not json").unwrap_err().kind,
            ErrorKind::Json { .. }
        ));
        assert_eq!(
            import("{\"format\":\"contract-calc/bundle\",\"version\":3,\"scenarios\":[]}")
                .unwrap_err()
                .path,
            "version"
        );
        assert_eq!(import("{\"format\":\"other\"}").unwrap_err().path, "format");
    }
}
