//! The late-payment clause (spec §4, §9): rate form and presets, the conventions (day count,
//! accrual start, rounding, caps), the rights to suspend and terminate.

use super::super::Ctx;
use super::rate_lists::{lpr_fixings, rate_changes};
use super::rows::chip;
use super::widgets::*;
use crate::engine::money::half_width;
use crate::engine::scenario::{CapBase, DayCount, LprFixing, LprTerm, PartialPeriod, Rounding};
use crate::form::{
    paths, typed_multiple, typed_rate, FormState, RateFields, RateKind, RatePreset, RateUnit,
};
use crate::text::app::inputs::late_payment as ui;
use crate::text::terms;
use crate::text::{self, rates::Per};
use leptos::prelude::*;
use std::sync::Arc;

/// A field ([`paths::rate`]) of the clause's own rate.
fn own_rate(field: &str) -> String {
    paths::rate_field(paths::LATE_PAYMENT_RATE, field)
}

/// The presets offered, in order: the preset, its chip's label, the chip's `data-testid`.
const PRESETS: [(RatePreset, Text, Option<&str>); 7] = [
    (
        RatePreset::FivePerTenThousandDaily,
        ui::PRESET_FIVE_PER_TEN_THOUSAND_DAILY,
        None,
    ),
    (
        RatePreset::OnePerMilleDaily,
        ui::PRESET_ONE_PER_MILLE_DAILY,
        None,
    ),
    (
        RatePreset::LprTimesOnePointFive,
        ui::PRESET_LPR_TIMES_ONE_POINT_FIVE,
        None,
    ),
    (
        RatePreset::FloatingLprTimesOnePointFive,
        ui::PRESET_FLOATING_LPR_TIMES_ONE_POINT_FIVE,
        Some("preset-floating-lpr"),
    ),
    (
        RatePreset::MonthlyOnePointTwoEight,
        ui::PRESET_MONTHLY_ONE_POINT_TWO_EIGHT,
        Some("preset-monthly"),
    ),
    (
        RatePreset::CapFivePercentOfOverdue,
        ui::PRESET_CAP_FIVE_PERCENT_OF_OVERDUE,
        Some("preset-cap-overdue"),
    ),
    (
        RatePreset::CapThirtyPercentOfTotal,
        ui::PRESET_CAP_THIRTY_PERCENT_OF_TOTAL,
        Some("preset-cap-total"),
    ),
];

