//! The results panel: headline figures (in ¥ and in 大写), each expandable to its breakdown — the
//! cycle table, the settlement lines and the formula in words with the clause behind it. When
//! the form is invalid the last valid figures stay, visibly marked stale.

use super::{Ctx, Figures};
use crate::amount_in_words::amount_in_words;
use crate::compute::ComputeResult;
use crate::explain;
use crate::money::format_yuan;
use crate::scenario::{Rate, Scenario};
use crate::termination::{Charge, ChargeKind, Payer};
use crate::validation::Lang;
use leptos::prelude::*;
use rust_decimal::Decimal;

fn words(d: Decimal) -> String {
    amount_in_words(d).unwrap_or_default()
}

#[component]
pub fn Results() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let stale = move || ctx.shown.with(|s| s.1);
    let error_count = move || ctx.errors.with(|e| e.len());
    let opens = Opens {
        total: RwSignal::new(false),
        late: RwSignal::new(false),
        subcontracting: RwSignal::new(false),
        termination: RwSignal::new(true),
    };
    view! {
        <div class="results-inner" class:stale=stale data-testid="results">
            {move || stale().then(|| view! {
                <p class="stale-note" role="status" data-testid="stale">
                    {move || if ctx.is_zh() {
                        format!("有 {} 处输入需要修改；下方为最后一次有效输入的结果。", error_count())
                    } else {
                        format!("{} field(s) need fixing; the figures below are from the last valid input.", error_count())
                    }}
                </p>
            })}
            {move || {
                let lang = ctx.lang.get();
                ctx.shown.with(|(figures, _)| match figures {
                    Some(f) => panel(ctx, f, lang, opens).into_any(),
                    None => view! { <p class="muted">{ctx.t("请先完成输入。", "Complete the form to see figures.")}</p> }.into_any(),
                })
            }}
        </div>
    }
}

/// On a phone the results sit below the form: this bar keeps the headline figures in view while
/// typing, and jumps to the full results.
#[component]
pub fn SummaryBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let figures = move || {
        ctx.shown.with(|(f, stale)| {
            f.as_ref().map(|(_, r)| {
                (
                    format_yuan(r.total_fees.contract_total),
                    format_yuan(r.late_payment.total_penalty),
                    *stale,
                )
            })
        })
    };
    view! {
        <a class="summary-bar" href="#results" data-testid="summary-bar">
            {move || figures().map(|(total, penalty, stale)| view! {
                <span class:stale=stale><small>{ctx.t("合同总金额", "Total")}</small><strong>{total}</strong></span>
                <span class:stale=stale><small>{ctx.t("逾期违约金", "Late penalties")}</small><strong>{penalty}</strong></span>
                <span class="go">{ctx.t("查看结果 ↓", "Results ↓")}</span>
            })}
        </a>
    }
}

/// Which breakdowns are open: a closed one is not rendered at all, so typing stays cheap.
#[derive(Clone, Copy)]
pub struct Opens {
    total: RwSignal<bool>,
    late: RwSignal<bool>,
    subcontracting: RwSignal<bool>,
    termination: RwSignal<bool>,
}

/// Follows the user opening or closing a `<details>`; only a real change is written back.
fn track_toggle(open: RwSignal<bool>) -> impl Fn(leptos::ev::Event) + 'static {
    move |ev| {
        let now = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        if open.get_untracked() != now {
            open.set(now);
        }
    }
}

fn headline(
    label: String,
    amount: Decimal,
    testid: &'static str,
    note: Option<String>,
    open: RwSignal<bool>,
    body: impl FnOnce() -> AnyView,
) -> AnyView {
    let body = open.get().then(body);
    view! {
        <details class="figure" data-testid=format!("{testid}-card") prop:open=open.get_untracked() on:toggle=track_toggle(open)>
            <summary>
                <span class="figure-label">{label}</span>
                <strong class="figure-amount" data-testid=testid>{format_yuan(amount)}</strong>
                <span class="figure-words">{words(amount)}</span>
                {note.map(|n| view! { <span class="figure-note">{n}</span> })}
            </summary>
            <div class="figure-body">{body}</div>
        </details>
    }
    .into_any()
}

