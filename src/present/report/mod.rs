//! The results as HTML: headline figures (in ¥ and in 大写), each with its breakdown — the cycle
//! table, the penalty formulas, the settlement lines — and a statement of the key terms for print.
//! Built as [`Markup`], so every piece of user text is escaped, the app sets it in one step on
//! each keystroke and the CLI can write the same statement to a file.
//!
//! One module a card: `contract_total` (with the cycle table), `late_penalty`, `subcontracting`,
//! `settlement`; `card` names them and which are open; `html` builds a card; `statement` is the
//! printed page.

mod card;
mod contract_total;
mod html;
mod late_penalty;
mod settlement;
mod statement;
mod subcontracting;

pub use card::{Card, Open};
pub use settlement::settlement_table_html;
pub use statement::{statement_page, terms_html};

use crate::engine::compute::ComputeResult;
use crate::engine::money::format_yuan;
use crate::engine::scenario::{Cycle, Scenario};
use crate::present::markup::Markup;
use crate::text::{self, report, Lang};
use chrono::{Datelike, NaiveDate};
use html::Html;
use rust_decimal::Decimal;

/// `2025-07-01 – 07-20`: the year once when both ends share it.
pub fn period(start: NaiveDate, end: NaiveDate) -> String {
    if start.year() == end.year() {
        format!("{start} – {:02}-{:02}", end.month(), end.day())
    } else {
        format!("{start} – {end}")
    }
}

/// A cycle as a table shows it: a whole month `2025-03`, a whole quarter `2025年第2季度` /
/// `2025 Q2`, otherwise its dates (a partial cycle, a contract year).
pub fn cycle_label(c: &crate::engine::compute::CycleRow, cycle: Cycle, lang: Lang) -> String {
    match (cycle, c.partial_of) {
        (Cycle::Monthly, None) => format!("{}-{:02}", c.start.year(), c.start.month()),
        (Cycle::Quarterly, None) => report::quarter(c.start.year(), c.start.month0() / 3 + 1, lang),
        _ => period(c.start, c.end),
    }
}

/// The figures of `s` that do not depend on the day they are computed (the title without its
/// "as of" date, and the contract total), closed: what the static page can carry for the starter
/// scenario, written at build time (`contract-calc shell-figures`, README "First figures").
pub fn dateless_figures_html(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    let mut h = Html::new(lang, 1024, 0);
    h.out
        .el("h2", &[("class", "results-title")], h.t(report::FIGURES));
    contract_total::contract_total_card(&mut h, s, r, false);
    h.out.into_string()
}

/// The results panel for `s` and its figures `r`.
pub fn results_html(s: &Scenario, r: &ComputeResult, lang: Lang, open: Open) -> String {
    results(s, r, lang, open, crate::present::claim::SHOWN_AT_MOST).into_string()
}

/// The results, drawing at most `lines_at_most` lines of the 计算明细 (the page), or all of them
/// (a statement written to a file).
fn results(
    s: &Scenario,
    r: &ComputeResult,
    lang: Lang,
    open: Open,
    lines_at_most: usize,
) -> Markup {
    let mut h = Html::new(lang, 4096, lines_at_most);
    let title = h.t(report::FIGURES);
    h.out.el_with("h2", &[("class", "results-title")], |m| {
        m.push_text(title)
            .el("span", &[("class", "as-of")], &report::as_of(s.as_of, lang));
    });
    // Before any figure, so that "nothing late" below is read with it.
    renewal_note(&mut h, s);

    contract_total::contract_total_card(&mut h, s, r, open.is_open(Card::ContractTotal));

    late_penalty::late_penalty_card(&mut h, s, r, open.is_open(Card::LatePenalty));

    warnings_list(&mut h, r);

    subcontracting::subcontracting_card(&mut h, s, r, open.is_open(Card::Subcontracting));
    if let Some(t) = &r.termination {
        settlement::termination_card(&mut h, s, r, t, open.is_open(Card::Settlement));
        settlement::termination_notes(&mut h, s, r, t);
    } else {
        settlement::charges_apart_note(&mut h, s);
    }

    let paid = h.t(report::PAID_TO_DATE);
    h.out
        .open("div", &[("class", "paid-line")])
        .el("span", &[], paid)
        .el("strong", &[("data-testid", "paid")], &format_yuan(r.paid));
    if r.unapplied_payments > Decimal::ZERO {
        h.out.el(
            "span",
            &[("class", "warn")],
            &report::unapplied(r.unapplied_payments, r.termination.is_some(), lang),
        );
    }
    h.out.close("div");
    h.out
}

/// Evaluated after the term renewed itself, the figures are the original term's only (spec §1–§4
/// bill [start, end]): said, so that "nothing late" or a payment "not applied" is not read as
/// the renewal's fees being paid.
fn renewal_note(h: &mut Html, s: &Scenario) {
    let end = s.contract.end;
    let ended_early = s.termination.as_ref().is_some_and(|t| t.date <= end);
    if s.contract.renewal_months == 0 || s.as_of <= end || ended_early {
        return;
    }
    h.out.el(
        "p",
        &[("class", "warn"), ("data-testid", "renewal-note")],
        &report::in_renewal(end, h.lang),
    );
}

/// §10 what the figures assumed beyond the built-in data, beside them. An LPR beyond the table
/// that no figure owed used (no LPR rate, no overdue settlement) is said to touch only §11's
/// reference, so that a fixed-rate contract's reader does not doubt the penalty.
fn warnings_list(h: &mut Html, r: &ComputeResult) {
    if r.warnings.is_empty() {
        return;
    }
    h.out
        .open("ul", &[("class", "warnings"), ("data-testid", "warnings")]);
    use crate::engine::warnings::Warning;
    let mut rest = r.warnings.as_slice();
    while let Some((w, after)) = rest.split_first() {
        rest = after;
        let (code, words) = match w {
            // Consecutive provisional years, in one line (a ten-year term would list ten).
            Warning::CalendarProvisional { year } => {
                let mut last = *year;
                while let Some((Warning::CalendarProvisional { year: next }, after)) =
                    rest.split_first()
                {
                    if *next != last + 1 {
                        break;
                    }
                    last = *next;
                    rest = after;
                }
                let words = text::results::provisional_years(*year, last, h.lang);
                ("calendar_provisional", words)
            }
            Warning::LprBeyondTable { .. } => {
                let mut words = text::results::warning(w, h.lang);
                if !lpr_in_a_figure_owed(r) {
                    words.push_str(text::results::LPR_FOR_REFERENCE_ONLY.get(h.lang));
                }
                ("lpr_beyond_table", words)
            }
        };
        h.out.el("li", &[("data-code", code)], &words);
    }
    h.out.close("ul");
}

