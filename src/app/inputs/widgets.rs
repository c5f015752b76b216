//! The form's building blocks: a labelled text field with its unit, hint and message, a
//! checkbox, a choice, a section, and an editable list of labelled amounts.

use super::super::Ctx;
use super::rows::{list_rows, remove_button, remove_row};
use crate::engine::money::{amount_to_fen, format_yuan};
use crate::form::paths::labelled;
use crate::form::{FormState, LabelledAmount, UNFINISHED_DATE};
use leptos::prelude::*;
use std::sync::Arc;

pub(super) use crate::text::app::inputs::{unit, NONE, YEAR_360, YEAR_365};
pub(super) use crate::text::Text;

/// How a text field is typed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Money,
    Number,
    Rate,
    Date,
    /// A billed period's first day, suggested from `#billed-periods`.
    Period,
}

pub(in crate::app) fn dom_id(path: &str) -> String {
    let anchor = crate::store::opening::FIELD_ANCHOR;
    format!("{anchor}{}", path.replace(['.', '[', ']'], "-"))
}

pub(super) type GetText = Arc<dyn Fn(&FormState) -> String + Send + Sync>;

pub(super) type SetText = Arc<dyn Fn(&mut FormState, String) + Send + Sync>;

/// One labelled input bound to a form field, with its unit, hint and error message. The getter
/// and setter capture nothing (a list row's field, which needs its index, calls [`field_view`]):
/// as plain function pointers they share one body instead of one per field.
// Every call site names its field in one line: label, hint, unit, kind, getter, setter.
#[allow(clippy::too_many_arguments)]
pub(super) fn field(
    ctx: Ctx,
    path: String,
    label: Text,
    hint: Text,
    unit: Text,
    kind: Kind,
    get: fn(&FormState) -> String,
    set: fn(&mut FormState, String),
) -> AnyView {
    field_view(
        ctx,
        path,
        [label, hint],
        unit,
        kind,
        Arc::new(get),
        Arc::new(set),
    )
}

/// The one (non-generic) body behind every [`field`], so the wasm holds it once.
pub(super) fn field_view(
    ctx: Ctx,
    path: String,
    texts: [Text; 2],
    unit: Text,
    kind: Kind,
    get: GetText,
    set: SetText,
) -> AnyView {
    let [label, hint] = texts;
    let id = dom_id(&path);
    let err_id = format!("{id}-err");
    let hint_id = format!("{id}-hint");
    let error = {
        let path = path.clone();
        Memo::new(move |_| ctx.error_at(&path))
    };
    let (input_type, mode) = match kind {
        Kind::Date => ("date", "numeric"),
        Kind::Text | Kind::Period => ("text", "text"),
        Kind::Number => ("text", "numeric"),
        Kind::Money | Kind::Rate => ("text", "decimal"),
    };
    // The input shows what the user types; the form is read back only when it is changed by
    // something else (a scenario opened, a preset, a rename): `ctx.generation` counts those.
    let typed = Trigger::new();
    let value = {
        let get = get.clone();
        move || {
            ctx.generation.track();
            ctx.form.with_untracked(|f| get(f))
        }
    };
    let echo = {
        let value = value.clone();
        move || {
            if kind != Kind::Money {
                return None;
            }
            typed.track();
            let text = value();
            let amount = amount_to_fen(&text)?;
            (text.contains('万') || text.contains('亿'))
                .then(|| format!("= {}", format_yuan(amount)))
        }
    };
    let set_on_blur = set.clone();
    // A date as it was when the field took the focus (or the first date it was given, when it
    // held none). Typing into a date's parts passes through other dates (the day "3" of "30"
    // gives 2025-02-03 for a moment): once what is typed stops being a date, the form goes back
    // to this one, so that neither the figures kept nor the autosaved draft are those of a date
    // nobody meant.
    let before_edit: StoredValue<Option<String>> = StoredValue::new(None);
    let get_on_focus = get.clone();
    let get_on_input = get.clone();
    let get_on_blur = get.clone();
    let unit_view = (unit != NONE).then(|| view! { <span class="unit">{ctx.t(unit)}</span> });
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                <span class="zh-en" data-zh=label.0 data-en=label.1>
                    {ctx.t(label)}
                </span>
                {unit_view}
            </label>
            <input
                id=id.clone()
                type=input_type
                inputmode=mode
                autocomplete="off"
                list=(kind == Kind::Period).then_some("billed-periods")
                data-path=path.clone()
                aria-describedby=format!("{hint_id} {err_id}")
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=value
                on:focus=move |_| {
                    if kind == Kind::Date {
                        before_edit.set_value(Some(ctx.form.with_untracked(|f| get_on_focus(f))));
                    }
                }
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    if kind == Kind::Date
                        && (year_being_typed(&v) || (v.is_empty() && half_typed(&ev)))
                    {
                        let now = ctx.form.with_untracked(|f| get_on_input(f));
                        if let Some(before) = before_edit.get_value().filter(|b| *b != now) {
                            ctx.form.update(|f| set(f, before));
                        }
                        return;
                    }
                    if kind == Kind::Date
                        && before_edit.with_value(|b| b.as_deref().is_some_and(|b| !is_date(b)))
                    {
                        before_edit.set_value(Some(v.clone()));
                    }
                    ctx.form.update(|f| set(f, v));
                    typed.notify();
                }
                on:blur=move |ev| {
                    if kind != Kind::Date {
                        return;
                    }
                    before_edit.set_value(None);
                    let v = event_target_value(&ev);
                    let unfinished = date_left(
                        &v,
                        half_typed(&ev),
                        || { ctx.form.with_untracked(|f| get_on_blur(f).is_empty()) },
                    );
                    if let Some(text) = unfinished {
                        ctx.form.update(|f| set_on_blur(f, text));
                    }
                }
            />
            {move || echo().map(|t| view! { <span class="echo">{t}</span> })}
            <p class="hint" id=hint_id.clone()>
                {ctx.t(hint)}
            </p>
            <p class="field-error" id=err_id.clone() role="alert">
                {move || error.get()}
            </p>
        </div>
    }
    .into_any()
}

