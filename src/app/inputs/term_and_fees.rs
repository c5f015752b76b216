//! The contract's term (start, end or months, renewal) and its fees per billing cycle (spec §1),
//! with the offer to restate amounts when the cycle changes.

use super::super::Ctx;
use super::widgets::*;
use crate::engine::money::{format_yuan, parse_user_amount};
use crate::engine::scenario::{Cycle, PartialCycle};
use crate::form::{EndMode, LabelledAmount};
use leptos::prelude::*;

/// Fee components contracts commonly list, offered as one-click labels.
const COMPONENT_PRESETS: [Text; 5] = [
    ("基本服务费", "Base service fee"),
    ("增值服务费", "Value-added service fee"),
    ("人力成本", "Staff cost"),
    ("通讯费用", "Communication cost"),
    ("系统维护费用", "System maintenance"),
];

pub(super) fn contract(ctx: Ctx) -> impl IntoView {
    let months = Memo::new(move |_| ctx.form.with(|f| f.end_mode == EndMode::Months));
    section(
        ctx,
        "sec-contract",
        ("合同", "Contract"),
        (
            "合同期限与自动续期：期满双方均未提出异议的，合同自动续期。",
            "Term and automatic renewal: the contract renews unless either side objects.",
        ),
        view! {
            <div class="grid">
                {field(
                    ctx,
                    "name".into(),
                    ("方案名称", "Scenario name"),
                    ("便于区分不同谈判方案", "To tell negotiation options apart"),
                    "",
                    Kind::Text,
                    |f| f.name.clone(),
                    |f, v| f.name = v,
                )}
                {field(
                    ctx,
                    "contract.start".into(),
                    ("服务开始日", "First day of service"),
                    ("合同约定的服务期起始日", "The first day of the service term"),
                    "",
                    Kind::Date,
                    |f| f.start.clone(),
                    |f, v| f.start = v,
                )}
                {choice(
                    ctx,
                    "contract.end_mode",
                    ("期限给定方式", "Term given as"),
                    (
                        "结束日期，或自开始日起的月数",
                        "An end date, or months from the start",
                    ),
                    vec![
                        (EndMode::Date, ("结束日期", "End date")),
                        (EndMode::Months, ("期限（月）", "Term in months")),
                    ],
                    |f| f.end_mode,
                    |f, v| f.end_mode = v,
                )}
                {move || {
                    if months.get() {
                        field(
                                ctx,
                                "contract.term_months".into(),
                                ("服务期限", "Term"),
                                (
                                    "开始日 + N 个月 − 1 日（民法典第202条）",
                                    "Start + N months − 1 day (Civil Code Art. 202)",
                                ),
                                "月 months",
                                Kind::Number,
                                |f| f.term_months.clone(),
                                |f, v| f.term_months = v,
                            )
                            .into_any()
                    } else {
                        field(
                                ctx,
                                "contract.end".into(),
                                ("服务结束日", "Last day of service"),
                                ("含当日", "Inclusive"),
                                "",
                                Kind::Date,
                                |f| f.end.clone(),
                                |f, v| f.end = v,
                            )
                            .into_any()
                    }
                }}
                {field(
                    ctx,
                    "contract.renewal_months".into(),
                    ("自动续期", "Auto-renewal"),
                    (
                        "期满未提出异议自动续期的月数；0 = 不续期",
                        "Months added when neither side objects; 0 = none",
                    ),
                    "月 months",
                    Kind::Number,
                    |f| f.renewal_months.clone(),
                    |f, v| f.renewal_months = v,
                )}
                {field(
                    ctx,
                    "as_of".into(),
                    ("计算截至日", "Evaluation date"),
                    (
                        "违约金计至此日；此日之后的付款不计入",
                        "Penalties accrue to this day; later payments are ignored",
                    ),
                    "",
                    Kind::Date,
                    |f| f.as_of.clone(),
                    |f, v| f.as_of = v,
                )}
            </div>
        },
    )
}

