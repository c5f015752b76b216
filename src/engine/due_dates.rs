//! Due dates (spec §2): when each cycle's fee must be paid under the contract's payment clause,
//! counted from the cycle's billed period, with rest days handled by the chosen calendar.

use crate::engine::calendar::{Calendar, NotCovered};
use crate::engine::fees::add_months;
use crate::engine::scenario::{DayType, DueRule};
use crate::engine::warnings::Assumptions;
use chrono::{Datelike, Days, NaiveDate};

/// Day `day` of the month holding `in_month`; a day the month lacks is its last day.
fn day_of_month(in_month: NaiveDate, day: u32) -> NaiveDate {
    let first = in_month.with_day(1).unwrap_or(in_month);
    let last = add_months(first, 1)
        .checked_sub_days(Days::new(1))
        .unwrap_or(first);
    last.with_day(day.min(last.day())).unwrap_or(last)
}

/// N calendar days after `from`, moved off a rest day (Art. 203); or the N-th working day after it.
fn days_after(
    cal: Calendar,
    from: NaiveDate,
    days: u32,
    day_type: DayType,
    seen: &mut Assumptions,
) -> Result<NaiveDate, NotCovered> {
    match day_type {
        DayType::Calendar => {
            let d = from
                .checked_add_days(Days::new(days.into()))
                .ok_or(NotCovered {
                    date: from,
                    first: from,
                })?;
            cal.roll_forward(d, seen)
        }
        DayType::Working => cal.add_working_days(from, days, seen),
    }
}

/// The due date of the cycle billed over [`start`, `end`].
pub fn due_date(
    rule: &DueRule,
    cal: Calendar,
    start: NaiveDate,
    end: NaiveDate,
    seen: &mut Assumptions,
) -> Result<NaiveDate, NotCovered> {
    match rule {
        DueRule::DayOfNextMonth { day, .. } => cal.roll_forward(
            day_of_month(add_months(end.with_day(1).unwrap_or(end), 1), *day),
            seen,
        ),
        DueRule::DaysAfterCycleEnd { days, day_type, .. } => {
            days_after(cal, end, *days, *day_type, seen)
        }
        DueRule::DaysAfterCycleStart { days, day_type, .. } => {
            days_after(cal, start, *days, *day_type, seen)
        }
        DueRule::DaysAfterInvoice {
            invoice_day,
            days,
            day_type,
            ..
        } => days_after(
            cal,
            invoice_date(*invoice_day, start, end),
            *days,
            *day_type,
            seen,
        ),
    }
}

/// The day a clause counted in calendar days names, when a rest day moved the due date off it
/// (Art. 203 ¶1, applied to a due day as courts do: 期间的最后一日是法定休假日的，以法定休假日结束的
/// 次日为期间的最后一日); `None` when
/// the due date is that day, or the clause counts working days.
pub fn moved_from(
    rule: &DueRule,
    start: NaiveDate,
    end: NaiveDate,
    due: NaiveDate,
) -> Option<NaiveDate> {
    let counts_calendar_days = match rule {
        DueRule::DayOfNextMonth { .. } => true,
        DueRule::DaysAfterCycleEnd { day_type, .. }
        | DueRule::DaysAfterCycleStart { day_type, .. }
        | DueRule::DaysAfterInvoice { day_type, .. } => *day_type == DayType::Calendar,
    };
    if !counts_calendar_days {
        return None;
    }
    let named = due_date(
        rule,
        Calendar::None,
        start,
        end,
        &mut Assumptions::default(),
    )
    .ok()?;
    (named != due).then_some(named)
}

