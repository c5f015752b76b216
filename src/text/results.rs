//! Sentences the results add to the figures (spec §10, §11, §13): what was assumed, whether the
//! penalty is likely to be reduced, what an overdue settlement costs.

use crate::engine::money::format_yuan;
use crate::engine::reasonableness::Reasonableness;
use crate::engine::termination::TerminationResult;
use crate::engine::warnings::Warning;
use crate::text::{date_words, Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// §10 the rest days of the years `first` through `last` (one sentence for a run of years, not
/// one per year), saying what to do about it.
pub fn provisional_years(first: i32, last: i32, lang: Lang) -> String {
    let years = if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    };
    match lang {
        Lang::Zh => format!(
            "内置数据未收录{years}年的放假安排（国务院办公厅通知）：节假日按《全国年节及纪念日放假办法》推算（含补假、不含调休上班），到期日可能与实际安排相差几天"
        ),
        Lang::En if first == last => format!(
            "The built-in data holds no holiday arrangement for {years} (State Council notice): rest days follow the national holiday rules (with substitute days, without make-up working days), so a due date may differ by a few days"
        ),
        Lang::En => format!(
            "The built-in data holds no holiday arrangements for {years} (State Council notices): rest days follow the national holiday rules (with substitute days, without make-up working days), so a due date may differ by a few days"
        ),
    }
}

/// One assumption in words, saying what to do about it.
pub fn warning(w: &Warning, lang: Lang) -> String {
    match (w, lang) {
        (Warning::CalendarProvisional { year }, _) => provisional_years(*year, *year, lang),
        (Warning::LprBeyondTable { known_until }, Lang::Zh) => format!(
            "{}之后的 LPR 按此前最近一次报价计；如已公布新的报价，请在“LPR 报价”中补充",
            date_words(*known_until, lang)
        ),
        (Warning::LprBeyondTable { known_until }, Lang::En) => format!(
            "The LPR after {} is taken as the latest fixing before it; add newer fixings under “LPR fixings” if published",
            date_words(*known_until, lang)
        ),
    }
}

/// After a penalty worked out beyond the evaluation date (the what-if), the assumptions it made
/// that the page's own penalty did not (§10: never silent): the penalty's own
/// (`LatePaymentSummary::assumed`), so an LPR among them moved it.
pub fn also_assumes(extra: &[Warning], lang: Lang) -> String {
    let list = assumptions(extra, lang);
    match lang {
        Lang::Zh => format!("（此数字另有假设：{list}）"),
        Lang::En => format!(" (this figure also assumes: {list})"),
    }
}

/// The same under the year-ahead curve, a sentence of its own: what its penalties assumed
/// (`ExposurePoint::warnings`), so an LPR among them is the penalty's own.
pub fn curve_also_assumes(extra: &[Warning], lang: Lang) -> String {
    let list = assumptions(extra, lang);
    match lang {
        Lang::Zh => format!("上图另有假设：{list}。"),
        Lang::En => format!("The curve above also assumes: {list}."),
    }
}

/// The assumptions as a list inside a sentence (English: each from a small letter).
fn assumptions(extra: &[Warning], lang: Lang) -> String {
    let list: Vec<String> = extra
        .iter()
        .map(|w| {
            let mut text = warning(w, lang);
            if let Some(first) = text
                .get(..1)
                .filter(|f| f.chars().all(|c| c.is_ascii_uppercase()))
            {
                text.replace_range(..1, &first.to_ascii_lowercase());
            }
            text
        })
        .collect();
    list.join(if lang == Lang::Zh { "；" } else { "; " })
}

/// The assumptions in `more` that `base` does not make, each once.
pub fn beyond(base: &[Warning], more: &[Warning]) -> Vec<Warning> {
    let mut out: Vec<Warning> = Vec::new();
    for w in more {
        if !base.contains(w) && !out.contains(w) {
            out.push(*w);
        }
    }
    out
}

/// After the LPR warning, when no figure owed is at the LPR.
pub const LPR_FOR_REFERENCE_ONLY: Text = Text(
    "（只涉及第585条参考中的损失估算，不影响违约金）",
    " (this concerns only the loss estimated for the Art. 585 reference, not the penalties)",
);

