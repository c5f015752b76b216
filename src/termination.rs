//! Termination settlement (终止结算, spec §6): fees earned to the last day of service, what was
//! paid, late penalties, both sides' charges, and who pays whom how much by when.

use crate::calendar::{Calendar, NotCovered};
use crate::money::round_yuan;
use crate::scenario::{Scenario, TerminationReason};
use crate::subcontracting;
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
    pub client_charge_lines: Vec<Charge>,
    pub supplier_charge_lines: Vec<Charge>,
}

fn line(kind: ChargeKind, label: &str, amount: Decimal) -> Charge {
    Charge {
        kind,
        label: label.to_string(),
        amount: round_yuan(amount),
    }
}

/// The supplier's charges: incidents, substandard service, confidentiality, listed losses, and
/// the reason's penalty.
fn supplier_lines(
    s: &Scenario,
    reason: TerminationReason,
    breach_penalty: Decimal,
    contract_total: Decimal,
) -> Vec<Charge> {
    let mut out = Vec::new();
    if let Some(b) = &s.supplier_breaches {
        if let Some(i) = &b.service_incidents {
            out.push(line(
                ChargeKind::ServiceIncidents,
                "",
                Decimal::from(i.count) * i.penalty_each,
            ));
        }
        if let Some(q) = &b.substandard_service {
            out.push(line(
                ChargeKind::SubstandardService,
                "",
                q.value * q.fraction,
            ));
        }
        if let Some(c) = b.confidentiality_penalty {
            out.push(line(ChargeKind::ConfidentialityPenalty, "", c));
        }
        out.extend(
            b.losses
                .iter()
                .map(|l| line(ChargeKind::Loss, &l.label, l.amount)),
        );
    }
    match reason {
        TerminationReason::SupplierBreach => {
            out.push(line(ChargeKind::BreachPenalty, "", breach_penalty))
        }
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
                ));
            }
        }
        _ => {}
    }
    out
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
) -> Option<Result<TerminationResult, NotCovered>> {
    let t = s.termination.as_ref()?;
    let breach_penalty = round_yuan(t.breach_penalty_fraction.unwrap_or_default() * contract_total);
    let forfeit = t.reason == TerminationReason::Subcontracting;
    let (earned, late_penalty) = if forfeit {
        (Decimal::ZERO, Decimal::ZERO)
    } else {
        (earned, late_penalty)
    };

    let mut client_lines = Vec::new();
    if let Some(c) = s
        .client_breaches
        .as_ref()
        .and_then(|b| b.confidentiality_penalty)
    {
        client_lines.push(line(ChargeKind::ConfidentialityPenalty, "", c));
    }
    if t.reason == TerminationReason::ClientBreach {
        client_lines.push(line(ChargeKind::BreachPenalty, "", breach_penalty));
    }
    let supplier_lines = supplier_lines(s, t.reason, breach_penalty, contract_total);
    let client_charges: Decimal = client_lines.iter().map(|c| c.amount).sum();
    let supplier_charges: Decimal = supplier_lines.iter().map(|c| c.amount).sum();

    let signed = earned - paid + late_penalty + client_charges - supplier_charges;
    let payer = if signed > Decimal::ZERO {
        Payer::Client
    } else if signed < Decimal::ZERO {
        Payer::Supplier
    } else {
        Payer::None
    };
    let due = t
        .date
        .checked_add_days(Days::new(t.settlement_days.into()))
        .ok_or(NotCovered {
            date: t.date,
            first: t.date,
            last: t.date,
        })
        .and_then(|d| calendar.roll_forward(d));
    Some(due.map(|due| TerminationResult {
        earned: round_yuan(earned),
        paid: round_yuan(paid),
        late_penalty: round_yuan(late_penalty),
        client_charges: round_yuan(client_charges),
        supplier_charges: round_yuan(supplier_charges),
        net: round_yuan(signed.abs()),
        payer,
        due,
        client_charge_lines: client_lines,
        supplier_charge_lines: supplier_lines,
    }))
}
