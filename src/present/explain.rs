//! Each figure in words, with the clause and the rule behind it, as the app shows it under the
//! figure and as a lawyer would check it by hand.

use crate::engine::compute::{ComputeResult, CycleRow};
use crate::engine::money::format_yuan;
use crate::engine::scenario::Scenario;
use crate::text::{self, Lang};
use rust_decimal::Decimal;

pub use crate::text::date_words;
pub use crate::text::explain::{monthly_rate_words, payer_sentence, rate_words, settlement};
pub use crate::text::rates::percent;

/// The agreed late-payment rate (spec §4, §9): a fraction per N days or months, or a multiple of
/// the LPR fixed on a day or floating (同期).
fn agreed_rate(
    rate: &crate::engine::scenario::Rate,
    start: chrono::NaiveDate,
    lang: Lang,
) -> String {
    use crate::engine::scenario::Rate;
    match rate {
        Rate::Fraction {
            fraction, per_days, ..
        } => rate_words(*fraction, *per_days, lang),
        Rate::Monthly {
            fraction,
            per_months,
            ..
        } => monthly_rate_words(*fraction, *per_months, lang),
        Rate::Lpr {
            lpr_multiple,
            basis_days,
            lpr_fixing,
            lpr_term,
            ..
        } => {
            let term = text::explain::lpr_term(*lpr_term).get(lang);
            let fixing = text::explain::lpr_fixing(*lpr_fixing, start, lang);
            text::explain::lpr_rate(*lpr_multiple, term, &fixing, *basis_days, lang)
        }
    }
}

/// The agreed rate and every rate that replaces it from a date on (§9 `rate_changes`); `start`:
/// the contract's first day, whose LPR a rate fixed at the contract's start takes.
pub fn agreed_rates(
    l: &crate::engine::scenario::LatePayment,
    start: chrono::NaiveDate,
    lang: Lang,
) -> String {
    let mut text = agreed_rate(&l.rate, start, lang);
    for change in &l.rate_changes {
        let rate = agreed_rate(&change.rate, start, lang);
        text.push_str(&text::report::rate_from(change.from, &rate, lang));
    }
    text
}

/// How the contract total is made: the cycles' fees summed over the term (spec §1).
pub fn contract_total(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    let term = crate::engine::compute::term_cycles(s);
    let partial = term.iter().filter(|c| c.is_partial()).count();
    let unit = text::explain::cycle_unit(s.fees.cycle).get(lang);
    text::explain::contract_total(
        unit,
        s.cycle_fee(),
        term.len(),
        (partial, s.fees.partial_cycle),
        s.contract.start,
        s.contract.end,
        r.total_fees.contract_total,
        lang,
    )
}

/// One cycle's penalty as its 计算明细 (spec §4, §9, Civil Code Art. 585; days counted from the
/// day after the due date, Art. 201): each segment `base × rate × days/period (from–to)`; held at
/// the cycle's cap (`cap`, the per-cycle `cap_fraction`), the cap worked out from the cycle's fee.
pub fn cycle_penalty(c: &CycleRow, cap: Option<Decimal>, lang: Lang) -> Option<String> {
    if c.segments.is_empty() {
        return None;
    }
    let parts: Vec<String> = c.segments.iter().map(|s| segment_words(s, lang)).collect();
    let parts = parts.join(" + ");
    Some(if c.capped {
        text::explain::held_at_cap(&parts, (c.amount, cap), c.penalty, lang)
    } else {
        format!("{parts} = {}", format_yuan(c.penalty))
    })
}