/// A date input's value that is a date (`2025-12-31`), read as the document reads dates (not by
/// chrono's format parser, which would add its strftime machinery to the wasm).
fn is_date(value: &str) -> bool {
    crate::document::read::parse_date(value).is_some()
}

/// What the form takes from a date input as it loses the focus showing `value`: a year still
/// being typed, an unfinished date (refused by name), or an empty field, when the form still
/// holds a date: its parts were cleared one by one, and the browser sent no input for the last.
/// `None`: the form already holds what the field shows.
fn date_left(value: &str, half_typed: bool, form_empty: impl Fn() -> bool) -> Option<String> {
    if year_being_typed(value) {
        Some(value.to_string())
    } else if value.is_empty() && half_typed {
        Some(UNFINISHED_DATE.to_string())
    } else if value.is_empty() && !form_empty() {
        Some(String::new())
    } else {
        None
    }
}

/// A date input's value while its year is still being typed (`0002-01-01`).
pub(super) fn year_being_typed(value: &str) -> bool {
    value
        .get(..4)
        .and_then(|y| y.parse::<u32>().ok())
        .is_some_and(|y| y < 1000)
}

/// Whether the input holds something the browser cannot read yet (a date half typed), as
/// opposed to being cleared on purpose.
pub(super) fn half_typed(ev: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.validity().bad_input())
}

/// A checkbox that switches an optional clause on or off.
pub(super) fn toggle(
    ctx: Ctx,
    id: &'static str,
    label: Text,
    get: fn(&FormState) -> bool,
    set: fn(&mut FormState, bool),
) -> AnyView {
    toggle_view(ctx, id, label, Arc::new(get), Arc::new(set))
}

/// A yes/no read off the form (a clause switched on, a rate's form), which the parts it shows or
/// hides follow. A plain function pointer, so every such flag shares one memo body in the wasm.
pub(super) fn form_flag(ctx: Ctx, get: fn(&FormState) -> bool) -> Memo<bool> {
    Memo::new(move |_| ctx.form.with(get))
}

#[allow(clippy::type_complexity)]
pub(super) fn toggle_view(
    ctx: Ctx,
    id: &'static str,
    label: Text,
    get: Arc<dyn Fn(&FormState) -> bool + Send + Sync>,
    set: Arc<dyn Fn(&mut FormState, bool) + Send + Sync>,
) -> AnyView {
    let checked = Memo::new(move |_| ctx.form.with(|f| get(f)));
    view! {
        <label class="toggle" for=id>
            <input
                id=id
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    ctx.form.update(|f| set(f, on));
                }
            />
            <span>{ctx.t(label)}</span>
        </label>
    }
    .into_any()
}

/// The options of a [`choice`], each named by `name`.
pub(super) fn options<T: Copy>(values: &[T], name: fn(T) -> Text) -> Vec<(T, Text)> {
    values.iter().map(|v| (*v, name(*v))).collect()
}

