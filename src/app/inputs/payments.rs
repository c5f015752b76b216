//! Payment terms (the due-date rule and the calendar, spec §2) and the payments made (spec §3),
//! each optionally for a billed period (§13), with the quick "paid D days late" entry.

use super::super::Ctx;
use super::rows::*;
use super::widgets::*;
use crate::document::read::MAX_DAYS;
use crate::engine::calendar::Calendar;
use crate::engine::money::amount_to_fen;
use crate::engine::scenario::DayType;
use crate::form::paths::{self, paid};
use crate::form::{DueRuleKind, PaymentRow};
use crate::text::app::inputs::payments as ui;
use crate::text::terms;
use leptos::prelude::*;
use std::sync::Arc;

pub(super) fn payment_terms(ctx: Ctx) -> impl IntoView {
    let rule = Memo::new(move |_| ctx.form.with(|f| f.due_rule));
    section(
        ctx,
        "sec-payment",
        ui::PAYMENT_TERMS,
        ui::PAYMENT_TERMS_CLAUSE,
        view! {
            <div class="grid">
                {choice(
                    ctx,
                    paths::PAYMENT_DUE_RULE,
                    ui::WHEN_FEES_ARE_DUE,
                    ui::WHEN_FEES_ARE_DUE_HINT,
                    vec![
                        (DueRuleKind::DayOfNextMonth, ui::DUE_DAY_OF_NEXT_MONTH),
                        (DueRuleKind::DaysAfterCycleEnd, ui::DUE_DAYS_AFTER_CYCLE_END),
                        (DueRuleKind::DaysAfterCycleStart, ui::DUE_DAYS_AFTER_CYCLE_START),
                        (DueRuleKind::DaysAfterInvoice, ui::DUE_DAYS_AFTER_INVOICE),
                    ],
                    |f| f.due_rule,
                    |f, v| f.due_rule = v,
                )}
                {move || match rule.get() {
                    DueRuleKind::DayOfNextMonth => {
                        field(
                                ctx,
                                paths::PAYMENT_DUE_DAY.into(),
                                ui::DAY_MONTH,
                                ui::DAY_MONTH_HINT,
                                unit::DAY,
                                Kind::Number,
                                |f| f.due_day.clone(),
                                |f, v| f.due_day = v,
                            )
                            .into_any()
                    }
                    DueRuleKind::DaysAfterInvoice => {
                        view! {
                            {field(
                                ctx,
                                paths::PAYMENT_DUE_INVOICE_DAY.into(),
                                ui::INVOICE_DAY,
                                ui::INVOICE_DAY_HINT,
                                unit::DAY,
                                Kind::Number,
                                |f| f.invoice_day.clone(),
                                |f, v| f.invoice_day = v,
                            )}
                            {days_fields(ctx)}
                        }
                            .into_any()
                    }
                    _ => days_fields(ctx).into_any(),
                }}
                {choice(
                    ctx,
                    paths::PAYMENT_CALENDAR,
                    ui::CALENDAR,
                    ui::CALENDAR_HINT,
                    options(&[Calendar::Cn, Calendar::Weekends, Calendar::None], terms::calendar),
                    |f| f.calendar,
                    |f, v| f.calendar = v,
                )}
            </div>
        },
    )
}

pub(super) fn days_fields(ctx: Ctx) -> impl IntoView {
    view! {
        {field(
            ctx,
            paths::PAYMENT_DUE_DAYS.into(),
            ui::DAYS,
            ui::DAYS_HINT,
            unit::DAYS,
            Kind::Number,
            |f| f.due_days.clone(),
            |f, v| f.due_days = v,
        )}
        {choice(
            ctx,
            paths::PAYMENT_DUE_DAY_TYPE,
            ui::DAY_TYPE,
            ui::DAY_TYPE_HINT,
            options(&[DayType::Calendar, DayType::Working], terms::day_type),
            |f| f.due_day_type.unwrap_or(DayType::Calendar),
            |f, v| f.due_day_type = Some(v),
        )}
    }
}

