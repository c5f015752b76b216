//! Side-by-side comparison of a few scenarios: the terms and the figures of spec §1–§6 in one
//! table, each row flagged when the columns disagree, so that a negotiator sees what a lower fee
//! against a higher penalty rate changes.
//!
//! What each row shows is `rows`; this module builds the table and flags the rows that differ.

mod rows;

use crate::engine::compute::compute;
use crate::engine::money::format_yuan;
use crate::engine::scenario::Scenario;
use crate::present::markup::Markup;
use crate::text::Lang;
use rows::{RowDef, ROWS};

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

impl Comparison {
    /// The table as HTML: the corner cell `item`, a column per scenario, the rows that differ
    /// marked `differs`; every name and value escaped.
    pub fn html(&self, item: &str) -> Markup {
        let mut m = Markup::with_capacity(256 * (self.rows.len() + 1));
        m.open(
            "table",
            &[("class", "comparison"), ("data-testid", "comparison")],
        );
        m.el_with("thead", &[], |m| {
            m.el_with("tr", &[], |m| {
                m.el("th", &[("scope", "col")], item);
                for name in &self.columns {
                    m.el("th", &[("scope", "col")], name);
                }
            });
        });
        m.el_with("tbody", &[], |m| {
            for r in &self.rows {
                if r.differs {
                    m.open("tr", &[("class", "differs"), ("data-key", r.key)]);
                } else {
                    m.open("tr", &[("data-key", r.key)]);
                }
                m.el("th", &[("scope", "row")], &r.label);
                for v in &r.values {
                    m.el("td", &[], v);
                }
                m.close("tr");
            }
        });
        m.close("table");
        m
    }
}

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
            // After a termination for subcontracting, as the late penalties: not owed (§6).
            Some(_) => {
                crate::engine::what_if::what_if_late(s, late_days).map_or(ABSENT.to_string(), |r| {
                    if r.termination.as_ref().is_some_and(|t| t.fees_forfeited) {
                        crate::text::compare::not_owed(r.late_payment.total_penalty, lang)
                    } else {
                        format_yuan(r.late_payment.total_penalty)
                    }
                })
            }
        })
        .collect();
    c.rows.push(CompareRow {
        key: "what_if_late",
        label: crate::text::compare::what_if_late(late_days, lang),
        differs: values.windows(2).any(|w| w.first() != w.last()),
        values,
    });
    c
}

