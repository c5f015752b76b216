//! The payment terms (when fees fall due, the rest-day calendar) and the payments made.

use crate::text::{Lang, Text};

pub const PAYMENTS: Text = Text("付款记录", "Payments");
pub const REMOVE_PAYMENT: Text = Text("删除此笔付款", "Remove this payment");
pub const ADD_PAYMENT: Text = Text("+ 添加付款", "+ Add payment");
pub const REMOVE_THESE_PAYMENTS: Text = Text("删除这些付款", "Remove these payments");
/// Quick entry of a late payment reads: [period] 迟付 [N] 日 [add].
pub const QUICK_ENTRY: Text = Text("快速录入：", "Quick entry:");
pub const PICK_PERIOD: Text = Text("选择计费期", "Pick a period");
pub const QUICK_PAID: Text = Text("迟付", "paid");
pub const QUICK_DAYS_LATE_LABEL: Text = Text("迟付天数", "Days late");
pub const QUICK_DAYS_LATE: Text = Text("日", "days late");
pub const QUICK_ADD: Text = Text("添加这笔付款", "Add this payment");
pub const QUICK_PICK_PERIOD_FIRST: Text = Text(
    "请先选择是哪一期的付款",
    "Pick the period this payment is for first",
);
/// The quick entry while the form has errors: its periods, due dates and amounts would be the last
/// good figures', not what is typed.
pub const QUICK_FIX_FIRST: Text = Text(
    "请先改正标红的输入，再用快速录入",
    "Fix the fields marked in red first, then use the quick entry",
);
/// The quick entry on a period already paid: another full payment would pay it twice.
/// The quick entry's period is paid already, last by the payment `by` (its row from 1, date and
/// amount): that payment's date is the one to change.
pub fn already_paid(
    by: Option<(usize, chrono::NaiveDate, rust_decimal::Decimal)>,
    lang: Lang,
) -> String {
    let which = by.map(|(row, date, amount)| {
        let amount = crate::engine::money::format_yuan(amount);
        match lang {
            Lang::Zh => format!("第 {row} 笔（{date}，{amount}）"),
            Lang::En => format!("payment {row} ({date}, {amount})"),
        }
    });
    match (lang, which) {
        (Lang::Zh, Some(w)) => format!("该期费用已由上方付款记录中的{w}付清：要模拟它逾期支付，请修改这笔付款的日期，而不是再添加一笔"),
        (Lang::En, Some(w)) => format!("This period is already paid, by {w} above: to model it paid late, change that payment's date rather than adding another"),
        (Lang::Zh, None) => "该期费用已付清：要模拟它逾期支付，请修改上方付款记录中那笔付款的日期，而不是再添加一笔".to_string(),
        (Lang::En, None) => "This period is already paid: to model it paid late, change the date of its payment above rather than adding another".to_string(),
    }
}
/// The quick payment's days late: as the what-if's.
pub const QUICK_DAYS_INVALID: Text = crate::text::app::results::WHAT_IF_DAYS_INVALID;
pub const PAYMENT_TERMS: Text = Text("付款条款", "Payment terms");
pub const PAYMENT_TERMS_CLAUSE: Text = Text(
    "付款期限届满日为法定节假日的，顺延至节后第一个工作日（民法典第203条）。",
    "A deadline on a rest day moves to the next working day (Civil Code Art. 203).",
);
pub const WHEN_FEES_ARE_DUE: Text = Text("付款期限", "When fees are due");
pub const WHEN_FEES_ARE_DUE_HINT: Text = Text("合同的付款条款", "The contract's payment clause");
pub const DAY_MONTH: Text = Text("每月付款日", "Day of the month");
pub const DAY_MONTH_HINT: Text = Text(
    "超过当月天数的，为当月最后一日",
    "Beyond the month's length: its last day",
);
pub const INVOICE_DAY: Text = Text("结算开票日", "Invoice day");
pub const INVOICE_DAY_HINT: Text = Text(
    "每期最后一个月的第几日开票（如每月25日结算）",
    "Day of the cycle's last month the invoice is issued (e.g. the 25th)",
);
pub const CALENDAR: Text = Text("工作日历", "Calendar");
pub const CALENDAR_HINT: Text = Text("中国法定节假日含调休（2010–2026 按国务院通知；之后按放假办法推算）", "Mainland China holidays with make-up days (2010–2026 as published; later years by the holiday rules)");
pub const DAYS: Text = Text("期限天数", "Days");
pub const DAYS_HINT: Text = Text(
    "起算日当日不计入（民法典第201条）",
    "The first day is not counted (Civil Code Art. 201)",
);
pub const DAY_TYPE: Text = Text("天数类型", "Day type");
pub const DAY_TYPE_HINT: Text = Text("自然日或工作日", "Calendar or working days");
pub const PAYMENTS_MADE: Text = Text("实际付款", "Payments made");
pub const PAYMENTS_MADE_CLAUSE: Text = Text(
    "每笔付款先抵充到期最早的未付费用（民法典第560条）。",
    "Each payment settles the earliest-due unpaid fee first (Civil Code Art. 560).",
);
pub const PAID_ON: Text = Text("付款日", "Paid on");
pub const AMOUNT: Text = Text("金额", "Amount");
/// Short enough in English to stay on one line beside the amount at 390 px; left empty, the
/// section's note says, a payment settles the earliest fee due.
pub const PERIOD_OPTIONAL: Text = Text("抵充哪一期（可选）", "For period");
pub const PERIOD_OPTIONAL_HINT: Text = Text(
    "该期第一天，如 2025-04-01；留空 = 最早到期",
    "Its first day, e.g. 2025-04-01; empty = earliest due",
);
pub const DUE_DAY_OF_NEXT_MONTH: Text = Text("每月N日前支付上月费用", "Day N of next month");
pub const DUE_DAYS_AFTER_CYCLE_END: Text = Text("每期结束后N日内", "N days after the cycle ends");
pub const DUE_DAYS_AFTER_CYCLE_START: Text = Text(
    "每期开始后N日内（预付）",
    "N days after the cycle starts (in advance)",
);
pub const DUE_DAYS_AFTER_INVOICE: Text =
    Text("每月结算开票后N日内", "N days after the monthly invoice");

/// Payments dated after the evaluation date, which no figure counts (§3).
pub fn payments_after_as_of(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "有 {count} 笔付款晚于计算截至日，本页数字未计入；如款项已付，请把计算截至日改到付款日或之后。"
        ),
        Lang::En => format!(
            "{count} payment(s) are dated after the evaluation date and are not counted in these figures; if paid, move the evaluation date to the payment date or later."
        ),
    }
}

/// Payments dated before service starts, counted as advance payments.
pub fn early_payments(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("有 {count} 笔付款早于服务开始日，按预付款抵充最早的费用。"),
        Lang::En => format!(
            "{count} payment(s) are dated before service starts and count as advance payments for the earliest fees."
        ),
    }
}
