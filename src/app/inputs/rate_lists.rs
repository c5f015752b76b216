//! The late-payment clause's lists (spec §9, §10): rate changes on a date, and LPR fixings the
//! user adds.

use super::super::Ctx;
use super::late_payment::rate_unit_options;
use super::widgets::*;
use crate::engine::scenario::{LprFixing, LprTerm};
use crate::form::{FormState, RateChangeRow, RateFields, RateKind};
use crate::text::Lang;
use leptos::prelude::*;

/// The typed text of a rate change row: which one.
#[derive(Clone, Copy)]
pub(super) enum ChangeText {
    From,
    Value,
    PerDays,
    PerMonths,
    Multiple,
}

impl ChangeText {
    fn path(self) -> &'static str {
        match self {
            ChangeText::From => "from",
            ChangeText::Value => "rate.fraction",
            ChangeText::PerDays => "rate.per_days",
            ChangeText::PerMonths => "rate.per_months",
            ChangeText::Multiple => "rate.lpr_multiple",
        }
    }

    fn of(self, c: &mut RateChangeRow) -> &mut String {
        match self {
            ChangeText::From => &mut c.from,
            ChangeText::Value => &mut c.rate.value,
            ChangeText::PerDays => &mut c.rate.per_days,
            ChangeText::PerMonths => &mut c.rate.per_months,
            ChangeText::Multiple => &mut c.rate.lpr_multiple,
        }
    }
}

/// One input of rate change `i`.
pub(super) fn change_field(
    ctx: Ctx,
    i: usize,
    which: ChangeText,
    label: Text,
    unit: &'static str,
    kind: Kind,
) -> AnyView {
    field(
        ctx,
        format!("late_payment.rate_changes[{i}].{}", which.path()),
        label,
        ("", ""),
        unit,
        kind,
        move |f| {
            f.rate_changes
                .get(i)
                .cloned()
                .map(|mut c| which.of(&mut c).clone())
                .unwrap_or_default()
        },
        move |f, v| {
            if let Some(c) = f.rate_changes.get_mut(i) {
                *which.of(c) = v;
            }
        },
    )
}

/// §9 `rate_changes`: from a date on, the clause's rate is another (LPR × 1.3 until 2020-08-31,
/// then 日万分之五; or LPR × 4 from the filing date).
pub(super) fn rate_changes(ctx: Ctx) -> impl IntoView {
    let count = Memo::new(move |_| ctx.form.with(|f| f.rate_changes.len()));
    view! {
        <div class="subsection" data-testid="rate-changes">
            <h3>{ctx.t("利率变更", "Rate changes")}</h3>
            <p class="hint">
                {ctx
                    .t(
                        "自某日起改按另一标准计算（如 2020年8月31日前按LPR的1.3倍，之后按日万分之五），各段分列于计算明细。",
                        "From a date on, another rate (e.g. 1.3 × LPR until 2020-08-31, then 0.05% a day); each part is its own line of the breakdown.",
                    )}
            </p>
            <div class="rows">
                {move || (0..count.get()).map(|i| rate_change_row(ctx, i)).collect_view()}
            </div>
            <div class="add-row">
                <button
                    type="button"
                    class="chip"
                    data-testid="add-rate-change"
                    on:click=move |_| { ctx.edit(FormState::add_rate_change) }
                >
                    {ctx.t("+ 添加利率变更", "+ Add a rate change")}
                </button>
            </div>
        </div>
    }
}

