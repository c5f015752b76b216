//! Termination settlement (终止结算, spec §6, §13): fees earned to the last day of service, what was
//! paid, late penalties, both sides' charges, who pays whom how much by when, and, once that day
//! has passed, the days and interest of an overdue settlement (Art. 584).

use crate::engine::calendar::{Calendar, NotCovered};
use crate::engine::lpr::LprTable;
use crate::engine::money::round_yuan;
use crate::engine::scenario::{Scenario, TerminationReason};
use crate::engine::subcontracting;
use crate::engine::warnings::Assumptions;
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// Who pays the net settlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    Client,
    Supplier,
    None,
}

impl Payer {
    /// Who pays a net of `signed`: the client when it is above zero (the supplier is owed).
    pub fn of(signed: Decimal) -> Payer {
        match signed.cmp(&Decimal::ZERO) {
            std::cmp::Ordering::Greater => Payer::Client,
            std::cmp::Ordering::Less => Payer::Supplier,
            std::cmp::Ordering::Equal => Payer::None,
        }
    }
}

/// What one charge is for; `label` carries a listed loss's own name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChargeKind {
    ServiceIncidents,
    SubstandardService,
    ConfidentialityPenalty,
    Loss,
    BreachPenalty,
    SubcontractingPenalty,
}

/// One line of a side's charges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Charge {
    pub kind: ChargeKind,
    pub label: String,
    pub amount: Decimal,
    /// How `amount` was worked out from the terms, for the statement to show beside it.
    #[serde(skip)]
    pub basis: Basis,
}

