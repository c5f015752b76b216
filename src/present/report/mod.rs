//! The results as HTML: headline figures (in ¥ and in 大写), each with its breakdown — the cycle
//! table, the penalty formulas, the settlement lines — and a statement of the key terms for print.
//! Plain string building with every piece of user text escaped, so the app sets it in one step on
//! each keystroke and the CLI can write the same statement to a file.
//!
//! One module a card: `contract_total` (with the cycle table), `late_penalty`, `subcontracting`,
//! `settlement`; `html` builds and escapes; `statement` is the printed page.

mod contract_total;
mod html;
mod late_penalty;
mod settlement;
mod statement;
mod subcontracting;

pub use html::escape;
pub use statement::{statement_page, terms_html};

use crate::engine::compute::ComputeResult;
use crate::engine::money::format_yuan;
use crate::engine::scenario::{Cycle, Scenario};
use crate::present::explain;
use crate::text::{self, Lang};
use chrono::{Datelike, NaiveDate};
use html::Html;
use rust_decimal::Decimal;
use std::fmt::Write;

/// Which breakdowns to include (a closed card holds only its headline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Open {
    pub total: bool,
    pub late: bool,
    pub subcontracting: bool,
    pub termination: bool,
}

impl Open {
    /// The breakdowns open when the page opens: the termination settlement's, which a
    /// settlement is read for. The first figures (`src/bin/figures.rs`) use it too.
    pub const AT_START: Open = Open {
        total: false,
        late: false,
        subcontracting: false,
        termination: true,
    };

    /// Every breakdown, as a printed statement shows them.
    pub const ALL: Open = Open {
        total: true,
        late: true,
        subcontracting: true,
        termination: true,
    };
}

/// `2025-07-01 – 07-20`: the year once when both ends share it.
pub fn period(start: NaiveDate, end: NaiveDate) -> String {
    if start.year() == end.year() {
        format!("{start} – {:02}-{:02}", end.month(), end.day())
    } else {
        format!("{start} – {end}")
    }
}

/// A cycle as a table shows it: a whole month `2025-03`, a whole quarter `2025 Q2`, otherwise
/// its dates (a partial cycle, a contract year).
pub fn cycle_label(c: &crate::engine::compute::CycleRow, cycle: Cycle) -> String {
    match (cycle, c.partial_of) {
        (Cycle::Monthly, None) => format!("{}-{:02}", c.start.year(), c.start.month()),
        (Cycle::Quarterly, None) => format!("{} Q{}", c.start.year(), c.start.month0() / 3 + 1),
        _ => period(c.start, c.end),
    }
}

/// The figures of `s` that do not depend on the day they are computed (the title without its
/// "as of" date, and the contract total), closed: what the static page can carry for the starter
/// scenario, written at build time (`contract-calc shell-figures`, README "First figures").
pub fn dateless_figures_html(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    let mut h = Html {
        out: String::with_capacity(1024),
        zh: lang == Lang::Zh,
    };
    let _ = write!(
        h.out,
        r#"<h2 class="results-title">{}</h2>"#,
        h.tx("计算结果", "Figures")
    );
    contract_total::contract_total_card(&mut h, s, r, lang, false);
    h.out
}

