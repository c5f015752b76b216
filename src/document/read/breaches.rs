//! The `supplier_breaches`, `client_breaches` and `termination` sections (spec "Document", §5,
//! §6): the subcontracting clause, the charges each side may owe at a settlement, and the
//! termination itself.

use super::object::Obj;
use super::{Res, DAYS, INCIDENTS, MAX_LABEL_CHARS};
use crate::document::error::ErrorKind;
use crate::engine::scenario::*;

pub(super) fn supplier_breaches(o: &Obj) -> Res<SupplierBreaches> {
    Ok(SupplierBreaches {
        subcontracting: o
            .opt_obj("subcontracting")?
            .map(|s| {
                Res::Ok(Subcontracting {
                    penalty_fraction: s.fraction("penalty_fraction")?,
                    refund_paid: s
                        .opt_bool("refund_paid")?
                        .ok_or_else(|| s.err("refund_paid", ErrorKind::Missing))?,
                    occurred_on: s.opt_date("occurred_on")?,
                    extra: s.extra()?,
                })
            })
            .transpose()?,
        service_incidents: o
            .opt_obj("service_incidents")?
            .map(|s| {
                Res::Ok(ServiceIncidents {
                    count: s.uint("count", INCIDENTS)?,
                    penalty_each: s.money("penalty_each")?,
                    extra: s.extra()?,
                })
            })
            .transpose()?,
        substandard_service: o
            .opt_obj("substandard_service")?
            .map(|s| {
                Res::Ok(SubstandardService {
                    value: s.money("value")?,
                    fraction: s.fraction("fraction")?,
                    extra: s.extra()?,
                })
            })
            .transpose()?,
        confidentiality_penalty: o.opt_money("confidentiality_penalty")?,
        losses: o
            .opt_array("losses")?
            .into_iter()
            .map(|l| {
                Ok(Loss {
                    label: l
                        .opt_short_text("label", MAX_LABEL_CHARS)?
                        .unwrap_or_default(),
                    amount: l.money("amount")?,
                    extra: l.extra()?,
                })
            })
            .collect::<Res<Vec<_>>>()?,
        extra: o.extra()?,
    })
}

pub(super) fn client_breaches(o: &Obj) -> Res<ClientBreaches> {
    Ok(ClientBreaches {
        confidentiality_penalty: o.opt_money("confidentiality_penalty")?,
        extra: o.extra()?,
    })
}

pub(super) fn termination(o: &Obj) -> Res<Termination> {
    Ok(Termination {
        date: o.date("date")?,
        reason: o.choice(
            "reason",
            &[
                "mutual",
                "force_majeure",
                "client_breach",
                "supplier_breach",
                "subcontracting",
            ],
            &[
                TerminationReason::Mutual,
                TerminationReason::ForceMajeure,
                TerminationReason::ClientBreach,
                TerminationReason::SupplierBreach,
                TerminationReason::Subcontracting,
            ],
            None,
        )?,
        breach_penalty_fraction: o.opt_fraction("breach_penalty_fraction")?,
        settlement_days: o.opt_uint("settlement_days", DAYS)?.unwrap_or(0),
        extra: o.extra()?,
    })
}
