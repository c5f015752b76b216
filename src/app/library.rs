//! Scenarios in local storage: autosave of the working scenario, saved scenarios (save as, rename,
//! duplicate, delete with undo, sorted by last change), export and import, and the banners that
//! report storage trouble. Corrupt entries are set aside by the store and offered for download.

use super::{dom, share, Banner, BannerKind, Ctx};
use crate::store::{export_all, export_one, import, Deleted, Quarantined};
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
/// change only when the user saves.
pub fn autosave(ctx: Ctx) {
    let warned = StoredValue::new(false);
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    // Writes the working scenario now, if the form is valid and not a link's unsaved scenario.
    let flush = move || {
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
        match ctx.store.try_update_value(|store| store.save_working(&s)) {
            Some(Err(e)) if !warned.get_value() => {
                warned.set_value(true);
                ctx.storage_ok.set(false);
                ctx.banner(
                    BannerKind::Warning,
                    format!("无法自动保存：{}。您的输入仍保留在本页内存中，请用“导出”另存。", e.message(Lang::Zh)),
                    format!("Autosave failed: {}. Your input stays in this page's memory; use Export to keep it.", e.message(Lang::En)),
                );
            }
            _ => {}
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
        let handle = set_timeout_with_handle(flush, std::time::Duration::from_millis(250)).ok();
        pending.set_value(handle);
    });
    let hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    on_cleanup(move || {
        hide.remove();
        visibility.remove();
    });
}

/// Writes the form over the saved scenario it came from.
pub fn save_current(ctx: Ctx) {
    let (Some(id), Ok(s)) = (ctx.current_id.get_untracked(), ctx.parsed.get_untracked()) else {
        return;
    };
    let now = dom::now_iso();
    match ctx.store.try_update_value(|st| st.update(&id, &s, &now)) {
        Some(Ok(())) => {
            ctx.saved_copy.set(Some(s));
            ctx.saved_version.update(|v| *v += 1);
        }
        Some(Err(e)) => ctx.banner(
            BannerKind::Warning,
            format!("保存失败：{}", e.message(Lang::Zh)),
            format!("Could not save: {}", e.message(Lang::En)),
        ),
        None => {}
    }
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
    let Ok(mut s) = ctx.parsed.get_untracked() else {
        ctx.banner(
            BannerKind::Warning,
            "请先修正标红的输入再保存。",
            "Fix the fields marked in red before saving.",
        );
        return false;
    };
    s.name = name.to_string();
    let now = dom::now_iso();
    match ctx.store.try_update_value(|st| st.save_as(name, &s, &now)) {
        Some(Ok(id)) => {
            ctx.edit(|f| f.name = name.to_string());
            ctx.current_id.set(Some(id));
            ctx.saved_copy.set(Some(s));
            ctx.saved_version.update(|v| *v += 1);
            true
        }
        Some(Err(e)) => {
            ctx.banner(
                BannerKind::Warning,
                format!("保存失败：{}", e.message(Lang::Zh)),
                format!("Could not save: {}", e.message(Lang::En)),
            );
            false
        }
        None => false,
    }
}

/// Work not saved anywhere (a scratch scenario other than the untouched starter, a linked
/// scenario, or changes to the open saved one) is kept as a saved draft before the form shows
/// something else. Only "discard" on a link's banner drops work on purpose.
fn keep_unsaved_work(ctx: Ctx) {
    // A scenario opened from a link and not saved counts as unsaved work too.
    let unsaved = ctx.current_id.get_untracked().is_none() || ctx.dirty.get_untracked();
    if !unsaved {
        return;
    }
    let Ok(s) = ctx.parsed.get_untracked() else {
        return;
    };
    if ctx.current_id.get_untracked().is_none() && s == crate::document::samples::starter(s.as_of) {
        return;
    }
    let name = if ctx.is_zh() {
        format!("{}（草稿）", s.name)
    } else {
        format!("{} (draft)", s.name)
    };
    let now = dom::now_iso();
    let _ = ctx.store.try_update_value(|st| st.save_as(&name, &s, &now));
    ctx.saved_version.update(|v| *v += 1);
}

/// Opens a saved scenario, keeping unsaved work first.
fn open_saved(ctx: Ctx, id: &str) {
    keep_unsaved_work(ctx);
    if let Some(Some(saved)) = ctx.store.try_with_value(|st| st.get(id)) {
        leave_link(ctx);
        ctx.load(&saved.scenario);
        ctx.current_id.set(Some(saved.id));
        ctx.saved_copy.set(Some(saved.scenario));
        ctx.saved_version.update(|v| *v += 1);
    }
}

