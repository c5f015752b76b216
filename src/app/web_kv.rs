//! The browser's local storage as the [`KeyValue`] the scenario store works over. When storage is
//! missing or refused (private mode, disabled cookies) every call answers `Unavailable` and the
//! app keeps working in memory; a write over quota answers `Full`.

use crate::store::{KeyValue, StoreError};
use gloo_storage::{LocalStorage, Storage as _};

/// Local storage, if the browser grants it.
pub struct WebKv {
    available: bool,
}

impl WebKv {
    pub fn new() -> WebKv {
        let available = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some();
        WebKv { available }
    }

    fn storage(&self) -> Result<web_sys::Storage, StoreError> {
        if self.available {
            Ok(LocalStorage::raw())
        } else {
            Err(StoreError::Unavailable)
        }
    }
}

impl KeyValue for WebKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage()?
            .get_item(key)
            .map_err(|_| StoreError::Unavailable)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage()?.set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name.contains("Quota") {
                StoreError::Full
            } else {
                StoreError::Other(name)
            }
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage()?
            .remove_item(key)
            .map_err(|_| StoreError::Unavailable)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let s = self.storage()?;
        let n = s.length().map_err(|_| StoreError::Unavailable)?;
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}
