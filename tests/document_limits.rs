//! Every entrance (CLI, import, local storage, share link) reads documents through the same
//! reader, so its limits and its strictness hold everywhere: a document too large, a name or label
//! too long, unknown fields too large or too deep, and numbers not written as the spec writes them
//! are refused with the field named; a byte-order mark is accepted.

use contract_calc::document::read::{
    parse_scenario, MAX_DOCUMENT_BYTES, MAX_LABEL_CHARS, MAX_NAME_CHARS,
};
use contract_calc::text::Lang;
use serde_json::{json, Value};

fn base() -> Value {
    serde_json::from_str(include_str!("fixtures/monthly-operation-2025.json")).unwrap()
}

/// `path: message` (English), or "accepted".
fn refusal(v: &str) -> String {
    match parse_scenario(v) {
        Ok(_) => "accepted".into(),
        Err(e) => e.display(Lang::En),
    }
}

fn with(pointer: &str, value: Value) -> String {
    let mut v = base();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent).unwrap()[key] = value;
    v.to_string()
}

#[test]
fn a_document_over_one_mebibyte_is_refused_before_it_is_parsed() {
    let mut v = base();
    v["name"] = json!("x".repeat(MAX_DOCUMENT_BYTES));
    assert_eq!(
        refusal(&v.to_string()),
        "document too large: more than 1,048,576 bytes (1 MiB)"
    );
}

#[test]
fn names_and_labels_have_a_length() {
    let long_name = "合".repeat(MAX_NAME_CHARS + 1);
    assert_eq!(
        refusal(&with("/name", json!(long_name))),
        "name: too long: at most 200 characters"
    );
    assert_eq!(
        refusal(&with("/name", json!("合".repeat(MAX_NAME_CHARS)))),
        "accepted"
    );
    assert_eq!(
        refusal(&with(
            "/fees/components/0/label",
            json!("费".repeat(MAX_LABEL_CHARS + 1))
        )),
        "fees.components[0].label: too long: at most 100 characters"
    );
}

