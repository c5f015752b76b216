//! Scenarios in local storage: autosave of the working scenario, saved scenarios (save as, rename,
//! duplicate, delete with undo, sorted by last change), export and import, and the banners that
//! report storage trouble. Corrupt entries are set aside by the store and offered for download.

use super::{dom, share, Banner, BannerKind, Ctx};
use crate::engine::scenario::Scenario;
use crate::store::{export_all, export_one, import, Deleted, Quarantined, StoreError};
use crate::text::store::StoreText;
use crate::text::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reports entries the store could not read and set aside (or could not move, when full).
pub fn report_quarantined(ctx: Ctx, list: Vec<Quarantined>) {
    for q in list {
        let (zh, en) = (q.report(Lang::Zh), q.report(Lang::En));
        ctx.banner(
            BannerKind::Quarantined {
                key: q.key.clone(),
                raw: q.raw.clone(),
            },
            zh,
            en,
        );
    }
}

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
            return;
        };
        if !ctx.autosave.get_untracked() {
            share::keep_link_draft(&s);
            return;
        }
        let result = if ctx.detached.get_untracked() {
            keep_own_draft(ctx, &s, leaving)
        } else {
            match ctx.write(|store| store.save_working(&s)) {
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
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        let handle =
            set_timeout_with_handle(move || flush(false), std::time::Duration::from_millis(250))
                .ok();
        pending.set_value(handle);
    });
    let hide = window_event_listener(leptos::ev::pagehide, move |_| flush(true));
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush(false);
        }
    });
    on_cleanup(move || {
        hide.remove();
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
        return save_current(ctx);
    }
    if !has_unsaved_work(ctx, s) || (current.is_some() && !leaving) {
        return Ok(());
    }
    let name = StoreText::DraftName { name: &s.name }.say(ctx.lang.get_untracked());
    save_as_current(ctx, &name, s)?;
    ctx.own_draft.set(ctx.current_id.get_untracked());
    ctx.say(BannerKind::Info, |l| {
        StoreText::DraftKeptAsCopy { copy: &name }.say(l)
    });
    Ok(())
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
        Ok(rev) => {
            ctx.current_rev.set(rev);
            ctx.saved_copy.set(Some(s));
            Ok(())
        }
        Err(StoreError::Newer { name, .. }) => {
            let copy = StoreText::ConflictCopyName { name: &name }.say(ctx.lang.get_untracked());
            save_as_current(ctx, &copy, &s)?;
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
fn save_button(ctx: Ctx) {
    if let Err(e) = save_current(ctx) {
        say_failed(ctx, e, |err| StoreText::SaveFailed { err });
    }
}

/// A warning banner for a failed store operation, in the words `text` gives its message.
fn say_failed(ctx: Ctx, e: StoreError, text: impl for<'a> Fn(&'a str) -> StoreText<'a>) {
    ctx.say(BannerKind::Warning, |l| text(&e.message(l)).say(l));
}

/// Saves `s` as a new saved scenario named `name` and makes it the one being edited (the form
/// takes the name).
fn save_as_current(ctx: Ctx, name: &str, s: &Scenario) -> Result<(), StoreError> {
    let now = dom::now_iso();
    let id = ctx.write(|st| st.save_as(name, s, &now))?;
    let mut saved = s.clone();
    saved.name = name.to_string();
    if ctx.form.with_untracked(|f| f.name != name) {
        ctx.edit(|f| f.name = name.to_string());
    }
    ctx.current_id.set(Some(id));
    ctx.current_rev.set(1);
    ctx.saved_copy.set(Some(saved));
    Ok(())
}

/// Leaves the "opened from a link" state (saved, discarded or replaced): its banner, its
/// fragment and this tab's draft of it go, and autosave resumes.
fn leave_link(ctx: Ctx) {
    if !ctx.autosave.get_untracked() {
        ctx.banners
            .update(|b| b.retain(|x| x.kind != BannerKind::FromLink));
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
        Ok(()) => true,
        Err(e) => {
            say_failed(ctx, e, |err| StoreText::SaveFailed { err });
            false
        }
    }
}

/// Whether `s` (the valid form) is work kept nowhere else: a scratch scenario other than the
/// untouched starter and other than every saved scenario (a linked scenario not saved counts),
/// or changes to the open saved one.
fn has_unsaved_work(ctx: Ctx, s: &Scenario) -> bool {
    match ctx.current_id.get_untracked() {
        Some(_) => ctx.dirty.get_untracked(),
        None => {
            *s != crate::document::samples::starter(s.as_of)
                && !ctx
                    .store
                    .with_value(|st| st.all().iter().any(|x| x.scenario == *s))
        }
    }
}

/// Before the form shows something else (New, Open, Import), unsaved work is kept as a saved
/// draft. When that fails (storage full, or the form has errors and cannot be saved) the user
/// is told, and `false` says: stay, keep the work on screen. Only "discard" on a link's banner
/// drops work on purpose.
fn keep_unsaved_work(ctx: Ctx) -> bool {
    let Ok(s) = ctx.parsed.get_untracked() else {
        ctx.say(BannerKind::Warning, |l| StoreText::KeepDraftInvalid.say(l));
        return false;
    };
    if !has_unsaved_work(ctx, &s) {
        return true;
    }
    let name = StoreText::DraftName { name: &s.name }.say(ctx.lang.get_untracked());
    let now = dom::now_iso();
    match ctx.write(|st| st.save_as(&name, &s, &now)) {
        Ok(_) => true,
        Err(e) => {
            say_failed(ctx, e, |err| StoreText::KeepDraftFailed { err });
            false
        }
    }
}

/// Opens a saved scenario, keeping unsaved work first (and staying when it cannot be kept).
fn open_saved(ctx: Ctx, id: &str) {
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
fn new_scenario(ctx: Ctx) {
    if !keep_unsaved_work(ctx) {
        return;
    }
    leave_link(ctx);
    show_unsaved(ctx, &crate::document::samples::starter(dom::today()));
}

/// Drops a linked scenario unsaved and goes back to the one stored on this device.
fn discard_link(ctx: Ctx) {
    leave_link(ctx);
    let stored = ctx.store.try_update_value(|s| s.load_working()).flatten();
    show_unsaved(
        ctx,
        &stored.unwrap_or_else(|| crate::document::samples::starter(dom::today())),
    );
}

/// Shows `s` as scratch work, tied to no saved scenario.
fn show_unsaved(ctx: Ctx, s: &Scenario) {
    ctx.load(s);
    ctx.current_id.set(None);
    ctx.saved_copy.set(None);
}

/// Imports one scenario: unsaved work is kept first (or the import stops, saying why); the
/// scenario is then saved and shown, or, when it cannot be saved, shown unsaved with the reason.
fn import_one(ctx: Ctx, s: &Scenario) {
    if !keep_unsaved_work(ctx) {
        return;
    }
    leave_link(ctx);
    let name = s.name.clone();
    let now = dom::now_iso();
    match ctx.write(|st| st.save_as(&name, s, &now)) {
        Ok(id) => {
            ctx.load(s);
            ctx.current_id.set(Some(id));
            ctx.current_rev.set(1);
            ctx.saved_copy.set(Some(s.clone()));
            ctx.say(BannerKind::Info, |l| {
                StoreText::ImportedAndSaved { name: &name }.say(l)
            });
        }
        Err(e) => {
            show_unsaved(ctx, s);
            ctx.say(BannerKind::Warning, |l| {
                StoreText::ImportedNotSaved {
                    name: &name,
                    err: &e.message(l),
                }
                .say(l)
            });
        }
    }
}

#[component]
pub fn Banners() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="banners" role="region" aria-label=ctx.t("通知", "Notices")>
            <For each=move || ctx.banners.get() key=|b| b.id let:b>
                {banner_view(ctx, b)}
            </For>
        </div>
    }
}

