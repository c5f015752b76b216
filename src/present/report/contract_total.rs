//! The contract-total card (spec §1) and its breakdown, the cycle table: each cycle's amount, due
//! date (§2), what paid it (§3), days late and penalty (§4).

use super::card::Card;
use super::cycle_label;
use super::html::Html;
use crate::engine::compute::ComputeResult;
use crate::engine::money::format_yuan;
use crate::engine::scenario::{Cycle, PartialCycle, Scenario};
use crate::present::explain;
use crate::text::{report, Text};
use rust_decimal::Decimal;

/// The contract-total card (spec "Fees": the contract total and, with auto-renewal, the total
/// with the renewed term).
pub(super) fn contract_total_card(h: &mut Html, s: &Scenario, r: &ComputeResult, open: bool) {
    let lang = h.lang;
    // Ended early, the contract does not renew: its total with renewal is not shown beside it.
    let renewal = (r.total_fees.with_renewal != r.total_fees.contract_total
        && s.termination.is_none())
    .then(|| report::with_renewal(s.contract.renewal_months, r.total_fees.with_renewal, lang));
    h.card(
        Card::ContractTotal,
        h.t(report::CONTRACT_TOTAL),
        r.total_fees.contract_total,
        renewal.as_deref(),
        open,
        |h| {
            h.formula(&explain::contract_total(s, r, lang));
            cycle_table(h, r, s.fees.cycle, s.fees.partial_cycle);
        },
    );
}

/// The cycle table's columns, and whether each is a figure.
const HEADS: [(Text, bool); 6] = [
    (report::HEAD_PERIOD, false),
    (report::HEAD_AMOUNT, true),
    (report::HEAD_DUE, false),
    (report::HEAD_PAID, true),
    (report::HEAD_DAYS_LATE, true),
    (report::HEAD_PENALTY, true),
];

fn cycle_table(h: &mut Html, r: &ComputeResult, cycle: Cycle, partial: PartialCycle) {
    let lang = h.lang;
    let m = &mut h.out;
    m.open("div", &[("class", "table-wrap")])
        .open(
            "table",
            &[("class", "cycles"), ("data-testid", "cycle-table")],
        )
        .push_static("<thead><tr>");
    for (head, num) in HEADS {
        let attrs: &[_] = if num {
            &[("scope", "col"), ("class", "num")]
        } else {
            &[("scope", "col")]
        };
        m.el("th", attrs, head.get(lang));
    }
    m.push_static("</tr></thead><tbody>");
    // A cycle only partly inside the term (§1): prorated by days, or billed in full.
    let partial_tag = match partial {
        PartialCycle::ByDays => report::PRORATED.get(lang),
        PartialCycle::Full => report::BILLED_IN_FULL.get(lang),
    };
    let capped = report::CAPPED.get(lang);
    let tag = [("class", "tag")];
    let num = [("class", "num")];
    for c in &r.total_fees.cycles {
        let mut class = Vec::new();
        if c.days_late > 0 {
            class.push("late");
        }
        // Marked while unpaid past its due date; a fee not yet due is not in arrears.
        if c.outstanding > Decimal::ZERO && c.unpaid_days > 0 {
            class.push("open");
        }
        m.open("tr", &[("class", &class.join(" "))]).open("td", &[]);
        m.push_unbroken(&cycle_label(c, cycle, lang), " – ");
        if c.partial_of.is_some() {
            m.el("span", &tag, partial_tag);
        }
        m.close("td")
            .el("td", &num, &format_yuan(c.amount))
            .open("td", &[])
            .push_text(&c.due.to_string());
        if let Some(named) = c.due_moved_from {
            m.el("span", &tag, &report::moved_from(named, lang));
        }
        m.close("td")
            .el("td", &num, &format_yuan(c.paid))
            .el("td", &num, &c.days_late.to_string())
            .open("td", &num)
            .push_text(&format_yuan(c.penalty));
        if c.capped {
            m.el("span", &tag, capped);
        }
        m.push_static("</td></tr>");
    }
    m.push_static("</tbody></table></div>");
}
