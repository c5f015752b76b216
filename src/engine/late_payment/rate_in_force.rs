//! The rate in force on a counted day (spec §9 `rate_changes`) and, for an LPR rate, the day
//! whose LPR it uses (§4, §9 `lpr_fixing`).

use super::{next, RateRef};
use crate::engine::scenario::{LatePayment, LprFixing, Rate};
use chrono::NaiveDate;

/// The rate in force on `day` (§9 `rate_changes`), which one it is, and the day the next
/// change takes effect.
pub(super) fn rate_on(terms: &LatePayment, day: NaiveDate) -> (&Rate, RateRef, Option<NaiveDate>) {
    let i = terms.rate_changes.partition_point(|c| c.from <= day);
    let next_from = terms.rate_changes.get(i).map(|c| c.from);
    match i.checked_sub(1) {
        None => (&terms.rate, RateRef::Base, next_from),
        Some(j) => (&terms.rate_changes[j].rate, RateRef::Change(j), next_from),
    }
}

/// The day whose LPR a non-floating LPR rate uses (§9 `lpr_fixing`); inside a `rate_changes`
/// entry, `due_date` and `first_day_late` mean the later of that day and the entry's `from`.
pub(super) fn fixing_day(
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

#[cfg(test)]
mod tests {
    use crate::engine::late_payment::tests::{daily, lpr_rate, paid, run, with_rate};
    use crate::engine::late_payment::{NoLpr, RateRef};
    use crate::engine::scenario::{Extra, LatePayment, LprFixing, PartialPeriod, Rate, RateChange};
    use crate::test_support::{d, date};

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
                rate: RateRef::Base,
                floating: false,
            })
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
}
