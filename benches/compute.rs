//! `cargo bench --bench compute`: the engine on a ten-year monthly contract with 120 payments and
//! every clause switched on (the app recomputes this on every keystroke), also with a floating
//! (同期) LPR rate and rate changes (spec §9). Goal: under 50 µs.

use contract_calc::document::read::{compute_json, parse_scenario};
use contract_calc::document::samples::ten_year_monthly;
use contract_calc::engine::compute::compute;
use contract_calc::form::FormState;
use contract_calc::present::report::{results_html, Card, Open};
use contract_calc::text::Lang;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::json;

fn bench(c: &mut Criterion) {
    let scenario = ten_year_monthly();
    let json = scenario.to_json();
    c.bench_function("compute/10y-monthly-120-payments", |b| {
        b.iter(|| compute(black_box(&scenario)))
    });
    // §9: 1.5 × the 同期 one-year LPR, 1.3 × from 2021, 日万分之五 from 2024, rounded per segment.
    let mut doc = scenario.to_json_value();
    doc["late_payment"]["rate"] =
        json!({"lpr_multiple": "1.5", "basis_days": 365, "lpr_fixing": "floating"});
    doc["late_payment"]["rate_changes"] = json!([
        {"from": "2021-01-01", "rate": {"lpr_multiple": "1.3", "basis_days": 365, "lpr_fixing": "floating"}},
        {"from": "2024-01-01", "rate": {"fraction": "0.0005", "per_days": 1}}
    ]);
    doc["late_payment"]["rounding"] = json!("per_segment");
    let floating = parse_scenario(&doc.to_string()).expect("the §9 benchmark scenario");
    c.bench_function(
        "compute/10y-monthly-120-payments-floating-lpr-rate-changes",
        |b| b.iter(|| compute(black_box(&floating))),
    );
    c.bench_function("parse+compute/10y-monthly-120-payments", |b| {
        b.iter(|| compute_json(black_box(&json)))
    });
    // What the app does on every keystroke before computing: read the form's text into a scenario.
    let form = FormState::from_scenario(&scenario);
    c.bench_function("form->scenario/10y-monthly-120-payments", |b| {
        b.iter(|| black_box(&form).to_scenario())
    });
    // And after computing: the results panel's HTML, breakdowns closed as at start, then with the
    // cycle table open (120 rows).
    let result = compute(&scenario).expect("the ten-year scenario computes");
    c.bench_function("results_html/10y-monthly-120-payments", |b| {
        b.iter(|| results_html(black_box(&scenario), &result, Lang::Zh, Open::AT_START))
    });
    let mut open = Open::AT_START;
    open.toggle(Card::ContractTotal);
    c.bench_function(
        "results_html/10y-monthly-120-payments-cycle-table-open",
        |b| b.iter(|| results_html(black_box(&scenario), &result, Lang::Zh, open)),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
