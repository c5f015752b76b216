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
    // A refused flag ends the CLI before it reads stdin: a broken pipe is then expected.
    if let Err(e) = child.stdin.take().unwrap().write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
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
        "payment.payments[1].amount: write it in quotes, as \"50000.0\" (so that no decimal is lost), not as the bare number 50000.0",
    );
    // Below zero, quotes would not do: the amount's own rule is said.
    assert_refused(
        &with("/payment/payments/1/amount", json!(-5)),
        "payment.payments[1].amount: expected a non-negative amount like \"50000.00\", got -5",
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
    // A fee due 2009-12-10: the holiday table starts with 2010 (§10).
    let mut v = base();
    v["contract"]["start"] = json!("2009-11-01");
    assert_refused(
        &v.to_string(),
        "payment.calendar: the China holiday table starts on 2010-01-01, so whether the earlier 2009-12-10 is a working day is unknown; choose the “Weekends only” (weekends) or “No rest days” (none) calendar",
    );
    // The same term under the weekend rule computes.
    v["payment"]["calendar"] = json!("weekends");
    assert!(run(&v.to_string()).0);
}

#[test]
fn the_new_conventions_refused_naming_their_field() {
    // §9: a floating LPR accrues by the day; counting whole periods is refused.
    assert_refused(
        &with(
            "/late_payment",
            json!({"rate": {"lpr_multiple": "1", "basis_days": 360, "lpr_fixing": "floating"},
                   "partial_period": "full"}),
        ),
        "late_payment.partial_period: a floating (同期) LPR rate accrues by the day: a started period must be “Pro rata”, not “Whole periods” (partial_period must be pro_rata, not full)",
    );
    // Rate changes must go forward in time.
    assert_refused(
        &with(
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1},
                   "rate_changes": [{"from": "2025-06-01", "rate": {"fraction": "0.001", "per_days": 1}},
                                    {"from": "2025-06-01", "rate": {"fraction": "0.002", "per_days": 1}}]}),
        ),
        "late_payment.rate_changes[1].from: must be after the previous entry's 2025-06-01 (in date order, no repeats)",
    );
    // An LPR rate in a change that needs a day before 2015-10-24.
    assert_refused(
        &with(
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1},
                   "rate_changes": [{"from": "2025-03-01", "rate": {"lpr_multiple": "1", "basis_days": 365, "lpr_fixing": "2014-01-01"}}]}),
        ),
        "late_payment.rate_changes[0].rate.lpr_fixing: the LPR is taken on 2014-01-01, before 2015-10-24, the first day of the rates this calculator holds (the benchmark lending rate, then the LPR); choose a later fixing day or use a fixed fraction",
    );
    // Unknown choices and a bad LPR fixing name their field.
    assert_refused(
        &with(
            "/late_payment",
            json!({"rate": {"fraction": "0.0128", "per_months": 1}, "cap_base": "total"}),
        ),
        "late_payment.cap_base: expected one of \"cycle\", \"contract_total\", \"overdue\", got \"total\"",
    );
    assert_refused(
        &with(
            "/late_payment",
            json!({"rate": {"lpr_multiple": "1", "basis_days": 365, "lpr_fixing": "filing"}}),
        ),
        "late_payment.rate.lpr_fixing: expected one of \"due_date\", \"first_day_late\", \"contract_start\", \"floating\", \"YYYY-MM-DD\", got \"filing\"",
    );
    assert_refused(
        &with(
            "/late_payment",
            json!({"rate": {"lpr_multiple": "1", "basis_days": 365},
                   "lpr_fixings": [{"effective": "2026-05-20", "one_year": "3%"}]}),
        ),
        "late_payment.lpr_fixings[0].one_year: expected a yearly rate in percent (0 to 100) like \"3.00\" for 3.00%, got \"3%\"",
    );
    assert_refused(
        &with(
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1, "per_months": 1}}),
        ),
        "late_payment.rate: expected one of {\"fraction\", \"per_days\"}, {\"fraction\", \"per_months\"} or {\"lpr_multiple\", \"basis_days\"}, not several or none",
    );
    // §13: a designated payment must name a billed period's first day.
    let mut v = base();
    v["payment"]["payments"][0]["for"] = json!("2025-01-15");
    assert_refused(
        &v.to_string(),
        "payment.payments[0].for: 2025-01-15 is not the first day of any billed period: a designated payment names the period it pays by its first day (e.g. 2025-01-01)",
    );
}

