//! The scenario bar and the saved scenarios (save as, rename, duplicate, delete with undo,
//! sorted by last change), export and import, and the banners that report storage trouble.
//! Corrupt entries are set aside by the store and offered for download. What these actions do
//! to the work on screen is in [`super::saving`].

use super::saving::{
    discard_link, import_one, new_scenario, open_saved, save_as_new, save_button, save_link,
    say_failed,
};
use super::{dom, share, Banner, BannerKind, Ctx};
use crate::document::input::{document_text, MAX_IMPORT_BYTES};
use crate::present::markup::Markup;
use crate::store::{
    export_all, export_one, import_noting_unknown, Deleted, Quarantined, Revised, SavedMeta,
};
use crate::text::app::library as ui;
use crate::text::store::StoreText;
use crate::text::{Lang, Text};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reports entries the store could not read and set aside (or could not move, when full).
pub fn report_quarantined(ctx: Ctx, list: Vec<Quarantined>) {
    for q in list {
        let kind = BannerKind::Quarantined {
            key: q.key.clone(),
            raw: q.raw.clone(),
        };
        ctx.say(kind, |l| q.report(l));
    }
}

/// The banners across the top, as markup set in one step, and one listener for their buttons
/// ([`button`]: `data-id` the banner's id).
#[component]
pub fn Banners() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let html = move || {
        let lang = ctx.lang.get();
        dom::keep_focus(".banners");
        ctx.banners
            .with(|list| banners_html(list, lang).into_string())
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((action, id)) = clicked(&ev) else {
            return;
        };
        let Ok(id) = id.parse::<u32>() else {
            return;
        };
        let kind = ctx
            .banners
            .with_untracked(|b| b.iter().find(|x| x.id == id).map(|x| x.kind.clone()));
        match (action.as_str(), kind) {
            ("dismiss", _) => ctx.dismiss(id),
            ("download", Some(BannerKind::Quarantined { raw, .. })) => {
                dom::download("contract-calc-unreadable.json", &raw, "application/json");
            }
            ("discard", Some(BannerKind::Quarantined { key, .. })) => {
                match ctx.write(|s| s.discard_quarantined(&key)) {
                    Ok(()) => ctx.dismiss(id),
                    Err(e) => say_failed(ctx, e, |err| StoreText::DiscardFailed { err }),
                }
            }
            ("save-link", _) => save_link(ctx),
            ("discard-link", _) => discard_link(ctx),
            _ => {}
        }
    };
    view! {
        <div
            class="banners"
            role="region"
            aria-label=ctx.t(ui::NOTICES)
            on:click=on_click
            inner_html=html
        ></div>
    }
}

/// Each banner: its words, the buttons its kind offers, and "×".
fn banners_html(list: &[Banner], lang: Lang) -> Markup {
    let mut m = Markup::new();
    for b in list {
        let id = b.id.to_string();
        let class = match b.kind {
            BannerKind::Info
            | BannerKind::Imported
            | BannerKind::Replaced
            | BannerKind::FromLink { .. }
            | BannerKind::Deleted => "banner info",
            _ => "banner warning",
        };
        m.open(
            "div",
            &[
                ("class", class),
                ("role", "status"),
                ("data-testid", "banner"),
            ],
        );
        m.el("p", &[], b.text(lang));
        m.open("div", &[("class", "banner-actions")]);
        let mut offer = |action, testid: &[(&'static str, &'static str)], label: Text| {
            let mut attrs = vec![("data-id", id.as_str())];
            attrs.extend_from_slice(testid);
            button(&mut m, action, &attrs, label.get(lang));
        };
        match b.kind {
            BannerKind::Quarantined { .. } => {
                offer(
                    "download",
                    &[("data-testid", "download-quarantined")],
                    ui::DOWNLOAD_IT,
                );
                offer("discard", &[], ui::DOWNLOADED_DELETE_IT);
            }
            BannerKind::FromLink { mine } => {
                offer(
                    "save-link",
                    &[("data-testid", "save-link")],
                    ui::SAVE_TO_MY_SCENARIOS,
                );
                let discard = if mine {
                    ui::DISCARD_BACK_TO_MINE
                } else {
                    ui::DISCARD_START_NEW
                };
                offer("discard-link", &[], discard);
            }
            _ => {}
        }
        let dismiss = [
            ("class", "dismiss"),
            ("aria-label", ui::DISMISS.get(lang)),
            ("data-id", &id),
        ];
        button(&mut m, "dismiss", &dismiss, "×");
        m.close("div").close("div");
    }
    m
}

