//! The result document (spec §7): every figure of §1–§6 for one scenario, as
//! `contract-calc compute` prints it and the app shows it.

use crate::calendar::NotCovered;
use crate::due_dates::due_date;
use crate::fees::{billed_cycles, renewal_end, total, BilledCycle};
use crate::late_payment::{cycle_penalty, right_arises, CyclePenalty, CycleStatus};
use crate::lpr::{known_until, RateUnavailable};
use crate::money::round_yuan;
use crate::payments::allocate;
use crate::scenario::Scenario;
use crate::subcontracting::{subcontracting, SubcontractingResult};
use crate::termination::{settle, TerminationResult};
use crate::validation::{ErrorKind, ValidationError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComputeResult {
    pub total_fees: TotalFees,
    pub late_payment: LatePaymentSummary,
    /// Everything paid on or before the evaluation date.
    pub paid: Decimal,
    pub unapplied_payments: Decimal,
    pub subcontracting: Option<SubcontractingResult>,
    pub termination: Option<TerminationResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TotalFees {
    /// 合同总金额 over the whole term: the base of every percentage-of-contract penalty.
    pub contract_total: Decimal,
    /// The same over the term plus automatic renewal.
    pub with_renewal: Decimal,
    pub cycles: Vec<CycleRow>,
}

/// One billed cycle with its due date, payments and penalty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CycleRow {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub amount: Decimal,
    pub due: NaiveDate,
    pub outstanding: Decimal,
    pub penalty: Decimal,
    /// Paid towards this cycle by the evaluation date.
    pub paid: Decimal,
    /// The most days late of any part of this cycle's fee.
    pub days_late: i64,
    /// Days late of the part still unpaid on the evaluation date.
    pub unpaid_days: i64,
    /// Whether the penalty cap applied.
    pub capped: bool,
    /// The whole cycle when only part of it was billed.
    pub partial_of: Option<[NaiveDate; 2]>,
    /// The rate applied, when a penalty accrued.
    pub rate: Option<RateRow>,
    pub payments: Vec<TrancheRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateRow {
    pub fraction: Decimal,
    pub per_days: u32,
    pub lpr: Option<Decimal>,
}

/// Part of a cycle's fee paid on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrancheRow {
    pub date: NaiveDate,
    pub amount: Decimal,
    pub days_late: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LatePaymentSummary {
    pub total_penalty: Decimal,
    pub suspend_right_from: Option<NaiveDate>,
    pub terminate_right_from: Option<NaiveDate>,
}

fn not_covered(e: NotCovered) -> ValidationError {
    ValidationError::new(
        "payment.calendar",
        ErrorKind::CalendarNotCovered {
            date: e.date,
            first: e.first,
            last: e.last,
        },
    )
}

fn rate_unavailable(e: RateUnavailable) -> ValidationError {
    let kind = match e {
        RateUnavailable::TooEarly(date) => ErrorKind::LprTooEarly { date },
        RateUnavailable::NotYetKnown(date) => ErrorKind::LprNotYetKnown {
            date,
            known_until: known_until(),
        },
    };
    ValidationError::new("late_payment.rate.lpr_multiple", kind)
}

/// The cycles over the whole term (§1).
fn whole_term(s: &Scenario, end: NaiveDate) -> Vec<BilledCycle> {
    billed_cycles(
        s.fees.cycle,
        s.fees.partial_cycle,
        s.cycle_fee(),
        s.contract.start,
        end,
    )
}

/// Computes every figure of the spec for a valid scenario. Fails only where the data runs out
/// (a date the holiday table does not cover, an LPR the table lacks), naming the field.
pub fn compute(s: &Scenario) -> Result<ComputeResult, ValidationError> {
    let term = whole_term(s, s.contract.end);
    let contract_total = total(&term);
    let with_renewal = if s.contract.renewal_months == 0 {
        contract_total
    } else {
        total(&whole_term(
            s,
            renewal_end(s.contract.end, s.contract.renewal_months),
        ))
    };
    let billed = match &s.termination {
        Some(t) if t.date < s.contract.end => whole_term(s, t.date),
        _ => term,
    };
    let cal = s.payment.calendar;

    let dues = billed
        .iter()
        .map(|c| {
            Ok((
                due_date(&s.payment.due, cal, c.start, c.end).map_err(not_covered)?,
                c.amount,
            ))
        })
        .collect::<Result<Vec<_>, ValidationError>>()?;
    let alloc = allocate(&dues, &s.payment.payments, s.as_of);

    let penalties: Vec<Option<CyclePenalty>> = match &s.late_payment {
        None => vec![None; billed.len()],
        Some(terms) => dues
            .iter()
            .enumerate()
            .map(|(i, (due, amount))| {
                cycle_penalty(
                    terms,
                    *due,
                    *amount,
                    &alloc.tranches[i],
                    alloc.outstanding[i],
                    s.as_of,
                )
                .map(Some)
                .map_err(rate_unavailable)
            })
            .collect::<Result<_, _>>()?,
    };

    let cycles: Vec<CycleRow> = billed
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (due, amount) = dues[i];
            let p = penalties[i].as_ref();
            let payments: Vec<TrancheRow> = alloc.tranches[i]
                .iter()
                .map(|t| TrancheRow {
                    date: t.paid_on,
                    amount: round_yuan(t.amount),
                    days_late: crate::late_payment::days_late(due, t.paid_on),
                })
                .collect();
            let unpaid_days = if alloc.outstanding[i] > Decimal::ZERO {
                crate::late_payment::days_late(due, s.as_of)
            } else {
                0
            };
            CycleRow {
                start: c.start,
                end: c.end,
                amount,
                due,
                outstanding: round_yuan(alloc.outstanding[i]),
                penalty: p.map_or(round_yuan(Decimal::ZERO), |p| p.penalty),
                paid: round_yuan(amount - alloc.outstanding[i]),
                unpaid_days,
                days_late: payments
                    .iter()
                    .map(|t| t.days_late)
                    .chain([unpaid_days])
                    .max()
                    .unwrap_or(0),
                capped: p.is_some_and(|p| p.capped),
                partial_of: c.is_partial().then_some([c.cycle_start, c.cycle_end]),
                rate: p.and_then(|p| p.rate).map(|r| RateRow {
                    fraction: r.fraction,
                    per_days: r.per_days,
                    lpr: r.lpr,
                }),
                payments,
            }
        })
        .collect();

    let total_penalty = round_yuan(cycles.iter().map(|c| c.penalty).sum());
    let statuses: Vec<CycleStatus> = dues
        .iter()
        .zip(&alloc.tranches)
        .map(|((due, amount), tranches)| CycleStatus {
            due: *due,
            amount: *amount,
            tranches,
        })
        .collect();
    let right = |k: Option<u32>| k.and_then(|k| right_arises(k, &statuses, s.as_of));
    let late_payment = LatePaymentSummary {
        total_penalty,
        suspend_right_from: right(s.late_payment.as_ref().and_then(|l| l.suspend_after_days)),
        terminate_right_from: right(s.late_payment.as_ref().and_then(|l| l.terminate_after_days)),
    };

    let paid = round_yuan(alloc.paid);
    let subcontracting = s
        .supplier_breaches
        .as_ref()
        .and_then(|b| b.subcontracting.as_ref())
        .and_then(|clause| subcontracting(clause, contract_total, paid));
    let earned = total(&billed);
    let termination = settle(s, earned, paid, total_penalty, contract_total, cal)
        .transpose()
        .map_err(not_covered)?;

    Ok(ComputeResult {
        total_fees: TotalFees {
            contract_total,
            with_renewal,
            cycles,
        },
        late_payment,
        paid,
        unapplied_payments: round_yuan(alloc.unapplied),
        subcontracting,
        termination,
    })
}

/// Reads a scenario document and computes it: what `contract-calc compute` does.
pub fn compute_json(text: &str) -> Result<ComputeResult, ValidationError> {
    compute(&crate::validation::parse_scenario(text)?)
}

impl ComputeResult {
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