/// §11 in plain words, citing the rule, marked as a reference. A penalty above the threshold but
/// at most 1.95 times the loss at the LPR is within 1.3 times the loss as courts also measure a
/// late payment's loss, the LPR plus 30–50% (SPC interpretation on sales contracts Art. 18 ¶4,
/// applied to other paid contracts by Civil Code Art. 646): said, so that a court's own measure
/// is not read as "likely to be reduced" (README "Where the spec is silent").
pub fn reasonableness(r: &Reasonableness, lang: Lang) -> String {
    let (loss, threshold) = (format_yuan(r.loss_reference), format_yuan(r.threshold));
    let within_plus_half = r.above_threshold && r.within_lpr_plus_half;
    let ratio = ratio_words(r);
    let below_loss = r.ratio.is_some_and(|x| x < Decimal::ONE);
    // Before the first LPR the loss is at the PBOC benchmark rate, and is named so.
    let (at_zh, at_en) = if r.benchmark_days {
        (
            "按一年期 LPR（2019年8月20日前为贷款基准利率）",
            "at the one-year LPR (before 20 Aug 2019 the PBOC benchmark rate)",
        )
    } else {
        ("按一年期 LPR ", "at the one-year LPR")
    };
    // Late days all before 2021: the law then in force, cited as such throughout (SPC provisions on
    // the Civil Code's temporal effect, Art. 1 ¶2); the standard is the same.
    let old = r.before_civil_code;
    let (cite_zh, cite_en) = if old {
        (
            "《合同法》第114条第2款；《最高人民法院关于适用〈中华人民共和国合同法〉若干问题的解释（二）》第29条",
            "Contract Law Art. 114 ¶2; SPC Interpretation (II) of the Contract Law, Art. 29",
        )
    } else {
        (
            "《民法典》第585条第2款；《最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释》第65条",
            "Civil Code Art. 585 ¶2; SPC Interpretation on the General Provisions of the Contracts Book of the Civil Code, 2023, Art. 65",
        )
    };
    let mut text = match (lang, r.above_threshold, ratio) {
        (Lang::Zh, above, Some(x)) => format!(
            "违约金{}{at_zh}计算的资金占用损失（{loss}）的 {} 倍；{}损失的 1.3 倍（{threshold}）。违约金超过损失 30% 的，一般可认定为过分高于损失，法院可依申请酌减（{cite_zh}）。",
            if x.about { format!("（{}）约为", format_yuan(r.penalty)) } else { "是".into() },
            x.shown,
            if above { "高于" } else { "未超过" }
        ),
        (Lang::En, above, Some(x)) => format!(
            "The penalty {} {} times the loss of the use of the money {at_en} ({loss}); it is {} 1.3 times the loss ({threshold}). A penalty more than 30% above the loss is generally excessively high, and a court may reduce it on request ({cite_en}). ",
            if x.about { format!("({}) is about", format_yuan(r.penalty)) } else { "is".into() },
            x.shown,
            if above { "above" } else { "not above" }
        ),
        (Lang::Zh, _, None) => return format!("按一年期 LPR 计算的资金占用损失为 {loss}，无法比较。"),
        (Lang::En, _, None) => {
            return format!("The loss at the one-year LPR is {loss}: nothing to compare.")
        }
    };
    if old {
        text.push_str(match lang {
            Lang::Zh => "所涉逾期均在民法典施行（2021年1月1日）前，依《最高人民法院关于适用〈中华人民共和国民法典〉时间效力的若干规定》第1条第2款适用当时的法律。",
            Lang::En => "All the late days are before the Civil Code took effect (1 Jan 2021), so the law then in force applies (SPC Provisions on the Temporal Effect of the Civil Code, Art. 1 ¶2). ",
        });
    }
    if below_loss {
        text.push_str(match (lang, old) {
            (Lang::Zh, false) => "违约金低于损失的，乙方可请求人民法院或仲裁机构予以增加，以实际损失为限（《民法典》第585条第2款）。",
            (Lang::Zh, true) => "违约金低于损失的，乙方可请求人民法院或仲裁机构予以增加，以实际损失为限（《合同法》第114条第2款；合同法解释（二）第28条）。",
            (Lang::En, false) => "A penalty below the loss may be increased, up to the actual loss, by a court or arbitral body at the supplier's request (Civil Code Art. 585 ¶2). ",
            (Lang::En, true) => "A penalty below the loss may be increased, up to the actual loss, by a court or arbitral body at the supplier's request (Contract Law Art. 114 ¶2; Interpretation (II) Art. 28). ",
        });
    }
    if within_plus_half {
        text.push_str(match (lang, old) {
            (Lang::Zh, false) => "但逾期付款损失也常以一年期 LPR 加计 30%—50% 计算（《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第18条第4款，其他有偿合同依《民法典》第646条参照适用）；按加计 50% 计，违约金未超过损失的 1.3 倍。",
            (Lang::Zh, true) => "但逾期付款损失也常以同期贷款利率加计 30%—50% 计算（《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》（2012年）第24条第4款，其他有偿合同依《合同法》第174条参照适用）；按加计 50% 计，违约金未超过损失的 1.3 倍。",
            (Lang::En, false) => "But courts also measure the loss from a late payment at the one-year LPR plus 30–50% (SPC interpretation on sales contracts, Art. 18 ¶4, applied to other paid contracts under Civil Code Art. 646); measured at the LPR plus 50%, the penalty is not above 1.3 times the loss. ",
            (Lang::En, true) => "But courts also measured the loss from a late payment at the lending rate plus 30–50% (SPC interpretation on sales contracts, 2012, Art. 24 ¶4, applied to other paid contracts under Contract Law Art. 174); measured at plus 50%, the penalty is not above 1.3 times the loss. ",
        });
    }
    text.push_str(match lang {
        Lang::Zh => "仅供参考，不构成法律意见。",
        Lang::En => "A reference, not legal advice.",
    });
    text
}

