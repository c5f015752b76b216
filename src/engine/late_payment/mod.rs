//! Late-payment penalties (逾期付款违约金, spec §4 and §9): per cycle, every tranche (a part
//! payment, or the unpaid rest) accrues over its counted days, split into segments wherever the
//! rate changes (`rate_changes`, or a 同期 LPR that moved), each segment `base × f × g`; rounded per
//! cycle or per segment and capped per cycle; and the dates from which the supplier may suspend
//! service (暂停服务) or terminate (解除合同) for non-payment.
//!
//! - days late and counted days: `counted_days`
//! - the rate in force and the day of its LPR: `rate_in_force`
//! - `g`, the share of the rate's period: `period_share`
//! - segments, the 计算明细: `segments`
//! - caps: `caps`
//! - the rights to suspend and to terminate: `rights`

mod caps;
mod counted_days;
mod period_share;
mod rate_in_force;
mod rights;
mod segments;
#[cfg(test)]
mod tests;

pub use caps::{aggregate_cap, AggregateCut};
pub use counted_days::{counted_days, days_late};
pub use period_share::{months_and_days, Share};
pub use rights::{
    last_ground, right_arises, right_may_lapse, right_stands_since, CycleStatus, RightLapse,
};
pub use segments::{Period, Segment};

use crate::engine::lpr::LprTable;
use crate::engine::money::round_yuan;
use crate::engine::payments::Tranche;
use crate::engine::scenario::{LatePayment, Rounding};
use crate::engine::warnings::Assumptions;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Which rate of the clause could not be given an LPR: `rate` or `rate_changes[i].rate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateRef {
    Base,
    Change(usize),
}

/// A day before 2015-10-24 whose LPR a rate needs: no rate exists for it. `floating`: the day is
/// a counted day (a floating rate); otherwise it is the rate's fixing day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoLpr {
    pub date: NaiveDate,
    pub rate: RateRef,
    pub floating: bool,
}

/// What the penalty rules need beyond the clause itself, and where they note what they used.
pub struct PenaltyContext<'a> {
    pub contract_start: NaiveDate,
    pub lpr: &'a LprTable,
    pub seen: &'a mut Assumptions,
    /// Every late tranche's counted days, cycle after cycle (for §11).
    pub counted: &'a mut Vec<CountedSpan>,
    /// Segments still allowed in this computation ([`MAX_SEGMENTS`]); when none are left, no more
    /// are made and `too_many_segments` is set.
    pub segments_left: usize,
    pub too_many_segments: bool,
}

/// The most 计算明细 segments one computation makes: every late tranche split at every rate
/// change and floating-LPR fixing in its span. A ten-year contract left unpaid at a floating LPR
/// makes about 1,100; a link with ten thousand payments and ten thousand rate changes would make 10⁸, more
/// than a phone's memory, and is refused instead of taking the page down.
pub const MAX_SEGMENTS: usize = 100_000;

/// A late tranche's counted days, for the reasonableness reference of §11.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountedSpan {
    pub base: Decimal,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// One cycle's penalty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CyclePenalty {
    /// Rounded to 0.01, after a per-cycle cap.
    pub penalty: Decimal,
    /// Whether a per-cycle cap cut the penalty.
    pub capped: bool,
    /// Tranche by tranche in payment order, the unpaid rest last; each in date order.
    pub segments: Vec<Segment>,
    /// Every tranche paid after its due date or unpaid after it (the `overdue` cap base).
    pub overdue_base: Decimal,
}

fn next(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

fn prev(d: NaiveDate) -> NaiveDate {
    d.pred_opt().unwrap_or(d)
}

/// The penalty on one cycle of `amount` due on `due`, paid by `tranches`, with `outstanding`
/// still unpaid on `as_of`.
pub fn cycle_penalty(
    terms: &LatePayment,
    ctx: &mut PenaltyContext,
    due: NaiveDate,
    amount: Decimal,
    tranches: &[Tranche],
    outstanding: Decimal,
    as_of: NaiveDate,
) -> Result<CyclePenalty, NoLpr> {
    let mut p = CyclePenalty::default();
    let parts = tranches
        .iter()
        .map(|t| (t.amount, t.paid_on, Some(t.paid_on)))
        .chain(std::iter::once((outstanding, as_of, None)));
    for (base, end, paid_on) in parts {
        if base <= Decimal::ZERO || end <= due {
            continue;
        }
        p.overdue_base += base;
        if let Some(span) = counted_days(terms, due, end) {
            if p.segments.is_empty() {
                p.segments.reserve(tranches.len() + 1);
            }
            ctx.counted.push(CountedSpan {
                base,
                from: span.0,
                to: span.1,
            });
            segments::tranche_segments(terms, ctx, due, (base, paid_on), span, &mut p.segments)?;
        }
    }
    let raw: Decimal = match terms.rounding {
        Rounding::PerCycle => cycle_exact(&p.segments),
        Rounding::PerSegment => p.segments.iter().map(|s| s.amount).sum(),
    };
    let (raw, capped) = caps::cycle_cap(terms, raw, amount);
    p.penalty = round_yuan(raw);
    p.capped = capped;
    Ok(p)
}

/// A cycle's penalty before rounding (§9 `per_cycle`: the exact sum, rounded once): its
/// segments' `base × f × numerator` brought to one common denominator (the least common multiple
/// of 360, 365, 1, 30 …) and divided once, so that a sum of exactly half a fen is not lost in
/// recurring decimals. Past what a decimal holds, the segments' own exact amounts are added.
fn cycle_exact(segments: &[Segment]) -> Decimal {
    let gcd = |mut a: i64, mut b: i64| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let common = segments.iter().try_fold(1i64, |l, s| {
        let d = s.share.denominator;
        (l / gcd(l, d)).checked_mul(d)
    });
    let over_common = common.and_then(|l| {
        let sum = segments.iter().try_fold(Decimal::ZERO, |sum, s| {
            let scale = Decimal::from(l / s.share.denominator);
            sum.checked_add(s.share.over(s.base * s.fraction).checked_mul(scale)?)
        })?;
        sum.checked_div(Decimal::from(l))
    });
    over_common.unwrap_or_else(|| segments.iter().map(Segment::exact).sum())
}