pub(super) fn rate_change_row(ctx: Ctx, i: usize) -> impl IntoView {
    let kind = Memo::new(move |_| {
        ctx.form
            .with(|f| f.rate_changes.get(i).map(|c| c.rate.kind))
    });
    let path = move |tail: &str| format!("late_payment.rate_changes[{i}].rate.{tail}");
    let rate = move |f: &FormState| {
        f.rate_changes
            .get(i)
            .map(|c| c.rate.clone())
            .unwrap_or_default()
    };
    let with_rate = move |f: &mut FormState, change: &dyn Fn(&mut RateFields)| {
        if let Some(c) = f.rate_changes.get_mut(i) {
            change(&mut c.rate);
        }
    };
    view! {
        <div class="row rate-change" data-testid="rate-change">
            {change_field(ctx, i, ChangeText::From, ("自", "From"), "", Kind::Date)}
            {choice(
                ctx,
                path("kind"),
                ("改按", "Then"),
                ("", ""),
                vec![
                    (RateKind::Fraction, ("按日比例", "Per day(s)")),
                    (RateKind::Monthly, ("按月比例", "Per month")),
                    (RateKind::Lpr, ("LPR 倍数", "LPR multiple")),
                ],
                move |f| rate(f).kind,
                move |f, v| with_rate(f, &|r| r.kind = v),
            )}
            {move || match kind.get() {
                Some(RateKind::Lpr) => {
                    view! {
                        {change_field(
                            ctx,
                            i,
                            ChangeText::Multiple,
                            ("LPR 倍数", "LPR multiple"),
                            "×LPR ×LPR",
                            Kind::Rate,
                        )}
                        {choice(
                            ctx,
                            path("basis_days"),
                            ("年天数", "Days per year"),
                            ("", ""),
                            vec![
                                (365u32, ("365 天", "365 days")),
                                (360u32, ("360 天", "360 days")),
                            ],
                            move |f| rate(f).basis_days,
                            move |f, v| with_rate(f, &|r| r.basis_days = v),
                        )}
                        {choice(
                            ctx,
                            path("lpr_fixing"),
                            ("取哪一天的 LPR", "Which day's LPR"),
                            ("", ""),
                            vec![
                                (
                                    LprFixing::DueDate,
                                    ("到期日（或变更日）", "Due date (or the change)"),
                                ),
                                (
                                    LprFixing::FirstDayLate,
                                    (
                                        "逾期首日（或变更日）",
                                        "First day late (or the change)",
                                    ),
                                ),
                                (LprFixing::ContractStart, ("合同订立时", "At signing")),
                                (LprFixing::Floating, ("同期（浮动）", "Floating (同期)")),
                            ],
                            move |f| rate(f).lpr_fixing,
                            move |f, v| with_rate(f, &|r| r.lpr_fixing = v),
                        )}
                        {choice(
                            ctx,
                            path("lpr_term"),
                            ("LPR 期限", "LPR term"),
                            ("", ""),
                            vec![
                                (LprTerm::OneYear, ("一年期", "One-year")),
                                (LprTerm::FiveYear, ("五年期以上", "Five-year")),
                            ],
                            move |f| rate(f).lpr_term,
                            move |f, v| with_rate(f, &|r| r.lpr_term = v),
                        )}
                    }
                        .into_any()
                }
                Some(k) => {
                    view! {
                        {change_field(
                            ctx,
                            i,
                            ChangeText::Value,
                            ("比例", "Rate"),
                            "",
                            Kind::Rate,
                        )}
                        {choice(
                            ctx,
                            path("unit"),
                            ("单位", "Unit"),
                            ("", ""),
                            rate_unit_options(),
                            move |f| rate(f).unit,
                            move |f, v| with_rate(f, &|r| r.unit = v),
                        )}
                        {if k == RateKind::Monthly {
                            change_field(
                                ctx,
                                i,
                                ChangeText::PerMonths,
                                ("每 N 个月", "Per N months"),
                                "月 months",
                                Kind::Number,
                            )
                        } else {
                            change_field(
                                ctx,
                                i,
                                ChangeText::PerDays,
                                ("每 N 日", "Per N days"),
                                "日 days",
                                Kind::Number,
                            )
                        }}
                    }
                        .into_any()
                }
                None => ().into_any(),
            }}
            <button
                type="button"
                class="remove"
                aria-label=ctx.t("删除此变更", "Remove this change")
                on:click=move |_| {
                    ctx.edit(|f| {
                        if i < f.rate_changes.len() {
                            f.rate_changes.remove(i);
                        }
                    })
                }
            >
                "×"
            </button>
        </div>
    }
}

