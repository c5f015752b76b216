//! Each figure in words (src/present/explain.rs): the agreed rate (spec §4, §9), how the contract
//! total is made (§1), a penalty's 计算明细 (§9, Civil Code Arts. 201, 585) and the settlement
//! (§6, Arts. 566–567).

use crate::engine::money::format_yuan;
use crate::engine::scenario::PartialCycle;
use crate::engine::termination::{Payer, TerminationResult};
use crate::text::rates::percent;
use crate::text::{date_words, Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;

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

/// A multiple of the LPR: `term` (一年期) and `fixing` (到期日, 同期) as their labels say them.
pub fn lpr_rate(
    multiple: Decimal,
    term: &str,
    fixing: &str,
    basis_days: u32,
    lang: Lang,
) -> String {
    let m = multiple.normalize();
    match lang {
        Lang::Zh => format!("{m}×{fixing}{term}LPR（按{basis_days}日/年）"),
        Lang::En => format!("{m}× the {term} LPR {fixing} ({basis_days}-day year)"),
    }
}

/// How the contract total is made (§1): `n` cycles of `fee` per `unit` (月 / month), `partial` of
/// them partial (prorated by days, or billed in full), from `start` to `end`.
#[allow(clippy::too_many_arguments)]
pub fn contract_total(
    unit: &str,
    fee: Decimal,
    n: usize,
    (partial, how): (usize, PartialCycle),
    start: NaiveDate,
    end: NaiveDate,
    total: Decimal,
    lang: Lang,
) -> String {
    let (fee, total) = (format_yuan(fee), format_yuan(total));
    let (start, end) = (date_words(start, lang), date_words(end, lang));
    match lang {
        Lang::Zh => format!(
            "每{unit}费用 {fee}（各项费用之和），{start}至{end}共 {n} 期{}，合计 {total}。合同总金额是按合同金额比例计算的违约金的基数。",
            match (partial, how) {
                (0, _) => String::new(),
                (_, PartialCycle::ByDays) => format!("，其中 {partial} 期不足整期按天折算"),
                (_, PartialCycle::Full) => format!("，其中 {partial} 期不足整期按整期计"),
            },
        ),
        Lang::En => format!(
            "{fee} per {unit} (the sum of the fee components), {n} {} from {start} to {end}{}, total {total}. The contract total is the base of every penalty stated as a share of the contract amount.",
            plural(n as i64, "cycle", "cycles"),
            match (partial, how) {
                (0, _) => String::new(),
                (_, PartialCycle::ByDays) => format!(", {partial} of them partial and prorated by days"),
                (_, PartialCycle::Full) => format!(", {partial} of them partial and billed in full"),
            },
        ),
    }
}

/// A cycle's formula whose product is above the cycle's cap (§4 `cap_fraction`): the cap, not
/// the product, is what is owed, so no "=" stands between them.
pub fn held_at_cap(
    formula: &str,
    (fee, cap): (Decimal, Option<Decimal>),
    capped: Decimal,
    lang: Lang,
) -> String {
    let (fee, capped) = (format_yuan(fee), format_yuan(capped));
    match (cap.map(percent), lang) {
        (Some(pct), Lang::Zh) => {
            format!("{formula}，超过本期上限（本期费用 {fee} × {pct}），按上限计 {capped}")
        }
        (Some(pct), Lang::En) => {
            format!("{formula}, above the cycle's cap ({pct} × its fee {fee}): {capped}")
        }
        (None, Lang::Zh) => format!("{formula}，超过本期上限，按上限计 {capped}"),
        (None, Lang::En) => format!("{formula}, above the cycle's cap: {capped}"),
    }
}

/// The time late at a daily or yearly rate, as the 计算明细 multiplies by it (spec §4
/// `partial_period`, §9): `days` over the rate's period of `per` days ("30/365"; "50日" at a
/// daily rate), or, when a started period was counted in full, the `counted` periods with the
/// days they cover, so that the line multiplies out to its amount.
pub fn days_share(days: i64, per: u32, counted: Option<i64>, lang: Lang) -> String {
    let rounded_up = counted.filter(|c| c * i64::from(per) != days);
    match (per, rounded_up, lang) {
        (1, _, Lang::Zh) => format!("{days}日"),
        (1, _, Lang::En) => format!("{days} {}", plural(days, "day", "days")),
        (_, None, _) => format!("{days}/{per}"),
        // A yearly basis (an LPR rate's 365 or 360 days): the periods are years.
        (365 | 360, Some(c), Lang::Zh) => format!("{c}年（{days}日，不足一年按一年计）"),
        (365 | 360, Some(c), Lang::En) => format!(
            "{c} {} ({days} days, a started year counted in full)",
            plural(c, "year", "years")
        ),
        (_, Some(c), Lang::Zh) => format!("{c}期（{days}日，不足一期按一期计）"),
        (_, Some(c), Lang::En) => format!(
            "{c} {} ({days} days, a started period counted in full)",
            plural(c, "period", "periods")
        ),
    }
}

/// The time late at a monthly rate: `k` whole months and `r` days, per `per_months` months; or,
/// when a started period was counted in full, the `counted` periods with the time they cover.
pub fn months_share(k: u32, r: i64, per_months: u32, counted: Option<i64>, lang: Lang) -> String {
    let rounded_up = counted.filter(|&c| r > 0 || c * i64::from(per_months) != i64::from(k));
    let months = plural(i64::from(k), "month", "months");
    let days = plural(r, "day", "days");
    let (zh_time, en_time) = match (k, r) {
        (0, _) => (format!("{r}日"), format!("{r} {days}")),
        (_, 0) => (format!("{k}个月"), format!("{k} {months}")),
        _ => (format!("{k}个月{r}日"), format!("{k} {months} {r} {days}")),
    };
    match (rounded_up, per_months, lang) {
        (None, 1, Lang::Zh) => format!("({k}个月+{r}/30)"),
        (None, m, Lang::Zh) => format!("({k}个月+{r}/30)/{m}"),
        (None, 1, Lang::En) => format!("({k} {months} + {r}/30)"),
        (None, m, Lang::En) => format!("({k} {months} + {r}/30)/{m}"),
        (Some(c), 1, Lang::Zh) => format!("{c}个月（{zh_time}，不足一个月按一个月计）"),
        (Some(c), _, Lang::Zh) => format!("{c}期（{zh_time}，不足一期按一期计）"),
        (Some(c), 1, Lang::En) => format!(
            "{c} {} ({en_time}, a started month counted in full)",
            plural(c, "month", "months")
        ),
        (Some(c), m, Lang::En) => format!(
            "{c} {} of {m} months ({en_time}, a started period counted in full)",
            plural(c, "period", "periods")
        ),
    }
}

fn plural(n: i64, one: &'static str, more: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        more
    }
}

