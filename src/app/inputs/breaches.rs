//! The supplier's breaches (subcontracting, incidents, substandard service, confidentiality,
//! losses: spec §5, §6), the client's, and the termination settlement (spec §6).

use super::super::Ctx;
use super::rows::chip;
use super::widgets::*;
use crate::engine::scenario::TerminationReason;
use crate::form::{paths, LabelledAmount};
use crate::text::app::inputs::breaches as ui;
use crate::text::terms;
use leptos::prelude::*;
use std::sync::Arc;

pub(super) fn supplier_breaches(ctx: Ctx) -> impl IntoView {
    let sub = form_flag(ctx, |f| f.subcontracting_enabled);
    let inc = form_flag(ctx, |f| f.incidents_enabled);
    let q = form_flag(ctx, |f| f.substandard_enabled);
    section(
        ctx,
        "sec-supplier",
        ui::SUPPLIER_BREACHES,
        ui::SUPPLIER_BREACHES_CLAUSE,
        view! {
            {toggle(
                ctx,
                "f-sub-on",
                ui::SUBCONTRACTING_CLAUSE,
                |f| f.subcontracting_enabled,
                |f, v| f.subcontracting_enabled = v,
            )}
            {move || {
                sub.get()
                    .then(|| {
                        view! {
                            <div class="grid">
                                {field(
                                    ctx,
                                    paths::SUBCONTRACTING_PENALTY_FRACTION.into(),
                                    ui::SUBCONTRACTING_PENALTY,
                                    ui::SUBCONTRACTING_PENALTY_HINT,
                                    unit::PERCENT,
                                    Kind::Rate,
                                    |f| f.subcontracting_percent.clone(),
                                    |f, v| f.subcontracting_percent = v,
                                )}
                                {field(
                                    ctx,
                                    paths::SUBCONTRACTING_OCCURRED_ON.into(),
                                    ui::SUBCONTRACTING_OCCURRED,
                                    ui::SUBCONTRACTING_OCCURRED_HINT,
                                    NONE,
                                    Kind::Date,
                                    |f| f.subcontracting_on.clone(),
                                    |f, v| f.subcontracting_on = v,
                                )}
                            </div>
                            {toggle(
                                ctx,
                                "f-sub-refund",
                                ui::PLUS_REFUND_ALL_FEES,
                                |f| f.subcontracting_refund,
                                |f, v| f.subcontracting_refund = v,
                            )}
                        }
                    })
            }}
            {toggle(
                ctx,
                "f-inc-on",
                ui::PER_INCIDENT_PENALTY,
                |f| f.incidents_enabled,
                |f, v| f.incidents_enabled = v,
            )}
            {move || {
                inc.get()
                    .then(|| {
                        view! {
                            <div class="grid">
                                {field(
                                    ctx,
                                    paths::SERVICE_INCIDENTS_COUNT.into(),
                                    ui::INCIDENTS,
                                    NONE,
                                    unit::TIMES,
                                    Kind::Number,
                                    |f| f.incident_count.clone(),
                                    |f, v| f.incident_count = v,
                                )}
                                {field(
                                    ctx,
                                    paths::SERVICE_INCIDENTS_PENALTY_EACH.into(),
                                    ui::PER_INCIDENT,
                                    NONE,
                                    unit::YUAN,
                                    Kind::Money,
                                    |f| f.incident_penalty.clone(),
                                    |f, v| f.incident_penalty = v,
                                )}
                            </div>
                        }
                    })
            }}
            {toggle(
                ctx,
                "f-q-on",
                ui::SUBSTANDARD_SERVICE_PENALTY,
                |f| f.substandard_enabled,
                |f, v| f.substandard_enabled = v,
            )}
            {move || {
                q.get()
                    .then(|| {
                        view! {
                            <div class="grid">
                                {field(
                                    ctx,
                                    paths::SUBSTANDARD_SERVICE_VALUE.into(),
                                    ui::VALUE_SUBSTANDARD_SERVICE,
                                    NONE,
                                    unit::YUAN,
                                    Kind::Money,
                                    |f| f.substandard_value.clone(),
                                    |f, v| f.substandard_value = v,
                                )}
                                {field(
                                    ctx,
                                    paths::SUBSTANDARD_SERVICE_FRACTION.into(),
                                    ui::PENALTY_SHARE,
                                    ui::PENALTY_SHARE_HINT,
                                    unit::PERCENT,
                                    Kind::Rate,
                                    |f| f.substandard_percent.clone(),
                                    |f, v| f.substandard_percent = v,
                                )}
                            </div>
                        }
                    })
            }}
            <div class="grid">
                {field(
                    ctx,
                    paths::SUPPLIER_CONFIDENTIALITY_PENALTY.into(),
                    ui::SUPPLIER_CONFIDENTIALITY_PENALTY,
                    ui::SUPPLIER_CONFIDENTIALITY_PENALTY_HINT,
                    unit::YUAN,
                    Kind::Money,
                    |f| f.supplier_confidentiality.clone(),
                    |f, v| f.supplier_confidentiality = v,
                )}
            </div>
            {labelled_amount_rows(
                ctx,
                (paths::SUPPLIER_LOSSES, paths::loss),
                |f| &f.losses,
                |f| &mut f.losses,
                [ui::LOSSES, ui::LOSS, ui::LOSS_AMOUNT, ui::REMOVE_LOSS],
            )}
            <div class="add-row">
                {chip(
                    ctx,
                    None,
                    ui::ADD_LOSS,
                    Arc::new(move || {
                        ctx.form
                            .update(|f| {
                                f.losses
                                    .push(LabelledAmount {
                                        label: ui::CUSTOMER_CLAIM
                                            .get(ctx.lang.get_untracked())
                                            .into(),
                                        amount: "0".into(),
                                        ..Default::default()
                                    })
                            })
                    }),
                )}
            </div>
        },
    )
}

