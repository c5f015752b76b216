//! The rights a late payment gives the supplier (spec §4 `suspend_after_days`,
//! `terminate_after_days`): 逾期超过k日，乙方有权暂停服务 / 解除合同.

use crate::engine::payments::Tranche;
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

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
    use crate::engine::late_payment::tests::paid;
    use crate::test_support::{d, date};

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
