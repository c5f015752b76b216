//! The result document (spec §7, with §9–§13's additions): every figure for one scenario, as
//! `contract-calc compute` prints it and the app shows it.

use crate::engine::calendar::NotCovered;
use crate::engine::due_dates::due_date;
use crate::engine::fees::{billed_cycles, renewal_end, total, BilledCycle};
use crate::engine::late_payment::{
    aggregate_cap, cycle_penalty, last_ground, right_arises, right_stands_since, AggregateCut,
    CountedSpan, CyclePenalty, CycleStatus, NoLpr, PenaltyContext, Segment, MAX_SEGMENTS,
};
use crate::engine::lpr::LprTable;
use crate::engine::money::round_yuan;
use crate::engine::payments::{allocate, Owed};
use crate::engine::reasonableness::{assess, Reasonableness};
use crate::engine::scenario::Scenario;
use crate::engine::subcontracting::{subcontracting, SubcontractingResult};
use crate::engine::termination::{overdue, settle, TerminationResult};
use crate::engine::warnings::{Assumptions, Warning};
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
    /// Per payment (in the scenario's order), what it settled: each cycle by its first day, and
    /// how much (§3, §13); empty for a payment after `as_of`.
    #[serde(skip)]
    pub payments_applied: Vec<Vec<(NaiveDate, Decimal)>>,
    pub subcontracting: Option<SubcontractingResult>,
    pub termination: Option<TerminationResult>,
    /// What was assumed beyond the built-in data (§10); empty when nothing was.
    pub warnings: Vec<Warning>,
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
    /// The day the clause names, when a rest day moved `due` off it (Art. 203). Not in the
    /// spec's result.
    #[serde(skip)]
    pub due_moved_from: Option<NaiveDate>,
    pub outstanding: Decimal,
    /// Rounded; after a per-cycle cap, before an aggregate one.
    pub penalty: Decimal,
    /// The 计算明细 (§9): tranche by tranche, each split where the rate changed.
    pub segments: Vec<Segment>,
    /// Paid towards this cycle by the evaluation date.
    pub paid: Decimal,
    /// The most days late of any part of this cycle's fee.
    pub days_late: i64,
    /// Days late of the part still unpaid on the evaluation date.
    pub unpaid_days: i64,
    /// Whether the per-cycle cap applied.
    pub capped: bool,
    /// The whole cycle when only part of it was billed.
    pub partial_of: Option<[NaiveDate; 2]>,
    pub payments: Vec<TrancheRow>,
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
    /// Since when each right has stood without a break ([`right_stands_since`]) on `as_of`, or on
    /// the contract's last day when it ended before (`rights_until`): the ground a supplier stands
    /// on, beside §4's earliest date.
    #[serde(skip)]
    pub suspend_right_standing: Option<NaiveDate>,
    #[serde(skip)]
    pub terminate_right_standing: Option<NaiveDate>,
    /// The last fee to pass the agreed days while the right to terminate stood
    /// ([`last_ground`]): the one-year caveat of 民法典第564条第2款 runs from it.
    #[serde(skip)]
    pub terminate_right_last_ground: Option<NaiveDate>,
    /// The contract's last day (an early termination, or the term and its renewal run out) when
    /// it is before `as_of`: no right to suspend or terminate outlives the contract (民法典第557条).
    #[serde(skip)]
    pub rights_until: Option<NaiveDate>,
    /// Whether a cap (per cycle or aggregate) cut anything (§9).
    pub cap_applied: bool,
    /// §9 the aggregate cap's cut, for the 计算明细: the cycles' sum against the limit.
    #[serde(skip)]
    pub aggregate_cut: Option<AggregateCut>,
    /// §11, when a penalty accrued; `None` also when a counted day has no LPR.
    pub reasonableness: Option<Reasonableness>,
    /// What the penalties themselves assumed beyond the built-in data (§10): their due dates'
    /// calendars and their rates, not the §11 reference's LPR or the settlement's interest.
    #[serde(skip)]
    pub assumed: Vec<Warning>,
}

impl LatePaymentSummary {
    /// Whether the penalties took an LPR past the built-in data (§10), on some of their days.
    pub fn assumed_lpr(&self) -> bool {
        self.assumed
            .iter()
            .any(|w| matches!(w, Warning::LprBeyondTable { .. }))
    }

    /// A right's first day (§4) when it arose while the contract lasted ([`Self::rights_until`]);
    /// none after it ended.
    pub fn arose_in_term(&self, from: Option<NaiveDate>) -> Option<NaiveDate> {
        from.filter(|f| self.rights_until.is_none_or(|until| *f <= until))
    }
}

/// Why a valid scenario cannot be computed: the data needed does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComputeError {
    /// A `cn` calendar day before the published table's first year (§10).
    CalendarBeforeTable { date: NaiveDate, first: NaiveDate },
    /// An LPR rate needs a day before 2015-10-24, when no rate exists (§9).
    NoLpr(NoLpr),
    /// More 计算明细 segments than [`MAX_SEGMENTS`]: payments times rate changes beyond any
    /// contract, refused rather than run out of memory.
    TooManySegments { max: usize },
}

