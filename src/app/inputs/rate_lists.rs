//! The late-payment clause's lists (spec §9, §10): rate changes on a date, and LPR fixings the
//! user adds.

use super::super::Ctx;
use super::late_payment::{rate_echo, rate_unit_options};
use super::rows::*;
use super::widgets::*;
use crate::engine::scenario::{LprFixing, LprTerm};
use crate::form::paths::{self, change, fixing, rate};
use crate::form::{FormState, RateChangeRow, RateFields, RateKind};
use crate::text::app::inputs::late_payment as lp;
use crate::text::app::inputs::rate_lists as ui;
use crate::text::terms;
use leptos::prelude::*;
use std::sync::Arc;

/// The typed text of a rate change row: which one.
#[derive(Clone, Copy)]
pub(super) enum ChangeText {
    From,
    Value,
    PerDays,
    PerMonths,
    Multiple,
}

impl ChangeText {
    /// Its path in rate change `i`.
    fn path(self, i: usize) -> String {
        let rate_field = |field| paths::rate_field(&paths::rate_change(i, change::RATE), field);
        match self {
            ChangeText::From => paths::rate_change(i, change::FROM),
            ChangeText::Value => rate_field(rate::FRACTION),
            ChangeText::PerDays => rate_field(rate::PER_DAYS),
            ChangeText::PerMonths => rate_field(rate::PER_MONTHS),
            ChangeText::Multiple => rate_field(rate::LPR_MULTIPLE),
        }
    }

    fn of(self, c: &mut RateChangeRow) -> &mut String {
        match self {
            ChangeText::From => &mut c.from,
            ChangeText::Value => &mut c.rate.value,
            ChangeText::PerDays => &mut c.rate.per_days,
            ChangeText::PerMonths => &mut c.rate.per_months,
            ChangeText::Multiple => &mut c.rate.lpr_multiple,
        }
    }
}

/// One input of rate change `i`.
pub(super) fn change_field(
    ctx: Ctx,
    i: usize,
    which: ChangeText,
    label: Text,
    unit: Text,
    kind: Kind,
) -> AnyView {
    field_view(
        ctx,
        which.path(i),
        [label, NONE],
        unit,
        kind,
        Arc::new(move |f| {
            f.rate_changes
                .get(i)
                .cloned()
                .map(|mut c| which.of(&mut c).clone())
                .unwrap_or_default()
        }),
        Arc::new(move |f, v| {
            if let Some(c) = f.rate_changes.get_mut(i) {
                *which.of(c) = v;
            }
        }),
    )
}

/// §9 `rate_changes`: from a date on, the clause's rate is another (LPR × 1.3 until 2020-08-31,
/// then 日万分之五; or LPR × 4 from the filing date).
pub(super) fn rate_changes(ctx: Ctx) -> impl IntoView {
    view! {
        <div class="subsection" data-testid="rate-changes">
            <h3>{ctx.t(ui::RATE_CHANGES)}</h3>
            <p class="hint">{ctx.t(ui::RATE_CHANGES_HINT)}</p>
            {list_rows(
                ctx,
                paths::LATE_PAYMENT_RATE_CHANGES,
                Some(ui::RATE_CHANGES),
                Arc::new(|f| f.rate_changes.len()),
                Arc::new(move |i| rate_change_row(ctx, i).into_any()),
            )}
            <div class="add-row">
                {chip(
                    ctx,
                    Some("add-rate-change"),
                    ui::ADD_RATE_CHANGE,
                    Arc::new(move || ctx.edit(FormState::add_rate_change)),
                )}
            </div>
        </div>
    }
}

