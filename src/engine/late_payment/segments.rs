//! The segments of a late tranche (spec §9 "Segments"): its counted days split wherever the
//! rate in force or a floating LPR changes, each segment `base × f × g`, as a claim's 计算明细
//! lists them (§9 "What the result adds").

use super::period_share::{period_share, Share};
use super::rate_in_force::{fixing_day, rate_on};
use super::{next, prev, NoLpr, PenaltyContext, RateRef};
use crate::engine::lpr::{lpr_start, TooEarly};
use crate::engine::money::round_yuan;
use crate::engine::scenario::{LatePayment, LprFixing, Rate};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// What `f` is per: N days, or M calendar months (§9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    PerDays(u32),
    PerMonths(u32),
}

/// One line of a claim's 计算明细: `base × fraction × g(days)` over [from, to] (§9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: i64,
    pub base: Decimal,
    /// f exactly (for an LPR rate: multiple × LPR / 100).
    pub fraction: Decimal,
    #[serde(flatten)]
    pub period: Period,
    /// The LPR used, in percent per year, for an LPR rate: as published (two decimals), or as
    /// the user gave it, every decimal of which the amount used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lpr: Option<Decimal>,
    /// `lpr` is the PBOC benchmark lending rate (贷款基准利率), in force before the first LPR
    /// fixing (2019-08-20), not an LPR.
    #[serde(skip)]
    pub benchmark: bool,
    /// The built-in data's last day, when `lpr` is taken for days after it (§10): the latest
    /// fixing before them, assumed to hold, which the 计算明细 says beside it.
    #[serde(skip)]
    pub lpr_assumed_after: Option<NaiveDate>,
    /// The segment's amount rounded to 0.01, before any cap.
    pub amount: Decimal,
    /// `g`: the exact amount is `base × fraction × g` ([`Segment::exact`]).
    #[serde(skip)]
    pub share: Share,
    /// The tranche's payment date; `None` for the part still unpaid.
    #[serde(skip)]
    pub paid_on: Option<NaiveDate>,
}

impl Segment {
    /// `base × fraction × g`, unrounded.
    pub fn exact(&self) -> Decimal {
        self.share.of(self.base * self.fraction)
    }
}

/// The segments of one late tranche of `base` over its counted days [first, last].
pub(super) fn tranche_segments(
    terms: &LatePayment,
    ctx: &mut PenaltyContext,
    due: NaiveDate,
    (base, paid_on): (Decimal, Option<NaiveDate>),
    (first, last): (NaiveDate, NaiveDate),
    out: &mut Vec<Segment>,
) -> Result<(), NoLpr> {
    let mut a = first;
    loop {
        if ctx.segments_left == 0 {
            ctx.too_many_segments = true;
            return Ok(());
        }
        let (rate, which, next_change) = rate_on(terms, a);
        let mut b = next_change.map_or(last, |n| last.min(prev(n)));
        let (fraction, period, lpr, benchmark, lpr_assumed_after) = match rate {
            Rate::Fraction {
                fraction, per_days, ..
            } => (*fraction, Period::PerDays(*per_days), None, false, None),
            Rate::Monthly {
                fraction,
                per_months,
                ..
            } => (*fraction, Period::PerMonths(*per_months), None, false, None),
            Rate::Lpr {
                lpr_multiple,
                basis_days,
                lpr_fixing,
                lpr_term,
                ..
            } => {
                let entry_from = match which {
                    RateRef::Base => None,
                    RateRef::Change(j) => Some(terms.rate_changes[j].from),
                };
                let floating = *lpr_fixing == LprFixing::Floating;
                let day = if floating {
                    a
                } else {
                    fixing_day(*lpr_fixing, due, entry_from, ctx.contract_start)
                };
                let r = ctx
                    .lpr
                    .series(*lpr_term)
                    .on(day)
                    .map_err(|TooEarly(date)| NoLpr {
                        date,
                        rate: which,
                        floating,
                    })?;
                if floating {
                    if let Some(n) = r.next_change {
                        b = b.min(prev(n));
                    }
                }
                let last_day_used = if floating { b } else { day };
                let known_until = ctx.lpr.known_until();
                let assumed = last_day_used > known_until;
                if assumed {
                    ctx.seen.lpr_beyond_table(known_until);
                }
                (
                    (*lpr_multiple * r.percent / Decimal::ONE_HUNDRED).normalize(),
                    Period::PerDays(*basis_days),
                    Some(r.percent),
                    day < lpr_start(),
                    assumed.then_some(known_until),
                )
            }
        };
        let share = period_share(period, terms.partial_period, a, b);
        ctx.segments_left -= 1;
        out.push(Segment {
            from: a,
            to: b,
            days: (b - a).num_days() + 1,
            base,
            fraction,
            period,
            lpr: lpr.map(|mut p| {
                if p.scale() < 2 {
                    p.rescale(2);
                }
                p
            }),
            benchmark,
            lpr_assumed_after,
            amount: round_yuan(share.of(base * fraction)),
            share,
            paid_on,
        });
        if b >= last {
            return Ok(());
        }
        a = next(b);
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::late_payment::tests::{lpr_rate, run, with_rate};
    use crate::engine::scenario::LprFixing;
    use crate::test_support::d;
    use rust_decimal::Decimal;

    #[test]
    fn floating_lpr_the_courts_own_figure() {
        // §9: ¥320,000 unpaid, due 2023-05-15, as of 2025-01-14, 同期一年期LPR on a 360-day
        // year. 35 days at 3.65%, 62 at 3.55%, 336 at 3.45%, 91 at 3.35%, 86 at 3.10%:
        // 1,135.56 + 1,956.44 + 10,304.00 + 2,709.78 + 2,369.78 = ¥18,475.56 (the judgment's sum).
        let terms = with_rate(lpr_rate("1", 360, LprFixing::Floating));
        let p = run(&terms, "2023-05-15", "320000", &[], "320000", "2025-01-14").unwrap();
        let days: Vec<i64> = p.segments.iter().map(|s| s.days).collect();
        assert_eq!(days, vec![35, 62, 336, 91, 86]);
        let amounts: Vec<Decimal> = p.segments.iter().map(|s| s.amount).collect();
        assert_eq!(
            amounts,
            ["1135.56", "1956.44", "10304.00", "2709.78", "2369.78"].map(d)
        );
        assert_eq!(p.penalty, d("18475.56"));
        // At the due date's 3.65% throughout it would be 320,000 × 3.65% × 610/360 = ¥19,791.11:
        // 7% more than the court allowed.
        let fixed = with_rate(lpr_rate("1", 360, LprFixing::DueDate));
        let p = run(&fixed, "2023-05-15", "320000", &[], "320000", "2025-01-14").unwrap();
        assert_eq!(p.penalty, d("19791.11"));
    }
}
