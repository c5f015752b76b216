//! What the comparison says (src/present/compare): each row's label and the words of its cells —
//! spec §1 the term and the totals, §2 the due rule, §4 and §9 the cap and the rights, §5
//! subcontracting, §6 the settlement, §13 the what-if row.

use crate::engine::money::format_yuan;
use crate::engine::scenario::CapBase;
use crate::engine::termination::Payer;
use crate::text::rates::percent;
use crate::text::{Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub const TERM: Text = Text("合同期限", "Term");
pub const CYCLE_FEE: Text = Text("每期费用", "Fee per cycle");
pub const BILLING_CYCLE: Text = Text("结算周期", "Billing cycle");
/// As the contract-total card names it.
pub use crate::text::report::CONTRACT_TOTAL;
pub const WITH_RENEWAL: Text = Text("含续期总金额", "Total with renewal");
pub const DUE_RULE: Text = Text("付款期限", "Payment due");
pub const CALENDAR: Text = Text("工作日历", "Working-day calendar");
pub const LATE_RATE: Text = Text("逾期付款违约金标准", "Late-payment rate");
pub const PENALTY_CAP: Text = Text("违约金上限", "Penalty cap");
pub const LATE_DAYS: Text = Text("逾期天数计法与舍入", "Days counted and rounding");

/// The days a penalty counts (`day_count`, from `accrues_from` if set) and its rounding.
pub fn late_days(
    day_count: &str,
    accrues_from: Option<NaiveDate>,
    rounding: &str,
    lang: Lang,
) -> String {
    match (accrues_from, lang) {
        (None, Lang::Zh) => format!("{day_count}；舍入：{rounding}"),
        (None, Lang::En) => format!("{day_count}; rounding: {rounding}"),
        (Some(d), Lang::Zh) => format!("{day_count}，{d}起算；舍入：{rounding}"),
        (Some(d), Lang::En) => format!("{day_count}, counted from {d}; rounding: {rounding}"),
    }
}
pub const LATE_PENALTIES: Text = Text(
    "逾期违约金（至计算截至日）",
    "Late penalties to the evaluation date",
);
pub const SUSPEND_FROM: Text = Text("暂停服务权利起始日", "Right to suspend");
pub const TERMINATE_FROM: Text = Text("解除合同权利起始日", "Right to terminate");
pub const SUBCONTRACTING: Text = Text(
    "擅自转包责任（违约金＋退款）",
    "Subcontracting exposure (penalty + refund)",
);
pub const TERMINATION: Text = Text("提前终止", "Early termination");
/// An early termination's cell: "2025-07-31（甲方违约）".
pub fn termination(date: NaiveDate, reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{date}（{reason}）"),
        Lang::En => format!("{date} ({reason})"),
    }
}
/// Late penalties accrued but not paid in a settlement for subcontracting (§6).
pub fn not_owed(amount: Decimal, lang: Lang) -> String {
    let amount = format_yuan(amount);
    match lang {
        Lang::Zh => format!("{amount}（因擅自转包解除，结算中不予支付）"),
        Lang::En => format!("{amount} (not owed: ended for subcontracting)"),
    }
}
pub const TERMINATION_NET: Text = Text("终止结算净额", "Termination settlement");
pub const PAID: Text = Text("已付款（至计算截至日）", "Paid to the evaluation date");

/// §13 the what-if row's label: every invoice `late_days` days late.
pub fn what_if_late(late_days: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("若每期均迟付{late_days}日的违约金"),
        Lang::En => format!("Penalties if every invoice is paid {late_days} days late"),
    }
}

/// The contract's term, first and last day.
pub fn term(start: NaiveDate, end: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{start} 至 {end}"),
        Lang::En => format!("{start} to {end}"),
    }
}

/// The total with renewal, and the months renewed.
pub fn with_renewal(total: Decimal, months: u32, terminated: bool, lang: Lang) -> String {
    let total = format_yuan(total);
    match (months, terminated, lang) {
        (0, _, Lang::Zh) => format!("{total}（无自动续期）"),
        (0, _, Lang::En) => format!("{total} (no renewal)"),
        (n, false, Lang::Zh) => format!("{total}（续期{n}个月）"),
        (n, false, Lang::En) => format!("{total} ({n}-month renewal)"),
        (n, true, Lang::Zh) => format!("{total}（续期{n}个月；合同已提前终止，不再续期）"),
        (n, true, Lang::En) => {
            format!("{total} ({n}-month renewal; the contract ended early and does not renew)")
        }
    }
}

/// §2 due on a day of the next month.
pub fn due_next_month(day: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("次月{day}日前"),
        Lang::En => format!("by day {day} of the next month"),
    }
}