/// The per-cycle amounts stay per cycle when the cycle changes; this says so and offers to
/// restate them so that the contract total stays.
pub(super) fn cycle_change_note(
    ctx: Ctx,
    change: RwSignal<Option<(Cycle, Cycle)>>,
) -> impl IntoView {
    let name = move |c: Cycle| match (c, ctx.is_zh()) {
        (Cycle::Monthly, true) => "每月",
        (Cycle::Quarterly, true) => "每季度",
        (Cycle::Yearly, true) => "每年",
        (Cycle::Monthly, false) => "a month",
        (Cycle::Quarterly, false) => "a quarter",
        (Cycle::Yearly, false) => "a year",
    };
    move || {
        change.get().map(|(from, to)| {
            let total = ctx.shown.with(|(f, _)| {
                f.as_ref()
                    .map(crate::app::Figures::parts)
                    .map(|(_, r)| format_yuan(r.total_fees.contract_total))
                    .unwrap_or_default()
            });
            view! {
                <div class="notice" role="status" data-testid="cycle-note">
                    <p>
                        {move || {
                            if ctx.is_zh() {
                                format!(
                                    "各项金额仍按“{}”计，合同总金额现为 {total}。",
                                    name(to),
                                )
                            } else {
                                format!(
                                    "Each amount is now {}; the contract total is {total}.",
                                    name(to),
                                )
                            }
                        }}
                    </p>
                    <button
                        type="button"
                        class="chip"
                        data-testid="convert-cycle"
                        on:click=move |_| {
                            ctx.edit(|f| f.convert_cycle_amounts(from, to));
                            change.set(None);
                        }
                    >
                        {move || {
                            if ctx.is_zh() {
                                format!(
                                    "把{}金额换算为{}金额（合同总金额不变）",
                                    name(from),
                                    name(to),
                                )
                            } else {
                                format!(
                                    "Restate the amounts from {} to {} (the total stays)",
                                    name(from),
                                    name(to),
                                )
                            }
                        }}
                    </button>
                    <button type="button" class="chip" on:click=move |_| change.set(None)>
                        {ctx.t("保持金额不变", "Keep the amounts")}
                    </button>
                </div>
            }
        })
    }
}

pub(super) fn fees(ctx: Ctx) -> impl IntoView {
    let change: RwSignal<Option<(Cycle, Cycle)>> = RwSignal::new(None);
    let cycle_fee = move || {
        ctx.form.with(|f| {
            f.components
                .iter()
                .map(|c| parse_user_amount(&c.amount).ok())
                .sum::<Option<rust_decimal::Decimal>>()
                .map(format_yuan)
        })
    };
    section(ctx, "sec-fees", ("费用", "Fees"), ("服务费用由各项费用组成，按计费周期结算；不足一期的按实际服务天数折算或按整期计。", "The fee is the sum of its components per billing cycle; a partial cycle is prorated by days or billed in full."), view! {
        <div class="grid">
            {choice(
                ctx,
                "fees.cycle",
                ("计费周期", "Billing cycle"),
                (
                    "按自然月、自然季度或合同年结算",
                    "Calendar months, calendar quarters or contract years",
                ),
                vec![
                    (Cycle::Monthly, ("按月", "Monthly")),
                    (Cycle::Quarterly, ("按季度", "Quarterly")),
                    (Cycle::Yearly, ("按年", "Yearly")),
                ],
                |f| f.cycle.unwrap_or(Cycle::Monthly),
                move |f, v| {
                    let old = f.cycle.unwrap_or(Cycle::Monthly);
                    if old != v {
                        change.set(Some((old, v)));
                    }
                    f.cycle = Some(v);
                },
            )}
            {choice(
                ctx,
                "fees.partial_cycle",
                ("不足一期", "Partial cycle"),
                (
                    "首尾不足一期的计费方式",
                    "How a cycle only partly in the term is billed",
                ),
                vec![
                    (PartialCycle::ByDays, ("按天折算", "Prorated by days")),
                    (PartialCycle::Full, ("按整期计", "Billed in full")),
                ],
                |f| f.partial_cycle,
                |f, v| f.partial_cycle = v,
            )}
        </div>
        {cycle_change_note(ctx, change)}
        {labelled_amount_rows(
            ctx,
            "fees.components",
            |f| &f.components,
            |f| &mut f.components,
            [
                ("费用构成", "Fee components"),
                ("费用项目", "Component"),
                ("每期金额", "Per cycle"),
                ("删除此项费用", "Remove this component"),
            ],
        )}
        <div class="add-row">
            <span class="muted">{ctx.t("添加：", "Add:")}</span>
            {COMPONENT_PRESETS
                .iter()
                .map(|p| {
                    let p = *p;
                    view! {
                        <button
                            type="button"
                            class="chip"
                            on:click=move |_| {
                                ctx.form
                                    .update(|f| {
                                        f.components
                                            .push(LabelledAmount {
                                                label: if ctx.is_zh() {
                                                    p.0.to_string()
                                                } else {
                                                    p.1.to_string()
                                                },
                                                amount: "0".into(),
                                            })
                                    })
                            }
                        >
                            {move || if ctx.is_zh() { p.0 } else { p.1 }}
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                class="chip"
                data-testid="add-component"
                on:click=move |_| {
                    ctx.form
                        .update(|f| {
                            f.components
                                .push(LabelledAmount {
                                    label: String::new(),
                                    amount: "0".into(),
                                })
                        })
                }
            >
                {ctx.t("+ 其他", "+ Other")}
            </button>
        </div>
        <p class="sum">
            {ctx.t("每期合计：", "Per cycle: ")}
            <strong>{move || cycle_fee().unwrap_or_else(|| "—".into())}</strong>
        </p>
    })
}
