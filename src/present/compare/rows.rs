//! The rows of the comparison: each one's key and label, and how its cell shows one scenario's
//! term or figure: spec §1 the fees and the total, §2 the due rule and calendar, §3 what was
//! paid, §4 and §9 the penalty, its cap and the rights it gives, §5 subcontracting, §6 the
//! settlement.

use super::ABSENT;
use crate::engine::calendar::Calendar;
use crate::engine::compute::ComputeResult;
use crate::engine::money::format_yuan;
use crate::engine::scenario::{Cycle, DayType, DueRule, PartialCycle, PartialPeriod, Scenario};
use crate::engine::subcontracting;
use crate::engine::termination::Payer;
use crate::present::explain;
use crate::text::Lang;
use chrono::NaiveDate;

type Cell = fn(&Scenario, &ComputeResult, bool) -> String;

/// One row: key, Chinese label, English label, and its cell (the `bool` is "in Chinese").
pub(super) struct RowDef(
    pub(super) &'static str,
    pub(super) &'static str,
    pub(super) &'static str,
    pub(super) Cell,
);

pub(super) const ROWS: &[RowDef] = &[
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