/// The LPR a segment used, after its dates: before 2019-08-20 the PBOC benchmark lending rate
/// (贷款基准利率), which is not an LPR and is named as what it is.
pub fn lpr_used(
    lpr: Decimal,
    benchmark: bool,
    assumed_after: Option<NaiveDate>,
    lang: Lang,
) -> String {
    format!(
        "{}{}",
        if lang == Lang::Zh { "，" } else { ", " },
        rate_name(lpr, benchmark, assumed_after, lang)
    )
}

/// "LPR 3.45%", or "贷款基准利率 4.35%" for the PBOC benchmark lending rate before the LPR; an
/// LPR taken for days after the built-in data's last day (`assumed_after`, §10) is said to be
/// assumed from then, where the figure is.
pub fn rate_name(
    lpr: Decimal,
    benchmark: bool,
    assumed_after: Option<NaiveDate>,
    lang: Lang,
) -> String {
    match (benchmark, assumed_after, lang) {
        (false, None, _) => format!("LPR {lpr}%"),
        (false, Some(d), Lang::Zh) => format!("LPR {lpr}%，{d}后为假设"),
        (false, Some(d), Lang::En) => format!("LPR {lpr}%, assumed after {d}"),
        (true, _, Lang::Zh) => format!("贷款基准利率 {lpr}%"),
        (true, _, Lang::En) => format!("PBOC benchmark rate {lpr}%"),
    }
}

