//! Each figure in words, with the clause and the rule behind it, as the app shows it under the
//! figure and as a lawyer would check it by hand.

use crate::engine::compute::{ComputeResult, CycleRow};
use crate::engine::money::format_yuan;
use crate::engine::scenario::{Cycle, Scenario};
use crate::engine::termination::{Payer, TerminationResult};
use crate::text::Lang;
use rust_decimal::Decimal;

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

pub use crate::text::date_words;

pub use crate::text::rates::percent;

/// A rate as people say it: 0.0005 per 1 day → "0.05%/日" / "0.05% per day".
pub fn rate_words(fraction: Decimal, per_days: u32, lang: Lang) -> String {
    let pct = percent(fraction);
    match (lang, per_days) {
        (Lang::Zh, 1) => format!("{pct}/日"),
        (Lang::Zh, n) => format!("{pct}/{n}日"),
        (Lang::En, 1) => format!("{pct} per day"),
        (Lang::En, n) => format!("{pct} per {n} days"),
    }
}

/// A rate per N calendar months: 0.0128 per 1 month → "1.28%/月" / "1.28% per month".
pub fn monthly_rate_words(fraction: Decimal, per_months: u32, lang: Lang) -> String {
    let pct = percent(fraction);
    match (lang, per_months) {
        (Lang::Zh, 1) => format!("{pct}/月"),
        (Lang::Zh, n) => format!("{pct}/{n}个月"),
        (Lang::En, 1) => format!("{pct} per month"),
        (Lang::En, n) => format!("{pct} per {n} months"),
    }
}

/// The agreed late-payment rate (spec §4, §9): a fraction per N days or months, or a multiple of
/// the LPR fixed on a day or floating (同期).
pub fn agreed_rate(rate: &crate::engine::scenario::Rate, lang: Lang) -> String {
    use crate::engine::scenario::{LprFixing, LprTerm, Rate};
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
            let m = lpr_multiple.normalize();
            let term = match (lpr_term, lang) {
                (LprTerm::OneYear, Lang::Zh) => "一年期",
                (LprTerm::FiveYear, Lang::Zh) => "五年期以上",
                (LprTerm::OneYear, Lang::En) => "one-year",
                (LprTerm::FiveYear, Lang::En) => "five-year",
            };
            let fixing = match (lpr_fixing, lang) {
                (LprFixing::DueDate, Lang::Zh) => "到期日".to_string(),
                (LprFixing::FirstDayLate, Lang::Zh) => "逾期首日".to_string(),
                (LprFixing::ContractStart, Lang::Zh) => "合同订立时".to_string(),
                (LprFixing::On(d), Lang::Zh) => date_words(*d, lang),
                (LprFixing::Floating, Lang::Zh) => "同期".to_string(),
                (LprFixing::DueDate, Lang::En) => "on the due date".to_string(),
                (LprFixing::FirstDayLate, Lang::En) => "on the first day late".to_string(),
                (LprFixing::ContractStart, Lang::En) => "at signing".to_string(),
                (LprFixing::On(d), Lang::En) => format!("on {}", date_words(*d, lang)),
                (LprFixing::Floating, Lang::En) => "floating (同期)".to_string(),
            };
            match lang {
                Lang::Zh => format!("{m}×{fixing}{term}LPR（按{basis_days}日/年）"),
                Lang::En => format!("{m}× the {term} LPR {fixing} ({basis_days}-day year)"),
            }
        }
    }
}

/// How the contract total is made: the cycles' fees summed over the term (spec §1).
pub fn contract_total(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    let term = crate::engine::fees::billed_cycles(
        s.fees.cycle,
        s.fees.partial_cycle,
        s.cycle_fee(),
        s.contract.start,
        s.contract.end,
    );
    let n = term.len();
    let partial = term.iter().filter(|c| c.is_partial()).count();
    let unit_zh = match s.fees.cycle {
        Cycle::Monthly => "月",
        Cycle::Quarterly => "季度",
        Cycle::Yearly => "年",
    };
    let unit_en = match s.fees.cycle {
        Cycle::Monthly => "month",
        Cycle::Quarterly => "quarter",
        Cycle::Yearly => "year",
    };
    let fee = format_yuan(s.cycle_fee());
    let total = format_yuan(r.total_fees.contract_total);
    match lang {
        Lang::Zh => format!(
            "每{unit_zh}费用 {fee}（各项费用之和），{start}至{end}共 {n} 期{}，合计 {total}。合同总金额是按合同金额比例计算的违约金的基数。",
            if partial > 0 { format!("，其中 {partial} 期不足整期按天折算") } else { String::new() },
            start = date_words(s.contract.start, Lang::Zh),
            end = date_words(s.contract.end, Lang::Zh),
        ),
        Lang::En => format!(
            "{fee} per {unit_en} (the sum of the fee components), {n} cycles from {start} to {end}{}, total {total}. The contract total is the base of every penalty stated as a share of the contract amount.",
            if partial > 0 { format!(", {partial} of them partial and prorated by days") } else { String::new() },
            start = date_words(s.contract.start, Lang::En),
            end = date_words(s.contract.end, Lang::En),
        ),
    }
}

