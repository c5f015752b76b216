//! The late-payment clause's lists: rate changes on a date, and LPR fixings the user adds.

use crate::engine::scenario::LprFixing;
use crate::text::{date_words, terms, Lang, Text};
use chrono::NaiveDate;

pub const RATE_CHANGES: Text = Text("利率变更", "Rate changes");
pub const RATE_CHANGES_HINT: Text = Text("自某日起改按另一标准计算（如 2020年8月31日前按LPR的1.3倍，之后按日万分之五），各段分列于计算明细。", "From a date on, another rate (e.g. 1.3 × LPR until 2020-08-31, then 0.05% a day); each part is its own line of the breakdown.");
pub const ADD_RATE_CHANGE: Text = Text("+ 添加利率变更", "+ Add a rate change");
pub const REMOVE_CHANGE: Text = Text("删除此变更", "Remove this change");
pub const LPR_FIXINGS_ADDED: Text = Text("LPR 报价（补充）", "LPR fixings (added)");
pub const REMOVE_FIXING: Text = Text("删除此报价", "Remove this fixing");
pub const ADD_LPR_FIXING: Text = Text("+ 添加 LPR 报价", "+ Add an LPR fixing");
pub const THEN: Text = Text("改按", "Then");
pub const EFFECTIVE: Text = Text("生效日", "Effective");
pub const ONE_YEAR: Text = Text("一年期", "One-year");
pub const FIVE_YEAR: Text = Text("五年期以上", "Five-year");
pub const FIVE_YEAR_HINT: Text = Text("可空", "optional");
/// The first day of a rate change.
pub const FROM: Text = Text("自", "From");
pub const RATE: Text = Text("比例", "Rate");
pub const RATE_MONTHLY: Text = Text("按月比例", "Per month");

/// The LPR day of a rate change: a due date or first day late before the change is the change.
pub const fn lpr_fixing_from_change(f: LprFixing) -> Text {
    match f {
        LprFixing::DueDate => Text("到期日（或变更日）", "Due date (or the change)"),
        LprFixing::FirstDayLate => Text("逾期首日（或变更日）", "First day late (or the change)"),
        other => terms::lpr_fixing(other),
    }
}

/// Up to which day the built-in LPR table is verified, and what fixings added here do.
pub fn lpr_known_until(known: NaiveDate, lang: Lang) -> String {
    let day = date_words(known, lang);
    match lang {
        Lang::Zh => format!("内置 LPR 数据核实至{day}；之后的报价可在此补充（年利率 %），同日以此处为准。"),
        Lang::En => format!(
            "The built-in LPR is verified to {day}; add later fixings here (% a year); on the same date these win."
        ),
    }
}
