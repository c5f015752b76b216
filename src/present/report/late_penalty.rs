//! The late-payment card (spec §4, §9): the total penalty with the rights it gave (§4), and its
//! breakdown: the agreed rate, the reasonableness check (§11), each cycle's formula, the claim's
//! 计算明细 and the exposure chart (§12).

use super::html::Html;
use super::period;
use crate::engine::compute::ComputeResult;
use crate::engine::scenario::Scenario;
use crate::present::explain;
use crate::text::{self, Lang};
use rust_decimal::Decimal;
use std::fmt::Write;

/// The late-payment card: the total to date, the rights to suspend and terminate beside it.
pub(super) fn late_penalty_card(
    h: &mut Html,
    s: &Scenario,
    r: &ComputeResult,
    lang: Lang,
    open: bool,
) {
    let rights = rights_note(s, r, lang);
    let label = h
        .tx("逾期付款违约金（至今）", "Late-payment penalties to date")
        .to_string();
    h.card(
        "late-penalty",
        &label,
        r.late_payment.total_penalty,
        rights.as_deref(),
        open,
        |h| late_body(h, s, r, lang),
    );
}

fn rights_note(s: &Scenario, r: &ComputeResult, lang: Lang) -> Option<String> {
    let terms = s.late_payment.as_ref()?;
    let zh = lang == Lang::Zh;
    let when = |d| explain::date_words(d, lang);
    // A right still stands while some fee is unpaid more than k days after it fell due; once
    // everything that late is paid, it is history, not a headline.
    let standing = |k: Option<u32>| {
        k.is_some_and(|k| {
            r.total_fees
                .cycles
                .iter()
                .any(|c| c.outstanding > Decimal::ZERO && c.unpaid_days > i64::from(k))
        })
    };
    let mut parts = Vec::new();
    let rights = [
        (
            r.late_payment.suspend_right_from,
            terms.suspend_after_days,
            ("暂停服务", "suspend service"),
        ),
        (
            r.late_payment.terminate_right_from,
            terms.terminate_after_days,
            ("解除合同", "terminate"),
        ),
    ];
    for (from, k, (what_zh, what_en)) in rights {
        let Some(d) = from else { continue };
        parts.push(match (zh, standing(k)) {
            (true, true) => format!("{}起乙方有权{what_zh}", when(d)),
            (false, true) => format!("supplier may {what_en} from {}", when(d)),
            (true, false) => format!("乙方曾于{}起有权{what_zh}（相应欠款已付清）", when(d)),
            (false, false) => format!(
                "supplier could {what_en} from {} (those arrears are since paid)",
                when(d)
            ),
        });
    }
    (!parts.is_empty()).then(|| parts.join(if zh { "；" } else { "; " }))
}

fn rate_text(s: &Scenario, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let Some(l) = &s.late_payment else {
        return if zh {
            "合同未约定逾期付款违约金".into()
        } else {
            "no late-payment clause".into()
        };
    };
    let rate = explain::agreed_rate(&l.rate, lang);
    let cap = l.cap_fraction.map(|c| {
        let pct = explain::percent(c);
        if zh {
            format!("，每期以该期费用的 {pct} 为上限")
        } else {
            format!(", capped at {pct} of each cycle's fee")
        }
    });
    format!("{rate}{}", cap.unwrap_or_default())
}

fn late_body(h: &mut Html, s: &Scenario, r: &ComputeResult, lang: Lang) {
    if let Some(x) = &r.late_payment.reasonableness {
        h.raw(r#"<p class="reasonableness" data-testid="reasonableness">"#);
        h.text(&text::results::reasonableness(x, lang));
        h.raw("</p>");
    }
    let rule = h.tx(
        "。每笔逾期款项 × 比例 × 逾期天数 ÷ 计息期天数；到期日当日付款不算逾期（民法典第201条），违约金以合同约定为准（第585条）。",
        ". Each late amount × rate × days late ÷ period; paying on the due date is not late (Civil Code Art. 201); penalties as agreed (Art. 585).",
    );
    h.formula(&format!("{}{rule}", rate_text(s, lang)));
    let lines: Vec<(String, String)> = r
        .total_fees
        .cycles
        .iter()
        .filter_map(|c| explain::cycle_penalty(c, lang).map(|f| (period(c.start, c.end), f)))
        .collect();
    if lines.is_empty() {
        let none = h.tx("目前没有逾期。", "Nothing is late.");
        let _ = write!(h.out, r#"<p class="muted">{none}</p>"#);
    } else {
        h.raw(r#"<ul class="formula-list">"#);
        for (period, formula) in lines {
            let _ = write!(h.out, r#"<li><span class="period">{period}</span>"#);
            h.text(&formula);
            h.raw("</li>");
        }
        h.raw("</ul>");
        h.raw(&crate::present::claim::claim_table_html(r, lang));
    }
    // §12: a year ahead, a point a month, if nothing more is paid.
    if let Ok(points) = crate::engine::what_if::exposure(s, 360, 30) {
        h.raw(&crate::present::chart::exposure_svg(&points, lang));
    }
}
