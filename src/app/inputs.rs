//! The form, section by section in the order of the contract: term, fees, payment terms,
//! payments made, late payment, the supplier's and the client's breaches, termination. Each field
//! is labelled in the current language with its unit and a hint naming the clause it models.

use super::Ctx;
use crate::engine::calendar::Calendar;
use crate::engine::money::{format_yuan, parse_user_amount};
use crate::engine::scenario::{
    CapBase, Cycle, DayCount, DayType, LprFixing, LprTerm, PartialCycle, PartialPeriod, Rounding,
    TerminationReason,
};
use crate::form::{
    typed_rate, DueRuleKind, EndMode, FormState, LabelledAmount, PaymentRow, RateChangeRow,
    RateFields, RateKind, RatePreset, RateUnit,
};
use crate::text::{self, rates::Per, Lang};
use leptos::prelude::*;
use std::sync::Arc;

type Text = (&'static str, &'static str);

/// How a text field is typed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Money,
    Number,
    Rate,
    Date,
    /// A billed period's first day, suggested from `#billed-periods`.
    Period,
}

pub(super) fn dom_id(path: &str) -> String {
    format!("f-{}", path.replace(['.', '[', ']'], "-"))
}

type GetText = Arc<dyn Fn(&FormState) -> String + Send + Sync>;
type SetText = Arc<dyn Fn(&mut FormState, String) + Send + Sync>;

/// One labelled input bound to a form field, with its unit, hint and error message.
// Every call site names its field in one line: label, hint, unit, kind, getter, setter.
#[allow(clippy::too_many_arguments)]
fn field(
    ctx: Ctx,
    path: String,
    label: Text,
    hint: Text,
    unit: &'static str,
    kind: Kind,
    get: impl Fn(&FormState) -> String + Send + Sync + 'static,
    set: impl Fn(&mut FormState, String) + Send + Sync + 'static,
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
fn field_view(
    ctx: Ctx,
    path: String,
    texts: [Text; 2],
    unit: &'static str,
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
            let amount = parse_user_amount(&text).ok()?;
            (text.contains('万') || text.contains('亿'))
                .then(|| format!("= {}", format_yuan(amount)))
        }
    };
    let unit_view = (!unit.is_empty()).then(|| {
        let (zh, en) = unit.split_once(' ').unwrap_or((unit, unit));
        view! { <span class="unit">{move || if ctx.is_zh() { zh } else { en }}</span> }
    });
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                <span class="zh-en">{move || if ctx.is_zh() { label.0 } else { label.1 }}</span>
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
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    if kind == Kind::Date
                        && (year_being_typed(&v) || (v.is_empty() && half_typed(&ev)))
                    {
                        return;
                    }
                    ctx.form.update(|f| set(f, v));
                    typed.notify();
                }
            />
            {move || echo().map(|t| view! { <span class="echo">{t}</span> })}
            <p class="hint" id=hint_id.clone()>
                {move || if ctx.is_zh() { hint.0 } else { hint.1 }}
            </p>
            <p class="field-error" id=err_id.clone() role="alert">
                {move || error.get()}
            </p>
        </div>
    }
    .into_any()
}

/// A date input's value while its year is still being typed (`0002-01-01`).
fn year_being_typed(value: &str) -> bool {
    value
        .get(..4)
        .and_then(|y| y.parse::<u32>().ok())
        .is_some_and(|y| y < 1000)
}

/// Whether the input holds something the browser cannot read yet (a date half typed), as
/// opposed to being cleared on purpose.
fn half_typed(ev: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.validity().bad_input())
}

/// A checkbox that switches an optional clause on or off.
fn toggle(
    ctx: Ctx,
    id: &'static str,
    label: Text,
    get: impl Fn(&FormState) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut FormState, bool) + Send + Sync + 'static,
) -> AnyView {
    toggle_view(ctx, id, label, Arc::new(get), Arc::new(set))
}

#[allow(clippy::type_complexity)]
fn toggle_view(
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
            <span>{move || if ctx.is_zh() { label.0 } else { label.1 }}</span>
        </label>
    }
    .into_any()
}

