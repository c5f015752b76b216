//! The form's examples: what a user types, the scenario it gives, and why.

use super::*;
use crate::document::samples::starter;
use crate::engine::compute::compute;
use chrono::NaiveDate;
use serde_json::{json, Value};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 30).unwrap()
}

#[test]
fn the_form_shows_a_scenario_and_gives_it_back_unchanged() {
    let s = crate::document::read::parse_scenario(include_str!(
        "../../tests/fixtures/termination-2025.json"
    ))
    .unwrap();
    let back = FormState::from_scenario(&s).to_scenario().unwrap();
    assert_eq!(compute(&back).unwrap(), compute(&s).unwrap());
    // Amounts compare as numbers: the form writes 40000.00 for 40000.00 and 0.1 for 0.10.
    assert_eq!(back, s);
}

#[test]
fn the_starter_survives_the_form_unchanged() {
    // No supplier clause switched on: the document keeps `supplier_breaches: null`.
    let s = starter(today());
    assert_eq!(FormState::from_scenario(&s).to_scenario().unwrap(), s);
}

#[test]
fn five_wan_is_fifty_thousand() {
    // Typing "5万" as the base fee gives ¥50,000 a month; with the ¥5,000 maintenance fee
    // that is ¥55,000 a month, ¥660,000 for 2025.
    let mut f = FormState::from_scenario(&starter(today()));
    f.components[0].amount = "5万".into();
    let s = f.to_scenario().unwrap();
    assert_eq!(s.fees.components[0].amount, Decimal::from(50_000));
    assert_eq!(
        compute(&s).unwrap().total_fees.contract_total,
        Decimal::new(66_000_000, 2)
    );
    f.components[0].amount = "45,000.00".into();
    assert_eq!(
        f.to_scenario().unwrap().fees.components[0].amount,
        Decimal::from(45_000)
    );
    // Contracts state amounts to the fen: a third decimal is refused in the form.
    f.components[0].amount = "45000.005".into();
    assert_eq!(
        f.to_scenario().unwrap_err()[0].path,
        "fees.components[0].amount"
    );
    f.components[0].amount = "45,000.00".into();
    assert_eq!(
        f.to_scenario().unwrap().fees.components[0].amount,
        Decimal::from(45_000)
    );
}

#[test]
fn an_unreadable_field_is_named_and_nothing_is_computed() {
    let mut f = FormState::from_scenario(&starter(today()));
    f.components[1].amount = "五千".into();
    f.payments[0].date = String::new();
    let errors = f.to_scenario().unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        vec!["fees.components[1].amount", "payment.payments[0].date"]
    );
    assert!(errors[0].message(crate::text::Lang::Zh).contains("5万"));
}

#[test]
fn a_date_left_unfinished_says_so_even_where_the_date_is_optional() {
    use crate::text::Lang;
    // The end date left as --/31/2025, or 30 February: the input gives no text, the form
    // holds UNFINISHED_DATE. An emptied date asks for one, without quoting nothing.
    let mut f = FormState::from_scenario(&starter(today()));
    f.end = super::UNFINISHED_DATE.into();
    f.payments[0].date = String::new();
    // The penalty's accrual start is optional: empty is "from the day after the due date",
    // but a date left unfinished there is still refused.
    f.accrues_from = super::UNFINISHED_DATE.into();
    let errors = f.to_scenario().unwrap_err();
    let shown: Vec<(&str, String)> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.message(Lang::Zh)))
        .collect();
    let unfinished = "日期不完整或不存在（如 2月30日）：请选择日期".to_string();
    assert_eq!(
        shown,
        vec![
            ("contract.end", unfinished.clone()),
            ("payment.payments[0].date", "请选择日期".to_string()),
            ("late_payment.accrues_from", unfinished),
        ]
    );
}

#[test]
fn an_lpr_multiple_as_contracts_write_it() {
    use crate::engine::scenario::Rate;
    use crate::text::Lang;
    // "LPR的1.5倍", "按LPR的150%": 1.5 times the LPR either way.
    let mut f = FormState::from_scenario(&starter(today()));
    f.rate_kind = RateKind::Lpr;
    for typed in ["1.5", "1.5倍", "1.5 倍", "150%", "１．５倍", "１５０％"] {
        f.lpr_multiple = typed.into();
        let s = f.to_scenario().unwrap();
        let rate = s.late_payment.map(|l| l.rate);
        assert!(
            matches!(rate, Some(Rate::Lpr { lpr_multiple, .. }) if lpr_multiple == Decimal::new(15, 1)),
            "{typed}"
        );
    }
    // Anything else is asked for as a multiple, not as a daily rate; an emptied field is asked
    // to be filled, a negative one is said to be negative.
    for (typed, said) in [
        (
            "一倍半",
            "“一倍半”不是倍数：请输入 LPR 的倍数，如 1.5（即 LPR 的 1.5 倍）",
        ),
        ("", "请填写 LPR 的倍数，如 1.5（即 LPR 的 1.5 倍）"),
        ("-1.5", "倍数不能为负数，实际为“-1.5”"),
    ] {
        f.lpr_multiple = typed.into();
        let errors = f.to_scenario().unwrap_err();
        assert_eq!(errors[0].message(Lang::Zh), said);
    }
}

