//! The 计算明细 a claim lists (spec §9 segments): every late amount, from which day to which,
//! how many days, at what rate, for how much — as a table for the results and the print, and as
//! tab-separated text a lawyer can paste into a claim or a spreadsheet.

use crate::engine::compute::ComputeResult;
use crate::engine::date_order::in_date_order;
use crate::engine::late_payment::Segment;
use crate::engine::money::format_yuan;
use crate::engine::scenario::Scenario;
use crate::present::explain::percent;
use crate::present::markup::Markup;
use crate::text::claim::{self, HEADS};
use crate::text::Lang;

fn rate(s: &Segment, lang: Lang) -> String {
    claim::rate(
        &percent(s.fraction),
        s.period,
        s.lpr,
        (s.benchmark, s.lpr_assumed_after),
        lang,
    )
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
                    claim::paid_note(s.paid_on, lang),
                ]
            })
        })
        .collect()
}

/// The most 计算明细 lines drawn on the page (the table, and the formulas' segments): a
/// computation may make up to [`crate::engine::late_payment::MAX_SEGMENTS`], which as markup would
/// hold the page for a minute; the copied text has them all.
pub const SHOWN_AT_MOST: usize = 2_000;

/// Whether the claim table's column `i` holds a figure.
fn numeric(i: usize) -> &'static [(&'static str, &'static str)] {
    if matches!(i, 1 | 4 | 6) {
        &[("class", "num")]
    } else {
        &[]
    }
}

/// The table as HTML; empty when nothing is late.
pub fn claim_table_html(r: &ComputeResult, lang: Lang) -> String {
    claim_table(r, lang, SHOWN_AT_MOST).into_string()
}

/// The table, its first `at_most` rows; empty when nothing is late.
pub fn claim_table(r: &ComputeResult, lang: Lang, at_most: usize) -> Markup {
    let rows = rows(r, lang);
    let mut m = Markup::new();
    if rows.is_empty() {
        return m;
    }
    m.open("div", &[("class", "table-wrap")])
        .open(
            "table",
            &[("class", "claim"), ("data-testid", "claim-table")],
        )
        .push_static("<thead><tr>");
    for (i, head) in HEADS.iter().enumerate() {
        let attrs: &[_] = if numeric(i).is_empty() {
            &[("scope", "col")]
        } else {
            &[("scope", "col"), ("class", "num")]
        };
        m.el("th", attrs, head.get(lang));
    }
    m.push_static("</tr></thead><tbody>");
    for row in rows.iter().take(at_most) {
        m.push_static("<tr>");
        for (i, cell) in row.iter().take(7).enumerate() {
            m.el_with("td", numeric(i), |m| {
                match i {
                    0 => m.push_unbroken(cell, " – "),
                    5 if cell.contains(" (") => m.push_unbroken(cell, " ("),
                    5 => m.el("span", &[("class", "nobr")], cell),
                    _ => m.push_text(cell),
                };
                if i == 1 {
                    m.el("small", &[], &row[7]);
                }
            });
        }
        m.push_static("</tr>");
    }
    m.push_static("</tbody></table></div>");
    if rows.len() > at_most {
        m.el(
            "p",
            &[("class", "muted"), ("data-testid", "claim-shortened")],
            &claim::shortened(at_most, rows.len(), lang),
        );
    }
    m.el(
        "button",
        &[
            ("type", "button"),
            ("class", "chip no-print"),
            ("data-action", "copy-claim"),
            ("data-testid", "copy-claim"),
        ],
        claim::COPY.get(lang),
    );
    m
}

/// The payments as made, with what each settled and the period it was designated for (spec §3,
/// §13): the other half of a claim's 计算明细.
pub fn payments_html(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    payments(s, r, lang).into_string()
}