/// The invoice date of `days_after_invoice`: `invoice_day` of the cycle's last month (每月25日结算);
/// when that is before the billed period's first day (service from 01-28, invoice day 25), the
/// first `invoice_day` on or after it (02-25), so that nothing falls due before service begins.
pub fn invoice_date(invoice_day: u32, start: NaiveDate, end: NaiveDate) -> NaiveDate {
    let usual = day_of_month(end, invoice_day);
    if usual >= start {
        return usual;
    }
    let same_month = day_of_month(start, invoice_day);
    if same_month >= start {
        same_month
    } else {
        day_of_month(
            add_months(start.with_day(1).unwrap_or(start), 1),
            invoice_day,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario::Extra;
    use crate::test_support::date;

    fn seen() -> Assumptions {
        Assumptions::default()
    }

    fn next_month(day: u32) -> DueRule {
        DueRule::DayOfNextMonth {
            day,
            extra: Extra::new(),
        }
    }

    #[test]
    fn day_ten_of_next_month_moves_off_a_saturday() {
        // 每月10日前支付上月费用: April 2025's fee is due 10 May, a Saturday → Monday 12 May.
        let due = due_date(
            &next_month(10),
            Calendar::Cn,
            date("2025-04-01"),
            date("2025-04-30"),
            &mut seen(),
        );
        assert_eq!(due, Ok(date("2025-05-12")));
        // September 2025's fee: 10 October is inside the National Day break (10-01..08)? No: the
        // break ends on the 8th, and Friday 10 October is a working day.
        let due = due_date(
            &next_month(10),
            Calendar::Cn,
            date("2025-09-01"),
            date("2025-09-30"),
            &mut seen(),
        );
        assert_eq!(due, Ok(date("2025-10-10")));
    }

    #[test]
    fn day_one_of_october_rolls_past_national_day() {
        // Due 1 October 2025 → the break runs to 8 October → due Thursday 9 October.
        let due = due_date(
            &next_month(1),
            Calendar::Cn,
            date("2025-09-01"),
            date("2025-09-30"),
            &mut seen(),
        );
        assert_eq!(due, Ok(date("2025-10-09")));
        // Under the weekend calendar 1 October is a plain Wednesday.
        let due = due_date(
            &next_month(1),
            Calendar::Weekends,
            date("2025-09-01"),
            date("2025-09-30"),
            &mut seen(),
        );
        assert_eq!(due, Ok(date("2025-10-01")));
    }

    #[test]
    fn day_thirty_one_in_february_is_its_last_day() {
        // "每月31日前" for January's fee: February has no 31st → 28 February 2025 (a Friday).
        let due = due_date(
            &next_month(31),
            Calendar::None,
            date("2025-01-01"),
            date("2025-01-31"),
            &mut seen(),
        );
        assert_eq!(due, Ok(date("2025-02-28")));
    }

    #[test]
    fn fifteen_days_after_the_cycle_end() {
        // January 2025 ends on the 31st; +15 days = Saturday 15 February → Monday 17 February.
        let rule = DueRule::DaysAfterCycleEnd {
            days: 15,
            day_type: DayType::Calendar,
            extra: Extra::new(),
        };
        assert_eq!(
            due_date(
                &rule,
                Calendar::Cn,
                date("2025-01-01"),
                date("2025-01-31"),
                &mut seen()
            ),
            Ok(date("2025-02-17"))
        );
        assert_eq!(
            due_date(
                &rule,
                Calendar::None,
                date("2025-01-01"),
                date("2025-01-31"),
                &mut seen()
            ),
            Ok(date("2025-02-15"))
        );
    }

    #[test]
    fn in_advance_on_the_first_day() {
        // Payment in advance on the billed period's first day: 1 February 2025 is inside the
        // Spring Festival break (1-28..2-4) → Wednesday 5 February.
        let rule = DueRule::DaysAfterCycleStart {
            days: 0,
            day_type: DayType::Calendar,
            extra: Extra::new(),
        };
        assert_eq!(
            due_date(
                &rule,
                Calendar::Cn,
                date("2025-02-01"),
                date("2025-02-28"),
                &mut seen()
            ),
            Ok(date("2025-02-05"))
        );
    }

    #[test]
    fn invoice_on_the_25th_then_fifteen_working_days() {
        // 每月25日结算，收到发票后15个工作日内: March 2024 → invoice Monday 25 March → 16 April
        // (Qingming 4-4..6 rests, Sunday 4-7 is worked).
        let rule = DueRule::DaysAfterInvoice {
            invoice_day: 25,
            days: 15,
            day_type: DayType::Working,
            extra: Extra::new(),
        };
        assert_eq!(
            due_date(
                &rule,
                Calendar::Cn,
                date("2024-03-15"),
                date("2024-03-31"),
                &mut seen()
            ),
            Ok(date("2024-04-16"))
        );
        assert_eq!(
            invoice_date(31, date("2024-02-01"), date("2024-02-29")),
            date("2024-02-29")
        );
    }

    #[test]
    fn a_due_date_beyond_the_holiday_table_is_provisional() {
        // December 2026's fee falls due on Sunday 2027-01-10: §10's provisional 2027 calendar
        // moves it to Monday 01-11 and notes the year.
        let mut s = seen();
        let due = due_date(
            &next_month(10),
            Calendar::Cn,
            date("2026-12-01"),
            date("2026-12-31"),
            &mut s,
        );
        assert_eq!(due, Ok(date("2027-01-11")));
        assert_eq!(s.warnings().len(), 1);
    }

    #[test]
    fn no_invoice_before_service_begins() {
        // Service from Tuesday 2025-01-28, invoice on the 25th, paid 10 calendar days after it:
        // January's 25th is before service, so the invoice is 2025-02-25 and the fee is due
        // 2025-03-07 (§2), not 2025-02-04.
        let rule = DueRule::DaysAfterInvoice {
            invoice_day: 25,
            days: 10,
            day_type: DayType::Calendar,
            extra: Extra::new(),
        };
        assert_eq!(
            invoice_date(25, date("2025-01-28"), date("2025-01-31")),
            date("2025-02-25")
        );
        assert_eq!(
            due_date(
                &rule,
                Calendar::None,
                date("2025-01-28"),
                date("2025-01-31"),
                &mut seen()
            ),
            Ok(date("2025-03-07"))
        );
        // Service from 01-10: the invoice of the 25th is inside the period and stays.
        assert_eq!(
            invoice_date(25, date("2025-01-10"), date("2025-01-31")),
            date("2025-01-25")
        );
    }
}
