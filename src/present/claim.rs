//! The 计算明细 a claim lists (spec §9 segments): every late amount, from which day to which,
//! how many days, at what rate, for how much — as a table for the results and the print, and as
//! tab-separated text a lawyer can paste into a claim or a spreadsheet.

use crate::engine::compute::ComputeResult;
use crate::engine::late_payment::{Period, Segment};
use crate::engine::money::format_yuan;
use crate::present::explain::percent;
use crate::present::report::escape;
use crate::text::Lang;

const HEADS: [(&str, &str); 7] = [
    ("计费期间", "Billed period"),
    ("逾期款项", "Late amount"),
    ("起算日", "From"),
    ("截止日", "To"),
    ("天数", "Days"),
    ("利率", "Rate"),
    ("违约金", "Penalty"),
];

fn rate(s: &Segment, lang: Lang) -> String {
    let per = match (s.period, lang) {
        (Period::PerDays(1), Lang::Zh) => "/日".to_string(),
        (Period::PerDays(n), Lang::Zh) => format!("/{n}日"),
        (Period::PerMonths(1), Lang::Zh) => "/月".to_string(),
        (Period::PerMonths(n), Lang::Zh) => format!("/{n}个月"),
        (Period::PerDays(1), Lang::En) => " per day".to_string(),
        (Period::PerDays(n), Lang::En) => format!(" per {n} days"),
        (Period::PerMonths(1), Lang::En) => " per month".to_string(),
        (Period::PerMonths(n), Lang::En) => format!(" per {n} months"),
    };
    let lpr = s.lpr.map(|l| format!(" (LPR {l}%)")).unwrap_or_default();
    format!("{}{per}{lpr}", percent(s.fraction))
}

fn paid_note(s: &Segment, lang: Lang) -> String {
    match (s.paid_on, lang) {
        (Some(d), Lang::Zh) => format!("{d} 付"),
        (Some(d), Lang::En) => format!("paid {d}"),
        (None, Lang::Zh) => "未付".into(),
        (None, Lang::En) => "unpaid".into(),
    }
}

/// The rows: (period, base, from, to, days, rate, amount, paid note) for every segment.
fn rows(r: &ComputeResult, lang: Lang) -> Vec<[String; 8]> {
    r.total_fees
        .cycles
        .iter()
        .flat_map(|c| {
            c.segments.iter().map(move |s| {
                [
                    format!("{} – {}", c.start, c.end),
                    format_yuan(s.base),
                    s.from.to_string(),
                    s.to.to_string(),
                    s.days.to_string(),
                    rate(s, lang),
                    format_yuan(s.amount),
                    paid_note(s, lang),
                ]
            })
        })
        .collect()
}

fn head(i: usize, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => HEADS[i].0,
        Lang::En => HEADS[i].1,
    }
}

/// The table, escaped; empty when nothing is late.
pub fn claim_table_html(r: &ComputeResult, lang: Lang) -> String {
    let rows = rows(r, lang);
    if rows.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        r#"<div class="table-wrap"><table class="claim" data-testid="claim-table"><thead><tr>"#,
    );
    for i in 0..HEADS.len() {
        let num = if matches!(i, 1 | 4 | 6) {
            r#" class="num""#
        } else {
            ""
        };
        out.push_str(&format!(r#"<th scope="col"{num}>{}</th>"#, head(i, lang)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().take(7).enumerate() {
            let num = if matches!(i, 1 | 4 | 6) {
                r#" class="num""#
            } else {
                ""
            };
            let note = if i == 1 {
                format!(r#"<small>{}</small>"#, escape(&row[7]))
            } else {
                String::new()
            };
            out.push_str(&format!("<td{num}>{}{note}</td>", escape(cell)));
        }
        out.push_str("</tr>");
    }
    let copy = match lang {
        Lang::Zh => "复制计算明细（可粘贴到诉状或表格）",
        Lang::En => "Copy the computation (pastes into a claim or a spreadsheet)",
    };
    out.push_str(&format!(
        r#"</tbody></table></div><button type="button" class="chip no-print" data-action="copy-claim" data-testid="copy-claim">{copy}</button>"#
    ));
    out
}

/// The payments as made, with the period each was designated for (spec §3, §13): the other half
/// of a claim's 计算明细.
pub fn payments_html(s: &crate::engine::scenario::Scenario, lang: Lang) -> String {
    if s.payment.payments.is_empty() {
        return String::new();
    }
    let (date, amount, for_, earliest) = match lang {
        Lang::Zh => ("付款日", "金额", "抵充", "最早到期"),
        Lang::En => ("Paid on", "Amount", "For", "earliest due"),
    };
    let mut out = format!(
        r#"<div class="table-wrap"><table class="payments" data-testid="payments-table"><thead><tr><th scope="col">{date}</th><th scope="col" class="num">{amount}</th><th scope="col">{for_}</th></tr></thead><tbody>"#
    );
    let mut sorted: Vec<_> = s.payment.payments.iter().collect();
    sorted.sort_by_key(|p| p.date);
    for p in sorted {
        let target = p.for_period.map_or(earliest.to_string(), |d| d.to_string());
        out.push_str(&format!(
            r#"<tr><td>{}</td><td class="num">{}</td><td>{}</td></tr>"#,
            p.date,
            format_yuan(p.amount),
            escape(&target)
        ));
    }
    out.push_str("</tbody></table></div>");
    out
}

/// The same as tab-separated text, with a header line and the total.
pub fn claim_text(r: &ComputeResult, lang: Lang) -> String {
    let mut out: Vec<String> = vec![(0..HEADS.len())
        .map(|i| head(i, lang))
        .chain([match lang {
            Lang::Zh => "备注",
            Lang::En => "Note",
        }])
        .collect::<Vec<_>>()
        .join("\t")];
    out.extend(rows(r, lang).iter().map(|row| row.join("\t")));
    let total = match lang {
        Lang::Zh => "合计（已计上限）",
        Lang::En => "Total (after any cap)",
    };
    out.push(format!(
        "{total}\t\t\t\t\t\t{}\t",
        format_yuan(r.late_payment.total_penalty)
    ));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_courts_five_segments_as_a_claim_lists_them() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/floating-lpr-court.json"
        ))
        .unwrap();
        let r = crate::document::read::compute_json(&text).unwrap();
        let lines: Vec<String> = claim_text(&r, Lang::Zh).lines().map(String::from).collect();
        assert_eq!(lines.len(), 7, "header, five segments, total");
        assert_eq!(
            lines[1],
            "2023-04-01 – 2023-04-30\t¥320,000.00\t2023-05-16\t2023-06-19\t35\t3.65%/360日 (LPR 3.65%)\t¥1,135.56\t未付"
        );
        assert_eq!(lines[6], "合计（已计上限）\t\t\t\t\t\t¥18,475.56\t");
        let html = claim_table_html(&r, Lang::En);
        assert_eq!(html.matches("<tr>").count(), 6, "head and five rows");
        assert!(html.contains("3.1% per 360 days (LPR 3.10%)"));
    }
}