/// A choice among fixed options.
fn choice<T>(
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
        move |f: &FormState| values.iter().position(|v| *v == get(f)).unwrap_or(0)
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
fn choice_view(
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
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                <span class="zh-en">{move || if ctx.is_zh() { label.0 } else { label.1 }}</span>
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
                                {move || if ctx.is_zh() { text.0 } else { text.1 }}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="hint">{move || if ctx.is_zh() { hint.0 } else { hint.1 }}</p>
            <p class="field-error" id=err_id role="alert">
                {move || error.get()}
            </p>
        </div>
    }
    .into_any()
}

fn section(
    ctx: Ctx,
    id: &'static str,
    title: Text,
    clause: Text,
    body: impl IntoView + 'static,
) -> AnyView {
    section_view(ctx, id, [title, clause], body.into_any())
}

fn section_view(ctx: Ctx, id: &'static str, texts: [Text; 2], body: AnyView) -> AnyView {
    let [title, clause] = texts;
    view! {
        <fieldset class="section" id=id>
            <legend>{move || if ctx.is_zh() { title.0 } else { title.1 }}</legend>
            <p class="clause">{move || if ctx.is_zh() { clause.0 } else { clause.1 }}</p>
            {body}
        </fieldset>
    }
    .into_any()
}

#[component]
pub fn Form() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <form class="form" on:submit=|ev| ev.prevent_default() novalidate>
            {contract(ctx)}
            {fees(ctx)}
            {payment_terms(ctx)}
            {payments(ctx)}
            {late_payment(ctx)}
            {supplier_breaches(ctx)}
            {client_breaches(ctx)}
            {termination(ctx)}
        </form>
    }
}

