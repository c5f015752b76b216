//! The first figures (README "First figures"): the scenario the app will open
//! ([`crate::store::opening`]) read — never written — from the address and storage, computed, and
//! its results panel ([`crate::present::report::results_html`], the app's own markup) set into the
//! static shell of index.html before the app starts. Two wasm builds carry it: the small module
//! without Leptos (`src/bin/figures.rs`), which boot.js fetches for a share link, and the app's
//! own wasm (`src/bin/web.rs`), which paints a stored draft before mounting the app.

use crate::document::read::parse_scenario;
use crate::engine::compute::compute;
use crate::present::report::{results_html, Open};
use crate::store::keys::{LANG_KEY, LINK_DRAFT_KEY, OWN_DRAFT_KEY, WORKING_KEY};
use crate::store::opening::{opening_with, stored_lang, Held};

/// Paints the opening scenario's figures into `#shell-results`; whether it did. A share link in
/// the address is read from `link_document`, its JSON as boot.js inflated it with the browser's
/// own `DecompressionStream` (`None` when it could not: then no figures for a link).
pub fn paint(link_document: Option<String>) -> bool {
    paint_figures(link_document).is_some()
}

fn paint_figures(link_document: Option<String>) -> Option<()> {
    let window = web_sys::window()?;
    let local = window.local_storage().ok().flatten();
    let session = window.session_storage().ok().flatten();
    let read = |s: &Option<web_sys::Storage>, key: &str| {
        s.as_ref().and_then(|s| s.get_item(key).ok().flatten())
    };
    let fragment = window.location().hash().ok().unwrap_or_default();
    let (link_draft, own_draft) = (
        read(&session, LINK_DRAFT_KEY),
        read(&session, OWN_DRAFT_KEY),
    );
    let (working, lang) = (read(&local, WORKING_KEY), read(&local, LANG_KEY));
    let held = Held {
        fragment: fragment.trim_start_matches('#'),
        link_draft: link_draft.as_deref(),
        own_draft: own_draft.as_deref(),
        working: working.as_deref(),
        lang: lang.as_deref(),
    };
    let d = js_sys::Date::new_0();
    let today =
        chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())?;
    let scenario = opening_with(held, today, |_| parse_scenario(&link_document?).ok())?;
    let result = compute(&scenario).ok()?;
    let html = results_html(&scenario, &result, stored_lang(held.lang), Open::AT_START);
    window
        .document()?
        .get_element_by_id("shell-results")?
        .set_inner_html(&html);
    Some(())
}