#[test]
fn a_rate_below_zero_is_quoted_as_typed() {
    use crate::text::Lang;
    // −5 typed under ‱ is refused as "-5", not as the fraction -0.0005 it would be.
    let mut f = FormState::from_scenario(&starter(today()));
    f.rate_kind = RateKind::Fraction;
    f.rate_unit = RateUnit::PerTenThousand;
    f.rate_value = "-5".into();
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(errors[0].message(Lang::Zh), "比例不能为负数，实际为“-5”");
    assert_eq!(
        errors[0].message(Lang::En),
        "a rate cannot be negative, got “-5”"
    );
    // Per −1 days: the range the field takes, not "0 or more" (0 is refused too).
    f.rate_value = "5".into();
    f.per_days = "-1".into();
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(
        errors[0].message(Lang::Zh),
        "“-1”是负数：应为 1 至 3660 之间的整数"
    );
}

#[test]
fn an_amount_below_zero_or_left_empty_is_told_in_the_forms_words() {
    use crate::text::Lang;
    // A fee of "-500": not the document's "应为不小于 0 的金额，如 \"50000.00\"" with JSON quotes.
    let mut f = FormState::from_scenario(&starter(today()));
    f.components[0].amount = "-500".into();
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(errors[0].path, "fees.components[0].amount");
    assert_eq!(errors[0].message(Lang::Zh), "金额不能为负数，实际为“-500”");
    assert_eq!(
        errors[0].message(Lang::En),
        "an amount cannot be negative, got “-500”"
    );
    // Emptied to retype it: asked for, not "“”不是金额".
    f.components[0].amount = " ".into();
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(
        errors[0].message(Lang::Zh),
        "请填写金额，如 50000、50,000、50000.00 或 5万"
    );
}

#[test]
fn whole_numbers_typed_on_a_chinese_keyboard_or_as_minus_nought() {
    use crate::text::Lang;
    // "３０" from a full-width keyboard is 30 days; "-0" is nought, which a settlement period may be.
    let mut f = FormState::from_scenario(&starter(today()));
    f.set_termination(true);
    let settlement_days = |f: &FormState| {
        f.to_scenario()
            .unwrap()
            .termination
            .unwrap()
            .settlement_days
    };
    f.settlement_days = "３０".into();
    assert_eq!(settlement_days(&f), 30);
    f.settlement_days = "-0".into();
    assert_eq!(settlement_days(&f), 0);
    f.settlement_days = "-1".into();
    let errors = f.to_scenario().unwrap_err();
    assert!(
        errors[0].message(Lang::Zh).starts_with("“-1”是负数"),
        "{}",
        errors[0].message(Lang::Zh)
    );
}

#[test]
fn whole_numbers_are_read_with_the_word_for_what_they_count() {
    // "30天" pasted from a contract is 30 days; "15个工作日" is no number of calendar days and is
    // refused, not read as 15; "12个月" is a renewal of 12 months, "2次" two incidents.
    let mut f = FormState::from_scenario(&starter(today()));
    f.set_termination(true);
    let days = |f: &FormState| {
        f.to_scenario()
            .ok()
            .and_then(|s| s.termination)
            .map(|t| t.settlement_days)
    };
    f.settlement_days = "30天".into();
    assert_eq!(days(&f), Some(30));
    f.settlement_days = "３０ 日".into();
    assert_eq!(days(&f), Some(30));
    f.settlement_days = "15个工作日".into();
    assert_eq!(days(&f), None);
    let why = |f: &FormState| {
        f.to_scenario()
            .err()
            .and_then(|e| e.first().map(|e| e.message(crate::text::Lang::Zh)))
            .unwrap_or_default()
    };
    assert!(
        why(&f).starts_with("“15个工作日”是工作日：此处按自然日计"),
        "{}",
        why(&f)
    );
    f.settlement_days = "30".into();
    f.renewal_months = "12个月".into();
    assert_eq!(f.to_scenario().unwrap().contract.renewal_months, 12);
    f.renewal_months = "12月".into();
    assert!(why(&f).starts_with("“12月”可能是指某月份"), "{}", why(&f));
    f.renewal_months = "12".into();
    f.incidents_enabled = true;
    f.incident_penalty = "3000".into();
    f.incident_count = "2次".into();
    let count = f
        .to_scenario()
        .ok()
        .and_then(|s| s.supplier_breaches)
        .and_then(|b| b.service_incidents)
        .map(|i| i.count);
    assert_eq!(count, Some(2));
    // The quick entry's and the what-if's days late read the same way.
    assert_eq!(crate::form::typed_days("30天"), Some(30));
    assert_eq!(crate::form::typed_days("３０"), Some(30));
    assert_eq!(crate::form::typed_days("15个工作日"), None);
}

