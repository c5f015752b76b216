//! The late-payment card (spec §4, §9): the total penalty with the rights it gave (§4), and its
//! breakdown: the agreed rate, the reasonableness check (§11), each cycle's formula, the claim's
//! 计算明细 and the exposure chart (§12).

use super::card::Card;
use super::html::Html;
use super::period;
use crate::engine::compute::ComputeResult;
use crate::engine::late_payment::right_may_lapse;
use crate::engine::scenario::Scenario;
use crate::present::explain;
use crate::text::{self, report, Lang};

/// The late-payment card: the total to date, the rights to suspend and terminate beside it.
pub(super) fn late_penalty_card(h: &mut Html, s: &Scenario, r: &ComputeResult, open: bool) {
    let lang = h.lang;
    // §6 a termination for subcontracting: the penalties accrued, but the settlement does not
    // pay them; said first, so that the two cards do not read as both owed.
    let not_owed = r
        .termination
        .as_ref()
        .filter(|t| t.fees_forfeited)
        .map(|_| report::NOT_OWED_IN_SETTLEMENT.get(lang).to_string());
    // §11 in a line last, so that whether the penalty may be reduced is seen before the card
    // opens.
    let verdict = r
        .late_payment
        .reasonableness
        .as_ref()
        .filter(|_| not_owed.is_none())
        .and_then(|x| crate::text::results::reasonableness_short(x, lang));
    // An LPR past the built-in data in the penalty itself: said beside the figure (§10).
    let assumed = r
        .late_payment
        .assumed_lpr()
        .then(|| report::PENALTY_ASSUMES_LPR.get(lang).to_string());
    let parts: Vec<String> = [not_owed, assumed, rights_note(s, r, lang), verdict]
        .into_iter()
        .flatten()
        .collect();
    let note = (!parts.is_empty())
        .then(|| report::sentence(parts.join(report::RIGHTS_SEPARATOR.get(lang))));
    h.card(
        Card::LatePenalty,
        h.t(report::LATE_PENALTIES),
        r.late_payment.total_penalty,
        note.as_deref(),
        open,
        |h| late_body(h, s, r),
    );
}

fn rights_note(s: &Scenario, r: &ComputeResult, lang: Lang) -> Option<String> {
    s.late_payment.as_ref()?;
    let l = &r.late_payment;
    // A contract already ended by its evaluation date: a right that would arise after it is
    // none, and one before it lasted until then.
    let ended = l.rights_until;
    let rights = [
        (
            l.suspend_right_from,
            l.suspend_right_standing,
            report::SUSPEND,
        ),
        (
            l.terminate_right_from,
            l.terminate_right_standing,
            report::TERMINATE,
        ),
    ];
    let parts: Vec<String> = rights
        .into_iter()
        .filter_map(|(from, standing, what)| {
            Some(report::right(
                what,
                l.arose_in_term(from)?,
                standing,
                ended,
                lang,
            ))
        })
        .collect();
    // Judged on the day the contract ended, when it has: a right that had stood a year by then
    // may not have lasted until it.
    let lapse = l
        .terminate_right_last_ground
        .and_then(|ground| right_may_lapse(ground, ended.unwrap_or(s.as_of)))
        .map(|lapse| report::terminate_right_may_lapse(lapse, lang));
    let parts: Vec<String> = parts.into_iter().chain(lapse).collect();
    (!parts.is_empty()).then(|| parts.join(report::RIGHTS_SEPARATOR.get(lang)))
}