#[test]
fn exposure_and_whatif_on_the_command_line() {
    let doc = base().to_string();
    // §12: as of 2025-09-30 the fixture's July and August fees are open; each day adds
    // ¥25 (July) + ¥25 (August) = ¥50; September's fee falls due 2025-10-10.
    let (ok, out, err) = run_cli(
        &["exposure", "-", "--days", "10", "--step", "5"],
        doc.as_bytes(),
    );
    assert!(ok, "{err}");
    let points: Value = serde_json::from_str(&out).unwrap();
    let totals: Vec<&str> = points
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["total_penalty"].as_str().unwrap())
        .collect();
    assert_eq!(points[0]["date"], "2025-09-30");
    assert_eq!(points[2]["days"], 10);
    let yuan = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
    assert_eq!(
        yuan(totals[2]) - yuan(totals[0]),
        rust_decimal::Decimal::from(500),
        "{totals:?}"
    );
    // Nothing assumed at a fixed rate within the calendar's data: the spec's three keys only.
    assert!(points
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p.get("warnings").is_none()));
    // §13: every invoice 30 days late; penalties on all twelve months.
    let (ok, out, err) = run_cli(&["whatif", "-", "--late-days", "30"], doc.as_bytes());
    assert!(ok, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    let cycles = r["total_fees"]["cycles"].as_array().unwrap();
    assert!(
        cycles.iter().all(|c| c["penalty"] == "750.00"),
        "{cycles:?}"
    );
    assert_eq!(r["late_payment"]["total_penalty"], "9000.00");
    // Bad flags are refused with one line.
    let (ok, out, err) = run_cli(&["whatif", "-", "--late-days", "-3"], doc.as_bytes());
    assert!(!ok && out.is_empty());
    assert_eq!(
        err.trim_end(),
        "contract-calc: --late-days: expected a whole number from 0 to 3660, got -3"
    );
}

#[test]
fn an_exposure_past_the_lpr_data_says_what_it_assumed() {
    // The court example (floating one-year LPR) evaluated on 2025-01-14: 600 days on is past the
    // LPR fixings built in, so that point says the latest fixing was carried on (§10, never
    // silently); today's point assumed nothing.
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/floating-lpr-court.json"
    ))
    .unwrap();
    let (ok, out, err) = run_cli(
        &["exposure", "-", "--days", "600", "--step", "600"],
        doc.as_bytes(),
    );
    assert!(ok, "{err}");
    let points: Value = serde_json::from_str(&out).unwrap();
    assert!(points[0].get("warnings").is_none(), "{out}");
    assert_eq!(
        points[1]["warnings"][0]["code"], "lpr_beyond_table",
        "{out}"
    );
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
    // ¥12.345 has a fraction of a fen, which no 大写 can write: refused, not rounded to 12.35.
    let fraction = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["capital", "12.345"])
        .output()
        .unwrap();
    assert!(!fraction.status.success());
    assert!(fraction.stdout.is_empty());
    assert!(String::from_utf8_lossy(&fraction.stderr).contains("at most two decimal places (分)"));
    // Trailing zeros are not a fraction of a fen.
    let zeros = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["capital", "12.3400"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&zeros.stdout), "壹拾贰元叁角肆分\n");
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
fn a_file_name_that_is_not_utf8_is_read_not_a_panic() {
    // Linux file names are bytes: “合同\xff.json” is a name the CLI must open as given.
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("contract-calc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(std::ffi::OsStr::from_bytes(b"contract\xff.json"));
    std::fs::write(&path, base().to_string()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .arg("compute")
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"contract_total\""));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `contract-calc report … | head -c 100`: the pipe closes after 100 bytes of a long
    // statement; the CLI stops quietly, exit 0, nothing on stderr (no panic on a closed pipe).
    let mut child = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["sample", "ten-year"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let sample = child.stdout.take().unwrap();
    let report = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["report", "-"])
        .stdin(sample)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.wait().unwrap();
    let mut report = report;
    let mut first = [0u8; 100];
    std::io::Read::read_exact(report.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(report.stdout.take());
    let out = report.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
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
    let decoded = contract_calc::document::share_link::decode(fragment.trim()).unwrap();
    assert_eq!(
        decoded,
        contract_calc::document::samples::ten_year_monthly()
    );
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
        .contains("the client owes the supplier ¥93,573.22 (penalties counted to the evaluation date; the settlement was due by 19 Aug 2025)"));
    let (ok, stdout, _) = run("{}");
    assert!(!ok && stdout.is_empty());
}