/// A deleted saved scenario that can still be restored.
#[derive(Clone)]
struct Undo {
    name: String,
    deleted: Deleted,
    was_current: bool,
}

/// The bar above the form: the scenario's name, whether it is saved, and what can be done with it
/// (markup with one listener for its buttons, `data-action`), and the saved scenarios' panel.
#[component]
pub fn ScenarioBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let list_open = RwSignal::new(false);
    let save_name = RwSignal::new(String::new());
    let undo: RwSignal<Option<Undo>> = RwSignal::new(None);

    let export_current = move || match ctx.parsed.get_untracked() {
        Ok(s) => {
            dom::download(
                &dom::file_name(&s.name),
                &export_one(&s),
                "application/json",
            );
        }
        // Said, not nothing: a file of the last valid input would not be what is on screen.
        Err(_) => {
            ctx.say(BannerKind::Warning, |l| ui::EXPORT_FIX_FIRST.get(l).into());
        }
    };
    let export_everything = move |_| {
        let all = ctx.store.with_value(|st| st.all());
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
            .filter(|i| i.id() == "f-import")
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        // Named in what is said of it, so that two refusals are told apart.
        let name = crate::text::neutral(&file.name());
        // A file larger than any export (a video chosen by mistake) is refused by its size,
        // unread.
        if file.size() > (MAX_IMPORT_BYTES + 3) as f64 {
            let e = crate::document::error::ValidationError::new(
                "",
                crate::document::error::ErrorKind::DocumentTooLarge {
                    max_bytes: MAX_IMPORT_BYTES,
                },
            );
            ctx.say(BannerKind::ImportRefused, |l| {
                import_refused(&e, "", &name, l)
            });
            return;
        }
        leptos::task::spawn_local(async move {
            let Some(bytes) = dom::read_file(file).await else {
                ctx.say(BannerKind::ImportRefused, |l| {
                    StoreText::FileUnreadable { file: &name }.say(l)
                });
                return;
            };
            let text = match document_text(&bytes, MAX_IMPORT_BYTES) {
                Ok(text) => text,
                Err(e) => {
                    // Its start read as far as it goes: a photo is no scenario, a GBK scenario
                    // is one.
                    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
                    ctx.say(BannerKind::ImportRefused, |l| {
                        import_refused(&e, &text, &name, l)
                    });
                    return;
                }
            };
            match import_noting_unknown(&text) {
                Ok((list, unknown)) if list.len() == 1 => {
                    if import_one(ctx, &list[0]) {
                        say_unknown_fields(ctx, &unknown);
                    }
                }
                Ok((list, unknown)) => {
                    let now = dom::now_iso();
                    let n = list.len();
                    match ctx.write(|st| st.save_many(&list, &now)) {
                        Ok(_) => {
                            list_open.set(true);
                            ctx.say(BannerKind::Imported, |l| {
                                StoreText::ImportedMany { n }.say(l)
                            });
                            say_unknown_fields(ctx, &unknown);
                        }
                        Err(e) => say_failed(ctx, e, |err| StoreText::ImportFailed { err }),
                    }
                }
                Err(e) => ctx.say(BannerKind::ImportRefused, |l| {
                    import_refused(&e, &text, &name, l)
                }),
            }
        });
    };

    // Read again only when a saved scenario changes, not on every autosave of the draft.
    let saved = Memo::new(move |_| ctx.read(|st| st.list()));
    // The scenario being renamed and the name typed so far: kept here, so that the list drawn
    // again (another tab saved) keeps them.
    let renaming: Renaming = RwSignal::new(None);
    // Which one is being renamed: the list is drawn again when that changes, not as a name is typed.
    let renamed_id = Memo::new(move |_| renaming.with(|r| r.as_ref().map(|(id, _)| id.clone())));

    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((action, _)) = clicked(&ev) else {
            return;
        };
        match action.as_str() {
            "save-current" => save_button(ctx),
            "new" => new_scenario(ctx),
            "toggle-list" => list_open.update(|o| *o = !*o),
            "export" => export_current(),
            "print" => dom::print(),
            "undo" => undo_delete(ctx, undo),
            _ => {}
        }
    };
    // The title is drawn again when the name changes, not on every keystroke in the form.
    let name = Memo::new(move |_| ctx.form.with(|f| f.name.clone()));
    // Nothing is stored while a field is wrong (autosave keeps valid scenarios only): said, not
    // "kept", and a saved scenario has unsaved changes.
    let wrong = Memo::new(move |_| ctx.parsed.with(|p| p.is_err()));
    let title = move || {
        let state = if ctx.sample_for_bad_link.get() {
            ui::SAMPLE_NOT_THE_LINK
        } else if !ctx.autosave.get() {
            ui::FROM_LINK_NOT_SAVED
        } else if !ctx.storage_ok.get() {
            ui::IN_MEMORY_ONLY
        } else if wrong.get() && ctx.current_id.get().is_none() {
            ui::DRAFT_NOT_KEPT_WHILE_WRONG
        } else if ctx.current_id.get().is_some() && (ctx.dirty.get() || wrong.get()) {
            ui::UNSAVED_CHANGES
        } else if ctx.current_id.get().is_some() {
            ui::SAVED
        } else {
            ui::DRAFT_KEPT
        };
        let lang = ctx.lang.get();
        let mut m = Markup::new();
        m.el("span", &[("class", "muted")], ui::SCENARIO.get(lang));
        name.with(|n| m.el("strong", &[("data-testid", "scenario-name")], n));
        let class = if state == ui::DRAFT_NOT_KEPT_WHILE_WRONG || state == ui::SAMPLE_NOT_THE_LINK {
            "save-state not-kept"
        } else {
            "save-state"
        };
        m.el(
            "span",
            &[("class", class), ("data-testid", "save-state")],
            state.get(lang),
        );
        m.into_string()
    };
    // Save shows while a saved scenario open here has unsaved changes.
    let first_buttons = move || {
        let save = ctx.autosave.get() && ctx.current_id.get().is_some() && ctx.dirty.get();
        let (lang, open) = (ctx.lang.get(), list_open.get_untracked());
        dom::keep_focus(".bar-first");
        let mut m = Markup::new();
        if save {
            button(
                &mut m,
                "save-current",
                &[("class", "primary"), ("data-testid", "save-current")],
                ui::SAVE.get(lang),
            );
        }
        button(
            &mut m,
            "new",
            &[("data-testid", "new-scenario")],
            ui::NEW.get(lang),
        );
        let expanded = if open { "true" } else { "false" };
        let attrs = [("data-testid", "toggle-list"), ("aria-expanded", expanded)];
        button(&mut m, "toggle-list", &attrs, ui::MY_SCENARIOS.get(lang));
        m.into_string()
    };
    // 我的方案 says whether the list is open on the same button, as a disclosure button does, so
    // that a screen reader announces the new state rather than the whole button again.
    Effect::new(move |_| {
        let expanded = if list_open.get() { "true" } else { "false" };
        dom::set_attribute("[data-action=toggle-list]", "aria-expanded", expanded);
    });
    let last_buttons = move || {
        let lang = ctx.lang.get();
        let mut m = Markup::new();
        button(&mut m, "export", &[], ui::EXPORT.get(lang));
        m.el(
            "label",
            &[("class", "button"), ("for", "f-import")],
            ui::IMPORT.get(lang),
        );
        m.open(
            "input",
            &[
                ("id", "f-import"),
                ("class", "visually-hidden"),
                ("type", "file"),
                ("accept", ".json,application/json"),
            ],
        );
        button(&mut m, "print", &[], ui::PRINT.get(lang));
        m.into_string()
    };
    let undo_line = move || {
        let lang = ctx.lang.get();
        let mut m = Markup::new();
        undo.with(|u| {
            if let Some(Undo { name, .. }) = u {
                m.open("div", &[("class", "undo"), ("role", "status")]);
                m.el("span", &[], &ui::deleted(name, lang));
                let attrs = [("data-testid", "undo-delete")];
                button(&mut m, "undo", &attrs, ui::UNDO.get(lang));
                m.close("div");
            }
        });
        m.into_string()
    };

    view! {
        <div class="scenario-bar" on:click=on_click on:change=on_import>
            <div class="scenario-title" inner_html=title></div>
            <div class="bar-actions">
                <span class="contents bar-first" inner_html=first_buttons></span>
                <share::ShareButton />
                <span class="contents" inner_html=last_buttons></span>
            </div>
            <div inner_html=undo_line></div>
            <Show when=move || list_open.get()>
                <div class="saved-panel" data-testid="saved-panel">
                    <form
                        class="save-as"
                        on:submit=move |ev| {
                            ev.prevent_default();
                            let name = save_name.get_untracked();
                            let name = if name.trim().is_empty() {
                                ctx.form.with_untracked(|f| f.name.clone())
                            } else {
                                name.trim().to_string()
                            };
                            if save_as_new(ctx, &name) {
                                save_name.set(String::new());
                            }
                        }
                    >
                        <label for="f-save-name">{ctx.t(ui::SAVE_AS)}</label>
                        <input
                            id="f-save-name"
                            data-testid="save-name"
                            type="text"
                            placeholder=move || ctx.form.with(|f| f.name.clone())
                            prop:value=move || save_name.get()
                            on:input=move |ev| save_name.set(event_target_value(&ev))
                        />
                        <button type="submit" data-testid="save-as">
                            {ctx.t(ui::SAVE_AS_NEW)}
                        </button>
                        <button type="button" on:click=export_everything>
                            {ctx.t(ui::EXPORT_ALL)}
                        </button>
                    </form>
                    <ul
                        class="saved-list"
                        data-testid="saved-list"
                        on:click=move |ev| on_saved_click(ctx, &ev, saved, undo, renaming)
                        on:keydown=move |ev| on_rename_key(ctx, &ev, renaming)
                        on:input=move |ev| {
                            let Some(input) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                                return;
                            };
                            let id = input.get_attribute("data-id");
                            renaming
                                .update(|r| {
                                    if let Some((r, typed)) = r {
                                        if id.as_deref() == Some(r.as_str()) {
                                            *typed = input.value();
                                        }
                                    }
                                })
                        }
                        inner_html=move || {
                            let lang = ctx.lang.get();
                            dom::keep_focus(".saved-list");
                            let current = ctx.current_id.get();
                            let renamed = renamed_id.get();
                            let typed = renaming
                                .with_untracked(|r| r.as_ref().map(|(_, t)| t.clone()))
                                .unwrap_or_default();
                            let renaming = renamed.as_deref().map(|id| (id, typed.as_str()));
                            saved
                                .with(|list| {
                                    saved_list_html(list, current.as_deref(), renaming, lang)
                                })
                                .into_string()
                        }
                    ></ul>
                    {move || {
                        saved
                            .with(Vec::is_empty)
                            .then(|| {
                                view! { <p class="muted">{ctx.t(ui::NO_SAVED_SCENARIOS_YET)}</p> }
                            })
                    }}
                </div>
            </Show>
        </div>
    }
}