#[test]
fn billing_by_quarter_moves_a_payment_for_a_month_to_its_quarter() {
    // Payments for May and for 2025-06-01, then billing switched to quarterly: both are for the
    // quarter from 1 April, the period that now holds those days (no period starts on 1 May, and
    // every figure stopped). By the year, the contract year from 1 January.
    let mut f = FormState::from_scenario(&starter(today()));
    f.payments[2].for_period = "2025-05".into();
    f.payments[3].for_period = "2025-06-01".into();
    assert!(f.set_cycle(Cycle::Quarterly).moved);
    assert_eq!(f.payments[2].for_period, "2025-04-01");
    assert_eq!(f.payments[3].for_period, "2025-04-01");
    let s = f.to_scenario().unwrap();
    assert_eq!(
        s.payment.payments[3].for_period,
        NaiveDate::from_ymd_opt(2025, 4, 1)
    );
    // Switched back to monthly: for May and June again, as designated, not both for April,
    // and the user is again asked to check them.
    assert!(f.set_cycle(Cycle::Monthly).moved);
    assert_eq!(f.payments[2].for_period, "2025-05-01");
    assert_eq!(f.payments[3].for_period, "2025-06-01");
    // After a reload, what was typed before the quarter is not known: the quarter's payment is
    // for April, its first month, which is said (a quarter is not its first month).
    let mut reloaded = f.clone();
    reloaded.set_cycle(Cycle::Quarterly);
    let mut reloaded = FormState::from_scenario(&reloaded.to_scenario().unwrap());
    assert!(reloaded.set_cycle(Cycle::Monthly).moved);
    assert_eq!(reloaded.payments[2].for_period, "2025-04-01");
    // A designation typed again while billed by quarter is the one kept.
    f.set_cycle(Cycle::Quarterly);
    f.payments[3].for_period = "2025-07-01".into();
    f.set_cycle(Cycle::Monthly);
    assert_eq!(f.payments[3].for_period, "2025-07-01");
    f.set_cycle(Cycle::Yearly);
    assert_eq!(f.payments[2].for_period, "2025-01-01");
    // A contract from 15 February: its first quarter starts on the 15th, not on 1 January.
    f.start = "2025-02-15".into();
    f.payments[2].for_period = "2025-02-20".into();
    f.set_cycle(Cycle::Quarterly);
    assert_eq!(f.payments[2].for_period, "2025-02-15");
    // An undesignated payment stays so.
    assert_eq!(f.payments[0].for_period, "");
}

#[test]
fn a_quarter_may_be_named_as_the_cycle_table_names_it() {
    let mut f = FormState::from_scenario(&starter(today()));
    f.set_cycle(Cycle::Quarterly);
    for written in [
        "2025年第2季度",
        "2025 Q2",
        "2025Q2",
        "2025-q2",
        "２０２５年第２季度",
    ] {
        f.payments[1].for_period = written.into();
        let s = f
            .to_scenario()
            .unwrap_or_else(|e| panic!("{written}: {e:?}"));
        assert_eq!(
            s.payment.payments[1].for_period,
            NaiveDate::from_ymd_opt(2025, 4, 1),
            "{written}"
        );
    }
    f.payments[1].for_period = "2025年第5季度".into();
    assert!(f.to_scenario().is_err());
}

#[test]
fn a_payment_for_march_may_name_it_as_the_cycle_table_does() {
    // "2025-03" is the billed month that starts on 2025-03-01; "3月" is not read.
    let mut f = FormState::from_scenario(&starter(today()));
    f.payments[1].for_period = "2025-03".into();
    let s = f.to_scenario().unwrap();
    assert_eq!(
        s.payment.payments[1].for_period,
        NaiveDate::from_ymd_opt(2025, 3, 1)
    );
    // As people write it: the same March.
    for written in [
        "2025-3",
        "2025/03",
        "2025/3/1",
        "2025.03",
        "2025年3月",
        "2025年3月1日",
        "２０２５－０３",
        "２０２５／３",
        "2025 年 3 月",
    ] {
        f.payments[1].for_period = written.into();
        let s = f
            .to_scenario()
            .unwrap_or_else(|e| panic!("{written}: {e:?}"));
        assert_eq!(
            s.payment.payments[1].for_period,
            NaiveDate::from_ymd_opt(2025, 3, 1),
            "{written}"
        );
    }
    // A month without its year is not read, and the message says what to type.
    f.payments[1].for_period = "3月".into();
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(errors[0].path, "payment.payments[1].for");
    assert_eq!(
        errors[0].message(crate::text::Lang::Zh),
        "“3月”不是计费期：请填写该期第一天（如 2025-04-01）、月份（如 2025-04）或季度（如 2025年第2季度）"
    );
    // Nor is a day that does not exist.
    f.payments[1].for_period = "2025-02-30".into();
    assert!(f.to_scenario().is_err());
}

#[test]
fn end_before_start_is_the_documents_own_rule() {
    let mut f = FormState::from_scenario(&starter(today()));
    f.end = "2024-06-30".into();
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(errors[0].path, "contract.end");
}

#[test]
fn a_year_typed_into_the_wrong_part_of_a_date_is_said_to_be_out_of_range() {
    // A phone's date field reads "0005-02-02" when the year went into the month: a day of the
    // calendar, but outside the years a contract may name, which is what the message says.
    let mut f = FormState::from_scenario(&starter(today()));
    f.start = "0005-02-02".into();
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(errors[0].path, "contract.start");
    assert_eq!(
        errors[0].message(crate::text::Lang::Zh),
        "“0005-02-02”的年份超出范围：应在 1900 至 2200 年之间"
    );
    assert_eq!(
        errors[0].message(crate::text::Lang::En),
        "“0005-02-02”: the year must be from 1900 to 2200"
    );
    // Not a day at all: still asked to pick one.
    f.start = "2025-02-30".into();
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(
        errors[0].message(crate::text::Lang::Zh),
        "“2025-02-30”不是日期：请选择日期"
    );
}

