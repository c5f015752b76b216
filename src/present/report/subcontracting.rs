//! The subcontracting card (spec §5): the penalty and the refund, once it occurred or as the
//! exposure if it did.

use super::html::Html;
use crate::engine::compute::ComputeResult;
use crate::engine::money::format_yuan;
use crate::engine::scenario::Scenario;
use crate::present::explain;
use crate::text::Lang;

pub(super) fn subcontracting_card(h: &mut Html, s: &Scenario, r: &ComputeResult, open: bool) {
    let Some(clause) = s
        .supplier_breaches
        .as_ref()
        .and_then(|b| b.subcontracting.as_ref())
    else {
        return;
    };
    let (penalty, refund) =
        crate::engine::subcontracting::exposure(clause, r.total_fees.contract_total, r.paid);
    let label = match clause.occurred_on {
        Some(d) if h.zh => format!("转包违约责任（{}发现）", explain::date_words(d, Lang::Zh)),
        Some(d) => format!(
            "Subcontracting liability (found {})",
            explain::date_words(d, Lang::En)
        ),
        None => h
            .tx(
                "若擅自转包：乙方风险敞口",
                "If the supplier subcontracts: exposure",
            )
            .to_string(),
    };
    let amount = penalty + refund;
    let pct = explain::percent(clause.penalty_fraction);
    let total = format_yuan(r.total_fees.contract_total);
    let (p, rf, sum) = (
        format_yuan(penalty),
        format_yuan(refund),
        format_yuan(penalty + refund),
    );
    let formula = match (h.zh, clause.refund_paid) {
        (true, true) => {
            format!("合同总金额 {total} × {pct} = {p}，加退还已付费用 {rf}，合计 {sum}")
        }
        (true, false) => format!("合同总金额 {total} × {pct} = {p}"),
        (false, true) => format!(
            "contract total {total} × {pct} = {p}, plus refund of fees paid {rf}, total {sum}"
        ),
        (false, false) => format!("contract total {total} × {pct} = {p}"),
    };
    h.card("subcontracting", &label, amount, None, open, |h| {
        h.formula(&formula)
    });
}
