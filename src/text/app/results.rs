//! The results panel: the stale-figures note, the summary bar on a phone, the what-if row, the
//! print's headings and the note on figures stated as of an earlier day.

use crate::text::{date_words, Lang, Text};
use chrono::NaiveDate;

pub const COMPLETE_FORM_SEE_FIGURES: Text =
    Text("请先完成输入。", "Complete the form to see figures.");
pub const TOTAL: Text = Text("合同总金额", "Total");
pub const LATE_PENALTIES: Text = Text("逾期违约金", "Late penalties");
pub const SETTLEMENT: Text = Text("终止结算", "Settlement");
/// The summary bar while the form is invalid.
pub const FIX_INPUT_LAST_FIGURES: Text = Text("输入有误，显示上次结果", "Fix input · last figures");
/// The summary bar's link to the full results.
pub const SEE_RESULTS: Text = Text("查看结果 ↓", "Results ↓");
/// In the bar, for the sample shown because a share link could not be read.
pub const SAMPLE_FIGURES: Text = Text("示例数据，非链接内容", "Sample figures, not the link's");
/// The what-if row reads: 假设每期均迟付 [N] 日：违约金合计 ¥….
pub const IF_EVERY_INVOICE_PAID: Text = Text("假设每期均迟付", "If every invoice is paid");
pub const DAYS_LATE_PENALTIES_TOTAL: Text = Text("日：违约金合计", "days late, penalties total");
pub const SUPPLIER_MAY_THEN_SUSPEND: Text = Text(
    "（乙方届时有权暂停服务）",
    "(the supplier may then suspend service)",
);
pub const SUPPLIER_MAY_THEN_TERMINATE: Text = Text(
    "（乙方届时有权解除合同）",
    "(the supplier may then terminate the contract)",
);
pub const SUPPLIER_MAY_THEN_SUSPEND_AND_TERMINATE: Text = Text(
    "（乙方届时有权暂停服务，并有权解除合同）",
    "(the supplier may then suspend service, and terminate the contract)",
);
/// The what-if's days, not a whole number from 0 to 3,660.
pub const WHAT_IF_DAYS_INVALID: Text = Text(
    "迟付天数应为 0 至 3660 之间的整数",
    "Days late must be a whole number from 0 to 3,660",
);
pub const UPDATE_TO_TODAY: Text = Text("更新到今天", "Update to today");
/// The print's heading over the penalty table.
pub const PENALTY_COMPUTATION: Text = Text("违约金计算明细", "Penalty computation");
/// The print's heading over the payments.
pub const PAYMENTS: Text = Text("付款记录", "Payments");
pub const COPIED: Text = Text("计算明细已复制。", "The computation is copied.");
pub const COPY_REFUSED: Text = Text(
    "浏览器未允许复制：请在打印页中选取表格。",
    "The browser refused to copy: select the table in the print view.",
);

/// Over figures kept from the last valid input: how many fields need fixing.
pub fn stale(errors: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("有 {errors} 处输入需要修改；下方为最后一次有效输入的结果。"),
        Lang::En if errors == 1 => {
            "1 field needs fixing; the figures below are from the last valid input.".into()
        }
        Lang::En => {
            format!("{errors} fields need fixing; the figures below are from the last valid input.")
        }
    }
}

/// A field of row `n` of a list (named `list` when it has a name), in the list of problems.
pub fn row_field(list: Option<&str>, n: usize, label: &str, lang: Lang) -> String {
    match (list, lang) {
        (Some(list), Lang::Zh) => format!("{list}第 {n} 行 · {label}"),
        (None, Lang::Zh) => format!("第 {n} 行 · {label}"),
        (Some(list), Lang::En) => format!("{list}, row {n}, {label}"),
        (None, Lang::En) => format!("Row {n}, {label}"),
    }
}

/// One problem in the stale note's list: the field's label and its message (one form in both
/// languages).
pub fn field_and_message(label: &str, message: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{label}：{message}"),
        Lang::En => format!("{label}: {message}"),
    }
}

/// Figures as of a day before today (a link opened later, a draft reloaded months later).
pub fn as_of_before_today(as_of: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    let (as_of, today) = (date_words(as_of, lang), date_words(today, lang));
    match lang {
        Lang::Zh => format!("本页数字截至{as_of}（计算截至日），今天是{today}。"),
        Lang::En => {
            format!("These figures are as of {as_of} (the evaluation date); today is {today}.")
        }
    }
}
