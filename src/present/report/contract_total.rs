//! The contract-total card (spec §1) and its breakdown, the cycle table: each cycle's amount, due
//! date (§2), what paid it (§3), days late and penalty (§4).

use super::cycle_label;
use super::html::Html;
use crate::engine::compute::ComputeResult;
use crate::engine::money::format_yuan;
use crate::engine::scenario::{Cycle, Scenario};
use crate::present::explain;
use crate::text::Lang;
use rust_decimal::Decimal;
use std::fmt::Write;

/// The contract-total card (spec "Fees": the contract total and, with auto-renewal, the total
/// with the renewed term).
pub(super) fn contract_total_card(
    h: &mut Html,
    s: &Scenario,
    r: &ComputeResult,
    lang: Lang,
    open: bool,
) {
    let renewal = (r.total_fees.with_renewal != r.total_fees.contract_total).then(|| {
        let total = format_yuan(r.total_fees.with_renewal);
        let months = s.contract.renewal_months;
        if h.zh {
            format!("含自动续期 {months} 个月：{total}")
        } else {
            format!("with {months} months' renewal: {total}")
        }
    });
    let label = h.tx("合同总金额", "Contract total").to_string();
    h.card(
        "contract-total",
        &label,
        r.total_fees.contract_total,
        renewal.as_deref(),
        open,
        |h| {
            h.formula(&explain::contract_total(s, r, lang));
            cycle_table(h, r, s.fees.cycle);
        },
    );
}

fn cycle_table(h: &mut Html, r: &ComputeResult, cycle: Cycle) {
    let heads = [
        ("期间", "Period", ""),
        ("金额", "Amount", " class=\"num\""),
        ("到期日", "Due", ""),
        ("已付", "Paid", " class=\"num\""),
        ("逾期天数", "Days late", " class=\"num\""),
        ("违约金", "Penalty", " class=\"num\""),
    ];
    h.raw(r#"<div class="table-wrap"><table class="cycles" data-testid="cycle-table"><thead><tr>"#);
    for (zh, en, class) in heads {
        let _ = write!(h.out, r#"<th scope="col"{class}>{}</th>"#, h.tx(zh, en));
    }
    h.raw("</tr></thead><tbody>");
    let (prorated, capped) = (h.tx("折算", "prorated"), h.tx("封顶", "capped"));
    for c in &r.total_fees.cycles {
        let mut class = Vec::new();
        if c.days_late > 0 {
            class.push("late");
        }
        if c.outstanding > Decimal::ZERO {
            class.push("open");
        }
        let _ = write!(
            h.out,
            r#"<tr class="{}"><td>{}{}</td><td class="num">{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}{}</td></tr>"#,
            class.join(" "),
            cycle_label(c, cycle),
            if c.partial_of.is_some() {
                format!(r#"<span class="tag">{prorated}</span>"#)
            } else {
                String::new()
            },
            format_yuan(c.amount),
            c.due,
            format_yuan(c.paid),
            c.days_late,
            format_yuan(c.penalty),
            if c.capped {
                format!(r#"<span class="tag">{capped}</span>"#)
            } else {
                String::new()
            },
        );
    }
    h.raw("</tbody></table></div>");
}