/// [`payments_html`] as markup, empty when no payment was made.
pub fn payments(s: &Scenario, r: &ComputeResult, lang: Lang) -> Markup {
    let mut m = Markup::new();
    if s.payment.payments.is_empty() {
        return m;
    }
    m.open("div", &[("class", "table-wrap")])
        .open(
            "table",
            &[("class", "payments"), ("data-testid", "payments-table")],
        )
        .push_static("<thead><tr>")
        .el("th", &[("scope", "col")], claim::PAID_ON.get(lang))
        .el(
            "th",
            &[("scope", "col"), ("class", "num")],
            claim::AMOUNT.get(lang),
        )
        .el("th", &[("scope", "col")], claim::FOR.get(lang))
        .push_static("</tr></thead><tbody>");
    let payments = &s.payment.payments;
    let label = |start: chrono::NaiveDate| {
        r.total_fees
            .cycles
            .iter()
            .find(|c| c.start == start)
            .map_or_else(
                || start.to_string(),
                |c| crate::present::report::cycle_label(c, s.fees.cycle, lang),
            )
    };
    for i in in_date_order(payments.iter().map(|p| p.date)) {
        let p = &payments[i];
        let parts: Vec<(String, rust_decimal::Decimal)> = r
            .payments_applied
            .get(i)
            .map(|a| {
                a.iter()
                    .map(|(start, amount)| (label(*start), *amount))
                    .collect()
            })
            .unwrap_or_default();
        let after_as_of = p.date > s.as_of;
        let settled: rust_decimal::Decimal = parts.iter().map(|(_, a)| *a).sum();
        let unapplied = if after_as_of {
            rust_decimal::Decimal::ZERO
        } else {
            p.amount - settled
        };
        let designated = p.for_period.map(label);
        let target = claim::applied(designated.as_deref(), &parts, after_as_of, unapplied, lang);
        m.push_static("<tr>")
            .el("td", &[], &p.date.to_string())
            .el("td", &[("class", "num")], &format_yuan(p.amount))
            .el("td", &[], &target)
            .push_static("</tr>");
    }
    m.push_static("</tbody></table></div>");
    m
}

/// The same as tab-separated text, with a header line and the total.
pub fn claim_text(r: &ComputeResult, lang: Lang) -> String {
    let mut out: Vec<String> = vec![HEADS
        .iter()
        .chain([&claim::NOTE])
        .map(|h| h.get(lang))
        .collect::<Vec<_>>()
        .join("\t")];
    out.extend(rows(r, lang).iter().map(|row| row.join("\t")));
    out.push(format!(
        "{}\t\t\t\t\t\t{}\t",
        if r.late_payment.cap_applied {
            claim::TOTAL_CAPPED
        } else {
            claim::TOTAL
        }
        .get(lang),
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
        // No cap in this contract: the total says no more than that.
        assert_eq!(lines[6], "合计\t\t\t\t\t\t¥18,475.56\t");
        let html = claim_table_html(&r, Lang::En);
        assert_eq!(html.matches("<tr>").count(), 6, "head and five rows");
        // A narrow column wraps a line only between its dates, and before the LPR it was set from.
        assert!(html.contains(
            r#"<span class="nobr">3.1% per 360 days</span> <span class="nobr">(LPR 3.10%)</span>"#
        ));
        assert!(html.contains(
            r#"<td><span class="nobr">2023-04-01</span> <span class="nobr">– 2023-04-30</span></td>"#
        ));
    }

    #[test]
    fn a_day_before_the_first_lpr_is_at_the_benchmark_rate_and_says_so() {
        // ¥50,000 due 2019-07-10, paid 2019-08-29, at 1 × the floating one-year rate on a
        // 365-day year: to 19 August the PBOC benchmark 4.35% (贷款基准利率, not an LPR), from
        // 20 August the first LPR, 4.25%.
        let text = r#"{"format":"contract-calc/scenario","version":1,"name":"2019","as_of":"2019-09-30",
          "contract":{"start":"2019-06-01","end":"2019-06-30"},
          "fees":{"cycle":"monthly","components":[{"label":"服务费","amount":"50000.00"}]},
          "payment":{"due":{"rule":"day_of_next_month","day":10},"calendar":"none",
            "payments":[{"date":"2019-08-29","amount":"50000.00"}]},
          "late_payment":{"rate":{"lpr_multiple":"1","basis_days":365,"lpr_fixing":"floating"},
            "cap_fraction":null,"suspend_after_days":null,"terminate_after_days":null}}"#;
        let r = crate::document::read::compute_json(text).unwrap();
        let lines: Vec<String> = claim_text(&r, Lang::Zh).lines().map(String::from).collect();
        assert_eq!(lines.len(), 4, "header, two segments, total: {lines:#?}");
        assert!(
            lines[1].contains("2019-07-11\t2019-08-19\t40\t4.35%/365日 (贷款基准利率 4.35%)"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].contains("2019-08-20\t2019-08-29\t10\t4.25%/365日 (LPR 4.25%)"),
            "{}",
            lines[2]
        );
        let html = claim_table_html(&r, Lang::En);
        assert!(html.contains("(PBOC benchmark rate 4.35%)"), "{html}");
        // The same with each cycle's penalty capped at 0.1% of its fee: ¥296.58 by the lines,
        // ¥50.00 after the cap, and the total says the cap was applied.
        let capped = text.replace(r#""cap_fraction":null"#, r#""cap_fraction":"0.001""#);
        let r = crate::document::read::compute_json(&capped).unwrap();
        let text = claim_text(&r, Lang::Zh);
        assert!(
            text.ends_with("合计（已按上限计）\t\t\t\t\t\t¥50.00\t"),
            "{text}"
        );
    }
}
