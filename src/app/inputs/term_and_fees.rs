//! The contract's term (start, end or months, renewal) and its fees per billing cycle (spec §1),
//! with the offer to restate amounts when the cycle changes.

use super::super::Ctx;
use super::rows::chip;
use super::widgets::*;
use crate::engine::money::{amount_to_fen, format_yuan};
use crate::engine::scenario::{Cycle, PartialCycle};
use crate::form::{paths, EndMode, FormState, LabelledAmount};
use crate::text::app::inputs::term_and_fees as ui;
use crate::text::terms;
use leptos::prelude::*;
use std::sync::Arc;

pub(super) fn contract(ctx: Ctx) -> impl IntoView {
    let months = form_flag(ctx, |f| f.end_mode == EndMode::Months);
    section(
        ctx,
        "sec-contract",
        ui::CONTRACT,
        ui::CONTRACT_CLAUSE,
        view! {
            <div class="grid">
                {field(
                    ctx,
                    paths::NAME.into(),
                    ui::SCENARIO_NAME,
                    ui::SCENARIO_NAME_HINT,
                    NONE,
                    Kind::Text,
                    |f| f.name.clone(),
                    |f, v| f.name = v,
                )}
                {field(
                    ctx,
                    paths::CONTRACT_START.into(),
                    ui::FIRST_DAY_SERVICE,
                    ui::FIRST_DAY_SERVICE_HINT,
                    NONE,
                    Kind::Date,
                    |f| f.start.clone(),
                    |f, v| f.start = v,
                )}
                {choice(
                    ctx,
                    paths::CONTRACT_END_MODE,
                    ui::TERM_GIVEN,
                    ui::TERM_GIVEN_HINT,
                    vec![(EndMode::Date, ui::END_DATE), (EndMode::Months, ui::END_MONTHS)],
                    |f| f.end_mode,
                    FormState::set_end_mode,
                )}
                {move || {
                    if months.get() {
                        field(
                                ctx,
                                paths::CONTRACT_TERM_MONTHS.into(),
                                ui::TERM,
                                ui::TERM_HINT,
                                unit::MONTHS,
                                Kind::Number,
                                |f| f.term_months.clone(),
                                |f, v| f.term_months = v,
                            )
                            .into_any()
                    } else {
                        field(
                                ctx,
                                paths::CONTRACT_END.into(),
                                ui::LAST_DAY_SERVICE,
                                ui::LAST_DAY_SERVICE_HINT,
                                NONE,
                                Kind::Date,
                                |f| f.end.clone(),
                                |f, v| f.end = v,
                            )
                            .into_any()
                    }
                }}
                {field(
                    ctx,
                    paths::CONTRACT_RENEWAL_MONTHS.into(),
                    ui::AUTO_RENEWAL,
                    ui::AUTO_RENEWAL_HINT,
                    unit::MONTHS,
                    Kind::Number,
                    |f| f.renewal_months.clone(),
                    |f, v| f.renewal_months = v,
                )}
                {field(
                    ctx,
                    paths::AS_OF.into(),
                    ui::EVALUATION_DATE,
                    ui::EVALUATION_DATE_HINT,
                    NONE,
                    Kind::Date,
                    |f| f.as_of.clone(),
                    |f, v| f.as_of = v,
                )}
            </div>
        },
    )
}

/// The note under the billing cycle after it changed.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum CycleNote {
    /// From one cycle to another; `moved`: payments designated for a period moved with it;
    /// `before`: the contract total before the change, which restating the amounts aims at.
    Changed {
        from: Cycle,
        to: Cycle,
        moved: bool,
        before: Option<String>,
    },
    /// The amounts were restated, and the contract total moved from `before` to `after`.
    Restated { before: String, after: String },
}

/// The contract total of the figures shown.
fn shown_total(ctx: Ctx) -> Option<String> {
    ctx.shown.with(|(f, _)| {
        f.as_ref()
            .map(crate::app::Figures::parts)
            .map(|(_, r)| format_yuan(r.total_fees.contract_total))
    })
}

/// The contract total the form gives now, summed at once from its term's cycles as the engine
/// sums it (§1), without computing every other figure (they follow a moment later).
fn form_total(ctx: Ctx) -> Option<String> {
    ctx.form.with_untracked(|f| {
        let s = f.to_scenario().ok()?;
        let term = crate::engine::compute::term_cycles(&s);
        Some(format_yuan(crate::engine::fees::total(&term)))
    })
}