#[test]
fn an_emptied_or_mistyped_number_is_asked_for_in_the_field_s_own_terms() {
    // Emptied: asked for, not quoted back as "“”不是整数". A share whose unit is always %:
    // no unit to choose is mentioned.
    use crate::text::Lang;
    let mut f = FormState::from_scenario(&starter(today()));
    f.set_termination(true);
    f.settlement_days = String::new();
    f.breach_percent = "二十".into();
    f.rate_value = " ".into();
    f.incidents_enabled = true;
    f.incident_count = "2.5".into();
    f.per_days = "99999999999999999999".into();
    f.lpr_fixings.push(LprFixingRow {
        effective: "2026-05-20".into(),
        one_year: " ".into(),
        ..Default::default()
    });
    f.incident_penalty = "1500".into();
    let errors = f.to_scenario().unwrap_err();
    let said = |path: &str, lang| {
        let e = errors.iter().find(|e| e.path == path).unwrap();
        e.message(lang)
    };
    assert_eq!(
        said("termination.settlement_days", Lang::Zh),
        "请填写 0 至 3660 之间的整数"
    );
    assert_eq!(
        said("termination.breach_penalty_fraction", Lang::Zh),
        "“二十”不是百分比：请输入数字，如 20 即 20%"
    );
    assert_eq!(
        said("termination.breach_penalty_fraction", Lang::En),
        "“二十” is not a percentage: type a number, e.g. 20 for 20%"
    );
    assert_eq!(
        said("late_payment.rate.fraction", Lang::Zh),
        "请填写比例，如 0.05%"
    );
    // The example is the field's own range, not a number of days for a count of incidents.
    assert_eq!(
        said("supplier_breaches.service_incidents.count", Lang::Zh),
        "“2.5”不是整数：请输入 0 至 1000000 之间的整数"
    );
    assert_eq!(
        said("supplier_breaches.service_incidents.count", Lang::En),
        "“2.5” is not a whole number: type one from 0 to 1000000"
    );
    // An emptied LPR fixing is asked for, not quoted back as nothing.
    assert_eq!(
        said("late_payment.lpr_fixings[0].one_year", Lang::Zh),
        "请填写年利率百分数（0 至 100），如 3.00 即 3.00%"
    );
    // Twenty digits are a whole number, too large, not "not a whole number".
    assert_eq!(
        said("late_payment.rate.per_days", Lang::Zh),
        "应为 1 至 3660 之间的整数，实际为 99999999999999999999"
    );
}

#[test]
fn switching_termination_on_starts_from_a_valid_date() {
    // Ticking 提前终止 used to show "“”不是日期" at once.
    let mut f = FormState::from_scenario(&starter(today()));
    f.set_termination(true);
    assert_eq!(f.termination_date, "2025-09-30");
    assert!(f.to_scenario().is_ok());
}

#[test]
fn switching_to_quarters_can_keep_the_total() {
    // ¥86,000 a month is ¥258,000 a quarter; back to months, ¥86,000 again.
    let mut f = FormState::from_scenario(&starter(today()));
    f.components[0].amount = "86000".into();
    f.components.truncate(1);
    f.convert_cycle_amounts(Cycle::Monthly, Cycle::Quarterly);
    assert_eq!(f.components[0].amount, "258000.00");
    f.convert_cycle_amounts(Cycle::Quarterly, Cycle::Yearly);
    assert_eq!(f.components[0].amount, "1032000.00");
    f.convert_cycle_amounts(Cycle::Yearly, Cycle::Monthly);
    assert_eq!(f.components[0].amount, "86000.00");
}

#[test]
fn the_new_conventions_survive_the_form() {
    // §9 and §13 fields the form now edits: a designated payment, an aggregate cap, a day
    // count, a floating LPR, the user's LPR fixings; each comes back as it went in.
    let mut doc: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/fixtures/contract-into-2027.json")).unwrap();
    doc["late_payment"]["day_count"] = json!("exclude_end");
    doc["late_payment"]["accrues_from"] = json!("2027-02-01");
    doc["late_payment"]["rounding"] = json!("per_segment");
    doc["late_payment"]["lpr_fixings"] =
        json!([{"effective": "2026-05-20", "one_year": "2.9", "five_year": "3.4"}]);
    let s = crate::document::read::scenario_from_value(&doc).unwrap();
    let back = FormState::from_scenario(&s).to_scenario().unwrap();
    assert_eq!(back, s);
    let s = crate::document::read::parse_scenario(include_str!(
        "../../tests/fixtures/floating-lpr-court.json"
    ))
    .unwrap();
    assert_eq!(FormState::from_scenario(&s).to_scenario().unwrap(), s);
}