#[test]
fn unknown_fields_are_kept_within_a_budget() {
    // A small note from another tool is kept on re-save.
    let s = parse_scenario(&with("/app_note", json!({"by": "另一工具", "n": 1}))).unwrap();
    assert_eq!(
        s.extra.get("app_note").map(|v| v.get()),
        Some(r#"{"by":"另一工具","n":1}"#)
    );
    // 100 KB of unknown text, or an unknown value nested 40 deep, is refused, naming the field.
    assert_eq!(
        refusal(&with("/payment/blob", json!("x".repeat(100 << 10)))),
        "payment.blob: fields this version does not know take too much room (at most 64 KB in all): remove those not needed"
    );
    let mut deep = json!(1);
    for _ in 0..40 {
        deep = json!([deep]);
    }
    assert_eq!(
        refusal(&with("/contract/deep", deep)),
        "contract.deep: a field this version does not know nests too deeply (at most 16 levels)"
    );
}

#[test]
fn unknown_numbers_are_kept_digit_for_digit() {
    // Another tool's numbers are its own: 23 significant digits, an exponent beyond f64's range
    // and trailing zeros survive a read and a re-save unchanged (never rounded to f64).
    let note = r#"{"ratio":12345678901234567890123.5,"tiny":1e-400,"as_written":1.50e+3}"#;
    let mut v = base().to_string();
    v.insert_str(1, &format!(r#""app_note":{note},"#));
    let s = parse_scenario(&v).unwrap();
    assert_eq!(s.extra.get("app_note").map(|v| v.get()), Some(note));
    assert!(s.to_json().contains(note), "{}", s.to_json());
}

#[test]
fn numbers_are_written_as_the_spec_writes_them() {
    for bad in [
        " 5000 ",
        ".5",
        "5.",
        "-0",
        "-5",
        "5e3",
        "+5",
        "0x10",
        "５０００",
    ] {
        assert_eq!(
            refusal(&with("/fees/components/0/amount", json!(bad))),
            format!(
                "fees.components[0].amount: expected a non-negative amount like \"50000.00\", got \"{bad}\""
            ),
            "{bad}"
        );
    }
    // Amounts go to the fen: a payment of ¥0.001 would leave paid + outstanding a fen off.
    assert_eq!(
        refusal(&with("/payment/payments/0/amount", json!("50000.001"))),
        "payment.payments[0].amount: an amount has at most two decimals (fen), got \"50000.001\""
    );
    assert_eq!(
        refusal(&with("/payment/payments/0/amount", json!("50000.000"))),
        "accepted"
    );
    // basis_days is a JSON number, not text.
    assert_eq!(
        refusal(&with(
            "/late_payment/rate",
            json!({"lpr_multiple": "1.5", "basis_days": "360"})
        )),
        "late_payment.rate.basis_days: expected one of the numbers 360, 365 (without quotes), got \"360\""
    );
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_document() {
    let text = format!("\u{feff}{}", base());
    assert_eq!(refusal(&text), "accepted");
}

/// A one-month contract (¥50,000, due 2025-02-10) paid in `payments` parts of ¥0.01 a year late,
/// with a rate change every day from 2025-02-12 on: each part is split at every change.
fn many_segments(payments: usize, changes: usize) -> String {
    let mut v = base();
    v["contract"] = json!({"start": "2025-01-01", "end": "2025-01-31"});
    v["as_of"] = json!("2026-06-30");
    v["payment"]["payments"] = json!(vec![
        json!({"date": "2026-02-10", "amount": "0.01"});
        payments
    ]);
    let from = chrono::NaiveDate::from_ymd_opt(2025, 2, 12).unwrap();
    v["late_payment"]["rate_changes"] = (0..changes)
        .map(|i| {
            let day = from + chrono::Days::new(i as u64);
            json!({"from": day.to_string(), "rate": {"fraction": "0.0005", "per_days": 1}})
        })
        .collect();
    v.to_string()
}

#[test]
fn a_link_that_would_split_into_millions_of_segments_is_refused_by_name() {
    // 400 parts × 300 changes = 120,000 segments of 计算明细, over the 100,000 one computation
    // makes: refused with the clause named, in moments, instead of filling a phone's memory
    // (a 40 KB link with 10,000 × 10,000 would make 10⁸).
    let text = many_segments(400, 300);
    let s = parse_scenario(&text).unwrap();
    let e = contract_calc::engine::compute::compute(&s).unwrap_err();
    let e = contract_calc::document::error::ValidationError::from(e);
    assert_eq!(
        e.display(Lang::En),
        "late_payment: the penalty computation would take more than 100,000 lines (too many payments times rate changes): remove rate changes or payments"
    );
    assert!(e
        .message(Lang::Zh)
        .starts_with("违约金计算明细将超过 100,000 行"));
    // 100 × 30 = 3,000 segments, all in one period: computed; the page draws the first 2,000
    // lines of the table and says so, and says that the period's formula is left out; a
    // statement written to a file has every line.
    let s = parse_scenario(&many_segments(100, 30)).unwrap();
    let r = contract_calc::engine::compute::compute(&s).unwrap();
    let lines: usize = r.total_fees.cycles.iter().map(|c| c.segments.len()).sum();
    assert!(lines > 2_000, "{lines}");
    let html = contract_calc::present::report::results_html(
        &s,
        &r,
        Lang::Zh,
        contract_calc::present::report::Open::ALL,
    );
    assert_eq!(
        html.matches("<tr><td><span class=\"nobr\">2025-01-01</span> <span class=\"nobr\">– 2025-01-31</span></td>").count(),
        2_000
    );
    assert!(html.contains(&format!(
        "计算明细共 {} 行，此处显示前 2,000 行",
        contract_calc::engine::money::group_thousands(&lines.to_string())
    )));
    assert!(
        contract_calc::present::claim::claim_text(&r, Lang::Zh)
            .lines()
            .count()
            > lines
    );
}