pub(super) fn late_payment(ctx: Ctx) -> impl IntoView {
    let on = form_flag(ctx, |f| f.late_enabled);
    let lpr = form_flag(ctx, |f| f.rate_kind == RateKind::Lpr);
    let monthly = form_flag(ctx, |f| f.rate_kind == RateKind::Monthly);
    let cap = Memo::new(move |_| cap_echo(ctx));
    section(
        ctx,
        "sec-late",
        ui::LATE_PAYMENT_PENALTY,
        ui::LATE_PAYMENT_PENALTY_CLAUSE,
        view! {
            {toggle(
                ctx,
                "f-late-on",
                ui::CONTRACT_HAS_LATE_PAYMENT,
                |f| f.late_enabled,
                |f, v| f.late_enabled = v,
            )}
            {move || {
                on.get()
                    .then(|| {
                        view! {
                            <div class="presets">
                                <span class="muted">{ctx.t(ui::PRESETS)}</span>
                                {PRESETS
                                    .iter()
                                    .map(|&(p, label, testid)| {
                                        chip(
                                            ctx,
                                            testid,
                                            label,
                                            Arc::new(move || ctx.edit(|f| f.apply_preset(p))),
                                        )
                                    })
                                    .collect_view()}
                            </div>
                            <div class="grid">
                                {choice(
                                    ctx,
                                    paths::LATE_PAYMENT_RATE,
                                    ui::RATE_FORM,
                                    ui::RATE_FORM_HINT,
                                    vec![
                                        (RateKind::Fraction, ui::RATE_FRACTION),
                                        (RateKind::Monthly, ui::RATE_MONTHLY_RATE),
                                        (RateKind::Lpr, ui::LPR_MULTIPLE),
                                    ],
                                    |f| f.rate_kind,
                                    |f, v| f.rate_kind = v,
                                )}
                                {move || {
                                    if lpr.get() {
                                        view! {
                                            {field(
                                                ctx,
                                                own_rate(paths::rate::LPR_MULTIPLE),
                                                ui::LPR_MULTIPLE,
                                                ui::LPR_MULTIPLE_HINT,
                                                unit::TIMES_LPR,
                                                Kind::Rate,
                                                |f| f.lpr_multiple.clone(),
                                                |f, v| f.lpr_multiple = v,
                                            )}
                                            {rate_echo(ctx, "rate-echo", |f| Some(f.rate()))}
                                            {choice(
                                                ctx,
                                                own_rate(paths::rate::BASIS_DAYS),
                                                ui::DAYS_PER_YEAR,
                                                ui::DAYS_PER_YEAR_HINT,
                                                vec![(365u32, YEAR_365), (360u32, YEAR_360)],
                                                |f| f.basis_days,
                                                |f, v| f.basis_days = v,
                                            )}
                                            {choice(
                                                ctx,
                                                own_rate(paths::rate::LPR_FIXING),
                                                ui::WHICH_DAYS_LPR,
                                                ui::WHICH_DAYS_LPR_HINT,
                                                options(
                                                    &[
                                                        LprFixing::DueDate,
                                                        LprFixing::FirstDayLate,
                                                        LprFixing::ContractStart,
                                                        LprFixing::Floating,
                                                    ],
                                                    terms::lpr_fixing,
                                                ),
                                                |f| f.lpr_fixing,
                                                |f, v| f.lpr_fixing = v,
                                            )}
                                            {choice(
                                                ctx,
                                                own_rate(paths::rate::LPR_TERM),
                                                ui::LPR_TERM,
                                                NONE,
                                                options(
                                                    &[LprTerm::OneYear, LprTerm::FiveYear],
                                                    terms::lpr_term,
                                                ),
                                                |f| f.lpr_term,
                                                |f, v| f.lpr_term = v,
                                            )}
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            {field(
                                                ctx,
                                                own_rate(paths::rate::FRACTION),
                                                ui::PENALTY_RATE,
                                                ui::PENALTY_RATE_HINT,
                                                NONE,
                                                Kind::Rate,
                                                |f| f.rate_value.clone(),
                                                |f, v| f.rate_value = v,
                                            )}
                                            {choice(
                                                ctx,
                                                own_rate(paths::rate::UNIT),
                                                ui::UNIT,
                                                NONE,
                                                rate_unit_options(),
                                                |f| f.rate_unit,
                                                |f, v| f.rate_unit = v,
                                            )}
                                            {move || {
                                                if monthly.get() {
                                                    view! {
                                                        {field(
                                                            ctx,
                                                            own_rate(paths::rate::PER_MONTHS),
                                                            ui::PER_N_MONTHS,
                                                            ui::PER_N_MONTHS_HINT,
                                                            unit::MONTHS,
                                                            Kind::Number,
                                                            |f| f.per_months.clone(),
                                                            |f, v| f.per_months = v,
                                                        )}
                                                    }
                                                        .into_any()
                                                } else {
                                                    view! {
                                                        {field(
                                                            ctx,
                                                            own_rate(paths::rate::PER_DAYS),
                                                            ui::PER_N_DAYS,
                                                            ui::PER_N_DAYS_HINT,
                                                            unit::DAYS,
                                                            Kind::Number,
                                                            |f| f.per_days.clone(),
                                                            |f, v| f.per_days = v,
                                                        )}
                                                    }
                                                        .into_any()
                                                }
                                            }}
                                            {rate_echo(ctx, "rate-echo", |f| Some(f.rate()))}
                                        }
                                            .into_any()
                                    }
                                }}
                                {choice(
                                    ctx,
                                    paths::LATE_PAYMENT_PARTIAL_PERIOD,
                                    ui::STARTED_PERIOD,
                                    ui::STARTED_PERIOD_HINT,
                                    options(
                                        &[PartialPeriod::ProRata, PartialPeriod::Full],
                                        terms::partial_period,
                                    ),
                                    |f| f.partial_period,
                                    |f, v| f.partial_period = v,
                                )}
                                {field(
                                    ctx,
                                    paths::LATE_PAYMENT_CAP_FRACTION.into(),
                                    ui::CAP,
                                    ui::CAP_HINT,
                                    unit::PERCENT,
                                    Kind::Rate,
                                    |f| f.cap_percent.clone(),
                                    |f, v| f.cap_percent = v,
                                )}
                                {choice(
                                    ctx,
                                    paths::LATE_PAYMENT_CAP_BASE,
                                    ui::CAP_BASE,
                                    ui::CAP_BASE_HINT,
                                    options(
                                        &[CapBase::Cycle, CapBase::ContractTotal, CapBase::Overdue],
                                        terms::cap_base,
                                    ),
                                    |f| f.cap_base,
                                    |f, v| f.cap_base = v,
                                )}
                                <p
                                    class="echo"
                                    class:caution=move || {
                                        cap.with(|e| e.as_ref().is_some_and(|e| e.1))
                                    }
                                    data-testid="cap-echo"
                                    aria-live="polite"
                                >
                                    {move || cap.with(|e| e.as_ref().map(|e| e.0.clone()))}
                                </p>
                                {choice(
                                    ctx,
                                    paths::LATE_PAYMENT_DAY_COUNT,
                                    ui::DAYS_COUNTED,
                                    ui::DAYS_COUNTED_HINT,
                                    options(
                                        &[
                                            DayCount::Standard,
                                            DayCount::ExcludeEnd,
                                            DayCount::IncludeDueDate,
                                        ],
                                        terms::day_count,
                                    ),
                                    |f| f.day_count,
                                    |f, v| f.day_count = v,
                                )}
                                {field(
                                    ctx,
                                    paths::LATE_PAYMENT_ACCRUES_FROM.into(),
                                    ui::ACCRUES_FROM_OPTIONAL,
                                    ui::ACCRUES_FROM_OPTIONAL_HINT,
                                    NONE,
                                    Kind::Date,
                                    |f| f.accrues_from.clone(),
                                    |f, v| f.accrues_from = v,
                                )}
                                {choice(
                                    ctx,
                                    paths::LATE_PAYMENT_ROUNDING,
                                    ui::ROUNDING,
                                    ui::ROUNDING_HINT,
                                    options(
                                        &[Rounding::PerCycle, Rounding::PerSegment],
                                        terms::rounding,
                                    ),
                                    |f| f.rounding,
                                    |f, v| f.rounding = v,
                                )}
                                {field(
                                    ctx,
                                    paths::LATE_PAYMENT_SUSPEND_AFTER_DAYS.into(),
                                    ui::SUSPEND_AFTER,
                                    ui::EMPTY_NO_SUCH_CLAUSE,
                                    unit::DAYS,
                                    Kind::Number,
                                    |f| f.suspend_after_days.clone(),
                                    |f, v| f.suspend_after_days = v,
                                )}
                                {field(
                                    ctx,
                                    paths::LATE_PAYMENT_TERMINATE_AFTER_DAYS.into(),
                                    ui::TERMINATE_AFTER,
                                    ui::EMPTY_NO_SUCH_CLAUSE,
                                    unit::DAYS,
                                    Kind::Number,
                                    |f| f.terminate_after_days.clone(),
                                    |f, v| f.terminate_after_days = v,
                                )}
                            </div>
                            {rate_changes(ctx)}
                            {lpr_fixings(ctx)}
                        }
                    })
            }}
        },
    )
}