/// Starts again from the starter scenario, evaluated today, keeping unsaved work first.
fn new_scenario(ctx: Ctx) {
    keep_unsaved_work(ctx);
    leave_link(ctx);
    show_unsaved(ctx, &crate::document::samples::starter(dom::today()));
}

/// Drops a linked scenario unsaved and goes back to the one stored on this device.
fn discard_link(ctx: Ctx) {
    leave_link(ctx);
    let stored = ctx.store.with_value(|s| s.load_working());
    show_unsaved(
        ctx,
        &stored.unwrap_or_else(|| crate::document::samples::starter(dom::today())),
    );
}

/// Shows `s` as scratch work, tied to no saved scenario.
fn show_unsaved(ctx: Ctx, s: &crate::engine::scenario::Scenario) {
    ctx.load(s);
    ctx.current_id.set(None);
    ctx.saved_copy.set(None);
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
                    let _ = ctx.store.try_update_value(|s| s.discard_quarantined(&key2));
                    ctx.dismiss(id);
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
                ctx.banner(
                    BannerKind::Warning,
                    "无法读取该文件。",
                    "Could not read that file.",
                );
                return;
            };
            match import(&text) {
                Ok(list) if list.len() == 1 => {
                    let s = &list[0];
                    ctx.load(s);
                    let name = s.name.clone();
                    save_as_new(ctx, &name);
                    ctx.banner(
                        BannerKind::Info,
                        format!("已导入并保存“{name}”。"),
                        format!("Imported and saved “{name}”."),
                    );
                }
                Ok(list) => {
                    let now = dom::now_iso();
                    let n = list.len();
                    match ctx.store.try_update_value(|st| st.save_many(&list, &now)) {
                        Some(Ok(_)) => {
                            ctx.saved_version.update(|v| *v += 1);
                            list_open.set(true);
                            ctx.banner(
                                BannerKind::Info,
                                format!("已导入 {n} 个方案。"),
                                format!("Imported {n} scenarios."),
                            );
                        }
                        Some(Err(e)) => ctx.banner(
                            BannerKind::Warning,
                            format!("导入失败：{}", e.message(Lang::Zh)),
                            format!("Import failed: {}", e.message(Lang::En)),
                        ),
                        None => {}
                    }
                }
                Err(e) => ctx.banner(
                    BannerKind::Warning,
                    format!("文件未导入，当前内容未改变：{}", e.display(Lang::Zh)),
                    format!(
                        "Nothing was imported and nothing changed: {}",
                        e.display(Lang::En)
                    ),
                ),
            }
        });
    };

    let saved = move || {
        ctx.saved_version.get();
        ctx.store.with_value(|st| st.list())
    };

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
                    <button type="button" class="primary" data-testid="save-current" on:click=move |_| save_current(ctx)>{ctx.t("保存", "Save")}</button>
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
                            if let Some(Ok(())) = ctx.store.try_update_value(|st| st.undo_delete(deleted)) {
                                if was_current {
                                    ctx.current_id.set(Some(id.clone()));
                                    ctx.saved_copy.set(ctx.store.with_value(|st| st.get(&id)).map(|x| x.scenario));
                                }
                            }
                            ctx.saved_version.update(|v| *v += 1);
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
                        let _ = ctx.store.try_update_value(|st| st.rename(&id, &n, &dom::now_iso()));
                        if ctx.current_id.get_untracked().as_deref() == Some(id.as_str()) {
                            ctx.edit(|f| f.name = n.clone());
                        }
                        renaming.set(false);
                        ctx.saved_version.update(|v| *v += 1);
                    }
                }>{ctx.t("确定", "OK")}</button>
            </Show>
            <span class="item-actions">
                <button type="button" data-testid="open-saved" on:click=move |_| open_saved(ctx, &id1)>{ctx.t("打开", "Open")}</button>
                <button type="button" on:click=move |_| renaming.set(true)>{ctx.t("重命名", "Rename")}</button>
                <button type="button" on:click=move |_| {
                    let _ = ctx.store.try_update_value(|st| st.duplicate(&id2, &dom::now_iso()));
                    ctx.saved_version.update(|v| *v += 1);
                }>{ctx.t("复制", "Duplicate")}</button>
                <button type="button" data-testid="delete-saved" on:click={
                    let name = name.clone();
                    move |_| {
                        if let Some(Ok(deleted)) = ctx.store.try_update_value(|st| st.delete(&id3)) {
                            let was_current = ctx.current_id.get_untracked().as_deref() == Some(id3.as_str());
                            if was_current {
                                ctx.current_id.set(None);
                                ctx.saved_copy.set(None);
                            }
                            undo.set(Some(Undo { name: name.clone(), deleted, was_current }));
                            ctx.saved_version.update(|v| *v += 1);
                        }
                    }
                }>{ctx.t("删除", "Delete")}</button>
            </span>
        </li>
    }
}
