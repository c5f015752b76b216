//! The rules that tie one field of a scenario to another (spec §1, §6, §13).

use super::{Res, MAX_TERM_YEARS};
use crate::document::error::{ErrorKind, ValidationError};
use crate::engine::scenario::*;
use chrono::NaiveDate;

/// The rules that tie one field to another: the term, the termination date, the reason.
pub fn check_consistency(s: &Scenario) -> Res<()> {
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
            if starts.binary_search(&f).is_err() {
                return Err(ValidationError::new(
                    format!("payment.payments[{i}].for"),
                    ErrorKind::NotABilledPeriod { got: f },
                ));
            }
        }
    }
    Ok(())
}
