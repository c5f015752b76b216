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
    results_html(s, &r, lang, Open::AT_START)
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

/// The static page carries the starter's contract total, written at build time: it must be the
/// same on any day the page is opened (the penalty to date is not, so it is left to the module).
#[test]
fn the_starters_build_time_figures_hold_on_any_day() {
    use contract_calc::present::report::dateless_figures_html;
    let at = |y, m, d| {
        let s = starter(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let r = compute(&s).unwrap();
        (
            dateless_figures_html(&s, &r, Lang::Zh),
            dateless_figures_html(&s, &r, Lang::En),
        )
    };
    let built = at(2025, 9, 30);
    for day in [(2025, 1, 1), (2026, 11, 22), (2031, 2, 28)] {
        assert_eq!(at(day.0, day.1, day.2), built, "opened on {day:?}");
    }
    assert!(
        built.0.contains("¥600,000.00"),
        "45,000 + 5,000 a month for 12 months"
    );
    assert!(
        !built.0.contains("截至"),
        "no as-of date in the static figures"
    );
}
