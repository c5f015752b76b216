//! The `contract`, `fees` and `payment` sections: the term, the fee components and their cycle
//! (spec §1), the due rule and its calendar (§2), and the payments made (§3, §13).

use super::object::Obj;
use super::{Res, DAYS, DAY_OF_MONTH, MAX_LABEL_CHARS, RENEWAL_MONTHS};
use crate::engine::calendar::Calendar;
use crate::engine::scenario::*;

pub(super) fn contract(o: &Obj) -> Res<Contract> {
    Ok(Contract {
        start: o.date("start")?,
        end: o.date("end")?,
        renewal_months: o.opt_uint("renewal_months", RENEWAL_MONTHS)?.unwrap_or(0),
        extra: o.extra()?,
    })
}

pub(super) fn fees(o: &Obj) -> Res<Fees> {
    let components = o
        .array("components")?
        .into_iter()
        .map(|c| {
            Ok(FeeComponent {
                label: c
                    .opt_short_text("label", MAX_LABEL_CHARS)?
                    .unwrap_or_default(),
                amount: c.money("amount")?,
                extra: c.extra()?,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    Ok(Fees {
        cycle: o.choice(
            "cycle",
            &["monthly", "quarterly", "yearly"],
            &[Cycle::Monthly, Cycle::Quarterly, Cycle::Yearly],
            None,
        )?,
        partial_cycle: o.choice(
            "partial_cycle",
            &["by_days", "full"],
            &[PartialCycle::ByDays, PartialCycle::Full],
            Some(PartialCycle::ByDays),
        )?,
        components,
        extra: o.extra()?,
    })
}

const DAY_TYPES: &[&str] = &["calendar", "working"];

fn day_type(o: &Obj) -> Res<DayType> {
    o.choice(
        "day_type",
        DAY_TYPES,
        &[DayType::Calendar, DayType::Working],
        None,
    )
}

pub(super) fn payment(o: &Obj) -> Res<Payment> {
    let d = o.obj("due")?;
    let rule = d.choice(
        "rule",
        &[
            "day_of_next_month",
            "days_after_cycle_end",
            "days_after_cycle_start",
            "days_after_invoice",
        ],
        &[0u8, 1, 2, 3],
        None,
    )?;
    let due = match rule {
        0 => DueRule::DayOfNextMonth {
            day: d.uint("day", DAY_OF_MONTH)?,
            extra: d.extra()?,
        },
        1 => DueRule::DaysAfterCycleEnd {
            days: d.uint("days", DAYS)?,
            day_type: day_type(&d)?,
            extra: d.extra()?,
        },
        2 => DueRule::DaysAfterCycleStart {
            days: d.uint("days", DAYS)?,
            day_type: day_type(&d)?,
            extra: d.extra()?,
        },
        _ => DueRule::DaysAfterInvoice {
            invoice_day: d.uint("invoice_day", DAY_OF_MONTH)?,
            days: d.uint("days", DAYS)?,
            day_type: day_type(&d)?,
            extra: d.extra()?,
        },
    };
    let payments = o
        .opt_array("payments")?
        .into_iter()
        .map(|p| {
            Ok(PaymentMade {
                date: p.date("date")?,
                amount: p.money("amount")?,
                for_period: p.opt_date("for")?,
                extra: p.extra()?,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    Ok(Payment {
        due,
        calendar: o.choice(
            "calendar",
            &["cn", "weekends", "none"],
            &[Calendar::Cn, Calendar::Weekends, Calendar::None],
            Some(Calendar::Cn),
        )?,
        payments,
        extra: o.extra()?,
    })
}
