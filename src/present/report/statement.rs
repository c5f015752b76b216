//! The printed statement: the key terms in words beside every figure with its breakdown, as a
//! standalone page.

use super::{results, Open};
use crate::engine::compute::ComputeResult;
use crate::engine::scenario::Scenario;
use crate::present::markup::Markup;
use crate::text::{report, Lang};

/// The key terms in words, for the printed statement.
pub fn terms_html(s: &Scenario, lang: Lang) -> String {
    terms(s, lang).into_string()
}

/// The comparison's rows for `s` alone, as a table captioned with its name.
fn terms(s: &Scenario, lang: Lang) -> Markup {
    let c = crate::present::compare::compare(&[(s.name.clone(), s.clone())], lang);
    let mut m = Markup::with_capacity(2048);
    m.open("table", &[("class", "terms")])
        .el("caption", &[], &s.name)
        .push_static("<tbody>");
    for row in c.rows {
        m.push_static("<tr>")
            .el("th", &[("scope", "row")], &row.label)
            .el(
                "td",
                &[],
                row.values.first().map(String::as_str).unwrap_or_default(),
            )
            .push_static("</tr>");
    }
    m.push_static("</tbody></table>").el(
        "p",
        &[("class", "muted")],
        report::STATEMENT_NOTE.get(lang),
    );
    m
}

/// The statement page's style: readable on screen and on paper without the app's stylesheet.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1d2733}\
     table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #dde3ea}\
     .num{text-align:right}.figure-amount{display:block;font-size:1.5rem}.figure-label,.figure-words,.figure-note{display:block}\
     summary{list-style:none}.formula{color:#5f6b7a}.no-print{display:none}\
     .as-of{margin-left:.6em;font-size:.85rem;font-weight:400;color:#5f6b7a}.tag{margin-left:.4em;font-size:.8em;color:#5f6b7a}\
     table.claim td small{display:block;color:#5f6b7a}\
     .exposure .chart{position:relative}.exposure svg{width:100%;height:7.5rem;background:#fafbfc}.exposure .axis{stroke:#c9d1da}\
     .exposure .curve{fill:none;stroke:#0f766e;stroke-width:2;vector-effect:non-scaling-stroke}\
     .y-top,.y-foot{position:absolute;left:.4rem;font-size:.72rem;color:#5f6b7a}.y-top{top:.3rem}.y-foot{bottom:.6rem}\
     .x-axis{display:flex;justify-content:space-between;font-size:.72rem;color:#5f6b7a}\
     .formula-list .period{display:block;color:#5f6b7a;font-size:.85rem}.paid-line{display:flex;flex-wrap:wrap;gap:.3em .8em;margin-top:.8rem}";

/// A whole statement as a standalone HTML page: what `contract-calc report` writes, with every
/// line of the 计算明细 (a file has no page to hold up, nor a Copy button).
pub fn statement_page(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    let mut m = Markup::with_capacity(16 * 1024);
    m.push_static("<!doctype html>")
        .open("html", &[("lang", report::HTML_LANG.get(lang))])
        .push_static("<head><meta charset=\"utf-8\">")
        .el("title", &[], &s.name)
        .push_static("<style>")
        .push_static(STYLE)
        .push_static("</style></head><body>")
        .push(&terms(s, lang))
        .push(&results(s, r, lang, Open::ALL, usize::MAX));
    // Which payment paid which period (§3, §13 designations): without it the claim's tranches
    // cannot be matched to the payments.
    let payments = crate::present::claim::payments(s, r, lang);
    if !payments.is_empty() {
        m.el("h2", &[], report::PAYMENTS_MADE.get(lang))
            .push(&payments);
    }
    m.push_static("</body></html>");
    m.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::report::tests::figures;

    #[test]
    fn the_statement_page_holds_terms_and_every_breakdown() {
        let (s, r) = figures("termination-2025");
        let page = statement_page(&s, &r, Lang::Zh);
        assert!(page.starts_with("<!doctype html>"));
        assert!(
            page.contains("settlement-table")
                && page.contains("cycle-table")
                && page.contains("合同总金额")
        );
        // A page without the app's script: its copy button would do nothing, so it is hidden.
        assert!(page.contains("class=\"chip no-print\" data-action=\"copy-claim\""));
        assert!(page.contains(".no-print{display:none}"));
        assert!(page.contains("本结果由 contract-calc 计算"));
        // The payments, which the claim's tranches are matched to.
        assert!(
            page.contains("<h2>付款记录（含指定抵充的期间）</h2>"),
            "{page}"
        );
    }

    #[test]
    fn a_hostile_name_and_loss_label_are_text_in_the_statement_and_the_terms() {
        const HOSTILE: &str = r#"<script>alert(1)</script> & "x""#;
        const ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;";
        let (mut s, _) = figures("termination-2025");
        s.name = HOSTILE.into();
        if let Some(b) = s.supplier_breaches.as_mut() {
            b.losses[0].label = HOSTILE.into();
        }
        let r = crate::engine::compute::compute(&s).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let page = statement_page(&s, &r, lang);
            assert!(!page.contains("<script"), "{page}");
            assert!(page.contains(&format!("<title>{ESCAPED}</title>")));
            assert!(page.contains(&format!("<caption>{ESCAPED}</caption>")));
            // The loss, a supplier's charge in the settlement table.
            assert!(
                page.contains(&format!("{ESCAPED}（乙方承担）</td><td class=\"num\">− ¥"))
                    || page.contains(&format!(
                        "{ESCAPED} (borne by the supplier)</td><td class=\"num\">− ¥"
                    ))
            );
        }
        // The comparison keeps names as given: the app's table escapes them as text.
        let c = crate::present::compare::compare(&[(s.name.clone(), s.clone())], Lang::Zh);
        assert_eq!(c.columns, [HOSTILE]);
        assert!(terms_html(&s, Lang::En).contains(ESCAPED));
    }
}