pub(super) fn rate_change_row(ctx: Ctx, i: usize) -> impl IntoView {
    let kind = Memo::new(move |_| {
        ctx.form
            .with(|f| f.rate_changes.get(i).map(|c| c.rate.kind))
    });
    let path = move |field: &str| paths::rate_field(&paths::rate_change(i, change::RATE), field);
    let rate = move |f: &FormState| {
        f.rate_changes
            .get(i)
            .map(|c| c.rate.clone())
            .unwrap_or_default()
    };
    let with_rate = move |f: &mut FormState, change: &dyn Fn(&mut RateFields)| {
        if let Some(c) = f.rate_changes.get_mut(i) {
            change(&mut c.rate);
        }
    };
    view! {
        <div class="row rate-change" data-testid="rate-change">
            {change_field(ctx, i, ChangeText::From, ui::FROM, NONE, Kind::Date)}
            {choice(
                ctx,
                path(rate::KIND),
                ui::THEN,
                NONE,
                vec![
                    (RateKind::Fraction, lp::RATE_FRACTION),
                    (RateKind::Monthly, ui::RATE_MONTHLY),
                    (RateKind::Lpr, lp::LPR_MULTIPLE),
                ],
                move |f| rate(f).kind,
                move |f, v| with_rate(f, &|r| r.kind = v),
            )}
            {move || match kind.get() {
                Some(RateKind::Lpr) => {
                    view! {
                        {change_field(
                            ctx,
                            i,
                            ChangeText::Multiple,
                            lp::LPR_MULTIPLE,
                            unit::TIMES_LPR,
                            Kind::Rate,
                        )}
                        {choice(
                            ctx,
                            path(rate::BASIS_DAYS),
                            lp::DAYS_PER_YEAR,
                            NONE,
                            vec![(365u32, YEAR_365), (360u32, YEAR_360)],
                            move |f| rate(f).basis_days,
                            move |f, v| with_rate(f, &|r| r.basis_days = v),
                        )}
                        {choice(
                            ctx,
                            path(rate::LPR_FIXING),
                            lp::WHICH_DAYS_LPR,
                            NONE,
                            options(
                                &[
                                    LprFixing::DueDate,
                                    LprFixing::FirstDayLate,
                                    LprFixing::ContractStart,
                                    LprFixing::Floating,
                                ],
                                ui::lpr_fixing_from_change,
                            ),
                            move |f| rate(f).lpr_fixing,
                            move |f, v| with_rate(f, &|r| r.lpr_fixing = v),
                        )}
                        {choice(
                            ctx,
                            path(rate::LPR_TERM),
                            lp::LPR_TERM,
                            NONE,
                            options(&[LprTerm::OneYear, LprTerm::FiveYear], terms::lpr_term),
                            move |f| rate(f).lpr_term,
                            move |f, v| with_rate(f, &|r| r.lpr_term = v),
                        )}
                        {rate_echo(
                            ctx,
                            "rate-change-echo",
                            move |f| f.rate_changes.get(i).map(|c| c.rate.clone()),
                        )}
                    }
                        .into_any()
                }
                Some(k) => {
                    view! {
                        {change_field(ctx, i, ChangeText::Value, ui::RATE, NONE, Kind::Rate)}
                        {choice(
                            ctx,
                            path(rate::UNIT),
                            lp::UNIT,
                            NONE,
                            rate_unit_options(),
                            move |f| rate(f).unit,
                            move |f, v| with_rate(f, &|r| r.unit = v),
                        )}
                        {if k == RateKind::Monthly {
                            change_field(
                                ctx,
                                i,
                                ChangeText::PerMonths,
                                lp::PER_N_MONTHS,
                                unit::MONTHS,
                                Kind::Number,
                            )
                        } else {
                            change_field(
                                ctx,
                                i,
                                ChangeText::PerDays,
                                lp::PER_N_DAYS,
                                unit::DAYS,
                                Kind::Number,
                            )
                        }}
                        {rate_echo(
                            ctx,
                            "rate-change-echo",
                            move |f| f.rate_changes.get(i).map(|c| c.rate.clone()),
                        )}
                    }
                        .into_any()
                }
                None => ().into_any(),
            }}
            {remove_button(
                ctx,
                paths::LATE_PAYMENT_RATE_CHANGES,
                ui::REMOVE_CHANGE,
                i,
                Arc::new(move |f| remove_row(&mut f.rate_changes, i)),
            )}
        </div>
    }
}

/// §9/§10 the LPR fixings the user adds (published after this release, or as a court used them).
pub(super) fn lpr_fixings(ctx: Ctx) -> impl IntoView {
    let known = crate::engine::lpr::known_until();
    view! {
        <div class="subsection" data-testid="lpr-fixings">
            <h3>{ctx.t(ui::LPR_FIXINGS_ADDED)}</h3>
            <p class="hint">{move || ui::lpr_known_until(known, ctx.lang.get())}</p>
            {list_rows(
                ctx,
                paths::LATE_PAYMENT_LPR_FIXINGS,
                Some(ui::LPR_FIXINGS_ADDED),
                Arc::new(|f| f.lpr_fixings.len()),
                Arc::new(move |i| lpr_fixing_row(ctx, i)),
            )}
            <div class="add-row">
                {chip(
                    ctx,
                    Some("add-lpr-fixing"),
                    ui::ADD_LPR_FIXING,
                    Arc::new(move || {
                        ctx.edit(|f| f.lpr_fixings.push(crate::form::LprFixingRow::default()))
                    }),
                )}
            </div>
        </div>
    }
}

/// LPR fixing `i`: from when, the one- and five-year rates, and the button that removes it.
fn lpr_fixing_row(ctx: Ctx, i: usize) -> AnyView {
    view! {
        <div class="row">
            {row_field(
                ctx,
                i,
                paths::lpr_fixing(i, fixing::EFFECTIVE),
                [ui::EFFECTIVE, NONE],
                NONE,
                Kind::Date,
                |f, i| f.lpr_fixings.get(i).map(|x| &x.effective),
                |f, i| f.lpr_fixings.get_mut(i).map(|x| &mut x.effective),
            )}
            {row_field(
                ctx,
                i,
                paths::lpr_fixing(i, fixing::ONE_YEAR),
                [ui::ONE_YEAR, NONE],
                unit::PERCENT,
                Kind::Rate,
                |f, i| f.lpr_fixings.get(i).map(|x| &x.one_year),
                |f, i| f.lpr_fixings.get_mut(i).map(|x| &mut x.one_year),
            )}
            {row_field(
                ctx,
                i,
                paths::lpr_fixing(i, fixing::FIVE_YEAR),
                [ui::FIVE_YEAR, ui::FIVE_YEAR_HINT],
                unit::PERCENT,
                Kind::Rate,
                |f, i| f.lpr_fixings.get(i).map(|x| &x.five_year),
                |f, i| f.lpr_fixings.get_mut(i).map(|x| &mut x.five_year),
            )}
            {remove_button(
                ctx,
                paths::LATE_PAYMENT_LPR_FIXINGS,
                ui::REMOVE_FIXING,
                i,
                Arc::new(move |f| remove_row(&mut f.lpr_fixings, i)),
            )}
        </div>
    }
    .into_any()
}