/// A segment's dates, and when its amount was paid.
pub fn span(from: NaiveDate, to: NaiveDate, paid_on: Option<NaiveDate>, lang: Lang) -> String {
    match (lang, paid_on) {
        (Lang::Zh, Some(p)) => format!("{from}至{to}，{p} 付"),
        (Lang::Zh, None) => format!("{from}至{to}，未付"),
        (Lang::En, Some(p)) => format!("{from} to {to}, paid {p}"),
        (Lang::En, None) => format!("{from} to {to}, unpaid"),
    }
}

/// The settlement line by line: earned − paid + late penalty + client charges − supplier charges,
/// under the law in force on the day the contract `ended`.
pub fn settlement(
    t: &TerminationResult,
    ended: chrono::NaiveDate,
    runs_on: Option<NaiveDate>,
    lang: Lang,
) -> String {
    use crate::text::law::{cite, Provision};
    let law = cite(Provision::SettlementAfterTermination, ended, lang);
    let sum = format!(
        "{} − {} + {} + {} − {}",
        format_yuan(t.earned),
        format_yuan(t.paid),
        format_yuan(t.late_penalty),
        format_yuan(t.client_charges),
        format_yuan(t.supplier_charges)
    );
    let who = payer_sentence(t, runs_on, lang);
    match lang {
        Lang::Zh => format!("已发生费用 − 已付 + 逾期违约金 + 甲方应付违约金 − 乙方应扣款项 = {sum} → {who}（{law}：解除后结算条款仍然有效）"),
        Lang::En => format!("earned − paid + late penalty + client's charges − supplier's charges = {sum} → {who} ({law}: settlement clauses survive termination)"),
    }
}

/// "甲方（客户）应于2025年8月19日前向乙方支付 ¥93,573.22" and its English. Evaluated after that
/// day, the net holds penalties counted past it, so it is not what was owed by then: said so.
///
/// `runs_on`: the evaluation date, before the settlement's day, when late penalties in the net
/// still accrue on fees unpaid: the net then grows to the day it is paid, and says so.
pub fn payer_sentence(t: &TerminationResult, runs_on: Option<NaiveDate>, lang: Lang) -> String {
    let net = format_yuan(t.net);
    let due = date_words(t.due, lang);
    let runs_on = runs_on.filter(|d| *d < t.due).map(|d| match lang {
        Lang::Zh => format!(
            "（其中违约金计至{}，其后至实际付款日继续计算）",
            date_words(d, lang)
        ),
        Lang::En => format!(
            " (late penalties in it counted to {}; they run on to the day it is paid)",
            date_words(d, lang)
        ),
    });
    let runs_on = runs_on.unwrap_or_default();
    // Evaluated after the settlement's day: what is owed now, not by then; late penalties in the
    // net run on to the evaluation date, and without any the net is fixed.
    let counted = t.late_penalty > rust_decimal::Decimal::ZERO;
    let overdue = match (lang, counted) {
        _ if t.overdue_days <= 0 => None,
        (Lang::Zh, true) => Some(format!("（违约金计至计算截至日；结算期限{due}已过）")),
        (Lang::Zh, false) => Some(format!("（结算期限{due}已过）")),
        (Lang::En, true) => Some(format!(
            " (penalties counted to the evaluation date; the settlement was due by {due})"
        )),
        (Lang::En, false) => Some(format!(" (the settlement was due by {due})")),
    };
    match (t.payer, lang, overdue) {
        (Payer::Client, Lang::Zh, Some(o)) => format!("甲方（客户）应向乙方支付 {net}{o}"),
        (Payer::Client, Lang::En, Some(o)) => format!("the client owes the supplier {net}{o}"),
        (Payer::Supplier, Lang::Zh, Some(o)) => format!("乙方（服务商）应向甲方支付 {net}{o}"),
        (Payer::Supplier, Lang::En, Some(o)) => format!("the supplier owes the client {net}{o}"),
        (Payer::Client, Lang::Zh, None) => {
            format!("甲方（客户）应于{due}前向乙方支付 {net}{runs_on}")
        }
        (Payer::Client, Lang::En, None) => {
            format!("the client pays the supplier {net} by {due}{runs_on}")
        }
        (Payer::Supplier, Lang::Zh, None) => {
            format!("乙方（服务商）应于{due}前向甲方支付 {net}{runs_on}")
        }
        (Payer::Supplier, Lang::En, None) => {
            format!("the supplier pays the client {net} by {due}{runs_on}")
        }
        (Payer::None, Lang::Zh, _) => "双方互不支付".to_string(),
        (Payer::None, Lang::En, _) => "neither side pays".to_string(),
    }
}

