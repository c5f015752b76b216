//! The termination-settlement card (spec §6): who pays whom, and its lines: fees earned, paid,
//! late penalties, each side's charges, the net; with the notes of §13 beside it.

use super::html::{escape, Html};
use crate::engine::compute::ComputeResult;
use crate::engine::money::format_yuan;
use crate::engine::scenario::Scenario;
use crate::engine::termination::{Charge, ChargeKind, Payer, TerminationResult};
use crate::present::explain;
use crate::text::amount_in_words::amount_in_words;
use crate::text::{self, Lang};
use rust_decimal::Decimal;
use std::fmt::Write;

pub(super) fn termination_card(h: &mut Html, t: &TerminationResult, lang: Lang, open: bool) {
    let arrow = match t.payer {
        Payer::Client => h.tx("甲方 → 乙方", "client → supplier"),
        Payer::Supplier => h.tx("乙方 → 甲方", "supplier → client"),
        Payer::None => h.tx("无需支付", "nothing to pay"),
    };
    let _ = write!(
        h.out,
        r#"<details class="figure termination" data-card="termination" data-testid="termination-card"{}><summary><span class="figure-label">{}</span><span class="direction" data-testid="payer">{arrow}</span><strong class="figure-amount" data-testid="termination-net">{}</strong><span class="figure-words">{}</span><span class="figure-note">{}</span></summary>"#,
        if open { " open" } else { "" },
        h.tx("终止结算", "Termination settlement"),
        format_yuan(t.net),
        amount_in_words(t.net).unwrap_or_default(),
        escape(&explain::payer_sentence(t, lang)),
    );
    if open {
        h.raw(r#"<div class="figure-body">"#);
        h.formula(&explain::settlement(t, lang));
        h.raw(r#"<div class="table-wrap"><table class="settlement" data-testid="settlement-table"><tbody>"#);
        let zh = h.zh;
        let line = |h: &mut Html, label: &str, amount: Decimal, sign: &str| {
            h.raw("<tr><td>");
            h.text(label);
            let _ = write!(
                h.out,
                r#"</td><td class="num">{sign}{}</td></tr>"#,
                format_yuan(amount)
            );
        };
        line(
            h,
            h.tx("至终止日已发生费用", "Fees earned to the last day"),
            t.earned,
            "",
        );
        line(h, h.tx("减：已付款", "less paid"), t.paid, "− ");
        line(
            h,
            h.tx("加：逾期付款违约金", "plus late penalties"),
            t.late_penalty,
            "+ ",
        );
        let sides = [
            (
                &t.client_charge_lines,
                h.tx("加：甲方 ", "plus client: "),
                "+ ",
            ),
            (
                &t.supplier_charge_lines,
                h.tx("减：乙方 ", "less supplier: "),
                "− ",
            ),
        ];
        for (lines, side, sign) in sides {
            for c in lines {
                line(h, &format!("{side}{}", charge_label(c, zh)), c.amount, sign);
            }
        }
        let _ = write!(
            h.out,
            r#"<tr class="total"><td>{}</td><td class="num">{}</td></tr></tbody></table></div></div>"#,
            h.tx("净额", "Net"),
            format_yuan(t.net)
        );
    }
    h.raw("</details>");
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

/// §13 an overdue settlement, and a termination for breach without the right to terminate.
pub(super) fn termination_notes(
    h: &mut Html,
    s: &Scenario,
    r: &ComputeResult,
    t: &TerminationResult,
    lang: Lang,
) {
    if let Some(note) = text::results::overdue(t, lang) {
        h.raw(r#"<p class="warn" data-testid="settlement-overdue">"#);
        h.text(&note);
        h.raw("</p>");
    }
    let Some(term) = &s.termination else {
        return;
    };
    if term.reason != crate::engine::scenario::TerminationReason::ClientBreach {
        return;
    }
    let after = s.late_payment.as_ref().and_then(|l| l.terminate_after_days);
    let right = r.late_payment.terminate_right_from;
    if after.is_none() || right.is_none_or(|d| d > term.date) {
        h.raw(r#"<p class="warn" data-testid="termination-right">"#);
        h.text(&text::results::no_termination_right(
            term.date, after, right, lang,
        ));
        h.raw("</p>");
    }
}
