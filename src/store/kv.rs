//! The storage underneath the store: a string key-value trait with the behaviour of
//! `window.localStorage` (the app implements it over the browser's), and [`MemoryKv`], the
//! in-memory double the store's tests run over.

use super::StoreError;
use std::collections::BTreeMap;

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
