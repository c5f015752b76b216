//! What the results panel and the printed statement say (src/present/report): the cards' labels
//! and notes for spec §1 the contract total, §4 and §9 the late-payment penalty and its rights,
//! §5 subcontracting, §6 the termination settlement; the cycle table's heads; the statement's
//! footnote.

use crate::engine::late_payment::RightLapse;
use crate::engine::money::format_yuan;
use crate::engine::scenario::{CapBase, DayCount};
use crate::engine::termination::ChargeKind;
use crate::text::rates::percent;
use crate::text::{date_words, Lang, Text};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

pub const FIGURES: Text = Text("计算结果", "Figures");
pub const PAID_TO_DATE: Text = Text("已付款合计", "Paid to date");

/// The results' date: 截至2025年9月30日 / as of 30 Sep 2025.
pub fn as_of(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("截至{}", date_words(date, lang)),
        Lang::En => format!("as of {}", date_words(date, lang)),
    }
}

/// Payments beyond every fee (spec §3), left unapplied.
/// `settled`: a termination settlement deducts every payment, so the excess is credited there,
/// and said so, lest it be counted twice.
pub fn unapplied(extra: Decimal, settled: bool, lang: Lang) -> String {
    let extra = format_yuan(extra);
    match (lang, settled) {
        (Lang::Zh, false) => format!("其中 {extra} 超出应付费用，未抵充"),
        (Lang::En, false) => format!("{extra} exceeds all fees and is unapplied"),
        (Lang::Zh, true) => format!("其中 {extra} 超出应付费用，已在终止结算中随已付款扣减"),
        (Lang::En, true) => {
            format!("{extra} exceeds all fees; the settlement deducts it with the rest paid")
        }
    }
}

// §1 the contract total and its cycle table.

pub const CONTRACT_TOTAL: Text = Text("合同总金额", "Contract total");

/// The total with the renewed term, beside the contract total.
pub fn with_renewal(months: u32, total: Decimal, lang: Lang) -> String {
    let total = format_yuan(total);
    match lang {
        Lang::Zh => format!("含自动续期 {months} 个月：{total}"),
        Lang::En => format!("with {months} months' renewal: {total}"),
    }
}

pub const HEAD_PERIOD: Text = Text("期间", "Period");
pub const HEAD_AMOUNT: Text = Text("金额", "Amount");
pub const HEAD_DUE: Text = Text("到期日", "Due");
pub const HEAD_PAID: Text = Text("已付", "Paid");
pub const HEAD_DAYS_LATE: Text = Text("逾期天数", "Days late");
pub const HEAD_PENALTY: Text = Text("违约金", "Penalty");
/// A cycle billed in part, by days.
pub const PRORATED: Text = Text("折算", "prorated");
/// A partial cycle billed as a whole one (§1 `partial_cycle: full`).
pub const BILLED_IN_FULL: Text = Text("按整期", "billed in full");
/// A cycle's penalty held at the cap.
pub const CAPPED: Text = Text("封顶", "capped");

/// Beside a due date a rest day moved (Art. 203): the day the clause named.
pub fn moved_from(named: NaiveDate, lang: Lang) -> String {
    let day = format!("{:02}-{:02}", named.month(), named.day());
    match lang {
        Lang::Zh => format!("由{day}顺延"),
        Lang::En => format!("moved from {day}"),
    }
}

// §4 and §9 the late-payment penalty.

pub const LATE_PENALTIES: Text = Text("逾期付款违约金", "Late-payment penalties");
pub const SUSPEND: Text = Text("暂停服务", "suspend service");
pub const TERMINATE: Text = Text("解除合同", "terminate");
pub const RIGHTS_SEPARATOR: Text = Text("；", "; ");
pub const FULL_STOP: Text = Text("。", ".");

/// A line of words that starts a sentence, its first letter a capital (English).
pub fn sentence(mut line: String) -> String {
    if let Some(first) = line.chars().next().filter(char::is_ascii_lowercase) {
        line.replace_range(..1, &first.to_ascii_uppercase().to_string());
    }
    line
}

/// A right late payment gave the supplier (`what`: [`SUSPEND`] or [`TERMINATE`]), first from
/// `from` (§4): standing since `standing` without a break (after earlier arrears were paid, a
/// later date), or no longer (`None`: those arrears are paid); until the contract `ended`.
pub fn right(
    what: Text,
    from: NaiveDate,
    standing: Option<NaiveDate>,
    ended: Option<NaiveDate>,
    lang: Lang,
) -> String {
    let (first, what) = (date_words(from, lang), what.get(lang));
    let Some(since) = standing else {
        return match lang {
            Lang::Zh => format!("乙方曾于{first}起有权{what}（相应欠款已付清）"),
            Lang::En => {
                format!("the supplier could {what} from {first} (those arrears are since paid)")
            }
        };
    };
    let since_words = date_words(since, lang);
    // A right that first arose on arrears since paid: that day is said too.
    let earlier = match (since > from, lang) {
        (false, _) => String::new(),
        (true, Lang::Zh) => format!("（该权利曾于{first}产生，其所依据的欠款均已付清）"),
        (true, Lang::En) => {
            format!(" (the right first arose on {first}; the arrears it rested on are since paid)")
        }
    };
    match (lang, ended) {
        (Lang::Zh, Some(end)) => format!(
            "乙方自{since_words}起有权{what}，至合同于{}终止{earlier}",
            date_words(end, lang)
        ),
        (Lang::En, Some(end)) => format!(
            "the supplier could {what} from {since_words} until the contract ended on {}{earlier}",
            date_words(end, lang)
        ),
        (Lang::Zh, None) => format!("{since_words}起乙方有权{what}{earlier}"),
        (Lang::En, None) => format!("the supplier may {what} from {since_words}{earlier}"),
    }
}

