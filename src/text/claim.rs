//! What the 计算明细 says (src/present/claim.rs, spec §9 segments): the claim table's heads and
//! notes, the payments table (§3), and the exposure curve's caption (§12, src/present/chart.rs).

use crate::engine::late_payment::Period;
use crate::engine::money::format_yuan;
use crate::text::{date_words, Lang, Text};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The claim table's columns.
pub const HEADS: [Text; 7] = [
    Text("计费期间", "Billed period"),
    Text("逾期款项", "Late amount"),
    Text("起算日", "From"),
    Text("截止日", "To"),
    Text("天数", "Days"),
    Text("利率", "Rate"),
    Text("违约金", "Penalty"),
];
/// The pasted text's last column: whether and when the amount was paid.
pub const NOTE: Text = Text("备注", "Note");
/// The pasted text's last line; after a cap cut a penalty, [`TOTAL_CAPPED`].
pub const TOTAL: Text = Text("合计", "Total");
pub const TOTAL_CAPPED: Text = Text("合计（已按上限计）", "Total (after the cap)");
pub const COPY: Text = Text(
    "复制计算明细（可粘贴到诉状或表格）",
    "Copy the computation (pastes into a claim or a spreadsheet)",
);

/// A segment's rate: its percentage `pct`, what it is per, and the LPR (or, before it, the
/// benchmark rate: `benchmark`) it was set from, assumed after the built-in data's last day.
pub fn rate(
    pct: &str,
    period: Period,
    lpr: Option<Decimal>,
    (benchmark, assumed_after): (bool, Option<chrono::NaiveDate>),
    lang: Lang,
) -> String {
    let lpr = lpr
        .map(|l| {
            format!(
                " ({})",
                super::explain::rate_name(l, benchmark, assumed_after, lang)
            )
        })
        .unwrap_or_default();
    format!("{pct}{}{lpr}", per(period, lang))
}

/// What a rate is per, after its percentage: /日, /360日, /月 / per day, per 3 months.
fn per(period: Period, lang: Lang) -> String {
    match (period, lang) {
        (Period::PerDays(1), Lang::Zh) => "/日".to_string(),
        (Period::PerDays(n), Lang::Zh) => format!("/{n}日"),
        (Period::PerMonths(1), Lang::Zh) => "/月".to_string(),
        (Period::PerMonths(n), Lang::Zh) => format!("/{n}个月"),
        (Period::PerDays(1), Lang::En) => " per day".to_string(),
        (Period::PerDays(n), Lang::En) => format!(" per {n} days"),
        (Period::PerMonths(1), Lang::En) => " per month".to_string(),
        (Period::PerMonths(n), Lang::En) => format!(" per {n} months"),
    }
}

/// Whether and when a late amount was paid.
pub fn paid_note(paid_on: Option<NaiveDate>, lang: Lang) -> String {
    match (paid_on, lang) {
        (Some(d), Lang::Zh) => format!("{d} 付"),
        (Some(d), Lang::En) => format!("paid {d}"),
        (None, Lang::Zh) => "未付".into(),
        (None, Lang::En) => "unpaid".into(),
    }
}

// The payments as made (spec §3, §13).

pub const PAID_ON: Text = Text("付款日", "Paid on");
pub const AMOUNT: Text = Text("金额", "Amount");
pub const FOR: Text = Text("抵充", "Applied to");

/// What one payment settled (§3, §13): each period and the amount, after the period it was
/// designated for, if any; or that it counts in no figure yet, or that it exceeds every fee.
pub fn applied(
    designated: Option<&str>,
    parts: &[(String, rust_decimal::Decimal)],
    after_as_of: bool,
    unapplied: rust_decimal::Decimal,
    lang: Lang,
) -> String {
    use crate::engine::money::format_yuan;
    let sep = match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    };
    let mut list: Vec<String> = parts
        .iter()
        .map(|(period, amount)| format!("{period} {}", format_yuan(*amount)))
        .collect();
    if unapplied > rust_decimal::Decimal::ZERO {
        list.push(match lang {
            Lang::Zh => format!("{} 超出应付费用，未抵充", format_yuan(unapplied)),
            Lang::En => format!("{} beyond every fee, unapplied", format_yuan(unapplied)),
        });
    }
    let list = list.join(sep);
    let list = match (after_as_of, lang) {
        (true, Lang::Zh) => "计算截至日后付款，不计入本页数字".to_string(),
        (true, Lang::En) => "paid after the evaluation date: in no figure here".to_string(),
        (false, _) => list,
    };
    match (designated, lang) {
        (Some(d), Lang::Zh) => format!("指定 {d} → {list}"),
        (Some(d), Lang::En) => format!("designated {d} → {list}"),
        (None, _) => list,
    }
}

/// Under a 计算明细 too long to draw: how much is shown, and that Copy has it all.
pub fn shortened(shown: usize, all: usize, lang: Lang) -> String {
    let (shown, all) = (
        crate::engine::money::group_thousands(&shown.to_string()),
        crate::engine::money::group_thousands(&all.to_string()),
    );
    match lang {
        Lang::Zh => format!("计算明细共 {all} 行，此处显示前 {shown} 行；“复制计算明细”复制全部。"),
        Lang::En => format!("The computation has {all} lines; the first {shown} are shown here, and Copy copies them all."),
    }
}

/// The exposure curve's caption (§12): from `from` on `first` to `to` on `last`, `days` later.
pub fn exposure(
    from: Decimal,
    first: NaiveDate,
    to: Decimal,
    days: u32,
    last: NaiveDate,
    lang: Lang,
) -> String {
    let (from, to) = (format_yuan(from), format_yuan(to));
    let (first, last) = (date_words(first, lang), date_words(last, lang));
    match lang {
        _ if from == to => match lang {
            Lang::Zh => format!("若此后不再付款：违约金不再增加，{days}日后（{last}）仍为 {to}"),
            Lang::En => format!(
                "If nothing more is paid: penalties stay at {to}, {days} days later ({last}) too"
            ),
        },
        Lang::Zh => {
            format!("若此后不再付款：违约金由{first}的 {from} 增至{days}日后（{last}）的 {to}")
        }
        Lang::En => format!(
            "If nothing more is paid: penalties grow from {from} on {first} to {to} {days} days later ({last})"
        ),
    }
}
