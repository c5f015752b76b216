//! The late-payment clause (spec §4, §9): rate form and presets, the conventions (day count,
//! accrual start, rounding, caps), the rights to suspend and terminate.

use super::super::Ctx;
use super::rate_lists::{lpr_fixings, rate_changes};
use super::widgets::*;
use crate::engine::scenario::{CapBase, DayCount, LprFixing, LprTerm, PartialPeriod, Rounding};
use crate::form::{typed_rate, RateKind, RatePreset, RateUnit};
use crate::text::{self, rates::Per, Lang};
use leptos::prelude::*;

pub(super) fn late_payment(ctx: Ctx) -> impl IntoView {
    let on = Memo::new(move |_| ctx.form.with(|f| f.late_enabled));
    let lpr = Memo::new(move |_| ctx.form.with(|f| f.rate_kind == RateKind::Lpr));
    let monthly = Memo::new(move |_| ctx.form.with(|f| f.rate_kind == RateKind::Monthly));
    let preset = move |p: RatePreset| move |_| ctx.edit(|f| f.apply_preset(p));
    section(ctx, "sec-late", ("逾期付款违约金", "Late-payment penalty"), ("甲方逾期付款的，按约定比例按日支付违约金；逾期超过约定天数，乙方有权暂停服务或解除合同。", "Late payment accrues the agreed penalty per day; past the agreed days the supplier may suspend service or terminate."), view! {
        {toggle(
            ctx,
            "f-late-on",
            ("合同约定了逾期付款违约金", "The contract has a late-payment penalty"),
            |f| f.late_enabled,
            |f, v| f.late_enabled = v,
        )}
        {move || {
            on.get()
                .then(|| {
                    view! {
                        <div class="presets">
                            <span class="muted">{ctx.t("常用：", "Presets:")}</span>
                            <button
                                type="button"
                                class="chip"
                                on:click=preset(RatePreset::FivePerTenThousandDaily)
                            >
                                {ctx
                                    .t(
                                        "日万分之五（中小企业款项支付条例）",
                                        "0.05%/day (SME payment regulation)",
                                    )}
                            </button>
                            <button
                                type="button"
                                class="chip"
                                on:click=preset(RatePreset::OnePerMilleDaily)
                            >
                                {ctx.t("日千分之一", "0.1%/day")}
                            </button>
                            <button
                                type="button"
                                class="chip"
                                on:click=preset(RatePreset::LprTimesOnePointFive)
                            >
                                {ctx.t("LPR × 1.5", "LPR × 1.5")}
                            </button>
                            <button
                                type="button"
                                class="chip"
                                data-testid="preset-floating-lpr"
                                on:click=preset(RatePreset::FloatingLprTimesOnePointFive)
                            >
                                {ctx
                                    .t(
                                        "按同期一年期LPR的1.5倍",
                                        "1.5 × the floating one-year LPR",
                                    )}
                            </button>
                            <button
                                type="button"
                                class="chip"
                                data-testid="preset-monthly"
                                on:click=preset(RatePreset::MonthlyOnePointTwoEight)
                            >
                                {ctx.t("月利率1.28%", "1.28% a month")}
                            </button>
                            <button
                                type="button"
                                class="chip"
                                data-testid="preset-cap-overdue"
                                on:click=preset(RatePreset::CapFivePercentOfOverdue)
                            >
                                {ctx
                                    .t(
                                        "以逾期付款总额的5%为上限",
                                        "Capped at 5% of the overdue amount",
                                    )}
                            </button>
                            <button
                                type="button"
                                class="chip"
                                data-testid="preset-cap-total"
                                on:click=preset(RatePreset::CapThirtyPercentOfTotal)
                            >
                                {ctx
                                    .t(
                                        "累计不超过合同总金额的30%",
                                        "In all at most 30% of the contract total",
                                    )}
                            </button>
                        </div>
                        <div class="grid">
                            {choice(
                                ctx,
                                "late_payment.rate",
                                ("计算方式", "Rate form"),
                                (
                                    "按日或按月的固定比例，或 LPR 的倍数（到期日、逾期首日等某日的 LPR，或同期浮动）",
                                    "A fixed fraction per day(s) or month(s), or a multiple of the LPR (of a given day, or floating)",
                                ),
                                vec![
                                    (RateKind::Fraction, ("按日比例", "Per day(s)")),
                                    (
                                        RateKind::Monthly,
                                        ("按月比例（月利率）", "Per month (monthly rate)"),
                                    ),
                                    (RateKind::Lpr, ("LPR 倍数", "LPR multiple")),
                                ],
                                |f| f.rate_kind,
                                |f, v| f.rate_kind = v,
                            )}
                            {move || {
                                if lpr.get() {
                                    view! {
                                        {field(
                                            ctx,
                                            "late_payment.rate.lpr_multiple".into(),
                                            ("LPR 倍数", "LPR multiple"),
                                            ("如 1.5 倍", "e.g. 1.5"),
                                            "×LPR ×LPR",
                                            Kind::Rate,
                                            |f| f.lpr_multiple.clone(),
                                            |f, v| f.lpr_multiple = v,
                                        )}
                                        {choice(
                                            ctx,
                                            "late_payment.rate.basis_days",
                                            ("年天数", "Days per year"),
                                            (
                                                "日利率 = 年利率 ÷ 年天数",
                                                "Daily rate = yearly rate ÷ days per year",
                                            ),
                                            vec![
                                                (365u32, ("365 天", "365 days")),
                                                (360u32, ("360 天", "360 days")),
                                            ],
                                            |f| f.basis_days,
                                            |f, v| f.basis_days = v,
                                        )}
                                        {choice(
                                            ctx,
                                            "late_payment.rate.lpr_fixing",
                                            ("取哪一天的 LPR", "Which day's LPR"),
                                            (
                                                "同期 = 逾期期间每日按当日 LPR",
                                                "Floating (同期) = each late day at that day's LPR",
                                            ),
                                            vec![
                                                (LprFixing::DueDate, ("到期日", "The due date")),
                                                (
                                                    LprFixing::FirstDayLate,
                                                    ("逾期首日", "The first day late"),
                                                ),
                                                (
                                                    LprFixing::ContractStart,
                                                    ("合同订立时", "At signing"),
                                                ),
                                                (
                                                    LprFixing::Floating,
                                                    ("同期（浮动）", "Floating (同期)"),
                                                ),
                                            ],
                                            |f| f.lpr_fixing,
                                            |f, v| f.lpr_fixing = v,
                                        )}
                                        {choice(
                                            ctx,
                                            "late_payment.rate.lpr_term",
                                            ("LPR 期限", "LPR term"),
                                            ("", ""),
                                            vec![
                                                (LprTerm::OneYear, ("一年期", "One-year")),
                                                (LprTerm::FiveYear, ("五年期以上", "Five-year")),
                                            ],
                                            |f| f.lpr_term,
                                            |f, v| f.lpr_term = v,
                                        )}
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        {field(
                                            ctx,
                                            "late_payment.rate.fraction".into(),
                                            ("违约金比例", "Penalty rate"),
                                            (
                                                "按所选单位输入，如 万分之五 = 5‱",
                                                "In the unit chosen, e.g. 5‱ = 0.05%",
                                            ),
                                            "",
                                            Kind::Rate,
                                            |f| f.rate_value.clone(),
                                            |f, v| f.rate_value = v,
                                        )}
                                        {choice(
                                            ctx,
                                            "late_payment.rate.unit",
                                            ("单位", "Unit"),
                                            ("", ""),
                                            rate_unit_options(),
                                            |f| f.rate_unit,
                                            |f, v| f.rate_unit = v,
                                        )}
                                        {move || {
                                            if monthly.get() {
                                                view! {
                                                    {field(
                                                        ctx,
                                                        "late_payment.rate.per_months".into(),
                                                        ("每 N 个月", "Per N months"),
                                                        (
                                                            "1 = 月利率；按自然月计，不足一月按日/30",
                                                            "1 = a monthly rate; calendar months, a part month as days/30",
                                                        ),
                                                        "月 months",
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
                                                        "late_payment.rate.per_days".into(),
                                                        ("每 N 日", "Per N days"),
                                                        (
                                                            "1 = 按日；10 = 每10日",
                                                            "1 = per day; 10 = per 10 days",
                                                        ),
                                                        "日 days",
                                                        Kind::Number,
                                                        |f| f.per_days.clone(),
                                                        |f, v| f.per_days = v,
                                                    )}
                                                }
                                                    .into_any()
                                            }
                                        }}
                                        <p
                                            class="echo rate-echo"
                                            data-testid="rate-echo"
                                            aria-live="polite"
                                        >
                                            {move || rate_echo(ctx)}
                                        </p>
                                    }
                                        .into_any()
                                }
                            }}
                            {choice(
                                ctx,
                                "late_payment.partial_period",
                                ("不足一个计息期", "A started period"),
                                (
                                    "按比例计，或按整期计",
                                    "Counts in proportion, or whole",
                                ),
                                vec![
                                    (PartialPeriod::ProRata, ("按比例", "Pro rata")),
                                    (PartialPeriod::Full, ("按整期", "Whole periods")),
                                ],
                                |f| f.partial_period,
                                |f, v| f.partial_period = v,
                            )}
                            {field(
                                ctx,
                                "late_payment.cap_fraction".into(),
                                ("违约金上限", "Cap"),
                                (
                                    "占所选基数的百分比；留空 = 无上限",
                                    "Share of the base chosen; empty = no cap",
                                ),
                                "%",
                                Kind::Rate,
                                |f| f.cap_percent.clone(),
                                |f, v| f.cap_percent = v,
                            )}
                            {choice(
                                ctx,
                                "late_payment.cap_base",
                                ("上限基数", "Cap base"),
                                (
                                    "每期各自封顶，或违约金累计封顶",
                                    "Each cycle capped, or the total",
                                ),
                                vec![
                                    (
                                        CapBase::Cycle,
                                        ("该期费用（每期）", "Each cycle's fee"),
                                    ),
                                    (
                                        CapBase::ContractTotal,
                                        (
                                            "合同总金额（累计）",
                                            "The contract total (in all)",
                                        ),
                                    ),
                                    (
                                        CapBase::Overdue,
                                        (
                                            "逾期付款总额（累计）",
                                            "The overdue amount (in all)",
                                        ),
                                    ),
                                ],
                                |f| f.cap_base,
                                |f, v| f.cap_base = v,
                            )}
                            {choice(
                                ctx,
                                "late_payment.day_count",
                                ("逾期天数计法", "Days counted"),
                                ("付款当日是否计入", "Whether the payment day counts"),
                                vec![
                                    (
                                        DayCount::Standard,
                                        (
                                            "到期次日起至付款日",
                                            "Day after due to payment day",
                                        ),
                                    ),
                                    (
                                        DayCount::ExcludeEnd,
                                        (
                                            "至付款前一日（不含付款日）",
                                            "To the day before payment",
                                        ),
                                    ),
                                    (
                                        DayCount::IncludeDueDate,
                                        ("含到期日当日", "Including the due date"),
                                    ),
                                ],
                                |f| f.day_count,
                                |f, v| f.day_count = v,
                            )}
                            {field(
                                ctx,
                                "late_payment.accrues_from".into(),
                                ("起算日（可选）", "Accrues from (optional)"),
                                (
                                    "如“自起诉之日起”；留空 = 到期次日",
                                    "e.g. the filing date; empty = the day after the due date",
                                ),
                                "",
                                Kind::Date,
                                |f| f.accrues_from.clone(),
                                |f, v| f.accrues_from = v,
                            )}
                            {choice(
                                ctx,
                                "late_payment.rounding",
                                ("舍入", "Rounding"),
                                (
                                    "计算明细逐段四舍五入，或每期合计后一次",
                                    "Each 计算明细 line to the fen, or each cycle once",
                                ),
                                vec![
                                    (Rounding::PerCycle, ("每期一次", "Once per cycle")),
                                    (Rounding::PerSegment, ("逐段", "Each line")),
                                ],
                                |f| f.rounding,
                                |f, v| f.rounding = v,
                            )}
                            {field(
                                ctx,
                                "late_payment.suspend_after_days".into(),
                                ("逾期超过N日可暂停服务", "Suspend after"),
                                ("留空 = 无此约定", "Empty = no such clause"),
                                "日 days",
                                Kind::Number,
                                |f| f.suspend_after_days.clone(),
                                |f, v| f.suspend_after_days = v,
                            )}
                            {field(
                                ctx,
                                "late_payment.terminate_after_days".into(),
                                ("逾期超过N日可解除合同", "Terminate after"),
                                ("留空 = 无此约定", "Empty = no such clause"),
                                "日 days",
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
    })
}

/// The units a rate is typed in, for the clause's rate and each of its changes.
pub(super) fn rate_unit_options() -> Vec<(RateUnit, Text)> {
    RateUnit::ALL
        .iter()
        .map(|u| {
            let text = match u {
                RateUnit::Percent => ("% 百分之", "% percent"),
                RateUnit::PerMille => ("‰ 千分之", "‰ per mille"),
                RateUnit::PerTenThousand => ("‱ 万分之", "‱ per ten thousand"),
            };
            (*u, text)
        })
        .collect()
}

/// The rate as typed, in words, per period and per year (日万分之五 = 0.05%/日 = 年18.25%), so a
/// wrong unit shows at once; empty while the rate cannot be read.
pub(super) fn rate_echo(ctx: Ctx) -> Option<String> {
    let lang = if ctx.is_zh() { Lang::Zh } else { Lang::En };
    ctx.form.with(|f| {
        let fraction = typed_rate(&f.rate_value, f.rate_unit)?;
        let per = match f.rate_kind {
            RateKind::Fraction => Per::Days(f.per_days.trim().parse().ok().filter(|n| *n > 0)?),
            RateKind::Monthly => Per::Months(f.per_months.trim().parse().ok().filter(|n| *n > 0)?),
            RateKind::Lpr => return None,
        };
        Some(text::rates::rate_echo(fraction, per, lang))
    })
}