/// A right to terminate that may have lapsed unexercised ([`RightLapse`], 民法典第564条第2款),
/// said as a caveat: whether arrears that go on unpaid start its year again is not settled.
pub fn terminate_right_may_lapse(lapse: RightLapse, lang: Lang) -> String {
    let RightLapse {
        last_day,
        before_code,
    } = lapse;
    let last = date_words(last_day, lang);
    match (lang, before_code) {
        (Lang::Zh, false) => format!(
            "该解除权至{last}已满一年，合同未约定行使期限的，可能已因一年内未行使而消灭（《民法典》第564条第2款；欠款持续未付的，法院对起算认定不一）"
        ),
        (Lang::En, false) => format!(
            "that right had stood a year by {last}: with no agreed period for exercising it, it may have lapsed unexercised (Civil Code Art. 564 ¶2; courts differ on when continuing arrears start the year)"
        ),
        (Lang::Zh, true) => format!(
            "该解除权产生于民法典施行前，合同未约定行使期限的，自2021年1月1日起一年内（至{last}）未行使，可能已消灭（《最高人民法院关于适用〈中华人民共和国民法典〉时间效力的若干规定》第25条；欠款持续未付的，法院对起算认定不一）"
        ),
        (Lang::En, true) => format!(
            "that right arose before the Civil Code: with no agreed period for exercising it, not exercised within a year from 1 Jan 2021 (by {last}), it may have lapsed (SPC Provisions on the Temporal Effect of the Civil Code, Art. 25; courts differ on when continuing arrears start the year)"
        ),
    }
}

/// Evaluated after a term that ended on `end` and renewed itself (whether the renewal still runs
/// or has ended too).
pub fn in_renewal(end: NaiveDate, lang: Lang) -> String {
    let end = date_words(end, lang);
    match lang {
        Lang::Zh => format!("合同于{end}期满后已自动续期：本页只计原合同期限（至{end}）各期的费用、付款与违约金，续期内的费用未计入，其后的付款可能显示为未抵充。续期内的逾期，请另建一个以续期为合同期限的方案计算。"),
        Lang::En => format!("The contract renewed itself after its term ended on {end}: these figures count the fees, payments and penalties of the original term (to {end}) only; the renewal's fees are not billed here, so later payments may show as not applied. For arrears in the renewal, make a scenario whose term is the renewal."),
    }
}

/// Beside agreed penalties other than for late payment (a termination or subcontracting
/// penalty, incidents, quality, confidentiality): the party paying `amount` may ask for it to be
/// reduced when it is excessively above the loss (民法典第585条第2款; before 2021 合同法第114条第2
/// 款). `forfeited`: the supplier also loses the fees it earned (§6), which a court weighs with it.
pub fn penalties_may_be_reduced(
    by_client: bool,
    amount: Decimal,
    on: NaiveDate,
    forfeited: bool,
    lang: Lang,
) -> String {
    let amount = format_yuan(amount);
    let (who_zh, who_en) = if by_client {
        ("甲方", "the client")
    } else {
        ("乙方", "the supplier")
    };
    let law = crate::text::law::cite(crate::text::law::Provision::PenaltyReduction, on, lang);
    match (lang, forfeited) {
        (Lang::Zh, false) => format!("除逾期付款违约金外，{who_zh}承担的约定违约金合计 {amount}；过分高于造成的损失的，{who_zh}可请求人民法院或仲裁机构予以适当减少（{law}）。"),
        (Lang::Zh, true) => format!("除逾期付款违约金外，{who_zh}承担的约定违约金合计 {amount}；过分高于造成的损失的，{who_zh}可请求人民法院或仲裁机构予以适当减少（{law}），不予支付的已发生费用可能一并考量。"),
        (Lang::En, false) => format!("Agreed penalties borne by {who_en}, besides late-payment penalties: {amount} in all; if excessively above the loss caused, {who_en} may ask a court or arbitral body to reduce them ({law})."),
        (Lang::En, true) => format!("Agreed penalties borne by {who_en}, besides late-payment penalties: {amount} in all; if excessively above the loss caused, {who_en} may ask a court or arbitral body to reduce them ({law}), which may weigh the earned fees withheld with them."),
    }
}

/// Beside a subcontracting liability when the contract ended for it on `end` (§6). Without an
/// agreed refund (`refund_paid` false) the settlement still counts no fees earned, so the fees
/// paid come back all the same: that is §6's rule, not the contract's, and said as such.
pub fn subcontracting_is_the_settlement(refund_paid: bool, end: NaiveDate, lang: Lang) -> String {
    if refund_paid {
        return match lang {
            Lang::Zh => "合同因擅自转包解除：此项（违约金及退还已付费用）已计入终止结算，不另行支付".into(),
            Lang::En => "The contract ended for subcontracting: this (the penalty and the refund of fees paid) is in the termination settlement, not a second debt".into(),
        };
    }
    let law = crate::text::law::cite(
        crate::text::law::Provision::SettlementAfterTermination,
        end,
        lang,
    );
    match lang {
        Lang::Zh => format!("合同因擅自转包解除：违约金已计入终止结算，不另行支付。合同未约定退还已付费用，但终止结算按本计算器的规则不计已发生的费用，已付费用因此计回甲方；已提供服务的费用，合同另有约定或法院认定应付的，以其为准（{law}）"),
        Lang::En => format!("The contract ended for subcontracting: the penalty is in the termination settlement, not a second debt. The contract provides no refund of fees paid, but the settlement counts no fees earned by this calculator's rule, so the fees paid come back to the client; where the contract or a court holds the services rendered payable, that prevails ({law})"),
    }
}

