//! The first figures (src/bin/figures.rs) are computed from the opening scenario as read, the
//! app's from the form built from it. They must be the same figures, or the page would show one
//! set and then another: checked here on the starter, the ten-year sample and every worked
//! example in tests/fixtures, in both languages.

use chrono::NaiveDate;
use contract_calc::document::read::parse_scenario;
use contract_calc::document::samples::{starter, ten_year_monthly};
use contract_calc::engine::compute::compute;
use contract_calc::engine::scenario::Scenario;
use contract_calc::form::FormState;
use contract_calc::present::report::{results_html, Open};
use contract_calc::text::Lang;

fn panel(s: &Scenario, lang: Lang) -> String {
    let r = compute(s).expect("the scenario computes");
    let open = Open {
        termination: true,
        ..Open::default()
    };
    results_html(s, &r, lang, open)
}

fn same_as_the_app(name: &str, s: &Scenario) {
    let through_form = FormState::from_scenario(s)
        .to_scenario()
        .unwrap_or_else(|e| panic!("{name}: the form refuses the scenario: {e:?}"));
    for lang in [Lang::Zh, Lang::En] {
        assert_eq!(
            panel(s, lang),
            panel(&through_form, lang),
            "{name} ({lang:?})"
        );
    }
}

#[test]
fn the_first_figures_are_the_apps_figures() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    same_as_the_app("starter", &starter(today));
    same_as_the_app("ten-year", &ten_year_monthly());
    let mut n = 0;
    for entry in std::fs::read_dir("tests/fixtures").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") || name.ends_with(".expected.json") {
            continue;
        }
        let s = parse_scenario(&std::fs::read_to_string(&path).unwrap()).unwrap();
        same_as_the_app(&name, &s);
        n += 1;
    }
    assert!(n >= 5, "worked examples found: {n}");
}