/// The per-cycle amounts stay per cycle when the cycle changes; this says so and offers to
/// restate them in proportion to months, then says whether the total moved.
pub(super) fn cycle_change_note(ctx: Ctx, note: RwSignal<Option<CycleNote>>) -> impl IntoView {
    move || {
        note.get().map(|n| match n {
            CycleNote::Changed {
                from,
                to,
                moved,
                before,
            } => {
                let total = shown_total(ctx).unwrap_or_default();
                view! {
                    <div class="notice" role="status" data-testid="cycle-note">
                        <p>{move || ui::amounts_stay_per(to, &total, ctx.lang.get())}</p>
                        {moved.then(|| view! { <p>{ctx.t(ui::DESIGNATIONS_MOVED)}</p> })}
                        <button
                            type="button"
                            class="chip"
                            data-testid="convert-cycle"
                            on:click=move |_| {
                                ctx.edit(|f| f.convert_cycle_amounts(from, to));
                                let after = form_total(ctx);
                                note.set(
                                    before
                                        .clone()
                                        .zip(after)
                                        .filter(|(b, a)| b != a)
                                        .map(|(before, after)| CycleNote::Restated {
                                            before,
                                            after,
                                        }),
                                );
                            }
                        >
                            {move || ui::restate_amounts(from, to, ctx.lang.get())}
                        </button>
                        <button type="button" class="chip" on:click=move |_| note.set(None)>
                            {ctx.t(ui::KEEP_AMOUNTS)}
                        </button>
                    </div>
                }
                .into_any()
            }
            CycleNote::Restated { before, after } => view! {
                <div class="notice" role="status" data-testid="cycle-note">
                    <p>{move || ui::restated_total(&before, &after, ctx.lang.get())}</p>
                    <button type="button" class="chip" on:click=move |_| note.set(None)>
                        {ctx.t(ui::GOT_IT)}
                    </button>
                </div>
            }
            .into_any(),
        })
    }
}

pub(super) fn fees(ctx: Ctx) -> impl IntoView {
    let change: RwSignal<Option<CycleNote>> = RwSignal::new(None);
    let cycle_fee = move || {
        ctx.form.with(|f| {
            f.components
                .iter()
                .map(|c| amount_to_fen(&c.amount))
                .sum::<Option<rust_decimal::Decimal>>()
                .map(format_yuan)
        })
    };
    section(
        ctx,
        "sec-fees",
        ui::FEES,
        ui::FEES_CLAUSE,
        view! {
            <div class="grid">
                {choice(
                    ctx,
                    paths::FEES_CYCLE,
                    ui::BILLING_CYCLE,
                    ui::BILLING_CYCLE_HINT,
                    options(&[Cycle::Monthly, Cycle::Quarterly, Cycle::Yearly], terms::cycle),
                    |f| f.cycle.unwrap_or(Cycle::Monthly),
                    move |f, v| {
                        let old = f.cycle.unwrap_or(Cycle::Monthly);
                        let redesignated = f.set_cycle(v);
                        if old != v {
                            change
                                .set(
                                    Some(CycleNote::Changed {
                                        from: old,
                                        to: v,
                                        moved: redesignated.moved,
                                        before: shown_total(ctx),
                                    }),
                                );
                        }
                        if redesignated.rewritten {
                            set_timeout(
                                move || ctx.generation.update(|g| *g = g.wrapping_add(1)),
                                std::time::Duration::ZERO,
                            );
                        }
                    },
                )}
                {choice(
                    ctx,
                    paths::FEES_PARTIAL_CYCLE,
                    ui::PARTIAL_CYCLE,
                    ui::PARTIAL_CYCLE_HINT,
                    options(&[PartialCycle::ByDays, PartialCycle::Full], terms::partial_cycle),
                    |f| f.partial_cycle,
                    |f, v| f.partial_cycle = v,
                )}
            </div>
            {cycle_change_note(ctx, change)}
            {labelled_amount_rows(
                ctx,
                (paths::FEES_COMPONENTS, paths::component),
                |f| &f.components,
                |f| &mut f.components,
                [ui::FEE_COMPONENTS, ui::COMPONENT, ui::COMPONENT_AMOUNT, ui::REMOVE_COMPONENT],
            )}
            <div class="add-row">
                <span class="muted">{ctx.t(ui::ADD)}</span>
                {ui::COMPONENT_PRESETS
                    .iter()
                    .map(|p| {
                        let p = *p;
                        chip(
                            ctx,
                            None,
                            p,
                            Arc::new(move || {
                                ctx.form
                                    .update(|f| {
                                        f.components
                                            .push(LabelledAmount {
                                                label: p.get(ctx.lang.get_untracked()).to_string(),
                                                amount: "0".into(),
                                                ..Default::default()
                                            })
                                    })
                            }),
                        )
                    })
                    .collect_view()}
                {chip(
                    ctx,
                    Some("add-component"),
                    ui::OTHER,
                    Arc::new(move || {
                        ctx.form
                            .update(|f| {
                                f.components
                                    .push(LabelledAmount {
                                        label: String::new(),
                                        amount: "0".into(),
                                        ..Default::default()
                                    })
                            })
                    }),
                )}
            </div>
            <p class="sum">
                {ctx.t(ui::PER_CYCLE)}
                <strong>{move || cycle_fee().unwrap_or_else(|| "—".into())}</strong>
            </p>
        },
    )
}