/// Beside a subcontracting liability that occurred on `on` while the contract runs: the refund
/// of fees paid (`refund`) is restitution after termination (民法典第566条), and the penalty may
/// be reduced (第585条第2款; before 2021 合同法第97条、第114条第2款).
pub fn subcontracting_while_running(refund: bool, on: NaiveDate, lang: Lang) -> String {
    use crate::text::law::{cite, Provision};
    let (restitution, reduce) = (
        cite(Provision::Restitution, on, lang),
        cite(Provision::PenaltyReduction, on, lang),
    );
    match (refund, lang) {
        (true, Lang::Zh) => format!("合同未解除：退还已付费用以合同解除为前提（{restitution}）；违约金过分高于造成的损失的，乙方可请求适当减少（{reduce}）"),
        (false, Lang::Zh) => format!("违约金过分高于造成的损失的，乙方可请求适当减少（{reduce}）"),
        (true, Lang::En) => format!("The contract has not been terminated: the refund of fees paid presupposes its termination ({restitution}); a penalty excessively above the loss caused may be reduced at the supplier's request ({reduce})"),
        (false, Lang::En) => format!("A penalty excessively above the loss caused may be reduced at the supplier's request ({reduce})"),
    }
}

/// Beside a subcontracting liability when the contract ended for `reason`, another ground.
pub fn subcontracting_apart(
    reason: crate::engine::scenario::TerminationReason,
    lang: Lang,
) -> String {
    let why = crate::text::terms::termination_reason(reason).get(lang);
    match lang {
        Lang::Zh => format!("未计入终止结算（合同以“{why}”解除）；其中退还已付费用，与结算中计为已发生的费用不能同时主张；违约金过分高于造成的损失的，乙方可请求适当减少（《民法典》第585条第2款）"),
        Lang::En => format!(
            "Not in the termination settlement (the contract ended for: {}); its refund of fees paid cannot be claimed beside the settlement's fees earned; a penalty excessively above the loss caused may be reduced at the supplier's request (Civil Code Art. 585 ¶2)",
            lower_first(why)
        ),
    }
}

/// After a termination whose ground is in doubt: the client's termination penalty stands only if
/// it does, and the net without it (`direction`, `net`).
pub fn without_breach_penalty(
    penalty: Decimal,
    direction: Text,
    net: Decimal,
    lang: Lang,
) -> String {
    let (penalty, net, direction) = (format_yuan(penalty), format_yuan(net), direction.get(lang));
    match lang {
        Lang::Zh => format!("；计入的甲方违约解除违约金 {penalty} 以该解除成立为前提，不计此项，净额为 {direction} {net}"),
        Lang::En => format!("; the client's termination penalty of {penalty} stands only if the termination does: without it the net is {direction} {net}"),
    }
}

/// Beside a penalty computed in part at an LPR past the built-in data.
pub const PENALTY_ASSUMES_LPR: Text = Text(
    "含按假设的 LPR 计算的天数（见计算明细与下方提示）",
    "includes days at an assumed LPR (see the computation and the note below)",
);

pub const NO_LATE_CLAUSE: Text = Text("合同未约定逾期付款违约金。", "No late-payment clause.");

/// No late-payment clause, but fees paid late or unpaid past their day, from `first` to `last`:
/// the supplier may still claim its loss, so ¥0.00 is not read as nothing to claim. Under the
/// Civil Code (late days into 2021) courts measure it at the LPR plus 30–50% by the sales-contract
/// interpretation (2020, Art. 18 ¶4), applied to other paid contracts; under the Contract Law, by
/// its 2012 text (Art. 24 ¶4), at the benchmark rate on the overdue-interest standard. Late days
/// across 2021-01-01 cite both laws.
pub fn no_late_clause_but_late(first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    let code = crate::engine::reasonableness::civil_code_start();
    let (new_zh, new_en) = ("《民法典》第577、584条", "Civil Code Arts. 577, 584");
    let (old_zh, old_en) = ("《合同法》第107、113条", "Contract Law Arts. 107, 113");
    let loss = match (first >= code, last >= code, lang) {
        (true, _, Lang::Zh) => new_zh.to_string(),
        (true, _, Lang::En) => new_en.to_string(),
        (false, false, Lang::Zh) => old_zh.to_string(),
        (false, false, Lang::En) => old_en.to_string(),
        (false, true, Lang::Zh) => format!("{new_zh}；2021年前的：{old_zh}"),
        (false, true, Lang::En) => format!("{new_en}; before 2021: {old_en}"),
    };
    match (last >= code, lang) {
        (true, Lang::Zh) => format!("合同未约定逾期付款违约金，但甲方逾期付款的，乙方仍可请求赔偿逾期付款损失（{loss}）：实务中以一年期 LPR（2019年8月20日前为贷款基准利率）计算资金占用损失，有偿合同亦可参照买卖合同的规定以 LPR 为基础加计30%–50%（《民法典》第646条；《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第18条第4款）。本计算器未计算此项。"),
        (true, Lang::En) => format!("No late-payment clause; but the supplier may still claim its loss from late payment ({loss}): courts measure it at the one-year LPR (before 20 Aug 2019 the PBOC benchmark rate), and for a paid contract, as for a sale, at the LPR plus 30–50% (Civil Code Art. 646; SPC Interpretation on Sales Contracts Art. 18 ¶4). Not computed here."),
        (false, Lang::Zh) => format!("合同未约定逾期付款违约金，但甲方逾期付款的，乙方仍可请求赔偿逾期付款损失（{loss}）：有偿合同可参照买卖合同的规定，以中国人民银行同期同类贷款基准利率为基础，参照逾期罚息利率标准计算（《合同法》第174条；《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》（2012年）第24条第4款）。本计算器未计算此项。"),
        (false, Lang::En) => format!("No late-payment clause; but the supplier may still claim its loss from late payment ({loss}): for a paid contract, as for a sale, at the PBOC benchmark lending rate on the overdue-interest standard (Contract Law Art. 174; SPC Interpretation on Sales Contracts, 2012, Art. 24 ¶4). Not computed here."),
    }
}

