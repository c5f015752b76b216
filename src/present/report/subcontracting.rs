//! The subcontracting card (spec §5): the penalty and the refund, once it occurred or as the
//! exposure if it did.

use super::card::Card;
use super::html::Html;
use crate::engine::compute::ComputeResult;
use crate::engine::scenario::Scenario;
use crate::text::report;

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
    let label = report::subcontracting_label(clause.occurred_on, h.lang);
    let formula = report::subcontracting_formula(
        r.total_fees.contract_total,
        clause.penalty_fraction,
        penalty,
        clause.refund_paid.then_some(refund),
        h.lang,
    );
    // Occurred, but the contract ended for another reason: the settlement does not carry this
    // liability (§6 deducts it only in a termination for subcontracting), which is said, so
    // that the two cards are not read as one sum or as both settled.
    // Ended for it, the settlement is this liability: said, so that the two equal figures are
    // not read as two debts.
    // Occurred while the contract runs: the refund presupposes its termination, and the penalty
    // may be reduced, as in a settlement.
    let running = s
        .termination
        .is_none()
        .then_some(())
        .and(clause.occurred_on)
        .map(|d| report::subcontracting_while_running(clause.refund_paid, d, h.lang));
    let apart = running.or_else(|| {
        s.termination.as_ref().and_then(|t| {
            if t.reason == crate::engine::scenario::TerminationReason::Subcontracting {
                Some(report::subcontracting_is_the_settlement(
                    clause.refund_paid,
                    t.date,
                    h.lang,
                ))
            } else {
                clause
                    .occurred_on
                    .map(|_| report::subcontracting_apart(t.reason, h.lang))
            }
        })
    });
    h.card(
        Card::Subcontracting,
        &label,
        penalty + refund,
        apart.as_deref(),
        open,
        |h| h.formula(&formula),
    );
}
