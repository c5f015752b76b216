//! Late-payment penalties (逾期付款违约金, spec §4 and §9): per cycle, every tranche (a part
//! payment, or the unpaid rest) accrues over its counted days, split into segments wherever the
//! rate changes (`rate_changes`, or a 同期 LPR that moved), each segment `base × f × g`; rounded per
//! cycle or per segment and capped per cycle; and the dates from which the supplier may suspend
//! service (暂停服务) or terminate (解除合同) for non-payment.

use crate::engine::fees::add_months;
use crate::engine::lpr::{LprTable, TooEarly};
use crate::engine::money::round_yuan;
use crate::engine::payments::Tranche;
use crate::engine::scenario::{
    CapBase, DayCount, LatePayment, LprFixing, PartialPeriod, Rate, Rounding,
};
use crate::engine::warnings::Assumptions;
use chrono::{Datelike, Days, NaiveDate};
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
    /// The LPR used, in percent per year, for an LPR rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lpr: Option<Decimal>,
    /// The segment's amount rounded to 0.01, before any cap.
    pub amount: Decimal,
    #[serde(skip)]
    pub exact: Decimal,
    /// The tranche's payment date; `None` for the part still unpaid.
    #[serde(skip)]
    pub paid_on: Option<NaiveDate>,
}

/// Which rate of the clause could not be given an LPR: `rate` or `rate_changes[i].rate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateRef {
    Base,
    Change(usize),
}

/// A counted day before 2015-10-24 under an LPR rate: no rate exists for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoLpr {
    pub date: NaiveDate,
    pub rate: RateRef,
}

/// What the penalty rules need beyond the clause itself, and where they note what they used.
pub struct PenaltyContext<'a> {
    pub contract_start: NaiveDate,
    pub lpr: &'a LprTable,
    pub seen: &'a mut Assumptions,
    /// Every late tranche's counted days, cycle after cycle (for §11).
    pub counted: &'a mut Vec<CountedSpan>,
}

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

/// Days late: the first day is not counted (Art. 201), so paying on the due date is 0 days late.
pub fn days_late(due: NaiveDate, paid_on: NaiveDate) -> i64 {
    (paid_on - due).num_days().max(0)
}