/// The cap after the agreed rate (§4, §9 `cap_base`), as a clause of the rate's line.
pub fn rate_cap(cap: Decimal, base: CapBase, lang: Lang) -> String {
    let sep = match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    };
    format!("{sep}{}", cap_words(cap, base, lang))
}

/// The agreed cap in words (§4, §9 `cap_base`): each cycle's penalty at most `cap` of its fee,
/// or the penalties in all at most `cap` of the contract total or of the overdue amounts.
pub fn cap_words(cap: Decimal, base: CapBase, lang: Lang) -> String {
    let pct = percent(cap);
    match (base, lang) {
        (CapBase::Cycle, Lang::Zh) => format!("每期违约金以该期费用的 {pct} 为上限"),
        (CapBase::Cycle, Lang::En) => format!("each cycle's penalty at most {pct} of its fee"),
        (CapBase::ContractTotal, Lang::Zh) => format!("违约金累计不超过合同总金额的 {pct}"),
        (CapBase::ContractTotal, Lang::En) => {
            format!("penalties in all at most {pct} of the contract total")
        }
        (CapBase::Overdue, Lang::Zh) => format!("违约金累计不超过逾期付款总额的 {pct}"),
        (CapBase::Overdue, Lang::En) => {
            format!("penalties in all at most {pct} of the amounts paid late or overdue")
        }
    }
}

/// §9 an aggregate cap that cut the total, after the cycles' formulas, so that they and the
/// total owed agree: "各期合计 ¥16,506.75，超过累计上限（合同总金额 ¥60,000.00 × 15% =
/// ¥9,000.00），违约金按上限计 ¥9,000.00".
pub fn aggregate_cut(cut: &crate::engine::late_payment::AggregateCut, lang: Lang) -> String {
    let (sum, base, limit) = (
        format_yuan(cut.sum_of_cycles),
        format_yuan(cut.base),
        format_yuan(cut.limit),
    );
    let pct = percent(cut.fraction);
    let base_name = match (cut.cap_base, lang) {
        (CapBase::Overdue, Lang::Zh) => "逾期付款总额",
        (CapBase::Overdue, Lang::En) => "amounts paid late or overdue",
        (_, Lang::Zh) => "合同总金额",
        (_, Lang::En) => "contract total",
    };
    // §9: the overdue base counts every sum paid after its due date or still unpaid, whether or
    // not its days accrue (before `accrues_from`, say), which its total alone does not show.
    let what_counts = match (cut.cap_base, lang) {
        (CapBase::Overdue, Lang::Zh) => "逾期付款总额为逾期支付或到期未付的各笔款项之和，不论其天数是否计违约金。",
        (CapBase::Overdue, Lang::En) => " The amounts paid late or overdue are every sum paid after its due date or unpaid after it, whether or not its days accrue a penalty.",
        _ => "",
    };
    match lang {
        Lang::Zh => format!(
            "各期合计 {sum}，超过累计上限（{base_name} {base} × {pct} = {limit}），违约金按上限计 {limit}。{what_counts}"
        ),
        Lang::En => format!(
            "The cycles come to {sum}, above the overall cap ({pct} × {base_name} {base} = {limit}); {limit} is owed.{what_counts}"
        ),
    }
}

/// Under the cycles' formulas when they are too many to draw: how many periods are shown.
pub fn formulas_shortened(shown: usize, all: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("共 {all} 期有违约金，上面列出前 {shown} 期的算式；全部明细见下表或“复制计算明细”。"),
        Lang::En => format!("{all} periods owe a penalty; the formulas of the first {shown} are above, and the table below or Copy has every line."),
    }
}

/// A rate that applies from a date on (§9 `rate_changes`), after the rate before it.
pub fn rate_from(from: NaiveDate, rate: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("；{}起按{rate}", date_words(from, lang)),
        Lang::En => format!("; from {}, {rate}", date_words(from, lang)),
    }
}

pub use crate::engine::reasonableness::LawInForce;

/// After the rate: how each penalty is computed (the count of days, the penalty as agreed, under
/// the law then in force), with the days it counts (§9 `day_count`, `accrues_from`), so that a
/// line's dates read as the contract agreed.
pub fn late_rule(
    day_count: DayCount,
    accrues_from: Option<NaiveDate>,
    law: LawInForce,
    lang: Lang,
) -> String {
    let (count_zh, count_en, penalty_zh, penalty_en) = match law {
        LawInForce::CivilCode => (
            "民法典第201条",
            "Civil Code Art. 201",
            "民法典第585条",
            "Civil Code Art. 585",
        ),
        LawInForce::GeneralProvisions => (
            "民法总则第201条",
            "General Provisions of the Civil Law Art. 201",
            "合同法第114条",
            "Contract Law Art. 114",
        ),
        LawInForce::GeneralPrinciples => (
            "民法通则第154条",
            "General Principles of the Civil Law Art. 154",
            "合同法第114条",
            "Contract Law Art. 114",
        ),
    };
    // The law's own count is cited; the other two are the contract's. Counted otherwise than
    // the law counts days late, they are the penalty's days, and the cycle table's days late
    // (which the rights to suspend and terminate go by) are said to be the law's.
    let differs = day_count != DayCount::Standard || accrues_from.is_some();
    let (counted_zh, counted_en) = if differs {
        ("计违约金的天数", "the penalty's days")
    } else {
        ("逾期天数", "days late")
    };
    let days = match (day_count, lang) {
        (DayCount::Standard, Lang::Zh) => {
            format!("{counted_zh}自到期日次日起算至付款日（{count_zh}）")
        }
        (DayCount::ExcludeEnd, Lang::Zh) => {
            format!("按合同约定，{counted_zh}自到期日次日起至付款日前一日")
        }
        (DayCount::IncludeDueDate, Lang::Zh) => {
            format!("按合同约定，{counted_zh}自到期日当日起算至付款日")
        }
        (DayCount::Standard, Lang::En) => format!(
            "{counted_en} count from the day after the due date to the day paid ({count_en})"
        ),
        (DayCount::ExcludeEnd, Lang::En) => format!(
            "as agreed, {counted_en} count from the day after the due date to the day before payment"
        ),
        (DayCount::IncludeDueDate, Lang::En) => {
            format!("as agreed, {counted_en} count from the due date itself to the day paid")
        }
    };
    let from = match (accrues_from, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::Zh) => format!("，{}前的天数不计", date_words(d, lang)),
        (Some(d), Lang::En) => format!(", none before {}", date_words(d, lang)),
    };
    let table = match (differs, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "（各期列表中的“逾期天数”仍自到期日次日起算至付款日）",
        (true, Lang::En) => " (the days late listed per cycle still run from the day after the due date to the day paid)",
    };
    let from = format!("{from}{table}");
    match lang {
        Lang::Zh => format!("。每笔逾期款项 × 比例 × 逾期时间（按计息期折算）；{days}{from}，到期日当日付款不算逾期；违约金以合同约定为准（{penalty_zh}）。"),
        Lang::En => format!(". Each late amount × rate × the time late in the rate's periods; {days}{from}, and paying on the due date is not late; penalties as agreed ({penalty_en})."),
    }
}
pub const NOTHING_LATE: Text = Text("目前没有逾期。", "Nothing is late.");

