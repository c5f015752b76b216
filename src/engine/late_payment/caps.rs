//! The caps on late-payment penalties (spec §4 `cap_fraction`; §9 "Caps"): per cycle, or on
//! the total against the contract total or the overdue amount.

use crate::engine::money::round_yuan;
use crate::engine::scenario::{CapBase, LatePayment};
use rust_decimal::Decimal;

/// §4 a per-cycle cap (`cap_base: cycle`): a cycle's exact penalty, at most cap × the cycle's
/// amount, before rounding; and whether it was cut.
pub(super) fn cycle_cap(terms: &LatePayment, raw: Decimal, amount: Decimal) -> (Decimal, bool) {
    match (terms.cap_base, terms.cap_fraction) {
        (CapBase::Cycle, Some(cap)) if raw > cap * amount => (cap * amount, true),
        _ => (raw, false),
    }
}

/// §9 an aggregate cap that cut the total penalty: what the cycles came to, and the limit
/// (`fraction` × `base`, the contract total or the overdue amount), which is what is owed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AggregateCut {
    pub cap_base: CapBase,
    pub base: Decimal,
    pub fraction: Decimal,
    pub sum_of_cycles: Decimal,
    pub limit: Decimal,
}

/// §9 an aggregate cap (`contract_total` or `overdue`): the total penalty, and the cut when the
/// cap made it smaller.
pub fn aggregate_cap(
    terms: &LatePayment,
    sum_of_cycles: Decimal,
    contract_total: Decimal,
    overdue: Decimal,
) -> (Decimal, Option<AggregateCut>) {
    let base = match terms.cap_base {
        CapBase::Cycle => return (round_yuan(sum_of_cycles), None),
        CapBase::ContractTotal => contract_total,
        CapBase::Overdue => overdue,
    };
    let cut = terms.cap_fraction.and_then(|fraction| {
        let limit = round_yuan(fraction * base);
        (sum_of_cycles > limit).then(|| AggregateCut {
            cap_base: terms.cap_base,
            base,
            fraction,
            sum_of_cycles: round_yuan(sum_of_cycles),
            limit,
        })
    });
    match cut {
        Some(cut) => (cut.limit, Some(cut)),
        None => (round_yuan(sum_of_cycles), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::late_payment::tests::{daily, run};
    use crate::engine::scenario::PartialPeriod;
    use crate::test_support::d;

    #[test]
    fn the_cap_limits_a_cycles_penalty() {
        // 0.1% a day on ¥40,000 for 300 days would be ¥12,000; capped at 20% of the fee = ¥8,000.
        let terms = daily("0.001", 1, PartialPeriod::ProRata, Some("0.2"));
        let p = run(&terms, "2025-01-10", "40000", &[], "40000", "2025-11-06").unwrap();
        assert_eq!(p.penalty, d("8000.00"));
        assert!(p.capped);
        // The segment still shows the uncapped ¥12,000 (§9: amounts before any cap).
        assert_eq!(p.segments[0].amount, d("12000.00"));
    }

    #[test]
    fn aggregate_caps_bite_or_not() {
        // 累计不超过合同总金额的30%: contract ¥100,000, cycles add up to ¥40,000 → ¥30,000, cut.
        let mut terms = daily("0.0005", 1, PartialPeriod::ProRata, Some("0.30"));
        terms.cap_base = CapBase::ContractTotal;
        assert_eq!(
            aggregate_cap(&terms, d("40000"), d("100000"), d("0")),
            (
                d("30000.00"),
                Some(AggregateCut {
                    cap_base: CapBase::ContractTotal,
                    base: d("100000"),
                    fraction: d("0.30"),
                    sum_of_cycles: d("40000.00"),
                    limit: d("30000.00"),
                })
            )
        );
        assert_eq!(
            aggregate_cap(&terms, d("20000"), d("100000"), d("0")),
            (d("20000.00"), None)
        );
        // 以逾期付款总额的5%为上限: ¥200,000 paid late or unpaid → at most ¥10,000.
        terms.cap_base = CapBase::Overdue;
        terms.cap_fraction = Some(d("0.05"));
        assert_eq!(
            aggregate_cap(&terms, d("12000"), d("1000000"), d("200000"))
                .1
                .map(|c| c.limit),
            Some(d("10000.00"))
        );
        assert_eq!(
            aggregate_cap(&terms, d("9000"), d("1000000"), d("200000")),
            (d("9000.00"), None)
        );
        // An aggregate base leaves each cycle uncapped.
        let p = run(&terms, "2025-01-10", "40000", &[], "40000", "2025-11-06").unwrap();
        assert!(!p.capped);
        assert_eq!(p.penalty, d("6000.00"));
    }
}
