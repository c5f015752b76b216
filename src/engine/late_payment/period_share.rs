//! `g`, the share of the rate's period a segment spans (spec §4 `partial_period`; §9 "Rates":
//! `per_days`, and `per_months` in whole months and days after Art. 202).

use super::{prev, Period};
use crate::engine::fees::add_months;
use crate::engine::scenario::PartialPeriod;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

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

/// `g` of one segment (§4, §9) as a fraction of whole numbers: the amount is divided last, so
/// that a half fen stays a half fen (3/360 of a year is no decimal; 10,000 × 3.45% × 3 / 360 is
/// 2.875 exactly, ¥2.88).
/// The denominator is at least 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub numerator: i64,
    pub denominator: i64,
}

impl Share {
    /// The number of the rate's periods, when `g` is a whole number of them: periods counted
    /// whole (`full`: a started period counts in full), or days at a daily rate.
    pub fn whole_periods(self) -> Option<i64> {
        (self.denominator == 1).then_some(self.numerator)
    }

    /// `base × f × numerator`: the amount before its one division.
    pub fn over(self, base_times_f: Decimal) -> Decimal {
        base_times_f * Decimal::from(self.numerator)
    }

    /// `base × f × g`, divided last.
    pub fn of(self, base_times_f: Decimal) -> Decimal {
        self.over(base_times_f) / Decimal::from(self.denominator)
    }
}

pub(super) fn period_share(
    period: Period,
    partial: PartialPeriod,
    a: NaiveDate,
    b: NaiveDate,
) -> Share {
    let n = (b - a).num_days() + 1;
    let whole = |numerator| Share {
        numerator,
        denominator: 1,
    };
    match (period, partial) {
        (Period::PerDays(d), PartialPeriod::ProRata) => Share {
            numerator: n,
            denominator: i64::from(d.max(1)),
        },
        (Period::PerDays(d), PartialPeriod::Full) => whole(ceil_div(n, i64::from(d))),
        (Period::PerMonths(m), PartialPeriod::ProRata) => {
            let (k, r) = months_and_days(a, b);
            Share {
                numerator: 30 * i64::from(k) + r,
                denominator: 30 * i64::from(m.max(1)),
            }
        }
        (Period::PerMonths(m), PartialPeriod::Full) => {
            let (k, r) = months_and_days(a, b);
            let started = i64::from(k) + i64::from(r > 0);
            whole(ceil_div(started, i64::from(m)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::late_payment::tests::{daily, paid, run, with_rate};
    use crate::engine::scenario::{Extra, LatePayment, Rate};
    use crate::test_support::{d, date};

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
    fn half_a_fen_rounds_up_when_the_share_is_no_decimal() {
        // 3.45% a year (a 360-day year) on ¥10,000 due 2024-03-31, paid 04-03: 3 days,
        // 10,000 × 3.45% × 3/360 = 1,035/360 = ¥2.875 exactly, ¥2.88 (四舍五入). Taking 3/360
        // as a decimal first (0.008333…) gave 2.87499… and ¥2.87.
        let terms = daily("0.0345", 360, PartialPeriod::ProRata, None);
        let p = run(
            &terms,
            "2024-03-31",
            "10000",
            &[paid("2024-04-03", "10000")],
            "0",
            "2024-12-31",
        )
        .unwrap();
        assert_eq!(p.segments[0].amount, d("2.88"));
        assert_eq!(p.penalty, d("2.88"));
        // 月利率1.5% on ¥1,010 due 2025-01-31, unpaid on 2025-03-01: counted from 02-01, one
        // month ends 02-28, then 1 day: 1,010 × 1.5% × (1 + 1/30) = ¥15.655 exactly, ¥15.66.
        let monthly = with_rate(Rate::Monthly {
            fraction: d("0.015"),
            per_months: 1,
            extra: Extra::new(),
        });
        let p = run(&monthly, "2025-01-31", "1010", &[], "1010", "2025-03-01").unwrap();
        assert_eq!(p.penalty, d("15.66"));
    }

    #[test]
    fn a_cycles_sum_of_half_a_fen_rounds_up() {
        // 3.65% a year (a 360-day year) on ¥1,400 due 2024-03-31, paid in three parts: ¥100 on
        // 04-05 (5 days late), ¥1,000 on 04-07 (7 days), ¥300 on 04-11 (11 days). Rounded per
        // cycle: (100 × 5 + 1,000 × 7 + 300 × 11) × 3.65% / 360 = 394.2 / 360 = ¥1.095 exactly,
        // ¥1.10. The parts alone (¥0.0506…, ¥0.7097…, ¥0.3345…) are no decimals, and their
        // decimals added came to 1.09499… and ¥1.09.
        let terms = daily("0.0365", 360, PartialPeriod::ProRata, None);
        let tranches = [
            paid("2024-04-05", "100"),
            paid("2024-04-07", "1000"),
            paid("2024-04-11", "300"),
        ];
        let p = run(&terms, "2024-03-31", "1400", &tranches, "0", "2024-12-31").unwrap();
        let amounts: Vec<_> = p.segments.iter().map(|s| s.amount).collect();
        assert_eq!(amounts, [d("0.05"), d("0.71"), d("0.33")]);
        assert_eq!(p.penalty, d("1.10"));
    }

    #[test]
    fn half_a_fen_across_a_rate_change_rounds_up() {
        // As above, but from 2024-04-12 the rate is 0.01% a day, and the ¥300 is paid 04-15:
        // 11 days at 3.65%/360 and 4 at 0.01%. (100 × 5 + 1,000 × 7 + 300 × 11) × 3.65%/360 +
        // 300 × 0.01% × 4 = 1.095 + 0.12 = ¥1.215 exactly, ¥1.22 (the parts' decimals added
        // came to 1.21499… and ¥1.21).
        let mut terms = daily("0.0365", 360, PartialPeriod::ProRata, None);
        terms
            .rate_changes
            .push(crate::engine::scenario::RateChange {
                from: date("2024-04-12"),
                rate: Rate::Fraction {
                    fraction: d("0.0001"),
                    per_days: 1,
                    extra: Extra::new(),
                },
                extra: Extra::new(),
            });
        let tranches = [
            paid("2024-04-05", "100"),
            paid("2024-04-07", "1000"),
            paid("2024-04-15", "300"),
        ];
        let p = run(&terms, "2024-03-31", "1400", &tranches, "0", "2024-12-31").unwrap();
        assert_eq!(p.penalty, d("1.22"));
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
}