fn contract(ctx: Ctx) -> impl IntoView {
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

/// An editable list of labelled amounts (fee components, listed losses): label, amount, remove.
/// `texts`: the group's name, the label field, the amount field, the remove button.
fn labelled_amount_rows(
    ctx: Ctx,
    path: &'static str,
    list: fn(&FormState) -> &Vec<LabelledAmount>,
    list_mut: fn(&mut FormState) -> &mut Vec<LabelledAmount>,
    texts: [Text; 4],
) -> AnyView {
    let [group, label, amount, remove] = texts;
    let count = Memo::new(move |_| ctx.form.with(|f| list(f).len()));
    view! {
        <div
            class="rows"
            role="group"
            aria-label=move || if ctx.is_zh() { group.0 } else { group.1 }
        >
            {move || {
                (0..count.get())
                    .map(|i| {
                        view! {
                            <div class="row">
                                {field(
                                    ctx,
                                    format!("{path}[{i}].label"),
                                    label,
                                    ("", ""),
                                    "",
                                    Kind::Text,
                                    move |f| {
                                        list(f).get(i).map(|c| c.label.clone()).unwrap_or_default()
                                    },
                                    move |f, v| {
                                        if let Some(c) = list_mut(f).get_mut(i) {
                                            c.label = v;
                                        }
                                    },
                                )}
                                {field(
                                    ctx,
                                    format!("{path}[{i}].amount"),
                                    amount,
                                    ("", ""),
                                    "元 CNY",
                                    Kind::Money,
                                    move |f| {
                                        list(f).get(i).map(|c| c.amount.clone()).unwrap_or_default()
                                    },
                                    move |f, v| {
                                        if let Some(c) = list_mut(f).get_mut(i) {
                                            c.amount = v;
                                        }
                                    },
                                )}
                                <button
                                    type="button"
                                    class="remove"
                                    aria-label=move || if ctx.is_zh() { remove.0 } else { remove.1 }
                                    on:click=move |_| {
                                        ctx.edit(|f| {
                                            if i < list(f).len() {
                                                list_mut(f).remove(i);
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
    }
    .into_any()
}

const COMPONENT_PRESETS: [Text; 5] = [
    ("基本服务费", "Base service fee"),
    ("增值服务费", "Value-added service fee"),
    ("人力成本", "Staff cost"),
    ("通讯费用", "Communication cost"),
    ("系统维护费用", "System maintenance"),
];

/// The per-cycle amounts stay per cycle when the cycle changes; this says so and offers to
/// restate them so that the contract total stays.
fn cycle_change_note(ctx: Ctx, change: RwSignal<Option<(Cycle, Cycle)>>) -> impl IntoView {
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
                    .map(super::Figures::parts)
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

fn fees(ctx: Ctx) -> impl IntoView {
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

fn payment_terms(ctx: Ctx) -> impl IntoView {
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

fn days_fields(ctx: Ctx) -> impl IntoView {
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

fn payments(ctx: Ctx) -> impl IntoView {
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
fn billed_periods(
    ctx: Ctx,
) -> Vec<(
    chrono::NaiveDate,
    String,
    chrono::NaiveDate,
    rust_decimal::Decimal,
)> {
    ctx.shown.with(|(f, _)| {
        f.as_ref()
            .map(super::Figures::parts)
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
fn period_choices(ctx: Ctx) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| {
        billed_periods(ctx)
            .into_iter()
            .map(|(start, label, _, _)| (start.to_string(), label))
            .collect()
    })
}

/// §13 which billed period a payment is for (Civil Code Art. 560 ¶1), as the period's first day;
/// empty = the earliest due. One shared list of suggestions (`#billed-periods`) serves every row.
fn for_period(ctx: Ctx, i: usize) -> impl IntoView {
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
fn prepayment_note(ctx: Ctx) -> impl IntoView {
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
fn late_payment_helper(ctx: Ctx) -> impl IntoView {
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

fn late_payment(ctx: Ctx) -> impl IntoView {
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
                                            RateUnit::ALL
                                                .iter()
                                                .map(|u| (
                                                    *u,
                                                    match u {
                                                        RateUnit::Percent => ("% 百分之", "% percent"),
                                                        RateUnit::PerMille => ("‰ 千分之", "‰ per mille"),
                                                        RateUnit::PerTenThousand => {
                                                            ("‱ 万分之", "‱ per ten thousand")
                                                        }
                                                    },
                                                ))
                                                .collect(),
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

/// The typed text of a rate change row: which one.
#[derive(Clone, Copy)]
enum ChangeText {
    From,
    Value,
    PerDays,
    PerMonths,
    Multiple,
}

impl ChangeText {
    fn path(self) -> &'static str {
        match self {
            ChangeText::From => "from",
            ChangeText::Value => "rate.fraction",
            ChangeText::PerDays => "rate.per_days",
            ChangeText::PerMonths => "rate.per_months",
            ChangeText::Multiple => "rate.lpr_multiple",
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
fn change_field(
    ctx: Ctx,
    i: usize,
    which: ChangeText,
    label: Text,
    unit: &'static str,
    kind: Kind,
) -> AnyView {
    field(
        ctx,
        format!("late_payment.rate_changes[{i}].{}", which.path()),
        label,
        ("", ""),
        unit,
        kind,
        move |f| {
            f.rate_changes
                .get(i)
                .cloned()
                .map(|mut c| which.of(&mut c).clone())
                .unwrap_or_default()
        },
        move |f, v| {
            if let Some(c) = f.rate_changes.get_mut(i) {
                *which.of(c) = v;
            }
        },
    )
}

/// §9 `rate_changes`: from a date on, the clause's rate is another (LPR × 1.3 until 2020-08-31,
/// then 日万分之五; or LPR × 4 from the filing date).
fn rate_changes(ctx: Ctx) -> impl IntoView {
    let count = Memo::new(move |_| ctx.form.with(|f| f.rate_changes.len()));
    view! {
        <div class="subsection" data-testid="rate-changes">
            <h3>{ctx.t("利率变更", "Rate changes")}</h3>
            <p class="hint">
                {ctx
                    .t(
                        "自某日起改按另一标准计算（如 2020年8月31日前按LPR的1.3倍，之后按日万分之五），各段分列于计算明细。",
                        "From a date on, another rate (e.g. 1.3 × LPR until 2020-08-31, then 0.05% a day); each part is its own line of the breakdown.",
                    )}
            </p>
            <div class="rows">
                {move || (0..count.get()).map(|i| rate_change_row(ctx, i)).collect_view()}
            </div>
            <div class="add-row">
                <button
                    type="button"
                    class="chip"
                    data-testid="add-rate-change"
                    on:click=move |_| {
                        ctx.edit(|f| {
                            let after_last = f
                                .rate_changes
                                .last()
                                .and_then(|c| crate::document::read::parse_date(c.from.trim()));
                            let from = match after_last.and_then(|d| d.succ_opt()) {
                                Some(d) => d.to_string(),
                                None => f.as_of.clone(),
                            };
                            let rate = f
                                .rate_changes
                                .last()
                                .map_or_else(|| f.rate(), |c| c.rate.clone());
                            f.rate_changes.push(RateChangeRow { from, rate });
                        })
                    }
                >
                    {ctx.t("+ 添加利率变更", "+ Add a rate change")}
                </button>
            </div>
        </div>
    }
}

fn rate_change_row(ctx: Ctx, i: usize) -> impl IntoView {
    let kind = Memo::new(move |_| {
        ctx.form
            .with(|f| f.rate_changes.get(i).map(|c| c.rate.kind))
    });
    let path = move |tail: &str| format!("late_payment.rate_changes[{i}].rate.{tail}");
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
            {change_field(ctx, i, ChangeText::From, ("自", "From"), "", Kind::Date)}
            {choice(
                ctx,
                path("kind"),
                ("改按", "Then"),
                ("", ""),
                vec![
                    (RateKind::Fraction, ("按日比例", "Per day(s)")),
                    (RateKind::Monthly, ("按月比例", "Per month")),
                    (RateKind::Lpr, ("LPR 倍数", "LPR multiple")),
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
                            ("LPR 倍数", "LPR multiple"),
                            "×LPR ×LPR",
                            Kind::Rate,
                        )}
                        {choice(
                            ctx,
                            path("basis_days"),
                            ("年天数", "Days per year"),
                            ("", ""),
                            vec![
                                (365u32, ("365 天", "365 days")),
                                (360u32, ("360 天", "360 days")),
                            ],
                            move |f| rate(f).basis_days,
                            move |f, v| with_rate(f, &|r| r.basis_days = v),
                        )}
                        {choice(
                            ctx,
                            path("lpr_fixing"),
                            ("取哪一天的 LPR", "Which day's LPR"),
                            ("", ""),
                            vec![
                                (
                                    LprFixing::DueDate,
                                    ("到期日（或变更日）", "Due date (or the change)"),
                                ),
                                (
                                    LprFixing::FirstDayLate,
                                    (
                                        "逾期首日（或变更日）",
                                        "First day late (or the change)",
                                    ),
                                ),
                                (LprFixing::ContractStart, ("合同订立时", "At signing")),
                                (LprFixing::Floating, ("同期（浮动）", "Floating (同期)")),
                            ],
                            move |f| rate(f).lpr_fixing,
                            move |f, v| with_rate(f, &|r| r.lpr_fixing = v),
                        )}
                    }
                        .into_any()
                }
                Some(k) => {
                    view! {
                        {change_field(
                            ctx,
                            i,
                            ChangeText::Value,
                            ("比例", "Rate"),
                            "",
                            Kind::Rate,
                        )}
                        {choice(
                            ctx,
                            path("unit"),
                            ("单位", "Unit"),
                            ("", ""),
                            RateUnit::ALL
                                .iter()
                                .map(|u| (
                                    *u,
                                    match u {
                                        RateUnit::Percent => ("% 百分之", "% percent"),
                                        RateUnit::PerMille => ("‰ 千分之", "‰ per mille"),
                                        RateUnit::PerTenThousand => {
                                            ("‱ 万分之", "‱ per ten thousand")
                                        }
                                    },
                                ))
                                .collect(),
                            move |f| rate(f).unit,
                            move |f, v| with_rate(f, &|r| r.unit = v),
                        )}
                        {if k == RateKind::Monthly {
                            change_field(
                                ctx,
                                i,
                                ChangeText::PerMonths,
                                ("每 N 个月", "Per N months"),
                                "月 months",
                                Kind::Number,
                            )
                        } else {
                            change_field(
                                ctx,
                                i,
                                ChangeText::PerDays,
                                ("每 N 日", "Per N days"),
                                "日 days",
                                Kind::Number,
                            )
                        }}
                    }
                        .into_any()
                }
                None => ().into_any(),
            }}
            <button
                type="button"
                class="remove"
                aria-label=ctx.t("删除此变更", "Remove this change")
                on:click=move |_| {
                    ctx.edit(|f| {
                        if i < f.rate_changes.len() {
                            f.rate_changes.remove(i);
                        }
                    })
                }
            >
                "×"
            </button>
        </div>
    }
}

/// §9/§10 the LPR fixings the user adds (published after this release, or as a court used them).
fn lpr_fixings(ctx: Ctx) -> impl IntoView {
    let count = Memo::new(move |_| ctx.form.with(|f| f.lpr_fixings.len()));
    let known = crate::engine::lpr::known_until();
    view! {
        <div class="subsection" data-testid="lpr-fixings">
            <h3>{ctx.t("LPR 报价（补充）", "LPR fixings (added)")}</h3>
            <p class="hint">
                {move || {
                    if ctx.is_zh() {
                        format!(
                            "内置 LPR 数据核实至{}；之后的报价可在此补充（年利率 %），同日以此处为准。",
                            crate::text::date_words(known, Lang::Zh),
                        )
                    } else {
                        format!(
                            "The built-in LPR is verified to {}; add later fixings here (% a year); on the same date these win.",
                            crate::text::date_words(known, Lang::En),
                        )
                    }
                }}
            </p>
            <div class="rows">
                {move || {
                    (0..count.get())
                        .map(|i| {
                            view! {
                                <div class="row">
                                    {field(
                                        ctx,
                                        format!("late_payment.lpr_fixings[{i}].effective"),
                                        ("生效日", "Effective"),
                                        ("", ""),
                                        "",
                                        Kind::Date,
                                        move |f| {
                                            f.lpr_fixings
                                                .get(i)
                                                .map(|x| x.effective.clone())
                                                .unwrap_or_default()
                                        },
                                        move |f, v| {
                                            if let Some(x) = f.lpr_fixings.get_mut(i) {
                                                x.effective = v;
                                            }
                                        },
                                    )}
                                    {field(
                                        ctx,
                                        format!("late_payment.lpr_fixings[{i}].one_year"),
                                        ("一年期", "One-year"),
                                        ("", ""),
                                        "%",
                                        Kind::Rate,
                                        move |f| {
                                            f.lpr_fixings
                                                .get(i)
                                                .map(|x| x.one_year.clone())
                                                .unwrap_or_default()
                                        },
                                        move |f, v| {
                                            if let Some(x) = f.lpr_fixings.get_mut(i) {
                                                x.one_year = v;
                                            }
                                        },
                                    )}
                                    {field(
                                        ctx,
                                        format!("late_payment.lpr_fixings[{i}].five_year"),
                                        ("五年期以上", "Five-year"),
                                        ("可空", "optional"),
                                        "%",
                                        Kind::Rate,
                                        move |f| {
                                            f.lpr_fixings
                                                .get(i)
                                                .map(|x| x.five_year.clone())
                                                .unwrap_or_default()
                                        },
                                        move |f, v| {
                                            if let Some(x) = f.lpr_fixings.get_mut(i) {
                                                x.five_year = v;
                                            }
                                        },
                                    )}
                                    <button
                                        type="button"
                                        class="remove"
                                        aria-label=ctx.t("删除此报价", "Remove this fixing")
                                        on:click=move |_| {
                                            ctx.edit(|f| {
                                                if i < f.lpr_fixings.len() {
                                                    f.lpr_fixings.remove(i);
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
                    data-testid="add-lpr-fixing"
                    on:click=move |_| {
                        ctx.edit(|f| {
                            let effective = known.succ_opt().unwrap_or(known).to_string();
                            let one_year = crate::engine::lpr::one_year_rate_on(known)
                                .map(|f| {
                                    (f * rust_decimal::Decimal::ONE_HUNDRED).round_dp(2).to_string()
                                })
                                .unwrap_or_default();
                            f.lpr_fixings
                                .push(crate::form::LprFixingRow {
                                    effective,
                                    one_year,
                                    ..Default::default()
                                });
                        })
                    }
                >
                    {ctx.t("+ 添加 LPR 报价", "+ Add an LPR fixing")}
                </button>
            </div>
        </div>
    }
}

/// The rate as typed, in words, per period and per year (日万分之五 = 0.05%/日 = 年18.25%), so a
/// wrong unit shows at once; empty while the rate cannot be read.
fn rate_echo(ctx: Ctx) -> Option<String> {
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

fn supplier_breaches(ctx: Ctx) -> impl IntoView {
    let sub = Memo::new(move |_| ctx.form.with(|f| f.subcontracting_enabled));
    let inc = Memo::new(move |_| ctx.form.with(|f| f.incidents_enabled));
    let q = Memo::new(move |_| ctx.form.with(|f| f.substandard_enabled));
    section(ctx, "sec-supplier", ("乙方（服务商）违约", "Supplier's breaches"), ("擅自转包、服务事故、服务不达标、泄密及造成的损失，由乙方承担。", "Subcontracting, incidents, substandard service, confidentiality and losses are the supplier's to bear."), view! {
        {toggle(
            ctx,
            "f-sub-on",
            ("擅自转包条款", "Subcontracting clause"),
            |f| f.subcontracting_enabled,
            |f, v| f.subcontracting_enabled = v,
        )}
        {move || {
            sub.get()
                .then(|| {
                    view! {
                        <div class="grid">
                            {field(
                                ctx,
                                "supplier_breaches.subcontracting.penalty_fraction".into(),
                                ("转包违约金", "Penalty"),
                                ("合同总金额的百分比", "Share of the contract total"),
                                "%",
                                Kind::Rate,
                                |f| f.subcontracting_percent.clone(),
                                |f, v| f.subcontracting_percent = v,
                            )}
                            {field(
                                ctx,
                                "supplier_breaches.subcontracting.occurred_on".into(),
                                ("发现转包日期", "Discovered on"),
                                (
                                    "留空 = 尚未发生（显示潜在风险）",
                                    "Empty = not happened (shows the exposure)",
                                ),
                                "",
                                Kind::Date,
                                |f| f.subcontracting_on.clone(),
                                |f, v| f.subcontracting_on = v,
                            )}
                        </div>
                        {toggle(
                            ctx,
                            "f-sub-refund",
                            ("并退还已付全部费用", "Plus refund of all fees paid"),
                            |f| f.subcontracting_refund,
                            |f, v| f.subcontracting_refund = v,
                        )}
                    }
                })
        }}
        {toggle(
            ctx,
            "f-inc-on",
            ("服务事故按次扣款", "Per-incident penalty"),
            |f| f.incidents_enabled,
            |f, v| f.incidents_enabled = v,
        )}
        {move || {
            inc.get()
                .then(|| {
                    view! {
                        <div class="grid">
                            {field(
                                ctx,
                                "supplier_breaches.service_incidents.count".into(),
                                ("事故次数", "Incidents"),
                                ("", ""),
                                "次 times",
                                Kind::Number,
                                |f| f.incident_count.clone(),
                                |f, v| f.incident_count = v,
                            )}
                            {field(
                                ctx,
                                "supplier_breaches.service_incidents.penalty_each".into(),
                                ("每次扣款", "Per incident"),
                                ("", ""),
                                "元 CNY",
                                Kind::Money,
                                |f| f.incident_penalty.clone(),
                                |f, v| f.incident_penalty = v,
                            )}
                        </div>
                    }
                })
        }}
        {toggle(
            ctx,
            "f-q-on",
            ("不合格服务按价值比例扣款", "Substandard service penalty"),
            |f| f.substandard_enabled,
            |f, v| f.substandard_enabled = v,
        )}
        {move || {
            q.get()
                .then(|| {
                    view! {
                        <div class="grid">
                            {field(
                                ctx,
                                "supplier_breaches.substandard_service.value".into(),
                                ("不合格服务价值", "Value of substandard service"),
                                ("", ""),
                                "元 CNY",
                                Kind::Money,
                                |f| f.substandard_value.clone(),
                                |f, v| f.substandard_value = v,
                            )}
                            {field(
                                ctx,
                                "supplier_breaches.substandard_service.fraction".into(),
                                ("扣款比例", "Penalty share"),
                                ("如 10%", "e.g. 10%"),
                                "%",
                                Kind::Rate,
                                |f| f.substandard_percent.clone(),
                                |f, v| f.substandard_percent = v,
                            )}
                        </div>
                    }
                })
        }}
        <div class="grid">
            {field(
                ctx,
                "supplier_breaches.confidentiality_penalty".into(),
                ("乙方泄密违约金", "Supplier confidentiality penalty"),
                ("留空 = 无", "Empty = none"),
                "元 CNY",
                Kind::Money,
                |f| f.supplier_confidentiality.clone(),
                |f, v| f.supplier_confidentiality = v,
            )}
        </div>
        {labelled_amount_rows(
            ctx,
            "supplier_breaches.losses",
            |f| &f.losses,
            |f| &mut f.losses,
            [
                ("损失", "Losses"),
                ("损失项目", "Loss"),
                ("金额", "Amount"),
                ("删除此项损失", "Remove this loss"),
            ],
        )}
        <div class="add-row">
            <button
                type="button"
                class="chip"
                on:click=move |_| {
                    ctx.form
                        .update(|f| {
                            f.losses
                                .push(LabelledAmount {
                                    label: if ctx.is_zh() {
                                        "客户索赔".into()
                                    } else {
                                        "Customer claim".into()
                                    },
                                    amount: "0".into(),
                                })
                        })
                }
            >
                {ctx
                    .t(
                        "+ 添加损失（客户索赔、赔偿、诉讼费…）",
                        "+ Add a loss (claims, damages, legal costs…)",
                    )}
            </button>
        </div>
    })
}

fn client_breaches(ctx: Ctx) -> impl IntoView {
    section(
        ctx,
        "sec-client",
        ("甲方（客户）违约", "Client's breaches"),
        (
            "甲方泄露乙方商业秘密等应支付的违约金。",
            "What the client owes for breaching confidentiality.",
        ),
        view! {
            <div class="grid">
                {field(
                    ctx,
                    "client_breaches.confidentiality_penalty".into(),
                    ("甲方泄密违约金", "Client confidentiality penalty"),
                    ("留空 = 无", "Empty = none"),
                    "元 CNY",
                    Kind::Money,
                    |f| f.client_confidentiality.clone(),
                    |f, v| f.client_confidentiality = v,
                )}
            </div>
        },
    )
}

fn termination(ctx: Ctx) -> impl IntoView {
    let on = Memo::new(move |_| ctx.form.with(|f| f.termination_enabled));
    section(ctx, "sec-termination", ("提前终止与结算", "Termination and settlement"), ("合同解除后，结算至终止日已发生的费用，扣除已付款项与各项违约金、损失（民法典第566条）。", "After termination, fees earned to the last day are settled against payments, penalties and losses (Civil Code Art. 566)."), view! {
        {toggle(
            ctx,
            "f-term-on",
            ("计算提前终止结算", "Settle an early termination"),
            |f| f.termination_enabled,
            |f, v| f.set_termination(v),
        )}
        {move || {
            on.get()
                .then(|| {
                    view! {
                        <div class="grid">
                            {field(
                                ctx,
                                "termination.date".into(),
                                ("服务终止日", "Last day of service"),
                                ("在合同期限之内", "Within the term"),
                                "",
                                Kind::Date,
                                |f| f.termination_date.clone(),
                                |f, v| f.termination_date = v,
                            )}
                            {choice(
                                ctx,
                                "termination.reason",
                                ("终止原因", "Reason"),
                                (
                                    "决定由哪一方承担解除违约金",
                                    "Decides who bears the termination penalty",
                                ),
                                vec![
                                    (
                                        TerminationReason::Mutual,
                                        ("协商一致", "Mutual agreement"),
                                    ),
                                    (
                                        TerminationReason::ForceMajeure,
                                        ("不可抗力", "Force majeure"),
                                    ),
                                    (
                                        TerminationReason::ClientBreach,
                                        ("甲方违约", "Client's breach"),
                                    ),
                                    (
                                        TerminationReason::SupplierBreach,
                                        ("乙方违约", "Supplier's breach"),
                                    ),
                                    (
                                        TerminationReason::Subcontracting,
                                        ("乙方擅自转包", "Supplier subcontracted"),
                                    ),
                                ],
                                |f| f.termination_reason.unwrap_or(TerminationReason::Mutual),
                                |f, v| f.termination_reason = Some(v),
                            )}
                            {field(
                                ctx,
                                "termination.breach_penalty_fraction".into(),
                                ("违约方违约金", "Breach penalty"),
                                (
                                    "合同总金额的百分比；留空 = 0",
                                    "Share of the contract total; empty = 0",
                                ),
                                "%",
                                Kind::Rate,
                                |f| f.breach_percent.clone(),
                                |f, v| f.breach_percent = v,
                            )}
                            {field(
                                ctx,
                                "termination.settlement_days".into(),
                                ("结算期限", "Settle within"),
                                (
                                    "终止日后N日内结清，遇节假日顺延",
                                    "Days after the last day; moved off rest days",
                                ),
                                "日 days",
                                Kind::Number,
                                |f| f.settlement_days.clone(),
                                |f, v| f.settlement_days = v,
                            )}
                        </div>
                    }
                })
        }}
    })
}