/// The units a rate is typed in, for the clause's rate and each of its changes.
pub(super) fn rate_unit_options() -> Vec<(RateUnit, Text)> {
    RateUnit::ALL
        .iter()
        .map(|u| {
            let text = match u {
                RateUnit::Percent => ui::PERCENT,
                RateUnit::PerMille => ui::PER_MILLE,
                RateUnit::PerTenThousand => ui::PER_TEN_THOUSAND,
            };
            (*u, text)
        })
        .collect()
}

/// The LPR multiple as typed, when the rate is one and the multiple can be echoed (read, not
/// below zero).
fn echoed_multiple(r: &RateFields) -> Option<rust_decimal::Decimal> {
    let m = typed_multiple(&r.lpr_multiple).filter(|m| !m.is_sign_negative());
    m.filter(|_| r.kind == RateKind::Lpr)
}

/// The fixed rate as typed, read: its fraction and what it is per; `None` while it cannot be read
/// or is below zero.
fn typed_fixed_rate(r: &RateFields) -> Option<(rust_decimal::Decimal, Per)> {
    let fraction = typed_rate(&r.value, r.unit).filter(|r| !r.is_sign_negative())?;
    let count = |text: &str| half_width(text.trim()).parse().ok().filter(|n| *n > 0);
    let per = match r.kind {
        RateKind::Lpr => return None,
        RateKind::Monthly => Per::Months(count(&r.per_months)?),
        _ => Per::Days(count(&r.per_days)?),
    };
    Some((fraction, per))
}