/// A choice among fixed options.
pub(super) fn choice<T>(
    ctx: Ctx,
    path: impl Into<String>,
    label: Text,
    hint: Text,
    options: Vec<(T, Text)>,
    get: impl Fn(&FormState) -> T + Send + Sync + 'static,
    set: impl Fn(&mut FormState, T) + Send + Sync + 'static,
) -> AnyView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let values: Vec<T> = options.iter().map(|o| o.0).collect();
    let texts: Vec<Text> = options.iter().map(|o| o.1).collect();
    let index_of = {
        let values = values.clone();
        // A value the options do not hold (loaded from a document) selects the last, hidden one.
        move |f: &FormState| {
            values
                .iter()
                .position(|v| *v == get(f))
                .unwrap_or(values.len())
        }
    };
    let set_index = move |f: &mut FormState, i: usize| {
        if let Some(v) = values.get(i).copied() {
            set(f, v);
        }
    };
    choice_view(
        ctx,
        path.into(),
        [label, hint],
        texts,
        Arc::new(index_of),
        Arc::new(set_index),
    )
}

#[allow(clippy::type_complexity)]
pub(super) fn choice_view(
    ctx: Ctx,
    path: String,
    texts: [Text; 2],
    options: Vec<Text>,
    get: Arc<dyn Fn(&FormState) -> usize + Send + Sync>,
    set: Arc<dyn Fn(&mut FormState, usize) + Send + Sync>,
) -> AnyView {
    let [label, hint] = texts;
    let id = dom_id(&path);
    let err_id = format!("{id}-err");
    let error = Memo::new(move |_| ctx.error_at(&path));
    let selected = Memo::new(move |_| ctx.form.with(|f| get(f)));
    let count = options.len();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                <span class="zh-en" data-zh=label.0 data-en=label.1>
                    {ctx.t(label)}
                </span>
            </label>
            <select
                id=id
                aria-describedby=err_id.clone()
                on:change=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                    ctx.form.update(|f| set(f, i));
                }
            >
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| {
                        view! {
                            <option value=i.to_string() prop:selected=move || selected.get() == i>
                                {ctx.t(text)}
                            </option>
                        }
                    })
                    .collect_view()}
                <option
                    value=count.to_string()
                    disabled
                    hidden=move || selected.get() != count
                    prop:selected=move || selected.get() == count
                >
                    {ctx.t(crate::text::app::inputs::AS_LOADED)}
                </option>
            </select>
            <p class="hint">{ctx.t(hint)}</p>
            <p class="field-error" id=err_id role="alert">
                {move || error.get()}
            </p>
        </div>
    }
    .into_any()
}

pub(super) fn section(
    ctx: Ctx,
    id: &'static str,
    title: Text,
    clause: Text,
    body: impl IntoView + 'static,
) -> AnyView {
    section_view(ctx, id, [title, clause], body.into_any())
}

pub(super) fn section_view(ctx: Ctx, id: &'static str, texts: [Text; 2], body: AnyView) -> AnyView {
    let [title, clause] = texts;
    view! {
        <fieldset class="section" id=id>
            <legend>{ctx.t(title)}</legend>
            <p class="clause">{ctx.t(clause)}</p>
            {body}
        </fieldset>
    }
    .into_any()
}

/// An editable list of labelled amounts (fee components, listed losses): label, amount, remove.
/// `lists`: the list's path and a row's field's path ([`crate::form::paths::component`],
/// [`crate::form::paths::loss`]);
/// `texts`: the group's name, the label field, the amount field, the remove button.
pub(super) fn labelled_amount_rows(
    ctx: Ctx,
    lists: (&'static str, fn(usize, &str) -> String),
    list: fn(&FormState) -> &Vec<LabelledAmount>,
    list_mut: fn(&mut FormState) -> &mut Vec<LabelledAmount>,
    texts: [Text; 4],
) -> AnyView {
    let [group, label, amount, remove] = texts;
    let (path, row) = lists;
    let draw = move |i: usize| {
        view! {
            <div class="row">
                {field_view(
                    ctx,
                    row(i, labelled::LABEL),
                    [label, NONE],
                    NONE,
                    Kind::Text,
                    Arc::new(move |f| list(f).get(i).map(|c| c.label.clone()).unwrap_or_default()),
                    Arc::new(move |f, v| {
                        if let Some(c) = list_mut(f).get_mut(i) {
                            c.label = v;
                        }
                    }),
                )}
                {field_view(
                    ctx,
                    row(i, labelled::AMOUNT),
                    [amount, NONE],
                    unit::YUAN,
                    Kind::Money,
                    Arc::new(move |f| list(f).get(i).map(|c| c.amount.clone()).unwrap_or_default()),
                    Arc::new(move |f, v| {
                        if let Some(c) = list_mut(f).get_mut(i) {
                            c.amount = v;
                        }
                    }),
                )}
                {remove_button(ctx, path, remove, i, Arc::new(move |f| remove_row(list_mut(f), i)))}
            </div>
        }
        .into_any()
    };
    list_rows(
        ctx,
        path,
        Some(group),
        Arc::new(move |f| list(f).len()),
        Arc::new(draw),
    )
}