/// A whole quarter in the cycle table: "2025年第2季度", "2025 Q2".
pub fn quarter(year: i32, q: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年第{q}季度"),
        Lang::En => format!("{year} Q{q}"),
    }
}

// §5 subcontracting.

/// The card's label: the liability once the breach occurred (`occurred_on`), otherwise the exposure.
pub fn subcontracting_label(found: Option<NaiveDate>, lang: Lang) -> String {
    match (found, lang) {
        (Some(d), Lang::Zh) => format!("转包违约责任（{}发生）", date_words(d, lang)),
        (Some(d), Lang::En) => format!(
            "Subcontracting liability (occurred {})",
            date_words(d, lang)
        ),
        (None, Lang::Zh) => "若擅自转包：乙方风险敞口".into(),
        (None, Lang::En) => "If the supplier subcontracts: exposure".into(),
    }
}

/// The penalty as `fraction` of the contract total, and the refund of fees paid when agreed.
pub fn subcontracting_formula(
    contract_total: Decimal,
    fraction: Decimal,
    penalty: Decimal,
    refund: Option<Decimal>,
    lang: Lang,
) -> String {
    let (total, pct, p) = (
        format_yuan(contract_total),
        percent(fraction),
        format_yuan(penalty),
    );
    let sum = refund.map(|r| (format_yuan(r), format_yuan(penalty + r)));
    match (lang, sum) {
        (Lang::Zh, Some((rf, sum))) => {
            format!("合同总金额 {total} × {pct} = {p}，加退还已付费用 {rf}，合计 {sum}")
        }
        (Lang::Zh, None) => format!("合同总金额 {total} × {pct} = {p}"),
        (Lang::En, Some((rf, sum))) => format!(
            "contract total {total} × {pct} = {p}, plus refund of fees paid {rf}, total {sum}"
        ),
        (Lang::En, None) => format!("contract total {total} × {pct} = {p}"),
    }
}

// §6 the termination settlement.

pub const TERMINATION_SETTLEMENT: Text = Text("终止结算", "Termination settlement");
pub const CLIENT_TO_SUPPLIER: Text = Text("甲方 → 乙方", "client → supplier");
pub const SUPPLIER_TO_CLIENT: Text = Text("乙方 → 甲方", "supplier → client");
pub const NOTHING_TO_PAY: Text = Text("无需支付", "nothing to pay");

/// Which way a settlement is paid: "甲方 → 乙方", "乙方 → 甲方" or nothing to pay.
pub const fn payer_direction(payer: crate::engine::termination::Payer) -> Text {
    use crate::engine::termination::Payer;
    match payer {
        Payer::Client => CLIENT_TO_SUPPLIER,
        Payer::Supplier => SUPPLIER_TO_CLIENT,
        Payer::None => NOTHING_TO_PAY,
    }
}
pub const EARNED: Text = Text("至终止日已发生费用", "Fees earned to the last day");
pub const LESS_PAID: Text = Text("减：已付款", "less paid");
pub const PLUS_LATE_PENALTIES: Text = Text("加：逾期付款违约金", "plus late penalties");
/// After the settlement's late penalties: the day they are counted to (the evaluation date).
pub fn counted_to(as_of: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（计至{}）", date_words(as_of, lang)),
        Lang::En => format!(" (to {})", date_words(as_of, lang)),
    }
}

/// Beside the late penalties of a contract ended for subcontracting (§6): the settlement does not
/// pay them, though they accrued.
pub const NOT_OWED_IN_SETTLEMENT: Text = Text(
    "因擅自转包解除，结算中不予支付",
    "not owed in the settlement: ended for subcontracting",
);