/// Why a file was not imported, in the form's words: a file that is not a scenario at all says
/// so, and a field the form shows is named by its label ("费用构成第 1 行 · 每期金额：…"), not by
/// its path in the document.
/// An imported file's fields this version does not know, named (at most ten), so that a
/// misspelt key is not silently without effect.
fn say_unknown_fields(ctx: Ctx, unknown: &[String]) {
    if unknown.is_empty() {
        return;
    }
    let mut fields = unknown
        .iter()
        .take(10)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if unknown.len() > 10 {
        fields.push_str(", …");
    }
    ctx.say(BannerKind::Info, |l| {
        StoreText::UnknownFieldsKept { fields: &fields }.say(l)
    });
}

fn import_refused(
    e: &crate::document::error::ValidationError,
    text: &str,
    file: &str,
    lang: Lang,
) -> String {
    use crate::document::error::ErrorKind;
    let not_json_object = !text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    let foreign = e.path == "format"
        || (not_json_object && matches!(e.kind, ErrorKind::Json { .. } | ErrorKind::NotUtf8));
    if foreign {
        return StoreText::NotAScenarioFile { file }.say(lang);
    }
    let id = super::inputs::dom_id(&e.path);
    let detail = match super::results::field_label(&id, &e.path, lang) {
        Some(label) => crate::text::app::results::field_and_message(&label, &e.message(lang), lang),
        None => e.display(lang),
    };
    StoreText::ImportRefused {
        file,
        detail: &detail,
    }
    .say(lang)
}

