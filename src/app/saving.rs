//! What happens to the work on screen: autosave (the shared working draft, or this tab's own
//! draft once another tab has taken that), Save (at the revision this tab holds, a conflicted
//! copy otherwise), and New / Open / Import, which first keep unsaved work as a draft and stay
//! put, saying why, when they cannot. Every storage failure is told to the user.

use super::{dom, share, BannerKind, Ctx};
use crate::engine::scenario::Scenario;
use crate::store::keys::{OPEN_SAVED_KEY, OWN_DRAFT_KEY};
use crate::store::open_saved;
use crate::store::{NewEntry, StoreError};
use crate::text::store::StoreText;
use leptos::prelude::*;

/// Saves the working scenario after every valid change. Saved scenarios are snapshots: they
/// change only when the user saves, except a tab's own draft (see [`Ctx::own_draft`]).
pub fn autosave(ctx: Ctx) {
    let warned = StoredValue::new(false);
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    // Writes the working scenario now, if the form is valid and not a link's unsaved scenario.
    // `leaving`: the page is being closed or reloaded.
    let flush = move |leaving: bool| {
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        let Ok(s) = ctx.parsed.get_untracked() else {
            follow_open_saved_rev(ctx);
            return;
        };
        if !ctx.autosave.get_untracked() {
            if !share::keep_link_draft(&s) && !warned.get_value() {
                warned.set_value(true);
                ctx.say(BannerKind::Warning, |l| StoreText::LinkEditsNotKept.say(l));
            }
            return;
        }
        let result = if ctx.detached.get_untracked() {
            keep_own_draft(ctx, &s, leaving)
        } else {
            match ctx.write(|store| store.save_working(&s)) {
                Ok(()) => {
                    remember_open_saved(ctx, &s);
                    Ok(())
                }
                Err(StoreError::DraftNewer) => {
                    // Another tab has taken the shared draft: leave it to that tab.
                    ctx.detached.set(true);
                    keep_own_draft(ctx, &s, leaving)
                }
                other => other,
            }
        };
        if let Err(e) = result {
            if !warned.get_value() {
                warned.set_value(true);
                ctx.storage_ok.set(false);
                ctx.say(BannerKind::Warning, |l| {
                    StoreText::AutosaveFailed { err: &e.message(l) }.say(l)
                });
            }
        }
    };
    // Typing is not slowed by storage: the write follows a quarter second after the last change,
    // and at once when the page is hidden or closed, so no keystroke is lost.
    Effect::new(move |_| {
        ctx.parsed.track();
        ctx.autosave.track();
        // The open saved scenario and its revision change on Save and Open too: the session
        // note of what is open must follow them (`remember_open_saved`).
        ctx.current_id.track();
        ctx.current_rev.track();
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        let handle =
            set_timeout_with_handle(move || flush(false), std::time::Duration::from_millis(250))
                .ok();
        pending.set_value(handle);
    });
    let hide = window_event_listener(leptos::ev::pagehide, move |_| flush(true));
    // Work stored nowhere — a field left wrong, or storage unavailable ("in memory only") with
    // unsaved work — makes the browser ask before the page is closed or reloaded (`returnValue`
    // too, for older WebViews).
    let leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        let lost = ctx.parsed.with_untracked(|p| match p {
            Err(_) => true,
            Ok(s) => !ctx.storage_ok.get_untracked() && has_unsaved_work(ctx, s),
        });
        if lost {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush(false);
        }
    });
    on_cleanup(move || {
        hide.remove();
        leave.remove();
        visibility.remove();
    });
}