#[test]
fn a_rate_change_typed_in_the_form_splits_the_breakdown() {
    // The court's example: ¥320,000 due 2023-05-15, unpaid on 2025-01-14, at the floating
    // one-year LPR / 360: ¥18,475.56. Typed in the form: from 2024-10-21 日万分之五 instead.
    // The first four segments stay (¥16,105.78 before rounding); the last 86 days become
    // 86 × 320,000 × 0.05% = ¥13,760.00 instead of ¥2,369.78. Total ¥29,865.78.
    let court = crate::document::read::parse_scenario(include_str!(
        "../../tests/fixtures/floating-lpr-court.json"
    ))
    .unwrap();
    let mut f = FormState::from_scenario(&court);
    f.rate_changes.push(RateChangeRow {
        from: "2024-10-21".into(),
        rate: RateFields::default(),
        ..Default::default()
    });
    let s = f.to_scenario().unwrap();
    let r = compute(&s).unwrap();
    assert_eq!(r.late_payment.total_penalty, Decimal::new(2986578, 2));
    assert_eq!(FormState::from_scenario(&s).to_scenario().unwrap(), s);
    // A date that is not one is named by its field.
    f.rate_changes[0].from = "2024-10-32".into();
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(errors[0].path, "late_payment.rate_changes[0].from");
    // Changes must come in order of their dates (spec §9).
    f.rate_changes[0].from = "2024-10-21".into();
    f.rate_changes.push(RateChangeRow {
        from: "2024-10-01".into(),
        rate: RateFields::default(),
        ..Default::default()
    });
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(errors[0].path, "late_payment.rate_changes[1].from");
}

#[test]
fn a_typed_unit_sign_wins_over_the_chosen_unit() {
    // 万分之五 typed with its sign or word is 0.0005 whatever unit is chosen beside the field
    // (with ‱ chosen, "0.05%" used to be read as 0.05‱: a penalty 100× too small).
    for chosen in RateUnit::ALL {
        for typed in [
            "0.05%",
            "0.05 %",
            "0.05％",
            "0.5‰",
            "5‱",
            "万分之5",
            "百分之0.05",
            // In words, as contracts write it.
            "万分之五",
            "千分之零点五",
            "百分之零点零五",
            // A Chinese keyboard's full-width digits and signs.
            "０．０５％",
            "万分之５",
        ] {
            assert_eq!(
                typed_rate(typed, chosen),
                Some(Decimal::new(5, 4)),
                "{typed} {chosen:?}"
            );
        }
    }
    // A bare number is in the chosen unit; two signs are refused.
    assert_eq!(
        typed_rate("5", RateUnit::PerTenThousand),
        Some(Decimal::new(5, 4))
    );
    assert_eq!(typed_rate("5", RateUnit::Percent), Some(Decimal::new(5, 2)));
    assert_eq!(typed_rate("5‱%", RateUnit::Percent), None);
    assert_eq!(typed_rate("%", RateUnit::Percent), None);
}

#[test]
fn rates_are_typed_in_percent_permille_or_per_ten_thousand() {
    // 万分之五 a day typed three ways is the same fraction 0.0005.
    let mut f = FormState::from_scenario(&starter(today()));
    assert_eq!(
        (f.rate_value.as_str(), f.rate_unit),
        ("5", RateUnit::PerTenThousand)
    );
    for (value, unit) in [
        ("0.05", RateUnit::Percent),
        ("0.5", RateUnit::PerMille),
        ("5", RateUnit::PerTenThousand),
    ] {
        f.rate_value = value.into();
        f.rate_unit = unit;
        let s = f.to_scenario().unwrap();
        let Some(Rate::Fraction { fraction, .. }) = s.late_payment.map(|l| l.rate) else {
            panic!()
        };
        assert_eq!(fraction, Decimal::new(5, 4), "{value}{}", unit.symbol());
    }
    assert_eq!(
        RateUnit::natural_for(Decimal::new(365, 4)),
        RateUnit::Percent
    );
    assert_eq!(
        RateUnit::natural_for(Decimal::new(1, 3)),
        RateUnit::PerMille
    );
}

#[test]
fn presets_set_the_rate() {
    let mut f = FormState::from_scenario(&starter(today()));
    f.apply_preset(RatePreset::OnePerMilleDaily);
    let s = f.to_scenario().unwrap();
    assert!(
        matches!(s.late_payment.unwrap().rate, Rate::Fraction { fraction, per_days: 1, .. } if fraction == Decimal::new(1, 3))
    );
    f.apply_preset(RatePreset::LprTimesOnePointFive);
    let s = f.to_scenario().unwrap();
    assert!(matches!(
        s.late_payment.unwrap().rate,
        Rate::Lpr {
            basis_days: 365,
            ..
        }
    ));
}

#[test]
fn a_clause_switched_off_is_null_and_its_typed_text_stays() {
    let mut f = FormState::from_scenario(&starter(today()));
    f.late_enabled = false;
    f.rate_value = "abc".into();
    let s = f.to_scenario().unwrap();
    assert_eq!(s.late_payment, None);
    assert_eq!(f.rate_value, "abc");
}

#[test]
fn the_term_can_be_given_in_months() {
    // 12 months from 2025-01-01 end on 2025-12-31.
    let mut f = FormState::from_scenario(&starter(today()));
    f.end_mode = EndMode::Months;
    f.term_months = "12".into();
    assert_eq!(
        f.to_scenario().unwrap().contract.end.to_string(),
        "2025-12-31"
    );
    f.term_months = "0".into();
    assert_eq!(f.to_scenario().unwrap_err()[0].path, "contract.term_months");
}