/// §9/§10 the LPR fixings the user adds (published after this release, or as a court used them).
pub(super) fn lpr_fixings(ctx: Ctx) -> impl IntoView {
    let count = Memo::new(move |_| ctx.form.with(|f| f.lpr_fixings.len()));
    let known = crate::engine::lpr::known_until();
    view! {
        <div class="subsection" data-testid="lpr-fixings">
            <h3>{ctx.t("LPR 报价（补充）", "LPR fixings (added)")}</h3>
            <p class="hint">
                {move || {
                    if ctx.is_zh() {
                        format!(
                            "内置 LPR 数据核实至{}；之后的报价可在此补充（年利率 %），同日以此处为准。",
                            crate::text::date_words(known, Lang::Zh),
                        )
                    } else {
                        format!(
                            "The built-in LPR is verified to {}; add later fixings here (% a year); on the same date these win.",
                            crate::text::date_words(known, Lang::En),
                        )
                    }
                }}
            </p>
            <div class="rows">
                {move || {
                    (0..count.get())
                        .map(|i| {
                            view! {
                                <div class="row">
                                    {field(
                                        ctx,
                                        format!("late_payment.lpr_fixings[{i}].effective"),
                                        ("生效日", "Effective"),
                                        ("", ""),
                                        "",
                                        Kind::Date,
                                        move |f| {
                                            f.lpr_fixings
                                                .get(i)
                                                .map(|x| x.effective.clone())
                                                .unwrap_or_default()
                                        },
                                        move |f, v| {
                                            if let Some(x) = f.lpr_fixings.get_mut(i) {
                                                x.effective = v;
                                            }
                                        },
                                    )}
                                    {field(
                                        ctx,
                                        format!("late_payment.lpr_fixings[{i}].one_year"),
                                        ("一年期", "One-year"),
                                        ("", ""),
                                        "%",
                                        Kind::Rate,
                                        move |f| {
                                            f.lpr_fixings
                                                .get(i)
                                                .map(|x| x.one_year.clone())
                                                .unwrap_or_default()
                                        },
                                        move |f, v| {
                                            if let Some(x) = f.lpr_fixings.get_mut(i) {
                                                x.one_year = v;
                                            }
                                        },
                                    )}
                                    {field(
                                        ctx,
                                        format!("late_payment.lpr_fixings[{i}].five_year"),
                                        ("五年期以上", "Five-year"),
                                        ("可空", "optional"),
                                        "%",
                                        Kind::Rate,
                                        move |f| {
                                            f.lpr_fixings
                                                .get(i)
                                                .map(|x| x.five_year.clone())
                                                .unwrap_or_default()
                                        },
                                        move |f, v| {
                                            if let Some(x) = f.lpr_fixings.get_mut(i) {
                                                x.five_year = v;
                                            }
                                        },
                                    )}
                                    <button
                                        type="button"
                                        class="remove"
                                        aria-label=ctx.t("删除此报价", "Remove this fixing")
                                        on:click=move |_| {
                                            ctx.edit(|f| {
                                                if i < f.lpr_fixings.len() {
                                                    f.lpr_fixings.remove(i);
                                                }
                                            })
                                        }
                                    >
                                        "×"
                                    </button>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <div class="add-row">
                <button
                    type="button"
                    class="chip"
                    data-testid="add-lpr-fixing"
                    on:click=move |_| {
                        ctx.edit(|f| {
                            let effective = known.succ_opt().unwrap_or(known).to_string();
                            let one_year = crate::engine::lpr::one_year_rate_on(known)
                                .map(|f| {
                                    (f * rust_decimal::Decimal::ONE_HUNDRED).round_dp(2).to_string()
                                })
                                .unwrap_or_default();
                            f.lpr_fixings
                                .push(crate::form::LprFixingRow {
                                    effective,
                                    one_year,
                                    ..Default::default()
                                });
                        })
                    }
                >
                    {ctx.t("+ 添加 LPR 报价", "+ Add an LPR fixing")}
                </button>
            </div>
        </div>
    }
}
