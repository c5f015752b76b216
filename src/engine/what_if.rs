//! What waiting costs and what lateness costs (spec §12, §13): the exposure curve if nothing more
//! is paid, and the scenario with every invoice paid D days late, for negotiating terms before a
//! contract starts.

use crate::engine::compute::{billed_periods, compute, ComputeError, ComputeResult};
use crate::engine::due_dates::due_date;
use crate::engine::scenario::{PaymentMade, Scenario};
use crate::engine::warnings::{Assumptions, Warning};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// One point of the exposure curve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExposurePoint {
    pub date: NaiveDate,
    pub days: u32,
    pub total_penalty: Decimal,
    /// What this point's penalty assumed (§10), so that a figure further ahead than the data
    /// says so ("never silently"): as a result's `warnings`, but only the penalty's (not the
    /// §11 reference's or an overdue settlement's, which the curve does not show); left out when
    /// nothing was assumed, so that the spec's three keys are all a point has otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// The most days late a what-if or an exposure curve takes (ten years).
pub const MAX_LATE_DAYS: u32 = 3660;

/// §12: for n = 0, step, 2·step, … ≤ `days`, the total penalty if everything outstanding is
/// paid on `as_of` + n days and nothing before: the scenario computed with that `as_of` and only
/// the payments dated on or before the original one.
pub fn exposure(s: &Scenario, days: u32, step: u32) -> Result<Vec<ExposurePoint>, ComputeError> {
    let mut later = s.clone();
    later.payment.payments.retain(|p| p.date <= s.as_of);
    let step = step.max(1);
    let mut out = Vec::new();
    let mut n = 0;
    while n <= days.min(MAX_LATE_DAYS) {
        let Some(date) = s.as_of.checked_add_days(Days::new(n.into())) else {
            break;
        };
        later.as_of = date;
        let r = compute(&later)?;
        out.push(ExposurePoint {
            date,
            days: n,
            total_penalty: r.late_payment.total_penalty,
            warnings: r.late_payment.assumed,
        });
        n += step;
    }
    Ok(out)
}

/// §13: the scenario with its payments replaced by one per billed cycle, the cycle's amount paid
/// `late_days` after its due date, designated for that cycle; `as_of` moved to the last such
/// payment when that is later.
pub fn every_invoice_late(s: &Scenario, late_days: u32) -> Result<Scenario, ComputeError> {
    let mut seen = Assumptions::default();
    let mut out = s.clone();
    out.payment.payments = billed_periods(s)
        .iter()
        .map(|c| {
            let due = due_date(
                &s.payment.due,
                s.payment.calendar,
                c.start,
                c.end,
                &mut seen,
            )?;
            Ok(PaymentMade {
                date: due
                    .checked_add_days(Days::new(late_days.into()))
                    .unwrap_or(due),
                amount: c.amount,
                for_period: Some(c.start),
                extra: Default::default(),
            })
        })
        .collect::<Result<_, ComputeError>>()?;
    if let Some(last) = out.payment.payments.iter().map(|p| p.date).max() {
        out.as_of = out.as_of.max(last);
    }
    Ok(out)
}

/// §13 the result of [`every_invoice_late`].
pub fn what_if_late(s: &Scenario, late_days: u32) -> Result<ComputeResult, ComputeError> {
    compute(&every_invoice_late(s, late_days)?)
}