/// Runs `contract-calc ARGS` with `stdin` writing into its standard input on a thread (errors
/// ignored: the CLI may stop reading and exit), and fails if it has not exited within 20 s.
/// Returns (exit code, stdout, stderr, time taken).
fn run_with_feeder(
    args: &[&str],
    stdin: impl FnOnce(std::process::ChildStdin) + Send + 'static,
) -> (Option<i32>, String, String, std::time::Duration) {
    let started = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin(input));
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("contract-calc {args:?} still running after 20 s: it reads to the end");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let took = started.elapsed();
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
        took,
    )
}

const TOO_LARGE: &str = "document too large: more than 1,048,576 bytes (1 MiB)";

#[test]
fn dev_zero_is_refused_at_the_size_limit_not_read_forever() {
    // `contract-calc compute /dev/zero` (a slip of the tab key) stops after 1 MiB + 1 bytes.
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["compute", "/dev/zero"])
        .output()
        .unwrap();
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("contract-calc: /dev/zero: {TOO_LARGE}\n")
    );
    println!("compute /dev/zero refused in {took:?}");
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
}

#[test]
fn an_endless_stdin_is_refused_at_the_size_limit() {
    // A pipe that never ends (`yes | contract-calc compute -`): refused with one line once
    // 1 MiB is passed, without waiting for an end that never comes.
    let (code, stdout, stderr, took) = run_with_feeder(&["compute", "-"], |mut stdin| {
        let chunk = [b' '; 64 * 1024];
        while stdin.write_all(&chunk).is_ok() {}
    });
    assert_eq!(code, Some(2));
    assert_eq!(stdout, "");
    assert_eq!(stderr, format!("contract-calc: stdin: {TOO_LARGE}\n"));
    println!("endless stdin refused in {took:?}");
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
}

#[test]
fn a_scenario_just_over_the_limit_is_refused_by_every_command() {
    // The fixture padded with spaces to 1 MiB + 1 byte: still valid JSON, but over the limit;
    // padded to exactly 1 MiB it is read and computed.
    let text = base().to_string();
    let limit = contract_calc::document::input::MAX_DOCUMENT_BYTES;
    let at_limit = format!("{text}{}", " ".repeat(limit - text.len()));
    let (ok, stdout, stderr) = run_cli(&["compute", "-"], at_limit.as_bytes());
    assert!(ok, "{stderr}");
    assert!(stdout.contains("total_fees"));
    let over = format!("{at_limit} ");
    for args in [
        &["compute", "-"][..],
        &["report", "-"],
        &["link", "-"],
        &["whatif", "-", "--late-days", "3"],
        &["exposure", "-", "--days", "3"],
    ] {
        let bytes = over.clone().into_bytes();
        let (code, stdout, stderr, _) =
            run_with_feeder(args, move |mut stdin| drop(stdin.write_all(&bytes)));
        assert_eq!(code, Some(2), "{args:?}");
        assert_eq!(stdout, "", "{args:?}");
        assert_eq!(
            stderr,
            format!("contract-calc: stdin: {TOO_LARGE}\n"),
            "{args:?}"
        );
    }
}

