//! The few browser facilities the app needs, each failing softly: today's date, timestamps, the
//! URL fragment, file downloads and the clipboard.

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};

/// Today in the user's time zone (contracts use China time; the browser's clock is the user's).
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// Now as an ISO-8601 UTC timestamp, for "last changed".
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A stored ISO-8601 UTC timestamp as the user's clock read then: `2026-12-04 03:55`. One the
/// browser cannot read is shown as stored, to the minute.
pub fn local_time(iso: &str) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return iso.replace('T', " ").chars().take(16).collect();
    }
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The URL fragment without `#`.
pub fn hash() -> String {
    address_hash().trim_start_matches('#').to_string()
}

/// The address's fragment as the browser gives it (`#…`, or empty).
pub fn address_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading.
pub fn clear_hash() {
    set_fragment(None);
}

/// Sets the address's fragment (`None`: no fragment) without reloading and without a
/// `hashchange`.
pub fn set_fragment(fragment: Option<&str>) {
    if let Some(w) = web_sys::window() {
        if let (Ok(h), Ok(path), Ok(search)) =
            (w.history(), w.location().pathname(), w.location().search())
        {
            let hash = fragment.map(|f| format!("#{f}")).unwrap_or_default();
            let url = format!("{path}{search}{hash}");
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// The page's address without the fragment: the base of a share link.
pub fn base_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// This tab's session storage (kept across reloads, dropped with the tab), if the browser grants it.
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

/// Writes a session-storage entry; false when the browser refused it (full or unavailable).
pub fn session_set(key: &str, value: &str) -> bool {
    session().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn session_remove(key: &str) {
    if let Some(s) = session() {
        let _ = s.remove_item(key);
    }
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let doc = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
        // Freed a minute later, not at once: some WebKit versions and in-app browsers cancel a
        // download whose address is revoked while it starts (FileSaver.js waits 40 s for this),
        // and an export or a set-aside entry's copy is the user's only copy of their data.
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(60),
        );
        Some(())
    };
    run().is_some()
}

/// Copies `text` to the clipboard; `false` when the browser refuses (the app then shows the text).
pub async fn copy_text(text: String) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Reads a chosen file's bytes, at most one byte past the import limit (and its byte-order
/// mark): a larger file is then refused as too large, never copied whole into the app's memory
/// (the caller refuses a file larger than the limit by its size, before reading it at all). The
/// bytes go to [`document_text`], which refuses what is not UTF-8; the browser's `Blob.text()`
/// would replace it unsaid.
///
/// [`document_text`]: crate::document::input::document_text
pub async fn read_file(file: web_sys::File) -> Option<Vec<u8>> {
    let limit = crate::document::input::MAX_IMPORT_BYTES + 4;
    let head = file.slice_with_f64_and_f64(0.0, limit as f64).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(head.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Loads the page again (a share link pasted into the address bar of an open tab).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Scrolls to the element `id` and moves the keyboard focus there, leaving the address alone:
/// the fragment holds share links only, so in-page anchors must not change it.
pub fn go_to(id: &str) {
    if let Some(e) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        e.scroll_into_view();
        if let Ok(h) = e.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

/// Moves the keyboard focus to the element `selector` finds once the page has been drawn again
/// (the next animation frame), if there is one then.
pub fn focus_soon(selector: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        let found = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten());
        if let Some(h) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = h.focus();
        }
    });
}

/// Sets attribute `name` of the element `selector` finds, if there is one.
pub fn set_attribute(selector: &str, name: &str, value: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(e) = element {
        let _ = e.set_attribute(name, value);
    }
}

/// Opens the print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A file name from a scenario name: keeps letters and CJK, replaces the rest.
pub fn file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches('-');
    if trimmed.is_empty() {
        "scenario.json".to_string()
    } else {
        format!("{trimmed}.json")
    }
}

/// A control drawn as markup ([`crate::present::markup::Markup`]) is named by its `data-id` (if
/// any) and its kind: a button's `data-action`, or `input`.
fn control_kind(e: &web_sys::Element) -> Option<String> {
    match e.get_attribute("data-action") {
        Some(action) => Some(action),
        None => (e.tag_name() == "INPUT").then(|| "input".to_string()),
    }
}

thread_local! {
    /// The part and the kind of control that takes the focus at its next redraw ([`focus_next`]).
    static FOCUS_NEXT: std::cell::Cell<Option<(&'static str, &'static str)>> =
        const { std::cell::Cell::new(None) };
}

/// After a click that changes its row and so draws the part `within` again, the focus goes to
/// the row's control of `kind`, not back to the control clicked (Rename → the name's input;
/// OK → Rename). Only a click that is sure to draw the part again sets it.
pub fn focus_next(within: &'static str, kind: &'static str) {
    FOCUS_NEXT.set(Some((within, kind)));
}

/// Called as a part of the page is about to be drawn again as markup (the header's buttons, the
/// banners, the saved list, the scenario bar's first buttons): when the keyboard's focus is on
/// one of the part's controls and the new markup replaces it, puts the focus back on the control
/// of the same id and kind (or the kind [`focus_next`] named), with the caret where it was, so a keyboard user is not
/// sent back to the top of the page. When that control is gone (its banner closed, Save once
/// saved), the focus goes to the same id's first control, else to the part's first button.
pub fn keep_focus(within: &'static str) {
    let next = FOCUS_NEXT.with(|hint| match hint.get() {
        Some((part, kind)) if part == within => {
            hint.set(None);
            Some(kind)
        }
        _ => None,
    });
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let Some(active) = active else {
        return;
    };
    let Some(root) = active.closest(within).ok().flatten() else {
        return;
    };
    let Some(kind) = control_kind(&active) else {
        return;
    };
    let id = active.get_attribute("data-id").unwrap_or_default();
    let caret = active
        .dyn_ref::<web_sys::HtmlInputElement>()
        .and_then(|i| Some((i.selection_start().ok()??, i.selection_end().ok()??)));
    let wanted = next.map_or(kind, str::to_string);
    leptos::prelude::queue_microtask(move || {
        // Still on the page: the markup was the same, or the control was not part of it.
        if active.is_connected() {
            return;
        }
        let Ok(all) = root.query_selector_all("[data-id], button") else {
            return;
        };
        let controls: Vec<web_sys::Element> = (0..all.length())
            .filter_map(|i| all.item(i)?.dyn_into().ok())
            .collect();
        let same_id = |e: &&web_sys::Element| e.get_attribute("data-id").unwrap_or_default() == id;
        let target = controls
            .iter()
            .filter(same_id)
            .find(|e| control_kind(e).as_deref() == Some(&wanted))
            .or_else(|| controls.iter().find(same_id))
            .or_else(|| controls.first());
        let Some(target) = target else {
            return;
        };
        if let Some(h) = target.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
        if let (Some(input), Some((start, end))) =
            (target.dyn_ref::<web_sys::HtmlInputElement>(), caret)
        {
            let _ = input.set_selection_range(start, end);
        }
    });
}

/// The value of the input that has the keyboard focus, if one has it.
pub fn focused_value() -> Option<String> {
    use wasm_bindgen::JsCast;
    let active = web_sys::window()?.document()?.active_element()?;
    active
        .dyn_ref::<web_sys::HtmlInputElement>()
        .map(web_sys::HtmlInputElement::value)
}