/// After the fees earned and the late penalties of a termination for subcontracting (§6).
/// After the late penalties' line of a settlement, when some of their days took an LPR past the
/// built-in data.
pub const WITH_ASSUMED_LPR: Text = Text("（含假设的 LPR）", " (in part at an assumed LPR)");
/// After the late penalties' line of a settlement, when the contract has no such clause.
pub const NOT_AGREED: Text = Text("（合同未约定）", " (none agreed)");
pub const FORFEITED: Text = Text("（因擅自转包不予支付）", " (not owed: subcontracting)");
/// A client's charge in the settlement: "加：甲方泄密违约金", "plus the client's confidentiality
/// penalty".
pub fn plus_client(charge: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("加：甲方{charge}"),
        Lang::En => format!("plus the client's {}", lower_first(charge)),
    }
}
/// A supplier's charge in the settlement: "减：乙方转包违约金", "less the supplier's
/// subcontracting penalty".
pub fn less_supplier(charge: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("减：乙方{charge}"),
        Lang::En => format!("less the supplier's {}", lower_first(charge)),
    }
}
/// Breaches entered while the contract runs (no termination): each side's charges, named
/// with their amounts (`(total, items)`, none when a side has none), which §6 sets off only in
/// a termination settlement. Said apart from the figures, so that they are not taken as lost.
pub fn charges_apart(
    supplier: Option<(Decimal, &[String])>,
    client: Option<(Decimal, &[String])>,
    (on, penalties): (NaiveDate, bool),
    lang: Lang,
) -> String {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let side = |side: Option<(Decimal, &[String])>, zh: &str, en: &str| {
        side.map(|(total, items)| {
            let (total, items) = (format_yuan(total), items.join(sep));
            match lang {
                Lang::Zh => format!("{zh}承担 {total}（{items}）"),
                Lang::En => format!("{en} {total} ({items})"),
            }
        })
    };
    let sides: Vec<String> = [
        side(supplier, "乙方", "the supplier's"),
        side(client, "甲方", "the client's"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let law = crate::text::law::cite(crate::text::law::Provision::SetOff, on, lang);
    // Agreed penalties among them (not only losses): reducible on request, as in a settlement.
    let reduction = crate::text::law::cite(crate::text::law::Provision::PenaltyReduction, on, lang);
    let reduce = match (penalties, lang) {
        (false, _) => String::new(),
        (true, Lang::Zh) => format!("其中约定的违约金过分高于造成的损失的，承担方可请求适当减少（{reduction}）。"),
        (true, Lang::En) => format!(" An agreed penalty among them excessively above the loss caused may be reduced at the request of the side that bears it ({reduction})."),
    };
    match lang {
        Lang::Zh => format!(
            "合同未解除：以下违约责任未计入本页数字（本计算器只在提前终止结算中扣抵）：{}。可另行主张，或在双方互负到期债务时通知对方抵销（{law}）。{reduce}",
            sides.join("；")
        ),
        Lang::En => format!(
            "The contract has not been terminated: these liabilities are not in the figures here (the calculator sets them off only in a termination settlement): {}. They may be claimed on their own, or set off by notice against a debt due the other way ({law}).{reduce}",
            sides.join("; ")
        ),
    }
}

/// One charge in a sentence: its name, its amount and how it was worked out
/// ("服务事故扣款 ¥12,000.00（4 次 × ¥3,000.00）").
pub fn charge_item(name: &str, amount: Decimal, basis: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name} {}{basis}", format_yuan(amount)),
        Lang::En => format!("{} {}{basis}", lower_first(name), format_yuan(amount)),
    }
}

/// A loss the supplier bears, under its own label: "减：客户索赔（乙方承担）".
pub fn supplier_loss(label: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("减：{label}（乙方承担）"),
        Lang::En => format!("less {label} (borne by the supplier)"),
    }
}

/// A charge's name inside an English sentence ("Breach penalty" → "breach penalty"); a loss's own
/// label, which the user typed, is left as typed unless it starts with one capital only.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_ascii_uppercase() && !b.is_ascii_uppercase() => {
            format!("{}{}", a.to_ascii_lowercase(), &name[1..])
        }
        _ => name.to_string(),
    }
}
/// Above the settlement: when and why the contract ended, and the days agreed to settle.
/// When the period's last day is a rest day, the settlement is due on the next working day
/// (Civil Code Art. 203), which is said with the day it moved to.
pub fn termination_basis(
    (date, reason): (NaiveDate, crate::engine::scenario::TerminationReason),
    days: u32,
    (due, as_of): (NaiveDate, NaiveDate),
    lang: Lang,
) -> String {
    let said = termination_basis_said((date, reason), days, due, lang);
    if as_of >= date {
        return said;
    }
    // Evaluated before the termination: said in the future, the settlement a projection.
    match lang {
        Lang::Zh => format!(
            "{}计算截至日（{}）在终止日之前，以下结算为按约定终止日的预计。",
            said.replacen("合同于", "合同将于", 1),
            date_words(as_of, lang)
        ),
        Lang::En => format!(
            "{} The evaluation date ({}) is before the termination: the settlement below is a projection to the agreed day.",
            said.replacen("The contract ended on", "The contract ends on", 1),
            date_words(as_of, lang)
        ),
    }
}

fn termination_basis_said(
    (date, reason): (NaiveDate, crate::engine::scenario::TerminationReason),
    days: u32,
    due: NaiveDate,
    lang: Lang,
) -> String {
    let why = crate::text::terms::termination_reason(reason).get(lang);
    let last = date.checked_add_days(chrono::Days::new(days.into()));
    let moved = last.is_some_and(|last| last != due);
    let law = crate::text::law::cite(
        crate::text::law::Provision::RestDayDeadline,
        last.unwrap_or(due),
        lang,
    );
    let (ended, due) = (date_words(date, lang), date_words(due, lang));
    match (lang, days, moved) {
        (Lang::Zh, 0, false) => format!("合同于{ended}解除（{why}），于解除当日结算。"),
        (Lang::Zh, _, false) => format!("合同于{ended}解除（{why}），自解除之日起 {days} 日内结算。"),
        (Lang::Zh, 0, true) => format!("合同于{ended}解除（{why}），于解除当日结算；当日为法定休假日，顺延至{due}（{law}）。"),
        (Lang::Zh, _, true) => format!("合同于{ended}解除（{why}），自解除之日起 {days} 日内结算；期限末日为法定休假日，顺延至{due}（{law}）。"),
        (Lang::En, 0, false) => format!("The contract ended on {ended} ({}), to be settled that day.", lower_first(why)),
        (Lang::En, _, false) => format!("The contract ended on {ended} ({}), to be settled within {days} days of termination.", lower_first(why)),
        (Lang::En, 0, true) => format!("The contract ended on {ended} ({}), to be settled that day; it is a rest day, so the deadline moves to {due} ({law}).", lower_first(why)),
        (Lang::En, _, true) => format!("The contract ended on {ended} ({}), to be settled within {days} days of termination; the last day is a rest day, so the deadline moves to {due} ({law}).", lower_first(why)),
    }
}