/// The results panel for `s` and its figures `r`.
pub fn results_html(s: &Scenario, r: &ComputeResult, lang: Lang, open: Open) -> String {
    let mut h = Html {
        out: String::with_capacity(4096),
        zh: lang == Lang::Zh,
    };
    let as_of = if h.zh {
        format!("截至{}", explain::date_words(s.as_of, lang))
    } else {
        format!("as of {}", explain::date_words(s.as_of, lang))
    };
    let _ = write!(
        h.out,
        r#"<h2 class="results-title">{}<span class="as-of">{as_of}</span></h2>"#,
        h.tx("计算结果", "Figures")
    );

    contract_total::contract_total_card(&mut h, s, r, lang, open.total);

    late_penalty::late_penalty_card(&mut h, s, r, lang, open.late);

    warnings_list(&mut h, r, lang);

    subcontracting::subcontracting_card(&mut h, s, r, open.subcontracting);
    if let Some(t) = &r.termination {
        settlement::termination_card(&mut h, t, lang, open.termination);
        settlement::termination_notes(&mut h, s, r, t, lang);
    }

    let _ = write!(
        h.out,
        r#"<div class="paid-line"><span>{}</span><strong data-testid="paid">{}</strong>"#,
        h.tx("已付款合计", "Paid to date"),
        format_yuan(r.paid)
    );
    if r.unapplied_payments > Decimal::ZERO {
        let extra = format_yuan(r.unapplied_payments);
        let text = if h.zh {
            format!("其中 {extra} 超出应付费用，未抵充")
        } else {
            format!("{extra} exceeds all fees and is unapplied")
        };
        let _ = write!(h.out, r#"<span class="warn">{text}</span>"#);
    }
    h.raw("</div>");
    h.out
}

/// §10 what the figures assumed beyond the built-in data, beside them.
fn warnings_list(h: &mut Html, r: &ComputeResult, lang: Lang) {
    if r.warnings.is_empty() {
        return;
    }
    h.raw(r#"<ul class="warnings" data-testid="warnings">"#);
    for w in &r.warnings {
        let code = match w {
            crate::engine::warnings::Warning::CalendarProvisional { .. } => "calendar_provisional",
            crate::engine::warnings::Warning::LprBeyondTable { .. } => "lpr_beyond_table",
        };
        let _ = write!(h.out, r#"<li data-code="{code}">"#);
        h.text(&text::results::warning(w, lang));
        h.raw("</li>");
    }
    h.raw("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read::parse_scenario;
    use crate::engine::compute::compute;

    pub(super) fn figures(name: &str) -> (Scenario, ComputeResult) {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let s = parse_scenario(&text).unwrap();
        let r = compute(&s).unwrap();
        (s, r)
    }

    #[test]
    fn a_hostile_name_or_loss_label_is_text() {
        let (mut s, _) = figures("termination-2025");
        s.name = "<img src=x onerror=alert(1)>".into();
        if let Some(b) = s.supplier_breaches.as_mut() {
            b.losses[0].label = "<script>alert(2)</script>".into();
        }
        let r = compute(&s).unwrap();
        let html = format!(
            "{}{}",
            results_html(&s, &r, Lang::Zh, Open::ALL),
            terms_html(&s, Lang::Zh)
        );
        assert!(
            !html.contains("<img") && !html.contains("<script"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn the_headlines_show_yuan_and_capitals() {
        // The termination example: the client pays ¥93,573.22 (玖万叁仟伍佰柒拾叁元贰角贰分) by 2025-08-19.
        let (s, r) = figures("termination-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::default());
        assert!(html.contains(r#"<strong class="figure-amount" data-testid="contract-total">¥480,000.00</strong><span class="figure-words">肆拾捌万元整</span>"#));
        assert!(html.contains("¥93,573.22") && html.contains("玖万叁仟伍佰柒拾叁元贰角贰分"));
        assert!(html.contains("甲方（客户）应于2025年8月19日前向乙方支付 ¥93,573.22"));
        // Closed cards carry no breakdown.
        assert!(!html.contains("cycle-table") && !html.contains("settlement-table"));
    }

    #[test]
    fn an_open_card_carries_its_breakdown() {
        let (s, r) = figures("monthly-operation-2025");
        let html = results_html(
            &s,
            &r,
            Lang::En,
            Open {
                total: true,
                late: true,
                ..Open::default()
            },
        );
        assert_eq!(html.matches("<tr class=").count(), 12, "one row per month");
        assert!(
            html.contains("<td>2025-03</td>"),
            "a whole month is written as its month"
        );
        assert!(html.contains(
            "¥20,000.00 × 0.05% × 50/1 (2025-04-11 to 2025-05-30, paid 2025-05-30) = ¥500.00"
        ));
        assert!(html.contains("supplier may suspend service from 11 May 2025"));
    }

    #[test]
    fn a_partial_month_shows_its_dates() {
        // Terminated on 2025-07-20: July is billed 1–20 and labelled with its dates.
        let (s, r) = figures("termination-2025");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(
            html.contains("<td>2025-07-01 – 07-20<span class=\"tag\">折算</span></td>"),
            "{html}"
        );
        assert!(html.contains("<td>2025-06</td>"));
    }

    #[test]
    fn assumptions_and_the_reasonableness_check_stand_beside_the_figures() {
        // The 2027 contract: a provisional 2027 calendar and an LPR after the table, each said
        // in words; 日万分之五 is 6.08 times the LPR loss, above the 1.3 threshold.
        let (s, r) = figures("contract-into-2027");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains(r#"<li data-code="calendar_provisional">2027年的放假安排尚未公布"#));
        assert!(html.contains(r#"<li data-code="lpr_beyond_table">2026年4月19日之后的 LPR"#));
        assert!(html.contains("资金占用损失（¥123.29）的 6.08 倍；高于损失的 1.3 倍（¥160.27）"));
        let en = results_html(&s, &r, Lang::En, Open::ALL);
        assert!(en.contains("The penalty is 6.08 times the loss"));
        // The court case: 1.01 times the loss, not above.
        let (s, r) = figures("floating-lpr-court");
        let html = results_html(&s, &r, Lang::Zh, Open::ALL);
        assert!(html.contains("的 1.01 倍；未超过损失的 1.3 倍（¥23,689.21）"));
        assert!(!html.contains("data-testid=\"warnings\""));
    }
}
