//! Editable lists: the rows of a list, a text field bound to a field of row `i`, the "×" button
//! that removes a row, and the chip buttons that add one. Each is one non-generic body (closures
//! boxed, or plain `fn` pointers), so the wasm holds it once however many lists use it.

use super::super::Ctx;
use super::widgets::{field_view, Kind, Text};
use crate::form::paths::row_of;
use crate::form::rows_shown::RowsShown;
use crate::form::FormState;
use crate::text::app::inputs::show_more_rows;
use leptos::prelude::*;
use std::sync::Arc;

/// How many rows a list has.
pub(super) type Count = Arc<dyn Fn(&FormState) -> usize + Send + Sync>;

/// Row `i` of a list, drawn.
pub(super) type RowView = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;

/// A change to the form made by a button.
pub(super) type Edit = Arc<dyn Fn(&mut FormState) + Send + Sync>;

/// The text of a field of row `i`, to read.
pub(super) type RowGet = fn(&FormState, usize) -> Option<&String>;

/// The text of a field of row `i`, to write.
pub(super) type RowSet = fn(&mut FormState, usize) -> Option<&mut String>;

/// The rows of the editable list at JSON path `list`, one `row` per element. A long list draws
/// only some rows ([`RowsShown`]), with a button for more where the others would be, so that
/// drawing a list costs at most the rows shown (a hundred at first), however long it is.
/// `group`: the list's name when it is a `role="group"` of its own.
pub(super) fn list_rows(
    ctx: Ctx,
    list: &'static str,
    group: Option<Text>,
    count: Count,
    row: RowView,
) -> AnyView {
    let count = Memo::new(move |_| ctx.form.with(|f| count(f)));
    let asked = RwSignal::new(0u32);
    let shown = Memo::new(move |before: Option<&RowsShown>| {
        let last_wrong = ctx
            .errors
            .with(|e| e.iter().filter_map(|e| row_of(list, &e.path)).max());
        RowsShown::next(before.copied(), count.get(), asked.get(), last_wrong)
    });
    let more = move || {
        let s = shown.get();
        (s.hidden() > 0).then(|| {
            let more = RowsShown::AT_ONCE.min(s.hidden());
            view! {
                <button
                    type="button"
                    class="chip show-more"
                    data-testid="show-more-rows"
                    on:click=move |_| asked.update(|n| *n += 1)
                >
                    {move || show_more_rows(more, s.hidden(), ctx.lang.get())}
                </button>
            }
        })
    };
    // The head and the tail are drawn again only when they change: typing into a row redraws
    // nothing, adding one redraws the tail (or, to a list drawn whole, the list).
    let head = Memo::new(move |_| shown.get().head);
    let tail = Memo::new(move |_| shown.get().tail);
    let head_row = row.clone();
    let rows = view! {
        {move || (0..head.get()).map(|i| head_row(i)).collect_view()}
        {more}
        {move || (tail.get()..count.get()).map(|i| row(i)).collect_view()}
    };
    match group {
        Some(group) => view! {
            <div class="rows" role="group" aria-label=ctx.t(group)>
                {rows}
            </div>
        }
        .into_any(),
        None => view! { <div class="rows">{rows}</div> }.into_any(),
    }
}

/// A text field of row `i` (a payment's date, a fixing's rate), empty once the row is gone.
/// `texts`: the label and the hint.
#[allow(clippy::too_many_arguments)]
pub(super) fn row_field(
    ctx: Ctx,
    i: usize,
    path: String,
    texts: [Text; 2],
    unit: Text,
    kind: Kind,
    get: RowGet,
    set: RowSet,
) -> AnyView {
    field_view(
        ctx,
        path,
        texts,
        unit,
        kind,
        Arc::new(move |f| get(f, i).cloned().unwrap_or_default()),
        Arc::new(move |f, v| {
            if let Some(text) = set(f, i) {
                *text = v;
            }
        }),
    )
}

/// Removes row `i` of `rows` if it is still there.
pub(super) fn remove_row<T>(rows: &mut Vec<T>, i: usize) {
    if i < rows.len() {
        rows.remove(i);
    }
}

/// The "×" button that removes a row (`remove`), named `label` for screen readers.
pub(super) fn remove_button(ctx: Ctx, label: Text, remove: Edit) -> AnyView {
    view! {
        <button
            type="button"
            class="remove"
            aria-label=ctx.t(label)
            on:click=move |_| { ctx.edit(|f| remove(f)) }
        >
            "×"
        </button>
    }
    .into_any()
}

/// A chip button (add a row, apply a preset) labelled `label` that runs `click`.
pub(super) fn chip(
    ctx: Ctx,
    testid: Option<&'static str>,
    label: Text,
    click: Arc<dyn Fn() + Send + Sync>,
) -> AnyView {
    view! {
        <button type="button" class="chip" data-testid=testid on:click=move |_| click()>
            {ctx.t(label)}
        </button>
    }
    .into_any()
}
