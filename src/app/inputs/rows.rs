//! Editable lists: the rows of a list, a text field bound to a field of row `i`, the "×" button
//! that removes a row, and the chip buttons that add one. Each is one non-generic body (closures
//! boxed, or plain `fn` pointers), so the wasm holds it once however many lists use it.

use super::super::Ctx;
use super::widgets::{field_view, Kind, Text};
use crate::form::paths::row_of;
use crate::form::rows_shown::RowsShown;
use crate::form::FormState;
use crate::text::app::inputs::{row_at, row_removed, show_more_rows};
use crate::text::app::library::UNDO;
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
/// no change draws more than [`RowsShown::AT_ONCE`] rows, however long the list.
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
    // The rows with an error, as the form reads now (not the messages shown, which follow it).
    let wrong = Memo::new(move |_| {
        ctx.parsed.with(|p| {
            p.as_ref()
                .err()
                .map(|e| e.iter().filter_map(|e| row_of(list, &e.path)).collect())
                .unwrap_or_default()
        })
    });
    // The rows shown, and the scenario loaded ([`Ctx::loads`]) they were worked out for: another
    // scenario loaded whole is another list, even of the same length.
    let shown = Memo::new(move |before: Option<&(RowsShown, u32)>| {
        let loads = ctx.loads.get();
        let before = before.filter(|(_, l)| *l == loads).map(|(b, _)| b);
        let rows = count.get();
        // The row a "×" of this list removed, when that removal is the form's last change.
        let removed = before.filter(|b| rows + 1 == b.rows).and_then(|_| {
            let generation = ctx.generation.get_untracked();
            ctx.removed_row.with_untracked(|r| {
                r.as_ref()
                    .filter(|r| r.list == list && r.generation == generation)
                    .map(|r| r.row)
            })
        });
        let next =
            wrong.with(|w: &Vec<usize>| RowsShown::next(before, rows, asked.get(), w, removed));
        (next, loads)
    });
    let head = Memo::new(move |_| shown.with(|s| s.0.head));
    let tail = Memo::new(move |_| shown.with(|s| s.0.tail));
    let pinned = Memo::new(move |_| shown.with(|s| s.0.pinned.clone()));
    let hidden = move || shown.with(|s| s.0.hidden());
    // The button is made when rows are first hidden and stays while some are: it keeps the
    // focus that pressed it.
    let any_hidden = Memo::new(move |_| hidden() > 0);
    let more = move || {
        any_hidden.get().then(|| {
            view! {
                <button
                    type="button"
                    class="chip show-more"
                    data-testid="show-more-rows"
                    on:click=move |_| asked.update(|n| *n += 1)
                >
                    {move || {
                        let hidden = hidden();
                        show_more_rows(RowsShown::AT_ONCE.min(hidden), hidden, ctx.lang.get())
                    }}
                </button>
            }
        })
    };
    let rows = view! {
        {head_chunk(0, head, row.clone())}
        {pinned_slot(ctx, 0, pinned, row.clone())}
        {more}
        {move || (tail.get()..count.get()).map(|i| row(i)).collect_view()}
        {undo_removal(ctx, list)}
    };
    match group {
        Some(group) => view! {
            <div class="rows" role="group" aria-label=ctx.t(group) data-zh=group.0 data-en=group.1>
                {rows}
            </div>
        }
        .into_any(),
        None => view! { <div class="rows">{rows}</div> }.into_any(),
    }
}

/// Rows `c × AT_ONCE` onwards of the head, drawn a chunk at a time, each chunk followed by the
/// next one's: a chunk is drawn again only when its own rows change, so "show more" draws the
/// new chunk alone, and a row added to a long list drawn whole redraws its last chunk.
fn head_chunk(c: usize, head: Memo<usize>, row: RowView) -> AnyView {
    let from = c * RowsShown::AT_ONCE;
    let len = Memo::new(move |_| head.get().saturating_sub(from).min(RowsShown::AT_ONCE));
    let more = Memo::new(move |_| head.get() > from + RowsShown::AT_ONCE);
    let next = row.clone();
    view! {
        {move || (from..from + len.get()).map(|i| row(i)).collect_view()}
        {move || more.get().then(|| head_chunk(c + 1, head, next.clone()))}
    }
    .into_any()
}

/// The `k`th row pinned ([`RowsShown::pinned`]), with its number, as it is out of sequence, then
/// the next one's slot: a slot is drawn again only when its own row changes, so a row pinned
/// later leaves those being corrected as they are.
fn pinned_slot(ctx: Ctx, k: usize, pinned: Memo<Vec<usize>>, row: RowView) -> AnyView {
    let at = Memo::new(move |_| pinned.with(|p| p.get(k).copied()));
    let more = Memo::new(move |_| pinned.with(|p| p.len() > k + 1));
    let next = row.clone();
    view! {
        {move || {
            at.get()
                .map(|i| {
                    view! {
                        <div class="pinned-row" data-testid="pinned-row">
                            <p class="row-at">{move || row_at(i + 1, ctx.lang.get())}</p>
                            {row(i)}
                        </div>
                    }
                })
        }}
        {move || more.get().then(|| pinned_slot(ctx, k + 1, pinned, next.clone()))}
    }
    .into_any()
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

/// The "×" button that removes row `i` of the list at `list` (`remove`), named `label` for screen
/// readers; the row is then offered back ([`crate::app::RemovedRow`]), the focus on that offer.
pub(super) fn remove_button(
    ctx: Ctx,
    list: &'static str,
    label: Text,
    i: usize,
    remove: Edit,
) -> AnyView {
    view! {
        <button
            type="button"
            class="remove"
            aria-label=ctx.t(label)
            on:click=move |_| {
                let before = ctx.form.get_untracked();
                ctx.edit(|f| remove(f));
                ctx.removed_row
                    .set(
                        Some(
                            Arc::new(crate::app::RemovedRow {
                                list,
                                row: i,
                                before,
                                generation: ctx.generation.get_untracked(),
                            }),
                        ),
                    );
                crate::app::dom::focus_soon("[data-testid=undo-remove-row]");
            }
        >
            "×"
        </button>
    }
    .into_any()
}

/// "Row 3 removed · Undo" under the list whose row a "×" just removed, while nothing else has
/// changed: Undo puts the form back as it was before.
fn undo_removal(ctx: Ctx, list: &'static str) -> impl IntoView {
    move || {
        let row = ctx
            .removed_row
            .with(|r| r.as_ref().filter(|r| r.list == list).map(|r| r.row))?;
        Some(view! {
            <p class="undo-row" role="status" data-testid="row-removed">
                <span>{move || row_removed(row + 1, ctx.lang.get())}</span>
                <button
                    type="button"
                    class="chip"
                    data-testid="undo-remove-row"
                    on:click=move |_| {
                        if let Some(r) = ctx.removed_row.get_untracked() {
                            ctx.removed_row.set(None);
                            ctx.edit(|f| *f = r.before.clone());
                        }
                    }
                >
                    {ctx.t(UNDO)}
                </button>
            </p>
        })
    }
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
