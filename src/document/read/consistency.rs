//! The rules that tie one field of a scenario to another (spec §1, §6, §9, §13), on the typed
//! scenario: the document's reader and the form both end with them.

use super::{Res, MAX_TERM_YEARS};
use crate::document::error::{ErrorKind, ValidationError};
use crate::engine::scenario::*;
use chrono::NaiveDate;

/// Strictly increasing dates in a list, refused at the first that is not.
fn increasing(path: &str, key: &str, dates: impl Iterator<Item = NaiveDate>) -> Res<()> {
    let mut previous: Option<NaiveDate> = None;
    for (i, d) in dates.enumerate() {
        if let Some(p) = previous.filter(|p| d <= *p) {
            return Err(ValidationError::new(
                format!("{path}[{i}].{key}"),
                ErrorKind::NotIncreasing { previous: p },
            ));
        }
        previous = Some(d);
    }
    Ok(())
}

/// No date twice in a list given in any order, refused at the later of the two.
fn distinct(path: &str, key: &str, dates: impl Iterator<Item = NaiveDate>) -> Res<()> {
    let mut sorted: Vec<(NaiveDate, usize)> = dates.zip(0..).collect();
    sorted.sort_unstable();
    match sorted.windows(2).find(|w| w[0].0 == w[1].0) {
        Some(w) => Err(ValidationError::new(
            format!("{path}[{}].{key}", w[1].1),
            ErrorKind::RepeatedDate { date: w[1].0 },
        )),
        None => Ok(()),
    }
}

/// §9 the rate changes in date order; the user's LPR fixings in any order (they are merged with
/// the built-in table) but each date once, none before the LPR existed; a floating LPR counted
/// day by day (pro rata).
fn late_payment(l: &LatePayment) -> Res<()> {
    increasing(
        "late_payment.rate_changes",
        "from",
        l.rate_changes.iter().map(|c| c.from),
    )?;
    let first = crate::engine::lpr::lpr_start();
    if let Some(i) = l.lpr_fixings.iter().position(|f| f.effective < first) {
        return Err(ValidationError::new(
            format!("late_payment.lpr_fixings[{i}].effective"),
            ErrorKind::FixingBeforeLpr { first },
        ));
    }
    distinct(
        "late_payment.lpr_fixings",
        "effective",
        l.lpr_fixings.iter().map(|f| f.effective),
    )?;
    let floating = |r: &Rate| {
        matches!(
            r,
            Rate::Lpr {
                lpr_fixing: LprFixing::Floating,
                ..
            }
        )
    };
    if l.partial_period == PartialPeriod::Full && l.rates().any(floating) {
        return Err(ValidationError::new(
            "late_payment.partial_period",
            ErrorKind::FloatingNeedsProRata,
        ));
    }
    Ok(())
}

/// The rules that tie one field to another: the term, the termination date and reason, the late
/// payment clause's lists and conventions, the periods payments are designated for.
pub fn check_consistency(s: &Scenario) -> Res<()> {
    if let Some(l) = &s.late_payment {
        late_payment(l)?;
    }
    let c = &s.contract;
    if c.end < c.start {
        return Err(ValidationError::new(
            "contract.end",
            ErrorKind::EndBeforeStart { start: c.start },
        ));
    }
    if c.end >= crate::engine::fees::add_months(c.start, 12 * MAX_TERM_YEARS) {
        return Err(ValidationError::new(
            "contract.end",
            ErrorKind::TermTooLong {
                max_years: MAX_TERM_YEARS,
            },
        ));
    }
    if let Some(t) = &s.termination {
        if t.date < c.start || t.date > c.end {
            return Err(ValidationError::new(
                "termination.date",
                ErrorKind::OutsideTerm {
                    start: c.start,
                    end: c.end,
                },
            ));
        }
        let has_clause = s
            .supplier_breaches
            .as_ref()
            .is_some_and(|b| b.subcontracting.is_some());
        if t.reason == TerminationReason::Subcontracting && !has_clause {
            return Err(ValidationError::new(
                "termination.reason",
                ErrorKind::NeedsSubcontracting,
            ));
        }
    }
    let designated = s.payment.payments.iter().enumerate();
    let mut designated = designated
        .filter_map(|(i, p)| p.for_period.map(|f| (i, f)))
        .peekable();
    if designated.peek().is_some() {
        let starts: Vec<NaiveDate> = crate::engine::compute::billed_periods(s)
            .iter()
            .map(|c| c.start)
            .collect();
        for (i, f) in designated {
            // A period after a termination or after the term (a renewal's): named as such, not
            // as no period at all.
            let (ended, terminated) = match &s.termination {
                Some(t) if t.date < s.contract.end => (t.date, true),
                _ => (s.contract.end, false),
            };
            if f > ended {
                return Err(ValidationError::new(
                    format!("payment.payments[{i}].for"),
                    ErrorKind::PeriodAfterEnd {
                        got: f,
                        ended,
                        terminated,
                    },
                ));
            }
            if let Err(after) = starts.binary_search(&f) {
                let example = starts.get(after.saturating_sub(1)).copied();
                return Err(ValidationError::new(
                    format!("payment.payments[{i}].for"),
                    ErrorKind::NotABilledPeriod { got: f, example },
                ));
            }
        }
    }
    Ok(())
}