/// Whether a rate's echo is a caution: a fixed rate over 100% a year (a wrong unit), or an LPR
/// multiple below 1 (a rate below the LPR itself, most often "上浮50%" or "1.5%" typed for 1.5).
fn echo_cautions(r: &RateFields) -> bool {
    match r.kind {
        RateKind::Lpr => echoed_multiple(r).is_some_and(|m| m < rust_decimal::Decimal::ONE),
        _ => typed_fixed_rate(r)
            .is_some_and(|(r, per)| text::rates::over_a_hundred_percent_a_year(r, per)),
    }
}

/// The cap as read, in words ("每期违约金以该期费用的 0.2% 为上限"), and whether it is below 1%,
/// when "0.2" was likely meant as the 20% a document writes as 0.2; nothing while the form cannot
/// be read or no cap is set.
fn cap_echo(ctx: Ctx) -> Option<(String, bool)> {
    let lang = ctx.lang.get();
    ctx.parsed.with(|p| {
        let l = p.as_ref().ok()?.late_payment.as_ref()?;
        let cap = l.cap_fraction?;
        Some(text::rates::cap_echo(cap, l.cap_base, lang))
    })
}

/// The rate as typed, in words, per period and per year (日万分之五 = 0.05%/日 = 年18.25%), so a
/// wrong unit shows at once, or an LPR multiple and what it adds to the LPR; empty while the rate
/// cannot be read or is below zero. For the clause's rate and each of its changes (`rate`).
pub(super) fn rate_echo(
    ctx: Ctx,
    testid: &'static str,
    rate: impl Fn(&FormState) -> Option<RateFields> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let caution = move || {
        ctx.form
            .with(|f| rate(f).is_some_and(|r| echo_cautions(&r)))
    };
    let words = move || {
        let lang = ctx.lang.get();
        ctx.form
            .with(|f| rate(f).and_then(|r| echo_words(&r, lang)))
    };
    view! {
        <p class="echo rate-echo" class:caution=caution data-testid=testid aria-live="polite">
            {words}
        </p>
    }
}

/// [`rate_echo`]'s words for `r`.
fn echo_words(r: &RateFields, lang: crate::text::Lang) -> Option<String> {
    // A rate refused as too large gets its message, not an echo that reads it as taken.
    let max = crate::document::read::max_fraction();
    if r.kind == RateKind::Lpr {
        return echoed_multiple(r)
            .filter(|m| *m <= max)
            .map(|m| text::rates::multiple_echo(m, lang));
    }
    let (fraction, per) = typed_fixed_rate(r).filter(|(fraction, _)| *fraction <= max)?;
    Some(text::rates::rate_echo(fraction, per, lang))
}