pub(super) fn client_breaches(ctx: Ctx) -> impl IntoView {
    section(
        ctx,
        "sec-client",
        ui::CLIENT_BREACHES,
        ui::CLIENT_BREACHES_CLAUSE,
        view! {
            <div class="grid">
                {field(
                    ctx,
                    paths::CLIENT_CONFIDENTIALITY_PENALTY.into(),
                    ui::CLIENT_CONFIDENTIALITY_PENALTY,
                    ui::SUPPLIER_CONFIDENTIALITY_PENALTY_HINT,
                    unit::YUAN,
                    Kind::Money,
                    |f| f.client_confidentiality.clone(),
                    |f, v| f.client_confidentiality = v,
                )}
            </div>
        },
    )
}

pub(super) fn termination(ctx: Ctx) -> impl IntoView {
    let on = form_flag(ctx, |f| f.termination_enabled);
    section(
        ctx,
        "sec-termination",
        ui::TERMINATION_SETTLEMENT,
        ui::TERMINATION_SETTLEMENT_CLAUSE,
        view! {
            {toggle(
                ctx,
                "f-term-on",
                ui::SETTLE_EARLY_TERMINATION,
                |f| f.termination_enabled,
                |f, v| f.set_termination(v),
            )}
            {move || {
                on.get()
                    .then(|| {
                        view! {
                            <div class="grid">
                                {field(
                                    ctx,
                                    paths::TERMINATION_DATE.into(),
                                    ui::TERMINATION_DATE,
                                    ui::TERMINATION_DATE_HINT,
                                    NONE,
                                    Kind::Date,
                                    |f| f.termination_date.clone(),
                                    |f, v| f.termination_date = v,
                                )}
                                {choice(
                                    ctx,
                                    paths::TERMINATION_REASON,
                                    ui::REASON,
                                    ui::REASON_HINT,
                                    options(
                                        &[
                                            TerminationReason::Mutual,
                                            TerminationReason::ForceMajeure,
                                            TerminationReason::ClientBreach,
                                            TerminationReason::SupplierBreach,
                                            TerminationReason::Subcontracting,
                                        ],
                                        terms::termination_reason,
                                    ),
                                    |f| f.termination_reason.unwrap_or(TerminationReason::Mutual),
                                    |f, v| f.termination_reason = Some(v),
                                )}
                                {field(
                                    ctx,
                                    paths::TERMINATION_BREACH_PENALTY_FRACTION.into(),
                                    ui::BREACH_PENALTY,
                                    ui::BREACH_PENALTY_HINT,
                                    unit::PERCENT,
                                    Kind::Rate,
                                    |f| f.breach_percent.clone(),
                                    |f, v| f.breach_percent = v,
                                )}
                                {field(
                                    ctx,
                                    paths::TERMINATION_SETTLEMENT_DAYS.into(),
                                    ui::SETTLE_WITHIN,
                                    ui::SETTLE_WITHIN_HINT,
                                    unit::DAYS,
                                    Kind::Number,
                                    |f| f.settlement_days.clone(),
                                    |f, v| f.settlement_days = v,
                                )}
                            </div>
                        }
                    })
            }}
        },
    )
}
