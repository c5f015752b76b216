//! Side-by-side comparison of a few scenarios: the terms and the figures of spec §1–§6 in one
//! table, each row flagged when the columns disagree, so that a negotiator sees what a lower fee
//! against a higher penalty rate changes.

use crate::engine::calendar::Calendar;
use crate::engine::compute::{compute, ComputeResult};
use crate::engine::money::format_yuan;
use crate::engine::scenario::{Cycle, DayType, DueRule, PartialCycle, PartialPeriod, Scenario};
use crate::engine::subcontracting;
use crate::engine::termination::Payer;
use crate::present::explain;
use crate::text::Lang;
use chrono::NaiveDate;

/// What a cell shows when the scenario has no such clause or could not be computed.
pub const ABSENT: &str = "—";

/// The comparison table: one column per scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The scenarios' names, as given.
    pub columns: Vec<String>,
    pub rows: Vec<CompareRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareRow {
    /// Stable name of the row, for the app's styling and tests.
    pub key: &'static str,
    pub label: String,
    /// One per column, formatted for display.
    pub values: Vec<String>,
    /// Whether any two columns show different values.
    pub differs: bool,
}

type Cell = fn(&Scenario, &ComputeResult, bool) -> String;

/// One row: key, Chinese label, English label, and its cell (the `bool` is "in Chinese").
struct RowDef(&'static str, &'static str, &'static str, Cell);

const ROWS: &[RowDef] = &[
    RowDef("term", "合同期限", "Term", term),
    RowDef("cycle_fee", "每期费用", "Fee per cycle", cycle_fee),
    RowDef("billing_cycle", "结算周期", "Billing cycle", billing_cycle),
    RowDef(
        "contract_total",
        "合同总金额",
        "Contract total",
        contract_total,
    ),
    RowDef(
        "with_renewal",
        "含续期总金额",
        "Total with renewal",
        with_renewal,
    ),
    RowDef("due_rule", "付款期限", "Payment due", due_rule),
    RowDef("calendar", "工作日历", "Working-day calendar", calendar),
    RowDef(
        "late_rate",
        "逾期付款违约金标准",
        "Late-payment rate",
        late_rate,
    ),
    RowDef("penalty_cap", "违约金上限", "Penalty cap", penalty_cap),
    RowDef(
        "late_penalties",
        "截至评估日逾期违约金",
        "Late penalties to date",
        late_penalties,
    ),
    RowDef(
        "suspend_from",
        "暂停服务权利起始日",
        "Right to suspend from",
        suspend_from,
    ),
    RowDef(
        "terminate_from",
        "解除合同权利起始日",
        "Right to terminate from",
        terminate_from,
    ),
    RowDef(
        "subcontracting",
        "擅自转包责任（违约金＋退款）",
        "Subcontracting exposure (penalty + refund)",
        subcontracting_exposure,
    ),
    RowDef(
        "termination_net",
        "终止结算净额",
        "Termination settlement",
        termination_net,
    ),
    RowDef("paid", "截至评估日已付款", "Paid to date", paid),
];

/// How many days late the comparison's what-if row assumes unless told otherwise (spec §13).
pub const WHAT_IF_DAYS: u32 = 30;

/// Compares `items` (name, scenario) column by column. A scenario that cannot be computed shows
/// its error message in the first row and [`ABSENT`] in the others.
pub fn compare(items: &[(String, Scenario)], lang: Lang) -> Comparison {
    compare_with_what_if(items, lang, WHAT_IF_DAYS)
}

/// [`compare`], with a last row for spec §13's "every invoice `late_days` days late": what the
/// terms cost a client who always pays that late — figures even for a contract not yet started.
pub fn compare_with_what_if(
    items: &[(String, Scenario)],
    lang: Lang,
    late_days: u32,
) -> Comparison {
    let mut c = compare_terms(items, lang);
    let values: Vec<String> = items
        .iter()
        .map(|(_, s)| match &s.late_payment {
            None => ABSENT.to_string(),
            Some(_) => crate::engine::what_if::what_if_late(s, late_days)
                .map_or(ABSENT.to_string(), |r| {
                    format_yuan(r.late_payment.total_penalty)
                }),
        })
        .collect();
    c.rows.push(CompareRow {
        key: "what_if_late",
        label: match lang {
            Lang::Zh => format!("若每期均迟付{late_days}日的违约金"),
            Lang::En => format!("Penalties if every invoice is paid {late_days} days late"),
        },
        differs: values.windows(2).any(|w| w.first() != w.last()),
        values,
    });
    c
}

fn compare_terms(items: &[(String, Scenario)], lang: Lang) -> Comparison {
    let zh = lang == Lang::Zh;
    let results: Vec<_> = items
        .iter()
        .map(|(_, s)| compute(s).map_err(crate::document::error::ValidationError::from))
        .collect();
    let rows = ROWS
        .iter()
        .enumerate()
        .map(|(i, RowDef(key, label_zh, label_en, cell))| {
            let values: Vec<String> = items
                .iter()
                .zip(&results)
                .map(|((_, s), r)| match r {
                    Ok(r) => cell(s, r, zh),
                    Err(e) if i == 0 => e.display(lang),
                    Err(_) => ABSENT.to_string(),
                })
                .collect();
            CompareRow {
                key,
                label: if zh { label_zh } else { label_en }.to_string(),
                differs: values.windows(2).any(|w| w.first() != w.last()),
                values,
            }
        })
        .collect();
    Comparison {
        columns: items.iter().map(|(name, _)| name.clone()).collect(),
        rows,
    }
}

fn days(n: u32, day_type: DayType, zh: bool) -> String {
    match (day_type, zh) {
        (DayType::Working, true) => format!("{n}个工作日"),
        (DayType::Calendar, true) => format!("{n}日"),
        (DayType::Working, false) => format!("{n} working days"),
        (DayType::Calendar, false) => format!("{n} days"),
    }
}

fn term(s: &Scenario, _: &ComputeResult, zh: bool) -> String {
    let (start, end) = (s.contract.start, s.contract.end);
    if zh {
        format!("{start} 至 {end}")
    } else {
        format!("{start} to {end}")
    }
}

fn cycle_fee(s: &Scenario, _: &ComputeResult, _: bool) -> String {
    format_yuan(s.cycle_fee())
}

fn billing_cycle(s: &Scenario, _: &ComputeResult, zh: bool) -> String {
    let cycle = match (s.fees.cycle, zh) {
        (Cycle::Monthly, true) => "按月",
        (Cycle::Quarterly, true) => "按季",
        (Cycle::Yearly, true) => "按年",
        (Cycle::Monthly, false) => "monthly",
        (Cycle::Quarterly, false) => "quarterly",
        (Cycle::Yearly, false) => "yearly",
    };
    let partial = match (s.fees.partial_cycle, zh) {
        (PartialCycle::ByDays, true) => "，不足一期按天折算",
        (PartialCycle::Full, true) => "，不足一期按整期计",
        (PartialCycle::ByDays, false) => ", part cycles by days",
        (PartialCycle::Full, false) => ", part cycles in full",
    };
    format!("{cycle}{partial}")
}

fn contract_total(_: &Scenario, r: &ComputeResult, _: bool) -> String {
    format_yuan(r.total_fees.contract_total)
}

fn with_renewal(s: &Scenario, r: &ComputeResult, zh: bool) -> String {
    let total = format_yuan(r.total_fees.with_renewal);
    match (s.contract.renewal_months, zh) {
        (0, _) => total,
        (n, true) => format!("{total}（续期{n}个月）"),
        (n, false) => format!("{total} ({n}-month renewal)"),
    }
}

fn due_rule(s: &Scenario, _: &ComputeResult, zh: bool) -> String {
    match (&s.payment.due, zh) {
        (DueRule::DayOfNextMonth { day, .. }, true) => format!("次月{day}日前"),
        (DueRule::DayOfNextMonth { day, .. }, false) => {
            format!("by day {day} of the next month")
        }
        (
            DueRule::DaysAfterCycleEnd {
                days: n, day_type, ..
            },
            true,
        ) => {
            format!("周期结束后{}内", days(*n, *day_type, zh))
        }
        (
            DueRule::DaysAfterCycleEnd {
                days: n, day_type, ..
            },
            false,
        ) => {
            format!("within {} after the cycle ends", days(*n, *day_type, zh))
        }
        (DueRule::DaysAfterCycleStart { days: 0, .. }, true) => "预付：周期首日".into(),
        (DueRule::DaysAfterCycleStart { days: 0, .. }, false) => {
            "in advance: on the cycle's first day".into()
        }
        (
            DueRule::DaysAfterCycleStart {
                days: n, day_type, ..
            },
            true,
        ) => {
            format!("预付：周期开始后{}内", days(*n, *day_type, zh))
        }
        (
            DueRule::DaysAfterCycleStart {
                days: n, day_type, ..
            },
            false,
        ) => format!(
            "in advance: within {} after the cycle starts",
            days(*n, *day_type, zh)
        ),
        (
            DueRule::DaysAfterInvoice {
                invoice_day,
                days: n,
                day_type,
                ..
            },
            true,
        ) => format!(
            "每期末月{invoice_day}日开票，开票后{}内",
            days(*n, *day_type, zh)
        ),
        (
            DueRule::DaysAfterInvoice {
                invoice_day,
                days: n,
                day_type,
                ..
            },
            false,
        ) => format!(
            "invoice on day {invoice_day} of the cycle's last month, due within {}",
            days(*n, *day_type, zh)
        ),
    }
}

fn calendar(s: &Scenario, _: &ComputeResult, zh: bool) -> String {
    match (s.payment.calendar, zh) {
        (Calendar::Cn, true) => "中国法定节假日",
        (Calendar::Weekends, true) => "仅周末",
        (Calendar::None, true) => "不顺延",
        (Calendar::Cn, false) => "China statutory holidays",
        (Calendar::Weekends, false) => "weekends only",
        (Calendar::None, false) => "every day counts",
    }
    .into()
}

fn late_rate(s: &Scenario, _: &ComputeResult, zh: bool) -> String {
    let Some(lp) = &s.late_payment else {
        return ABSENT.into();
    };
    let rate = explain::agreed_rate(&lp.rate, if zh { Lang::Zh } else { Lang::En });
    match (lp.partial_period, zh) {
        (PartialPeriod::ProRata, _) => rate,
        (PartialPeriod::Full, true) => format!("{rate}，不足一期按一期计"),
        (PartialPeriod::Full, false) => format!("{rate}, a started period counts whole"),
    }
}

fn penalty_cap(s: &Scenario, _: &ComputeResult, zh: bool) -> String {
    match (s.late_payment.as_ref().map(|lp| lp.cap_fraction), zh) {
        (None, _) => ABSENT.into(),
        (Some(None), true) => "无上限".into(),
        (Some(None), false) => "no cap".into(),
        (Some(Some(cap)), true) => format!("每期金额的{}", explain::percent(cap)),
        (Some(Some(cap)), false) => format!("{} of the cycle's amount", explain::percent(cap)),
    }
}

fn late_penalties(s: &Scenario, r: &ComputeResult, _: bool) -> String {
    match &s.late_payment {
        None => ABSENT.into(),
        Some(_) => format_yuan(r.late_payment.total_penalty),
    }
}

/// The date a right arose, or why not, with the number of days late that triggers it.
fn right(after_days: Option<u32>, from: Option<NaiveDate>, zh: bool) -> String {
    match (after_days, from, zh) {
        (None, _, _) => ABSENT.into(),
        (Some(k), Some(d), true) => format!("{d}（逾期超过{k}日）"),
        (Some(k), Some(d), false) => format!("{d} (over {k} days late)"),
        (Some(k), None, true) => format!("未产生（逾期超过{k}日）"),
        (Some(k), None, false) => format!("not arisen (over {k} days late)"),
    }
}

fn suspend_from(s: &Scenario, r: &ComputeResult, zh: bool) -> String {
    right(
        s.late_payment.as_ref().and_then(|lp| lp.suspend_after_days),
        r.late_payment.suspend_right_from,
        zh,
    )
}

fn terminate_from(s: &Scenario, r: &ComputeResult, zh: bool) -> String {
    right(
        s.late_payment
            .as_ref()
            .and_then(|lp| lp.terminate_after_days),
        r.late_payment.terminate_right_from,
        zh,
    )
}

/// §5 what subcontracting costs the supplier: as reported once it occurred, otherwise what it
/// would cost on the evaluation date.
fn subcontracting_exposure(s: &Scenario, r: &ComputeResult, zh: bool) -> String {
    let clause = s
        .supplier_breaches
        .as_ref()
        .and_then(|b| b.subcontracting.as_ref());
    let Some(clause) = clause else {
        return ABSENT.into();
    };
    let (penalty, refund) = subcontracting::exposure(clause, r.total_fees.contract_total, r.paid);
    let (total, penalty, refund) = (
        format_yuan(penalty + refund),
        format_yuan(penalty),
        format_yuan(refund),
    );
    match (clause.occurred_on, zh) {
        (None, true) => format!("{total}（违约金 {penalty} + 退还已付 {refund}）"),
        (None, false) => format!("{total} (penalty {penalty} + refund {refund})"),
        (Some(d), true) => {
            format!("{total}（违约金 {penalty} + 退还已付 {refund}，{d} 发生）")
        }
        (Some(d), false) => {
            format!("{total} (penalty {penalty} + refund {refund}, occurred {d})")
        }
    }
}

fn termination_net(_: &Scenario, r: &ComputeResult, zh: bool) -> String {
    let Some(t) = &r.termination else {
        return ABSENT.into();
    };
    let net = format_yuan(t.net);
    match (t.payer, zh) {
        (Payer::Client, true) => format!("甲方支付 {net}"),
        (Payer::Supplier, true) => format!("乙方支付 {net}"),
        (Payer::None, true) => "双方互不支付".into(),
        (Payer::Client, false) => format!("client pays {net}"),
        (Payer::Supplier, false) => format!("supplier pays {net}"),
        (Payer::None, false) => "nobody pays".into(),
    }
}

fn paid(_: &Scenario, r: &ComputeResult, _: bool) -> String {
    format_yuan(r.paid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read::parse_scenario;
    use crate::document::samples;
    use crate::engine::scenario::Rate;
    use rust_decimal::Decimal;

    fn starter() -> Scenario {
        samples::starter(NaiveDate::from_ymd_opt(2025, 9, 30).unwrap())
    }

    fn row<'a>(c: &'a Comparison, key: &str) -> &'a CompareRow {
        c.rows.iter().find(|r| r.key == key).unwrap()
    }

    fn differing(c: &Comparison) -> Vec<&'static str> {
        c.rows.iter().filter(|r| r.differs).map(|r| r.key).collect()
    }

    /// The starter with 基本服务费 45,000 → 40,000 (cycle fee 45,000) and 日万分之五 → 日千分之一.
    fn cheaper_fee_higher_rate() -> Scenario {
        let mut s = starter();
        s.fees.components[0].amount = Decimal::from(40_000);
        if let Some(lp) = &mut s.late_payment {
            lp.rate = Rate::Fraction {
                fraction: "0.001".parse().unwrap(),
                per_days: 1,
                extra: Default::default(),
            };
        }
        s
    }

    #[test]
    fn lower_fee_for_a_higher_rate_flags_what_changes() {
        let c = compare(
            &[
                ("现行".into(), starter()),
                ("降价提率".into(), cheaper_fee_higher_rate()),
            ],
            Lang::Zh,
        );
        assert_eq!(c.columns, ["现行", "降价提率"]);
        assert_eq!(c.rows.len(), 16);
        // Fee, totals, rate and penalties change; the term, calendar, due rule, cap, rights and
        // what was paid do not. The rights stay put because March is still ¥5,000 short until
        // 30 May (suspend from 11 May) and May still unpaid 60 days after 10 June (terminate
        // from 10 August), whichever fee applies.
        assert_eq!(
            differing(&c),
            [
                "cycle_fee",
                "contract_total",
                "with_renewal",
                "late_rate",
                "late_penalties",
                "what_if_late",
            ]
        );
        // Every invoice 30 days late (§13): 12 × ¥50,000 × 0.05% × 30 = ¥9,000 against
        // 12 × ¥45,000 × 0.1% × 30 = ¥16,200 — the price of the lower fee, before any payment.
        assert_eq!(row(&c, "what_if_late").values, ["¥9,000.00", "¥16,200.00"]);
        assert_eq!(row(&c, "what_if_late").label, "若每期均迟付30日的违约金");
        // Penalties at 0.05%/day on ¥50,000: Feb 10 days 250 + Mar ¥20,000 × 50 days 500 +
        // Apr 18 days 450 + May 112 days 2,800 + Jun 82 days 2,050 + Jul 50 days 1,250 +
        // Aug 20 days 500 = 7,800. At 0.1%/day on ¥45,000, with the same payments spread over
        // smaller months: 400 + 250 + 810 + 2,800 + 3,690 + 2,250 + 900 = 11,100.
        assert_eq!(
            row(&c, "late_penalties").values,
            ["¥7,800.00", "¥11,100.00"]
        );
        assert_eq!(
            row(&c, "suspend_from").values,
            ["2025-05-11（逾期超过30日）", "2025-05-11（逾期超过30日）"]
        );
        assert_eq!(row(&c, "cycle_fee").values, ["¥50,000.00", "¥45,000.00"]);
        assert_eq!(
            row(&c, "contract_total").values,
            ["¥600,000.00", "¥540,000.00"]
        );
        assert_eq!(row(&c, "late_rate").values, ["0.05%/日", "0.1%/日"]);
        assert_eq!(
            row(&c, "term").values,
            ["2025-01-01 至 2025-12-31", "2025-01-01 至 2025-12-31"]
        );
        assert_eq!(row(&c, "calendar").values[0], "中国法定节假日");
        assert_eq!(row(&c, "due_rule").values[0], "次月10日前");
        assert_eq!(row(&c, "penalty_cap").values[0], "无上限");
        assert_eq!(row(&c, "subcontracting").values[0], ABSENT);
        assert_eq!(row(&c, "paid").values, ["¥200,000.00", "¥200,000.00"]);
    }

    #[test]
    fn three_columns() {
        let mut quarterly = starter();
        quarterly.fees.cycle = Cycle::Quarterly;
        let c = compare(
            &[
                ("A".into(), starter()),
                ("B".into(), cheaper_fee_higher_rate()),
                ("C".into(), quarterly),
            ],
            Lang::En,
        );
        assert_eq!(c.columns, ["A", "B", "C"]);
        assert!(c.rows.iter().all(|r| r.values.len() == 3));
        assert_eq!(
            row(&c, "billing_cycle").values,
            [
                "monthly, part cycles by days",
                "monthly, part cycles by days",
                "quarterly, part cycles by days"
            ]
        );
        assert_eq!(row(&c, "term").label, "Term");
        assert!(!row(&c, "term").differs);
    }

    #[test]
    fn uncomputable_scenario_shows_its_message() {
        // The China holiday table starts in 2010: a term from November 2009 has its first fee due
        // on 2009-12-10, before the table, so nothing can be computed for that column (§10).
        let mut long = starter();
        long.contract.start = NaiveDate::from_ymd_opt(2009, 11, 1).unwrap();
        let c = compare(
            &[("现行".into(), starter()), ("延长".into(), long)],
            Lang::Zh,
        );
        let first = &c.rows[0].values[1];
        assert!(first.starts_with("payment.calendar: "), "{first}");
        assert!(
            first.contains("2009-12-10") && first.contains("2010-01-01"),
            "{first}"
        );
        assert!(c.rows[1..].iter().all(|r| r.values[1] == ABSENT));
        assert_eq!(row(&c, "contract_total").values[0], "¥600,000.00");
        // Every row differs except those both columns leave empty.
        assert!(c.rows.iter().all(|r| r.differs == (r.values[0] != ABSENT)));
    }

    #[test]
    fn termination_settlement_names_who_pays() {
        // Spec example termination-2025: earned 265,806.45 − paid 160,000 + late 5,616.77 −
        // supplier charges 17,850 = 93,573.22, payable by the client.
        let s = parse_scenario(include_str!("../../tests/fixtures/termination-2025.json")).unwrap();
        let items = [("终止".to_string(), s)];
        assert_eq!(
            row(&compare(&items, Lang::Zh), "termination_net").values,
            ["甲方支付 ¥93,573.22"]
        );
        let en = compare(&items, Lang::En);
        assert_eq!(
            row(&en, "termination_net").values,
            ["client pays ¥93,573.22"]
        );
        assert_eq!(
            row(&en, "penalty_cap").values,
            ["20% of the cycle's amount"]
        );
        assert_eq!(
            row(&en, "due_rule").values,
            ["within 15 days after the cycle ends"]
        );
        // A single column never differs from itself.
        assert!(en.rows.iter().all(|r| !r.differs));
    }

    #[test]
    fn subcontracting_exposure_adds_the_refund() {
        // Ten-year benchmark: 20% of the contract total plus every fee paid, since it occurred.
        let s = samples::ten_year_monthly();
        let r = compute(&s).unwrap();
        let sub = r.subcontracting.clone().unwrap();
        let c = compare(&[("十年".into(), s)], Lang::Zh);
        assert_eq!(
            row(&c, "subcontracting").values[0],
            format!(
                "{}（违约金 {} + 退还已付 {}，2025-11-30 发生）",
                format_yuan(sub.total),
                format_yuan(sub.penalty),
                format_yuan(sub.refund)
            )
        );
        assert_eq!(
            row(&c, "with_renewal").values[0],
            format!("{}（续期24个月）", format_yuan(r.total_fees.with_renewal))
        );
    }
}