/// Whether a figure owed took an LPR past the built-in data: the penalty itself
/// ([`LatePaymentSummary::assumed`]), or the interest on an overdue settlement (§13).
///
/// [`LatePaymentSummary::assumed`]: crate::engine::compute::LatePaymentSummary::assumed
fn lpr_in_a_figure_owed(r: &ComputeResult) -> bool {
    r.late_payment.assumed_lpr() || r.termination.as_ref().is_some_and(|t| t.overdue_days > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read::parse_scenario;
    use crate::engine::compute::compute;

    /// `s` ended for subcontracting on its termination day, if it has one, the subcontracting
    /// having occurred on 2025-07-01, at 20% of the contract total, with or without the refund
    /// of fees paid.
    fn subcontracted(s: &mut Scenario, refund_paid: bool) {
        if let Some(t) = s.termination.as_mut() {
            t.reason = crate::engine::scenario::TerminationReason::Subcontracting;
        }
        if let Some(b) = s.supplier_breaches.as_mut() {
            b.subcontracting = Some(crate::engine::scenario::Subcontracting {
                penalty_fraction: crate::test_support::d("0.20"),
                refund_paid,
                occurred_on: Some(crate::test_support::date("2025-07-01")),
                extra: Default::default(),
            });
        }
    }

    pub(super) fn figures(name: &str) -> (Scenario, ComputeResult) {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let s = parse_scenario(&text).unwrap();
        let r = compute(&s).unwrap();
        (s, r)
    }

    #[test]
    fn an_lpr_beyond_the_table_that_no_figure_owed_used_is_said_to_touch_the_reference_only() {
        // The 2027 contract at 日万分之五: the LPR after the table's last day is used only for the
        // Art. 585 reference's loss, not for the penalty.
        let (mut s, r) = figures("contract-into-2027");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("中补充（只涉及第585条参考中的损失估算，不影响违约金）</li>"),
            "{html}"
        );
        // At 1.5 × the LPR, the penalty itself uses it: no such words.
        s.late_payment.as_mut().unwrap().rate = crate::engine::scenario::Rate::Lpr {
            lpr_multiple: crate::test_support::d("1.5"),
            basis_days: 365,
            lpr_fixing: crate::engine::scenario::LprFixing::Floating,
            lpr_term: Default::default(),
            extra: Default::default(),
        };
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("data-code=\"lpr_beyond_table\""), "{html}");
        assert!(!html.contains("只涉及第585条参考"), "{html}");
    }

    #[test]
    fn the_penalty_card_names_the_cap_s_base_and_every_rate_change() {
        // The 2027 contract: 0.05% a day, "累计不超过合同总金额的10%" (§9 cap_base contract_total).
        let (mut s, r) = figures("contract-into-2027");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("0.05%/日；违约金累计不超过合同总金额的 10%"),
            "{html}"
        );
        assert!(!html.contains("每期违约金以该期费用"), "{html}");
        let html = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(
            html.contains("in all at most 10% of the contract total"),
            "{html}"
        );
        // Capped at the overdue amounts, and from 1 July 2026 0.03% a day instead.
        let lp = s.late_payment.as_mut().unwrap();
        lp.cap_base = crate::engine::scenario::CapBase::Overdue;
        lp.rate_changes.push(crate::engine::scenario::RateChange {
            from: crate::test_support::date("2026-07-01"),
            rate: crate::engine::scenario::Rate::Fraction {
                fraction: crate::test_support::d("0.0003"),
                per_days: 1,
                extra: Default::default(),
            },
            extra: Default::default(),
        });
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("0.05%/日；2026年7月1日起按0.03%/日；违约金累计不超过逾期付款总额的 10%"),
            "{html}"
        );
    }

    #[test]
    fn a_hostile_name_or_loss_label_is_text() {
        let (mut s, _) = figures("termination-2025");
        s.name = "<img src=x onerror=alert(1)>".into();
        if let Some(b) = s.supplier_breaches.as_mut() {
            b.losses[0].label = "<script>alert(2)</script>".into();
        }
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(html
            .contains("less &lt;script&gt;alert(2)&lt;/script&gt; (borne by the supplier)</td>"));
        let r = compute(&s).unwrap();
        let html = format!(
            "{}{}",
            results_html(&s, &r, Lang::Zh, Open::ALL),
            terms_html(&s, Lang::Zh)
        );
        assert!(
            !html.contains("<img") && !html.contains("<script"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn the_headlines_show_yuan_and_capitals() {
        // The termination example: the client pays ¥93,573.22 (玖万叁仟伍佰柒拾叁元贰角贰分) by 2025-08-19.
        let (s, r) = figures("termination-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::default());
        assert!(html.contains(r#"<strong class="figure-amount" data-testid="contract-total">¥480,000.00</strong><span class="figure-words">肆拾捌万元整</span>"#));
        assert!(html.contains("¥93,573.22") && html.contains("玖万叁仟伍佰柒拾叁元贰角贰分"));
        assert!(html.contains("甲方（客户）应向乙方支付 ¥93,573.22（违约金计至计算截至日；结算期限2025年8月19日已过）"));
        // Closed cards carry no breakdown.
        assert!(!html.contains("cycle-table") && !html.contains("settlement-table"));
    }

    #[test]
    fn an_open_card_carries_its_breakdown() {
        let (s, r) = figures("monthly-operation-2025");
        let html = results_html(
            &s,
            &r,
            Lang::En,
            Open::only(&[Card::ContractTotal, Card::LatePenalty]),
        );
        assert_eq!(html.matches("<tr class=").count(), 12, "one row per month");
        assert!(
            html.contains("<td>2025-03</td>"),
            "a whole month is written as its month"
        );
        assert!(html.contains(
            "¥20,000.00 × 0.05% × 50 days (2025-04-11 to 2025-05-30, paid 2025-05-30) = ¥500.00"
        ));
        // A line of its own: a sentence, its first letter a capital. The right stands on the
        // arrears late now (from 11 September), not on March's, paid on 30 May; 11 May is the
        // day the right first arose (§4's date), not the day those arrears began.
        assert!(html.contains(">The supplier may suspend service from 11 Sep 2025 (the right first arose on 11 May 2025; the arrears it rested on are since paid); "), "{html}");
        // Whether the penalty may be reduced, before the card is opened (§11 in a line).
        assert!(html.contains("; the penalty is 6.03 times the loss at the LPR, above 1.3 times: a court may reduce it on request (Art. 585)</span></summary>"));
        // At a fixed rate the curve's penalties assume no LPR: the year ahead passing the LPR
        // data touches only the Art. 585 reference, which the curve does not draw.
        assert!(!html.contains("The curve above also assumes"), "{html}");
    }

    #[test]
    fn only_a_fee_unpaid_past_its_due_date_is_marked() {
        // Evaluated on 2025-09-30: July's and August's fees are unpaid and late; September's,
        // due on 10 October, is unpaid but not yet due, and is not marked as in arrears.
        let (s, r) = figures("monthly-operation-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("<tr class=\"late open\"><td>2025-07</td>"),
            "{html}"
        );
        assert!(html.contains("<tr class=\"\"><td>2025-09</td>"), "{html}");
    }

    #[test]
    fn a_due_date_moved_off_a_rest_day_says_from_which_day() {
        // April's fee is due on 10 May 2025, a Saturday, so it falls due on Monday 12 May
        // (Art. 203); July's on 10 August, a Sunday, moves to the 11th. June's on 10 July, a
        // Thursday, stays.
        let (s, r) = figures("monthly-operation-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("<td>2025-05-12<span class=\"tag\">由05-10顺延</span></td>"),
            "{html}"
        );
        assert!(html.contains("<td>2025-08-11<span class=\"tag\">由08-10顺延</span></td>"));
        assert!(html.contains("<td>2025-07-10</td>"));
    }

    #[test]
    fn a_partial_month_shows_its_dates() {
        // Terminated on 2025-07-20: July is billed 1–20 and labelled with its dates.
        let (s, r) = figures("termination-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains(
                "<td><span class=\"nobr\">2025-07-01</span> <span class=\"nobr\">– 07-20</span><span class=\"tag\">折算</span></td>"
            ),
            "{html}"
        );
        assert!(html.contains("<td>2025-06</td>"));
    }

    #[test]
    fn the_year_ahead_says_what_it_assumes_that_today_s_figures_do_not() {
        // The court's ¥320,000 left unpaid at the floating LPR, evaluated on 2025-12-01: today's
        // figures need no LPR past the data (to 2026-04-19), but the curve a year ahead does.
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/floating-lpr-court.json"
        ))
        .unwrap()
        .replace(r#""as_of":"2025-01-14""#, r#""as_of":"2025-12-01""#);
        let s = crate::document::read::parse_scenario(&text).unwrap();
        assert_eq!(s.as_of, crate::test_support::date("2025-12-01"));
        let r = compute(&s).unwrap();
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("上图另有假设：2026年4月19日之后的 LPR 按此前最近一次报价计"),
            "{html}"
        );
        // At the LPR, the penalty itself takes that assumption: no "reference only".
        assert!(!html.contains("上图另有假设：2026年4月19日之后的 LPR 按此前最近一次报价计；如已公布新的报价，请在“LPR 报价”中补充（只涉及"), "{html}");
        // At a fixed 0.05% a day the LPR past the table touches only the Art. 585 loss, which
        // the curve does not draw: its note assumes nothing (the page's own list says it).
        let mut fixed = s.clone();
        if let Some(l) = fixed.late_payment.as_mut() {
            l.rate = crate::engine::scenario::Rate::Fraction {
                fraction: crate::test_support::d("0.0005"),
                per_days: 1,
                extra: Default::default(),
            };
            l.rate_changes.clear();
        }
        let r = compute(&fixed).unwrap();
        let html = results_html(&fixed, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("上图另有假设"), "{html}");
    }

    #[test]
    fn after_a_termination_for_subcontracting_no_penalty_ahead_is_shown() {
        // Terminated for subcontracting, the late penalties are not owed (§6): neither is a
        // year-ahead curve of them, and the what-if row says not owed.
        let (mut s, r) = figures("termination-2025");
        assert!(results_html(&s, &r, Lang::Zh, Open::ALL).contains("data-testid=\"exposure\""));
        subcontracted(&mut s, true);
        let r = compute(&s).unwrap();
        assert!(
            r.termination.as_ref().is_some_and(|t| t.fees_forfeited),
            "{r:?}"
        );
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("exposure"), "{html}");
        // Nor is a penalty not owed weighed for reduction, or its payments' order explained; and
        // the liability and the settlement, of equal amounts, are said to be one debt.
        assert!(!html.contains("data-testid=\"reasonableness\""), "{html}");
        assert!(!late_card_note(&html).contains("酌减"), "{html}");
        assert!(!html.contains("data-testid=\"allocation\""), "{html}");
        assert!(
            html.contains("此项（违约金及退还已付费用）已计入终止结算，不另行支付"),
            "{html}"
        );
        let c = crate::present::compare::compare(&[("甲".into(), s)], Lang::Zh);
        // The terms table too, the part people copy.
        let sub = c.rows.iter().find(|r| r.key == "subcontracting").unwrap();
        assert!(
            sub.values[0].ends_with("，已计入终止结算）"),
            "{:?}",
            sub.values
        );
        let row = c.rows.iter().find(|r| r.key == "what_if_late").unwrap();
        assert!(
            row.values[0].ends_with("（因擅自转包解除，结算中不予支付）"),
            "{:?}",
            row.values
        );
    }

    #[test]
    fn a_contract_ended_early_shows_no_total_with_its_renewal() {
        // The 2025 contract renews for 12 months (¥1,200,000.00 with it); terminated on
        // 2025-07-31 it does not renew, and the card does not offer that total.
        let (mut s, r) = figures("monthly-operation-2025");
        assert!(results_html(&s, &r, Lang::Zh, Open::AT_START)
            .contains("含自动续期 12 个月：¥1,200,000.00"));
        s.termination = Some(crate::engine::scenario::Termination {
            date: crate::test_support::date("2025-07-31"),
            reason: crate::engine::scenario::TerminationReason::Mutual,
            breach_penalty_fraction: None,
            settlement_days: 30,
            extra: Default::default(),
        });
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::AT_START);
        assert!(!html.contains("含自动续期"), "{html}");
    }

    #[test]
    fn subcontracting_while_the_contract_runs_says_the_refund_presupposes_its_termination() {
        // Subcontracting on 2025-07-01, the contract not terminated: the refund of every fee
        // paid is restitution after termination (民法典第566条), and the 20% penalty may be
        // reduced (第585条第2款); both are said on the card.
        let (mut s, _) = figures("termination-2025");
        s.termination = None;
        subcontracted(&mut s, true);
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("合同未解除：退还已付费用以合同解除为前提（《民法典》第566条）；违约金过分高于造成的损失的，乙方可请求适当减少（《民法典》第585条第2款）"), "{html}");
    }

    #[test]
    fn breaches_entered_without_a_termination_are_listed_apart_not_dropped() {
        // The 2025 contract's breaches, the contract not terminated: 3 incidents at ¥2,000.00,
        // 10% of ¥15,000.00 of substandard service, a customer claim of ¥8,000.00 and costs of
        // ¥2,350.00 are the supplier's (¥17,850.00), a ¥10,000.00 confidentiality penalty the
        // client's. §6 sets them off only in a settlement, so none is
        // in the figures, and the statement says so with each amount.
        let (mut s, _) = figures("termination-2025");
        s.termination = None;
        s.client_breaches = Some(crate::engine::scenario::ClientBreaches {
            confidentiality_penalty: Some(crate::test_support::d("10000.00")),
            extra: Default::default(),
        });
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("合同未解除：以下违约责任未计入本页数字（本计算器只在提前终止结算中扣抵）：乙方承担 ¥17,850.00（服务事故扣款 ¥6,000.00（3 次 × ¥2,000.00）、不合格服务扣款 ¥1,500.00（¥15,000.00 × 10%）、客户索赔 ¥8,000.00、诉讼费用 ¥2,350.00）；甲方承担 ¥10,000.00（泄密违约金 ¥10,000.00）。可另行主张，或在双方互负到期债务时通知对方抵销（《民法典》第568条）。其中约定的违约金过分高于造成的损失的，承担方可请求适当减少（《民法典》第585条第2款）。"),
            "{html}"
        );
        // Terminated, they are in the settlement instead, and not said twice.
        let (s, r) = figures("termination-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("charges-apart"), "{html}");
    }

    #[test]
    fn a_termination_for_subcontracting_without_an_agreed_refund_says_whose_rule_refunds_the_fees()
    {
        // The 2025 termination ended for subcontracting (20% of ¥480,000.00 = ¥96,000.00), the
        // contract agreeing no refund of fees paid: the card's liability is the penalty alone,
        // and the settlement, which still counts no fees earned (§6), is said to refund them by
        // the calculator's rule, the contract prevailing for services rendered.
        let (mut s, _) = figures("termination-2025");
        subcontracted(&mut s, false);
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("违约金及退还已付费用"), "{html}");
        assert!(
            html.contains("合同未约定退还已付费用，但终止结算按本计算器的规则不计已发生的费用，已付费用因此计回甲方；已提供服务的费用，合同另有约定或法院认定应付的，以其为准（《民法典》第566、567条）"),
            "{html}"
        );
        let c = crate::present::compare::compare(&[("甲".into(), s)], Lang::Zh);
        let sub = c.rows.iter().find(|r| r.key == "subcontracting").unwrap();
        assert_eq!(
            sub.values,
            ["¥96,000.00（违约金，2025-07-01 发生，已计入终止结算）"]
        );
    }

    /// The late-payment card's line beside its figure.
    fn late_card_note(html: &str) -> &str {
        let card = &html[html.find("data-card=\"late-penalty\"").unwrap_or(0)..];
        let note = card.find("figure-note\">").map_or("", |i| &card[i..]);
        note.split("</span>").next().unwrap_or("")
    }

    #[test]
    fn a_right_is_told_only_while_the_contract_lasts() {
        // Terminated on 2025-07-20; the right to terminate for late payment arose on 07-17 and
        // lasted until the contract ended, not on to the evaluation date.
        let (mut s, r) = figures("termination-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("乙方自2025年7月17日起有权解除合同，至合同于2025年7月20日终止"),
            "{html}"
        );
        // Ended on 07-10 instead, before that right arose: it is not announced at all (民法典
        // 第557条: nothing is left to terminate).
        if let Some(t) = s.termination.as_mut() {
            t.date = crate::test_support::date("2025-07-10");
        }
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        let note = late_card_note(&html);
        assert!(!note.contains("解除合同"), "{note}");
        // Not terminated, the contract runs out on 2025-12-31 (no renewal); evaluated in 2026,
        // the rights are told up to that day, not in the present tense.
        s.termination = None;
        s.as_of = crate::test_support::date("2026-03-31");
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        let note = late_card_note(&html);
        assert!(note.contains("至合同于2025年12月31日终止"), "{note}");
    }

    #[test]
    fn a_right_to_terminate_standing_a_year_carries_the_one_year_lapse_caveat() {
        // Monthly ¥50,000 from January to July 2025, renewing for 24 months; paid up to June,
        // July's fee (due 2025-08-11) never paid, terminate when more than 60 days late: the
        // right stands from 2025-10-11. Evaluated on 2026-11-30, in the renewal, it has stood a
        // year (2026-10-11) with no fresh ground since: 民法典第564条第2款 may have ended it.
        let (mut s, _) = figures("monthly-operation-2025");
        s.contract.end = crate::test_support::date("2025-07-31");
        s.contract.renewal_months = 24;
        s.as_of = crate::test_support::date("2026-11-30");
        let r = compute(&s).unwrap();
        let note = late_card_note(&results_html(&s, &r, Lang::Zh, Open::ALL)).to_string();
        assert!(note.contains("2025年10月11日起乙方有权解除合同"), "{note}");
        assert!(
            note.contains("该解除权至2026年10月11日已满一年，合同未约定行使期限的，可能已因一年内未行使而消灭（《民法典》第564条第2款"),
            "{note}"
        );
        // Renewed for 12 months only, the contract ran out on 2026-07-31, before the year was
        // out: no caveat, judged on that day.
        let mut ended = s.clone();
        ended.contract.renewal_months = 12;
        let r = compute(&ended).unwrap();
        let note = late_card_note(&results_html(&ended, &r, Lang::Zh, Open::ALL)).to_string();
        assert!(note.contains("至合同于2026年7月31日终止"), "{note}");
        assert!(!note.contains("第564条"), "{note}");
        // On the anniversary itself the right can still be used (the year runs from the day
        // after, Art. 201): no caveat.
        s.as_of = crate::test_support::date("2026-10-11");
        let r = compute(&s).unwrap();
        let note = late_card_note(&results_html(&s, &r, Lang::Zh, Open::ALL)).to_string();
        assert!(note.contains("有权解除合同"), "{note}");
        assert!(!note.contains("第564条"), "{note}");
        // Each fee that passes the days is a ground of its own: with the term to December and
        // August–December unpaid too, December's fee (due 2026-01-12) passed 60 days on
        // 2026-03-14, so on 2026-11-30 no year has gone by since the last ground.
        let mut fresh = s.clone();
        fresh.contract.end = crate::test_support::date("2025-12-31");
        fresh.as_of = crate::test_support::date("2026-11-30");
        let r = compute(&fresh).unwrap();
        let note = late_card_note(&results_html(&fresh, &r, Lang::Zh, Open::ALL)).to_string();
        assert!(note.contains("有权解除合同"), "{note}");
        assert!(!note.contains("第564条"), "{note}");
        // Terminated by the supplier on 2026-10-20 for July's arrears: the settlement says it.
        s.as_of = crate::test_support::date("2026-11-30");
        s.termination = Some(crate::engine::scenario::Termination {
            date: crate::test_support::date("2026-10-20"),
            reason: crate::engine::scenario::TerminationReason::ClientBreach,
            breach_penalty_fraction: None,
            settlement_days: 30,
            extra: Default::default(),
        });
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(
            html.contains("That right had stood a year by 11 Oct 2026: with no agreed period for exercising it, it may have lapsed unexercised (Civil Code Art. 564"),
            "{html}"
        );
    }

    #[test]
    fn figures_evaluated_in_the_renewal_say_they_are_the_original_term_s() {
        // The 2025 contract renews for 12 months; evaluated on 2026-03-31, its figures bill
        // 2025 only (spec §1–§4): said, so that a 2026 payment "not applied" or no arrears are
        // not read as the renewal's fees paid.
        let (mut s, _) = figures("monthly-operation-2025");
        s.as_of = crate::test_support::date("2026-03-31");
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::AT_START);
        // Above every figure, so that what they say is read with it.
        assert!(
            html.find("renewal-note") < html.find("contract-total-card"),
            "{html}"
        );
        assert!(
            html.contains("合同于2025年12月31日期满后已自动续期：本页只计原合同期限（至2025年12月31日）各期的费用、付款与违约金"),
            "{html}"
        );
        // Within the term, or ended before its last day: nothing to say.
        s.as_of = crate::test_support::date("2025-09-30");
        let r = compute(&s).unwrap();
        assert!(!results_html(&s, &r, Lang::Zh, Open::AT_START).contains("renewal-note"));
    }

    #[test]
    fn the_settlement_s_agreed_penalties_carry_the_power_to_reduce_them() {
        // The 2025 termination deducts ¥7,500.00 of the supplier's incident and quality
        // penalties: the §11 check measures only the late penalty, so the settlement says that
        // these, too, may be reduced if excessively above the loss (Art. 585 ¶2). A loss
        // claimed is no penalty and is not counted in.
        let (s, r) = figures("termination-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("除逾期付款违约金外，乙方承担的约定违约金合计 ¥7,500.00；过分高于造成的损失的，乙方可请求人民法院或仲裁机构予以适当减少（《民法典》第585条第2款）。"),
            "{html}"
        );
        assert!(!html.contains("甲方承担的约定违约金"), "{html}");
        // Terminated in 2020: the Contract Law of the time.
        let (mut s, _) = figures("termination-2025");
        s.termination.as_mut().unwrap().date = crate::test_support::date("2020-07-20");
        s.contract.start = crate::test_support::date("2020-01-01");
        s.contract.end = crate::test_support::date("2020-12-31");
        s.as_of = crate::test_support::date("2020-09-30");
        s.payment.payments.clear();
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(html.contains("(Contract Law Art. 114 ¶2)"), "{html}");
    }

    #[test]
    fn the_settlement_s_interest_names_the_penalties_in_its_base() {
        // The 2025 termination: the client owes ¥93,573.22, 12 days overdue, ¥92.29 of interest
        // on the whole net (§13), whose base holds the ¥5,616.77 of late penalties: said, as
        // courts seldom allow interest on a penalty.
        let (s, r) = figures("termination-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("逾期利息 ¥92.29（《民法典》第584条）；计息基数中含违约金 ¥5,616.77，对违约金计收利息，法院通常不予支持；基数中的未付费用同期已按约定计违约金，再计利息可能被认定为重复"),
            "{html}"
        );
    }

    #[test]
    fn a_subcontracting_liability_outside_the_settlement_says_so() {
        // The ten-year sample: subcontracting occurred on 2025-11-30, but the contract ended for
        // the supplier's breach, whose settlement keeps the fees as earned: the ¥7,176,000.00
        // liability is not in it, and the card says so rather than sit beside it unexplained.
        let s = crate::document::samples::ten_year_monthly();
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::AT_START);
        assert!(
            html.contains("未计入终止结算（合同以“乙方违约”解除）；其中退还已付费用，与结算中计为已发生的费用不能同时主张；违约金过分高于造成的损失的，乙方可请求适当减少（《民法典》第585条第2款）"),
            "{html}"
        );
    }

    #[test]
    fn a_termination_after_the_arrears_were_paid_needs_another_ground() {
        // Terminated for the client's breach on 2025-07-20. May's fee (due 06-16) was more than
        // 30 days late from 07-17, but May and June were paid on 07-18: by the termination the
        // right to terminate for late payment had lapsed, and the settlement says so.
        let (mut s, _) = figures("termination-2025");
        if let Some(t) = s.termination.as_mut() {
            t.reason = crate::engine::scenario::TerminationReason::ClientBreach;
        }
        s.payment
            .payments
            .push(crate::engine::scenario::PaymentMade {
                date: crate::test_support::date("2025-07-18"),
                amount: crate::test_support::d("80000.00"),
                for_period: None,
                extra: Default::default(),
            });
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("注意：逾期超过30日的解除权自2025年7月17日起产生，但相应欠款已在终止日2025年7月20日前付清；以甲方逾期付款为由解除，可能须另有依据"),
            "{html}"
        );
        // With a client's termination penalty of 20% of the contract total, it stands only if
        // the termination does: the net is also given without it.
        if let Some(t) = s.termination.as_mut() {
            t.breach_penalty_fraction = Some(crate::test_support::d("0.20"));
        }
        let r = compute(&s).unwrap();
        // 20% × the contract total ¥480,000.00 = ¥96,000.00; the client owes ¥106,053.22 with
        // it, ¥10,053.22 without.
        let t = r.termination.as_ref().unwrap();
        assert_eq!(t.net, crate::test_support::d("106053.22"));
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("；计入的甲方违约解除违约金 ¥96,000.00 以该解除成立为前提，不计此项，净额为 甲方 → 乙方 ¥10,053.22。"),
            "{html}"
        );
    }

    #[test]
    fn assumptions_and_the_reasonableness_check_stand_beside_the_figures() {
        // The 2027 contract: a provisional 2027 calendar and an LPR after the table, each said
        // in words; 日万分之五 is 6.08 times the LPR loss, above the 1.3 threshold.
        let (s, r) = figures("contract-into-2027");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains(r#"<li data-code="calendar_provisional">内置数据未收录2027年的放假安排"#)
        );
        assert!(html.contains(r#"<li data-code="lpr_beyond_table">2026年4月19日之后的 LPR"#));
        assert!(html.contains("资金占用损失（¥123.29）的 6.08 倍；高于损失的 1.3 倍（¥160.27）"));
        let en = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(en.contains("The penalty is 6.08 times the loss"));
        // The court case: 1.01 times the loss, not above.
        let (s, r) = figures("floating-lpr-court");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("的 1.01 倍；未超过损失的 1.3 倍（¥23,689.21）"));
        assert!(!html.contains("data-testid=\"warnings\""));
    }

    #[test]
    fn provisional_years_in_a_row_are_one_line() {
        // A term into 2029 and one more year, 2031, on the provisional calendar: two lines, not
        // four; the LPR's line stays its own.
        use crate::engine::warnings::Warning;
        let (s, mut r) = figures("contract-into-2027");
        let known_until = chrono::NaiveDate::from_ymd_opt(2026, 4, 19).unwrap();
        r.warnings = [2027, 2028, 2029, 2031]
            .map(|year| Warning::CalendarProvisional { year })
            .into_iter()
            .chain([Warning::LprBeyondTable { known_until }])
            .collect();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert_eq!(html.matches("<li data-code=").count(), 3, "{html}");
        assert!(html.contains(
            r#"<li data-code="calendar_provisional">内置数据未收录2027–2029年的放假安排"#
        ));
        assert!(
            html.contains(r#"<li data-code="calendar_provisional">内置数据未收录2031年的放假安排"#)
        );
        let en = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(en.contains("The built-in data holds no holiday arrangements for 2027–2029"));
    }

    #[test]
    fn a_cap_that_cut_the_total_is_written_after_the_cycles_formulas() {
        // The monthly-operation contract at 日千分之五 with "累计不超过合同总金额的1%" (¥600,000 →
        // ¥6,000): the cycles' formulas add up to more, and the line after them says so, so that
        // the formulas and the total owed agree.
        let (mut s, _) = figures("monthly-operation-2025");
        let lp = s.late_payment.as_mut().unwrap();
        lp.rate = crate::engine::scenario::Rate::Fraction {
            fraction: crate::test_support::d("0.005"),
            per_days: 1,
            extra: Default::default(),
        };
        lp.cap_fraction = Some(crate::test_support::d("0.01"));
        lp.cap_base = crate::engine::scenario::CapBase::ContractTotal;
        let r = compute(&s).unwrap();
        assert_eq!(
            r.late_payment.total_penalty,
            crate::test_support::d("6000.00")
        );
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("超过累计上限（合同总金额 ¥600,000.00 × 1% = ¥6,000.00），违约金按上限计 ¥6,000.00。"),
            "{html}"
        );
        let en = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(
            en.contains("above the overall cap (1% × contract total ¥600,000.00 = ¥6,000.00); ¥6,000.00 is owed."),
            "{en}"
        );
        // Capped at the overdue amounts instead: the line says what that base counts.
        s.late_payment.as_mut().unwrap().cap_base = crate::engine::scenario::CapBase::Overdue;
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains(
                "逾期付款总额为逾期支付或到期未付的各笔款项之和，不论其天数是否计违约金。"
            ),
            "{html}"
        );
        // The same cap on each cycle instead (1% of its fee): a cut cycle's formula is not
        // "= ¥500.00" after a product of ¥5,000.00, but the cap it was held at.
        s.late_payment.as_mut().unwrap().cap_base = crate::engine::scenario::CapBase::Cycle;
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("各期合计"), "{html}");
        assert!(
            html.contains(
                "× 0.5% × 50日 (2025-08-12至2025-09-30，未付)，超过本期上限（本期费用 ¥50,000.00 × 1%），按上限计 ¥500.00"
            ),
            "{html}"
        );
    }

    #[test]
    fn without_a_late_payment_clause_nothing_is_said_to_be_on_time() {
        // No clause: the card says so, and neither "目前没有逾期" (July is unpaid) nor how a
        // penalty would be computed, nor a curve that cannot rise.
        let (mut s, _) = figures("monthly-operation-2025");
        s.late_payment = None;
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        // July and August are unpaid past their day: ¥0.00 is not nothing to claim.
        assert!(html.contains("合同未约定逾期付款违约金，但甲方逾期付款的，乙方仍可请求赔偿逾期付款损失（《民法典》第577、584条）：实务中以一年期 LPR"), "{html}");
        assert!(!html.contains("目前没有逾期"), "{html}");
        assert!(!html.contains("每笔逾期款项"), "{html}");
        assert!(!html.contains("若此后不再付款"), "{html}");
        // Late only before 2021 (the same months of 2019, all paid by 2020): the Contract Law.
        let mut old = s.clone();
        old.contract.start = crate::test_support::date("2019-01-01");
        old.contract.end = crate::test_support::date("2019-12-31");
        old.as_of = crate::test_support::date("2025-09-30");
        old.payment.payments = vec![crate::engine::scenario::PaymentMade {
            date: crate::test_support::date("2020-06-30"),
            amount: crate::test_support::d("600000.00"),
            for_period: None,
            extra: Default::default(),
        }];
        let r = compute(&old).unwrap();
        let html = results_html(&old, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("乙方仍可请求赔偿逾期付款损失（《合同法》第107、113条）"),
            "{html}"
        );
        // Its measure then: the 2012 text, on the benchmark rate, not the 2020 text's LPR + 30–50%.
        assert!(html.contains("参照逾期罚息利率标准计算（《合同法》第174条；《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》（2012年）第24条第4款）"), "{html}");
        assert!(!html.contains("加计30%"), "{html}");
        // Nothing late: only that there is no clause.
        old.payment.payments[0].date = crate::test_support::date("2019-01-02");
        let r = compute(&old).unwrap();
        let html = results_html(&old, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("合同未约定逾期付款违约金。"), "{html}");
        assert!(!html.contains("逾期付款损失"), "{html}");
    }

    #[test]
    fn quarters_and_partial_cycles_are_labelled_in_the_reader_s_words() {
        // Quarterly billing from 2025-02-15 to 2025-12-31, a partial quarter billed in full.
        let (mut s, _) = figures("monthly-operation-2025");
        s.fees.cycle = Cycle::Quarterly;
        s.fees.partial_cycle = crate::engine::scenario::PartialCycle::Full;
        s.contract.start = crate::test_support::date("2025-02-15");
        s.payment.payments.clear();
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("<td>2025年第2季度</td>"), "{html}");
        assert!(
            html.contains(
                "<td><span class=\"nobr\">2025-02-15</span> <span class=\"nobr\">– 03-31</span><span class=\"tag\">按整期</span></td>"
            ),
            "{html}"
        );
        assert!(html.contains("其中 1 期不足整期按整期计"), "{html}");
        let en = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(en.contains("<td>2025 Q2</td>"), "{en}");
        assert!(en.contains("1 of them partial and billed in full"), "{en}");
    }

    #[test]
    fn a_termination_for_subcontracting_says_why_the_fees_are_not_owed() {
        // The 2025 termination, ended for subcontracting (§6): the fees earned and the late
        // penalties are ¥0.00 because they are forfeited, and the table says so; the net names
        // who pays whom, and each charge reads as one phrase.
        let (mut s, _) = figures("termination-2025");
        let t = s.termination.as_mut().unwrap();
        t.reason = crate::engine::scenario::TerminationReason::Subcontracting;
        let b = s.supplier_breaches.as_mut().unwrap();
        b.subcontracting = Some(crate::engine::scenario::Subcontracting {
            penalty_fraction: crate::test_support::d("0.20"),
            refund_paid: true,
            occurred_on: None,
            extra: Default::default(),
        });
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains(
                "<td>至终止日已发生费用（因擅自转包不予支付）</td><td class=\"num\">¥0.00</td>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<td>加：逾期付款违约金（因擅自转包不予支付）</td>"),
            "{html}"
        );
        assert!(
            html.contains("<td>减：乙方转包违约金（合同总金额 ¥480,000.00 × 20%）</td><td class=\"num\">− ¥96,000.00</td>"),
            "{html}"
        );
        assert!(
            html.contains("<td>净额（乙方 → 甲方）</td><td class=\"num\">¥273,850.00</td>"),
            "{html}"
        );
        let en = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(
            en.contains("<td>less the supplier&#39;s subcontracting penalty (contract total ¥480,000.00 × 20%)</td>"),
            "{en}"
        );
        assert!(en.contains("<td>Net (supplier → client)</td>"), "{en}");
        // The late-payment card's figure accrued, but is not owed: said beside it.
        assert!(html.contains("因擅自转包解除，结算中不予支付"), "{html}");
    }

    #[test]
    fn the_rule_says_which_days_are_counted() {
        // The default (Art. 201) and the two other conventions of §9, and a start of counting.
        let (mut s, r) = figures("monthly-operation-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains(
                "；逾期天数自到期日次日起算至付款日（民法典第201条），到期日当日付款不算逾期；"
            ),
            "{html}"
        );
        let lp = s.late_payment.as_mut().unwrap();
        lp.day_count = crate::engine::scenario::DayCount::IncludeDueDate;
        lp.accrues_from = Some(crate::test_support::date("2025-05-01"));
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains(
                "；按合同约定，计违约金的天数自到期日当日起算至付款日，2025年5月1日前的天数不计（各期列表中的“逾期天数”仍自到期日次日起算至付款日），"
            ),
            "{html}"
        );
        let en = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(en.contains("; as agreed, the penalty&#39;s days count from the due date itself to the day paid, none before 1 May 2025 (the days late listed per cycle still run from the day after the due date to the day paid), and paying"), "{en}");
    }

    #[test]
    fn the_penalty_says_how_payments_were_applied_and_what_was_paid_beyond_the_fees() {
        // The starter, with ¥500,000.00 more paid on 2025-09-01: the fees (¥600,000.00 for the
        // year) are all paid by then, ¥100,000.00 beyond them, while ¥5,125.00 of late penalty
        // accrued on the fees paid late before. Payments settle fees first (Art. 560), the
        // penalty not as "interest" before them (Art. 561); the excess is not set against it.
        // At ¥25 a day on each ¥50,000.00 fee: February 10 days (¥250), March's ¥20,000.00 rest
        // 50 days (¥500), April 18 (¥450), May 83 (¥2,075), June 53 (¥1,325), July 21 (¥525).
        let mut s = crate::document::samples::starter(crate::test_support::date("2025-09-30"));
        s.payment
            .payments
            .push(crate::engine::scenario::PaymentMade {
                date: crate::test_support::date("2025-09-01"),
                amount: rust_decimal::Decimal::from(500_000),
                for_period: None,
                extra: Default::default(),
            });
        let r = compute(&s).unwrap();
        assert_eq!(
            r.late_payment.total_penalty,
            rust_decimal::Decimal::new(512_500, 2)
        );
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("付款先抵充到期的费用（《民法典》第560、561条）；逾期付款违约金未作为“利息”先于费用抵充。"), "{html}");
        assert!(
            html.contains("超出全部费用的 ¥100,000.00 未用于支付违约金 ¥5,125.00"),
            "{html}"
        );
    }

    #[test]
    fn a_settlement_evaluated_before_its_day_says_its_penalties_run_on() {
        // The termination example evaluated on 2025-08-10, before the settlement's day
        // (2025-08-19), with fees still unpaid and late: the net holds late penalties counted to
        // 08-10 only, and more accrue each day until it is paid, which is said beside the amount.
        let (mut s, _) = figures("termination-2025");
        s.as_of = crate::test_support::date("2025-08-10");
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("应于2025年8月19日前向乙方支付 ¥")
                && html.contains("（其中违约金计至2025年8月10日，其后至实际付款日继续计算）"),
            "{html}"
        );
        // When the supplier pays (a loss of ¥300,000.00 it bears), the late penalties in the net
        // are the client's, a credit to the supplier: nothing runs on against the supplier.
        let mut supplier_pays = s.clone();
        if let Some(t) = supplier_pays.termination.as_mut() {
            t.reason = crate::engine::scenario::TerminationReason::SupplierBreach;
        }
        if let Some(b) = supplier_pays.supplier_breaches.as_mut() {
            b.losses[0].amount = rust_decimal::Decimal::from(300_000);
        }
        let r = compute(&supplier_pays).unwrap();
        assert_eq!(
            r.termination.as_ref().map(|t| t.payer),
            Some(crate::engine::termination::Payer::Supplier)
        );
        let html = results_html(&supplier_pays, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("其后至实际付款日继续计算"), "{html}");
        // Evaluated on the day after the settlement's day, it is overdue, and said so instead.
        s.as_of = crate::test_support::date("2025-08-20");
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("其后至实际付款日继续计算"), "{html}");
    }

    #[test]
    fn interest_on_a_settlement_paid_after_its_day_is_said_not_to_follow_the_payment() {
        // The termination example: the client owes the settlement by 2025-08-19 and has not paid
        // it on 2025-09-30. ¥50,000.00 paid on 2025-08-25 leaves the client owing: §13 counts
        // interest on the net of 09-30 from 08-20, which the note says is not split at the
        // payment.
        let (s, _) = figures("termination-2025");
        let paid = |amount: i64| {
            let mut s = s.clone();
            s.payment
                .payments
                .push(crate::engine::scenario::PaymentMade {
                    date: crate::test_support::date("2025-08-25"),
                    amount: rust_decimal::Decimal::from(amount),
                    for_period: None,
                    extra: Default::default(),
                });
            let r = compute(&s).unwrap();
            results_html(&s, &r, Lang::Zh, Open::ALL)
        };
        let html = paid(50_000);
        assert!(html.contains("期限后另有付款 ¥50,000.00：上述利息按计算截至日的净额自期限次日起计，未按付款日分段"), "{html}");
        // ¥100,000.00 turns the supplier into the payer: it was not late on 08-20, when the
        // client owed, so the interest §13 counts against it does not stand, and is said so.
        let html = paid(100_000);
        assert!(
            html.contains("结算期限届满时应付款的是 甲方 → 乙方 ¥"),
            "{html}"
        );
        assert!(
            html.contains("以现付款方自期限次日起逾期为前提，并不成立"),
            "{html}"
        );
        assert!(!html.contains("已逾期"), "{html}");
    }

    #[test]
    fn whole_periods_split_by_a_rate_change_are_said_to_count_more_than_passed() {
        // ¥100,000.00 due 2025-02-10, unpaid on 03-06: 24 days late at 1% per 10 days, a started
        // period counted in full, and 1.2% per 10 days from 02-22. §9 rounds each segment up:
        // 11 days → 2 periods × 1% = ¥2,000.00, 13 days → 2 × 1.2% = ¥2,400.00, ¥4,400.00 in
        // all, for three periods begun: said beside it.
        let s = parse_scenario(r#"{"format":"contract-calc/scenario","version":1,"name":"按10日计","as_of":"2025-03-06",
            "contract":{"start":"2025-01-01","end":"2025-01-31"},
            "fees":{"cycle":"monthly","components":[{"label":"服务费","amount":"100000.00"}]},
            "payment":{"due":{"rule":"days_after_cycle_end","days":10,"day_type":"calendar"},"calendar":"none","payments":[]},
            "late_payment":{"rate":{"fraction":"0.01","per_days":10},"partial_period":"full",
             "rate_changes":[{"from":"2025-02-22","rate":{"fraction":"0.012","per_days":10}}]}}"#).unwrap();
        let r = compute(&s).unwrap();
        assert_eq!(
            r.late_payment.total_penalty,
            rust_decimal::Decimal::new(440_000, 2)
        );
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("data-testid=\"whole-periods-split\""),
            "{html}"
        );
        // Pro rata, nothing is rounded up: nothing to say.
        let mut pro_rata = s.clone();
        if let Some(l) = pro_rata.late_payment.as_mut() {
            l.partial_period = crate::engine::scenario::PartialPeriod::ProRata;
        }
        let r = compute(&pro_rata).unwrap();
        let html = results_html(&pro_rata, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("whole-periods-split"), "{html}");
    }

    #[test]
    fn a_penalty_with_days_before_any_benchmark_says_why_it_has_no_reference() {
        // 2015's fees unpaid on 2016-03-01 at 万分之五 a day: the first days late are before
        // 2015-10-24, for which no rate measures the loss (§11 gives no reference). Said, not
        // left out.
        let s = parse_scenario(
            r#"{"format":"contract-calc/scenario","version":1,"name":"2015","as_of":"2016-03-01",
            "contract":{"start":"2015-01-01","end":"2015-12-31"},
            "fees":{"cycle":"monthly","components":[{"label":"服务费","amount":"50000.00"}]},
            "payment":{"due":{"rule":"day_of_next_month","day":10},"calendar":"cn","payments":[]},
            "late_payment":{"rate":{"fraction":"0.0005","per_days":1}}}"#,
        )
        .unwrap();
        let r = compute(&s).unwrap();
        assert!(r.late_payment.total_penalty > rust_decimal::Decimal::ZERO);
        assert!(r.late_payment.reasonableness.is_none());
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("部分逾期日早于2015年10月24日，本计算器没有可用以估算损失的基准利率"),
            "{html}"
        );
    }

    #[test]
    fn the_payments_table_says_what_each_payment_settled() {
        // ¥10,000.00 a month. ¥15,000.00 on 04-15 designated for February pays February's
        // ¥10,000.00 (Art. 560 ¶1), its ¥5,000.00 rest the earliest fee due, January's. ¥10,000.00
        // on 04-20, designated for February again, finds it paid: it goes earliest first, to
        // January's ¥5,000.00 rest and ¥5,000.00 of March (Art. 560 ¶2). A payment after the
        // evaluation date counts in no figure.
        let s = parse_scenario(
            r#"{"format":"contract-calc/scenario","version":1,"name":"指定","as_of":"2025-06-30",
            "contract":{"start":"2025-01-01","end":"2025-12-31"},
            "fees":{"cycle":"monthly","components":[{"label":"服务费","amount":"10000.00"}]},
            "payment":{"due":{"rule":"day_of_next_month","day":10},"calendar":"cn","payments":[
              {"date":"2025-04-15","amount":"15000.00","for":"2025-02-01"},
              {"date":"2025-04-20","amount":"10000.00","for":"2025-02-01"},
              {"date":"2025-07-15","amount":"10000.00"}]}}"#,
        )
        .unwrap();
        let r = compute(&s).unwrap();
        let table = crate::present::claim::payments_html(&s, &r, Lang::Zh);
        assert!(
            table.contains("<td>指定 2025-02 → 2025-02 ¥10,000.00；2025-01 ¥5,000.00</td>"),
            "{table}"
        );
        assert!(
            table.contains("<td>指定 2025-02 → 2025-01 ¥5,000.00；2025-03 ¥5,000.00</td>"),
            "{table}"
        );
        assert!(
            table.contains("<td>计算截至日后付款，不计入本页数字</td>"),
            "{table}"
        );
    }

    #[test]
    fn late_days_and_payments_from_before_2021_into_it_cite_both_laws() {
        // The ten-year sample (2016–2025): arrears that ended before 2021 stand under the law then
        // in force, those continuing past it under the Civil Code (时间效力规定第1条第2、3款);
        // its payments likewise.
        let s = crate::document::samples::ten_year_monthly();
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("其中2021年1月1日前已结束的逾期适用当时的法律（《合同法》第114条等），持续至其后的适用《民法典》"), "{html}");
        assert!(
            html.contains("（《民法典》第560、561条；2021年前的：《合同法解释（二）》第20、21条）"),
            "{html}"
        );
    }

    #[test]
    fn a_penalty_at_an_lpr_past_the_data_says_so_beside_its_figure_and_on_each_line() {
        // 1.5 × the floating one-year LPR, ¥10,000.00 unpaid for each month of 2025, evaluated
        // 2026-06-30: the days after 2026-04-19 (the data's last day) take the latest fixing,
        // assumed. The card's line says so before it is opened; each line of the 计算明细 that
        // took it says from which day it is assumed; a line wholly within the data does not.
        let s = parse_scenario(r#"{"format":"contract-calc/scenario","version":1,"name":"LPR","as_of":"2026-06-30",
            "contract":{"start":"2025-01-01","end":"2025-12-31"},
            "fees":{"cycle":"monthly","components":[{"label":"服务费","amount":"10000.00"}]},
            "payment":{"due":{"rule":"day_of_next_month","day":10},"calendar":"none","payments":[]},
            "late_payment":{"rate":{"lpr_multiple":"1.5","basis_days":365,"lpr_fixing":"floating"}}}"#)
        .unwrap();
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        let note = html
            .split("data-testid=\"late-penalty\"")
            .nth(1)
            .and_then(|rest| rest.split("</summary>").next())
            .unwrap_or_default();
        assert!(
            note.contains("含按假设的 LPR 计算的天数（见计算明细与下方提示）"),
            "{note}"
        );
        assert!(html.contains("(LPR 3.00%，2026-04-19后为假设)"), "{html}");
        assert!(html.contains("(LPR 3.10%)"), "{html}");
        // The page's list says the assumption moved a figure owed: no "reference only".
        assert!(!html.contains("只涉及第585条参考"), "{html}");
        // Fixed on the contract's start (2025-01-01, within the data), the penalty assumes
        // nothing: the list says the assumption touches only the Art. 585 reference.
        let start = parse_scenario(
            &serde_json::to_string(&s)
                .unwrap()
                .replace("floating", "contract_start"),
        )
        .unwrap();
        let r = compute(&start).unwrap();
        let html = results_html(&start, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("后为假设"), "{html}");
        assert!(
            html.contains("（只涉及第585条参考中的损失估算，不影响违约金）"),
            "{html}"
        );
        // At a fixed rate nothing of the penalty is assumed.
        let fixed = parse_scenario(
            r#"{"format":"contract-calc/scenario","version":1,"name":"LPR","as_of":"2026-06-30",
            "contract":{"start":"2025-01-01","end":"2025-12-31"},
            "fees":{"cycle":"monthly","components":[{"label":"服务费","amount":"10000.00"}]},
            "payment":{"due":{"rule":"day_of_next_month","day":10},"calendar":"none","payments":[]},
            "late_payment":{"rate":{"fraction":"0.0005","per_days":1}}}"#,
        )
        .unwrap();
        let r = compute(&fixed).unwrap();
        let html = results_html(&fixed, &r, Lang::Zh, Open::ALL);
        assert!(!html.contains("后为假设"), "{html}");
    }

    #[test]
    fn a_settlement_says_which_of_its_figures_took_an_lpr_past_the_data() {
        // The 2025 termination evaluated on 2026-09-30, its penalty at 1.5 × the floating LPR:
        // the settlement's interest and its late penalties both run past 2026-04-19, the data's
        // last day, and each line says so.
        let (mut s, _) = figures("termination-2025");
        s.as_of = crate::test_support::date("2026-09-30");
        if let Some(l) = s.late_payment.as_mut() {
            l.rate = crate::engine::scenario::Rate::Lpr {
                lpr_multiple: crate::test_support::d("1.5"),
                basis_days: 365,
                lpr_fixing: crate::engine::scenario::LprFixing::Floating,
                lpr_term: crate::engine::scenario::LprTerm::OneYear,
                extra: Default::default(),
            };
        }
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("按一年期 LPR 计（2026年4月19日后的 LPR 为假设），逾期利息"),
            "{html}"
        );
        assert!(
            html.contains("加：逾期付款违约金（计至2026年9月30日）（含假设的 LPR）"),
            "{html}"
        );
    }

    #[test]
    fn an_lpr_past_the_data_is_said_to_move_the_penalty_only_when_it_can() {
        // 1.5 × the LPR of the contract's start (2025-01-01), unpaid fees on 2026-03-01: the
        // year-ahead curve runs past the LPR data (2026-04-19), but the penalty keeps its
        // 2025-01-01 rate: the curve's penalties assume nothing, and no note is under it.
        // Floating (同期), the penalty itself takes the later LPR: said, with no qualifier.
        let doc = |fixing: &str| {
            parse_scenario(&format!(r#"{{"format":"contract-calc/scenario","version":1,"name":"LPR","as_of":"2026-03-01",
            "contract":{{"start":"2025-01-01","end":"2025-12-31"}},
            "fees":{{"cycle":"monthly","components":[{{"label":"服务费","amount":"10000.00"}}]}},
            "payment":{{"due":{{"rule":"day_of_next_month","day":10}},"calendar":"none","payments":[]}},
            "late_payment":{{"rate":{{"lpr_multiple":"1.5","basis_days":365,"lpr_fixing":"{fixing}"}}}}}}"#))
            .unwrap()
        };
        let note = |s: &Scenario| {
            let r = compute(s).unwrap();
            let html = results_html(s, &r, Lang::Zh, Open::ALL);
            let at = html.find("上图另有假设").unwrap_or(html.len());
            html[at..].split("</p>").next().unwrap_or("").to_string()
        };
        let fixed = note(&doc("contract_start"));
        assert_eq!(fixed, "");
        let floating = note(&doc("floating"));
        assert!(floating.contains("上图另有假设"), "{floating}");
        assert!(!floating.contains("不影响违约金"), "{floating}");
    }

    #[test]
    fn a_settlement_of_2019_cites_the_law_then_in_force() {
        // Terminated 2019-06-15 for the client's breach, settled within 30 days (2019-07-15),
        // unpaid on 2019-12-31. Facts before 2021 are judged under the law then in force
        // (时间效力规定第1条第2款): the settlement under 合同法第97、98条, its interest under
        // 合同法第113条; no article of the Civil Code is cited for them.
        // Net: 275,000.00 earned − 150,000.00 paid + 13,150.00 late + 60,000.00 (10% of
        // 600,000.00) − 6,000.00 (two incidents at 3,000.00) = ¥192,150.00; interest 169 days on
        // it at 4.35/4.25/4.20/4.15% for 35/31/61/42 days = ¥3,761.40.
        let (s, r) = figures("termination-2019");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("¥192,150.00"), "{html}");
        assert!(
            html.contains("（《合同法》第97、98条：解除后结算条款仍然有效）"),
            "{html}"
        );
        // Its 169 days run from 2019-07-16, before the first LPR of 2019-08-20: the rate is
        // named as the benchmark rate, then the LPR.
        assert!(
            html.contains("按一年期贷款基准利率（2019年8月20日起为一年期 LPR）计，逾期利息 ¥3,761.40（《合同法》第113条）"),
            "{html}"
        );
        for civil_code in ["第566", "第584条", "第563条", "第203条"] {
            assert!(
                !html.contains(civil_code),
                "{civil_code} cited for 2019: {html}"
            );
        }
    }

    #[test]
    fn settlement_interest_names_the_rate_and_the_law_of_its_days() {
        let (mut s, _) = figures("termination-2019");
        let overdue = |s: &Scenario| {
            let r = compute(s).unwrap();
            crate::text::results::overdue(r.termination.as_ref().unwrap(), Lang::Zh).unwrap()
        };
        // Evaluated 2019-08-10: 26 days (from 2019-07-16), all before the first LPR, at the
        // benchmark rate 4.35%. The late penalty to that day is ¥4,212.50, so the net is
        // 275,000.00 − 150,000.00 + 4,212.50 + 60,000.00 − 6,000.00 = ¥183,212.50, and
        // 183,212.50 × 4.35% × 26/365 = ¥567.71.
        s.as_of = crate::test_support::date("2019-08-10");
        assert_eq!(
            overdue(&s),
            "已逾期 26 日未付；按一年期贷款基准利率计，逾期利息 ¥567.71（《合同法》第113条）；计息基数中含违约金 ¥64,212.50，对违约金计收利息，法院通常不予支持；基数中的未付费用同期已按约定计违约金，再计利息可能被认定为重复"
        );
        // Evaluated 2021-03-31: its days run into 2021, those after under the Civil Code
        // (时间效力规定第1条第3款), and both laws are cited.
        s.as_of = crate::test_support::date("2021-03-31");
        let text = overdue(&s);
        assert!(
            text.contains("（《民法典》第584条；2021年前的：《合同法》第113条）"),
            "{text}"
        );
    }

    #[test]
    fn the_settlement_states_its_basis_and_how_each_charge_was_worked_out() {
        // The 2025 termination, ended by agreement on 2025-07-20 with 30 days to settle: 3
        // incidents at ¥2,000 and 10% of ¥15,000 of substandard service are shown as worked out.
        let (s, r) = figures("termination-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("合同于2025年7月20日解除（协商一致），自解除之日起 30 日内结算。"),
            "{html}"
        );
        assert!(html.contains("<td>减：乙方服务事故扣款（3 次 × ¥2,000.00）</td><td class=\"num\">− ¥6,000.00</td>"), "{html}");
        assert!(html.contains("<td>减：乙方不合格服务扣款（¥15,000.00 × 10%）</td><td class=\"num\">− ¥1,500.00</td>"), "{html}");
        // A loss is an amount as claimed, under the label typed: no sum after it.
        assert!(html.contains("<td>减：客户索赔（乙方承担）</td>"), "{html}");
        assert!(
            html.contains("<td>加：逾期付款违约金（计至2025年8月31日）</td>"),
            "{html}"
        );
        let en = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(en.contains("The contract ended on 20 Jul 2025 (mutual agreement), to be settled within 30 days of termination."), "{en}");
        // Ended 2025-09-15 with 16 days: the last day, 1 October, is in the National Day break,
        // and the deadline moves to 9 October (Art. 203), which the first line says.
        let (mut s, _) = figures("termination-2025");
        let t = s.termination.as_mut().unwrap();
        t.date = crate::test_support::date("2025-09-15");
        t.settlement_days = 16;
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("自解除之日起 16 日内结算；期限末日为法定休假日，顺延至2025年10月9日（《民法典》第203条）。"), "{html}");
        // No days to settle: settled that day (after the evaluation date of 31 August, so said
        // in the future).
        s.termination.as_mut().unwrap().settlement_days = 0;
        let r = compute(&s).unwrap();
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("合同将于2025年9月15日解除（协商一致），于解除当日结算。"),
            "{html}"
        );
    }
}
