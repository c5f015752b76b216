//! `cargo bench --bench compute`: the engine on a ten-year monthly contract with 120 payments and
//! every clause switched on (the app recomputes this on every keystroke). Goal: under 50 µs.

use contract_calc::compute::compute;
use contract_calc::form::FormState;
use contract_calc::samples::ten_year_monthly;
use contract_calc::validation::parse_scenario;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let scenario = ten_year_monthly();
    let json = scenario.to_json();
    c.bench_function("compute/10y-monthly-120-payments", |b| {
        b.iter(|| compute(black_box(&scenario)))
    });
    c.bench_function("parse+compute/10y-monthly-120-payments", |b| {
        b.iter(|| parse_scenario(black_box(&json)).and_then(|s| compute(&s)))
    });
    // What the app does on every keystroke before computing: read the form's text into a scenario.
    let form = FormState::from_scenario(&scenario);
    c.bench_function("form->scenario/10y-monthly-120-payments", |b| {
        b.iter(|| black_box(&form).to_scenario())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