impl From<NotCovered> for ComputeError {
    fn from(e: NotCovered) -> Self {
        ComputeError::CalendarBeforeTable {
            date: e.date,
            first: e.first,
        }
    }
}

impl From<NoLpr> for ComputeError {
    fn from(e: NoLpr) -> Self {
        ComputeError::NoLpr(e)
    }
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

/// The term's cycles (§1), as the contract total sums them.
pub fn term_cycles(s: &Scenario) -> Vec<BilledCycle> {
    whole_term(s, s.contract.end)
}

/// The last day billed (§2): the termination date when it comes before the term's end.
fn billed_end(s: &Scenario) -> NaiveDate {
    s.termination
        .as_ref()
        .map_or(s.contract.end, |t| t.date.min(s.contract.end))
}

/// The billed periods (§2): the whole term, or up to the termination date.
pub fn billed_periods(s: &Scenario) -> Vec<BilledCycle> {
    whole_term(s, billed_end(s))
}

/// What each billed period owes, and when (§2).
fn owed(
    s: &Scenario,
    billed: &[BilledCycle],
    seen: &mut Assumptions,
) -> Result<Vec<Owed>, ComputeError> {
    billed
        .iter()
        .map(|c| {
            Ok(Owed {
                start: c.start,
                due: due_date(&s.payment.due, s.payment.calendar, c.start, c.end, seen)?,
                amount: c.amount,
            })
        })
        .collect()
}

/// What is left to pay on a billed period once every payment listed is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftToPay {
    pub left: Decimal,
    /// The payments (their indices in the scenario) that paid some of it.
    pub paid_by: Vec<usize>,
}

/// What is left to pay on the billed period that starts on `start` once every payment listed is
/// applied as §3 and §13 apply them, those dated after `as_of` too: a payment entered for a
/// period paid already would pay it twice. `None` when no billed period starts that day.
pub fn left_to_pay(s: &Scenario, start: NaiveDate) -> Result<Option<LeftToPay>, ComputeError> {
    let owed = owed(s, &billed_periods(s), &mut Assumptions::default())?;
    let alloc = allocate(&owed, &s.payment.payments, NaiveDate::MAX);
    let Some(left) = owed
        .iter()
        .position(|o| o.start == start)
        .and_then(|i| alloc.outstanding.get(i).copied())
    else {
        return Ok(None);
    };
    let paid_by = alloc
        .applied
        .iter()
        .enumerate()
        .filter(|(_, parts)| parts.iter().any(|(c, _)| *c == start))
        .map(|(i, _)| i)
        .collect();
    Ok(Some(LeftToPay { left, paid_by }))
}

/// §13 an overdue settlement with payments after its day: what they paid, and who owed the net
/// on that day and how much (the scenario computed on it), since they may have changed who owes.
fn owed_on_due(s: &Scenario, mut t: TerminationResult) -> TerminationResult {
    t.paid_after_due = s
        .payment
        .payments
        .iter()
        .filter(|p| p.date > t.due && p.date <= s.as_of)
        .map(|p| p.amount)
        .sum();
    if t.overdue_days > 0 && t.paid_after_due > Decimal::ZERO {
        let mut at_due = s.clone();
        at_due.as_of = t.due;
        t.owed_on_due = compute(&at_due)
            .ok()
            .and_then(|r| r.termination)
            .map(|d| (d.payer, d.net));
    }
    t
}