/// §2 due `days` (如 15日, 10个工作日) after the cycle ends.
pub fn due_after_cycle_end(days: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("周期结束后{days}内"),
        Lang::En => format!("within {days} after the cycle ends"),
    }
}

/// §2 paid in advance: on the cycle's first day.
pub const DUE_IN_ADVANCE_FIRST_DAY: Text =
    Text("预付：周期首日", "in advance: on the cycle's first day");

/// §2 paid in advance, within `days` after the cycle starts.
pub fn due_in_advance(days: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("预付：周期开始后{days}内"),
        Lang::En => format!("in advance: within {days} after the cycle starts"),
    }
}

/// §2 due within `days` of an invoice issued on `invoice_day` of the cycle's last month.
pub fn due_after_invoice(invoice_day: u32, days: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("每期末月{invoice_day}日开票，开票后{days}内"),
        Lang::En => {
            format!("invoice on day {invoice_day} of the cycle's last month, due within {days}")
        }
    }
}

pub const NO_CAP: Text = Text("无上限", "no cap");

/// The penalty capped at `cap` of each cycle's amount, or in all at `cap` of the contract total
/// or of the overdue amounts (§9 `cap_base`).
pub fn penalty_cap(cap: Decimal, base: CapBase, lang: Lang) -> String {
    let pct = percent(cap);
    match (base, lang) {
        (CapBase::Cycle, Lang::Zh) => format!("每期金额的{pct}"),
        (CapBase::Cycle, Lang::En) => format!("{pct} of the cycle's amount"),
        (CapBase::ContractTotal, Lang::Zh) => format!("累计不超过合同总金额的{pct}"),
        (CapBase::ContractTotal, Lang::En) => format!("{pct} of the contract total, in all"),
        (CapBase::Overdue, Lang::Zh) => format!("累计不超过逾期付款总额的{pct}"),
        (CapBase::Overdue, Lang::En) => {
            format!("{pct} of the amounts paid late or overdue, in all")
        }
    }
}

/// Since when a right stands (until the contract `ended`, when it has), and that it first arose
/// `from` an earlier day when it did (the arrears it rested on since paid); that it arose but its
/// arrears are paid; or that it has not arisen, with the days late that trigger it (`k`). When
/// fees still unpaid passed those days only after the contract ended (`late_after_end`), that
/// they gave no such right (民法典第557条: nothing is left to suspend or terminate), and, unless
/// the fees were forfeited (`penalty_runs` false: a termination for subcontracting, §6), that
/// the penalty runs on.
pub fn right(
    k: u32,
    from: Option<NaiveDate>,
    standing: Option<NaiveDate>,
    ended: Option<NaiveDate>,
    (late_after_end, penalty_runs): (bool, bool),
    lang: Lang,
) -> String {
    let after = ended.filter(|_| late_after_end);
    let runs = match (penalty_runs, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "，违约金照计",
        (true, Lang::En) => ", the penalty still runs",
    };
    let first = match (from.filter(|f| standing.is_some_and(|d| *f < d)), lang) {
        (None, _) => String::new(),
        (Some(f), Lang::Zh) => format!("；曾于{f}产生，所依据的欠款已付清"),
        (Some(f), Lang::En) => format!("; it first arose on {f}, on arrears since paid"),
    };
    match (standing, from, lang) {
        (Some(d), _, Lang::Zh) => match ended {
            Some(end) => format!("{d}（逾期超过{k}日{first}），至合同于{end}终止"),
            None => format!("{d}（逾期超过{k}日{first}）"),
        },
        (Some(d), _, Lang::En) => match ended {
            Some(end) => {
                format!("from {d} (over {k} days late{first}) until the contract ended on {end}")
            }
            None => format!("from {d} (over {k} days late{first})"),
        },
        (None, Some(f), Lang::Zh) => match after {
            Some(end) => format!("无（{f}起的逾期已付清；合同于{end}终止后逾期超过{k}日的欠款不再产生此权利{runs}）"),
            None => format!("无（{f}起的逾期已付清）"),
        },
        (None, Some(f), Lang::En) => match after {
            Some(end) => format!("none (the arrears late from {f} are paid; arrears over {k} days late only after the contract ended on {end} give no such right{runs})"),
            None => format!("none (the arrears late from {f} are paid)"),
        },
        (None, None, Lang::Zh) => match after {
            Some(end) if penalty_runs => format!("无：合同已于{end}终止，其后逾期超过{k}日的欠款不再产生此权利（违约金照计）"),
            Some(end) => format!("无：合同已于{end}终止，其后逾期超过{k}日的欠款不再产生此权利"),
            None => format!("未产生（逾期超过{k}日）"),
        },
        (None, None, Lang::En) => match after {
            Some(end) if penalty_runs => format!("none: the contract ended on {end}; arrears over {k} days late only after that give no such right (the penalty still runs)"),
            Some(end) => format!("none: the contract ended on {end}; arrears over {k} days late only after that give no such right"),
            None => format!("not yet arisen (over {k} days late)"),
        },
    }
}