/// The ratio as the statement shows it.
struct RatioWords {
    shown: String,
    /// Four places still read 1.3 though the penalty is not 1.3 × the loss to the fen: the
    /// statement names the amounts, so that "1.3 times, above 1.3 times" does not read as a
    /// contradiction.
    about: bool,
}

/// The ratio to two places, or its four where two would read 1.3 beside "above 1.3 times".
fn ratio_words(r: &Reasonableness) -> Option<RatioWords> {
    let x = r.ratio?;
    let short = x.round_dp(2);
    let (shown, close) = if short == Decimal::new(13, 1) {
        (x, x == Decimal::new(13, 1))
    } else {
        (short, false)
    };
    Some(RatioWords {
        shown: shown.normalize().to_string(),
        about: close && r.penalty != r.threshold,
    })
}

/// §11 in a line, for the late-payment card before it is opened: what a client checking the
/// penalty wants first (the full reference is inside the card).
pub fn reasonableness_short(r: &Reasonableness, lang: Lang) -> Option<String> {
    let ratio = ratio_words(r)?;
    // Late days before 20 Aug 2019 are measured at the PBOC benchmark rate: named with the LPR.
    let (at_zh, at_en) = match (r.all_benchmark, r.benchmark_days) {
        (true, _) => ("按贷款基准利率", "at the benchmark rate"),
        (false, true) => ("按贷款基准利率/LPR", "at the benchmark rate/LPR"),
        (false, false) => ("按 LPR ", "at the LPR"),
    };
    let (penalty, threshold) = (format_yuan(r.penalty), format_yuan(r.threshold));
    let x = match (lang, ratio.about) {
        (Lang::Zh, true) => format!("约 1.3 倍（{penalty}，1.3 倍为 {threshold}）"),
        (Lang::En, true) => {
            format!(
                "about 1.3 times the loss {at_en} ({penalty}; 1.3 times the loss is {threshold})"
            )
        }
        (Lang::Zh, false) => format!(" {} 倍", ratio.shown),
        (Lang::En, false) => format!("{} times the loss {at_en}", ratio.shown),
    };
    let (law_zh, law_en) = if r.before_civil_code {
        ("合同法第114条", "Contract Law Art. 114")
    } else {
        ("第585条", "Art. 585")
    };
    Some(match (lang, r.above_threshold, r.within_lpr_plus_half) {
        (Lang::Zh, true, false) => {
            format!("违约金为{at_zh}计算的损失的{x}，超过 1.3 倍：法院可依申请酌减（{law_zh}）")
        }
        (Lang::En, true, false) => format!(
            "the penalty is {x}, above 1.3 times: a court may reduce it on request ({law_en})"
        ),
        (Lang::Zh, true, true) => {
            format!(
                "违约金为{at_zh}计算的损失的{x}，超过 1.3 倍；但{at_zh}加计 50% 计未超过，未必被酌减"
            )
        }
        (Lang::En, true, true) => {
            format!("the penalty is {x}, above 1.3 times; but within 1.3 times the loss {at_en} plus 50%, so not necessarily reduced")
        }
        (Lang::Zh, false, _) => format!("违约金为{at_zh}计算的损失的{x}，未超过 1.3 倍"),
        (Lang::En, false, _) => format!("the penalty is {x}, within 1.3 times"),
    })
}

