//! The supplier's breaches (subcontracting, incidents, substandard service, confidentiality,
//! losses: spec §5, §6), the client's, and the termination settlement (spec §6).

use super::super::Ctx;
use super::widgets::*;
use crate::engine::scenario::TerminationReason;
use crate::form::LabelledAmount;
use leptos::prelude::*;

pub(super) fn supplier_breaches(ctx: Ctx) -> impl IntoView {
    let sub = Memo::new(move |_| ctx.form.with(|f| f.subcontracting_enabled));
    let inc = Memo::new(move |_| ctx.form.with(|f| f.incidents_enabled));
    let q = Memo::new(move |_| ctx.form.with(|f| f.substandard_enabled));
    section(ctx, "sec-supplier", ("乙方（服务商）违约", "Supplier's breaches"), ("擅自转包、服务事故、服务不达标、泄密及造成的损失，由乙方承担。", "Subcontracting, incidents, substandard service, confidentiality and losses are the supplier's to bear."), view! {
        {toggle(
            ctx,
            "f-sub-on",
            ("擅自转包条款", "Subcontracting clause"),
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
                                "supplier_breaches.subcontracting.penalty_fraction".into(),
                                ("转包违约金", "Penalty"),
                                ("合同总金额的百分比", "Share of the contract total"),
                                "%",
                                Kind::Rate,
                                |f| f.subcontracting_percent.clone(),
                                |f, v| f.subcontracting_percent = v,
                            )}
                            {field(
                                ctx,
                                "supplier_breaches.subcontracting.occurred_on".into(),
                                ("发现转包日期", "Discovered on"),
                                (
                                    "留空 = 尚未发生（显示潜在风险）",
                                    "Empty = not happened (shows the exposure)",
                                ),
                                "",
                                Kind::Date,
                                |f| f.subcontracting_on.clone(),
                                |f, v| f.subcontracting_on = v,
                            )}
                        </div>
                        {toggle(
                            ctx,
                            "f-sub-refund",
                            ("并退还已付全部费用", "Plus refund of all fees paid"),
                            |f| f.subcontracting_refund,
                            |f, v| f.subcontracting_refund = v,
                        )}
                    }
                })
        }}
        {toggle(
            ctx,
            "f-inc-on",
            ("服务事故按次扣款", "Per-incident penalty"),
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
                                "supplier_breaches.service_incidents.count".into(),
                                ("事故次数", "Incidents"),
                                ("", ""),
                                "次 times",
                                Kind::Number,
                                |f| f.incident_count.clone(),
                                |f, v| f.incident_count = v,
                            )}
                            {field(
                                ctx,
                                "supplier_breaches.service_incidents.penalty_each".into(),
                                ("每次扣款", "Per incident"),
                                ("", ""),
                                "元 CNY",
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
            ("不合格服务按价值比例扣款", "Substandard service penalty"),
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
                                "supplier_breaches.substandard_service.value".into(),
                                ("不合格服务价值", "Value of substandard service"),
                                ("", ""),
                                "元 CNY",
                                Kind::Money,
                                |f| f.substandard_value.clone(),
                                |f, v| f.substandard_value = v,
                            )}
                            {field(
                                ctx,
                                "supplier_breaches.substandard_service.fraction".into(),
                                ("扣款比例", "Penalty share"),
                                ("如 10%", "e.g. 10%"),
                                "%",
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
                "supplier_breaches.confidentiality_penalty".into(),
                ("乙方泄密违约金", "Supplier confidentiality penalty"),
                ("留空 = 无", "Empty = none"),
                "元 CNY",
                Kind::Money,
                |f| f.supplier_confidentiality.clone(),
                |f, v| f.supplier_confidentiality = v,
            )}
        </div>
        {labelled_amount_rows(
            ctx,
            "supplier_breaches.losses",
            |f| &f.losses,
            |f| &mut f.losses,
            [
                ("损失", "Losses"),
                ("损失项目", "Loss"),
                ("金额", "Amount"),
                ("删除此项损失", "Remove this loss"),
            ],
        )}
        <div class="add-row">
            <button
                type="button"
                class="chip"
                on:click=move |_| {
                    ctx.form
                        .update(|f| {
                            f.losses
                                .push(LabelledAmount {
                                    label: if ctx.is_zh() {
                                        "客户索赔".into()
                                    } else {
                                        "Customer claim".into()
                                    },
                                    amount: "0".into(),
                                })
                        })
                }
            >
                {ctx
                    .t(
                        "+ 添加损失（客户索赔、赔偿、诉讼费…）",
                        "+ Add a loss (claims, damages, legal costs…)",
                    )}
            </button>
        </div>
    })
}