#[test]
fn unknown_fields_of_the_loaded_document_are_kept() {
    let mut doc = starter(today()).to_json_value();
    doc["negotiation"] = json!({"round": 3});
    doc["contract"]["signed_by"] = json!("王律师");
    let s = crate::document::read::scenario_from_value(&doc).unwrap();
    let mut f = FormState::from_scenario(&s);
    f.components[0].amount = "40000".into();
    let back = f.to_scenario().unwrap().to_json_value();
    assert_eq!(back["negotiation"], json!({"round": 3}));
    assert_eq!(back["contract"]["signed_by"], json!("王律师"));
    assert_eq!(back["fees"]["components"][0]["amount"], json!("40000.00"));
}

#[test]
fn unknown_fields_of_rows_and_rates_are_kept_where_the_form_keeps_the_row() {
    // A later version's fields on a payment row and on the rate stay with that row and rate;
    // a rate switched to another form drops the old form's fields with it.
    let mut doc = crate::document::samples::ten_year_monthly().to_json_value();
    for row in doc["payment"]["payments"].as_array_mut().unwrap() {
        row["note"] = json!("kept");
    }
    doc["late_payment"]["rate"]["source"] = json!("合同第8条");
    let s = crate::document::read::scenario_from_value(&doc).unwrap();
    let f = FormState::from_scenario(&s);
    let back = f.to_scenario().unwrap();
    assert_eq!(back, s);
    let v = back.to_json_value();
    assert_eq!(v["payment"]["payments"][119]["note"], json!("kept"));
    assert_eq!(v["late_payment"]["rate"]["source"], json!("合同第8条"));

    // Removing a row takes its fields with it: the others keep theirs (review F4).
    let mut tagged = crate::document::samples::ten_year_monthly().to_json_value();
    for (i, row) in tagged["payment"]["payments"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        row["note"] = json!(format!("row{i}"));
    }
    let s2 = crate::document::read::scenario_from_value(&tagged).unwrap();
    let mut fewer = FormState::from_scenario(&s2);
    fewer.payments.remove(0);
    let v = fewer.to_scenario().unwrap().to_json_value();
    assert_eq!(v["payment"]["payments"][0]["note"], json!("row1"));
    assert_eq!(v["payment"]["payments"][118]["note"], json!("row119"));

    let mut lpr = f.clone();
    lpr.apply_preset(RatePreset::LprTimesOnePointFive);
    let v = lpr.to_scenario().unwrap().to_json_value();
    assert_eq!(v["late_payment"]["rate"].get("source"), None);
}

#[test]
fn a_document_this_version_writes_has_no_unknown_fields() {
    // Every field the writer emits is one the reader reads: none of them comes back as a later
    // version's field, over documents that between them use every clause and every variant.
    // (A field read nowhere would be carried over unchanged after the user edited it.)
    let mut docs: Vec<Value> = [
        include_str!("../../tests/fixtures/contract-into-2027.json"),
        include_str!("../../tests/fixtures/fee-components-2024.json"),
        include_str!("../../tests/fixtures/floating-lpr-court.json"),
        include_str!("../../tests/fixtures/monthly-operation-2025.json"),
        include_str!("../../tests/fixtures/termination-2025.json"),
    ]
    .iter()
    .map(|t| {
        crate::document::read::parse_scenario(t)
            .unwrap()
            .to_json_value()
    })
    .collect();
    docs.push(crate::document::samples::ten_year_monthly().to_json_value());
    let mut v = docs[0].clone();
    v["payment"]["due"] =
        json!({"rule": "days_after_invoice", "invoice_day": 25, "days": 15, "day_type": "working"});
    v["payment"]["payments"] =
        json!([{"date": "2027-02-10", "amount": "100.00", "for": "2027-01-01"}]);
    v["late_payment"] = json!({
        "rate": {"fraction": "0.0128", "per_months": 1},
        "rate_changes": [{"from": "2027-06-01", "rate": {"lpr_multiple": "1.5", "basis_days": 365, "lpr_fixing": "floating", "lpr_term": "five_year"}}],
        "partial_period": "pro_rata", "day_count": "exclude_end", "accrues_from": "2027-02-01",
        "cap_fraction": "0.3", "cap_base": "contract_total", "rounding": "per_segment",
        "lpr_fixings": [{"effective": "2026-05-20", "one_year": "3.00", "five_year": "3.50"}],
        "suspend_after_days": 30, "terminate_after_days": 60});
    docs.push(v.clone());
    v["payment"]["due"] = json!({"rule": "day_of_next_month", "day": 10});
    docs.push(v);
    for d in docs {
        let s = crate::document::read::scenario_from_value(&d).unwrap();
        let again = crate::document::read::scenario_from_value(&s.to_json_value()).unwrap();
        assert_eq!(again, s);
        let keep_nothing = |e: &Extra| assert!(e.is_empty(), "kept as unknown: {e:?}");
        keep_nothing(&s.extra);
        keep_nothing(&s.contract.extra);
        keep_nothing(&s.fees.extra);
        s.fees
            .components
            .iter()
            .for_each(|c| keep_nothing(&c.extra));
        keep_nothing(&s.payment.extra);
        s.payment
            .payments
            .iter()
            .for_each(|p| keep_nothing(&p.extra));
        if let Some(l) = &s.late_payment {
            keep_nothing(&l.extra);
            l.rate_changes.iter().for_each(|c| keep_nothing(&c.extra));
            l.lpr_fixings.iter().for_each(|x| keep_nothing(&x.extra));
        }
        let rate_extra = |r: &Rate| match r {
            Rate::Fraction { extra, .. }
            | Rate::Monthly { extra, .. }
            | Rate::Lpr { extra, .. } => keep_nothing(extra),
        };
        match &s.payment.due {
            DueRule::DayOfNextMonth { extra, .. }
            | DueRule::DaysAfterCycleEnd { extra, .. }
            | DueRule::DaysAfterCycleStart { extra, .. }
            | DueRule::DaysAfterInvoice { extra, .. } => keep_nothing(extra),
        }
        if let Some(l) = &s.late_payment {
            rate_extra(&l.rate);
            l.rate_changes.iter().for_each(|c| rate_extra(&c.rate));
        }
        if let Some(b) = &s.supplier_breaches {
            keep_nothing(&b.extra);
            b.losses.iter().for_each(|l| keep_nothing(&l.extra));
            b.subcontracting.iter().for_each(|c| keep_nothing(&c.extra));
            b.service_incidents
                .iter()
                .for_each(|c| keep_nothing(&c.extra));
            b.substandard_service
                .iter()
                .for_each(|c| keep_nothing(&c.extra));
        }
        if let Some(c) = &s.client_breaches {
            keep_nothing(&c.extra);
        }
        if let Some(t) = &s.termination {
            keep_nothing(&t.extra);
        }
    }
}