/// Autosave in a tab that no longer writes the shared working draft: the tab's own draft (a
/// saved scenario) is updated while it is shown; unsaved scratch work becomes a new own draft,
/// shown from then on, and the user is told once per draft. Unsaved changes to a saved scenario
/// stay on screen with their Save button, and are kept as a draft when the page is left.
fn keep_own_draft(ctx: Ctx, s: &Scenario, leaving: bool) -> Result<(), StoreError> {
    let current = ctx.current_id.get_untracked();
    if current.is_some() && current == ctx.own_draft.get_untracked() {
        if !ctx.dirty.get_untracked() {
            return Ok(());
        }
        save_current(ctx)?;
        // Saved as a conflicted copy (another tab wrote the own draft): that copy is the own
        // draft from now on.
        if ctx.current_id.get_untracked() != current {
            set_own_draft(ctx);
        }
        return Ok(());
    }
    if !has_unsaved_work(ctx, s) || (current.is_some() && !leaving) {
        return Ok(());
    }
    let name = draft_name(ctx, &s.name);
    save_as_current(ctx, &name, s)?;
    set_own_draft(ctx);
    ctx.say(BannerKind::Info, |l| {
        StoreText::DraftKeptAsCopy { copy: &name }.say(l)
    });
    Ok(())
}

/// The name `name`'s work is kept under as a draft, one no saved scenario has
/// ([`crate::store::Store::draft_name`]).
fn draft_name(ctx: Ctx, name: &str) -> String {
    let lang = ctx.lang.get_untracked();
    ctx.store.with_value(|st| st.draft_name(name, lang))
}

/// Notes in session storage which saved scenario is open with the working draft just written,
/// so that a reload of this tab keeps it open ([`crate::store::open_saved`]).
fn remember_open_saved(ctx: Ctx, working: &Scenario) {
    match ctx.current_id.get_untracked() {
        // Not kept (session storage full): a reload then shows the draft without its Save
        // button; nothing is lost.
        Some(id) => {
            dom::session_set(
                OPEN_SAVED_KEY,
                &open_saved::entry(&id, ctx.current_rev.get_untracked(), working),
            );
        }
        None => dom::session_remove(OPEN_SAVED_KEY),
    }
}

/// The form cannot be written as the working draft (a field to fix), but the revision of the
/// open saved scenario may have moved since the session note (Save, rename): the note follows
/// it ([`open_saved::follow`]), so that a reload never holds an older revision, whose next Save
/// would make a needless conflicted copy.
fn follow_open_saved_rev(ctx: Ctx) {
    let (Some(id), Some(saved)) = (
        ctx.current_id.get_untracked(),
        ctx.saved_copy.get_untracked(),
    ) else {
        return;
    };
    let raw = dom::session_get(OPEN_SAVED_KEY);
    let rev = ctx.current_rev.get_untracked();
    if let Some(moved) = open_saved::follow(raw.as_deref(), &id, rev, &saved) {
        // Not kept (session storage full): the older revision must not stay, so a reload shows
        // the draft without its Save button; nothing is lost.
        if !dom::session_set(OPEN_SAVED_KEY, &moved) {
            dom::session_remove(OPEN_SAVED_KEY);
        }
    }
}

/// Makes the scenario shown this tab's own draft, also after a reload of the tab.
fn set_own_draft(ctx: Ctx) {
    let own = ctx.current_id.get_untracked();
    if let Some(id) = &own {
        // Not kept (session storage full): after a reload the tab shows the shared draft, and
        // its own stays in My scenarios.
        dom::session_set(OWN_DRAFT_KEY, id);
    }
    ctx.own_draft.set(own);
}