fn panel(ctx: Ctx, (s, r): &Figures, lang: Lang, opens: Opens) -> impl IntoView {
    let zh = lang == Lang::Zh;
    let tx = |a: &str, b: &str| if zh { a.to_string() } else { b.to_string() };
    let renewal_note = (r.total_fees.with_renewal != r.total_fees.contract_total).then(|| {
        if zh {
            format!(
                "含自动续期 {} 个月：{}",
                s.contract.renewal_months,
                format_yuan(r.total_fees.with_renewal)
            )
        } else {
            format!(
                "with {} months' renewal: {}",
                s.contract.renewal_months,
                format_yuan(r.total_fees.with_renewal)
            )
        }
    });
    let rights = rights_note(s, r, zh);
    view! {
        <h2 class="results-title">{tx("计算结果", "Figures")}<span class="as-of">{if zh { format!("截至 {}", s.as_of) } else { format!("as of {}", s.as_of) }}</span></h2>
        {headline(tx("合同总金额", "Contract total"), r.total_fees.contract_total, "contract-total", renewal_note, opens.total,
            || view! {
                <p class="formula">{explain::contract_total(s, r, lang)}</p>
                {cycle_table(r, zh)}
            }.into_any())}
        {headline(tx("逾期付款违约金（至今）", "Late-payment penalties to date"), r.late_payment.total_penalty, "late-penalty", rights, opens.late,
            || late_body(s, r, lang).into_any())}
        {subcontracting_card(s, r, zh, opens.subcontracting)}
        {termination_card(r, lang, opens.termination)}
        <div class="paid-line">
            <span>{tx("已付款合计", "Paid to date")}</span><strong data-testid="paid">{format_yuan(r.paid)}</strong>
            {(r.unapplied_payments > Decimal::ZERO).then(|| view! {
                <span class="warn">{if zh { format!("其中 {} 超出应付费用，未抵充", format_yuan(r.unapplied_payments)) } else { format!("{} exceeds all fees and is unapplied", format_yuan(r.unapplied_payments)) }}</span>
            })}
        </div>
        {terms_statement(s, lang)}
        <p class="print-only muted">{move || if ctx.is_zh() { "本结果由 contract-calc 在浏览器中计算，仅供参考。" } else { "Computed in the browser by contract-calc, for reference." }}</p>
    }
}

