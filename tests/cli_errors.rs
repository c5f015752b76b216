//! Bad input never crashes the CLI: it exits non-zero with one line on stderr that names the field
//! by its JSON path, and prints nothing on stdout.

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

fn base() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/monthly-operation-2025.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Runs `contract-calc compute -` on `input`; returns (exit ok, stdout, stderr).
fn run(input: &str) -> (bool, String, String) {
    run_cli(&["compute", "-"], input.as_bytes())
}

/// Runs `contract-calc ARGS` with `input` on stdin; returns (exit ok, stdout, stderr).
fn run_cli(args: &[&str], input: &[u8]) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// `base()` with the value at `pointer` replaced.
fn with(pointer: &str, value: Value) -> String {
    let mut v = base();
    *v.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}")) = value;
    v.to_string()
}

fn assert_refused(input: &str, expected_stderr: &str) {
    let (ok, stdout, stderr) = run(input);
    assert!(!ok, "accepted: {input}");
    assert_eq!(stdout, "", "printed on stdout");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert_eq!(
        stderr.trim_end(),
        format!("contract-calc: {expected_stderr}")
    );
}

#[test]
fn negative_money_names_the_component() {
    assert_refused(
        &with("/fees/components/0/amount", json!(-5)),
        "fees.components[0].amount: expected a non-negative amount like \"50000.00\", got -5",
    );
    assert_refused(
        &with("/fees/components/0/amount", json!("-5")),
        "fees.components[0].amount: expected a non-negative amount like \"50000.00\", got \"-5\"",
    );
}

#[test]
fn a_float_where_money_is_a_string() {
    assert_refused(
        &with("/payment/payments/1/amount", json!(50000.0)),
        "payment.payments[1].amount: expected a non-negative amount like \"50000.00\", got 50000.0",
    );
}

#[test]
fn malformed_json() {
    let (ok, stdout, stderr) = run("{\"format\": ");
    assert!(!ok && stdout.is_empty());
    assert!(
        stderr.starts_with("contract-calc: not valid JSON: "),
        "{stderr}"
    );
}

#[test]
fn unknown_version_and_format() {
    assert_refused(
        &with("/version", json!(2)),
        "version: unsupported version 2: this build reads version 1",
    );
    assert_refused(
        &with("/format", json!("other")),
        "format: not a contract-calc scenario (expected \"contract-calc/scenario\", got \"other\")",
    );
}

#[test]
fn unknown_enum_value() {
    assert_refused(
        &with("/fees/cycle", json!("weekly")),
        "fees.cycle: expected one of \"monthly\", \"quarterly\", \"yearly\", got \"weekly\"",
    );
    assert_refused(
        &with("/payment/calendar", json!("us")),
        "payment.calendar: expected one of \"cn\", \"weekends\", \"none\", got \"us\"",
    );
}

#[test]
fn impossible_date() {
    assert_refused(
        &with("/payment/payments/0/date", json!("2025-02-30")),
        "payment.payments[0].date: expected a date like \"2025-01-01\" (years 1900–2200), got \"2025-02-30\"",
    );
}

#[test]
fn end_before_start() {
    assert_refused(
        &with("/contract/end", json!("2024-12-31")),
        "contract.end: must not be before the start date 2025-01-01",
    );
}

#[test]
fn zero_per_days() {
    assert_refused(
        &with("/late_payment/rate/per_days", json!(0)),
        "late_payment.rate.per_days: expected a whole number from 1 to 3660, got 0",
    );
}

#[test]
fn amounts_beyond_what_decimal_holds() {
    assert_refused(
        &with("/fees/components/0/amount", json!("99999999999999999999999999999999")),
        "fees.components[0].amount: expected a non-negative amount like \"50000.00\", got \"99999999999999999999999999999999\"",
    );
    assert_refused(
        &with("/fees/components/0/amount", json!("5000000000000")),
        "fees.components[0].amount: amount too large: at most ¥1,000,000,000,000, got \"5000000000000\"",
    );
}

#[test]
fn a_date_the_calendar_does_not_cover() {
    // December 2026's fee would fall due in January 2027: the holiday table stops at 2026.
    let mut v = base();
    v["contract"]["end"] = json!("2026-12-31");
    assert_refused(
        &v.to_string(),
        "payment.calendar: the China holiday table covers 2024-01-01 to 2026-12-31 only, so whether 2027-01-10 is a working day is unknown; choose the \"weekends\" or \"none\" calendar",
    );
    // The same term under the weekend rule computes.
    v["payment"]["calendar"] = json!("weekends");
    assert!(run(&v.to_string()).0);
}

#[test]
fn missing_field_and_wrong_type() {
    let mut v = base();
    v["contract"].as_object_mut().unwrap().remove("start");
    assert_refused(&v.to_string(), "contract.start: is required");
    assert_refused(
        &with("/fees/components", json!({})),
        "fees.components: expected a list […], got {}",
    );
}

#[test]
fn capital_prints_the_amount_in_words() {
    let out = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["capital", "1409.50"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "壹仟肆佰零玖元伍角整\n"
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["capital", "abc"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(bad.stdout.is_empty());
}

#[test]
fn an_unreadable_file_is_a_message_not_a_panic() {
    let out = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["compute", "/nonexistent/x.json"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with("contract-calc: cannot read /nonexistent/x.json"));
}

#[test]
fn link_and_sample_round_trip_through_the_cli() {
    // `sample ten-year | link -` gives a share fragment that decodes to the same scenario.
    let bin = env!("CARGO_BIN_EXE_contract-calc");
    let sample = Command::new(bin)
        .args(["sample", "ten-year"])
        .output()
        .unwrap();
    assert!(sample.status.success());
    let (ok, fragment, _) = run_cli(&["link", "-"], &sample.stdout);
    assert!(ok);
    let decoded = contract_calc::share_link::decode(fragment.trim()).unwrap();
    assert_eq!(decoded, contract_calc::samples::ten_year_monthly());
    let bad = Command::new(bin).args(["sample", "nope"]).output().unwrap();
    assert!(!bad.status.success());
}

#[test]
fn report_prints_a_statement_page() {
    // The termination example as an HTML statement: the settlement and its 大写 are in it.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/termination-2025.json"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["report", path])
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("¥93,573.22") && html.contains("玖万叁仟伍佰柒拾叁元贰角贰分"));
    let en = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["report", path, "--en"])
        .output()
        .unwrap();
    assert!(String::from_utf8(en.stdout)
        .unwrap()
        .contains("the client pays the supplier ¥93,573.22 by 19 Aug 2025"));
    let (ok, stdout, _) = run("{}");
    assert!(!ok && stdout.is_empty());
}