/// §5 the penalty and the refund, and the day subcontracting occurred if it has.
/// `in_settlement`: the contract ended for it, so the settlement is this liability (said, lest
/// the two equal figures read as two debts).
pub fn subcontracting(
    penalty: Decimal,
    refund: Decimal,
    occurred: Option<NaiveDate>,
    in_settlement: bool,
    lang: Lang,
) -> String {
    // No refund agreed: the penalty alone (the settlement's own rule is said on its card).
    if refund.is_zero() && in_settlement {
        let penalty = format_yuan(penalty);
        return match (occurred, lang) {
            (None, Lang::Zh) => format!("{penalty}（违约金，已计入终止结算）"),
            (None, Lang::En) => format!("{penalty} (penalty; in the termination settlement)"),
            (Some(d), Lang::Zh) => format!("{penalty}（违约金，{d} 发生，已计入终止结算）"),
            (Some(d), Lang::En) => {
                format!("{penalty} (penalty, occurred {d}; in the termination settlement)")
            }
        };
    }

    let (total, penalty, refund) = (
        format_yuan(penalty + refund),
        format_yuan(penalty),
        format_yuan(refund),
    );
    let settled = match (in_settlement, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "，已计入终止结算",
        (true, Lang::En) => "; in the termination settlement",
    };
    match (occurred, lang) {
        (None, Lang::Zh) => format!("{total}（违约金 {penalty} + 退还已付 {refund}{settled}）"),
        (None, Lang::En) => format!("{total} (penalty {penalty} + refund {refund}{settled})"),
        (Some(d), Lang::Zh) => {
            format!("{total}（违约金 {penalty} + 退还已付 {refund}，{d} 发生{settled}）")
        }
        (Some(d), Lang::En) => {
            format!("{total} (penalty {penalty} + refund {refund}, occurred {d}{settled})")
        }
    }
}

/// §6 who pays the settlement's net.
pub fn termination_net(payer: Payer, net: Decimal, lang: Lang) -> String {
    let net = format_yuan(net);
    match (payer, lang) {
        (Payer::Client, Lang::Zh) => format!("甲方支付 {net}"),
        (Payer::Supplier, Lang::Zh) => format!("乙方支付 {net}"),
        (Payer::None, Lang::Zh) => "双方互不支付".into(),
        (Payer::Client, Lang::En) => format!("client pays {net}"),
        (Payer::Supplier, Lang::En) => format!("supplier pays {net}"),
        (Payer::None, Lang::En) => "nobody pays".into(),
    }
}

/// A payment term's days: 15个工作日 / 15 working days.
pub fn days(n: u32, day_type: crate::engine::scenario::DayType, lang: Lang) -> String {
    use crate::engine::scenario::DayType;
    match (day_type, lang) {
        (DayType::Working, Lang::Zh) => format!("{n}个工作日"),
        (DayType::Calendar, Lang::Zh) => format!("{n}日"),
        (DayType::Working, Lang::En) => format!("{n} working days"),
        (DayType::Calendar, Lang::En) => format!("{n} days"),
    }
}

/// §1 the cycle as the form names it (按季度), and how a part cycle is billed.
pub fn billing_cycle(
    cycle: crate::engine::scenario::Cycle,
    partial: crate::engine::scenario::PartialCycle,
    lang: Lang,
) -> String {
    use crate::engine::scenario::PartialCycle;
    let partial = match (partial, lang) {
        (PartialCycle::ByDays, Lang::Zh) => "，不足一期按天折算",
        (PartialCycle::Full, Lang::Zh) => "，不足一期按整期计",
        (PartialCycle::ByDays, Lang::En) => ", part cycles by days",
        (PartialCycle::Full, Lang::En) => ", part cycles in full",
    };
    format!("{}{partial}", crate::text::terms::cycle(cycle).get(lang))
}

/// §4 the agreed rate, and whether a started period counts whole.
pub fn late_rate(
    rate: &str,
    partial: crate::engine::scenario::PartialPeriod,
    lang: Lang,
) -> String {
    use crate::engine::scenario::PartialPeriod;
    match (partial, lang) {
        (PartialPeriod::ProRata, _) => rate.to_string(),
        (PartialPeriod::Full, Lang::Zh) => format!("{rate}；不足一期按一期计"),
        (PartialPeriod::Full, Lang::En) => format!("{rate}; a started period counts whole"),
    }
}
