//! The printed statement: the key terms in words beside every figure with its breakdown, as a
//! standalone page.

use super::html::{escape, Html};
use super::{results_html, Open};
use crate::engine::compute::ComputeResult;
use crate::engine::scenario::Scenario;
use crate::text::Lang;
use std::fmt::Write;

/// The key terms in words, for the printed statement.
pub fn terms_html(s: &Scenario, lang: Lang) -> String {
    let c = crate::present::compare::compare(&[(s.name.clone(), s.clone())], lang);
    let mut h = Html {
        out: String::with_capacity(2048),
        zh: lang == Lang::Zh,
    };
    h.raw(r#"<table class="terms"><caption>"#);
    h.text(&s.name);
    h.raw("</caption><tbody>");
    for row in c.rows {
        h.raw(r#"<tr><th scope="row">"#);
        h.text(&row.label);
        h.raw("</th><td>");
        h.text(row.values.first().map(String::as_str).unwrap_or_default());
        h.raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    let note = h.tx(
        "本结果由 contract-calc 在浏览器中计算，仅供参考，不构成法律意见。",
        "Computed by contract-calc, for reference; not legal advice.",
    );
    let _ = write!(h.out, r#"<p class="muted">{note}</p>"#);
    h.out
}

/// A whole statement as a standalone HTML page: what `contract-calc report` writes.
pub fn statement_page(s: &Scenario, r: &ComputeResult, lang: Lang) -> String {
    let title = escape(&s.name);
    let html_lang = if lang == Lang::Zh { "zh-CN" } else { "en" };
    format!(
        "<!doctype html><html lang=\"{html_lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1d2733}}\
         table{{border-collapse:collapse;width:100%}}th,td{{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #dde3ea}}\
         .num{{text-align:right}}.figure-amount{{display:block;font-size:1.5rem}}.figure-label,.figure-words,.figure-note{{display:block}}\
         summary{{list-style:none}}.formula{{color:#5f6b7a}}</style></head><body>{}{}</body></html>",
        terms_html(s, lang),
        results_html(s, r, lang, Open::ALL)
    )
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
    }
}