/// Undo: the deleted scenario back in the list, and open again when it was.
fn undo_delete(ctx: Ctx, undo: RwSignal<Option<Undo>>) {
    if let Some(Undo {
        deleted,
        was_current,
        ..
    }) = undo.get_untracked()
    {
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
}

/// A rename in progress: the saved scenario's id and the name typed so far.
type Renaming = RwSignal<Option<(String, String)>>;

/// The saved scenarios as markup: each its name and last change (or, while it is renamed, the
/// name being typed and OK), and its buttons (`data-action`, `data-id`).
fn saved_list_html(
    list: &[SavedMeta],
    current: Option<&str>,
    renaming: Option<(&str, &str)>,
    lang: Lang,
) -> Markup {
    let mut m = Markup::new();
    for s in list {
        let id = s.id.as_str();
        if current == Some(id) {
            m.open("li", &[("class", "current")]);
        } else {
            m.open("li", &[]);
        }
        match renaming {
            Some((r, typed)) if r == id => {
                m.open(
                    "input",
                    &[
                        ("type", "text"),
                        ("aria-label", ui::NEW_NAME.get(lang)),
                        ("value", typed),
                        ("data-id", id),
                    ],
                );
                button(&mut m, "rename-ok", &[("data-id", id)], ui::OK.get(lang));
            }
            _ => {
                let when = dom::local_time(&s.updated);
                m.el(
                    "span",
                    &[("class", "saved-name")],
                    &crate::text::neutral(&s.name),
                );
                m.el("span", &[("class", "muted small")], &when);
            }
        }
        m.open("span", &[("class", "item-actions")]);
        let open = [("data-id", id), ("data-testid", "open-saved")];
        button(&mut m, "open", &open, ui::OPEN.get(lang));
        button(&mut m, "rename", &[("data-id", id)], ui::RENAME.get(lang));
        button(
            &mut m,
            "duplicate",
            &[("data-id", id)],
            ui::DUPLICATE.get(lang),
        );
        let delete = [("data-id", id), ("data-testid", "delete-saved")];
        button(&mut m, "delete", &delete, ui::DELETE.get(lang));
        m.close("span").close("li");
    }
    m
}

/// `<button data-action …attrs>label</button>`: a button of a part drawn as markup, which that
/// part's one listener tells apart by its `data-action` (and `data-id`, when it has one), as
/// [`clicked`] reads them.
pub(super) fn button(
    m: &mut Markup,
    action: &'static str,
    attrs: &[(&'static str, &str)],
    label: &str,
) {
    let mut all = vec![("type", "button"), ("data-action", action)];
    all.extend_from_slice(attrs);
    m.el("button", &all, label);
}

/// The `data-action` and `data-id` (empty when it has none) of the button a click landed in, if
/// any.
pub(super) fn clicked(ev: &leptos::ev::MouseEvent) -> Option<(String, String)> {
    let button = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())?
        .closest("button[data-action]")
        .ok()??;
    Some((
        button.get_attribute("data-action")?,
        button.get_attribute("data-id").unwrap_or_default(),
    ))
}

/// A rename's OK (or Enter in its box): the name typed, trimmed, kept; an empty one changes
/// nothing, so that no scenario is left without a name.
fn finish_rename(ctx: Ctx, id: &str, renaming: Renaming) {
    dom::focus_next(".saved-list", "rename");
    let n = renaming
        .with_untracked(|r| r.as_ref().map(|(_, n)| n.trim().to_string()))
        .unwrap_or_default();
    renaming.set(None);
    if n.is_empty() {
        return;
    }
    match ctx.write(|st| st.rename(id, &n, &dom::now_iso())) {
        Ok(Revised { rev, name }) if ctx.current_id.get_untracked().as_deref() == Some(id) => {
            ctx.edit(|f| f.name.clone_from(&name));
            ctx.saved_copy.update(|c| {
                if let Some(c) = c {
                    c.name = name;
                }
            });
            ctx.current_rev.set(rev);
        }
        Ok(_) => {}
        Err(e) => say_failed(ctx, e, |err| StoreText::RenameFailed { err }),
    }
}

/// A key in a rename's box: Enter is OK, Escape leaves the name as it was; neither while an input
/// method is composing (拼音 candidates are chosen with Enter and dismissed with Escape; Safari
/// sends that Enter after the composition ends, as key code 229).
fn on_rename_key(ctx: Ctx, ev: &leptos::ev::KeyboardEvent, renaming: Renaming) {
    if ev.is_composing() || ev.key_code() == 229 {
        return;
    }
    let Some(id) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.get_attribute("data-id"))
    else {
        return;
    };
    match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            finish_rename(ctx, &id, renaming);
        }
        "Escape" => {
            dom::focus_next(".saved-list", "rename");
            renaming.set(None);
        }
        _ => {}
    }
}

