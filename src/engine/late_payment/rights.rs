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

/// Each cycle's run of days with the right (逾期超过k日): from due + k + 1 until the day it is
/// paid in full (`None` while unpaid). A cycle paid in full by due + k, or of ¥0.00, gives none.
/// A cycle's tranches are in date order, as the allocation makes them.
fn runs<'a>(
    after_days: u32,
    cycles: &'a [CycleStatus<'a>],
) -> impl Iterator<Item = (NaiveDate, Option<NaiveDate>)> + 'a {
    cycles
        .iter()
        .filter(|c| c.amount > Decimal::ZERO)
        .filter_map(move |c| {
            let deadline = c.due.checked_add_days(Days::new(after_days.into()))?;
            let mut paid = Decimal::ZERO;
            let settled = c.tranches.iter().find_map(|t| {
                paid += t.amount;
                (paid >= c.amount).then_some(t.paid_on)
            });
            let from = deadline.checked_add_days(Days::new(1))?;
            match settled {
                Some(day) if day <= deadline => None,
                _ => Some((from, settled)),
            }
        })
}

/// 逾期超过k日: the right arises on due + k + 1 for the first cycle not fully paid by due + k.
/// The earliest such date on or before `as_of`, else `None`.
pub fn right_arises(
    after_days: u32,
    cycles: &[CycleStatus],
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    runs(after_days, cycles)
        .map(|(from, _)| from)
        .min()
        .filter(|d| *d <= as_of)
}

/// The day since which the right has stood without a break up to `as_of`: a cycle's run (above)
/// carries it; a later cycle's arrears carry it on only if they arose before the earlier ones
/// were paid. `None` when no fee is more than k days late on `as_of` (the right arose once, but
/// those arrears are paid: §4's earliest date is history, not the ground a supplier can stand on
/// now).
pub fn right_stands_since(
    after_days: u32,
    cycles: &[CycleStatus],
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    let mut runs: Vec<(NaiveDate, Option<NaiveDate>)> = runs(after_days, cycles)
        .filter(|(from, _)| *from <= as_of)
        .collect();
    runs.sort_unstable();
    let mut standing: Option<(NaiveDate, Option<NaiveDate>)> = None;
    for (from, until) in runs {
        standing = match standing {
            // Joined to the run before it: the right had not lapsed when this one began.
            Some((start, end)) if end.is_none_or(|e| from <= e) => {
                Some((start, end.zip(until).map(|(a, b)| a.max(b))))
            }
            _ => Some((from, until)),
        };
    }
    standing
        .filter(|(_, until)| until.is_none_or(|u| as_of < u))
        .map(|(start, _)| start)
}

/// The last ground of a right standing since `since` on `on`: each fee that passes the agreed
/// days is a ground of its own, with its own year to terminate (民法典第564条第2款), so the
/// caveat that the right may have lapsed runs from the latest of them.
pub fn last_ground(
    after_days: u32,
    cycles: &[CycleStatus],
    since: NaiveDate,
    on: NaiveDate,
) -> NaiveDate {
    runs(after_days, cycles)
        .map(|(from, _)| from)
        .filter(|d| *d <= on)
        .fold(since, std::cmp::max)
}

/// A right to terminate that had stood a year by the day it is judged on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RightLapse {
    /// The year's last day, on which the right could still be used.
    pub last_day: NaiveDate,
    /// The right arose before the Civil Code, so its year ran from 2021-01-01.
    pub before_code: bool,
}