#[test]
fn what_the_form_accepts_the_document_can_hold() {
    // A rate typed in ‱ gains four decimal places on its way to a fraction, and a term given in
    // months can end past the document's last year (2200): both are refused in the form, where
    // they are typed, rather than accepted and then refused when saved or shared.
    let s = crate::document::samples::ten_year_monthly();
    let mut f = FormState::from_scenario(&s);
    f.rate_value = "0.1234567890123456789".into();
    f.rate_unit = RateUnit::PerTenThousand;
    assert_eq!(
        f.to_scenario().unwrap_err()[0].path,
        "late_payment.rate.fraction"
    );

    let mut f = FormState::from_scenario(&s);
    f.start = "2199-01-01".into();
    f.end_mode = EndMode::Months;
    f.term_months = "36".into();
    let e = f.to_scenario().unwrap_err();
    assert_eq!(e[0].path, "contract.end");
    assert!(e[0].display(crate::text::Lang::En).contains("2201-12-31"));
}

#[test]
fn the_form_refuses_what_the_document_refuses_with_the_same_message() {
    // One range per field (an invoice day 1–31, a rate period of at least one day, a settlement
    // within 3660 days, an LPR fixing of at most 100%): typed into the form or written in a
    // document, the same field is refused with the same words.
    let s = crate::document::samples::ten_year_monthly();
    let f = FormState::from_scenario(&s);
    type Edit = fn(&mut FormState, &mut Value);
    let cases: [(Edit, &str); 3] = [
        (
            |f, d| {
                f.invoice_day = "32".into();
                d["payment"]["due"]["invoice_day"] = json!(32);
            },
            "payment.due.invoice_day",
        ),
        (
            |f, d| {
                f.per_days = "0".into();
                d["late_payment"]["rate"]["per_days"] = json!(0);
            },
            "late_payment.rate.per_days",
        ),
        (
            |f, d| {
                f.lpr_fixings.push(LprFixingRow {
                    effective: "2026-05-20".into(),
                    one_year: "101".into(),
                    five_year: String::new(),
                    ..Default::default()
                });
                d["late_payment"]["lpr_fixings"] =
                    json!([{"effective": "2026-05-20", "one_year": "101"}]);
            },
            "late_payment.lpr_fixings[0].one_year",
        ),
    ];
    for (edit, path) in cases {
        let (mut form, mut doc) = (f.clone(), s.to_json_value());
        edit(&mut form, &mut doc);
        let typed = form.to_scenario().unwrap_err();
        let read = crate::document::read::scenario_from_value(&doc).unwrap_err();
        assert_eq!(typed, vec![read.clone()], "{path}");
        assert_eq!(read.path, path);
    }
}

#[test]
fn a_rate_too_large_is_refused_in_the_unit_it_was_typed_in() {
    // 1100% a day is over the largest rate a document takes (a fraction of 10): the document's
    // "11" is refused at the same place, but the form says it as the user typed it, in %, not
    // as the fraction 11 against 10.
    use crate::text::Lang;
    let mut f = FormState::from_scenario(&starter(today()));
    f.rate_value = "1100".into();
    f.rate_unit = RateUnit::Percent;
    let typed = f.to_scenario().unwrap_err();
    assert_eq!(typed[0].path, "late_payment.rate.fraction");
    assert_eq!(typed[0].message(Lang::Zh), "“1100%”过大：最多 1000%");
    f.rate_value = "万分之200000".into();
    let typed = f.to_scenario().unwrap_err();
    assert_eq!(
        typed[0].message(Lang::En),
        "“万分之200000” is too large: at most 1000%"
    );
    // An LPR multiple over ten is a multiple too large, not a fraction.
    f.rate_kind = RateKind::Lpr;
    f.lpr_multiple = "12".into();
    let typed = f.to_scenario().unwrap_err();
    assert_eq!(
        typed[0].message(Lang::Zh),
        "倍数过大：最多 10 倍，实际为 12"
    );
}