/// One segment: `¥50,000.00 × 0.05% × 9 days (2027-02-12 to 2027-02-20, paid 2027-02-20)`; for a
/// monthly rate the days are shown as whole months and days; periods counted whole (`full`) as
/// the number counted; an LPR rate names the LPR used.
pub fn segment_words(s: &crate::engine::late_payment::Segment, lang: Lang) -> String {
    use crate::engine::late_payment::Period;
    let counted = s.share.whole_periods();
    let share = match s.period {
        Period::PerDays(n) => text::explain::days_share(s.days, n, counted, lang),
        Period::PerMonths(m) => {
            let (k, r) = crate::engine::late_payment::months_and_days(s.from, s.to);
            text::explain::months_share(k, r, m, counted, lang)
        }
    };
    let lpr = s
        .lpr
        .map(|l| text::explain::lpr_used(l, s.benchmark, s.lpr_assumed_after, lang))
        .unwrap_or_default();
    let span = text::explain::span(s.from, s.to, s.paid_on, lang);
    format!(
        "{} × {} × {share} ({span}{lpr})",
        format_yuan(s.base),
        percent(s.fraction),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read::compute_json;
    use rust_decimal::Decimal;

    fn result(name: &str) -> ComputeResult {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        compute_json(&text).unwrap()
    }

    #[test]
    fn the_total_counts_the_whole_term_even_after_termination() {
        // Terminated on 2025-07-20, but the contract total still covers all twelve months.
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/termination-2025.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let s = crate::document::read::parse_scenario(&text).unwrap();
        let r = crate::engine::compute::compute(&s).unwrap();
        assert_eq!(
            contract_total(&s, &r, Lang::Zh),
            "每月费用 ¥40,000.00（各项费用之和），2025年1月1日至2025年12月31日共 12 期，合计 ¥480,000.00。合同总金额是按合同金额比例计算的违约金的基数。"
        );
    }

    #[test]
    fn dates_in_sentences() {
        let d = crate::test_support::date("2025-08-04");
        assert_eq!(date_words(d, Lang::Zh), "2025年8月4日");
        assert_eq!(date_words(d, Lang::En), "4 Aug 2025");
    }

    #[test]
    fn rates_in_words() {
        assert_eq!(rate_words(Decimal::new(5, 4), 1, Lang::Zh), "0.05%/日");
        assert_eq!(
            rate_words(Decimal::new(1, 2), 10, Lang::En),
            "1% per 10 days"
        );
    }

    #[test]
    fn a_split_payment_penalty_in_words() {
        // March 2025: ¥30,000 paid on the due date, ¥20,000 50 days late → only the late part.
        let r = result("monthly-operation-2025");
        let march = &r.total_fees.cycles[2];
        assert_eq!(
            cycle_penalty(march, None, Lang::Zh).unwrap(),
            "¥20,000.00 × 0.05% × 50日 (2025-04-11至2025-05-30，2025-05-30 付) = ¥500.00"
        );
        // July 2025 is still unpaid on 2025-09-30: 50 days from the 8-11 due date.
        assert_eq!(
            cycle_penalty(&r.total_fees.cycles[6], None, Lang::En).unwrap(),
            "¥50,000.00 × 0.05% × 50 days (2025-08-12 to 2025-09-30, unpaid) = ¥1,250.00"
        );
        assert_eq!(cycle_penalty(&r.total_fees.cycles[0], None, Lang::Zh), None);
    }

    /// The monthly-operation contract at another rate: `rate` and `partial_period` replaced.
    fn monthly_operation_at(rate: &str, partial_period: &str) -> ComputeResult {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/monthly-operation-2025.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .replace(r#"{"fraction": "0.0005", "per_days": 1}"#, rate)
        .replace(r#""partial_period": "pro_rata""#, partial_period);
        compute_json(&text).unwrap()
    }

    #[test]
    fn periods_counted_whole_multiply_out_to_the_amount() {
        // 1% per 10 days, a started period counted in full: May's ¥50,000 paid 18 days late is
        // 2 periods, ¥50,000 × 1% × 2 = ¥1,000 (not "× 18/10", which would be ¥900).
        let r = monthly_operation_at(
            r#"{"fraction": "0.01", "per_days": 10}"#,
            r#""partial_period": "full""#,
        );
        let may = &r.total_fees.cycles[3];
        assert_eq!(
            cycle_penalty(may, None, Lang::Zh).unwrap(),
            "¥50,000.00 × 1% × 2期（18日，不足一期按一期计） (2025-05-13至2025-05-30，2025-05-30 付) = ¥1,000.00"
        );
        // February's ¥50,000 paid 10 days late is exactly one period: written as a share.
        assert_eq!(
            cycle_penalty(&r.total_fees.cycles[1], None, Lang::En).unwrap(),
            "¥50,000.00 × 1% × 10/10 (2025-03-11 to 2025-03-20, paid 2025-03-20) = ¥500.00"
        );
        // 1.5% a month, a started month in full: April's ¥20,000 paid 1 month 20 days late is
        // 2 months, ¥20,000 × 1.5% × 2 = ¥600.
        let r = monthly_operation_at(
            r#"{"fraction": "0.015", "per_months": 1}"#,
            r#""partial_period": "full""#,
        );
        assert_eq!(
            cycle_penalty(&r.total_fees.cycles[2], None, Lang::En).unwrap(),
            "¥20,000.00 × 1.5% × 2 months (1 month 20 days, a started month counted in full) (2025-04-11 to 2025-05-30, paid 2025-05-30) = ¥600.00"
        );
    }

    #[test]
    fn one_day_and_one_month_in_the_singular() {
        // "× 1 day", "(1 month + 0/30)": as an English reader writes them.
        assert_eq!(text::explain::days_share(1, 1, Some(1), Lang::En), "1 day");
        assert_eq!(text::explain::days_share(2, 1, Some(2), Lang::En), "2 days");
        assert_eq!(
            text::explain::months_share(1, 0, 1, None, Lang::En),
            "(1 month + 0/30)"
        );
        assert_eq!(
            text::explain::months_share(2, 1, 3, Some(1), Lang::En),
            "1 period of 3 months (2 months 1 day, a started period counted in full)"
        );
    }

    #[test]
    fn the_settlement_in_words() {
        let r = result("termination-2025");
        let t = r.termination.as_ref().unwrap();
        let s = settlement(t, crate::test_support::date("2025-07-20"), None, Lang::Zh);
        assert!(
            s.contains("¥265,806.45 − ¥160,000.00 + ¥5,616.77 + ¥0.00 − ¥17,850.00"),
            "{s}"
        );
        // Evaluated on 2025-09-30, after the settlement's day: the net holds penalties counted
        // past 19 August, so it is what is owed on the evaluation date, not by that day.
        assert!(
            s.contains("甲方（客户）应向乙方支付 ¥93,573.22（违约金计至计算截至日；结算期限2025年8月19日已过）"),
            "{s}"
        );
        assert_eq!(
            payer_sentence(t, None, Lang::En),
            "the client owes the supplier ¥93,573.22 (penalties counted to the evaluation date; the settlement was due by 19 Aug 2025)"
        );
        // Evaluated before that day, the sentence gives the day to pay by.
        let mut on_time = t.clone();
        on_time.overdue_days = 0;
        assert_eq!(
            payer_sentence(&on_time, None, Lang::Zh),
            "甲方（客户）应于2025年8月19日前向乙方支付 ¥93,573.22"
        );
    }
}