/// A click on a saved scenario's button: open, rename (and its OK), duplicate, delete.
fn on_saved_click(
    ctx: Ctx,
    ev: &leptos::ev::MouseEvent,
    saved: Memo<Vec<SavedMeta>>,
    undo: RwSignal<Option<Undo>>,
    renaming: Renaming,
) {
    let Some((action, id)) = clicked(ev) else {
        return;
    };
    let name = saved.with_untracked(|l| l.iter().find(|m| m.id == id).map(|m| m.name.clone()));
    match action.as_str() {
        "open" => open_saved(ctx, &id),
        // Pressed again while that row is renamed: the name typed so far stays.
        "rename" if renaming.with_untracked(|r| r.as_ref().is_some_and(|(r, _)| *r == id)) => {}
        "rename" => {
            dom::focus_next(".saved-list", "input");
            renaming.set(Some((id, name.unwrap_or_default())));
        }
        "rename-ok" => finish_rename(ctx, &id, renaming),
        "duplicate" => {
            if let Err(e) =
                ctx.write(|st| st.duplicate(&id, &dom::now_iso(), ctx.lang.get_untracked()))
            {
                say_failed(ctx, e, |err| StoreText::DuplicateFailed { err });
            }
        }
        "delete" => match ctx.write(|st| st.delete(&id)) {
            Ok(deleted) => {
                let was_current = ctx.current_id.get_untracked().as_deref() == Some(id.as_str());
                if was_current {
                    ctx.current_id.set(None);
                    ctx.saved_copy.set(None);
                }
                undo.set(Some(Undo {
                    name: name.unwrap_or_default(),
                    deleted,
                    was_current,
                }));
            }
            Err(e) => say_failed(ctx, e, |err| StoreText::DeleteFailed { err }),
        },
        _ => {}
    }
}