/// Whether a right to terminate whose last ground is `ground` may have lapsed by `on`: where the
/// contract sets no period for it, it lapses a year after the party knew of the cause
/// (民法典第564条第2款), the year running from the day after (Art. 201), so on its anniversary it
/// can still be used. A right that arose before 2021 had no such limit under the Contract Law:
/// its year runs from 2021-01-01 (最高人民法院关于适用民法典时间效力的若干规定第25条).
pub fn right_may_lapse(ground: NaiveDate, on: NaiveDate) -> Option<RightLapse> {
    let code = crate::engine::reasonableness::civil_code_start();
    let before_code = ground < code;
    let last_day = if before_code {
        crate::engine::fees::add_months(code, 12).pred_opt()?
    } else {
        crate::engine::fees::add_months(ground, 12)
    };
    (on > last_day).then_some(RightLapse {
        last_day,
        before_code,
    })
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

    #[test]
    fn a_right_cured_by_payment_stands_again_only_from_new_arrears() {
        // The starter's pattern: March's fee (due 04-10) paid in full only on 05-30, so the
        // right to suspend (over 30 days late) stood 05-11 to 05-29. June's fee (due 07-10) is
        // unpaid: the right stands again from 08-10. On 09-30 a supplier suspends on June's
        // arrears, from 08-10, not on March's, long paid.
        let march = [paid("2025-04-10", "30000"), paid("2025-05-30", "20000")];
        let cycles = [
            CycleStatus {
                due: date("2025-04-10"),
                amount: d("50000"),
                tranches: &march,
            },
            CycleStatus {
                due: date("2025-07-10"),
                amount: d("50000"),
                tranches: &[],
            },
        ];
        let as_of = date("2025-09-30");
        assert_eq!(right_arises(30, &cycles, as_of), Some(date("2025-05-11")));
        assert_eq!(
            right_stands_since(30, &cycles, as_of),
            Some(date("2025-08-10"))
        );
        // On 05-20 March's arrears stood; on 06-15 nothing did.
        assert_eq!(
            right_stands_since(30, &cycles, date("2025-05-20")),
            Some(date("2025-05-11"))
        );
        assert_eq!(right_stands_since(30, &cycles, date("2025-06-15")), None);
        // Had June fallen due before March was paid, the right would have stood unbroken.
        let overlapping = [
            CycleStatus {
                due: date("2025-04-10"),
                amount: d("50000"),
                tranches: &march,
            },
            CycleStatus {
                due: date("2025-04-20"),
                amount: d("50000"),
                tranches: &[],
            },
        ];
        assert_eq!(
            right_stands_since(30, &overlapping, as_of),
            Some(date("2025-05-11"))
        );
    }

    #[test]
    fn the_year_to_terminate_runs_from_the_last_fee_past_the_agreed_days() {
        // Fees due 2025-04-10 and 2025-05-10, both unpaid; terminate after 60 days late. The
        // right stands from 06-10 (April's fee), and May's fee is a new ground from 07-10: on
        // 2026-07-01 a year has passed since the first ground, not since the last.
        let cycles = [
            CycleStatus {
                due: date("2025-04-10"),
                amount: d("50000"),
                tranches: &[],
            },
            CycleStatus {
                due: date("2025-05-10"),
                amount: d("50000"),
                tranches: &[],
            },
        ];
        let since = date("2025-06-10");
        assert_eq!(
            right_stands_since(60, &cycles, date("2026-07-01")),
            Some(since)
        );
        assert_eq!(
            last_ground(60, &cycles, since, date("2026-07-01")),
            date("2025-07-10")
        );
        // Judged on 07-05, May's fee was not yet 60 days late: April's is the last ground.
        assert_eq!(last_ground(60, &cycles, since, date("2025-07-05")), since);
    }

    #[test]
    fn a_right_to_terminate_may_lapse_a_year_after_its_last_ground() {
        // Ground 2025-06-10: the year runs from 06-11 and ends 2026-06-10, a day the right can
        // still be used; from 2026-06-11 it may have lapsed.
        let ground = date("2025-06-10");
        assert_eq!(right_may_lapse(ground, date("2026-06-10")), None);
        assert_eq!(
            right_may_lapse(ground, date("2026-06-11")),
            Some(RightLapse {
                last_day: date("2026-06-10"),
                before_code: false
            })
        );
        // A right that arose in 2020: its year runs from 2021-01-01 to 2021-12-31.
        assert_eq!(
            right_may_lapse(date("2020-03-01"), date("2021-12-31")),
            None
        );
        assert_eq!(
            right_may_lapse(date("2020-03-01"), date("2022-01-01")),
            Some(RightLapse {
                last_day: date("2021-12-31"),
                before_code: true
            })
        );
    }
}