#[test]
fn a_file_starting_with_a_byte_order_mark_is_read() {
    // Windows Notepad saves "UTF-8" with EF BB BF first; the app's import accepts such a file,
    // so the CLI does too, with the same result as without the mark.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/monthly-operation-2025.json"
    ))
    .unwrap();
    let path = std::env::temp_dir().join(format!("contract-calc-bom-{}.json", std::process::id()));
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let with_bom = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
        .args(["compute", path.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(
        with_bom.status.success(),
        "{}",
        String::from_utf8_lossy(&with_bom.stderr)
    );
    let (ok, without_bom, _) = run(&text);
    assert!(ok);
    assert_eq!(String::from_utf8_lossy(&with_bom.stdout), without_bom);
    // On standard input too.
    let (ok, stdout, stderr) = run(&format!("\u{feff}{text}"));
    assert!(ok, "{stderr}");
    assert_eq!(stdout, without_bom);
}

#[test]
fn a_field_written_twice_or_a_multiple_with_its_unit_is_refused_by_name() {
    // Two evaluation dates: a JSON reader would keep the second and say nothing.
    let text = base()
        .to_string()
        .replacen("\"as_of\"", "\"as_of\":\"2025-01-01\",\"as_of\"", 1);
    let (ok, out, err) = run(&text);
    assert!(!ok && out.is_empty());
    assert_eq!(
        err.trim(),
        "contract-calc: as_of: written twice: each field may be written once"
    );
    // "1.5倍" is how the form takes it; a document holds the number, and is told so.
    let mut v = base();
    v["late_payment"]["rate"] = json!({"lpr_multiple": "1.5倍", "basis_days": 365});
    let (ok, _, err) = run(&v.to_string());
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "contract-calc: late_payment.rate.lpr_multiple: expected a multiple of the LPR like \"1.5\", got \"1.5倍\""
    );
}

#[test]
fn a_key_that_would_drive_the_terminal_is_written_out_in_the_refusal() {
    // A key given twice is refused naming it; this one clears the screen, turns the text red,
    // starts a line of its own and reverses the rest.
    let key = "\u{1b}[2J\u{1b}[31mFAKE: all good\nok\u{202e}";
    let doc = base().to_string().replacen(
        '{',
        &format!(
            "{{{k}: 1, {k}: 2, ",
            k = serde_json::to_string(key).unwrap()
        ),
        1,
    );
    let (ok, stdout, stderr) = run(&doc);
    assert!(!ok && stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(
        !stderr.contains(['\u{1b}', '\u{202e}']),
        "raw control characters: {stderr:?}"
    );
    assert!(
        stderr.contains(r"\u{1b}[2J\u{1b}[31mFAKE: all good\u{a}ok\u{202e}"),
        "{stderr:?}"
    );
}

/// `n` fee components with labels that do not compress (a pseudo-random 100 letters each).
fn with_random_components(n: usize) -> String {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut letter = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        char::from(b'a' + (seed % 26) as u8)
    };
    let components: Vec<Value> = (0..n)
        .map(|_| serde_json::json!({ "label": (0..100).map(|_| letter()).collect::<String>(), "amount": "100.00" }))
        .collect();
    with("/fees/components", Value::Array(components))
}

#[test]
fn a_scenario_too_large_for_a_link_is_refused_rather_than_made_into_one_no_reader_opens() {
    // 800 components of 100 random letters: about 60 KB deflated, 80,000 characters of link,
    // more than the 65,536 every reader refuses before decoding.
    let (ok, stdout, stderr) = run_cli(&["link", "-"], with_random_components(800).as_bytes());
    assert!(
        !ok && stdout.is_empty(),
        "made: {} characters",
        stdout.len()
    );
    assert!(
        stderr.starts_with("contract-calc: link: the scenario is too large for a link: ")
            && stderr.contains("more than the 65,536 a link may have; send the file instead"),
        "{stderr}"
    );
    // 100 of them make a link that opens.
    let (ok, stdout, _) = run_cli(&["link", "-"], with_random_components(100).as_bytes());
    assert!(ok && stdout.trim_end().len() < 65_536, "{}", stdout.len());
}

#[test]
fn a_wrong_command_prints_the_usage_line_by_line() {
    let (ok, stdout, stderr) = run_cli(&["frobnicate"], b"");
    assert!(!ok && stdout.is_empty());
    assert!(stderr.starts_with("contract-calc: usage: contract-calc compute FILE|-"));
    assert!(stderr.lines().count() > 5, "{stderr}");
    assert!(!stderr.contains(r"\u{a}"), "{stderr}");
}