/// §13 a settlement paid late: the days and the interest at the one-year LPR. With payments
/// after the settlement's day (`paid_after_due`), which §13's interest on the net of the
/// evaluation date does not follow day by day, what was owed on that day (`owed_on_due`); when
/// they changed who pays, the interest is not the present payer's, and said so.
pub fn overdue(t: &TerminationResult, lang: Lang) -> Option<String> {
    let (paid_after, then) = (t.paid_after_due, t.owed_on_due);
    if t.overdue_days <= 0 {
        return None;
    }
    let days = t.overdue_days;
    let interest = t.overdue_interest.map(format_yuan);
    let first_late = t.due.succ_opt().unwrap_or(t.due);
    let last_late = t
        .due
        .checked_add_days(chrono::Days::new(days.unsigned_abs()))
        .unwrap_or(first_late);
    // Days into 2021 are under the Civil Code, those before under the Contract Law (SPC
    // provisions on the Civil Code's temporal effect, Art. 1 ¶3).
    let law = crate::text::law::cite_over(
        crate::text::law::Provision::Damages,
        first_late,
        last_late,
        lang,
    );
    // Days before the first LPR are at the PBOC benchmark lending rate, named as what it is.
    let lpr_start = crate::engine::lpr::lpr_start();
    let (rate_zh, rate_en) = if last_late < lpr_start {
        (
            "按一年期贷款基准利率计",
            "at the PBOC one-year benchmark lending rate",
        )
    } else if first_late < lpr_start {
        (
            "按一年期贷款基准利率（2019年8月20日起为一年期 LPR）计",
            "at the PBOC one-year benchmark lending rate (from 20 Aug 2019 the one-year LPR)",
        )
    } else {
        ("按一年期 LPR 计", "at the one-year LPR")
    };
    // Days past the built-in data take the latest fixing, assumed (§10): said where the figure is.
    let known = crate::engine::lpr::known_until();
    let assumed = (last_late > known).then(|| match lang {
        Lang::Zh => format!("（{}后的 LPR 为假设）", date_words(known, lang)),
        Lang::En => format!(" (the LPR after {} assumed)", date_words(known, lang)),
    });
    let (rate_zh, rate_en) = (
        format!("{rate_zh}{}", assumed.as_deref().unwrap_or_default()),
        format!("{rate_en}{}", assumed.as_deref().unwrap_or_default()),
    );
    // Payments after the settlement's day turned the other side into the payer: the one paying
    // now was not late then, which §13's figure assumes; said instead of "overdue".
    if let Some((payer, net)) = then.filter(|(payer, _)| *payer != t.payer) {
        let (p, net, now) = (
            format_yuan(paid_after),
            format_yuan(net),
            format_yuan(t.net),
        );
        let (before, after) = (
            crate::text::report::payer_direction(payer).get(lang),
            crate::text::report::payer_direction(t.payer).get(lang),
        );
        let i = interest.unwrap_or_default();
        return Some(match lang {
            Lang::Zh => format!("结算期限届满时应付款的是 {before} {net}；期限后付款 {p} 后，现为 {after} {now}。按计算截至日净额自期限次日起计的利息 {i}，以现付款方自期限次日起逾期为前提，并不成立；双方各自的逾期应按付款日分段计算（{law}）"),
            Lang::En => format!("On the settlement's day the net was {before} {net}; after {p} paid since, it is {after} {now}. Interest of {i} on today's net from the day after assumes the present payer was late from then, which it was not: each side's lateness is worked out payment by payment ({law})"),
        });
    }
    let mut text = match (lang, interest) {
        (Lang::Zh, Some(i)) => {
            format!("已逾期 {days} 日未付；{rate_zh}，逾期利息 {i}（{law}）")
        }
        (Lang::Zh, None) => {
            format!("已逾期 {days} 日未付（本计算器所含利率自2015年10月24日起，未计利息）")
        }
        (Lang::En, Some(i)) => {
            format!("{days} days overdue; interest {rate_en} {i} ({law})")
        }
        (Lang::En, None) => {
            format!("{days} days overdue (the rates this calculator holds start on 24 Oct 2015: no interest computed)")
        }
    };
    // §13 counts the interest on the whole net; the part of it that is penalties is named, as
    // courts seldom allow interest on a penalty.
    let penalties = penalties_in_net(t);
    if t.overdue_interest.is_some() && penalties > Decimal::ZERO {
        let p = format_yuan(penalties);
        text.push_str(&match lang {
            Lang::Zh => format!("；计息基数中含违约金 {p}，对违约金计收利息，法院通常不予支持"),
            Lang::En => format!(
                "; the base includes {p} of penalties, on which courts seldom allow interest"
            ),
        });
    }
    // §13 counts it on fees that bear the contract's late penalty for the same days.
    let client_pays = t.payer == crate::engine::termination::Payer::Client;
    if t.overdue_interest.is_some() && client_pays && t.late_penalty > Decimal::ZERO {
        text.push_str(match lang {
            Lang::Zh => "；基数中的未付费用同期已按约定计违约金，再计利息可能被认定为重复",
            Lang::En => "; the unpaid fees in the base already bear the agreed late penalty for the same days, so interest on them may be held a double recovery",
        });
    }
    if let (Some((_, net)), Some(_)) = (then, t.overdue_interest) {
        let (p, net) = (format_yuan(paid_after), format_yuan(net));
        text.push_str(&match lang {
            Lang::Zh => format!("；结算期限届满时应付 {net}，期限后另有付款 {p}：上述利息按计算截至日的净额自期限次日起计，未按付款日分段，实际损失应按付款日分段计算"),
            Lang::En => format!("; {net} was owed on the settlement's day and {p} paid after it: this interest runs on the net of the evaluation date from the day after, not split at the payments; the actual loss is worked out payment by payment"),
        });
    }
    Some(text)
}