/// How a charge was worked out from the terms (§6, §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// An amount agreed or claimed as such (a confidentiality penalty, a loss).
    AsAgreed,
    /// `count` incidents at `each`.
    Times { count: u32, each: Decimal },
    /// `fraction` of `base`, the contract total when `of_contract_total`.
    Share {
        base: Decimal,
        fraction: Decimal,
        of_contract_total: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TerminationResult {
    pub earned: Decimal,
    pub paid: Decimal,
    pub late_penalty: Decimal,
    pub client_charges: Decimal,
    pub supplier_charges: Decimal,
    /// The absolute value of earned − paid + late penalty + client charges − supplier charges.
    pub net: Decimal,
    pub payer: Payer,
    pub due: NaiveDate,
    /// §13 days from `due` to the evaluation date when someone still owes the net, else 0.
    pub overdue_days: i64,
    /// §13 `net` at each day's one-year LPR over the overdue days, 365-day year; `None` when a day
    /// has no LPR (before 2015-10-24).
    pub overdue_interest: Option<Decimal>,
    pub client_charge_lines: Vec<Charge>,
    pub supplier_charge_lines: Vec<Charge>,
    /// §6 a termination for subcontracting: the fees earned and the late penalties are not owed
    /// (`earned` and `late_penalty` are 0), which the settlement says beside them.
    #[serde(skip)]
    pub fees_forfeited: bool,
    /// §13 what was paid after the settlement's day, by the evaluation date.
    #[serde(skip)]
    pub paid_after_due: Decimal,
    /// Who owed the net on the settlement's day, and how much, when payments since may have
    /// changed it (`paid_after_due` is not nil): §13's interest runs on today's net from that day.
    #[serde(skip)]
    pub owed_on_due: Option<(Payer, Decimal)>,
}

fn line(kind: ChargeKind, label: &str, amount: Decimal, basis: Basis) -> Charge {
    Charge {
        kind,
        label: label.to_string(),
        amount: round_yuan(amount),
        basis,
    }
}

impl TerminationResult {
    /// The net with its sign: above zero the client pays it, below zero the supplier does.
    pub fn signed_net(&self) -> Decimal {
        match self.payer {
            Payer::Client => self.net,
            Payer::Supplier => -self.net,
            Payer::None => Decimal::ZERO,
        }
    }
}

/// The agreed penalties among a side's charges: every charge but a loss claimed (Art. 585: what
/// a court may reduce).
pub fn agreed_penalties(lines: &[Charge]) -> Decimal {
    lines
        .iter()
        .filter(|c| c.kind != ChargeKind::Loss)
        .map(|c| c.amount)
        .sum()
}

/// A penalty agreed as `fraction` of the contract total (when it is agreed at all).
fn of_contract_total(fraction: Option<Decimal>, contract_total: Decimal) -> Basis {
    fraction.map_or(Basis::AsAgreed, |fraction| Basis::Share {
        base: contract_total,
        fraction,
        of_contract_total: true,
    })
}

/// The supplier's charges: incidents, substandard service, confidentiality, listed losses, and
/// the reason's penalty.
fn supplier_lines(
    s: &Scenario,
    reason: TerminationReason,
    breach_penalty: (Decimal, Basis),
    contract_total: Decimal,
) -> Vec<Charge> {
    let mut out = Vec::new();
    if let Some(b) = &s.supplier_breaches {
        if let Some(i) = &b.service_incidents {
            out.push(line(
                ChargeKind::ServiceIncidents,
                "",
                Decimal::from(i.count) * i.penalty_each,
                Basis::Times {
                    count: i.count,
                    each: i.penalty_each,
                },
            ));
        }
        if let Some(q) = &b.substandard_service {
            out.push(line(
                ChargeKind::SubstandardService,
                "",
                q.value * q.fraction,
                Basis::Share {
                    base: q.value,
                    fraction: q.fraction,
                    of_contract_total: false,
                },
            ));
        }
        if let Some(c) = b.confidentiality_penalty {
            out.push(line(
                ChargeKind::ConfidentialityPenalty,
                "",
                c,
                Basis::AsAgreed,
            ));
        }
        out.extend(
            b.losses
                .iter()
                .map(|l| line(ChargeKind::Loss, &l.label, l.amount, Basis::AsAgreed)),
        );
    }
    match reason {
        TerminationReason::SupplierBreach => out.push(line(
            ChargeKind::BreachPenalty,
            "",
            breach_penalty.0,
            breach_penalty.1,
        )),
        TerminationReason::Subcontracting => {
            if let Some(clause) = s
                .supplier_breaches
                .as_ref()
                .and_then(|b| b.subcontracting.as_ref())
            {
                out.push(line(
                    ChargeKind::SubcontractingPenalty,
                    "",
                    subcontracting::penalty(clause, contract_total),
                    of_contract_total(Some(clause.penalty_fraction), contract_total),
                ));
            }
        }
        _ => {}
    }
    out
}

/// The client's charges its breaches give, apart from a termination's penalty.
fn client_breach_lines(s: &Scenario) -> Vec<Charge> {
    s.client_breaches
        .as_ref()
        .and_then(|b| b.confidentiality_penalty)
        .map(|c| line(ChargeKind::ConfidentialityPenalty, "", c, Basis::AsAgreed))
        .into_iter()
        .collect()
}

/// The charges the breaches entered give each side, the client's then the supplier's, with no
/// termination: §6 sets them off only in a settlement, so a contract still running shows them
/// apart from its figures, as claims of their own.
pub fn charges_apart(s: &Scenario) -> (Vec<Charge>, Vec<Charge>) {
    let none = (Decimal::ZERO, Basis::AsAgreed);
    (
        client_breach_lines(s),
        supplier_lines(s, TerminationReason::Mutual, none, Decimal::ZERO),
    )
}

/// Settles a terminated contract. `earned` is the sum of the cycles billed up to the termination
/// date, `paid` all payments by the evaluation date, `late_penalty` the late penalties on the
/// shortened schedule, `contract_total` the whole term's total.
pub fn settle(
    s: &Scenario,
    earned: Decimal,
    paid: Decimal,
    late_penalty: Decimal,
    contract_total: Decimal,
    calendar: Calendar,
    seen: &mut Assumptions,
) -> Option<Result<TerminationResult, NotCovered>> {
    let t = s.termination.as_ref()?;
    let breach_penalty = (
        round_yuan(t.breach_penalty_fraction.unwrap_or_default() * contract_total),
        of_contract_total(t.breach_penalty_fraction, contract_total),
    );
    let forfeit = t.reason == TerminationReason::Subcontracting;
    let (earned, late_penalty) = if forfeit {
        (Decimal::ZERO, Decimal::ZERO)
    } else {
        (earned, late_penalty)
    };

    let mut client_lines = client_breach_lines(s);
    if t.reason == TerminationReason::ClientBreach {
        client_lines.push(line(
            ChargeKind::BreachPenalty,
            "",
            breach_penalty.0,
            breach_penalty.1,
        ));
    }
    let supplier_lines = supplier_lines(s, t.reason, breach_penalty, contract_total);
    let client_charges: Decimal = client_lines.iter().map(|c| c.amount).sum();
    let supplier_charges: Decimal = supplier_lines.iter().map(|c| c.amount).sum();

    let signed = earned - paid + late_penalty + client_charges - supplier_charges;
    let payer = Payer::of(signed);
    let due = t
        .date
        .checked_add_days(Days::new(t.settlement_days.into()))
        .ok_or(NotCovered {
            date: t.date,
            first: t.date,
        })
        .and_then(|d| calendar.roll_forward(d, seen));
    Some(due.map(|due| TerminationResult {
        earned: round_yuan(earned),
        paid: round_yuan(paid),
        late_penalty: round_yuan(late_penalty),
        client_charges: round_yuan(client_charges),
        supplier_charges: round_yuan(supplier_charges),
        net: round_yuan(signed.abs()),
        payer,
        due,
        overdue_days: 0,
        overdue_interest: Some(round_yuan(Decimal::ZERO)),
        client_charge_lines: client_lines,
        supplier_charge_lines: supplier_lines,
        fees_forfeited: forfeit,
        paid_after_due: Decimal::ZERO,
        owed_on_due: None,
    }))
}

/// §13 an overdue settlement: when the net is owed and its due date is before `as_of`, the days
/// since and the interest on the net at the one-year LPR for each of them (the usual measure of
/// the loss of the use of money, Art. 584).
pub fn overdue(
    mut t: TerminationResult,
    as_of: NaiveDate,
    lpr: &LprTable,
    seen: &mut Assumptions,
) -> TerminationResult {
    if t.payer == Payer::None || as_of <= t.due {
        return t;
    }
    t.overdue_days = (as_of - t.due).num_days();
    t.overdue_interest = t
        .due
        .succ_opt()
        .and_then(|from| lpr.one_year_interest(t.net, from, as_of, seen).ok())
        .map(round_yuan);
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read::parse_scenario;
    use crate::engine::compute::compute;
    use crate::test_support::d;
    use serde_json::{json, Value};

    /// The spec's termination example (2025, ¥40,000 a month, terminated 2025-07-20) with the
    /// termination block and client breaches replaced.
    fn settle_with(termination: Value, client: Value, subcontracting: Value) -> TerminationResult {
        let mut doc: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/termination-2025.json"))
                .unwrap();
        doc["termination"] = termination;
        doc["client_breaches"] = client;
        doc["supplier_breaches"]["subcontracting"] = subcontracting;
        let s = parse_scenario(&doc.to_string()).unwrap();
        compute(&s).unwrap().termination.unwrap()
    }

    #[test]
    fn mutual_termination_as_in_the_spec() {
        // Earned ¥265,806.45 − paid ¥160,000 + late ¥5,616.77 − supplier ¥17,850
        // (3 × ¥2,000 + 10% × ¥15,000 + ¥8,000 + ¥2,350) = ¥93,573.22, client pays by 8-19.
        let t = settle_with(
            json!({"date": "2025-07-20", "reason": "mutual", "settlement_days": 30}),
            Value::Null,
            Value::Null,
        );
        assert_eq!((t.net, t.payer), (d("93573.22"), Payer::Client));
        assert_eq!(t.due.to_string(), "2025-08-19");
        assert_eq!(t.supplier_charge_lines.len(), 4);
    }

    #[test]
    fn client_breach_adds_its_penalty_to_the_client() {
        // 10% of the ¥480,000 contract total = ¥48,000 more for the client to pay, plus its
        // ¥20,000 confidentiality penalty: ¥93,573.22 + ¥68,000 = ¥161,573.22.
        let t = settle_with(
            json!({"date": "2025-07-20", "reason": "client_breach", "breach_penalty_fraction": "0.10", "settlement_days": 30}),
            json!({"confidentiality_penalty": "20000.00"}),
            Value::Null,
        );
        assert_eq!(t.client_charges, d("68000.00"));
        assert_eq!((t.net, t.payer), (d("161573.22"), Payer::Client));
    }

    #[test]
    fn supplier_breach_can_turn_the_payment_around() {
        // 30% of ¥480,000 = ¥144,000 added to the supplier's ¥17,850: ¥161,850. Net
        // ¥265,806.45 − ¥160,000 + ¥5,616.77 − ¥161,850 = −¥50,426.78: the supplier pays.
        let t = settle_with(
            json!({"date": "2025-07-20", "reason": "supplier_breach", "breach_penalty_fraction": "0.30", "settlement_days": 30}),
            Value::Null,
            Value::Null,
        );
        assert_eq!(t.supplier_charges, d("161850.00"));
        assert_eq!((t.net, t.payer), (d("50426.78"), Payer::Supplier));
    }

    #[test]
    fn force_majeure_adds_no_penalty_even_with_a_fraction() {
        let t = settle_with(
            json!({"date": "2025-07-20", "reason": "force_majeure", "breach_penalty_fraction": "0.30", "settlement_days": 30}),
            Value::Null,
            Value::Null,
        );
        assert_eq!((t.net, t.payer), (d("93573.22"), Payer::Client));
    }

    #[test]
    fn subcontracting_forfeits_the_fees_and_refunds_what_was_paid() {
        // Earned and late penalties drop to 0; the supplier's charges gain 20% × ¥480,000 =
        // ¥96,000: 0 − ¥160,000 + 0 − (¥17,850 + ¥96,000) = −¥273,850, paid by the supplier.
        let t = settle_with(
            json!({"date": "2025-07-20", "reason": "subcontracting", "settlement_days": 30}),
            Value::Null,
            json!({"penalty_fraction": "0.20", "refund_paid": true, "occurred_on": null}),
        );
        assert_eq!((t.earned, t.late_penalty), (d("0.00"), d("0.00")));
        assert_eq!(t.supplier_charges, d("113850.00"));
        assert_eq!((t.net, t.payer), (d("273850.00"), Payer::Supplier));
    }

    #[test]
    fn the_settlement_date_moves_off_national_day() {
        // Last day 2025-09-01 + 30 days = 10-01, inside the 10-01..08 break → Thursday 10-09.
        let t = settle_with(
            json!({"date": "2025-09-01", "reason": "mutual", "settlement_days": 30}),
            Value::Null,
            Value::Null,
        );
        assert_eq!(t.due.to_string(), "2025-10-09");
    }
}
