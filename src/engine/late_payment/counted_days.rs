//! Which days a late tranche accrues on: days late (spec §4, Civil Code Art. 201) and the
//! counted days under `day_count` and `accrues_from` (§9 "Counted days").

use super::{next, prev};
use crate::engine::scenario::{DayCount, LatePayment};
use chrono::NaiveDate;

/// Days late: the first day is not counted (Art. 201), so paying on the due date is 0 days late.
pub fn days_late(due: NaiveDate, paid_on: NaiveDate) -> i64 {
    (paid_on - due).num_days().max(0)
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

#[cfg(test)]
mod tests {
    use crate::engine::late_payment::tests::{daily, paid, run};
    use crate::engine::scenario::{DayCount, LatePayment, PartialPeriod};
    use crate::test_support::{d, date};

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
}