/// The penalties in the settlement's net, on the side that pays it: the late penalties and the
/// client's agreed penalties when the client pays, the supplier's when the supplier does (at
/// most the net).
fn penalties_in_net(t: &TerminationResult) -> Decimal {
    use crate::engine::termination::{agreed_penalties, Payer};
    let part = match t.payer {
        Payer::Client => t.late_penalty + agreed_penalties(&t.client_charge_lines),
        Payer::Supplier => agreed_penalties(&t.supplier_charge_lines),
        Payer::None => Decimal::ZERO,
    };
    part.min(t.net)
}

/// A termination for the client's breach dated before the right to terminate for late payment
/// arose, after it lapsed (`lapsed`: the arrears that gave it were paid), or with no such right.
pub fn no_termination_right(
    date: NaiveDate,
    after_days: Option<u32>,
    right_from: Option<NaiveDate>,
    lapsed: bool,
    lang: Lang,
) -> String {
    let day = date_words(date, lang);
    let law = crate::text::law::cite(crate::text::law::Provision::TerminationGrounds, date, lang);
    match (lang, after_days, right_from) {
        (Lang::Zh, Some(k), Some(from)) if lapsed => format!("注意：逾期超过{k}日的解除权自{}起产生，但相应欠款已在终止日{day}前付清；以甲方逾期付款为由解除，可能须另有依据（如{law}）", date_words(from, lang)),
        (Lang::En, Some(k), Some(from)) if lapsed => format!("Note: the right to terminate for late payment (more than {k} days late) arose on {}, but those arrears were paid before the termination date {day}; terminating for late payment then may need another ground (e.g. {law})", date_words(from, lang)),
        (Lang::Zh, None, _) => format!("注意：合同未约定甲方逾期付款时乙方的解除权；以甲方逾期付款为由于{day}解除，须另有依据（如{law}）"),
        (Lang::En, None, _) => format!("Note: the contract gives no right to terminate for late payment; terminating for it on {day} needs another ground (e.g. {law})"),
        (Lang::Zh, Some(k), Some(from)) => format!("注意：以甲方逾期付款为由解除，解除权（逾期超过{k}日）自{}起才产生，晚于终止日{day}；可能须另有依据（如{law}）", date_words(from, lang)),
        (Lang::En, Some(k), Some(from)) => format!("Note: the right to terminate for late payment (more than {k} days late) arose only on {}, after the termination date {day}; terminating then may need another ground (e.g. {law})", date_words(from, lang)),
        (Lang::Zh, Some(k), None) => format!("注意：至终止日{day}，甲方没有逾期超过{k}日的款项，乙方尚无因逾期付款解除合同的权利"),
        (Lang::En, Some(k), None) => format!("Note: by the termination date {day} no payment was more than {k} days late: no right yet to terminate for late payment"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::d;

    fn assessed(penalty: &str, loss: &str) -> Reasonableness {
        let (penalty, loss) = (d(penalty), d(loss));
        let threshold = (loss * d("1.3")).round_dp(2);
        Reasonableness {
            loss_reference: loss,
            threshold,
            ratio: Some((penalty / loss).round_dp(4)),
            above_threshold: penalty > threshold,
            within_lpr_plus_half: penalty <= (loss * d("1.95")).round_dp(2),
            benchmark_days: false,
            all_benchmark: false,
            before_civil_code: false,
            penalty,
        }
    }

    #[test]
    fn a_penalty_of_2018_is_measured_at_the_benchmark_rate_under_the_law_then() {
        // Late days all in 2018: the loss is at the PBOC benchmark rate, and Contract Law Art.
        // 114 governs (the Civil Code from 2021 only). A penalty at half the loss may be raised.
        let mut r = assessed("500.00", "1000.00");
        r.benchmark_days = true;
        r.before_civil_code = true;
        let text = reasonableness(&r, Lang::Zh);
        assert!(
            text.contains("违约金是按一年期 LPR（2019年8月20日前为贷款基准利率）计算的资金占用损失（¥1,000.00）的 0.5 倍"),
            "{text}"
        );
        assert!(
            text.contains("违约金低于损失的，乙方可请求人民法院或仲裁机构予以增加，以实际损失为限"),
            "{text}"
        );
        // Cited under the law then in force throughout, not the Civil Code.
        assert!(text.contains("《合同法》第114条第2款"), "{text}");
        assert!(!text.contains("民法典》第585条"), "{text}");
        let mut above = assessed("2000.00", "1000.00");
        above.before_civil_code = true;
        above.benchmark_days = true;
        let short = reasonableness_short(&above, Lang::Zh).unwrap_or_default();
        assert!(short.ends_with("（合同法第114条）"), "{short}");
        // Its loss is at the benchmark rate, and the line says so, not "按 LPR".
        assert!(
            short.starts_with("违约金为按贷款基准利率/LPR计算的损失的 2 倍"),
            "{short}"
        );
        above.all_benchmark = true;
        let short = reasonableness_short(&above, Lang::Zh).unwrap_or_default();
        assert!(
            short.starts_with("违约金为按贷款基准利率计算的损失的 2 倍"),
            "{short}"
        );
        let plain = reasonableness(&assessed("1500.04", "1000.00"), Lang::Zh);
        assert!(
            plain.contains("违约金是按一年期 LPR 计算的资金占用损失"),
            "{plain}"
        );
        assert!(
            !plain.contains("合同法") && !plain.contains("予以增加"),
            "{plain}"
        );
    }

    #[test]
    fn a_penalty_at_one_and_a_half_times_the_lpr_is_said_to_be_within_the_courts_own_measure() {
        // 1.5 × the floating LPR: ¥8,297.22 against a loss of ¥5,531.48 at the LPR. Above 1.3 ×
        // that loss (¥7,190.92), but a court measuring the loss at LPR + 50% finds it within.
        let text = reasonableness(&assessed("8297.22", "5531.48"), Lang::Zh);
        assert!(
            text.contains("的 1.5 倍；高于损失的 1.3 倍（¥7,190.92）"),
            "{text}"
        );
        assert!(text.contains("加计 30%—50%"), "{text}");
        // In a line on the closed card: above 1.3 times, but not necessarily reduced.
        assert_eq!(
            reasonableness_short(&assessed("8297.22", "5531.48"), Lang::Zh).as_deref(),
            Some("违约金为按 LPR 计算的损失的 1.5 倍，超过 1.3 倍；但按 LPR 加计 50% 计未超过，未必被酌减")
        );
        assert!(text.contains("第18条第4款"), "{text}");
        assert!(text.ends_with("仅供参考，不构成法律意见。"), "{text}");
        let text = reasonableness(&assessed("8297.22", "5531.48"), Lang::En);
        assert!(text.contains("LPR plus 30–50%"), "{text}");
        assert!(text.ends_with("A reference, not legal advice."), "{text}");
    }

    #[test]
    fn a_ratio_next_to_the_threshold_keeps_the_places_that_decide_it() {
        // ¥1,301.00 against a loss of ¥1,000.00 is 1.301×: "1.3 倍；高于损失的 1.3 倍" would
        // contradict itself, so the ratio keeps four places; ¥1,299.00 is 1.299×, within.
        let above = reasonableness(&assessed("1301.00", "1000.00"), Lang::Zh);
        assert!(above.contains("的 1.301 倍；高于损失的 1.3 倍"), "{above}");
        let within = reasonableness(&assessed("1299.00", "1000.00"), Lang::Zh);
        assert!(
            within.contains("的 1.299 倍；未超过损失的 1.3 倍"),
            "{within}"
        );
        // ¥1,300.01 against ¥1,000.00 is 1.30001×, which four places still show as 1.3: the
        // amounts are named, so "1.3 times, above 1.3 times" does not read as a contradiction.
        let hair = assessed("1300.01", "1000.00");
        let text = reasonableness(&hair, Lang::Zh);
        assert!(
            text.contains("违约金（¥1,300.01）约为按一年期 LPR 计算的资金占用损失（¥1,000.00）的 1.3 倍；高于损失的 1.3 倍（¥1,300.00）"),
            "{text}"
        );
        assert_eq!(
            reasonableness_short(&hair, Lang::Zh).as_deref(),
            Some("违约金为按 LPR 计算的损失的约 1.3 倍（¥1,300.01，1.3 倍为 ¥1,300.00），超过 1.3 倍；但按 LPR 加计 50% 计未超过，未必被酌减")
        );
        let text = reasonableness(&hair, Lang::En);
        assert!(
            text.contains("The penalty (¥1,300.01) is about 1.3 times the loss"),
            "{text}"
        );
        // Exactly 1.3 times to the fen: no "about".
        let exact = reasonableness(&assessed("1300.00", "1000.00"), Lang::Zh);
        assert!(
            exact.contains("违约金是按一年期 LPR 计算的资金占用损失（¥1,000.00）的 1.3 倍；未超过"),
            "{exact}"
        );
        // Away from the threshold, two places.
        let far = reasonableness(&assessed("1500.04", "1000.00"), Lang::Zh);
        assert!(far.contains("的 1.5 倍；"), "{far}");
    }

    #[test]
    fn a_penalty_of_twice_the_loss_or_one_within_it_gets_no_such_sentence() {
        // 日万分之五 is 18.25% a year, some five times the LPR: above either measure.
        let high = reasonableness(&assessed("11062.96", "5531.48"), Lang::Zh);
        assert!(high.contains("的 2 倍；高于损失的 1.3 倍"), "{high}");
        assert!(!high.contains("加计"), "{high}");
        // 1.2 × the loss: not above the threshold, nothing to qualify.
        let low = reasonableness(&assessed("6637.78", "5531.48"), Lang::Zh);
        assert!(low.contains("未超过损失的 1.3 倍"), "{low}");
        assert!(!low.contains("加计"), "{low}");
        // The edge: 1.95 × the loss is 1.3 × (LPR + 50%) exactly, and still within.
        let edge = reasonableness(&assessed("10786.39", "5531.48"), Lang::En);
        assert!(edge.contains("LPR plus 30–50%"), "{edge}");
        // ¥400 over 1.95 × a ¥10,000,000 loss is over, though its ratio rounds to 1.9500.
        let over = reasonableness(&assessed("19500400.00", "10000000.00"), Lang::Zh);
        assert!(over.contains("的 1.95 倍；高于损失的 1.3 倍"), "{over}");
        assert!(!over.contains("加计"), "{over}");
    }
}