pub(super) fn payments(ctx: Ctx) -> impl IntoView {
    section(
        ctx,
        "sec-payments",
        ui::PAYMENTS_MADE,
        ui::PAYMENTS_MADE_CLAUSE,
        view! {
            {list_rows(
                ctx,
                paths::PAYMENT_PAYMENTS,
                Some(ui::PAYMENTS),
                Arc::new(|f| f.payments.len()),
                Arc::new(move |i| payment_row(ctx, i)),
            )}
            <div class="add-row">
                {chip(
                    ctx,
                    Some("add-payment"),
                    ui::ADD_PAYMENT,
                    Arc::new(move || {
                        ctx.form
                            .update(|f| {
                                let amount = f
                                    .components
                                    .iter()
                                    .filter_map(|c| amount_to_fen(&c.amount))
                                    .sum::<rust_decimal::Decimal>();
                                let date = f
                                    .payments
                                    .last()
                                    .map(|p| p.date.clone())
                                    .unwrap_or_else(|| f.start.clone());
                                f.payments
                                    .push(PaymentRow {
                                        date,
                                        amount: amount.to_string(),
                                        for_period: String::new(),
                                        ..Default::default()
                                    });
                            })
                    }),
                )}
            </div>
            {late_payment_helper(ctx)}
            {prepayment_note(ctx)}
            {after_as_of_note(ctx)}
        },
    )
}

/// Payment `i`: its date, amount and period, and the button that removes it.
fn payment_row(ctx: Ctx, i: usize) -> AnyView {
    view! {
        <div class="row">
            {row_field(
                ctx,
                i,
                paths::payment(i, paid::DATE),
                [ui::PAID_ON, NONE],
                NONE,
                Kind::Date,
                |f, i| f.payments.get(i).map(|p| &p.date),
                |f, i| f.payments.get_mut(i).map(|p| &mut p.date),
            )}
            {row_field(
                ctx,
                i,
                paths::payment(i, paid::AMOUNT),
                [ui::AMOUNT, NONE],
                unit::YUAN,
                Kind::Money,
                |f, i| f.payments.get(i).map(|p| &p.amount),
                |f, i| f.payments.get_mut(i).map(|p| &mut p.amount),
            )} {for_period(ctx, i)}
            {remove_button(
                ctx,
                paths::PAYMENT_PAYMENTS,
                ui::REMOVE_PAYMENT,
                i,
                Arc::new(move |f| remove_row(&mut f.payments, i)),
            )}
        </div>
    }
    .into_any()
}

/// A billed period of the figures shown, as the quick entry and the period choices need it.
pub(super) struct BilledPeriod {
    start: chrono::NaiveDate,
    label: String,
    due: chrono::NaiveDate,
    amount: rust_decimal::Decimal,
}