/// The agreed rate, its changes and cap, and how each penalty is computed; or that there is no
/// such clause.
fn rate_text(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    let Some(l) = &s.late_payment else {
        if r.total_fees.cycles.iter().all(|c| c.days_late <= 0) {
            return report::NO_LATE_CLAUSE.get(lang).into();
        }
        // The late days, from the first due date passed to the last day paid late or today:
        // the law of each (时间效力规定第1条第2、3款).
        let late = || r.total_fees.cycles.iter().filter(|c| c.days_late > 0);
        let first = late().map(|c| c.due).min().and_then(|d| d.succ_opt());
        let last = late()
            .filter_map(|c| {
                if c.outstanding > rust_decimal::Decimal::ZERO && c.unpaid_days > 0 {
                    return Some(s.as_of);
                }
                c.payments
                    .iter()
                    .filter(|t| t.days_late > 0)
                    .map(|t| t.date)
                    .max()
            })
            .max();
        let (Some(first), Some(last)) = (first, last) else {
            return report::NO_LATE_CLAUSE.get(lang).into();
        };
        return report::no_late_clause_but_late(first, last, lang);
    };
    let mut text = explain::agreed_rates(l, s.contract.start, lang);
    if let Some(cap) = l.cap_fraction {
        text.push_str(&report::rate_cap(cap, l.cap_base, lang));
    }
    // Cited under the law in force over the late days (all before 2021: the law then).
    let law = law_over_the_late_days(r);
    text.push_str(&report::late_rule(l.day_count, l.accrues_from, law, lang));
    let code = crate::engine::reasonableness::civil_code_start();
    let first = late_days(r).map(|(first, _)| first);
    if law == report::LawInForce::CivilCode && first.is_some_and(|d| d < code) {
        text.push_str(report::straddles_civil_code(lang));
    }
    text
}

/// The first and the last day late counted in any segment, if any.
fn late_days(r: &ComputeResult) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let segments = || r.total_fees.cycles.iter().flat_map(|c| c.segments.iter());
    Some((
        segments().map(|x| x.from).min()?,
        segments().map(|x| x.to).max()?,
    ))
}

/// The law in force over the late days: the one of the last day counted (all before 2021: the
/// law then).
fn law_over_the_late_days(r: &ComputeResult) -> report::LawInForce {
    report::LawInForce::for_days_to(late_days(r).map(|(_, last)| last))
}

/// How the payments were applied, beside a penalty that accrued while payments were made: under
/// the law in force when they were made.
fn allocation_note(s: &Scenario, r: &ComputeResult, lang: Lang) -> Option<String> {
    let made = || {
        s.payment
            .payments
            .iter()
            .map(|p| p.date)
            .filter(|d| *d <= s.as_of)
    };
    let (first, last) = (made().min()?, made().max()?);
    let penalty = r.late_payment.total_penalty;
    (penalty > rust_decimal::Decimal::ZERO).then(|| {
        let law = text::law::cite_over(text::law::Provision::PaymentAllocation, first, last, lang);
        let unapplied = if r.termination.is_some() {
            rust_decimal::Decimal::ZERO
        } else {
            r.unapplied_payments
        };
        report::allocation_order(&law, unapplied, penalty, lang)
    })
}

/// Whether a rate change split a tranche's late days that are counted in whole periods (§9
/// `partial_period: "full"`): one segment ends the day before the next begins.
fn whole_periods_split(s: &Scenario, r: &ComputeResult) -> bool {
    let full = s.late_payment.as_ref().is_some_and(|l| {
        l.partial_period == crate::engine::scenario::PartialPeriod::Full
            && !l.rate_changes.is_empty()
    });
    full && r.total_fees.cycles.iter().any(|c| {
        c.segments
            .windows(2)
            .any(|w| w[0].to.succ_opt() == Some(w[1].from))
    })
}

