//! The spec's worked examples (`tests/fixtures/`, copied from `shared/spec/examples/`) and ours: each
//! scenario must give the expected result field by field, through the library and the CLI.

use serde_json::Value;
use std::process::Command;

const CASES: &[&str] = &[
    "monthly-operation-2025",
    "fee-components-2024",
    "termination-2025",
    // §9–§13 (shared/spec/examples-s9): a court's 同期 LPR figure, and a contract into 2027.
    "floating-lpr-court",
    "contract-into-2027",
    // Ours: a termination settled under the Contract Law (2019), its figures worked by hand.
    "termination-2019",
];

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Every field of `expected` must be in `got` with the same value, written the same way: "0.031",
/// as the spec writes a 3.10% LPR's fraction, not "0.0310"; "600000.00", not "600000".
fn differences(path: &str, expected: &Value, got: &Value, out: &mut Vec<String>) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (k, v) in e {
                differences(
                    &format!("{path}.{k}"),
                    v,
                    g.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(e), Value::Array(g)) if e.len() == g.len() => {
            for (i, (a, b)) in e.iter().zip(g).enumerate() {
                differences(&format!("{path}[{i}]"), a, b, out);
            }
        }
        (Value::String(a), Value::String(b)) => {
            if a != b {
                out.push(format!("{path}: expected {a}, got {b}"));
            }
        }
        (e, g) if e == g => {}
        (e, g) => out.push(format!("{path}: expected {e}, got {g}")),
    }
}

/// Fails with every difference when `got` does not match `case`'s expected result.
fn assert_matches_expected(case: &str, got: &Value) {
    let expected: Value = serde_json::from_str(&fixture(&format!("{case}.expected.json"))).unwrap();
    let mut diffs = Vec::new();
    differences("", &expected, got, &mut diffs);
    assert!(diffs.is_empty(), "{case}: {diffs:#?}");
}

#[test]
fn every_worked_example_matches_through_the_library() {
    for case in CASES {
        let result = contract_calc::document::read::compute_json(&fixture(&format!("{case}.json")))
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        let got = serde_json::to_value(&result).unwrap();
        assert_matches_expected(case, &got);
    }
}

#[test]
fn every_worked_example_matches_through_the_cli() {
    for case in CASES {
        let out = Command::new(env!("CARGO_BIN_EXE_contract-calc"))
            .args([
                "compute",
                &format!("{}/tests/fixtures/{case}.json", env!("CARGO_MANIFEST_DIR")),
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stderr.is_empty());
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_matches_expected(case, &got);
    }
}

/// No expected result lies in `tests/fixtures/` unchecked.
#[test]
fn every_expected_result_has_its_case() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(case) = name.strip_suffix(".expected.json") {
            assert!(CASES.contains(&case), "{name} is compared by no test");
        }
    }
}

#[test]
fn the_comparison_itself_catches_a_wrong_figure() {
    // Guard against a checker that passes everything: one cent off must be reported.
    let expected: Value = serde_json::json!({"total_fees": {"contract_total": "600000.00"}});
    let got: Value = serde_json::json!({"total_fees": {"contract_total": "600000.01"}});
    let mut diffs = Vec::new();
    differences("", &expected, &got, &mut diffs);
    assert_eq!(
        diffs,
        vec![".total_fees.contract_total: expected 600000.00, got 600000.01"]
    );
    // The same figure written another way is reported too: the result is read by people.
    let got: Value = serde_json::json!({"total_fees": {"contract_total": "600000"}});
    let mut diffs = Vec::new();
    differences("", &expected, &got, &mut diffs);
    assert_eq!(
        diffs,
        vec![".total_fees.contract_total: expected 600000.00, got 600000"]
    );
}