/// A charge worked out as a share: "（合同总金额 ¥373,333.32 × 10%）", "（¥12,345.67 × 10%）".
pub fn share_basis(base: Decimal, fraction: Decimal, of_total: bool, lang: Lang) -> String {
    let (base, pct) = (format_yuan(base), percent(fraction));
    match (of_total, lang) {
        (true, Lang::Zh) => format!("（合同总金额 {base} × {pct}）"),
        (false, Lang::Zh) => format!("（{base} × {pct}）"),
        (true, Lang::En) => format!(" (contract total {base} × {pct})"),
        (false, Lang::En) => format!(" ({base} × {pct})"),
    }
}

/// Per-incident penalties worked out: "（2 次 × ¥1,500.00）".
pub fn incidents_basis(count: u32, each: Decimal, lang: Lang) -> String {
    let each = format_yuan(each);
    match lang {
        Lang::Zh => format!("（{count} 次 × {each}）"),
        Lang::En => format!(" ({count} × {each})"),
    }
}

/// The settlement's last line, with who pays whom: "净额（甲方 → 乙方）".
pub fn net(arrow: Text, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("净额（{}）", arrow.get(lang)),
        Lang::En => format!("Net ({})", arrow.get(lang)),
    }
}

/// A settlement charge's name; `None` for a loss, which is named by its own label.
pub fn charge(kind: ChargeKind) -> Option<Text> {
    Some(match kind {
        ChargeKind::ServiceIncidents => Text("服务事故扣款", "Service-incident deductions"),
        ChargeKind::SubstandardService => Text("不合格服务扣款", "Substandard-service deductions"),
        ChargeKind::ConfidentialityPenalty => Text("泄密违约金", "Confidentiality penalty"),
        ChargeKind::Loss => return None,
        ChargeKind::BreachPenalty => Text("违约解除违约金", "Breach penalty"),
        ChargeKind::SubcontractingPenalty => Text("转包违约金", "Subcontracting penalty"),
    })
}

// The printed statement.

/// The page's `lang` attribute.
pub const HTML_LANG: Text = Text("zh-CN", "en");
/// Beside a late penalty when payments were made: they settled the fees first (§3), the penalty
/// not being taken as the "interest" a payment settles before the principal (Art. 561), which
/// courts do not all agree on; `unapplied`: paid beyond every fee, left beside the penalty.
pub fn allocation_order(law: &str, unapplied: Decimal, penalty: Decimal, lang: Lang) -> String {
    let base = match lang {
        Lang::Zh => format!("付款先抵充到期的费用（{law}）；逾期付款违约金未作为“利息”先于费用抵充。如法院认定应先抵充违约金，费用欠付时间更长，违约金会更高。"),
        Lang::En => format!("Payments settle the fees due first ({law}); the late penalty is not taken as \"interest\" settled before the fees. A court settling the penalty first would leave fees unpaid longer, and the penalty higher."),
    };
    if unapplied <= Decimal::ZERO {
        return base;
    }
    let (extra, penalty) = (format_yuan(unapplied), format_yuan(penalty));
    match lang {
        Lang::Zh => format!("{base}超出全部费用的 {extra} 未用于支付违约金 {penalty}；双方同意或一方主张抵销的，可相应扣减。"),
        Lang::En => format!("{base} The {extra} paid beyond every fee is not set against the penalty of {penalty}; with both sides' agreement, or a set-off claimed, it may be."),
    }
}

/// In place of the Art. 585 reference (§11) when a counted day is before 2015-10-24, citing the
/// power to reduce under the law in force over the late days.
pub fn no_reference_before_2015(law: LawInForce, lang: Lang) -> String {
    let (zh, en) = match law {
        LawInForce::CivilCode => ("《民法典》第585条第2款", "Civil Code Art. 585 ¶2"),
        _ => ("《合同法》第114条第2款", "Contract Law Art. 114 ¶2"),
    };
    match lang {
        Lang::Zh => format!("部分逾期日早于2015年10月24日，本计算器没有可用以估算损失的基准利率，未作违约金是否过高的参考（{zh}）。"),
        Lang::En => format!("Some days late are before 24 Oct 2015, for which this calculator holds no benchmark rate to measure the loss by: no reference is given on whether the penalty is excessive ({en})."),
    }
}

/// After the law cited for late days that run from before 2021 into it: lateness that ended
/// before 2021 stands under the law then in force, lateness continuing past it under the Civil
/// Code (最高人民法院关于适用民法典时间效力的若干规定第1条第2、3款).
pub fn straddles_civil_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "其中2021年1月1日前已结束的逾期适用当时的法律（《合同法》第114条等），持续至其后的适用《民法典》（《最高人民法院关于适用〈中华人民共和国民法典〉时间效力的若干规定》第1条第2、3款）。",
        Lang::En => " Lateness that ended before 1 Jan 2021 stands under the law then in force (Contract Law Art. 114 and others), lateness continuing past it under the Civil Code (SPC Provisions on the Temporal Effect of the Civil Code, Art. 1 ¶2–3).",
    }
}

/// Beside penalties counted in whole periods ("不足一期按一期计") that a rate change split: each
/// side of the change is rounded up to whole periods, as §9 counts segments, so a period that
/// straddles the change may count twice, more than the periods that actually passed.
pub const WHOLE_PERIODS_SPLIT: Text = Text(
    "利率变更前后的逾期时间各自按整期向上取整：跨越变更日的一期可能在两段中各计一次，多于实际经过的期数，法院可能按实际经过的期数认定。",
    "The time late before and after a rate change is each rounded up to whole periods: a period straddling the change may count in both, more than the periods that passed, and a court may count only those.",
);