/// Computes every figure of the spec for a valid scenario. Fails only where no data can exist
/// (a `cn` date before 2010, an LPR before 2015-10-24).
pub fn compute(s: &Scenario) -> Result<ComputeResult, ComputeError> {
    let mut seen = Assumptions::default();
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
    let end = billed_end(s);
    let billed = if end < s.contract.end {
        whole_term(s, end)
    } else {
        term
    };
    let owed = owed(s, &billed, &mut seen)?;
    let alloc = allocate(&owed, &s.payment.payments, s.as_of);

    let with_user: LprTable;
    let lpr: &LprTable = match &s.late_payment {
        Some(l) if !l.lpr_fixings.is_empty() => {
            with_user = LprTable::with_user_fixings(&l.lpr_fixings);
            &with_user
        }
        _ => crate::engine::lpr::builtin(),
    };
    let mut counted: Vec<CountedSpan> = Vec::with_capacity(billed.len());
    let penalties: Vec<CyclePenalty> = match &s.late_payment {
        None => vec![CyclePenalty::default(); billed.len()],
        Some(terms) => {
            let mut ctx = PenaltyContext {
                contract_start: s.contract.start,
                lpr,
                seen: &mut seen,
                counted: &mut counted,
                segments_left: MAX_SEGMENTS,
                too_many_segments: false,
            };
            let penalties = owed
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    cycle_penalty(
                        terms,
                        &mut ctx,
                        o.due,
                        o.amount,
                        &alloc.tranches[i],
                        alloc.outstanding[i],
                        s.as_of,
                    )
                    .map_err(ComputeError::from)
                })
                .collect::<Result<Vec<_>, _>>()?;
            if ctx.too_many_segments {
                return Err(ComputeError::TooManySegments { max: MAX_SEGMENTS });
            }
            penalties
        }
    };

    let mut overdue_base = Decimal::ZERO;
    let mut any_cycle_capped = false;
    let cycles: Vec<CycleRow> = billed
        .iter()
        .zip(penalties)
        .enumerate()
        .map(|(i, (c, p))| {
            let Owed { due, amount, .. } = owed[i];
            let payments: Vec<TrancheRow> = alloc.tranches[i]
                .iter()
                .map(|t| TrancheRow {
                    date: t.paid_on,
                    amount: round_yuan(t.amount),
                    days_late: crate::engine::late_payment::days_late(due, t.paid_on),
                })
                .collect();
            let unpaid_days = if alloc.outstanding[i] > Decimal::ZERO {
                crate::engine::late_payment::days_late(due, s.as_of)
            } else {
                0
            };
            overdue_base += p.overdue_base;
            any_cycle_capped |= p.capped;
            CycleRow {
                start: c.start,
                end: c.end,
                amount,
                due,
                due_moved_from: crate::engine::due_dates::moved_from(
                    &s.payment.due,
                    c.start,
                    c.end,
                    due,
                ),
                outstanding: round_yuan(alloc.outstanding[i]),
                penalty: round_yuan(p.penalty),
                segments: p.segments,
                paid: round_yuan(amount - alloc.outstanding[i]),
                unpaid_days,
                days_late: payments
                    .iter()
                    .map(|t| t.days_late)
                    .chain([unpaid_days])
                    .max()
                    .unwrap_or(0),
                capped: p.capped,
                partial_of: c.is_partial().then_some([c.cycle_start, c.cycle_end]),
                payments,
            }
        })
        .collect();

    let sum_of_cycles: Decimal = cycles.iter().map(|c| c.penalty).sum();
    let (total_penalty, aggregate_cut) = match &s.late_payment {
        Some(terms) => aggregate_cap(terms, sum_of_cycles, contract_total, overdue_base),
        None => (round_yuan(sum_of_cycles), None),
    };
    let statuses: Vec<CycleStatus> = owed
        .iter()
        .zip(&alloc.tranches)
        .map(|(o, tranches)| CycleStatus {
            due: o.due,
            amount: o.amount,
            tranches,
        })
        .collect();
    let (suspend_k, terminate_k) = s.late_payment.as_ref().map_or((None, None), |l| {
        (l.suspend_after_days, l.terminate_after_days)
    });
    let right = |k: Option<u32>| k.and_then(|k| right_arises(k, &statuses, s.as_of));
    // The contract's last day: terminated early, or the term with its automatic renewal run out.
    let last_day = s.termination.as_ref().map_or_else(
        || crate::engine::fees::renewal_end(s.contract.end, s.contract.renewal_months),
        |t| t.date,
    );
    let rights_until = (last_day < s.as_of).then_some(last_day);
    let rights_day = rights_until.unwrap_or(s.as_of);
    let standing = |k: Option<u32>| k.and_then(|k| right_stands_since(k, &statuses, rights_day));
    // What the penalties assumed, before the §11 reference and the settlement add their own.
    let assumed = seen.warnings();
    let reasonableness = (total_penalty > Decimal::ZERO)
        .then(|| assess(total_penalty, &counted, lpr, &mut seen))
        .flatten();
    let terminate_standing = standing(terminate_k);
    let late_payment = LatePaymentSummary {
        total_penalty,
        suspend_right_from: right(suspend_k),
        terminate_right_from: right(terminate_k),
        suspend_right_standing: standing(suspend_k),
        terminate_right_standing: terminate_standing,
        terminate_right_last_ground: terminate_standing
            .zip(terminate_k)
            .map(|(since, k)| last_ground(k, &statuses, since, rights_day)),
        rights_until,
        cap_applied: any_cycle_capped || aggregate_cut.is_some(),
        aggregate_cut,
        reasonableness,
        assumed,
    };

    let paid = round_yuan(alloc.paid);
    let subcontracting = s
        .supplier_breaches
        .as_ref()
        .and_then(|b| b.subcontracting.as_ref())
        .and_then(|clause| subcontracting(clause, contract_total, paid));
    let earned = total(&billed);
    let termination = settle(
        s,
        earned,
        paid,
        total_penalty,
        contract_total,
        s.payment.calendar,
        &mut seen,
    )
    .transpose()?
    .map(|t| overdue(t, s.as_of, lpr, &mut seen))
    .map(|t| owed_on_due(s, t));

    Ok(ComputeResult {
        total_fees: TotalFees {
            contract_total,
            with_renewal,
            cycles,
        },
        late_payment,
        paid,
        unapplied_payments: round_yuan(alloc.unapplied),
        payments_applied: alloc.applied,
        subcontracting,
        termination,
        warnings: seen.warnings(),
    })
}

impl ComputeResult {
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