fn compare_terms(items: &[(String, Scenario)], lang: Lang) -> Comparison {
    let results: Vec<_> = items
        .iter()
        .map(|(_, s)| compute(s).map_err(crate::document::error::ValidationError::from))
        .collect();
    let rows = ROWS
        .iter()
        .enumerate()
        .map(|(i, RowDef(key, label, cell))| {
            let values: Vec<String> = items
                .iter()
                .zip(&results)
                .map(|((_, s), r)| match r {
                    Ok(r) => cell(s, r, lang),
                    Err(e) if i == 0 => e.display(lang),
                    Err(_) => ABSENT.to_string(),
                })
                .collect();
            CompareRow {
                key,
                label: label.get(lang).to_string(),
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

#[cfg(test)]
mod tests {

    #[test]
    fn the_table_marks_the_rows_that_differ_and_escapes_every_name() {
        let c = Comparison {
            columns: vec!["<b>甲</b>".into(), "乙".into()],
            rows: vec![
                CompareRow {
                    key: "cycle_fee",
                    label: "每期费用".into(),
                    values: vec!["¥50,000.00".into(), "¥45,000.00".into()],
                    differs: true,
                },
                CompareRow {
                    key: "calendar",
                    label: "节假日".into(),
                    values: vec!["cn".into(), "cn".into()],
                    differs: false,
                },
            ],
        };
        assert_eq!(
            c.html("项目").as_str(),
            concat!(
                r#"<table class="comparison" data-testid="comparison"><thead><tr>"#,
                r#"<th scope="col">项目</th><th scope="col">&lt;b&gt;甲&lt;/b&gt;</th><th scope="col">乙</th>"#,
                r#"</tr></thead><tbody>"#,
                r#"<tr class="differs" data-key="cycle_fee"><th scope="row">每期费用</th><td>¥50,000.00</td><td>¥45,000.00</td></tr>"#,
                r#"<tr data-key="calendar"><th scope="row">节假日</th><td>cn</td><td>cn</td></tr>"#,
                r#"</tbody></table>"#
            )
        );
    }
    use super::*;
    use crate::document::read::parse_scenario;
    use crate::document::samples;
    use crate::engine::scenario::{Cycle, Rate};
    use chrono::NaiveDate;
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
    fn an_aggregate_cap_and_a_rate_change_are_compared_as_agreed() {
        // "累计不超过合同总金额的30%" is not a cap on each cycle; a rate agreed to change from
        // a date on is part of the rate.
        let mut capped = starter();
        if let Some(lp) = &mut capped.late_payment {
            lp.cap_fraction = Some("0.3".parse().unwrap());
            lp.cap_base = crate::engine::scenario::CapBase::ContractTotal;
            lp.rate_changes.push(crate::engine::scenario::RateChange {
                from: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
                rate: Rate::Fraction {
                    fraction: "0.0003".parse().unwrap(),
                    per_days: 1,
                    extra: Default::default(),
                },
                extra: Default::default(),
            });
        }
        let items = [("累计上限".to_string(), capped)];
        let zh = compare(&items, Lang::Zh);
        assert_eq!(
            row(&zh, "penalty_cap").values,
            ["累计不超过合同总金额的30%"]
        );
        assert_eq!(
            row(&zh, "late_rate").values,
            ["0.05%/日；2025年7月1日起按0.03%/日"]
        );
        let en = compare(&items, Lang::En);
        assert_eq!(
            row(&en, "penalty_cap").values,
            ["30% of the contract total, in all"]
        );
    }

    #[test]
    fn an_early_termination_is_a_row_of_its_own() {
        // Ended on 2025-07-31 for the client's breach: the date and the reason stand beside the
        // rights, so a right "from" a later day reads as one the contract no longer gives.
        let mut ended = starter();
        ended.termination = Some(crate::engine::scenario::Termination {
            date: NaiveDate::from_ymd_opt(2025, 7, 31).unwrap(),
            reason: crate::engine::scenario::TerminationReason::ClientBreach,
            breach_penalty_fraction: None,
            settlement_days: 30,
            extra: Default::default(),
        });
        let items = [("续约".to_string(), starter()), ("终止".to_string(), ended)];
        let zh = compare(&items, Lang::Zh);
        let termination = row(&zh, "termination");
        assert_eq!(termination.values, ["—", "2025-07-31（甲方违约）"]);
        assert!(termination.differs);
        let en = compare(&items, Lang::En);
        assert_eq!(
            row(&en, "termination").values[1],
            "2025-07-31 (Client's breach)"
        );
    }

    #[test]
    fn a_right_whose_arrears_are_paid_reads_so() {
        // Evaluated on 2025-06-30, March's arrears (late from 11 May) were paid on 30 May, and
        // nothing is yet 30 days late: no right stands.
        let mut s = starter();
        s.as_of = crate::test_support::date("2025-06-30");
        let c = compare(&[("甲".into(), s)], Lang::Zh);
        assert_eq!(
            row(&c, "suspend_from").values,
            ["无（2025-05-11起的逾期已付清）"]
        );
    }

    #[test]
    fn arrears_that_pass_the_days_only_after_the_contract_ended_are_not_read_as_never_late() {
        // Ended on 2025-06-15; May's fee (due 06-10) is still unpaid on 2025-09-30, well over 30
        // and 60 days late, but only after the end: no right (民法典第557条), and the cell says
        // why rather than "未产生", which reads as never that late. The penalty runs on.
        let mut s = starter();
        s.termination = Some(crate::engine::scenario::Termination {
            date: NaiveDate::from_ymd_opt(2025, 6, 15).unwrap(),
            reason: crate::engine::scenario::TerminationReason::Mutual,
            breach_penalty_fraction: None,
            settlement_days: 30,
            extra: Default::default(),
        });
        let c = compare(&[("甲".into(), s.clone())], Lang::Zh);
        // March's arrears (late from 11 May) were paid in the term: both are said.
        assert_eq!(
            row(&c, "suspend_from").values,
            ["无（2025-05-11起的逾期已付清；合同于2025-06-15终止后逾期超过30日的欠款不再产生此权利，违约金照计）"]
        );
        assert_eq!(
            row(&c, "terminate_from").values,
            ["无：合同已于2025-06-15终止，其后逾期超过60日的欠款不再产生此权利（违约金照计）"]
        );
        // Ended for subcontracting instead, the fees are forfeited (§6): the rights are still
        // none after the end, but no penalty is said to run on.
        let mut sub = s.clone();
        if let Some(t) = sub.termination.as_mut() {
            t.reason = crate::engine::scenario::TerminationReason::Subcontracting;
        }
        sub.supplier_breaches = Some(crate::engine::scenario::SupplierBreaches {
            subcontracting: Some(crate::engine::scenario::Subcontracting {
                penalty_fraction: rust_decimal::Decimal::new(2, 1),
                refund_paid: true,
                occurred_on: None,
                extra: Default::default(),
            }),
            service_incidents: None,
            substandard_service: None,
            confidentiality_penalty: None,
            losses: Vec::new(),
            extra: Default::default(),
        });
        let c = compare(&[("甲".into(), sub)], Lang::Zh);
        assert_eq!(
            row(&c, "suspend_from").values,
            ["无（2025-05-11起的逾期已付清；合同于2025-06-15终止后逾期超过30日的欠款不再产生此权利）"]
        );
        assert_eq!(
            row(&c, "terminate_from").values,
            ["无：合同已于2025-06-15终止，其后逾期超过60日的欠款不再产生此权利"]
        );
        // Evaluated on 2025-06-20 nothing is yet 30 days late: not arisen, as before.
        s.as_of = crate::test_support::date("2025-06-20");
        let c = compare(&[("甲".into(), s)], Lang::Zh);
        assert_eq!(row(&c, "terminate_from").values, ["未产生（逾期超过60日）"]);
    }

    #[test]
    fn a_contract_without_renewal_says_so_beside_its_total() {
        // ¥600,000.00 "含续期" with no renewal read as if a renewal added nothing.
        let mut none = starter();
        none.contract.renewal_months = 0;
        let c = compare(
            &[("续约".into(), starter()), ("不续".into(), none)],
            Lang::Zh,
        );
        assert_eq!(
            row(&c, "with_renewal").values,
            ["¥1,200,000.00（续期12个月）", "¥600,000.00（无自动续期）"]
        );
    }

    #[test]
    fn the_days_counted_are_compared_too() {
        // The same rate counted from the due date itself, from 1 July, rounded line by line:
        // a higher penalty with no other term changed, and the row that says why.
        let mut counted = starter();
        if let Some(l) = counted.late_payment.as_mut() {
            l.day_count = crate::engine::scenario::DayCount::IncludeDueDate;
            l.accrues_from = Some(crate::test_support::date("2025-07-01"));
            l.rounding = crate::engine::scenario::Rounding::PerSegment;
        }
        let c = compare(
            &[("甲".into(), starter()), ("乙".into(), counted)],
            Lang::Zh,
        );
        assert!(differing(&c).contains(&"late_days"), "{:?}", differing(&c));
        assert_eq!(
            row(&c, "late_days").values[1],
            "含到期日当日，2025-07-01起算；舍入：逐段"
        );
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
        assert_eq!(c.rows.len(), 18);
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
        assert_eq!(
            row(&c, "late_days").values[0],
            "到期次日起至付款日；舍入：每期一次"
        );
        // Penalties at 0.05%/day on ¥50,000: Feb 10 days 250 + Mar ¥20,000 × 50 days 500 +
        // Apr 18 days 450 + May 112 days 2,800 + Jun 82 days 2,050 + Jul 50 days 1,250 +
        // Aug 20 days 500 = 7,800. At 0.1%/day on ¥45,000, with the same payments spread over
        // smaller months: 400 + 250 + 810 + 2,800 + 3,690 + 2,250 + 900 = 11,100.
        assert_eq!(
            row(&c, "late_penalties").values,
            ["¥7,800.00", "¥11,100.00"]
        );
        // The right stands on May's fee, unpaid since 10 June (from 11 July), as the card says;
        // it first arose on 11 May on March's arrears, paid on 30 May, which the row says too,
        // so that it agrees with the result's suspend_right_from.
        assert_eq!(
            row(&c, "suspend_from").values,
            ["2025-07-11（逾期超过30日；曾于2025-05-11产生，所依据的欠款已付清）"; 2]
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
                "Monthly, part cycles by days",
                "Monthly, part cycles by days",
                "Quarterly, part cycles by days"
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
        let s = parse_scenario(include_str!(
            "../../../tests/fixtures/termination-2025.json"
        ))
        .unwrap();
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
        // Terminated early, the contract does not renew, which the row says beside the terms.
        assert_eq!(
            row(&c, "with_renewal").values[0],
            format!(
                "{}（续期24个月；合同已提前终止，不再续期）",
                format_yuan(r.total_fees.with_renewal)
            )
        );
    }
}
