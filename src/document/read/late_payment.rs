//! The `late_payment` section (spec §4, §9): the rate in one of its three forms, its changes,
//! the LPR fixings the user adds, and the conventions for counting, capping and rounding.

use super::notation::parse_date;
use super::object::{show, Obj};
use super::{Res, BASIS_DAYS, DAYS, PERIOD_DAYS, PERIOD_MONTHS};
use crate::document::error::{ErrorKind, ValidationError};
use crate::engine::scenario::*;

/// §4, §9 one of the three rate forms.
fn rate(r: &Obj) -> Res<Rate> {
    let has = |k: &str| r.get(k).is_some();
    let fraction_days = has("per_days");
    let fraction_months = has("per_months");
    let lpr = has("lpr_multiple") || has("basis_days") || has("lpr_fixing") || has("lpr_term");
    let forms = usize::from(fraction_days) + usize::from(fraction_months) + usize::from(lpr);
    let fraction_only = forms == 0 && has("fraction");
    if forms > 1 || (lpr && has("fraction")) {
        return Err(ValidationError::new(r.path.clone(), ErrorKind::RateForm));
    }
    Ok(if lpr {
        Rate::Lpr {
            lpr_multiple: r.multiple("lpr_multiple")?,
            basis_days: r.number_choice("basis_days", BASIS_DAYS)?,
            lpr_fixing: lpr_fixing(r)?,
            lpr_term: r.choice(
                "lpr_term",
                &["one_year", "five_year"],
                &[LprTerm::OneYear, LprTerm::FiveYear],
                Some(LprTerm::OneYear),
            )?,
            extra: r.extra()?,
        }
    } else if fraction_months {
        Rate::Monthly {
            fraction: r.fraction("fraction")?,
            per_months: r.uint("per_months", PERIOD_MONTHS)?,
            extra: r.extra()?,
        }
    } else if fraction_days || fraction_only {
        Rate::Fraction {
            fraction: r.fraction("fraction")?,
            per_days: r.uint("per_days", PERIOD_DAYS)?,
            extra: r.extra()?,
        }
    } else {
        return Err(ValidationError::new(r.path.clone(), ErrorKind::RateForm));
    })
}

/// §9 `lpr_fixing`: one of the named days, or a date.
fn lpr_fixing(r: &Obj) -> Res<LprFixing> {
    let Some(v) = r.get("lpr_fixing") else {
        return Ok(LprFixing::DueDate);
    };
    if let Some(d) = v.as_str().and_then(parse_date) {
        return Ok(LprFixing::On(d));
    }
    const NAMES: &[&str] = &[
        "due_date",
        "first_day_late",
        "contract_start",
        "floating",
        "YYYY-MM-DD",
    ];
    v.as_str()
        .and_then(|t| LprFixing::NAMES.iter().position(|n| *n == t))
        .map(|i| LprFixing::FIXED[i])
        .ok_or_else(|| {
            r.err(
                "lpr_fixing",
                ErrorKind::Choice {
                    got: show(v),
                    allowed: NAMES,
                },
            )
        })
}

pub(super) fn late_payment(o: &Obj) -> Res<LatePayment> {
    let rate_changes = o
        .opt_array("rate_changes")?
        .into_iter()
        .map(|c| {
            Ok(RateChange {
                from: c.date("from")?,
                rate: rate(&c.obj("rate")?)?,
                extra: c.extra()?,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    let lpr_fixings = o
        .opt_array("lpr_fixings")?
        .into_iter()
        .map(|f| {
            Ok(UserLprFixing {
                effective: f.date("effective")?,
                one_year: f.percent("one_year")?,
                five_year: f.opt_percent("five_year")?,
                extra: f.extra()?,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    Ok(LatePayment {
        rate: rate(&o.obj("rate")?)?,
        rate_changes,
        partial_period: o.choice(
            "partial_period",
            &["pro_rata", "full"],
            &[PartialPeriod::ProRata, PartialPeriod::Full],
            Some(PartialPeriod::ProRata),
        )?,
        day_count: o.choice(
            "day_count",
            &["standard", "exclude_end", "include_due_date"],
            &[
                DayCount::Standard,
                DayCount::ExcludeEnd,
                DayCount::IncludeDueDate,
            ],
            Some(DayCount::Standard),
        )?,
        accrues_from: o.opt_date("accrues_from")?,
        cap_fraction: o.opt_fraction("cap_fraction")?,
        cap_base: o.choice(
            "cap_base",
            &["cycle", "contract_total", "overdue"],
            &[CapBase::Cycle, CapBase::ContractTotal, CapBase::Overdue],
            Some(CapBase::Cycle),
        )?,
        rounding: o.choice(
            "rounding",
            &["per_cycle", "per_segment"],
            &[Rounding::PerCycle, Rounding::PerSegment],
            Some(Rounding::PerCycle),
        )?,
        lpr_fixings,
        suspend_after_days: o.opt_uint("suspend_after_days", DAYS)?,
        terminate_after_days: o.opt_uint("terminate_after_days", DAYS)?,
        extra: o.extra()?,
    })
}
