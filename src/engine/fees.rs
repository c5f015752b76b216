//! Fees and the contract total (spec §1): the billing cycles over the service term, partial cycles
//! by days or in full, the contract total (合同总金额) and the total with automatic renewal.

use crate::engine::money::round_yuan;
use crate::engine::scenario::{Cycle, PartialCycle};
use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;

/// One cycle as billed: the whole cycle, the part of it inside the service term, and its fee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BilledCycle {
    /// The whole cycle (a calendar month or quarter, or a contract year).
    pub cycle_start: NaiveDate,
    pub cycle_end: NaiveDate,
    /// The billed period: the part of the cycle inside the term.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The fee for the billed period, rounded to 0.01.
    pub amount: Decimal,
}

impl BilledCycle {
    /// Days of service in the billed period (both ends included).
    pub fn service_days(&self) -> i64 {
        days_inclusive(self.start, self.end)
    }
    /// Days in the whole cycle.
    pub fn cycle_days(&self) -> i64 {
        days_inclusive(self.cycle_start, self.cycle_end)
    }
    pub fn is_partial(&self) -> bool {
        self.start != self.cycle_start || self.end != self.cycle_end
    }
}

fn days_inclusive(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days() + 1
}

/// `date` plus `months` calendar months; a day the target month lacks becomes its last day
/// (Civil Code Art. 202: Jan 31 + 1 month = Feb 28/29).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

fn day_before(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(1)).unwrap_or(NaiveDate::MIN)
}

fn day_after(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX)
}

/// The last day of service after automatic renewal: (end + 1 day) + `months` − 1 day.
pub fn renewal_end(end: NaiveDate, months: u32) -> NaiveDate {
    if months == 0 {
        return end;
    }
    day_before(add_months(day_after(end), months))
}

/// The last day of `month` in `year`.
fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
}

