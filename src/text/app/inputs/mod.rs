//! The form, section by section (mirroring `src/app/inputs`). A field's label `X` has its hint
//! beside it as `X_HINT`; a section's title `X` has the clause it models as `X_CLAUSE`.

pub mod breaches;
pub mod late_payment;
pub mod payments;
pub mod rate_lists;
pub mod term_and_fees;

use crate::text::{Lang, Text};

/// No hint, no unit.
pub const NONE: Text = Text("", "");

/// A long list (an imported ledger) shows its first rows; this shows `more` of the `hidden` rest.
pub fn show_more_rows(more: usize, hidden: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("再显示 {more} 行（还有 {hidden} 行未显示）"),
        Lang::En if hidden == 1 => "Show the 1 row not shown".into(),
        Lang::En => format!("Show {more} more rows ({hidden} not shown)"),
    }
}

/// Under a list, after its "×": the row removed, offered back.
pub fn row_removed(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已删除第 {n} 行"),
        Lang::En => format!("Row {n} removed"),
    }
}

/// The number of a row drawn out of sequence, above "show more", because it has an error.
pub fn row_at(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {n} 行"),
        Lang::En => format!("Row {n}"),
    }
}

/// A choice whose loaded value the form does not offer (an LPR fixed on a stated date): kept as
/// it was, shown as this.
pub const AS_LOADED: Text = Text(
    "按文件中的约定（未在此列出）",
    "As in the loaded file (not listed here)",
);

pub const YEAR_365: Text = Text("365 天", "365 days");
pub const YEAR_360: Text = Text("360 天", "360 days");

/// The units shown beside a field.
pub mod unit {
    use crate::text::Text;

    pub const PERCENT: Text = Text("%", "%");
    pub const YUAN: Text = Text("元", "CNY");
    pub const MONTHS: Text = Text("月", "months");
    pub const DAY: Text = Text("日", "day");
    pub const DAYS: Text = Text("日", "days");
    pub const TIMES: Text = Text("次", "times");
    pub const TIMES_LPR: Text = Text("×LPR", "×LPR");
}