/// Above the statement's list of payments, the other half of a claim's 计算明细.
pub const PAYMENTS_MADE: Text = Text(
    "付款记录（含指定抵充的期间）",
    "Payments made (and the period each was designated for)",
);

pub const STATEMENT_NOTE: Text = Text(
    "本结果由 contract-calc 计算，仅供参考，不构成法律意见。",
    "Computed by contract-calc, for reference; not legal advice.",
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario::TerminationReason;
    use crate::test_support::date;

    #[test]
    fn a_right_that_stood_until_the_contract_ended_names_the_day_it_first_arose() {
        // Arose on 2020-05-17 on arrears since paid, stood again from 2020-08-16, until the
        // termination on 2021-01-31: both days are said, so that the statement agrees with the
        // result's suspend_right_from (2020-05-17).
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            right(SUSPEND, d("2020-05-17"), Some(d("2020-08-16")), Some(d("2021-01-31")), Lang::Zh),
            "乙方自2020年8月16日起有权暂停服务，至合同于2021年1月31日终止（该权利曾于2020年5月17日产生，其所依据的欠款均已付清）"
        );
        assert_eq!(
            right(
                SUSPEND,
                d("2020-08-16"),
                Some(d("2020-08-16")),
                Some(d("2021-01-31")),
                Lang::Zh
            ),
            "乙方自2020年8月16日起有权暂停服务，至合同于2021年1月31日终止"
        );
    }

    #[test]
    fn a_right_that_may_have_lapsed_is_said_with_its_last_day_and_its_law() {
        // Arisen on 2025-10-11: usable through 2026-10-11 (engine::late_payment::right_may_lapse).
        let lapse = |last_day, before_code| RightLapse {
            last_day: date(last_day),
            before_code,
        };
        let text = terminate_right_may_lapse(lapse("2026-10-11", false), Lang::Zh);
        assert!(
            text.starts_with("该解除权至2026年10月11日已满一年"),
            "{text}"
        );
        // Arisen in 2019, under the Contract Law with no such limit: the year runs from the Civil
        // Code's first day (时间效力规定第25条), to 2021-12-31.
        let text = terminate_right_may_lapse(lapse("2021-12-31", true), Lang::Zh);
        assert!(
            text.contains("自2021年1月1日起一年内（至2021年12月31日）未行使，可能已消灭（《最高人民法院关于适用〈中华人民共和国民法典〉时间效力的若干规定》第25条"),
            "{text}"
        );
    }

    #[test]
    fn an_overpayment_beside_a_settlement_is_said_to_be_credited_there() {
        // ¥47,282.61 paid above all fees: unapplied, unless a settlement deducts every payment,
        // where it is credited already and must not be counted twice.
        let extra = Decimal::new(4_728_261, 2);
        assert_eq!(
            unapplied(extra, false, Lang::Zh),
            "其中 ¥47,282.61 超出应付费用，未抵充"
        );
        assert_eq!(
            unapplied(extra, true, Lang::Zh),
            "其中 ¥47,282.61 超出应付费用，已在终止结算中随已付款扣减"
        );
    }

    #[test]
    fn late_days_before_2021_are_cited_under_the_law_then_in_force() {
        // Late days all in 2016: the General Principles counted the days (Art. 154) and the
        // Contract Law governed the penalty (Art. 114); in 2019–2020 the General Provisions
        // counted them (Art. 201); any day from 2021 on, the Civil Code.
        let rule = |last| {
            late_rule(
                DayCount::Standard,
                None,
                LawInForce::for_days_to(Some(date(last))),
                Lang::Zh,
            )
        };
        let old = rule("2016-12-31");
        assert!(
            old.contains("（民法通则第154条）") && old.contains("（合同法第114条）"),
            "{old}"
        );
        let provisions = rule("2020-12-31");
        assert!(
            provisions.contains("（民法总则第201条）") && provisions.contains("（合同法第114条）"),
            "{provisions}"
        );
        let code = rule("2021-01-01");
        assert!(
            code.contains("（民法典第201条）") && code.contains("（民法典第585条）"),
            "{code}"
        );
        assert_eq!(LawInForce::for_days_to(None), LawInForce::CivilCode);
    }

    #[test]
    fn a_settlement_due_the_day_of_termination_moves_off_a_holiday_in_those_words() {
        // Ended by agreement on 2026-02-16 (the Spring Festival break), settled the same day:
        // not "within 0 days", and the day moves to 02-24, the first working day (Art. 203).
        let text = termination_basis(
            (date("2026-02-16"), TerminationReason::Mutual),
            0,
            (date("2026-02-24"), date("2026-03-31")),
            Lang::Zh,
        );
        assert!(
            text.ends_with(
                "于解除当日结算；当日为法定休假日，顺延至2026年2月24日（《民法典》第203条）。"
            ),
            "{text}"
        );
        let text = termination_basis(
            (date("2026-02-16"), TerminationReason::Mutual),
            0,
            (date("2026-02-24"), date("2026-03-31")),
            Lang::En,
        );
        assert!(!text.contains("0 days"), "{text}");
        // Evaluated before the day agreed, it is said in the future, the settlement a projection.
        let text = termination_basis(
            (date("2026-06-15"), TerminationReason::Mutual),
            30,
            (date("2026-07-15"), date("2026-05-20")),
            Lang::Zh,
        );
        assert_eq!(
            text,
            "合同将于2026年6月15日解除（协商一致），自解除之日起 30 日内结算。计算截至日（2026年5月20日）在终止日之前，以下结算为按约定终止日的预计。"
        );
    }
}