/// The scenario's key terms in words, printed above the figures.
fn terms_statement(s: &Scenario, lang: Lang) -> impl IntoView {
    let c = crate::compare::compare(&[(s.name.clone(), s.clone())], lang);
    view! {
        <table class="print-only terms">
            <caption>{s.name.clone()}</caption>
            <tbody>
                {c.rows.into_iter().map(|r| view! {
                    <tr><th scope="row">{r.label}</th><td>{r.values.into_iter().next().unwrap_or_default()}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn rights_note(s: &Scenario, r: &ComputeResult, zh: bool) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(d) = r.late_payment.suspend_right_from {
        parts.push(if zh {
            format!("{d} 起乙方有权暂停服务")
        } else {
            format!("supplier may suspend service from {d}")
        });
    }
    if let Some(d) = r.late_payment.terminate_right_from {
        parts.push(if zh {
            format!("{d} 起乙方有权解除合同")
        } else {
            format!("supplier may terminate from {d}")
        });
    }
    if parts.is_empty() {
        s.late_payment.as_ref()?;
        return None;
    }
    Some(parts.join(if zh { "；" } else { "; " }))
}

fn rate_text(s: &Scenario, zh: bool) -> String {
    let Some(l) = &s.late_payment else {
        return if zh {
            "合同未约定逾期付款违约金".into()
        } else {
            "no late-payment clause".into()
        };
    };
    let rate = match &l.rate {
        Rate::Fraction {
            fraction, per_days, ..
        } => explain::rate_words(*fraction, *per_days, if zh { Lang::Zh } else { Lang::En }),
        Rate::Lpr {
            lpr_multiple,
            basis_days,
            ..
        } => {
            if zh {
                format!("{}倍 LPR（年 {} 天）", lpr_multiple.normalize(), basis_days)
            } else {
                format!(
                    "{} × LPR ({}-day year)",
                    lpr_multiple.normalize(),
                    basis_days
                )
            }
        }
    };
    let cap = l.cap_fraction.map(|c| {
        let pct = (c * Decimal::ONE_HUNDRED).normalize();
        if zh {
            format!("，每期以该期费用的 {pct}% 为上限")
        } else {
            format!(", capped at {pct}% of each cycle's fee")
        }
    });
    format!("{rate}{}", cap.unwrap_or_default())
}

fn late_body(s: &Scenario, r: &ComputeResult, lang: Lang) -> impl IntoView {
    let zh = lang == Lang::Zh;
    let lines: Vec<(String, String)> = r
        .total_fees
        .cycles
        .iter()
        .filter_map(|c| explain::cycle_penalty(c, lang).map(|f| (period(c.start, c.end), f)))
        .collect();
    view! {
        <p class="formula">
            {rate_text(s, zh)}
            {if zh { "。每笔逾期款项 × 比例 × 逾期天数 ÷ 计息期天数；到期日当日付款不算逾期（民法典第201条），违约金以合同约定为准（第585条）。" } else { ". Each late amount × rate × days late ÷ period; paying on the due date is not late (Civil Code Art. 201); penalties as agreed (Art. 585)." }}
        </p>
        {if lines.is_empty() {
            view! { <p class="muted">{if zh { "目前没有逾期。" } else { "Nothing is late." }}</p> }.into_any()
        } else {
            view! {
                <ul class="formula-list">
                    {lines.into_iter().map(|(period, f)| view! { <li><span class="period">{period}</span>{f}</li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// `2025-07-01 – 07-20`: the year once when both ends share it.
fn period(start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if start.year() == end.year() {
        format!("{start} – {}", end.format("%m-%d"))
    } else {
        format!("{start} – {end}")
    }
}

fn cycle_table(r: &ComputeResult, zh: bool) -> impl IntoView {
    let h = |a: &'static str, b: &'static str| if zh { a } else { b };
    view! {
        <div class="table-wrap">
            <table class="cycles" data-testid="cycle-table">
                <thead><tr>
                    <th scope="col">{h("期间", "Period")}</th>
                    <th scope="col" class="num">{h("金额", "Amount")}</th>
                    <th scope="col">{h("到期日", "Due")}</th>
                    <th scope="col" class="num">{h("已付", "Paid")}</th>
                    <th scope="col" class="num">{h("逾期天数", "Days late")}</th>
                    <th scope="col" class="num">{h("违约金", "Penalty")}</th>
                </tr></thead>
                <tbody>
                    {r.total_fees.cycles.iter().map(|c| {
                        let late = c.days_late > 0;
                        let open = c.outstanding > Decimal::ZERO;
                        view! {
                            <tr class:late=late class:open=open>
                                <td>{period(c.start, c.end)}{c.partial_of.map(|_| view! { <span class="tag">{h("折算", "prorated")}</span> })}</td>
                                <td class="num">{format_yuan(c.amount)}</td>
                                <td>{c.due.to_string()}</td>
                                <td class="num">{format_yuan(c.paid)}</td>
                                <td class="num">{c.days_late}</td>
                                <td class="num">{format_yuan(c.penalty)}{c.capped.then(|| view! { <span class="tag">{h("封顶", "capped")}</span> })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn subcontracting_card(
    s: &Scenario,
    r: &ComputeResult,
    zh: bool,
    open: RwSignal<bool>,
) -> Option<AnyView> {
    let clause = s.supplier_breaches.as_ref()?.subcontracting.as_ref()?;
    let penalty = crate::subcontracting::penalty(clause, r.total_fees.contract_total);
    let refund = if clause.refund_paid {
        r.paid
    } else {
        Decimal::ZERO
    };
    let (label, amount) = match &r.subcontracting {
        Some(x) => (
            if zh {
                format!("转包违约责任（{} 发现）", x.occurred_on)
            } else {
                format!("Subcontracting liability (found {})", x.occurred_on)
            },
            x.total,
        ),
        None => (
            if zh {
                "若擅自转包：乙方风险敞口".to_string()
            } else {
                "If the supplier subcontracts: exposure".to_string()
            },
            penalty + refund,
        ),
    };
    let pct = (clause.penalty_fraction * Decimal::ONE_HUNDRED).normalize();
    let formula = if zh {
        format!(
            "合同总金额 {} × {pct}% = {}{}",
            format_yuan(r.total_fees.contract_total),
            format_yuan(penalty),
            if clause.refund_paid {
                format!(
                    "，加退还已付费用 {}，合计 {}",
                    format_yuan(refund),
                    format_yuan(penalty + refund)
                )
            } else {
                String::new()
            }
        )
    } else {
        format!(
            "contract total {} × {pct}% = {}{}",
            format_yuan(r.total_fees.contract_total),
            format_yuan(penalty),
            if clause.refund_paid {
                format!(
                    ", plus refund of fees paid {}, total {}",
                    format_yuan(refund),
                    format_yuan(penalty + refund)
                )
            } else {
                String::new()
            }
        )
    };
    Some(headline(
        label,
        amount,
        "subcontracting",
        None,
        open,
        move || view! { <p class="formula">{formula}</p> }.into_any(),
    ))
}

fn charge_label(c: &Charge, zh: bool) -> String {
    let text = match (c.kind, zh) {
        (ChargeKind::ServiceIncidents, true) => "服务事故扣款",
        (ChargeKind::ServiceIncidents, false) => "Service incidents",
        (ChargeKind::SubstandardService, true) => "不合格服务扣款",
        (ChargeKind::SubstandardService, false) => "Substandard service",
        (ChargeKind::ConfidentialityPenalty, true) => "泄密违约金",
        (ChargeKind::ConfidentialityPenalty, false) => "Confidentiality penalty",
        (ChargeKind::Loss, _) => return c.label.clone(),
        (ChargeKind::BreachPenalty, true) => "违约解除违约金",
        (ChargeKind::BreachPenalty, false) => "Breach penalty",
        (ChargeKind::SubcontractingPenalty, true) => "转包违约金",
        (ChargeKind::SubcontractingPenalty, false) => "Subcontracting penalty",
    };
    text.to_string()
}

fn termination_card(r: &ComputeResult, lang: Lang, open: RwSignal<bool>) -> Option<AnyView> {
    let t = r.termination.as_ref()?;
    let zh = lang == Lang::Zh;
    let arrow = match t.payer {
        Payer::Client => {
            if zh {
                "甲方 → 乙方"
            } else {
                "client → supplier"
            }
        }
        Payer::Supplier => {
            if zh {
                "乙方 → 甲方"
            } else {
                "supplier → client"
            }
        }
        Payer::None => {
            if zh {
                "无需支付"
            } else {
                "nothing to pay"
            }
        }
    };
    let line = |label: String, amount: Decimal, sign: &'static str| {
        view! {
            <tr><td>{label}</td><td class="num">{format!("{sign}{}", format_yuan(amount))}</td></tr>
        }
    };
    let h = |a: &str, b: &str| if zh { a.to_string() } else { b.to_string() };
    let body = open.get().then(|| view! {
        <p class="formula">{explain::settlement(t, lang)}</p>
        <div class="table-wrap"><table class="settlement" data-testid="settlement-table"><tbody>
            {line(h("至终止日已发生费用", "Fees earned to the last day"), t.earned, "")}
            {line(h("减：已付款", "less paid"), t.paid, "− ")}
            {line(h("加：逾期付款违约金", "plus late penalties"), t.late_penalty, "+ ")}
            {t.client_charge_lines.iter().map(|c| line(format!("{}{}", h("加：甲方 ", "plus client: "), charge_label(c, zh)), c.amount, "+ ")).collect_view()}
            {t.supplier_charge_lines.iter().map(|c| line(format!("{}{}", h("减：乙方 ", "less supplier: "), charge_label(c, zh)), c.amount, "− ")).collect_view()}
            <tr class="total"><td>{h("净额", "Net")}</td><td class="num">{format_yuan(t.net)}</td></tr>
        </tbody></table></div>
    });
    Some(view! {
        <details class="figure termination" data-testid="termination-card" prop:open=open.get_untracked() on:toggle=track_toggle(open)>
            <summary>
                <span class="figure-label">{h("终止结算", "Termination settlement")}</span>
                <span class="direction" data-testid="payer">{arrow}</span>
                <strong class="figure-amount" data-testid="termination-net">{format_yuan(t.net)}</strong>
                <span class="figure-words">{words(t.net)}</span>
                <span class="figure-note">{explain::payer_sentence(t, lang)}</span>
            </summary>
            <div class="figure-body">{body}</div>
        </details>
    }
    .into_any())
}
