//! The rows of the comparison: each one's key and label, and how its cell shows one scenario's
//! term or figure: spec §1 the fees and the total, §2 the due rule and calendar, §3 what was
//! paid, §4 and §9 the penalty, its cap and the rights it gives, §5 subcontracting, §6 the
//! settlement.

use super::ABSENT;
use crate::engine::compute::ComputeResult;
use crate::engine::money::format_yuan;
use crate::engine::scenario::{DueRule, Scenario};
use crate::engine::subcontracting;
use crate::present::explain;
use crate::text::{compare, Lang, Text};
use chrono::NaiveDate;

type Cell = fn(&Scenario, &ComputeResult, Lang) -> String;

/// One row: key, label, and its cell.
pub(super) struct RowDef(pub(super) &'static str, pub(super) Text, pub(super) Cell);

pub(super) const ROWS: &[RowDef] = &[
    RowDef("term", compare::TERM, term),
    RowDef("termination", compare::TERMINATION, termination),
    RowDef("cycle_fee", compare::CYCLE_FEE, cycle_fee),
    RowDef("billing_cycle", compare::BILLING_CYCLE, billing_cycle),
    RowDef("contract_total", compare::CONTRACT_TOTAL, contract_total),
    RowDef("with_renewal", compare::WITH_RENEWAL, with_renewal),
    RowDef("due_rule", compare::DUE_RULE, due_rule),
    RowDef("calendar", compare::CALENDAR, calendar),
    RowDef("late_rate", compare::LATE_RATE, late_rate),
    RowDef("late_days", compare::LATE_DAYS, late_days),
    RowDef("penalty_cap", compare::PENALTY_CAP, penalty_cap),
    RowDef("late_penalties", compare::LATE_PENALTIES, late_penalties),
    RowDef("suspend_from", compare::SUSPEND_FROM, suspend_from),
    RowDef("terminate_from", compare::TERMINATE_FROM, terminate_from),
    RowDef(
        "subcontracting",
        compare::SUBCONTRACTING,
        subcontracting_exposure,
    ),
    RowDef("termination_net", compare::TERMINATION_NET, termination_net),
    RowDef("paid", compare::PAID, paid),
];

fn term(s: &Scenario, _: &ComputeResult, lang: Lang) -> String {
    compare::term(s.contract.start, s.contract.end, lang)
}

/// §6 an early termination: its date and reason, so that a right "from" a later day reads as one
/// the contract no longer gives.
fn termination(s: &Scenario, _: &ComputeResult, lang: Lang) -> String {
    s.termination.as_ref().map_or(ABSENT.into(), |t| {
        compare::termination(
            t.date,
            crate::text::terms::termination_reason(t.reason).get(lang),
            lang,
        )
    })
}

fn cycle_fee(s: &Scenario, _: &ComputeResult, _: Lang) -> String {
    format_yuan(s.cycle_fee())
}

fn billing_cycle(s: &Scenario, _: &ComputeResult, lang: Lang) -> String {
    compare::billing_cycle(s.fees.cycle, s.fees.partial_cycle, lang)
}

fn contract_total(_: &Scenario, r: &ComputeResult, _: Lang) -> String {
    format_yuan(r.total_fees.contract_total)
}

fn with_renewal(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    compare::with_renewal(
        r.total_fees.with_renewal,
        s.contract.renewal_months,
        s.termination.is_some(),
        lang,
    )
}

fn due_rule(s: &Scenario, _: &ComputeResult, lang: Lang) -> String {
    match &s.payment.due {
        DueRule::DayOfNextMonth { day, .. } => compare::due_next_month(*day, lang),
        DueRule::DaysAfterCycleEnd {
            days: n, day_type, ..
        } => compare::due_after_cycle_end(&compare::days(*n, *day_type, lang), lang),
        DueRule::DaysAfterCycleStart { days: 0, .. } => {
            compare::DUE_IN_ADVANCE_FIRST_DAY.get(lang).into()
        }
        DueRule::DaysAfterCycleStart {
            days: n, day_type, ..
        } => compare::due_in_advance(&compare::days(*n, *day_type, lang), lang),
        DueRule::DaysAfterInvoice {
            invoice_day,
            days: n,
            day_type,
            ..
        } => compare::due_after_invoice(*invoice_day, &compare::days(*n, *day_type, lang), lang),
    }
}

fn calendar(s: &Scenario, _: &ComputeResult, lang: Lang) -> String {
    crate::text::terms::calendar(s.payment.calendar)
        .get(lang)
        .into()
}

fn late_rate(s: &Scenario, _: &ComputeResult, lang: Lang) -> String {
    let Some(lp) = &s.late_payment else {
        return ABSENT.into();
    };
    let rate = explain::agreed_rates(lp, s.contract.start, lang);
    compare::late_rate(&rate, lp.partial_period, lang)
}

/// §9 which days are counted and where the penalty is rounded: terms that change the figure
/// with the same rate.
fn late_days(s: &Scenario, _: &ComputeResult, lang: Lang) -> String {
    let Some(lp) = &s.late_payment else {
        return ABSENT.into();
    };
    compare::late_days(
        crate::text::terms::day_count(lp.day_count).get(lang),
        lp.accrues_from,
        crate::text::terms::rounding(lp.rounding).get(lang),
        lang,
    )
}

fn penalty_cap(s: &Scenario, _: &ComputeResult, lang: Lang) -> String {
    match s.late_payment.as_ref() {
        None => ABSENT.into(),
        Some(lp) => match lp.cap_fraction {
            None => compare::NO_CAP.get(lang).into(),
            Some(cap) => compare::penalty_cap(cap, lp.cap_base, lang),
        },
    }
}

fn late_penalties(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    match &s.late_payment {
        None => ABSENT.into(),
        Some(_) if r.termination.as_ref().is_some_and(|t| t.fees_forfeited) => {
            compare::not_owed(r.late_payment.total_penalty, lang)
        }
        Some(_) => format_yuan(r.late_payment.total_penalty),
    }
}

/// A right as the late-payment card tells it, with the number of days late that triggers it:
/// since when it stands now, or that the arrears that gave it are paid, or that it has not
/// arisen (none after the contract's last day: then, when fees still unpaid passed those days
/// only after it, that is said, not "not arisen", which would read as never that late).
fn right(
    after_days: Option<u32>,
    from: Option<NaiveDate>,
    standing: Option<NaiveDate>,
    r: &ComputeResult,
    lang: Lang,
) -> String {
    after_days.map_or(ABSENT.into(), |k| {
        let ended = r.late_payment.rights_until;
        let late_after_end = ended.is_some()
            && standing.is_none()
            && r.total_fees
                .cycles
                .iter()
                .any(|c| c.outstanding > rust_decimal::Decimal::ZERO && c.days_late > i64::from(k));
        // Fees forfeited by a termination for subcontracting (§6) bear no penalty.
        let penalty_runs = !r.termination.as_ref().is_some_and(|t| t.fees_forfeited);
        compare::right(
            k,
            from,
            standing,
            ended,
            (late_after_end, penalty_runs),
            lang,
        )
    })
}

fn suspend_from(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    right(
        s.late_payment.as_ref().and_then(|lp| lp.suspend_after_days),
        r.late_payment
            .arose_in_term(r.late_payment.suspend_right_from),
        r.late_payment.suspend_right_standing,
        r,
        lang,
    )
}

fn terminate_from(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    right(
        s.late_payment
            .as_ref()
            .and_then(|lp| lp.terminate_after_days),
        r.late_payment
            .arose_in_term(r.late_payment.terminate_right_from),
        r.late_payment.terminate_right_standing,
        r,
        lang,
    )
}

/// §5 what subcontracting costs the supplier: as reported once it occurred, otherwise what it
/// would cost on the evaluation date.
fn subcontracting_exposure(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    let clause = s
        .supplier_breaches
        .as_ref()
        .and_then(|b| b.subcontracting.as_ref());
    let Some(clause) = clause else {
        return ABSENT.into();
    };
    let (penalty, refund) = subcontracting::exposure(clause, r.total_fees.contract_total, r.paid);
    let in_settlement = r.termination.as_ref().is_some_and(|t| t.fees_forfeited);
    compare::subcontracting(penalty, refund, clause.occurred_on, in_settlement, lang)
}

fn termination_net(_: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    r.termination.as_ref().map_or(ABSENT.into(), |t| {
        compare::termination_net(t.payer, t.net, lang)
    })
}

fn paid(_: &Scenario, r: &ComputeResult, _: Lang) -> String {
    format_yuan(r.paid)
}
