//! The termination-settlement card (spec §6): who pays whom, and its lines: fees earned, paid,
//! late penalties, each side's charges, the net; with the notes of §13 beside it.

use super::card::Card;
use super::html::Html;
use crate::engine::compute::ComputeResult;
use crate::engine::late_payment::right_may_lapse;
use crate::engine::money::format_yuan;
use crate::engine::scenario::Scenario;
use crate::engine::termination::{Basis, Charge, Payer, TerminationResult};
use crate::present::explain;
use crate::present::markup::Markup;
use crate::text::amount_in_words::amount_in_words;
use crate::text::{self, report, Lang};
use rust_decimal::Decimal;

pub(super) fn termination_card(
    h: &mut Html,
    s: &Scenario,
    r: &ComputeResult,
    t: &TerminationResult,
    open: bool,
) {
    let lang = h.lang;
    let arrow = report::payer_direction(t.payer);
    let card = Card::Settlement;
    h.out
        .open_flagged(
            "details",
            &[
                ("class", "figure termination"),
                ("data-card", card.id()),
                ("data-testid", card.test_id()),
            ],
            if open { &["open"] } else { &[] },
        )
        .push_static("<summary>")
        .el(
            "span",
            &[("class", "figure-label")],
            report::TERMINATION_SETTLEMENT.get(lang),
        )
        .el(
            "span",
            &[("class", "direction"), ("data-testid", "payer")],
            arrow.get(lang),
        )
        .el(
            "strong",
            &[
                ("class", "figure-amount"),
                ("data-testid", "termination-net"),
            ],
            &format_yuan(t.net),
        )
        .el(
            "span",
            &[("class", "figure-words")],
            &amount_in_words(t.net).unwrap_or_default(),
        )
        .el(
            "span",
            &[("class", "figure-note")],
            &report::sentence(explain::payer_sentence(t, penalties_run_on(s, r), lang)),
        )
        .push_static("</summary>");
    if open {
        h.out.open("div", &[("class", "figure-body")]);
        if let Some(term) = &s.termination {
            h.formula(&report::termination_basis(
                (term.date, term.reason),
                term.settlement_days,
                (t.due, s.as_of),
                lang,
            ));
            h.formula(&explain::settlement(
                t,
                term.date,
                penalties_run_on(s, r),
                lang,
            ));
        }
        settlement_table(&mut h.out, s, r, t, lang);
        penalties_note(h, s, t);
        h.out.close("div");
    }
    h.out.close("details");
}

/// The agreed penalties in the settlement, each side's in all, with the court's power to reduce
/// them (民法典第585条第2款): the late-payment check (§11) measures only the late penalty.
fn penalties_note(h: &mut Html, s: &Scenario, t: &TerminationResult) {
    use crate::engine::termination::agreed_penalties as penalties;
    let Some(ended) = s.termination.as_ref().map(|term| term.date) else {
        return;
    };
    for (by_client, amount, forfeited) in [
        (true, penalties(&t.client_charge_lines), false),
        (false, penalties(&t.supplier_charge_lines), t.fees_forfeited),
    ] {
        if amount > Decimal::ZERO {
            h.out.el(
                "p",
                &[("class", "formula"), ("data-testid", "penalties-reduced")],
                &report::penalties_may_be_reduced(by_client, amount, ended, forfeited, h.lang),
            );
        }
    }
}