/// The billed periods of the figures shown.
pub(super) fn billed_periods(ctx: Ctx) -> Vec<BilledPeriod> {
    let lang = ctx.lang.get_untracked();
    ctx.shown.with(|(f, _)| {
        f.as_ref()
            .map(crate::app::Figures::parts)
            .map(|(s, r)| {
                r.total_fees
                    .cycles
                    .iter()
                    .map(|c| BilledPeriod {
                        start: c.start,
                        label: crate::present::report::cycle_label(c, s.fees.cycle, lang),
                        due: c.due,
                        amount: c.amount,
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// The billed periods' first days and labels, for choosing one: changes only when the periods do
/// (not on every keystroke into an amount).
pub(super) fn period_choices(ctx: Ctx) -> Memo<Vec<(String, String)>> {
    // The periods' first days and the cycle, compared before any label is written.
    let periods = Memo::new(move |_| {
        ctx.shown.with(|(f, _)| {
            f.as_ref().map(crate::app::Figures::parts).map(|(s, r)| {
                let starts: Vec<chrono::NaiveDate> =
                    r.total_fees.cycles.iter().map(|c| c.start).collect();
                (s.fees.cycle, starts)
            })
        })
    });
    Memo::new(move |_| {
        // Read, not only tracked: `track` does not compute a memo, and one never computed never
        // sees the figures change (the choices stayed the monthly ones after a switch to
        // quarterly).
        periods.with(|_| ());
        ctx.lang.track();
        untrack(|| billed_periods(ctx))
            .into_iter()
            .map(|p| (p.start.to_string(), p.label))
            .collect()
    })
}

/// §13 which billed period a payment is for (Civil Code Art. 560 ¶1), as the period's first day;
/// empty = the earliest due. One shared list of suggestions (`#billed-periods`) serves every row.
pub(super) fn for_period(ctx: Ctx, i: usize) -> impl IntoView {
    row_field(
        ctx,
        i,
        paths::payment(i, paid::FOR),
        [ui::PERIOD_OPTIONAL, ui::PERIOD_OPTIONAL_HINT],
        NONE,
        Kind::Period,
        |f, i| f.payments.get(i).map(|p| &p.for_period),
        |f, i| f.payments.get_mut(i).map(|p| &mut p.for_period),
    )
}

/// How many payments of the scenario as read (the last good one while a field is wrong: no
/// date read twice) `which` picks.
fn payments_where(
    ctx: Ctx,
    which: fn(&crate::engine::scenario::PaymentMade, &crate::engine::scenario::Scenario) -> bool,
) -> Memo<usize> {
    Memo::new(move |_| {
        ctx.shown.with(|(f, _)| {
            f.as_ref().map_or(0, |f| {
                let s = f.parts().0;
                s.payment.payments.iter().filter(|p| which(p, s)).count()
            })
        })
    })
}

/// Payments dated before the term starts settle its first fees in advance (Art. 560): say so,
/// rather than let a sample's 2025 payments count silently for a 2027 contract.
pub(super) fn prepayment_note(ctx: Ctx) -> impl IntoView {
    let early = payments_where(ctx, |p, s| p.date < s.contract.start);
    move || {
        (early.get() > 0).then(|| {
            view! {
                <div class="notice" role="status" data-testid="prepayment-note">
                    <p>{move || ui::early_payments(early.get(), ctx.lang.get())}</p>
                    <button
                        type="button"
                        class="chip"
                        data-testid="drop-early-payments"
                        on:click=move |_| {
                            ctx.edit(|f| {
                                let start = crate::document::read::parse_date(f.start.trim());
                                f.payments
                                    .retain(|p| match (
                                        start,
                                        crate::document::read::parse_date(p.date.trim()),
                                    ) {
                                        (Some(s), Some(d)) => d >= s,
                                        _ => true,
                                    });
                            })
                        }
                    >
                        {ctx.t(ui::REMOVE_THESE_PAYMENTS)}
                    </button>
                </div>
            }
        })
    }
}

/// Payments dated after the evaluation date count in no figure (§3): said, rather than let a
/// payment typed with a future date change nothing without a word.
fn after_as_of_note(ctx: Ctx) -> impl IntoView {
    let later = payments_where(ctx, |p, s| p.date > s.as_of);
    move || {
        (later.get() > 0).then(|| {
            view! {
                <p class="notice" role="status" data-testid="after-as-of-note">
                    {move || ui::payments_after_as_of(later.get(), ctx.lang.get())}
                </p>
            }
        })
    }
}

/// What the quick entry adds for `period`: what is left of its fee once every payment listed is
/// applied, those dated after the evaluation date too ([`left_to_pay`]); or, when it is paid
/// already (another full payment would pay it twice), the last payment that paid it: its row
/// (from 1), date and amount.
///
/// [`left_to_pay`]: crate::engine::compute::left_to_pay
fn left_to_pay(
    ctx: Ctx,
    period: &BilledPeriod,
) -> Result<rust_decimal::Decimal, Option<(usize, chrono::NaiveDate, rust_decimal::Decimal)>> {
    ctx.parsed.with_untracked(|p| {
        let s = p.as_ref().map_err(|_| None)?;
        let found = crate::engine::compute::left_to_pay(s, period.start)
            .ok()
            .flatten()
            .ok_or(None)?;
        if found.left > rust_decimal::Decimal::ZERO || period.amount.is_zero() {
            return Ok(found.left);
        }
        Err(found.paid_by.last().and_then(|&i| {
            let p = s.payment.payments.get(i)?;
            Some((i + 1, p.date, p.amount))
        }))
    })
}

/// [`QuickProblem`] in words.
fn quick_problem(p: QuickProblem, lang: crate::text::Lang) -> String {
    match p {
        QuickProblem::Said(t) => t.get(lang).to_string(),
        QuickProblem::AlreadyPaid(by) => ui::already_paid(by, lang),
    }
}

/// Why the quick entry added nothing.
#[derive(Debug, Clone, Copy, PartialEq)]
enum QuickProblem {
    Said(Text),
    /// The period is paid already, last by this payment (row from 1, date, amount), if known.
    AlreadyPaid(Option<(usize, chrono::NaiveDate, rust_decimal::Decimal)>),
}

/// "November paid 45 days late" in three inputs: the period, the days late, add (at most
/// [`MAX_DAYS`] late, the longest span the document takes).
pub(super) fn late_payment_helper(ctx: Ctx) -> impl IntoView {
    let choices = period_choices(ctx);
    let period = RwSignal::new(String::new());
    let days = RwSignal::new(String::from("30"));
    let problem = RwSignal::new(None::<QuickProblem>);
    // The periods as options, for the quick entry's choice and for every row's suggestions.
    let period_options = move || {
        choices
            .get()
            .into_iter()
            .map(|(start, label)| view! { <option value=start>{label}</option> })
            .collect_view()
    };
    view! {
        <div class="quick-late" data-testid="quick-late">
            <label for="f-quick-period">{ctx.t(ui::QUICK_ENTRY)}</label>
            <select
                id="f-quick-period"
                data-testid="quick-period"
                on:change=move |ev| period.set(event_target_value(&ev))
            >
                <option value="">{ctx.t(ui::PICK_PERIOD)}</option>
                {period_options}
            </select>
            <datalist id="billed-periods">{period_options}</datalist>
            <span>{ctx.t(ui::QUICK_PAID)}</span>
            <input
                type="text"
                inputmode="numeric"
                data-testid="quick-days"
                aria-label=ctx.t(ui::QUICK_DAYS_LATE_LABEL)
                prop:value=move || days.get()
                on:input=move |ev| days.set(event_target_value(&ev))
            />
            <span>{ctx.t(ui::QUICK_DAYS_LATE)}</span>
            <button
                type="button"
                class="chip"
                data-testid="quick-add"
                on:click=move |_| {
                    let chosen = period.get_untracked();
                    if ctx.shown.with_untracked(|(_, stale)| *stale) {
                        problem.set(Some(QuickProblem::Said(ui::QUICK_FIX_FIRST)));
                        return;
                    }
                    let Some(chosen) = billed_periods(ctx)
                        .into_iter()
                        .find(|p| p.start.to_string() == chosen) else {
                        problem.set(Some(QuickProblem::Said(ui::QUICK_PICK_PERIOD_FIRST)));
                        return;
                    };
                    let days = crate::form::typed_days(&days.get_untracked());
                    let Some(n) = days.filter(|n| *n <= MAX_DAYS).map(u64::from) else {
                        problem.set(Some(QuickProblem::Said(ui::QUICK_DAYS_INVALID)));
                        return;
                    };
                    let amount = match left_to_pay(ctx, &chosen) {
                        Ok(amount) => amount,
                        Err(by) => {
                            problem.set(Some(QuickProblem::AlreadyPaid(by)));
                            return;
                        }
                    };
                    let (start, due) = (chosen.start, chosen.due);
                    problem.set(None);
                    let date = due.checked_add_days(chrono::Days::new(n)).unwrap_or(due);
                    ctx.edit(|f| {
                        f.payments
                            .push(PaymentRow {
                                date: date.to_string(),
                                amount: amount.to_string(),
                                for_period: start.to_string(),
                                ..Default::default()
                            })
                    });
                }
            >
                {ctx.t(ui::QUICK_ADD)}
            </button>
            <p class="field-error" role="alert" data-testid="quick-problem">
                {move || problem.get().map(|p| quick_problem(p, ctx.lang.get()))}
            </p>
        </div>
    }
}