fn next(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

fn prev(d: NaiveDate) -> NaiveDate {
    d.pred_opt().unwrap_or(d)
}

/// §9 the counted days of a tranche due on `due` that ends on `end` (its payment date, or the
/// evaluation date for the unpaid rest); `None` when it was not late or no day counts.
pub fn counted_days(
    terms: &LatePayment,
    due: NaiveDate,
    end: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    if end <= due {
        return None;
    }
    let first = match terms.day_count {
        DayCount::IncludeDueDate => due,
        DayCount::Standard | DayCount::ExcludeEnd => next(due),
    };
    let last = match terms.day_count {
        DayCount::ExcludeEnd => prev(end),
        DayCount::Standard | DayCount::IncludeDueDate => end,
    };
    let first = terms.accrues_from.map_or(first, |a| first.max(a));
    (first <= last).then_some((first, last))
}

/// The rate in force on `day` (§9 `rate_changes`), which one it is, and the day the next
/// change takes effect.
fn rate_on(terms: &LatePayment, day: NaiveDate) -> (&Rate, RateRef, Option<NaiveDate>) {
    let i = terms.rate_changes.partition_point(|c| c.from <= day);
    let next_from = terms.rate_changes.get(i).map(|c| c.from);
    match i.checked_sub(1) {
        None => (&terms.rate, RateRef::Base, next_from),
        Some(j) => (&terms.rate_changes[j].rate, RateRef::Change(j), next_from),
    }
}

/// §9 "k whole months and r days" of the span [a, b]: month k ends on (a − 1) + k months
/// (Art. 202: the corresponding day, or the month's last day).
pub fn months_and_days(a: NaiveDate, b: NaiveDate) -> (u32, i64) {
    let before = prev(a);
    let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let mut k = u32::try_from(months(b) - months(before)).unwrap_or(0);
    while k > 0 && add_months(before, k) > b {
        k -= 1;
    }
    (k, (b - add_months(before, k)).num_days())
}

fn ceil_div(a: i64, b: i64) -> i64 {
    (a + b - 1) / b.max(1)
}

/// `g` of one segment (§4, §9) as numerator / denominator.
fn period_share(period: Period, partial: PartialPeriod, a: NaiveDate, b: NaiveDate) -> Decimal {
    let n = (b - a).num_days() + 1;
    match (period, partial) {
        (Period::PerDays(d), PartialPeriod::ProRata) => Decimal::from(n) / Decimal::from(d.max(1)),
        (Period::PerDays(d), PartialPeriod::Full) => Decimal::from(ceil_div(n, i64::from(d))),
        (Period::PerMonths(m), PartialPeriod::ProRata) => {
            let (k, r) = months_and_days(a, b);
            Decimal::from(30 * i64::from(k) + r) / Decimal::from(30 * i64::from(m.max(1)))
        }
        (Period::PerMonths(m), PartialPeriod::Full) => {
            let (k, r) = months_and_days(a, b);
            let started = i64::from(k) + i64::from(r > 0);
            Decimal::from(ceil_div(started, i64::from(m)))
        }
    }
}

/// The day whose LPR a non-floating LPR rate uses (§9 `lpr_fixing`); inside a `rate_changes`
/// entry, `due_date` and `first_day_late` mean the later of that day and the entry's `from`.
fn fixing_day(
    fixing: LprFixing,
    due: NaiveDate,
    entry_from: Option<NaiveDate>,
    contract_start: NaiveDate,
) -> NaiveDate {
    let later = |d: NaiveDate| entry_from.map_or(d, |f| d.max(f));
    match fixing {
        LprFixing::DueDate | LprFixing::Floating => later(due),
        LprFixing::FirstDayLate => later(next(due)),
        LprFixing::ContractStart => contract_start,
        LprFixing::On(d) => d,
    }
}

/// The segments of one late tranche of `base` over its counted days [first, last].
fn tranche_segments(
    terms: &LatePayment,
    ctx: &mut PenaltyContext,
    due: NaiveDate,
    (base, paid_on): (Decimal, Option<NaiveDate>),
    (first, last): (NaiveDate, NaiveDate),
    out: &mut Vec<Segment>,
) -> Result<(), NoLpr> {
    let mut a = first;
    loop {
        let (rate, which, next_change) = rate_on(terms, a);
        let mut b = next_change.map_or(last, |n| last.min(prev(n)));
        let (fraction, period, lpr) = match rate {
            Rate::Fraction {
                fraction, per_days, ..
            } => (*fraction, Period::PerDays(*per_days), None),
            Rate::Monthly {
                fraction,
                per_months,
                ..
            } => (*fraction, Period::PerMonths(*per_months), None),
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
                    .map_err(|TooEarly(date)| NoLpr { date, rate: which })?;
                if floating {
                    if let Some(n) = r.next_change {
                        b = b.min(prev(n));
                    }
                }
                let last_day_used = if floating { b } else { day };
                if last_day_used > ctx.lpr.known_until() {
                    ctx.seen.lpr_beyond_table(ctx.lpr.known_until());
                }
                (
                    *lpr_multiple * r.percent / Decimal::ONE_HUNDRED,
                    Period::PerDays(*basis_days),
                    Some(r.percent),
                )
            }
        };
        let exact = base * fraction * period_share(period, terms.partial_period, a, b);
        out.push(Segment {
            from: a,
            to: b,
            days: (b - a).num_days() + 1,
            base,
            fraction,
            period,
            lpr: lpr.map(|p| {
                let mut p = p;
                p.rescale(2);
                p
            }),
            amount: round_yuan(exact),
            exact,
            paid_on,
        });
        if b >= last {
            return Ok(());
        }
        a = next(b);
    }
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
            tranche_segments(terms, ctx, due, (base, paid_on), span, &mut p.segments)?;
        }
    }
    let raw: Decimal = match terms.rounding {
        Rounding::PerCycle => p.segments.iter().map(|s| s.exact).sum(),
        Rounding::PerSegment => p.segments.iter().map(|s| s.amount).sum(),
    };
    let (raw, capped) = match (terms.cap_base, terms.cap_fraction) {
        (CapBase::Cycle, Some(cap)) if raw > cap * amount => (cap * amount, true),
        _ => (raw, false),
    };
    p.penalty = round_yuan(raw);
    p.capped = capped;
    Ok(p)
}