/// A rate's LPR series inside a sentence (the form's option names are [`crate::text::terms`]).
pub const fn lpr_term(t: crate::engine::scenario::LprTerm) -> Text {
    use crate::engine::scenario::LprTerm;
    match t {
        LprTerm::OneYear => Text("一年期", "one-year"),
        LprTerm::FiveYear => Text("五年期以上", "five-year"),
    }
}

/// §9 the day whose LPR a rate takes, inside a sentence: 到期日 / on the due date, or the date;
/// the contract's start with its date (`start`), the day the tool takes for 合同订立时.
pub fn lpr_fixing(f: crate::engine::scenario::LprFixing, start: NaiveDate, lang: Lang) -> String {
    use crate::engine::scenario::LprFixing;
    match (f, lang) {
        (LprFixing::DueDate, Lang::Zh) => "到期日".to_string(),
        (LprFixing::FirstDayLate, Lang::Zh) => "逾期首日".to_string(),
        (LprFixing::ContractStart, Lang::Zh) => {
            format!("合同开始日（{}）", date_words(start, lang))
        }
        (LprFixing::On(d), Lang::Zh) => date_words(d, lang),
        (LprFixing::Floating, Lang::Zh) => "同期".to_string(),
        (LprFixing::DueDate, Lang::En) => "on the due date".to_string(),
        (LprFixing::FirstDayLate, Lang::En) => "on the first day late".to_string(),
        (LprFixing::ContractStart, Lang::En) => {
            format!("on the contract's start ({})", date_words(start, lang))
        }
        (LprFixing::On(d), Lang::En) => format!("on {}", date_words(d, lang)),
        (LprFixing::Floating, Lang::En) => "floating (同期)".to_string(),
    }
}

/// The billing cycle as a unit: 月 / month.
pub const fn cycle_unit(c: crate::engine::scenario::Cycle) -> Text {
    use crate::engine::scenario::Cycle;
    match c {
        Cycle::Monthly => Text("月", "month"),
        Cycle::Quarterly => Text("季度", "quarter"),
        Cycle::Yearly => Text("年", "year"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario::LprFixing;
    use crate::test_support::date;

    #[test]
    fn an_lpr_fixed_at_the_contracts_start_names_that_day() {
        // §9 `contract_start` takes the LPR of contract.start, the first day of service, which
        // may not be the day of signing: the day is named, not "合同订立时".
        let start = date("2025-03-01");
        assert_eq!(
            lpr_fixing(LprFixing::ContractStart, start, Lang::Zh),
            "合同开始日（2025年3月1日）"
        );
        assert_eq!(
            lpr_fixing(LprFixing::ContractStart, start, Lang::En),
            "on the contract's start (1 Mar 2025)"
        );
    }
}
