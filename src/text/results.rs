//! Sentences the results add to the figures (spec §10, §11, §13): what was assumed, whether the
//! penalty is likely to be reduced, what an overdue settlement costs.

use crate::engine::money::format_yuan;
use crate::engine::reasonableness::Reasonableness;
use crate::engine::termination::TerminationResult;
use crate::engine::warnings::Warning;
use crate::text::{date_words, Lang};
use chrono::NaiveDate;

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
            "{years}年的放假安排尚未公布：节假日按《全国年节及纪念日放假办法》推算（含补假、不含调休上班），到期日可能与实际安排相差几天"
        ),
        Lang::En if first == last => format!(
            "{years}'s holiday arrangement is not yet published: rest days follow the national holiday rules (with substitute days, without make-up working days), so a due date may differ by a few days"
        ),
        Lang::En => format!(
            "The holiday arrangements for {years} are not yet published: rest days follow the national holiday rules (with substitute days, without make-up working days), so a due date may differ by a few days"
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
            "the LPR after {} is taken as the latest fixing before it; add newer fixings under “LPR fixings” if published",
            date_words(*known_until, lang)
        ),
    }
}

/// §11 in plain words, citing the rule, marked as a reference.
pub fn reasonableness(r: &Reasonableness, lang: Lang) -> String {
    let (loss, threshold) = (format_yuan(r.loss_reference), format_yuan(r.threshold));
    let ratio = r.ratio.map(|x| x.round_dp(2).normalize().to_string());
    match (lang, r.above_threshold, ratio) {
        (Lang::Zh, above, Some(x)) => format!(
            "违约金是按一年期 LPR 计算的资金占用损失（{loss}）的 {x} 倍；{}损失的 1.3 倍（{threshold}）。违约金超过损失 30% 的，一般可认定为过分高于损失，法院可依申请酌减（《民法典》第585条第2款；《最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释》第65条）。仅供参考，不构成法律意见。",
            if above { "高于" } else { "未超过" }
        ),
        (Lang::En, above, Some(x)) => format!(
            "The penalty is {x} times the loss of the use of the money at the one-year LPR ({loss}); it is {} 1.3 times the loss ({threshold}). A penalty more than 30% above the loss is generally excessively high, and a court may reduce it on request (Civil Code Art. 585 ¶2; SPC interpretation of the general part of contracts, 2023, Art. 65). A reference, not legal advice.",
            if above { "above" } else { "not above" }
        ),
        (Lang::Zh, _, None) => "按一年期 LPR 计算的资金占用损失为零，无法比较。".into(),
        (Lang::En, _, None) => "The loss at the one-year LPR is zero: nothing to compare.".into(),
    }
}

/// §13 a settlement paid late: the days and the interest at the one-year LPR.
pub fn overdue(t: &TerminationResult, lang: Lang) -> Option<String> {
    if t.overdue_days <= 0 {
        return None;
    }
    let days = t.overdue_days;
    let interest = t.overdue_interest.map(format_yuan);
    Some(match (lang, interest) {
        (Lang::Zh, Some(i)) => {
            format!("已逾期 {days} 日未付；按一年期 LPR 计，逾期利息 {i}（《民法典》第584条）")
        }
        (Lang::Zh, None) => format!("已逾期 {days} 日未付（2015年10月24日前无 LPR，未计利息）"),
        (Lang::En, Some(i)) => {
            format!("{days} days overdue; interest at the one-year LPR {i} (Civil Code Art. 584)")
        }
        (Lang::En, None) => {
            format!("{days} days overdue (no LPR before 24 Oct 2015: no interest computed)")
        }
    })
}

/// A termination for the client's breach dated before the right to terminate for late payment
/// arose, or with no such right.
pub fn no_termination_right(
    date: NaiveDate,
    after_days: Option<u32>,
    right_from: Option<NaiveDate>,
    lang: Lang,
) -> String {
    let day = date_words(date, lang);
    match (lang, after_days, right_from) {
        (Lang::Zh, None, _) => format!("注意：合同未约定甲方逾期付款时乙方的解除权；以甲方逾期付款为由于{day}解除，须另有依据（如《民法典》第563条）"),
        (Lang::En, None, _) => format!("Note: the contract gives no right to terminate for late payment; terminating for it on {day} needs another ground (e.g. Civil Code Art. 563)"),
        (Lang::Zh, Some(k), Some(from)) => format!("注意：以甲方逾期付款为由解除，解除权（逾期超过{k}日）自{}起才产生，晚于终止日{day}", date_words(from, lang)),
        (Lang::En, Some(k), Some(from)) => format!("Note: the right to terminate for late payment (more than {k} days late) arose only on {}, after the termination date {day}", date_words(from, lang)),
        (Lang::Zh, Some(k), None) => format!("注意：至终止日{day}，甲方没有逾期超过{k}日的款项，乙方尚无因逾期付款解除合同的权利"),
        (Lang::En, Some(k), None) => format!("Note: by the termination date {day} no payment was more than {k} days late: no right yet to terminate for late payment"),
    }
}
