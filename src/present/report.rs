//! The results as HTML: headline figures (in ¥ and in 大写), each with its breakdown — the cycle
//! table, the penalty formulas, the settlement lines — and a statement of the key terms for print.
//! Plain string building with every piece of user text escaped, so the app sets it in one step on
//! each keystroke and the CLI can write the same statement to a file.

use crate::engine::compute::ComputeResult;
use crate::engine::money::format_yuan;
use crate::engine::scenario::{Cycle, Scenario};
use crate::engine::termination::{Charge, ChargeKind, Payer, TerminationResult};
use crate::present::explain;
use crate::text::amount_in_words::amount_in_words;
use crate::text::{self, Lang};
use chrono::{Datelike, NaiveDate};
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

/// `<`, `>`, `&`, `"` and `'` as entities, bidirectional controls dropped: user text can never
/// become markup nor reorder what is shown around it.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if crate::text::is_bidi_control(c) => {}
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

struct Html {
    out: String,
    zh: bool,
}

impl Html {
    fn tx<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        if self.zh {
            zh
        } else {
            en
        }
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        self.out.push_str(&escape(s));
    }

    /// One headline card: label, amount, 大写, a note, and (when open) its body.
    fn card(
        &mut self,
        card: &str,
        label: &str,
        amount: Decimal,
        note: Option<&str>,
        open: bool,
        body: impl FnOnce(&mut Html),
    ) {
        let _ = write!(
            self.out,
            r#"<details class="figure" data-card="{card}" data-testid="{card}-card"{}><summary><span class="figure-label">"#,
            if open { " open" } else { "" }
        );
        self.text(label);
        let _ = write!(
            self.out,
            r#"</span><strong class="figure-amount" data-testid="{card}">{}</strong><span class="figure-words">{}</span>"#,
            format_yuan(amount),
            amount_in_words(amount).unwrap_or_default()
        );
        if let Some(n) = note {
            self.raw(r#"<span class="figure-note">"#);
            self.text(n);
            self.raw("</span>");
        }
        self.raw("</summary>");
        if open {
            self.raw(r#"<div class="figure-body">"#);
            body(self);
            self.raw("</div>");
        }
        self.raw("</details>");
    }

    fn formula(&mut self, text: &str) {
        self.raw(r#"<p class="formula">"#);
        self.text(text);
        self.raw("</p>");
    }
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

/// The contract-total card (spec "Fees": the contract total and, with auto-renewal, the total
/// with the renewed term).
fn contract_total_card(h: &mut Html, s: &Scenario, r: &ComputeResult, lang: Lang, open: bool) {
    let renewal = (r.total_fees.with_renewal != r.total_fees.contract_total).then(|| {
        let total = format_yuan(r.total_fees.with_renewal);
        let months = s.contract.renewal_months;
        if h.zh {
            format!("含自动续期 {months} 个月：{total}")
        } else {
            format!("with {months} months' renewal: {total}")
        }
    });
    let label = h.tx("合同总金额", "Contract total").to_string();
    h.card(
        "contract-total",
        &label,
        r.total_fees.contract_total,
        renewal.as_deref(),
        open,
        |h| {
            h.formula(&explain::contract_total(s, r, lang));
            cycle_table(h, r, s.fees.cycle);
        },
    );
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
    contract_total_card(&mut h, s, r, lang, false);
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

    contract_total_card(&mut h, s, r, lang, open.total);

    let rights = rights_note(s, r, lang);
    let label = h
        .tx("逾期付款违约金（至今）", "Late-payment penalties to date")
        .to_string();
    h.card(
        "late-penalty",
        &label,
        r.late_payment.total_penalty,
        rights.as_deref(),
        open.late,
        |h| late_body(h, s, r, lang),
    );

    warnings_list(&mut h, r, lang);

    subcontracting_card(&mut h, s, r, open.subcontracting);
    if let Some(t) = &r.termination {
        termination_card(&mut h, t, lang, open.termination);
        termination_notes(&mut h, s, r, t, lang);
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

fn rights_note(s: &Scenario, r: &ComputeResult, lang: Lang) -> Option<String> {
    let terms = s.late_payment.as_ref()?;
    let zh = lang == Lang::Zh;
    let when = |d| explain::date_words(d, lang);
    // A right still stands while some fee is unpaid more than k days after it fell due; once
    // everything that late is paid, it is history, not a headline.
    let standing = |k: Option<u32>| {
        k.is_some_and(|k| {
            r.total_fees
                .cycles
                .iter()
                .any(|c| c.outstanding > Decimal::ZERO && c.unpaid_days > i64::from(k))
        })
    };
    let mut parts = Vec::new();
    let rights = [
        (
            r.late_payment.suspend_right_from,
            terms.suspend_after_days,
            ("暂停服务", "suspend service"),
        ),
        (
            r.late_payment.terminate_right_from,
            terms.terminate_after_days,
            ("解除合同", "terminate"),
        ),
    ];
    for (from, k, (what_zh, what_en)) in rights {
        let Some(d) = from else { continue };
        parts.push(match (zh, standing(k)) {
            (true, true) => format!("{}起乙方有权{what_zh}", when(d)),
            (false, true) => format!("supplier may {what_en} from {}", when(d)),
            (true, false) => format!("乙方曾于{}起有权{what_zh}（相应欠款已付清）", when(d)),
            (false, false) => format!(
                "supplier could {what_en} from {} (those arrears are since paid)",
                when(d)
            ),
        });
    }
    (!parts.is_empty()).then(|| parts.join(if zh { "；" } else { "; " }))
}

fn rate_text(s: &Scenario, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let Some(l) = &s.late_payment else {
        return if zh {
            "合同未约定逾期付款违约金".into()
        } else {
            "no late-payment clause".into()
        };
    };
    let rate = explain::agreed_rate(&l.rate, lang);
    let cap = l.cap_fraction.map(|c| {
        let pct = explain::percent(c);
        if zh {
            format!("，每期以该期费用的 {pct} 为上限")
        } else {
            format!(", capped at {pct} of each cycle's fee")
        }
    });
    format!("{rate}{}", cap.unwrap_or_default())
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

/// §13 an overdue settlement, and a termination for breach without the right to terminate.
fn termination_notes(
    h: &mut Html,
    s: &Scenario,
    r: &ComputeResult,
    t: &TerminationResult,
    lang: Lang,
) {
    if let Some(note) = text::results::overdue(t, lang) {
        h.raw(r#"<p class="warn" data-testid="settlement-overdue">"#);
        h.text(&note);
        h.raw("</p>");
    }
    let Some(term) = &s.termination else {
        return;
    };
    if term.reason != crate::engine::scenario::TerminationReason::ClientBreach {
        return;
    }
    let after = s.late_payment.as_ref().and_then(|l| l.terminate_after_days);
    let right = r.late_payment.terminate_right_from;
    if after.is_none() || right.is_none_or(|d| d > term.date) {
        h.raw(r#"<p class="warn" data-testid="termination-right">"#);
        h.text(&text::results::no_termination_right(
            term.date, after, right, lang,
        ));
        h.raw("</p>");
    }
}

fn late_body(h: &mut Html, s: &Scenario, r: &ComputeResult, lang: Lang) {
    if let Some(x) = &r.late_payment.reasonableness {
        h.raw(r#"<p class="reasonableness" data-testid="reasonableness">"#);
        h.text(&text::results::reasonableness(x, lang));
        h.raw("</p>");
    }
    let rule = h.tx(
        "。每笔逾期款项 × 比例 × 逾期天数 ÷ 计息期天数；到期日当日付款不算逾期（民法典第201条），违约金以合同约定为准（第585条）。",
        ". Each late amount × rate × days late ÷ period; paying on the due date is not late (Civil Code Art. 201); penalties as agreed (Art. 585).",
    );
    h.formula(&format!("{}{rule}", rate_text(s, lang)));
    let lines: Vec<(String, String)> = r
        .total_fees
        .cycles
        .iter()
        .filter_map(|c| explain::cycle_penalty(c, lang).map(|f| (period(c.start, c.end), f)))
        .collect();
    if lines.is_empty() {
        let none = h.tx("目前没有逾期。", "Nothing is late.");
        let _ = write!(h.out, r#"<p class="muted">{none}</p>"#);
    } else {
        h.raw(r#"<ul class="formula-list">"#);
        for (period, formula) in lines {
            let _ = write!(h.out, r#"<li><span class="period">{period}</span>"#);
            h.text(&formula);
            h.raw("</li>");
        }
        h.raw("</ul>");
        h.raw(&crate::present::claim::claim_table_html(r, lang));
    }
    // §12: a year ahead, a point a month, if nothing more is paid.
    if let Ok(points) = crate::engine::what_if::exposure(s, 360, 30) {
        h.raw(&crate::present::chart::exposure_svg(&points, lang));
    }
}

fn cycle_table(h: &mut Html, r: &ComputeResult, cycle: Cycle) {
    let heads = [
        ("期间", "Period", ""),
        ("金额", "Amount", " class=\"num\""),
        ("到期日", "Due", ""),
        ("已付", "Paid", " class=\"num\""),
        ("逾期天数", "Days late", " class=\"num\""),
        ("违约金", "Penalty", " class=\"num\""),
    ];
    h.raw(r#"<div class="table-wrap"><table class="cycles" data-testid="cycle-table"><thead><tr>"#);
    for (zh, en, class) in heads {
        let _ = write!(h.out, r#"<th scope="col"{class}>{}</th>"#, h.tx(zh, en));
    }
    h.raw("</tr></thead><tbody>");
    let (prorated, capped) = (h.tx("折算", "prorated"), h.tx("封顶", "capped"));
    for c in &r.total_fees.cycles {
        let mut class = Vec::new();
        if c.days_late > 0 {
            class.push("late");
        }
        if c.outstanding > Decimal::ZERO {
            class.push("open");
        }
        let _ = write!(
            h.out,
            r#"<tr class="{}"><td>{}{}</td><td class="num">{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}{}</td></tr>"#,
            class.join(" "),
            cycle_label(c, cycle),
            if c.partial_of.is_some() {
                format!(r#"<span class="tag">{prorated}</span>"#)
            } else {
                String::new()
            },
            format_yuan(c.amount),
            c.due,
            format_yuan(c.paid),
            c.days_late,
            format_yuan(c.penalty),
            if c.capped {
                format!(r#"<span class="tag">{capped}</span>"#)
            } else {
                String::new()
            },
        );
    }
    h.raw("</tbody></table></div>");
}

fn subcontracting_card(h: &mut Html, s: &Scenario, r: &ComputeResult, open: bool) {
    let Some(clause) = s
        .supplier_breaches
        .as_ref()
        .and_then(|b| b.subcontracting.as_ref())
    else {
        return;
    };
    let (penalty, refund) =
        crate::engine::subcontracting::exposure(clause, r.total_fees.contract_total, r.paid);
    let label = match clause.occurred_on {
        Some(d) if h.zh => format!("转包违约责任（{}发现）", explain::date_words(d, Lang::Zh)),
        Some(d) => format!(
            "Subcontracting liability (found {})",
            explain::date_words(d, Lang::En)
        ),
        None => h
            .tx(
                "若擅自转包：乙方风险敞口",
                "If the supplier subcontracts: exposure",
            )
            .to_string(),
    };
    let amount = penalty + refund;
    let pct = explain::percent(clause.penalty_fraction);
    let total = format_yuan(r.total_fees.contract_total);
    let (p, rf, sum) = (
        format_yuan(penalty),
        format_yuan(refund),
        format_yuan(penalty + refund),
    );
    let formula = match (h.zh, clause.refund_paid) {
        (true, true) => {
            format!("合同总金额 {total} × {pct} = {p}，加退还已付费用 {rf}，合计 {sum}")
        }
        (true, false) => format!("合同总金额 {total} × {pct} = {p}"),
        (false, true) => format!(
            "contract total {total} × {pct} = {p}, plus refund of fees paid {rf}, total {sum}"
        ),
        (false, false) => format!("contract total {total} × {pct} = {p}"),
    };
    h.card("subcontracting", &label, amount, None, open, |h| {
        h.formula(&formula)
    });
}

fn charge_label(c: &Charge, zh: bool) -> String {
    let text = match (c.kind, zh) {
        (ChargeKind::ServiceIncidents, true) => "服务事故扣款",
        (ChargeKind::ServiceIncidents, false) => "Service incidents",
        (ChargeKind::SubstandardService, true) => "不合格服务扣款",
        (ChargeKind::SubstandardService, false) => "Substandard service",
        (ChargeKind::ConfidentialityPenalty, true) => "泄密违约金",
        (ChargeKind::ConfidentialityPenalty, false) => "Confidentiality penalty",
        (ChargeKind::Loss, _) => return c.label.clone(),
        (ChargeKind::BreachPenalty, true) => "违约解除违约金",
        (ChargeKind::BreachPenalty, false) => "Breach penalty",
        (ChargeKind::SubcontractingPenalty, true) => "转包违约金",
        (ChargeKind::SubcontractingPenalty, false) => "Subcontracting penalty",
    };
    text.to_string()
}

fn termination_card(h: &mut Html, t: &TerminationResult, lang: Lang, open: bool) {
    let arrow = match t.payer {
        Payer::Client => h.tx("甲方 → 乙方", "client → supplier"),
        Payer::Supplier => h.tx("乙方 → 甲方", "supplier → client"),
        Payer::None => h.tx("无需支付", "nothing to pay"),
    };
    let _ = write!(
        h.out,
        r#"<details class="figure termination" data-card="termination" data-testid="termination-card"{}><summary><span class="figure-label">{}</span><span class="direction" data-testid="payer">{arrow}</span><strong class="figure-amount" data-testid="termination-net">{}</strong><span class="figure-words">{}</span><span class="figure-note">{}</span></summary>"#,
        if open { " open" } else { "" },
        h.tx("终止结算", "Termination settlement"),
        format_yuan(t.net),
        amount_in_words(t.net).unwrap_or_default(),
        escape(&explain::payer_sentence(t, lang)),
    );
    if open {
        h.raw(r#"<div class="figure-body">"#);
        h.formula(&explain::settlement(t, lang));
        h.raw(r#"<div class="table-wrap"><table class="settlement" data-testid="settlement-table"><tbody>"#);
        let zh = h.zh;
        let line = |h: &mut Html, label: &str, amount: Decimal, sign: &str| {
            h.raw("<tr><td>");
            h.text(label);
            let _ = write!(
                h.out,
                r#"</td><td class="num">{sign}{}</td></tr>"#,
                format_yuan(amount)
            );
        };
        line(
            h,
            h.tx("至终止日已发生费用", "Fees earned to the last day"),
            t.earned,
            "",
        );
        line(h, h.tx("减：已付款", "less paid"), t.paid, "− ");
        line(
            h,
            h.tx("加：逾期付款违约金", "plus late penalties"),
            t.late_penalty,
            "+ ",
        );
        let sides = [
            (
                &t.client_charge_lines,
                h.tx("加：甲方 ", "plus client: "),
                "+ ",
            ),
            (
                &t.supplier_charge_lines,
                h.tx("减：乙方 ", "less supplier: "),
                "− ",
            ),
        ];
        for (lines, side, sign) in sides {
            for c in lines {
                line(h, &format!("{side}{}", charge_label(c, zh)), c.amount, sign);
            }
        }
        let _ = write!(
            h.out,
            r#"<tr class="total"><td>{}</td><td class="num">{}</td></tr></tbody></table></div></div>"#,
            h.tx("净额", "Net"),
            format_yuan(t.net)
        );
    }
    h.raw("</details>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::read::parse_scenario;
    use crate::engine::compute::compute;

    fn figures(name: &str) -> (Scenario, ComputeResult) {
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
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert(1)">&'"#),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"
        );
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