/// Breaches entered while the contract runs: each side's charges, said apart from the figures
/// (§6 sets them off only in a settlement), so that a client reading the statement keeps them.
pub(super) fn charges_apart_note(h: &mut Html, s: &Scenario) {
    let lang = h.lang;
    let (client, supplier) = crate::engine::termination::charges_apart(s);
    let side = |lines: &[Charge]| -> Option<(Decimal, Vec<String>)> {
        let total: Decimal = lines.iter().map(|c| c.amount).sum();
        let items = lines
            .iter()
            .map(|c| {
                let name = report::charge(c.kind).map_or(c.label.as_str(), |n| n.get(lang));
                let basis = charge_basis(c.basis, lang).unwrap_or_default();
                report::charge_item(name, c.amount, &basis, lang)
            })
            .collect();
        (!lines.is_empty()).then_some((total, items))
    };
    let penalties = crate::engine::termination::agreed_penalties(&supplier)
        + crate::engine::termination::agreed_penalties(&client)
        > Decimal::ZERO;
    let (supplier, client) = (side(&supplier), side(&client));
    if supplier.is_none() && client.is_none() {
        return;
    }
    fn view(side: &Option<(Decimal, Vec<String>)>) -> Option<(Decimal, &[String])> {
        side.as_ref()
            .map(|(total, items)| (*total, items.as_slice()))
    }
    h.out.el(
        "p",
        &[("class", "muted"), ("data-testid", "charges-apart")],
        &report::charges_apart(view(&supplier), view(&client), (s.as_of, penalties), lang),
    );
}

/// How a charge was worked out (the engine's [`Basis`]), after its name: "（2 次 × ¥1,500.00）";
/// none for an amount agreed as such (a confidentiality penalty, a loss).
fn charge_basis(basis: Basis, lang: Lang) -> Option<String> {
    match basis {
        Basis::AsAgreed => None,
        Basis::Times { count, each } => Some(report::incidents_basis(count, each, lang)),
        Basis::Share {
            base,
            fraction,
            of_contract_total,
        } => Some(report::share_basis(base, fraction, of_contract_total, lang)),
    }
}

/// The settlement line by line, for the print (the lawyer's copy), when the contract ended.
pub fn settlement_table_html(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    let Some(t) = &r.termination else {
        return String::new();
    };
    let mut m = Markup::new();
    settlement_table(&mut m, s, r, t, lang);
    m.into_string()
}

/// The settlement line by line, each amount with its sign.
fn settlement_table(
    m: &mut Markup,
    s: &Scenario,
    r: &ComputeResult,
    t: &TerminationResult,
    lang: Lang,
) {
    m.open("div", &[("class", "table-wrap")])
        .open(
            "table",
            &[("class", "settlement"), ("data-testid", "settlement-table")],
        )
        .push_static("<tbody>");
    let line = |m: &mut Markup, label: &str, amount: Decimal, sign: &str| {
        m.push_static("<tr>").el("td", &[], label).el(
            "td",
            &[("class", "num")],
            &format!("{sign}{}", format_yuan(amount)),
        );
        m.push_static("</tr>");
    };
    // §6 a termination for subcontracting: why the first and third lines are nothing.
    let forfeited = if t.fees_forfeited {
        report::FORFEITED.get(lang)
    } else {
        ""
    };
    let earned = format!("{}{forfeited}", report::EARNED.get(lang));
    line(m, &earned, t.earned, "");
    line(m, report::LESS_PAID.get(lang), t.paid, "− ");
    // The late penalties to the evaluation date (§6), or why there are none.
    let late = if t.fees_forfeited {
        format!("{}{forfeited}", report::PLUS_LATE_PENALTIES.get(lang))
    } else if s.late_payment.is_none() {
        format!(
            "{}{}",
            report::PLUS_LATE_PENALTIES.get(lang),
            report::NOT_AGREED.get(lang)
        )
    } else {
        // Taken in part at an LPR past the built-in data: said on its line (§10).
        format!(
            "{}{}{}",
            report::PLUS_LATE_PENALTIES.get(lang),
            report::counted_to(s.as_of, lang),
            if r.late_payment.assumed_lpr() {
                report::WITH_ASSUMED_LPR.get(lang)
            } else {
                ""
            }
        )
    };
    line(m, &late, t.late_penalty, "+ ");
    type Side = fn(&str, Lang) -> String;
    let sides: [(&[Charge], Side, &str); 2] = [
        (&t.client_charge_lines, report::plus_client, "+ "),
        (&t.supplier_charge_lines, report::less_supplier, "− "),
    ];
    for (lines, side, sign) in sides {
        for c in lines {
            let label = match report::charge(c.kind) {
                Some(name) => {
                    let basis = charge_basis(c.basis, lang).unwrap_or_default();
                    format!("{}{basis}", side(name.get(lang), lang))
                }
                // A loss is named as the user typed it, and said to be the supplier's to bear.
                None => report::supplier_loss(&c.label, lang),
            };
            line(m, &label, c.amount, sign);
        }
    }
    m.open("tr", &[("class", "total")])
        .el(
            "td",
            &[],
            &report::net(report::payer_direction(t.payer), lang),
        )
        .el("td", &[("class", "num")], &format_yuan(t.net))
        .push_static("</tr></tbody></table></div>");
}

