//! The penalty of a whole cycle (tranches, rounding) and the fixtures every test of this
//! module's clauses uses: a clause at a daily rate, an LPR rate, a payment, one cycle's run.

use super::*;
use crate::engine::lpr::builtin;
use crate::engine::scenario::{CapBase, DayCount, Extra, LprFixing, LprTerm, PartialPeriod, Rate};
use crate::test_support::{d, date};

pub(super) fn daily(
    fraction: &str,
    per_days: u32,
    partial: PartialPeriod,
    cap: Option<&str>,
) -> LatePayment {
    LatePayment {
        rate: Rate::Fraction {
            fraction: d(fraction),
            per_days,
            extra: Extra::new(),
        },
        rate_changes: Vec::new(),
        partial_period: partial,
        day_count: DayCount::Standard,
        accrues_from: None,
        cap_fraction: cap.map(d),
        cap_base: CapBase::Cycle,
        rounding: Rounding::PerCycle,
        lpr_fixings: Vec::new(),
        suspend_after_days: None,
        terminate_after_days: None,
        extra: Extra::new(),
    }
}
pub(super) fn lpr_rate(multiple: &str, basis_days: u32, fixing: LprFixing) -> Rate {
    Rate::Lpr {
        lpr_multiple: d(multiple),
        basis_days,
        lpr_fixing: fixing,
        lpr_term: LprTerm::OneYear,
        extra: Extra::new(),
    }
}
pub(super) fn with_rate(rate: Rate) -> LatePayment {
    LatePayment {
        rate,
        ..daily("0", 1, PartialPeriod::ProRata, None)
    }
}
pub(super) fn paid(on: &str, amount: &str) -> Tranche {
    Tranche {
        paid_on: date(on),
        amount: d(amount),
    }
}
/// One cycle's penalty, with the built-in LPR table and a contract from 2020-01-01.
pub(super) fn run(
    terms: &LatePayment,
    due: &str,
    amount: &str,
    tranches: &[Tranche],
    outstanding: &str,
    as_of: &str,
) -> Result<CyclePenalty, NoLpr> {
    let mut seen = Assumptions::default();
    let mut counted = Vec::new();
    let mut ctx = PenaltyContext {
        contract_start: date("2020-01-01"),
        lpr: builtin(),
        seen: &mut seen,
        counted: &mut counted,
        segments_left: super::MAX_SEGMENTS,
        too_many_segments: false,
    };
    cycle_penalty(
        terms,
        &mut ctx,
        date(due),
        d(amount),
        tranches,
        d(outstanding),
        date(as_of),
    )
}

#[test]
fn ten_days_late_at_five_per_ten_thousand_a_day() {
    // ¥50,000 due 2025-03-10, paid 03-20: 10 days × 0.05% × ¥50,000 = ¥250.
    let terms = daily("0.0005", 1, PartialPeriod::ProRata, None);
    let p = run(
        &terms,
        "2025-03-10",
        "50000",
        &[paid("2025-03-20", "50000")],
        "0",
        "2025-09-30",
    )
    .unwrap();
    assert_eq!(p.penalty, d("250.00"));
    assert_eq!(p.segments.len(), 1);
    assert_eq!(
        (p.segments[0].from, p.segments[0].to),
        (date("2025-03-11"), date("2025-03-20"))
    );
}

#[test]
fn paying_on_the_due_date_costs_nothing() {
    let terms = daily("0.0005", 1, PartialPeriod::ProRata, None);
    let p = run(
        &terms,
        "2025-03-10",
        "50000",
        &[paid("2025-03-10", "50000")],
        "0",
        "2025-09-30",
    )
    .unwrap();
    assert_eq!(p.penalty, d("0.00"));
    assert!(p.segments.is_empty());
}

#[test]
fn split_payment_each_tranche_for_its_own_days() {
    // ¥30,000 on time, ¥20,000 50 days late (4-10 → 5-30): 20,000 × 0.0005 × 50 = ¥500.
    let terms = daily("0.0005", 1, PartialPeriod::ProRata, None);
    let p = run(
        &terms,
        "2025-04-10",
        "50000",
        &[paid("2025-04-10", "30000"), paid("2025-05-30", "20000")],
        "0",
        "2025-09-30",
    )
    .unwrap();
    assert_eq!(p.penalty, d("500.00"));
    assert_eq!(p.overdue_base, d("20000"));
}

#[test]
fn rounding_each_segment_or_the_cycle_once() {
    // Three part payments of ¥333.33 each 1 day late at 0.05%: 0.166665 each. Per cycle:
    // 0.499995 → ¥0.50; per segment: 3 × ¥0.17 = ¥0.51.
    let mut terms = daily("0.0005", 1, PartialPeriod::ProRata, None);
    let tranches = [
        paid("2025-03-11", "333.33"),
        paid("2025-03-11", "333.33"),
        paid("2025-03-11", "333.33"),
    ];
    let p = run(&terms, "2025-03-10", "999.99", &tranches, "0", "2025-12-31").unwrap();
    assert_eq!(p.penalty, d("0.50"));
    terms.rounding = Rounding::PerSegment;
    let p = run(&terms, "2025-03-10", "999.99", &tranches, "0", "2025-12-31").unwrap();
    assert_eq!(p.penalty, d("0.51"));
}