fn month_first(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The whole cycle that holds `date`; `k` is the contract year for yearly cycles.
fn cycle_around(
    cycle: Cycle,
    contract_start: NaiveDate,
    date: NaiveDate,
    k: u32,
) -> (NaiveDate, NaiveDate) {
    match cycle {
        Cycle::Monthly => {
            let first = month_first(date);
            (first, last_of_month(date.year(), date.month()))
        }
        Cycle::Quarterly => {
            let q_month = (date.month0() / 3) * 3 + 1;
            let first = NaiveDate::from_ymd_opt(date.year(), q_month, 1).unwrap_or(date);
            (first, last_of_month(date.year(), q_month + 2))
        }
        Cycle::Yearly => (
            add_months(contract_start, 12 * k),
            day_before(add_months(contract_start, 12 * (k + 1))),
        ),
    }
}

/// The first day of the period `cycle` bills that holds `day`, for a term from `start` (§1:
/// natural months and quarters, contract years; the first period begins at `start`, and so does
/// the answer for a day before it).
pub fn billed_period_start(cycle: Cycle, start: NaiveDate, day: NaiveDate) -> NaiveDate {
    billed_cycles(cycle, PartialCycle::ByDays, Decimal::ZERO, start, day)
        .last()
        .map_or(start, |c| c.start)
}

/// The cycles billed over [start, end], each holding the fee of one whole cycle (`cycle_fee`,
/// the sum of the components) or, when partly outside the term, its share by days (or in full).
pub fn billed_cycles(
    cycle: Cycle,
    partial: PartialCycle,
    cycle_fee: Decimal,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<BilledCycle> {
    let mut out = Vec::new();
    let whole_fee = round_yuan(cycle_fee);
    let mut cur = start;
    let mut k = 0;
    while cur <= end {
        let (cycle_start, cycle_end) = cycle_around(cycle, start, cur, k);
        let mut c = BilledCycle {
            cycle_start,
            cycle_end,
            start: cur,
            end: cycle_end.min(end),
            amount: cycle_fee,
        };
        if c.is_partial() && partial == PartialCycle::ByDays {
            c.amount = round_yuan(
                cycle_fee * Decimal::from(c.service_days()) / Decimal::from(c.cycle_days()),
            );
        } else {
            c.amount = whole_fee;
        }
        if c.end == NaiveDate::MAX {
            out.push(c);
            break;
        }
        cur = day_after(c.end);
        out.push(c);
        k += 1;
    }
    out
}

/// The sum of the billed cycles.
pub fn total(cycles: &[BilledCycle]) -> Decimal {
    round_yuan(cycles.iter().map(|c| c.amount).sum())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{d, date};

    #[test]
    fn twelve_whole_months_make_the_contract_total() {
        // ¥50,000 a month for 2025 → ¥600,000.
        let c = billed_cycles(
            Cycle::Monthly,
            PartialCycle::ByDays,
            d("50000"),
            date("2025-01-01"),
            date("2025-12-31"),
        );
        assert_eq!(c.len(), 12);
        assert_eq!(total(&c), d("600000.00"));
        assert_eq!(
            (c[1].start, c[1].end),
            (date("2025-02-01"), date("2025-02-28"))
        );
    }

    #[test]
    fn a_partial_first_month_is_billed_by_days() {
        // Service from 15 March 2024: 17 of March's 31 days × ¥52,000 = ¥28,516.129… → ¥28,516.13.
        let c = billed_cycles(
            Cycle::Monthly,
            PartialCycle::ByDays,
            d("52000"),
            date("2024-03-15"),
            date("2024-12-31"),
        );
        assert_eq!(c[0].amount, d("28516.13"));
        assert_eq!(
            (c[0].start, c[0].end),
            (date("2024-03-15"), date("2024-03-31"))
        );
        assert_eq!(total(&c), d("496516.13"));
        // Billed in full instead: the first month costs the whole ¥52,000.
        let full = billed_cycles(
            Cycle::Monthly,
            PartialCycle::Full,
            d("52000"),
            date("2024-03-15"),
            date("2024-12-31"),
        );
        assert_eq!(full[0].amount, d("52000.00"));
    }

    #[test]
    fn quarters_are_calendar_quarters() {
        // 2025-02-10 .. 2025-12-31 at ¥90,000 a quarter: Q1 is billed 50 of its 90 days = ¥50,000.
        let c = billed_cycles(
            Cycle::Quarterly,
            PartialCycle::ByDays,
            d("90000"),
            date("2025-02-10"),
            date("2025-12-31"),
        );
        assert_eq!(c.len(), 4);
        assert_eq!(
            (c[0].cycle_start, c[0].cycle_end),
            (date("2025-01-01"), date("2025-03-31"))
        );
        assert_eq!(c[0].amount, d("50000.00"));
        assert_eq!(
            (c[3].start, c[3].end),
            (date("2025-10-01"), date("2025-12-31"))
        );
    }

    #[test]
    fn contract_years_count_from_the_start_date() {
        // A two-and-a-half-year contract from 2024-07-01, ¥365,000 a year: two whole years and
        // 2026-07-01..2026-12-31 = 184 of 365 days = ¥184,000.
        let c = billed_cycles(
            Cycle::Yearly,
            PartialCycle::ByDays,
            d("365000"),
            date("2024-07-01"),
            date("2026-12-31"),
        );
        assert_eq!(c.len(), 3);
        assert_eq!(
            (c[0].start, c[0].end),
            (date("2024-07-01"), date("2025-06-30"))
        );
        assert_eq!(c[2].amount, d("184000.00"));
    }

    #[test]
    fn month_arithmetic_clamps_to_the_last_day() {
        // Civil Code Art. 202: 31 January + 1 month = 28 February (29 in a leap year).
        assert_eq!(add_months(date("2025-01-31"), 1), date("2025-02-28"));
        assert_eq!(add_months(date("2024-01-31"), 1), date("2024-02-29"));
        // A 12-month renewal of a calendar-year contract ends on the next 31 December.
        assert_eq!(renewal_end(date("2025-12-31"), 12), date("2026-12-31"));
        // A term ending 30 November renewed for 3 months ends on the last day of February.
        assert_eq!(renewal_end(date("2025-11-30"), 3), date("2026-02-28"));
        assert_eq!(renewal_end(date("2025-11-30"), 0), date("2025-11-30"));
    }

    #[test]
    fn a_one_day_contract_is_one_partial_cycle() {
        // One day of a 31-day month at ¥31,000 = ¥1,000.
        let c = billed_cycles(
            Cycle::Monthly,
            PartialCycle::ByDays,
            d("31000"),
            date("2025-01-15"),
            date("2025-01-15"),
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].amount, d("1000.00"));
    }
}