fn late_body(h: &mut Html, s: &Scenario, r: &ComputeResult) {
    let lang = h.lang;
    // A penalty a termination for subcontracting does not pay is not weighed for reduction.
    let owed = !r.termination.as_ref().is_some_and(|t| t.fees_forfeited);
    // §11 has no reference where a counted day is before 2015-10-24 (no rate to measure the
    // loss by): said, rather than the reference simply missing.
    if owed
        && r.late_payment.reasonableness.is_none()
        && r.late_payment.total_penalty > rust_decimal::Decimal::ZERO
    {
        h.out.el(
            "p",
            &[("class", "muted"), ("data-testid", "reasonableness")],
            &report::no_reference_before_2015(law_over_the_late_days(r), lang),
        );
    }
    if let Some(x) = r.late_payment.reasonableness.as_ref().filter(|_| owed) {
        h.out.el(
            "p",
            &[
                ("class", "reasonableness"),
                ("data-testid", "reasonableness"),
            ],
            &text::results::reasonableness(x, lang),
        );
    }
    h.formula(&rate_text(s, r, lang));
    if s.late_payment.is_none() {
        // No clause: the rate line says so, and nothing accrues whatever is late.
        return;
    }
    // Each cycle's formula, while the segments written stay within what the page draws; when
    // that cuts the list, a line says how many periods are left out and where they are.
    let late: Vec<&crate::engine::compute::CycleRow> = r
        .total_fees
        .cycles
        .iter()
        .filter(|c| !c.segments.is_empty())
        .collect();
    let cycle_cap = s
        .late_payment
        .as_ref()
        .filter(|l| l.cap_base == crate::engine::scenario::CapBase::Cycle)
        .and_then(|l| l.cap_fraction);
    let mut written = 0;
    let shown: Vec<(String, String)> = late
        .iter()
        .take_while(|c| {
            written += c.segments.len();
            written <= h.lines_at_most
        })
        .filter_map(|c| {
            explain::cycle_penalty(c, cycle_cap, lang).map(|f| (period(c.start, c.end), f))
        })
        .collect();
    if r.total_fees.cycles.iter().all(|c| c.days_late <= 0) {
        h.out
            .el("p", &[("class", "muted")], h.t(report::NOTHING_LATE));
    } else {
        if !shown.is_empty() {
            h.out.open("ul", &[("class", "formula-list")]);
            for (period, formula) in &shown {
                h.out
                    .open("li", &[])
                    .el("span", &[("class", "period")], period)
                    .push_text(formula)
                    .close("li");
            }
            h.out.close("ul");
        }
        if shown.len() < late.len() {
            h.out.el(
                "p",
                &[("class", "muted"), ("data-testid", "formulas-shortened")],
                &report::formulas_shortened(shown.len(), late.len(), lang),
            );
        }
        if whole_periods_split(s, r) {
            h.out.el(
                "p",
                &[("class", "muted"), ("data-testid", "whole-periods-split")],
                h.t(report::WHOLE_PERIODS_SPLIT),
            );
        }
        if let Some(cut) = &r.late_payment.aggregate_cut {
            h.out.el(
                "p",
                &[("class", "formula"), ("data-testid", "aggregate-cut")],
                &report::aggregate_cut(cut, lang),
            );
        }
        h.out.push(&crate::present::claim::claim_table(
            r,
            lang,
            h.lines_at_most,
        ));
        if let Some(note) = owed.then(|| allocation_note(s, r, lang)).flatten() {
            h.out.el(
                "p",
                &[("class", "muted"), ("data-testid", "allocation")],
                &note,
            );
        }
    }
    // §12: a year ahead, a point a month, if nothing more is paid; none after a termination for
    // subcontracting, where no late penalty is owed (§6).
    if r.termination.as_ref().is_some_and(|t| t.fees_forfeited) {
        return;
    }
    if let Ok(points) = crate::engine::what_if::exposure(s, 360, 30) {
        h.out
            .push(&crate::present::chart::exposure_svg(&points, lang));
        let assumed: Vec<_> = points
            .iter()
            .flat_map(|p| p.warnings.iter().copied())
            .collect();
        let extra = crate::text::results::beyond(&r.warnings, &assumed);
        if !extra.is_empty() {
            h.out.el(
                "p",
                &[("class", "muted"), ("data-testid", "exposure-assumes")],
                &crate::text::results::curve_also_assumes(&extra, lang),
            );
        }
    }
}
