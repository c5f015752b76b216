//! Subcontracting without consent (擅自转包, spec §5): a share of the contract total as penalty,
//! plus the refund of every fee paid when the contract says so.

use crate::engine::money::round_yuan;
use crate::engine::scenario::Subcontracting;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// What the supplier owes for subcontracting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubcontractingResult {
    pub occurred_on: NaiveDate,
    /// penalty_fraction × contract total, rounded to 0.01.
    pub penalty: Decimal,
    /// All fees paid by the evaluation date when `refund_paid`, else 0.
    pub refund: Decimal,
    pub total: Decimal,
}

/// penalty_fraction × contract total (rounded): also the penalty a subcontracting termination adds.
pub fn penalty(clause: &Subcontracting, contract_total: Decimal) -> Decimal {
    round_yuan(clause.penalty_fraction * contract_total)
}

/// What subcontracting costs the supplier on the evaluation date: the penalty, plus every fee
/// paid when the clause refunds them. The app shows it as the risk before it happens.
pub fn exposure(
    clause: &Subcontracting,
    contract_total: Decimal,
    paid: Decimal,
) -> (Decimal, Decimal) {
    let refund = if clause.refund_paid {
        paid
    } else {
        Decimal::ZERO
    };
    (penalty(clause, contract_total), round_yuan(refund))
}

/// The liability once subcontracting was discovered (`occurred_on` set); `None` before.
pub fn subcontracting(
    clause: &Subcontracting,
    contract_total: Decimal,
    paid: Decimal,
) -> Option<SubcontractingResult> {
    let occurred_on = clause.occurred_on?;
    let (penalty, refund) = exposure(clause, contract_total, paid);
    Some(SubcontractingResult {
        occurred_on,
        penalty,
        refund,
        total: penalty + refund,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario::Extra;
    use crate::test_support::d;

    fn clause(fraction: &str, refund_paid: bool, on: Option<&str>) -> Subcontracting {
        Subcontracting {
            penalty_fraction: d(fraction),
            refund_paid,
            occurred_on: on.map(crate::test_support::date),
            extra: Extra::new(),
        }
    }

    #[test]
    fn twenty_percent_of_the_total_plus_the_refund() {
        // 20% of ¥600,000 = ¥120,000, plus the ¥300,000 paid so far = ¥420,000.
        let r = subcontracting(
            &clause("0.20", true, Some("2025-07-01")),
            d("600000.00"),
            d("300000.00"),
        )
        .unwrap();
        assert_eq!(
            (r.penalty, r.refund, r.total),
            (d("120000.00"), d("300000.00"), d("420000.00"))
        );
    }

    #[test]
    fn without_refund_only_the_penalty() {
        let r = subcontracting(
            &clause("0.20", false, Some("2025-07-01")),
            d("600000.00"),
            d("300000.00"),
        )
        .unwrap();
        assert_eq!(r.total, d("120000.00"));
    }

    #[test]
    fn nothing_before_it_happened() {
        assert_eq!(
            subcontracting(&clause("0.20", true, None), d("600000.00"), d("1")),
            None
        );
    }
}