/// One cycle's penalty as its 计算明细 (spec §4, §9, Civil Code Art. 585; days counted from the
/// day after the due date, Art. 201): each segment `base × rate × days/period (from–to)`.
pub fn cycle_penalty(c: &CycleRow, lang: Lang) -> Option<String> {
    if c.segments.is_empty() {
        return None;
    }
    let parts: Vec<String> = c.segments.iter().map(|s| segment_words(s, lang)).collect();
    let capped = if c.capped {
        pick(lang, "（已按上限计）", " (capped)")
    } else {
        String::new()
    };
    Some(format!(
        "{} = {}{capped}",
        parts.join(" + "),
        format_yuan(c.penalty)
    ))
}

/// One segment: `¥50,000.00 × 0.05% × 9/1 (2027-02-12 to 2027-02-20, paid 2027-02-20)`; for a
/// monthly rate the days are shown as whole months and days; an LPR rate names the LPR used.
pub fn segment_words(s: &crate::engine::late_payment::Segment, lang: Lang) -> String {
    use crate::engine::late_payment::Period;
    let share = match s.period {
        Period::PerDays(n) => format!("{}/{n}", s.days),
        Period::PerMonths(m) => {
            let (k, r) = crate::engine::late_payment::months_and_days(s.from, s.to);
            let per = if m == 1 {
                String::new()
            } else {
                format!("/{m}")
            };
            match lang {
                Lang::Zh => format!("({k}个月+{r}/30){per}"),
                Lang::En => format!("({k} months + {r}/30){per}"),
            }
        }
    };
    let lpr = s
        .lpr
        .map(|l| pick(lang, &format!("，LPR {l}%"), &format!(", LPR {l}%")))
        .unwrap_or_default();
    let (from, to) = (s.from, s.to);
    let span = match (lang, s.paid_on) {
        (Lang::Zh, Some(p)) => format!("{from}至{to}，{p} 付"),
        (Lang::Zh, None) => format!("{from}至{to}，未付"),
        (Lang::En, Some(p)) => format!("{from} to {to}, paid {p}"),
        (Lang::En, None) => format!("{from} to {to}, unpaid"),
    };
    format!(
        "{} × {} × {share} ({span}{lpr})",
        format_yuan(s.base),
        percent(s.fraction),
    )
}

/// The settlement line by line: earned − paid + late penalty + client charges − supplier charges.
pub fn settlement(t: &TerminationResult, lang: Lang) -> String {
    let sum = format!(
        "{} − {} + {} + {} − {}",
        format_yuan(t.earned),
        format_yuan(t.paid),
        format_yuan(t.late_penalty),
        format_yuan(t.client_charges),
        format_yuan(t.supplier_charges)
    );
    let who = payer_sentence(t, lang);
    match lang {
        Lang::Zh => format!("已发生费用 − 已付 + 逾期违约金 + 甲方应付违约金 − 乙方应扣款项 = {sum} → {who}（《民法典》第566、567条：解除后结算条款仍然有效）"),
        Lang::En => format!("earned − paid + late penalty + client's charges − supplier's charges = {sum} → {who} (Civil Code Arts. 566–567: settlement clauses survive termination)"),
    }
}

/// "甲方（客户）应于2025年8月19日前向乙方支付 ¥93,573.22" and its English.
pub fn payer_sentence(t: &TerminationResult, lang: Lang) -> String {
    let net = format_yuan(t.net);
    match (t.payer, lang) {
        (Payer::Client, Lang::Zh) => format!(
            "甲方（客户）应于{}前向乙方支付 {net}",
            date_words(t.due, lang)
        ),
        (Payer::Client, Lang::En) => format!(
            "the client pays the supplier {net} by {}",
            date_words(t.due, lang)
        ),
        (Payer::Supplier, Lang::Zh) => format!(
            "乙方（服务商）应于{}前向甲方支付 {net}",
            date_words(t.due, lang)
        ),
        (Payer::Supplier, Lang::En) => format!(
            "the supplier pays the client {net} by {}",
            date_words(t.due, lang)
        ),
        (Payer::None, Lang::Zh) => "双方互不支付".to_string(),
        (Payer::None, Lang::En) => "neither side pays".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read::compute_json;

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
            cycle_penalty(march, Lang::Zh).unwrap(),
            "¥20,000.00 × 0.05% × 50/1 (2025-04-11至2025-05-30，2025-05-30 付) = ¥500.00"
        );
        // July 2025 is still unpaid on 2025-09-30: 50 days from the 8-11 due date.
        assert_eq!(
            cycle_penalty(&r.total_fees.cycles[6], Lang::En).unwrap(),
            "¥50,000.00 × 0.05% × 50/1 (2025-08-12 to 2025-09-30, unpaid) = ¥1,250.00"
        );
        assert_eq!(cycle_penalty(&r.total_fees.cycles[0], Lang::Zh), None);
    }

    #[test]
    fn the_settlement_in_words() {
        let r = result("termination-2025");
        let t = r.termination.as_ref().unwrap();
        let s = settlement(t, Lang::Zh);
        assert!(
            s.contains("¥265,806.45 − ¥160,000.00 + ¥5,616.77 + ¥0.00 − ¥17,850.00"),
            "{s}"
        );
        assert!(
            s.contains("甲方（客户）应于2025年8月19日前向乙方支付 ¥93,573.22"),
            "{s}"
        );
        assert_eq!(
            payer_sentence(t, Lang::En),
            "the client pays the supplier ¥93,573.22 by 19 Aug 2025"
        );
    }
}