fn banner_view(ctx: Ctx, b: Banner) -> impl IntoView {
    let Banner {
        id,
        kind,
        text_zh,
        text_en,
    } = b;
    let class = match kind {
        BannerKind::Info | BannerKind::FromLink | BannerKind::Deleted => "banner info",
        _ => "banner warning",
    };
    let extra = match kind {
        BannerKind::Quarantined { key, raw } => {
            let raw2 = raw.clone();
            let key2 = key.clone();
            view! {
                <button type="button" data-testid="download-quarantined" on:click=move |_| {
                    dom::download("contract-calc-unreadable.json", &raw2, "application/json");
                }>{ctx.t("下载该数据", "Download it")}</button>
                <button type="button" on:click=move |_| {
                    match ctx.write(|s| s.discard_quarantined(&key2)) {
                        Ok(()) => ctx.dismiss(id),
                        Err(e) => say_failed(ctx, e, |err| StoreText::DiscardFailed { err }),
                    }
                }>{ctx.t("已下载，删除", "Downloaded: delete it")}</button>
            }
            .into_any()
        }
        BannerKind::FromLink => view! {
            <button type="button" data-testid="save-link" on:click=move |_| {
                let name = ctx.form.with_untracked(|f| f.name.clone());
                if save_as_new(ctx, &name) {
                    leave_link(ctx);
                }
            }>{ctx.t("保存为我的方案", "Save to my scenarios")}</button>
            <button type="button" on:click=move |_| discard_link(ctx)>{ctx.t("放弃，回到我的方案", "Discard, back to mine")}</button>
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <div class=class role="status" data-testid="banner">
            <p>{move || if ctx.is_zh() { text_zh.clone() } else { text_en.clone() }}</p>
            <div class="banner-actions">
                {extra}
                <button type="button" class="dismiss" aria-label=ctx.t("关闭", "Dismiss") on:click=move |_| ctx.dismiss(id)>"×"</button>
            </div>
        </div>
    }
}

/// The bar above the form: the scenario's name and what can be done with it.
/// A deleted saved scenario that can still be restored.
#[derive(Clone)]
struct Undo {
    name: String,
    deleted: Deleted,
    was_current: bool,
}

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let list_open = RwSignal::new(false);
    let save_name = RwSignal::new(String::new());
    let undo: RwSignal<Option<Undo>> = RwSignal::new(None);
    let import_input = NodeRef::<leptos::html::Input>::new();

    let export_current = move |_| {
        if let Ok(s) = ctx.parsed.get_untracked() {
            dom::download(
                &dom::file_name(&s.name),
                &export_one(&s),
                "application/json",
            );
        }
    };
    let export_everything = move |_| {
        let all: Vec<_> = ctx.store.with_value(|st| {
            st.list()
                .into_iter()
                .filter_map(|m| st.get(&m.id))
                .collect()
        });
        dom::download(
            "contract-calc-scenarios.json",
            &export_all(&all),
            "application/json",
        );
    };
    let on_import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let Some(text) = dom::read_file(file).await else {
                ctx.say(BannerKind::Warning, |l| StoreText::FileUnreadable.say(l));
                return;
            };
            match import(&text) {
                Ok(list) if list.len() == 1 => import_one(ctx, &list[0]),
                Ok(list) => {
                    let now = dom::now_iso();
                    let n = list.len();
                    match ctx.write(|st| st.save_many(&list, &now)) {
                        Ok(_) => {
                            list_open.set(true);
                            ctx.say(BannerKind::Info, |l| StoreText::ImportedMany { n }.say(l));
                        }
                        Err(e) => say_failed(ctx, e, |err| StoreText::ImportFailed { err }),
                    }
                }
                Err(e) => ctx.say(BannerKind::Warning, |l| {
                    StoreText::ImportRefused {
                        detail: &e.display(l),
                    }
                    .say(l)
                }),
            }
        });
    };

    let saved = move || ctx.read(|st| st.list());

    view! {
        <div class="scenario-bar">
            <div class="scenario-title">
                <span class="muted">{ctx.t("当前方案", "Scenario")}</span>
                <strong data-testid="scenario-name">{move || ctx.form.with(|f| f.name.clone())}</strong>
                <span class="save-state" data-testid="save-state">{move || {
                    if !ctx.autosave.get() { if ctx.is_zh() { "来自链接，未保存" } else { "from a link, not saved" } }
                    else if !ctx.storage_ok.get() { if ctx.is_zh() { "仅在内存中" } else { "in memory only" } }
                    else if ctx.current_id.get().is_some() && ctx.dirty.get() { if ctx.is_zh() { "有未保存的修改" } else { "unsaved changes" } }
                    else if ctx.current_id.get().is_some() { if ctx.is_zh() { "已保存" } else { "saved" } }
                    else if ctx.is_zh() { "草稿已自动保存" } else { "draft kept automatically" }
                }}</span>
            </div>
            <div class="bar-actions">
                <Show when=move || ctx.current_id.get().is_some() && ctx.dirty.get()>
                    <button type="button" class="primary" data-testid="save-current" on:click=move |_| save_button(ctx)>{ctx.t("保存", "Save")}</button>
                </Show>
                <button type="button" data-testid="new-scenario" on:click=move |_| new_scenario(ctx)>{ctx.t("新建", "New")}</button>
                <button type="button" data-testid="toggle-list" on:click=move |_| list_open.update(|o| *o = !*o)
                    aria-expanded=move || list_open.get().to_string()>{ctx.t("我的方案", "My scenarios")}</button>
                <share::ShareButton />
                <button type="button" on:click=export_current>{ctx.t("导出", "Export")}</button>
                <label class="button" for="f-import">{ctx.t("导入", "Import")}</label>
                <input id="f-import" class="visually-hidden" type="file" accept=".json,application/json" node_ref=import_input on:change=on_import />
                <button type="button" on:click=move |_| dom::print()>{ctx.t("打印", "Print")}</button>
            </div>
            {move || undo.get().map(|Undo { name, .. }| view! {
                <div class="undo" role="status">
                    <span>{move || if ctx.is_zh() { format!("已删除“{name}”。") } else { format!("Deleted “{name}”.") }}</span>
                    <button type="button" data-testid="undo-delete" on:click=move |_| {
                        if let Some(Undo { deleted, was_current, .. }) = undo.get_untracked() {
                            let id = deleted.id.clone();
                            match ctx.write(|st| st.undo_delete(deleted)) {
                                Ok(()) if was_current => {
                                    if let Some(saved) = ctx.store.with_value(|st| st.get(&id)) {
                                        ctx.current_id.set(Some(id.clone()));
                                        ctx.current_rev.set(saved.rev);
                                        ctx.saved_copy.set(Some(saved.scenario));
                                    }
                                }
                                Ok(()) => {}
                                Err(e) => say_failed(ctx, e, |err| StoreText::UndoFailed { err }),
                            }
                        }
                        undo.set(None);
                    }>{ctx.t("撤销", "Undo")}</button>
                </div>
            })}
            <Show when=move || list_open.get()>
                <div class="saved-panel" data-testid="saved-panel">
                    <form class="save-as" on:submit=move |ev| {
                        ev.prevent_default();
                        let name = save_name.get_untracked();
                        let name = if name.trim().is_empty() { ctx.form.with_untracked(|f| f.name.clone()) } else { name.trim().to_string() };
                        if save_as_new(ctx, &name) { save_name.set(String::new()); }
                    }>
                        <label for="f-save-name">{ctx.t("另存为", "Save as")}</label>
                        <input id="f-save-name" data-testid="save-name" type="text" placeholder=move || ctx.form.with(|f| f.name.clone())
                            prop:value=move || save_name.get() on:input=move |ev| save_name.set(event_target_value(&ev)) />
                        <button type="submit" data-testid="save-as">{ctx.t("保存", "Save")}</button>
                        <button type="button" on:click=export_everything>{ctx.t("全部导出", "Export all")}</button>
                    </form>
                    <ul class="saved-list" data-testid="saved-list">
                        <For each=saved key=|m| (m.id.clone(), m.name.clone(), m.updated.clone()) let:m>
                            {saved_item(ctx, m.id, m.name, m.updated, undo)}
                        </For>
                    </ul>
                    {move || saved().is_empty().then(|| view! { <p class="muted">{ctx.t("还没有保存的方案。", "No saved scenarios yet.")}</p> })}
                </div>
            </Show>
        </div>
    }
}