/// §13 an overdue settlement, and a termination for breach without the right to terminate.
pub(super) fn termination_notes(
    h: &mut Html,
    s: &Scenario,
    r: &ComputeResult,
    t: &TerminationResult,
) {
    let lang = h.lang;
    if let Some(note) = text::results::overdue(t, lang) {
        h.out.el(
            "p",
            &[("class", "warn"), ("data-testid", "settlement-overdue")],
            &note,
        );
    }
    let Some(term) = &s.termination else {
        return;
    };
    if term.reason != crate::engine::scenario::TerminationReason::ClientBreach {
        return;
    }
    let after = s.late_payment.as_ref().and_then(|l| l.terminate_after_days);
    let right = r.late_payment.terminate_right_from;
    // Arisen before the termination but lapsed by it: the arrears that gave it were paid.
    let lapsed =
        right.is_some_and(|d| d <= term.date) && r.late_payment.terminate_right_standing.is_none();
    // A ground in doubt: no right (yet), a right whose arrears were paid, or one that had stood
    // a year by the termination (民法典第564条第2款).
    let doubt = if after.is_none() || right.is_none_or(|d| d > term.date) || lapsed {
        Some(text::results::no_termination_right(
            term.date, after, right, lapsed, lang,
        ))
    } else {
        r.late_payment
            .terminate_right_last_ground
            .and_then(|ground| right_may_lapse(ground, term.date))
            .map(|lapse| text::report::terminate_right_may_lapse(lapse, lang))
            .map(text::report::sentence)
    };
    let Some(mut note) = doubt else {
        return;
    };
    // The client's termination penalty stands only if the termination does: the net without it,
    // so that the figure is not read as beyond dispute.
    let penalty: Decimal = t
        .client_charge_lines
        .iter()
        .filter(|c| c.kind == crate::engine::termination::ChargeKind::BreachPenalty)
        .map(|c| c.amount)
        .sum();
    if penalty > Decimal::ZERO {
        let without = t.signed_net() - penalty;
        note.push_str(&report::without_breach_penalty(
            penalty,
            report::payer_direction(Payer::of(without)),
            without.abs(),
            lang,
        ));
    }
    note.push_str(report::FULL_STOP.get(lang));
    h.out.el(
        "p",
        &[("class", "warn"), ("data-testid", "termination-right")],
        &note,
    );
}

/// The evaluation date, when the client pays the settlement and its late penalties still accrue
/// on it (a fee billed to the termination is unpaid and late): the net then grows until it is
/// paid. When the supplier pays, those penalties are the client's, a credit: not said so.
fn penalties_run_on(s: &Scenario, r: &ComputeResult) -> Option<chrono::NaiveDate> {
    let t = r.termination.as_ref()?;
    let accruing = t.payer == Payer::Client
        && t.late_penalty > Decimal::ZERO
        && r.total_fees
            .cycles
            .iter()
            .any(|c| c.outstanding > Decimal::ZERO && c.days_late > 0);
    accruing.then_some(s.as_of)
}