/// §9 an aggregate cap (`contract_total` or `overdue`): the total penalty and whether it was cut.
pub fn aggregate_cap(
    terms: &LatePayment,
    sum_of_cycles: Decimal,
    contract_total: Decimal,
    overdue: Decimal,
) -> (Decimal, bool) {
    let base = match terms.cap_base {
        CapBase::Cycle => return (round_yuan(sum_of_cycles), false),
        CapBase::ContractTotal => contract_total,
        CapBase::Overdue => overdue,
    };
    match terms.cap_fraction {
        Some(cap) if sum_of_cycles > round_yuan(cap * base) => (round_yuan(cap * base), true),
        _ => (round_yuan(sum_of_cycles), false),
    }
}

/// A cycle for the rights test: its due date, amount and the tranches that paid it.
pub struct CycleStatus<'a> {
    pub due: NaiveDate,
    pub amount: Decimal,
    pub tranches: &'a [Tranche],
}

/// 逾期超过k日: the right arises on due + k + 1 for the first cycle not fully paid by due + k.
/// The earliest such date on or before `as_of`, else `None`.
pub fn right_arises(
    after_days: u32,
    cycles: &[CycleStatus],
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    cycles
        .iter()
        .filter_map(|c| {
            let deadline = c.due.checked_add_days(Days::new(after_days.into()))?;
            let paid: Decimal = c
                .tranches
                .iter()
                .filter(|t| t.paid_on <= deadline)
                .map(|t| t.amount)
                .sum();
            (paid < c.amount)
                .then(|| deadline.checked_add_days(Days::new(1)))
                .flatten()
        })
        .min()
        .filter(|d| *d <= as_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::lpr::builtin;
    use crate::engine::scenario::{Extra, LprTerm, RateChange};
    use crate::test_support::{d, date};

    fn daily(
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
    fn lpr_rate(multiple: &str, basis_days: u32, fixing: LprFixing) -> Rate {
        Rate::Lpr {
            lpr_multiple: d(multiple),
            basis_days,
            lpr_fixing: fixing,
            lpr_term: LprTerm::OneYear,
            extra: Extra::new(),
        }
    }
    fn with_rate(rate: Rate) -> LatePayment {
        LatePayment {
            rate,
            ..daily("0", 1, PartialPeriod::ProRata, None)
        }
    }
    fn paid(on: &str, amount: &str) -> Tranche {
        Tranche {
            paid_on: date(on),
            amount: d(amount),
        }
    }
    /// One cycle's penalty, with the built-in LPR table and a contract from 2020-01-01.
    fn run(
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
    fn per_ten_days_whole_or_pro_rata() {
        // 1% per 10 days on ¥10,000, 15 days late: pro rata 1.5 periods = ¥150; counted whole
        // (a started period counts) 2 periods = ¥200.
        let pro = daily("0.01", 10, PartialPeriod::ProRata, None);
        let p = run(&pro, "2025-03-10", "10000", &[], "10000", "2025-03-25").unwrap();
        assert_eq!(p.penalty, d("150.00"));
        let full = daily("0.01", 10, PartialPeriod::Full, None);
        let p = run(&full, "2025-03-10", "10000", &[], "10000", "2025-03-25").unwrap();
        assert_eq!(p.penalty, d("200.00"));
    }

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
    fn lpr_multiple_uses_the_rate_on_the_due_date() {
        // 1.5 × LPR, 365-day year. Due 2024-05-17 (LPR 3.45%), paid 3 days late on ¥52,000:
        // 52,000 × 1.5 × 3.45% × 3 / 365 = ¥22.118… → ¥22.12.
        let terms = with_rate(lpr_rate("1.5", 365, LprFixing::DueDate));
        let p = run(
            &terms,
            "2024-05-17",
            "52000",
            &[paid("2024-05-20", "52000")],
            "0",
            "2024-12-31",
        )
        .unwrap();
        assert_eq!(p.penalty, d("22.12"));
        assert_eq!(p.segments[0].fraction, d("0.05175"));
        assert_eq!(p.segments[0].lpr, Some(d("3.45")));
        // Due before the PBOC table starts: refused, since a penalty accrues.
        let too_early = run(&terms, "2014-05-17", "52000", &[], "52000", "2014-12-31");
        assert_eq!(
            too_early,
            Err(NoLpr {
                date: date("2014-05-17"),
                rate: RateRef::Base
            })
        );
    }

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

    #[test]
    fn monthly_rate_in_calendar_months() {
        // §9: 月利率1.28% on ¥118,500 due 2020-08-20, unpaid on 2021-09-05. Counted from
        // 2020-08-21: 12 whole months end 2021-08-20, then 16 days: 118,500 × 1.28% ×
        // (12 + 16/30) = ¥19,010.56.
        let terms = with_rate(Rate::Monthly {
            fraction: d("0.0128"),
            per_months: 1,
            extra: Extra::new(),
        });
        let p = run(&terms, "2020-08-20", "118500", &[], "118500", "2021-09-05").unwrap();
        assert_eq!(p.penalty, d("19010.56"));
        assert_eq!(p.segments[0].period, Period::PerMonths(1));
        // A started month counted whole: 13 months = 118,500 × 1.28% × 13 = ¥19,718.40.
        let full = LatePayment {
            partial_period: PartialPeriod::Full,
            ..terms
        };
        let p = run(&full, "2020-08-20", "118500", &[], "118500", "2021-09-05").unwrap();
        assert_eq!(p.penalty, d("19718.40"));
    }

    #[test]
    fn months_end_on_the_corresponding_day_or_the_months_last() {
        // From 01-31: month 1 ends 02-28 (Art. 202), month 2 on 03-31.
        assert_eq!(
            months_and_days(date("2025-02-01"), date("2025-02-28")),
            (1, 0)
        );
        assert_eq!(
            months_and_days(date("2025-02-01"), date("2025-03-30")),
            (1, 30)
        );
        assert_eq!(
            months_and_days(date("2025-02-01"), date("2025-03-31")),
            (2, 0)
        );
        assert_eq!(
            months_and_days(date("2025-02-01"), date("2025-02-10")),
            (0, 10)
        );
    }

    #[test]
    fn the_day_count_conventions() {
        // Due 07-03, paid 07-10 on ¥10,000 at 0.1% a day: standard 7 days (¥70), excluding the
        // payment day 6 days (¥60), counting the due date too 8 days (¥80).
        let base = daily("0.001", 1, PartialPeriod::ProRata, None);
        for (count, want) in [
            (DayCount::Standard, "70.00"),
            (DayCount::ExcludeEnd, "60.00"),
            (DayCount::IncludeDueDate, "80.00"),
        ] {
            let terms = LatePayment {
                day_count: count,
                ..base.clone()
            };
            let p = run(
                &terms,
                "2025-07-03",
                "10000",
                &[paid("2025-07-10", "10000")],
                "0",
                "2025-12-31",
            )
            .unwrap();
            assert_eq!(p.penalty, d(want), "{count:?}");
        }
        // Paid on the due date: not late under any convention.
        let terms = LatePayment {
            day_count: DayCount::IncludeDueDate,
            ..base
        };
        let p = run(
            &terms,
            "2025-07-03",
            "10000",
            &[paid("2025-07-03", "10000")],
            "0",
            "2025-12-31",
        )
        .unwrap();
        assert_eq!(p.penalty, d("0.00"));
    }

    #[test]
    fn accrues_only_from_the_filing_date() {
        // 自起诉之日起: due 2025-01-10, unpaid, filed 2025-06-01, as of 2025-06-30: 30 days on
        // ¥10,000 at 0.05% = ¥150 (not the 171 days since the due date).
        let terms = LatePayment {
            accrues_from: Some(date("2025-06-01")),
            ..daily("0.0005", 1, PartialPeriod::ProRata, None)
        };
        let p = run(&terms, "2025-01-10", "10000", &[], "10000", "2025-06-30").unwrap();
        assert_eq!(p.penalty, d("150.00"));
        // Paid before the filing date: late, but no day counts.
        let p = run(
            &terms,
            "2025-01-10",
            "10000",
            &[paid("2025-03-01", "10000")],
            "0",
            "2025-06-30",
        )
        .unwrap();
        assert_eq!(p.penalty, d("0.00"));
        assert_eq!(
            p.overdue_base,
            d("10000"),
            "still paid late, for an overdue cap"
        );
    }

    #[test]
    fn a_rate_that_changes_on_a_date() {
        // LPR × 1.3 (fixed on the due date 2020-05-10: 3.85%) until 2020-08-31, then 日万分之五.
        // ¥100,000 unpaid as of 2020-09-10: 2020-05-11..08-31 is 113 days × 100,000 × 5.005% /
        // 365 = ¥1,549.49; 09-01..09-10 is 10 days × 0.05% = ¥500. Total ¥2,049.49.
        let terms = LatePayment {
            rate_changes: vec![RateChange {
                from: date("2020-09-01"),
                rate: Rate::Fraction {
                    fraction: d("0.0005"),
                    per_days: 1,
                    extra: Extra::new(),
                },
                extra: Extra::new(),
            }],
            ..with_rate(lpr_rate("1.3", 365, LprFixing::DueDate))
        };
        let p = run(&terms, "2020-05-10", "100000", &[], "100000", "2020-09-10").unwrap();
        assert_eq!(p.segments.len(), 2);
        assert_eq!(p.segments[0].days, 113);
        assert_eq!(p.segments[0].amount, d("1549.49"));
        assert_eq!(p.segments[1].amount, d("500.00"));
        assert_eq!(p.penalty, d("2049.49"));
    }

    #[test]
    fn an_lpr_rate_taking_over_fixes_its_lpr_on_its_own_first_day() {
        // 日万分之五 until 2024-10-31, then 1 × LPR fixed "on the due date": inside a change that
        // means the later of the due date and the change's start, 2024-11-01 (3.10%).
        let terms = LatePayment {
            rate_changes: vec![RateChange {
                from: date("2024-11-01"),
                rate: lpr_rate("1", 365, LprFixing::DueDate),
                extra: Extra::new(),
            }],
            ..daily("0.0005", 1, PartialPeriod::ProRata, None)
        };
        let p = run(&terms, "2024-10-10", "36500", &[], "36500", "2024-11-10").unwrap();
        assert_eq!(p.segments[1].lpr, Some(d("3.10")));
        // 21 days × 36,500 × 0.05% = 383.25; 10 days × 36,500 × 3.10% / 365 = 31.00.
        assert_eq!(p.penalty, d("414.25"));
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

    #[test]
    fn aggregate_caps_bite_or_not() {
        // 累计不超过合同总金额的30%: contract ¥100,000, cycles add up to ¥40,000 → ¥30,000, cut.
        let mut terms = daily("0.0005", 1, PartialPeriod::ProRata, Some("0.30"));
        terms.cap_base = CapBase::ContractTotal;
        assert_eq!(
            aggregate_cap(&terms, d("40000"), d("100000"), d("0")),
            (d("30000.00"), true)
        );
        assert_eq!(
            aggregate_cap(&terms, d("20000"), d("100000"), d("0")),
            (d("20000.00"), false)
        );
        // 以逾期付款总额的5%为上限: ¥200,000 paid late or unpaid → at most ¥10,000.
        terms.cap_base = CapBase::Overdue;
        terms.cap_fraction = Some(d("0.05"));
        assert_eq!(
            aggregate_cap(&terms, d("12000"), d("1000000"), d("200000")),
            (d("10000.00"), true)
        );
        assert_eq!(
            aggregate_cap(&terms, d("9000"), d("1000000"), d("200000")),
            (d("9000.00"), false)
        );
        // An aggregate base leaves each cycle uncapped.
        let p = run(&terms, "2025-01-10", "40000", &[], "40000", "2025-11-06").unwrap();
        assert!(!p.capped);
        assert_eq!(p.penalty, d("6000.00"));
    }

    #[test]
    fn suspension_right_after_thirty_days() {
        // Due 4-10; ¥20,000 still open on 5-10 (due + 30) → the right to suspend arises 5-11.
        let tranches = [paid("2025-04-10", "30000"), paid("2025-05-30", "20000")];
        let cycles = [CycleStatus {
            due: date("2025-04-10"),
            amount: d("50000"),
            tranches: &tranches,
        }];
        assert_eq!(
            right_arises(30, &cycles, date("2025-09-30")),
            Some(date("2025-05-11"))
        );
        // Fully paid within 60 days: no right to terminate.
        assert_eq!(right_arises(60, &cycles, date("2025-09-30")), None);
        // Not yet arisen on the evaluation date.
        assert_eq!(right_arises(30, &cycles, date("2025-05-10")), None);
    }
}
