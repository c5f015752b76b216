//! Two tabs of the app share local storage. The browser tells each tab of the other's writes
//! (the `storage` event): the lists re-read at once, and the scenario open here follows what the
//! other tab did to it, without ever dropping this tab's unsaved changes:
//! - renamed there: the new name shows here (the form's name too, unless edited here);
//! - saved there, nothing unsaved here: the new version shows here;
//! - saved there, unsaved changes here: they stay, and the user is told that saving will keep
//!   both versions ([`crate::store::Store::update`] refuses the stale revision);
//! - deleted there: what is on screen stays, as an unsaved draft.

use super::{BannerKind, Ctx};
use crate::store::keys::{saved_id, OWN_DRAFT_KEY};
use crate::text::store::StoreText;
use leptos::prelude::*;

/// Listens to other tabs' writes for as long as the app runs.
pub fn follow_other_tabs(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        ctx.store_rev.update(|v| *v += 1);
        let current = ctx.current_id.get_untracked();
        // No key: the other tab cleared storage.
        let concerns_current = match ev.key() {
            None => true,
            Some(key) => current.is_some() && saved_id(&key) == current.as_deref(),
        };
        if concerns_current {
            follow_current(ctx);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Brings the open saved scenario in line with what another tab stored.
fn follow_current(ctx: Ctx) {
    let Some(id) = ctx.current_id.get_untracked() else {
        return;
    };
    let Some(stored) = ctx.store.with_value(|st| st.get(&id)) else {
        let name = ctx.form.with_untracked(|f| f.name.clone());
        ctx.current_id.set(None);
        ctx.saved_copy.set(None);
        if ctx.own_draft.get_untracked().as_deref() == Some(id.as_str()) {
            ctx.own_draft.set(None);
            super::dom::session_remove(OWN_DRAFT_KEY);
        }
        ctx.say(BannerKind::Info, |l| {
            StoreText::DeletedElsewhere { name: &name }.say(l)
        });
        return;
    };
    if stored.rev == ctx.current_rev.get_untracked() {
        return;
    }
    let base = ctx.saved_copy.get_untracked();
    let renamed_only = base.as_ref().is_some_and(|b| {
        let mut b = b.clone();
        b.name = stored.scenario.name.clone();
        b == stored.scenario
    });
    if renamed_only {
        let old_name = base.map(|b| b.name).unwrap_or_default();
        if ctx.form.with_untracked(|f| f.name == old_name) {
            ctx.edit(|f| f.name = stored.name.clone());
        }
        ctx.saved_copy.set(Some(stored.scenario));
        ctx.current_rev.set(stored.rev);
    } else if !ctx.dirty.get_untracked() {
        ctx.replace(&stored.scenario);
        ctx.saved_copy.set(Some(stored.scenario));
        ctx.current_rev.set(stored.rev);
        ctx.say(BannerKind::Info, |l| {
            StoreText::ReloadedFromElsewhere { name: &stored.name }.say(l)
        });
    } else {
        ctx.say(BannerKind::Warning, |l| {
            StoreText::ChangedElsewhereKeep { name: &stored.name }.say(l)
        });
    }
}