#[test]
fn adding_a_rate_change_changes_nothing_until_it_is_edited() {
    // The court's example (¥320,000 unpaid, 2023-05-15 to 2025-01-14) under three clauses: the
    // LPR fixed on the due date, 1% per 10 days counted in whole periods, and the floating LPR.
    // A new row starts the day after the evaluation date with the rate in force, so no counted
    // day changes its rate, and no period is cut in two.
    let court = crate::document::read::parse_scenario(include_str!(
        "../../tests/fixtures/floating-lpr-court.json"
    ))
    .unwrap();
    let mut due_date_lpr = FormState::from_scenario(&court);
    due_date_lpr.lpr_fixing = LprFixing::DueDate;
    let mut per_ten_days = FormState::from_scenario(&court);
    per_ten_days.rate_kind = RateKind::Fraction;
    per_ten_days.rate_value = "1".into();
    per_ten_days.rate_unit = RateUnit::Percent;
    per_ten_days.per_days = "10".into();
    per_ten_days.partial_period = PartialPeriod::Full;
    for f in [due_date_lpr, per_ten_days, FormState::from_scenario(&court)] {
        let before = compute(&f.to_scenario().unwrap()).unwrap();
        let mut g = f.clone();
        g.add_rate_change();
        g.add_rate_change();
        assert_eq!(g.rate_changes[0].from, "2025-01-15");
        assert_eq!(g.rate_changes[1].from, "2025-01-16");
        let after = compute(&g.to_scenario().unwrap()).unwrap();
        assert_eq!(
            after.late_payment.total_penalty,
            before.late_payment.total_penalty
        );
    }
}

#[test]
fn a_blank_lpr_fixing_row_is_left_out_and_a_rule_s_error_finds_its_row() {
    // "+ 添加 LPR 报价" adds a blank row; until something is typed in it the figures stand, as
    // they do when a row is emptied: a row holding nothing is no fixing.
    let mut f = FormState::from_scenario(&starter(today()));
    f.lpr_fixings.push(LprFixingRow::default());
    f.lpr_fixings.push(LprFixingRow {
        effective: " ".into(),
        one_year: String::new(),
        five_year: " ".into(),
        ..Default::default()
    });
    let s = f.to_scenario().expect("blank rows do not stop the figures");
    assert!(s
        .late_payment
        .as_ref()
        .is_some_and(|l| l.lpr_fixings.is_empty()));
    // Two fixings on one day after those blank rows: the repeated date is marked on the form's
    // row 3, where it was typed, not on the scenario's row 1.
    for _ in 0..2 {
        f.lpr_fixings.push(LprFixingRow {
            effective: "2026-05-20".into(),
            one_year: "2.90".into(),
            ..Default::default()
        });
    }
    let errors = f.to_scenario().unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "late_payment.lpr_fixings[3].effective");
}

#[test]
fn switching_how_the_term_is_given_carries_the_term_over() {
    // 2025-01-01 to 2027-06-30 is 30 months: switched to months, the field says 30, not the 12
    // it last held, which made the total drop from ¥1,500,000.00 to ¥600,000.00 unsaid.
    let mut f = FormState::from_scenario(&starter(today()));
    f.end = "2027-06-30".into();
    let before = f.to_scenario().unwrap().contract.end;
    f.set_end_mode(EndMode::Months);
    assert_eq!(f.term_months, "30");
    assert_eq!(f.to_scenario().unwrap().contract.end, before);
    // And back: 24 months from 2025-01-01 end on 2026-12-31.
    f.term_months = "24".into();
    f.set_end_mode(EndMode::Date);
    assert_eq!(f.end, "2026-12-31");
    assert_eq!(f.end_mode, EndMode::Date);
    // An end no whole number of months after the start: the months are left to type, not 24.
    f.end = "2026-12-15".into();
    f.set_end_mode(EndMode::Months);
    assert_eq!(f.term_months, "");
    assert!(f.to_scenario().is_err());
    // Months out of range are not carried into a date.
    f.term_months = "0".into();
    f.set_end_mode(EndMode::Date);
    assert_eq!(f.end, "2026-12-15");
}

#[test]
fn a_rate_in_chinese_numerals_is_read_as_contracts_write_it() {
    // 千分之一 a day, 百分之二十 as a cap, 月百分之一点二八: what a contract says, typed as it says it.
    assert_eq!(
        typed_rate("千分之一", RateUnit::Percent),
        Some(Decimal::new(1, 3))
    );
    assert_eq!(
        typed_rate("百分之二十", RateUnit::Percent),
        Some(Decimal::new(2, 1))
    );
    assert_eq!(
        typed_rate("百分之十五", RateUnit::Percent),
        Some(Decimal::new(15, 2))
    );
    assert_eq!(
        typed_rate("百分之一点二八", RateUnit::Percent),
        Some(Decimal::new(128, 4))
    );
    // Not a number in words: still refused, not guessed.
    for typed in ["万分之", "万分之五万", "百分之二百", "万分之五点"] {
        assert_eq!(typed_rate(typed, RateUnit::Percent), None, "{typed}");
    }
}