fn saved_item(
    ctx: Ctx,
    id: String,
    name: String,
    updated: String,
    undo: RwSignal<Option<Undo>>,
) -> impl IntoView {
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(name.clone());
    let is_current = {
        let id = id.clone();
        move || ctx.current_id.get().as_deref() == Some(id.as_str())
    };
    let (id1, id2, id3, id4) = (id.clone(), id.clone(), id.clone(), id.clone());
    let shown_name = name.clone();
    let when = updated
        .replace('T', " ")
        .chars()
        .take(16)
        .collect::<String>();
    view! {
        <li class:current=is_current>
            <Show when=move || renaming.get() fallback=move || view! {
                <span class="saved-name">{shown_name.clone()}</span>
                <span class="muted small">{when.clone()}</span>
            }>
                <input type="text" aria-label=ctx.t("新名称", "New name") prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev)) />
                <button type="button" on:click={
                    let id = id4.clone();
                    move |_| {
                        let n = new_name.get_untracked();
                        match ctx.write(|st| st.rename(&id, &n, &dom::now_iso())) {
                            Ok(rev) if ctx.current_id.get_untracked().as_deref() == Some(id.as_str()) => {
                                // This tab's own rename: the open scenario follows it, at its new revision.
                                ctx.edit(|f| f.name = n.clone());
                                ctx.saved_copy.update(|c| if let Some(c) = c { c.name = n.clone(); });
                                ctx.current_rev.set(rev);
                            }
                            Ok(_) => {}
                            Err(e) => say_failed(ctx, e, |err| StoreText::RenameFailed { err }),
                        }
                        renaming.set(false);
                    }
                }>{ctx.t("确定", "OK")}</button>
            </Show>
            <span class="item-actions">
                <button type="button" data-testid="open-saved" on:click=move |_| open_saved(ctx, &id1)>{ctx.t("打开", "Open")}</button>
                <button type="button" on:click=move |_| renaming.set(true)>{ctx.t("重命名", "Rename")}</button>
                <button type="button" on:click=move |_| {
                    if let Err(e) = ctx.write(|st| st.duplicate(&id2, &dom::now_iso())) {
                        say_failed(ctx, e, |err| StoreText::DuplicateFailed { err });
                    }
                }>{ctx.t("复制", "Duplicate")}</button>
                <button type="button" data-testid="delete-saved" on:click={
                    let name = name.clone();
                    move |_| {
                        match ctx.write(|st| st.delete(&id3)) {
                            Ok(deleted) => {
                                let was_current = ctx.current_id.get_untracked().as_deref() == Some(id3.as_str());
                                if was_current {
                                    ctx.current_id.set(None);
                                    ctx.saved_copy.set(None);
                                }
                                undo.set(Some(Undo { name: name.clone(), deleted, was_current }));
                            }
                            Err(e) => say_failed(ctx, e, |err| StoreText::DeleteFailed { err }),
                        }
                    }
                }>{ctx.t("删除", "Delete")}</button>
            </span>
        </li>
    }
}
