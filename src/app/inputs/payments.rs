//! Payment terms (the due-date rule and the calendar, spec §2) and the payments made (spec §3),
//! each optionally for a billed period (§13), with the quick "paid D days late" entry.

use super::super::Ctx;
use super::widgets::*;
use crate::engine::calendar::Calendar;
use crate::engine::money::parse_user_amount;
use crate::engine::scenario::DayType;
use crate::form::{DueRuleKind, PaymentRow};
use leptos::prelude::*;

pub(super) fn payment_terms(ctx: Ctx) -> impl IntoView {
    let rule = Memo::new(move |_| ctx.form.with(|f| f.due_rule));
    section(
        ctx,
        "sec-payment",
        ("付款条款", "Payment terms"),
        (
            "付款期限届满日为法定节假日的，顺延至节后第一个工作日（民法典第203条）。",
            "A deadline on a rest day moves to the next working day (Civil Code Art. 203).",
        ),
        view! {
            <div class="grid">
                {choice(
                    ctx,
                    "payment.due.rule",
                    ("付款期限", "When fees are due"),
                    ("合同的付款条款", "The contract's payment clause"),
                    vec![
                        (
                            DueRuleKind::DayOfNextMonth,
                            ("每月N日前支付上月费用", "By day N of the next month"),
                        ),
                        (
                            DueRuleKind::DaysAfterCycleEnd,
                            ("每期结束后N日内", "N days after the cycle ends"),
                        ),
                        (
                            DueRuleKind::DaysAfterCycleStart,
                            (
                                "每期开始后N日内（预付）",
                                "N days after the cycle starts (in advance)",
                            ),
                        ),
                        (
                            DueRuleKind::DaysAfterInvoice,
                            ("每月结算开票后N日内", "N days after the monthly invoice"),
                        ),
                    ],
                    |f| f.due_rule,
                    |f, v| f.due_rule = v,
                )}
                {move || match rule.get() {
                    DueRuleKind::DayOfNextMonth => {
                        field(
                                ctx,
                                "payment.due.day".into(),
                                ("每月付款日", "Day of the month"),
                                (
                                    "超过当月天数的，为当月最后一日",
                                    "Beyond the month's length: its last day",
                                ),
                                "日 day",
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
                                "payment.due.invoice_day".into(),
                                ("结算开票日", "Invoice day"),
                                (
                                    "每期最后一个月的第几日开票（如每月25日结算）",
                                    "Day of the cycle's last month the invoice is issued (e.g. the 25th)",
                                ),
                                "日 day",
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
                    "payment.calendar",
                    ("工作日历", "Calendar"),
                    (
                        "中国法定节假日含调休（2010–2026 按国务院通知；之后按放假办法推算）",
                        "Mainland China holidays with make-up days (2010–2026 as published; later years by the holiday rules)",
                    ),
                    vec![
                        (Calendar::Cn, ("中国法定节假日", "China statutory holidays")),
                        (Calendar::Weekends, ("仅周末休息", "Weekends only")),
                        (Calendar::None, ("不顺延", "No rest days")),
                    ],
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
            "payment.due.days".into(),
            ("期限天数", "Days"),
            (
                "起算日当日不计入（民法典第201条）",
                "The first day is not counted (Civil Code Art. 201)",
            ),
            "日 days",
            Kind::Number,
            |f| f.due_days.clone(),
            |f, v| f.due_days = v,
        )}
        {choice(
            ctx,
            "payment.due.day_type",
            ("天数类型", "Day type"),
            ("自然日或工作日", "Calendar or working days"),
            vec![
                (DayType::Calendar, ("自然日", "Calendar days")),
                (DayType::Working, ("工作日", "Working days")),
            ],
            |f| f.due_day_type.unwrap_or(DayType::Calendar),
            |f, v| f.due_day_type = Some(v),
        )}
    }
}

pub(super) fn payments(ctx: Ctx) -> impl IntoView {
    let count = Memo::new(move |_| ctx.form.with(|f| f.payments.len()));
    section(
        ctx,
        "sec-payments",
        ("实际付款", "Payments made"),
        (
            "每笔付款先抵充到期最早的未付费用（民法典第560条）。",
            "Each payment settles the earliest-due unpaid fee first (Civil Code Art. 560).",
        ),
        view! {
            <div class="rows" role="group" aria-label=ctx.t("付款记录", "Payments")>
                {move || {
                    (0..count.get())
                        .map(|i| {
                            view! {
                                <div class="row">
                                    {field(
                                        ctx,
                                        format!("payment.payments[{i}].date"),
                                        ("付款日", "Paid on"),
                                        ("", ""),
                                        "",
                                        Kind::Date,
                                        move |f| {
                                            f.payments
                                                .get(i)
                                                .map(|p| p.date.clone())
                                                .unwrap_or_default()
                                        },
                                        move |f, v| {
                                            if let Some(p) = f.payments.get_mut(i) {
                                                p.date = v;
                                            }
                                        },
                                    )}
                                    {field(
                                        ctx,
                                        format!("payment.payments[{i}].amount"),
                                        ("金额", "Amount"),
                                        ("", ""),
                                        "元 CNY",
                                        Kind::Money,
                                        move |f| {
                                            f.payments
                                                .get(i)
                                                .map(|p| p.amount.clone())
                                                .unwrap_or_default()
                                        },
                                        move |f, v| {
                                            if let Some(p) = f.payments.get_mut(i) {
                                                p.amount = v;
                                            }
                                        },
                                    )} {for_period(ctx, i)}
                                    <button
                                        type="button"
                                        class="remove"
                                        aria-label=ctx
                                            .t("删除此笔付款", "Remove this payment")
                                        on:click=move |_| {
                                            ctx.edit(|f| {
                                                if i < f.payments.len() {
                                                    f.payments.remove(i);
                                                }
                                            })
                                        }
                                    >
                                        "×"
                                    </button>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <div class="add-row">
                <button
                    type="button"
                    class="chip"
                    data-testid="add-payment"
                    on:click=move |_| {
                        ctx.form
                            .update(|f| {
                                let amount = f
                                    .components
                                    .iter()
                                    .filter_map(|c| parse_user_amount(&c.amount).ok())
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
                                    });
                            })
                    }
                >
                    {ctx.t("+ 添加付款", "+ Add payment")}
                </button>
            </div>
            {late_payment_helper(ctx)}
            {prepayment_note(ctx)}
        },
    )
}

/// The billed periods of the figures shown: (start, label, due, amount).
pub(super) fn billed_periods(
    ctx: Ctx,
) -> Vec<(
    chrono::NaiveDate,
    String,
    chrono::NaiveDate,
    rust_decimal::Decimal,
)> {
    ctx.shown.with(|(f, _)| {
        f.as_ref()
            .map(crate::app::Figures::parts)
            .map(|(s, r)| {
                r.total_fees
                    .cycles
                    .iter()
                    .map(|c| {
                        (
                            c.start,
                            crate::present::report::cycle_label(c, s.fees.cycle),
                            c.due,
                            c.amount,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// The billed periods' first days and labels, for choosing one: changes only when the periods do
/// (not on every keystroke into an amount).
pub(super) fn period_choices(ctx: Ctx) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| {
        billed_periods(ctx)
            .into_iter()
            .map(|(start, label, _, _)| (start.to_string(), label))
            .collect()
    })
}

/// §13 which billed period a payment is for (Civil Code Art. 560 ¶1), as the period's first day;
/// empty = the earliest due. One shared list of suggestions (`#billed-periods`) serves every row.
pub(super) fn for_period(ctx: Ctx, i: usize) -> impl IntoView {
    field(
        ctx,
        format!("payment.payments[{i}].for"),
        ("抵充哪一期（可选）", "For period (optional)"),
        (
            "该期第一天，如 2025-06-01；留空 = 最早到期",
            "Its first day, e.g. 2025-06-01; empty = earliest due",
        ),
        "",
        Kind::Period,
        move |f| {
            f.payments
                .get(i)
                .map(|p| p.for_period.clone())
                .unwrap_or_default()
        },
        move |f, v| {
            if let Some(p) = f.payments.get_mut(i) {
                p.for_period = v
            }
        },
    )
}

/// Payments dated before the term starts settle its first fees in advance (Art. 560): say so,
/// rather than let a sample's 2025 payments count silently for a 2027 contract.
pub(super) fn prepayment_note(ctx: Ctx) -> impl IntoView {
    let early = Memo::new(move |_| {
        ctx.form.with(|f| {
            let Some(start) = crate::document::read::parse_date(f.start.trim()) else {
                return 0;
            };
            f.payments
                .iter()
                .filter(|p| {
                    crate::document::read::parse_date(p.date.trim()).is_some_and(|d| d < start)
                })
                .count()
        })
    });
    move || {
        (early.get() > 0).then(|| view! {
            <div class="notice" role="status" data-testid="prepayment-note">
                <p>
                    {move || {
                        if ctx.is_zh() {
                            format!(
                                "有 {} 笔付款早于服务开始日，按预付款抵充最早的费用。",
                                early.get(),
                            )
                        } else {
                            format!(
                                "{} payment(s) are dated before service starts and count as advance payments for the earliest fees.",
                                early.get(),
                            )
                        }
                    }}
                </p>
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
                    {ctx.t("删除这些付款", "Remove these payments")}
                </button>
            </div>
        })
    }
}

/// "November paid 45 days late" in three inputs: the period, the days late, add.
pub(super) fn late_payment_helper(ctx: Ctx) -> impl IntoView {
    let choices = period_choices(ctx);
    let period = RwSignal::new(String::new());
    let days = RwSignal::new(String::from("30"));
    view! {
        <div class="quick-late" data-testid="quick-late">
            <label for="f-quick-period">{ctx.t("快速录入：", "Quick entry:")}</label>
            <select
                id="f-quick-period"
                data-testid="quick-period"
                on:change=move |ev| period.set(event_target_value(&ev))
            >
                <option value="">{ctx.t("选择计费期", "Pick a period")}</option>
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|(start, label)| view! { <option value=start>{label}</option> })
                        .collect_view()
                }}
            </select>
            <datalist id="billed-periods">
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|(start, label)| view! { <option value=start>{label}</option> })
                        .collect_view()
                }}
            </datalist>
            <span>{ctx.t("迟付", "paid")}</span>
            <input
                type="text"
                inputmode="numeric"
                data-testid="quick-days"
                aria-label=ctx.t("迟付天数", "Days late")
                prop:value=move || days.get()
                on:input=move |ev| days.set(event_target_value(&ev))
            />
            <span>{ctx.t("日", "days late")}</span>
            <button
                type="button"
                class="chip"
                data-testid="quick-add"
                on:click=move |_| {
                    let Ok(n) = days.get_untracked().trim().parse::<u64>() else { return };
                    let chosen = period.get_untracked();
                    let Some((start, _, due, amount)) = billed_periods(ctx)
                        .into_iter()
                        .find(|p| p.0.to_string() == chosen) else { return };
                    let date = due.checked_add_days(chrono::Days::new(n)).unwrap_or(due);
                    ctx.edit(|f| {
                        f.payments
                            .push(PaymentRow {
                                date: date.to_string(),
                                amount: amount.to_string(),
                                for_period: start.to_string(),
                            })
                    });
                }
            >
                {ctx.t("添加这笔付款", "Add this payment")}
            </button>
        </div>
    }
}