/// Writes the form over the saved scenario it came from, at the revision this tab holds. When
/// another tab has saved it since, both are kept: this tab's version is saved as a copy, which
/// it then shows, and the user is told.
pub fn save_current(ctx: Ctx) -> Result<(), StoreError> {
    let (Some(id), Ok(s)) = (ctx.current_id.get_untracked(), ctx.parsed.get_untracked()) else {
        return Ok(());
    };
    let now = dom::now_iso();
    let base = ctx.current_rev.get_untracked();
    match ctx.write(|st| st.update(&id, &s, &now, base)) {
        Ok(revised) => {
            let mut saved = s;
            if !saved.name.is_empty() && saved.name != revised.name {
                // A name another entry has, numbered apart: the form follows.
                saved.name.clone_from(&revised.name);
                ctx.edit(|f| f.name.clone_from(&revised.name));
            }
            ctx.current_rev.set(revised.rev);
            ctx.saved_copy.set(Some(saved));
            Ok(())
        }
        Err(StoreError::Newer { name, .. }) => {
            let copy = StoreText::ConflictCopyName { name: &name }.say(ctx.lang.get_untracked());
            let copy = save_as_current(ctx, &copy, &s)?;
            ctx.say(BannerKind::Warning, |l| {
                StoreText::SavedAsConflictCopy {
                    name: &name,
                    copy: &copy,
                }
                .say(l)
            });
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// The Save button: [`save_current`], saying when it failed.
pub(super) fn save_button(ctx: Ctx) {
    if let Err(e) = save_current(ctx) {
        say_failed(ctx, e, |err| StoreText::SaveFailed { err });
    }
}

/// A warning banner for a failed store operation, in the words `text` gives its message.
pub(super) fn say_failed(ctx: Ctx, e: StoreError, text: impl for<'a> Fn(&'a str) -> StoreText<'a>) {
    ctx.say(BannerKind::Warning, |l| text(&e.message(l)).say(l));
}

/// Saves `s` as a new saved scenario named `name` (numbered when another has that name) and makes
/// it the one being edited (the form takes the name); returns the name given.
fn save_as_current(ctx: Ctx, name: &str, s: &Scenario) -> Result<String, StoreError> {
    let now = dom::now_iso();
    let NewEntry { id, name } = ctx.write(|st| st.save_as(name, s, &now))?;
    let mut saved = s.clone();
    saved.name.clone_from(&name);
    if ctx.form.with_untracked(|f| f.name != name) {
        ctx.edit(|f| f.name.clone_from(&name));
    }
    ctx.current_id.set(Some(id));
    ctx.current_rev.set(1);
    ctx.saved_copy.set(Some(saved));
    Ok(name)
}

/// Leaves the "opened from a link" state (saved, discarded or replaced): its banner, its
/// fragment and this tab's draft of it go, and autosave resumes.
fn leave_link(ctx: Ctx) {
    if !ctx.autosave.get_untracked() {
        ctx.banners
            .update(|b| b.retain(|x| !matches!(x.kind, BannerKind::FromLink { .. })));
        share::forget_link_draft();
        dom::clear_hash();
        ctx.autosave.set(true);
    }
}

/// Saves the current form as a new named scenario and makes it the one being edited.
pub fn save_as_new(ctx: Ctx, name: &str) -> bool {
    let Ok(s) = ctx.parsed.get_untracked() else {
        ctx.say(BannerKind::Warning, |l| StoreText::FixBeforeSaving.say(l));
        return false;
    };
    match save_as_current(ctx, name, &s) {
        Ok(_) => true,
        Err(e) => {
            say_failed(ctx, e, |err| StoreText::SaveFailed { err });
            false
        }
    }
}

/// Whether `s` (the valid form) is work kept nowhere else: a scratch scenario other than the
/// untouched starter (a linked scenario not saved counts), or changes to the open saved one,
/// unless a saved scenario already holds it, as it is or as its draft ([`Store::holds`]):
/// unsaved work is kept once, never copied again (a page left twice, the same link twice).
///
/// [`Store::holds`]: crate::store::Store::holds
fn has_unsaved_work(ctx: Ctx, s: &Scenario) -> bool {
    match ctx.current_id.get_untracked() {
        Some(_) => ctx.dirty.get_untracked() && !ctx.store.with_value(|st| st.holds(s)),
        None => kept_nowhere(ctx, s),
    }
}

/// Whether scratch work `s` would be lost: it is not the untouched starter, and no saved
/// scenario holds it ([`Store::holds`]).
///
/// [`Store::holds`]: crate::store::Store::holds
fn kept_nowhere(ctx: Ctx, s: &Scenario) -> bool {
    *s != crate::document::samples::starter(s.as_of) && !ctx.store.with_value(|st| st.holds(s))
}

/// Before the form shows something else (New, Open, Import), unsaved work is kept as a saved
/// draft: the work on screen, and in a tab showing a link the autosaved draft it would then write
/// over ([`keep_draft_under_link`]). When that fails (storage full, or the form has errors and
/// cannot be saved) the user is told, and `false` says: stay, keep the work on screen. Only
/// "discard" on a link's banner drops work on purpose ("never loses data", README).
pub(super) fn keep_unsaved_work(ctx: Ctx) -> bool {
    keep_work_on_screen(ctx) && keep_draft_under_link(ctx)
}

/// The work on screen, kept as a saved draft unless it is no work or already kept
/// ([`has_unsaved_work`]); `false` when it could not be, and the user is told why.
fn keep_work_on_screen(ctx: Ctx) -> bool {
    let Ok(s) = ctx.parsed.get_untracked() else {
        ctx.say(BannerKind::Warning, |l| StoreText::KeepDraftInvalid.say(l));
        return false;
    };
    if !has_unsaved_work(ctx, &s) {
        return true;
    }
    let name = draft_name(ctx, &s.name);
    let now = dom::now_iso();
    match ctx.write(|st| st.save_as(&name, &s, &now)) {
        Ok(_) => {
            ctx.say(BannerKind::Replaced, |l| {
                StoreText::WorkKeptAsDraft { copy: &name }.say(l)
            });
            true
        }
        Err(e) => {
            say_failed(ctx, e, |err| StoreText::KeepDraftFailed { err });
            false
        }
    }
}

/// A tab showing a share link has read the autosaved working draft (the user's work, typed in
/// another tab or on an earlier visit, or on screen before a link was pasted) but does not show
/// it; once it leaves the link for anything but that draft (New, Open, Import, saving the link),
/// autosave writes over it. So that draft is kept first as a saved draft “名称（草稿）”, as New
/// keeps unsaved work, and the user is told where it is: unless it is the untouched starter, a
/// saved scenario already holds it ([`Store::holds`], kept once), or another tab has written the
/// draft since (this tab then never writes it: [`Store::working_at_stake`]). `false`: it could not
/// be kept; the user is told, and the tab stays on the link, which writes nothing.
///
/// [`Store::holds`]: crate::store::Store::holds
/// [`Store::working_at_stake`]: crate::store::Store::working_at_stake
fn keep_draft_under_link(ctx: Ctx) -> bool {
    if ctx.autosave.get_untracked() || ctx.detached.get_untracked() {
        return true;
    }
    let Some(draft) = ctx.store.with_value(|st| st.working_at_stake()) else {
        return true;
    };
    if !kept_nowhere(ctx, &draft) {
        return true;
    }
    let copy = draft_name(ctx, &draft.name);
    let now = dom::now_iso();
    match ctx.write(|st| st.save_as(&copy, &draft, &now)) {
        Ok(_) => {
            ctx.say(BannerKind::Info, |l| {
                StoreText::WorkingKeptAsCopy { copy: &copy }.say(l)
            });
            true
        }
        Err(e) => {
            ctx.say(BannerKind::Warning, |l| {
                StoreText::KeepWorkingFailed {
                    name: &draft.name,
                    err: &e.message(l),
                }
                .say(l)
            });
            false
        }
    }
}

/// The link banner's "save to my scenarios": the linked scenario becomes a saved scenario, which
/// autosave then writes as the working draft, so the draft it replaces is kept first
/// ([`keep_draft_under_link`]); nothing is kept while the form cannot be saved.
pub(super) fn save_link(ctx: Ctx) {
    if ctx.parsed.with_untracked(|p| p.is_err()) {
        ctx.say(BannerKind::Warning, |l| StoreText::FixBeforeSaving.say(l));
        return;
    }
    let name = ctx.form.with_untracked(|f| f.name.clone());
    if keep_draft_under_link(ctx) && save_as_new(ctx, &name) {
        leave_link(ctx);
    }
}

/// Keeps the work on screen before the page loads again (a pasted link), as leaving the page
/// would, so that it is kept once: scratch work goes to the shared working draft; in a tab
/// whose shared draft another tab has taken, work becomes this tab's own draft (the link's
/// "discard" and a reload come back to it); anything else is kept as New keeps the work on
/// screen. A working draft under a link needs no copy here: the page opens the next link and
/// leaves that draft as it is. `false`: it could not be kept, the user is told, and the tab
/// stays.
pub(super) fn keep_before_reload(ctx: Ctx) -> bool {
    let Ok(s) = ctx.parsed.get_untracked() else {
        return keep_work_on_screen(ctx);
    };
    if !ctx.autosave.get_untracked() {
        return keep_work_on_screen(ctx);
    }
    if !ctx.detached.get_untracked() {
        if ctx.current_id.get_untracked().is_some() {
            return keep_work_on_screen(ctx);
        }
        match ctx.write(|st| st.save_working(&s)) {
            Ok(()) => return true,
            Err(StoreError::DraftNewer) => ctx.detached.set(true),
            Err(_) => return keep_work_on_screen(ctx),
        }
    }
    match keep_own_draft(ctx, &s, true) {
        Ok(()) => true,
        Err(e) => {
            say_failed(ctx, e, |err| StoreText::KeepDraftFailed { err });
            false
        }
    }
}

/// Opens a saved scenario, keeping unsaved work first (and staying when it cannot be kept).
pub(super) fn open_saved(ctx: Ctx, id: &str) {
    let Some(saved) = ctx.store.with_value(|st| st.get(id)) else {
        let e = StoreError::NotFound(id.to_string());
        ctx.say(BannerKind::Warning, |l| e.message(l));
        return;
    };
    if !keep_unsaved_work(ctx) {
        return;
    }
    leave_link(ctx);
    ctx.load(&saved.scenario);
    ctx.current_id.set(Some(saved.id));
    ctx.current_rev.set(saved.rev);
    ctx.saved_copy.set(Some(saved.scenario));
}

/// Starts again from the starter scenario, evaluated today, keeping unsaved work first (and
/// staying when it cannot be kept).
pub(super) fn new_scenario(ctx: Ctx) {
    if !keep_unsaved_work(ctx) {
        return;
    }
    leave_link(ctx);
    show_unsaved(ctx, &crate::document::samples::starter(dom::today()));
}

/// Drops a linked scenario unsaved and goes back to the one stored on this device.
pub(super) fn discard_link(ctx: Ctx) {
    leave_link(ctx);
    // A tab with a draft of its own goes back to it, not to the shared draft of another tab.
    let own = ctx.own_draft.get_untracked();
    if let Some(saved) = own.and_then(|id| ctx.store.with_value(|st| st.get(&id))) {
        ctx.load(&saved.scenario);
        ctx.current_id.set(Some(saved.id));
        ctx.current_rev.set(saved.rev);
        ctx.saved_copy.set(Some(saved.scenario));
        return;
    }
    let stored = ctx.store.try_update_value(|s| s.load_working()).flatten();
    show_unsaved(
        ctx,
        &stored.unwrap_or_else(|| crate::document::samples::starter(dom::today())),
    );
}

/// Shows `s` as scratch work, tied to no saved scenario.
pub(super) fn show_unsaved(ctx: Ctx, s: &Scenario) {
    ctx.load(s);
    ctx.current_id.set(None);
    ctx.saved_copy.set(None);
}

/// Imports one scenario: unsaved work is kept first (or the import stops, saying why: `false`);
/// the scenario is then saved and shown, or, when it cannot be saved, shown unsaved with the
/// reason.
pub(super) fn import_one(ctx: Ctx, s: &Scenario) -> bool {
    if !keep_unsaved_work(ctx) {
        return false;
    }
    leave_link(ctx);
    let now = dom::now_iso();
    match ctx.write(|st| st.save_as(&s.name, s, &now)) {
        Ok(NewEntry { id, name }) => {
            // Named apart from the saved scenarios it joins.
            let mut named = s.clone();
            named.name = name;
            ctx.load(&named);
            ctx.current_id.set(Some(id));
            ctx.current_rev.set(1);
            ctx.say(BannerKind::Imported, |l| {
                StoreText::ImportedAndSaved { name: &named.name }.say(l)
            });
            ctx.saved_copy.set(Some(named));
        }
        Err(e) => {
            show_unsaved(ctx, s);
            // The content changed: earlier refusals saying it did not are untrue now.
            ctx.banners
                .update(|b| b.retain(|x| x.kind != BannerKind::ImportRefused));
            ctx.say(BannerKind::Warning, |l| {
                StoreText::ImportedNotSaved {
                    name: &s.name,
                    err: &e.message(l),
                }
                .say(l)
            });
        }
    }
    true
}