pub(super) fn client_breaches(ctx: Ctx) -> impl IntoView {
    section(
        ctx,
        "sec-client",
        ("甲方（客户）违约", "Client's breaches"),
        (
            "甲方泄露乙方商业秘密等应支付的违约金。",
            "What the client owes for breaching confidentiality.",
        ),
        view! {
            <div class="grid">
                {field(
                    ctx,
                    "client_breaches.confidentiality_penalty".into(),
                    ("甲方泄密违约金", "Client confidentiality penalty"),
                    ("留空 = 无", "Empty = none"),
                    "元 CNY",
                    Kind::Money,
                    |f| f.client_confidentiality.clone(),
                    |f, v| f.client_confidentiality = v,
                )}
            </div>
        },
    )
}

pub(super) fn termination(ctx: Ctx) -> impl IntoView {
    let on = Memo::new(move |_| ctx.form.with(|f| f.termination_enabled));
    section(ctx, "sec-termination", ("提前终止与结算", "Termination and settlement"), ("合同解除后，结算至终止日已发生的费用，扣除已付款项与各项违约金、损失（民法典第566条）。", "After termination, fees earned to the last day are settled against payments, penalties and losses (Civil Code Art. 566)."), view! {
        {toggle(
            ctx,
            "f-term-on",
            ("计算提前终止结算", "Settle an early termination"),
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
                                "termination.date".into(),
                                ("服务终止日", "Last day of service"),
                                ("在合同期限之内", "Within the term"),
                                "",
                                Kind::Date,
                                |f| f.termination_date.clone(),
                                |f, v| f.termination_date = v,
                            )}
                            {choice(
                                ctx,
                                "termination.reason",
                                ("终止原因", "Reason"),
                                (
                                    "决定由哪一方承担解除违约金",
                                    "Decides who bears the termination penalty",
                                ),
                                vec![
                                    (
                                        TerminationReason::Mutual,
                                        ("协商一致", "Mutual agreement"),
                                    ),
                                    (
                                        TerminationReason::ForceMajeure,
                                        ("不可抗力", "Force majeure"),
                                    ),
                                    (
                                        TerminationReason::ClientBreach,
                                        ("甲方违约", "Client's breach"),
                                    ),
                                    (
                                        TerminationReason::SupplierBreach,
                                        ("乙方违约", "Supplier's breach"),
                                    ),
                                    (
                                        TerminationReason::Subcontracting,
                                        ("乙方擅自转包", "Supplier subcontracted"),
                                    ),
                                ],
                                |f| f.termination_reason.unwrap_or(TerminationReason::Mutual),
                                |f, v| f.termination_reason = Some(v),
                            )}
                            {field(
                                ctx,
                                "termination.breach_penalty_fraction".into(),
                                ("违约方违约金", "Breach penalty"),
                                (
                                    "合同总金额的百分比；留空 = 0",
                                    "Share of the contract total; empty = 0",
                                ),
                                "%",
                                Kind::Rate,
                                |f| f.breach_percent.clone(),
                                |f, v| f.breach_percent = v,
                            )}
                            {field(
                                ctx,
                                "termination.settlement_days".into(),
                                ("结算期限", "Settle within"),
                                (
                                    "终止日后N日内结清，遇节假日顺延",
                                    "Days after the last day; moved off rest days",
                                ),
                                "日 days",
                                Kind::Number,
                                |f| f.settlement_days.clone(),
                                |f, v| f.settlement_days = v,
                            )}
                        </div>
                    }
                })
        }}
    })
}
