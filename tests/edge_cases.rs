//! Edge cases of the engine, hand-computed: each test gives the inputs, the expected figures and
//! the clause or arithmetic behind them, so a lawyer can check the reasoning line by line.

use chrono::NaiveDate;
use contract_calc::document::read::parse_scenario;
use contract_calc::engine::compute::{compute, ComputeResult};
use contract_calc::engine::termination::Payer;
use contract_calc::text::amount_in_words::amount_in_words;
use contract_calc::text::Lang;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn date(s: &str) -> NaiveDate {
    contract_calc::engine::calendar::parse_ymd(s).unwrap()
}

/// A plain 2025 contract: ¥31,000 a month, due on the 10th of the next month, no rest days.
fn base() -> Value {
    json!({
        "format": "contract-calc/scenario",
        "version": 1,
        "name": "edge",
        "as_of": "2025-12-31",
        "contract": {"start": "2025-01-01", "end": "2025-12-31"},
        "fees": {"cycle": "monthly", "partial_cycle": "by_days",
                 "components": [{"label": "服务费", "amount": "31000.00"}]},
        "payment": {"due": {"rule": "day_of_next_month", "day": 10}, "calendar": "none",
                    "payments": []}
    })
}

/// `base()` with each JSON pointer set to its value (a missing last key is created).
fn with(patches: &[(&str, Value)]) -> Value {
    let mut v = base();
    for (pointer, value) in patches {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let obj = if parent.is_empty() {
            &mut v
        } else {
            v.pointer_mut(parent)
                .unwrap_or_else(|| panic!("no {parent}"))
        };
        obj.as_object_mut()
            .unwrap()
            .insert(key.to_string(), value.clone());
    }
    v
}

fn run(v: &Value) -> ComputeResult {
    let s = parse_scenario(&v.to_string()).unwrap_or_else(|e| panic!("refused: {e}"));
    compute(&s).unwrap_or_else(|e| panic!("not computed: {e:?}"))
}

/// The refusal of `v` as `path: message` (English).
fn refusal(v: &Value) -> String {
    parse_scenario(&v.to_string())
        .and_then(|s| compute(&s).map(|_| s).map_err(Into::into))
        .map(|_| String::from("accepted"))
        .unwrap_or_else(|e| e.display(Lang::En))
}

/// (billed start, billed end, amount, due) of every cycle.
fn cycles(r: &ComputeResult) -> Vec<(String, String, Decimal, String)> {
    r.total_fees
        .cycles
        .iter()
        .map(|c| {
            (
                c.start.to_string(),
                c.end.to_string(),
                c.amount,
                c.due.to_string(),
            )
        })
        .collect()
}

fn row(start: &str, end: &str, amount: &str, due: &str) -> (String, String, Decimal, String) {
    (start.into(), end.into(), d(amount), due.into())
}

fn dues(r: &ComputeResult) -> Vec<String> {
    r.total_fees
        .cycles
        .iter()
        .map(|c| c.due.to_string())
        .collect()
}

fn words(s: &str) -> String {
    amount_in_words(d(s)).unwrap()
}

// ---------------------------------------------------------------------------------------------
// §1 Yearly cycles (contract years, Art. 202)
// ---------------------------------------------------------------------------------------------

#[test]
fn yearly_partial_last_year_is_billed_by_days_of_that_contract_year() {
    // ¥365,000 a year from 2024-07-01 to 2026-12-31. Contract years: 2024-07-01..2025-06-30,
    // 2025-07-01..2026-06-30 (365 days each), then 2026-07-01..2027-06-30 (365 days) of which
    // 2026-07-01..12-31 = 184 days are served: 365,000 × 184/365 = ¥184,000.
    // Total 365,000 + 365,000 + 184,000 = ¥914,000. Renewed 6 months (to 2027-06-30), the third
    // year is whole: ¥1,095,000. Due 30 calendar days after the billed period: 2025-07-30,
    // 2026-07-30, 2027-01-30.
    let r = run(&with(&[
        (
            "/contract",
            json!({"start": "2024-07-01", "end": "2026-12-31", "renewal_months": 6}),
        ),
        ("/fees/cycle", json!("yearly")),
        ("/fees/components/0/amount", json!("365000")),
        (
            "/payment/due",
            json!({"rule": "days_after_cycle_end", "days": 30, "day_type": "calendar"}),
        ),
    ]));
    assert_eq!(
        cycles(&r),
        vec![
            row("2024-07-01", "2025-06-30", "365000.00", "2025-07-30"),
            row("2025-07-01", "2026-06-30", "365000.00", "2026-07-30"),
            row("2026-07-01", "2026-12-31", "184000.00", "2027-01-30"),
        ]
    );
    assert_eq!(r.total_fees.contract_total, d("914000.00"));
    assert_eq!(r.total_fees.with_renewal, d("1095000.00"));
}

#[test]
fn yearly_contract_year_holding_29_february_has_366_days() {
    // Contract year 2023-07-01..2024-06-30 holds 2024-02-29: 366 days. Served 2023-07-01..
    // 2024-03-31 = 275 days at ¥366,000 a year: 366,000 × 275/366 = ¥275,000.
    let r = run(&with(&[
        ("/as_of", json!("2024-12-31")),
        (
            "/contract",
            json!({"start": "2023-07-01", "end": "2024-03-31"}),
        ),
        ("/fees/cycle", json!("yearly")),
        ("/fees/components/0/amount", json!("366000")),
    ]));
    assert_eq!(r.total_fees.contract_total, d("275000.00"));
    assert_eq!(
        r.total_fees.cycles[0].partial_of,
        Some([date("2023-07-01"), date("2024-06-30")])
    );
}

#[test]
fn yearly_from_29_february_counts_each_year_from_the_start_date() {
    // Spec §1: contract years are start, start + 12 months, start + 24 months …, each computed
    // from the start date (Art. 202: 2024-02-29 + 12 months = 2025-02-28). Years therefore begin
    // 2024-02-29, 2025-02-28, 2026-02-28, 2027-02-28 and 2028-02-29 (leap year again).
    // Four whole years to 2028-02-28 at ¥365,000 = ¥1,460,000.
    let r = run(&with(&[
        ("/as_of", json!("2024-12-31")),
        (
            "/contract",
            json!({"start": "2024-02-29", "end": "2028-02-28"}),
        ),
        ("/fees/cycle", json!("yearly")),
        ("/fees/components/0/amount", json!("365000")),
    ]));
    let spans: Vec<(String, String)> = cycles(&r).into_iter().map(|(s, e, _, _)| (s, e)).collect();
    assert_eq!(
        spans,
        vec![
            ("2024-02-29".into(), "2025-02-27".into()),
            ("2025-02-28".into(), "2026-02-27".into()),
            ("2026-02-28".into(), "2027-02-27".into()),
            ("2027-02-28".into(), "2028-02-28".into()),
        ]
    );
    assert_eq!(r.total_fees.contract_total, d("1460000.00"));
}

#[test]
fn yearly_one_year_term_from_29_february_spills_one_day_into_a_second_year() {
    // DOUBTFUL (spec-literal; README "Where the spec is silent"): a one-year term 2024-02-29..2025-02-28 at ¥365,000 a
    // year. Spec §1 makes the second contract year start on 2024-02-29 + 12 months = 2025-02-28,
    // so the term's last day is billed as 1/365 of a second year: 365,000 + 1,000 = ¥366,000.
    // A lawyer reading Art. 201/202 ("到期月的对应日为期间的最后一日", no 29th → month end) would
    // say the first year ends on 2025-02-28 and the total is ¥365,000.
    let r = run(&with(&[
        ("/as_of", json!("2024-12-31")),
        (
            "/contract",
            json!({"start": "2024-02-29", "end": "2025-02-28"}),
        ),
        ("/fees/cycle", json!("yearly")),
        ("/fees/components/0/amount", json!("365000")),
    ]));
    assert_eq!(r.total_fees.cycles.len(), 2);
    assert_eq!(r.total_fees.contract_total, d("366000.00"));
}

// ---------------------------------------------------------------------------------------------
// §1/§6 Quarterly cycles, partial cycles, termination
// ---------------------------------------------------------------------------------------------

#[test]
fn quarterly_mid_quarter_start_and_termination() {
    // ¥90,000 a quarter from 2025-02-10, terminated (mutual) on 2025-08-15.
    // Q1 2025 has 90 days, 50 served (02-10..03-31): ¥50,000. Q2 whole: ¥90,000.
    // Q3 has 92 days, 46 served (07-01..08-15): 90,000 × 46/92 = ¥45,000. Earned ¥185,000.
    // Contract total (whole term to 12-31): 50,000 + 3 × 90,000 = ¥320,000.
    // 每季度结束后次月10日前: due 04-10, 07-10 and, for the shortened Q3, the 10th of the month
    // after the billed period (08-15) = 09-10 (spec §2: due dates follow the billed period).
    // Nothing paid, no late-payment clause: the client owes ¥185,000, by 08-15 + 30 days =
    // Sunday 09-14 → Monday 09-15 (Art. 203).
    let r = run(&with(&[
        ("/as_of", json!("2025-08-31")),
        ("/contract/start", json!("2025-02-10")),
        ("/fees/cycle", json!("quarterly")),
        ("/fees/components/0/amount", json!("90000")),
        ("/payment/calendar", json!("cn")),
        (
            "/termination",
            json!({"date": "2025-08-15", "reason": "mutual", "settlement_days": 30}),
        ),
    ]));
    assert_eq!(
        cycles(&r),
        vec![
            row("2025-02-10", "2025-03-31", "50000.00", "2025-04-10"),
            row("2025-04-01", "2025-06-30", "90000.00", "2025-07-10"),
            row("2025-07-01", "2025-08-15", "45000.00", "2025-09-10"),
        ]
    );
    assert_eq!(r.total_fees.contract_total, d("320000.00"));
    let t = r.termination.unwrap();
    assert_eq!(
        (t.earned, t.net, t.payer),
        (d("185000.00"), d("185000.00"), Payer::Client)
    );
    assert_eq!(t.due, date("2025-09-15"));
}

#[test]
fn full_partial_cycles_bill_a_whole_month_for_a_started_one() {
    // partial_cycle "full": service from 2025-01-15, terminated 2025-03-05. January (17 days) and
    // March (5 days) are each billed the whole ¥31,000: earned ¥93,000. The contract total covers
    // the whole term: 12 × ¥31,000 = ¥372,000. March's billed period ends 03-05 → due 04-10.
    let r = run(&with(&[
        ("/as_of", json!("2025-03-31")),
        ("/contract/start", json!("2025-01-15")),
        ("/fees/partial_cycle", json!("full")),
        (
            "/termination",
            json!({"date": "2025-03-05", "reason": "mutual"}),
        ),
    ]));
    assert_eq!(
        cycles(&r),
        vec![
            row("2025-01-15", "2025-01-31", "31000.00", "2025-02-10"),
            row("2025-02-01", "2025-02-28", "31000.00", "2025-03-10"),
            row("2025-03-01", "2025-03-05", "31000.00", "2025-04-10"),
        ]
    );
    assert_eq!(r.total_fees.contract_total, d("372000.00"));
    let t = r.termination.unwrap();
    assert_eq!(t.earned, d("93000.00"));
    // No settlement_days: due on the last day of service itself (README), 03-05 (calendar none).
    assert_eq!(t.due, date("2025-03-05"));
}

#[test]
fn termination_on_the_first_day_bills_one_day() {
    // Terminated on the start date: one day of January at ¥31,000 = ¥1,000.
    let r = run(&with(&[(
        "/termination",
        json!({"date": "2025-01-01", "reason": "force_majeure"}),
    )]));
    assert_eq!(
        cycles(&r),
        vec![row("2025-01-01", "2025-01-01", "1000.00", "2025-02-10")]
    );
    assert_eq!(r.termination.unwrap().earned, d("1000.00"));
}

// ---------------------------------------------------------------------------------------------
// §2 Due dates
// ---------------------------------------------------------------------------------------------

#[test]
fn in_advance_on_a_holiday_first_day_moves_to_the_next_working_day() {
    // 提前支付 on the billed period's first day (days_after_cycle_start, 0 days), China calendar.
    // Service from Saturday 2025-05-31 (端午 5-31..6-2): the one-day May period (¥31,000 × 1/31
    // = ¥1,000) is due 06-03, and so is June (06-01 is a rest day too). July 1 is a Tuesday.
    let r = run(&with(&[
        ("/as_of", json!("2025-07-31")),
        (
            "/contract",
            json!({"start": "2025-05-31", "end": "2025-07-31"}),
        ),
        ("/payment/calendar", json!("cn")),
        (
            "/payment/due",
            json!({"rule": "days_after_cycle_start", "days": 0, "day_type": "calendar"}),
        ),
    ]));
    assert_eq!(
        cycles(&r),
        vec![
            row("2025-05-31", "2025-05-31", "1000.00", "2025-06-03"),
            row("2025-06-01", "2025-06-30", "31000.00", "2025-06-03"),
            row("2025-07-01", "2025-07-31", "31000.00", "2025-07-01"),
        ]
    );
    // Same with 0 *working* days: the first day itself, moved off the rest day.
    let r = run(&with(&[
        ("/as_of", json!("2025-07-31")),
        (
            "/contract",
            json!({"start": "2025-05-31", "end": "2025-07-31"}),
        ),
        ("/payment/calendar", json!("cn")),
        (
            "/payment/due",
            json!({"rule": "days_after_cycle_start", "days": 0, "day_type": "working"}),
        ),
    ]));
    assert_eq!(dues(&r)[..2], ["2025-06-03", "2025-06-03"]);
}

#[test]
fn working_days_count_make_up_days_and_skip_holidays() {
    // 5 working days after the end of each month, China calendar, 2025.
    // Jan ends Fri 01-31 (Spring Festival 1-28..2-4): 2-5 (1), 2-6 (2), 2-7 (3),
    //   Saturday 2-8 worked (4), Monday 2-10 (5) → 02-10.
    // Apr ends 04-30: 5-1..5 off; 5-6 (1) .. 5-9 (4), weekend, 5-12 (5) → 05-12.
    // Sep ends 09-30: 10-1..8 off; 10-9 (1), 10-10 (2), Saturday 10-11 worked (3), 10-13 (4),
    //   10-14 (5) → 10-14.
    // Dec ends 12-31: 2026-01-01..03 off, Sunday 01-04 worked (1), 01-05 (2) .. 01-08 (5).
    let r = run(&with(&[
        ("/payment/calendar", json!("cn")),
        (
            "/payment/due",
            json!({"rule": "days_after_cycle_end", "days": 5, "day_type": "working"}),
        ),
    ]));
    let due = dues(&r);
    assert_eq!(due[0], "2025-02-10");
    assert_eq!(due[3], "2025-05-12");
    assert_eq!(due[8], "2025-10-14");
    assert_eq!(due[11], "2026-01-08");
}

#[test]
fn day_of_next_month_beyond_the_month_is_its_last_day() {
    // 每月31日前支付上月费用, China calendar, 2025: January's fee → 02-28 (Fri); February's →
    // 03-31 (Mon); April's → 05-31, Saturday inside 端午 (5-31..6-2) → 06-03; September's →
    // 10-31 (Fri); November's → 12-31 (Wed).
    let r = run(&with(&[
        ("/payment/calendar", json!("cn")),
        (
            "/payment/due",
            json!({"rule": "day_of_next_month", "day": 31}),
        ),
        ("/contract/end", json!("2025-11-30")),
    ]));
    let due = dues(&r);
    assert_eq!(
        [&due[0], &due[1], &due[3], &due[8], &due[10]],
        [
            "2025-02-28",
            "2025-03-31",
            "2025-06-03",
            "2025-10-31",
            "2025-12-31"
        ]
    );
    // Day 29 for January 2024's fee: 2024-02-29 exists (leap year), a Thursday.
    let r = run(&with(&[
        ("/as_of", json!("2024-12-31")),
        (
            "/contract",
            json!({"start": "2024-01-01", "end": "2024-01-31"}),
        ),
        ("/payment/calendar", json!("cn")),
        (
            "/payment/due",
            json!({"rule": "day_of_next_month", "day": 29}),
        ),
    ]));
    assert_eq!(dues(&r), ["2024-02-29"]);
}

#[test]
fn invoice_day_beyond_the_month_is_its_last_day() {
    // 每月31日开票，10日内付款, China calendar: February 2025 → invoice 02-28 → 03-10 (Mon);
    // April → invoice 04-30 → 05-10, a Saturday → 05-12; June → invoice 06-30 → 07-10 (Thu).
    let r = run(&with(&[
        ("/payment/calendar", json!("cn")),
        (
            "/payment/due",
            json!({"rule": "days_after_invoice", "invoice_day": 31, "days": 10, "day_type": "calendar"}),
        ),
    ]));
    let due = dues(&r);
    assert_eq!(
        [&due[1], &due[3], &due[5]],
        ["2025-03-10", "2025-05-12", "2025-07-10"]
    );
    // 15 working days after an invoice of 2024-02-29 (leap February): 3-1 (1), 3-4..8 (2..6),
    // 3-11..15 (7..11), 3-18 (12), 3-19 (13), 3-20 (14), 3-21 (15).
    let r = run(&with(&[
        ("/as_of", json!("2024-12-31")),
        (
            "/contract",
            json!({"start": "2024-02-01", "end": "2024-02-29"}),
        ),
        ("/payment/calendar", json!("cn")),
        (
            "/payment/due",
            json!({"rule": "days_after_invoice", "invoice_day": 31, "days": 15, "day_type": "working"}),
        ),
    ]));
    assert_eq!(dues(&r), ["2024-03-21"]);
}

#[test]
fn invoice_after_a_termination_uses_the_month_of_the_billed_period() {
    // Quarterly, invoice on the 25th of the billed period's last month, 10 calendar days.
    // Terminated 2025-08-15: Q3's billed period ends in August → invoice 08-25 → 09-04
    // (calendar none). Q2 → invoice 06-25 → 07-05.
    let r = run(&with(&[
        ("/as_of", json!("2025-08-31")),
        ("/fees/cycle", json!("quarterly")),
        (
            "/payment/due",
            json!({"rule": "days_after_invoice", "invoice_day": 25, "days": 10, "day_type": "calendar"}),
        ),
        (
            "/termination",
            json!({"date": "2025-08-15", "reason": "mutual"}),
        ),
    ]));
    assert_eq!(dues(&r), ["2025-04-04", "2025-07-05", "2025-09-04"]);
}

// ---------------------------------------------------------------------------------------------
// §3 Payments
// ---------------------------------------------------------------------------------------------

#[test]
fn a_payment_on_the_evaluation_date_counts_and_one_after_does_not() {
    // as_of 2025-03-10. January (due 02-10) paid 03-10, on as_of: counts, 28 days late at 0.05%
    // a day: 31,000 × 0.0005 × 28 = ¥434. February (due 03-10) paid 03-11, after as_of: ignored;
    // unpaid on as_of but 0 days late, so no penalty and no right yet.
    let r = run(&with(&[
        ("/as_of", json!("2025-03-10")),
        (
            "/payment/payments",
            json!([
                {"date": "2025-03-11", "amount": "31000"},
                {"date": "2025-03-10", "amount": "31000"}
            ]),
        ),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1},
                                  "suspend_after_days": 0}),
        ),
    ]));
    assert_eq!(r.paid, d("31000.00"));
    let c = &r.total_fees.cycles;
    assert_eq!((c[0].outstanding, c[0].penalty), (d("0.00"), d("434.00")));
    assert_eq!((c[1].outstanding, c[1].penalty), (d("31000.00"), d("0.00")));
    // k = 0: January was unpaid at the end of its due date 02-10 → the right arose 02-11.
    assert_eq!(r.late_payment.suspend_right_from, Some(date("2025-02-11")));
}

#[test]
fn a_free_contract_with_payments_leaves_them_unapplied() {
    // Fee ¥0: every cycle is ¥0.00, nothing is owed, nothing is late, no right arises, and the
    // ¥500 paid is unapplied.
    let r = run(&with(&[
        ("/fees/components/0/amount", json!("0")),
        (
            "/payment/payments",
            json!([{"date": "2025-02-01", "amount": "500"}]),
        ),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1},
                                  "suspend_after_days": 0, "terminate_after_days": 0}),
        ),
    ]));
    assert_eq!(r.total_fees.contract_total, d("0.00"));
    assert_eq!(r.unapplied_payments, d("500.00"));
    assert_eq!(r.late_payment.total_penalty, d("0.00"));
    assert_eq!(r.late_payment.suspend_right_from, None);
    assert_eq!(r.late_payment.terminate_right_from, None);
}

#[test]
fn an_advance_payment_settles_the_earliest_due_cycle_first() {
    // ¥31,000 paid 2025-01-05 (before anything is due) and ¥31,000 on 2025-03-20.
    // Art. 560 as the spec applies it: the first pays January (due 02-10, on time); the second
    // pays February (due 03-10) 10 days late: 31,000 × 0.0005 × 10 = ¥155.
    let r = run(&with(&[
        ("/as_of", json!("2025-03-31")),
        ("/contract/end", json!("2025-02-28")),
        (
            "/payment/payments",
            json!([
                {"date": "2025-03-20", "amount": "31000"},
                {"date": "2025-01-05", "amount": "31000"}
            ]),
        ),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1}}),
        ),
    ]));
    assert_eq!(r.late_payment.total_penalty, d("155.00"));
    assert_eq!(r.total_fees.cycles[0].payments[0].date, date("2025-01-05"));
}

// ---------------------------------------------------------------------------------------------
// §4 Late-payment penalty
// ---------------------------------------------------------------------------------------------

#[test]
fn the_cap_applies_to_the_cycle_across_split_payments() {
    // ¥10,000 a month, January due 02-10 and February due 03-10, 1% a day, cap 10% of the
    // cycle (¥1,000). Payments (taken in date order, same day as listed): ¥5,000 on 02-20,
    // ¥0 and ¥10,000 on 03-10, ¥5,000 on 03-12.
    let r = run(&with(&[
        ("/as_of", json!("2025-03-31")),
        ("/contract/end", json!("2025-02-28")),
        ("/fees/components/0/amount", json!("10000")),
        (
            "/payment/payments",
            json!([
                {"date": "2025-02-20", "amount": "5000"},
                {"date": "2025-03-10", "amount": "0"},
                {"date": "2025-03-12", "amount": "5000"},
                {"date": "2025-03-10", "amount": "10000"}
            ]),
        ),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.01", "per_days": 1}, "cap_fraction": "0.1"}),
        ),
    ]));
    let c = &r.total_fees.cycles;
    assert_eq!((c[0].penalty, c[0].capped), (d("1000.00"), true));
    // The 03-10 ¥10,000 goes to January first (earliest due, still ¥5,000 open): ¥5,000 of it
    // pays January 28 days late, ¥5,000 pays February on its due date; the 03-12 ¥5,000 then
    // finishes February 2 days late (¥100). January: 5,000 × 1% × 10 + 5,000 × 1% × 28 = ¥1,900
    // → capped ¥1,000.
    assert_eq!(c[1].penalty, d("100.00"));
    assert_eq!(r.late_payment.total_penalty, d("1100.00"));
}

#[test]
fn whole_periods_are_counted_per_tranche() {
    // 1% per started 10 days (partial_period "full") on January's ¥10,000, due 02-10:
    // ¥5,000 paid 02-11 (1 day → 1 period: ¥50) and ¥5,000 paid 03-03 (21 days → 3 periods:
    // ¥150): ¥200. Pro rata it would be 5,000 × 1% × (0.1 + 2.1) = ¥110.
    let mut v = with(&[
        ("/as_of", json!("2025-03-31")),
        ("/contract/end", json!("2025-01-31")),
        ("/fees/components/0/amount", json!("10000")),
        (
            "/payment/payments",
            json!([
                {"date": "2025-02-11", "amount": "5000"},
                {"date": "2025-03-03", "amount": "5000"}
            ]),
        ),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.01", "per_days": 10}, "partial_period": "full"}),
        ),
    ]);
    assert_eq!(run(&v).late_payment.total_penalty, d("200.00"));
    v["late_payment"]["partial_period"] = json!("pro_rata");
    assert_eq!(run(&v).late_payment.total_penalty, d("110.00"));
}

#[test]
fn an_lpr_multiple_due_on_a_fixing_date_uses_the_new_rate() {
    // 1.5 × LPR, 365-day year. April 2025's ¥50,000 is due 2025-05-20 (每月20日前, calendar
    // none), the day the one-year LPR fell from 3.10% to 3.00%; the fixing is in force from its
    // own date. Unpaid on as_of 2025-06-19 (30 days): 50,000 × 1.5 × 3.00% × 30/365 = ¥184.93
    // (with 3.10% it would be ¥191.10).
    let mut v = with(&[
        ("/as_of", json!("2025-06-19")),
        (
            "/contract",
            json!({"start": "2025-04-01", "end": "2025-04-30"}),
        ),
        ("/fees/components/0/amount", json!("50000")),
        (
            "/payment/due",
            json!({"rule": "day_of_next_month", "day": 20}),
        ),
        (
            "/late_payment",
            json!({"rate": {"lpr_multiple": "1.5", "basis_days": 365}}),
        ),
    ]);
    let r = run(&v);
    assert_eq!(r.total_fees.cycles[0].penalty, d("184.93"));
    assert_eq!(r.total_fees.cycles[0].segments[0].lpr, Some(d("3.00")));
    // Due the day before (19th), 31 days late at 3.10%: 50,000 × 0.0465 × 31/365 = ¥197.47.
    v["payment"]["due"]["day"] = json!(19);
    assert_eq!(run(&v).total_fees.cycles[0].penalty, d("197.47"));
}

#[test]
fn an_lpr_penalty_on_a_rolled_due_date_uses_the_rate_of_the_rolled_date() {
    // September 2024's fee is due 10-01 (每月1日前), inside the National Day break
    // 2024-10-01..07 → Tuesday 10-08 (China calendar). The LPR then is 3.35% (the 10-21 cut to
    // 3.10% comes later). ¥36,500 unpaid on 2024-10-18 (10 days): 36,500 × 3.35% × 10/365
    // (multiple 1, 365 days) = ¥33.50.
    let r = run(&with(&[
        ("/as_of", json!("2024-10-18")),
        (
            "/contract",
            json!({"start": "2024-09-01", "end": "2024-09-30"}),
        ),
        ("/fees/components/0/amount", json!("36500")),
        ("/payment/calendar", json!("cn")),
        (
            "/payment/due",
            json!({"rule": "day_of_next_month", "day": 1}),
        ),
        (
            "/late_payment",
            json!({"rate": {"lpr_multiple": "1", "basis_days": 365}}),
        ),
    ]));
    assert_eq!(dues(&r), ["2024-10-08"]);
    assert_eq!(r.late_payment.total_penalty, d("33.50"));
}

#[test]
fn a_per_year_rate_with_whole_periods_charges_a_started_year() {
    // 3.65% per 365 days, started periods whole: ¥10,000 unpaid 1 day → one whole year, ¥365.
    let r = run(&with(&[
        ("/as_of", json!("2025-02-11")),
        ("/contract/end", json!("2025-01-31")),
        ("/fees/components/0/amount", json!("10000")),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.0365", "per_days": 365}, "partial_period": "full"}),
        ),
    ]));
    assert_eq!(r.late_payment.total_penalty, d("365.00"));
}

// ---------------------------------------------------------------------------------------------
// §4 Rights to suspend and terminate
// ---------------------------------------------------------------------------------------------

#[test]
fn rights_with_k_zero_arise_the_day_after_the_due_date() {
    // k = 0 (逾期即可暂停): January due 02-10 paid on 02-10 → no right from January; February
    // due 03-10 paid 03-11 → right from 03-11 (due + 0 + 1). terminate after 30 days: February
    // was fully paid by 03-10 + 30, so no right to terminate.
    let r = run(&with(&[
        ("/as_of", json!("2025-03-31")),
        ("/contract/end", json!("2025-02-28")),
        (
            "/payment/payments",
            json!([
                {"date": "2025-02-10", "amount": "31000"},
                {"date": "2025-03-11", "amount": "31000"}
            ]),
        ),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1},
                                  "suspend_after_days": 0, "terminate_after_days": 30}),
        ),
    ]));
    assert_eq!(r.late_payment.suspend_right_from, Some(date("2025-03-11")));
    assert_eq!(r.late_payment.terminate_right_from, None);
}

#[test]
fn a_right_is_reported_from_the_earliest_cycle_late_by_more_than_k_days() {
    // k = 30. January (due 02-10) is paid in full on 03-12 = due + 30: not "overdue by more than
    // 30 days". February (due 03-10) is never paid: right from 03-10 + 31 = 04-10; March
    // (due 04-10, unpaid) would give 05-11. The earliest, 04-10, is reported.
    let r = run(&with(&[
        ("/as_of", json!("2025-06-30")),
        ("/contract/end", json!("2025-03-31")),
        (
            "/payment/payments",
            json!([
                {"date": "2025-03-12", "amount": "31000"}
            ]),
        ),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1},
                                  "suspend_after_days": 30}),
        ),
    ]));
    assert_eq!(r.late_payment.suspend_right_from, Some(date("2025-04-10")));
    // Evaluated on 04-09, the day before: no right yet.
    let r = run(&with(&[
        ("/as_of", json!("2025-04-09")),
        ("/contract/end", json!("2025-03-31")),
        (
            "/payment/payments",
            json!([{"date": "2025-03-12", "amount": "31000"}]),
        ),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1},
                                  "suspend_after_days": 30}),
        ),
    ]));
    assert_eq!(r.late_payment.suspend_right_from, None);
}

#[test]
fn a_right_is_not_moved_off_a_rest_day() {
    // README choice: a right is not a deadline. January 2025 due 02-10 (Mon), k = 5, unpaid:
    // right from 02-16, a Sunday, reported as is (China calendar).
    let r = run(&with(&[
        ("/as_of", json!("2025-03-31")),
        ("/contract/end", json!("2025-01-31")),
        ("/payment/calendar", json!("cn")),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1},
                                  "suspend_after_days": 5}),
        ),
    ]));
    assert_eq!(r.late_payment.suspend_right_from, Some(date("2025-02-16")));
}

// ---------------------------------------------------------------------------------------------
// §5 Subcontracting, §6 Termination
// ---------------------------------------------------------------------------------------------

#[test]
fn subcontracting_without_refund_is_the_penalty_alone() {
    // 20% of the ¥372,000 contract total = ¥74,400; refund_paid false → no refund even though
    // ¥62,000 was paid.
    let r = run(&with(&[
        (
            "/payment/payments",
            json!([
                {"date": "2025-02-10", "amount": "31000"},
                {"date": "2025-03-10", "amount": "31000"}
            ]),
        ),
        (
            "/supplier_breaches",
            json!({"subcontracting":
            {"penalty_fraction": "0.20", "refund_paid": false, "occurred_on": "2025-04-01"}}),
        ),
    ]));
    let s = r.subcontracting.unwrap();
    assert_eq!(
        (s.penalty, s.refund, s.total),
        (d("74400.00"), d("0.00"), d("74400.00"))
    );
}

#[test]
fn subcontracting_termination_forfeits_the_fees_even_without_refund_clause() {
    // Spec §6: reason "subcontracting" sets earned to 0 (fees forfeited) whatever refund_paid
    // says, so the ¥62,000 paid comes back with the ¥74,400 penalty: the supplier pays ¥136,400
    // by 2025-04-30 + 15 = 05-15.
    let r = run(&with(&[
        (
            "/payment/payments",
            json!([
                {"date": "2025-02-10", "amount": "31000"},
                {"date": "2025-03-10", "amount": "31000"}
            ]),
        ),
        (
            "/supplier_breaches",
            json!({"subcontracting":
            {"penalty_fraction": "0.20", "refund_paid": false}}),
        ),
        (
            "/termination",
            json!({"date": "2025-04-30", "reason": "subcontracting", "settlement_days": 15}),
        ),
    ]));
    let t = r.termination.unwrap();
    assert_eq!((t.earned, t.paid), (d("0.00"), d("62000.00")));
    assert_eq!((t.net, t.payer), (d("136400.00"), Payer::Supplier));
    assert_eq!(t.due, date("2025-05-15"));
}

#[test]
fn a_settlement_that_balances_is_paid_by_nobody() {
    // Terminated (mutual) 2025-02-28 after two months, both paid on time: earned ¥62,000 − paid
    // ¥62,000 = 0 → payer none, net ¥0.00.
    let r = run(&with(&[
        ("/as_of", json!("2025-03-31")),
        (
            "/payment/payments",
            json!([
                {"date": "2025-02-10", "amount": "31000"},
                {"date": "2025-03-10", "amount": "31000"}
            ]),
        ),
        (
            "/termination",
            json!({"date": "2025-02-28", "reason": "mutual", "settlement_days": 10}),
        ),
    ]));
    let t = r.termination.unwrap();
    assert_eq!((t.net, t.payer), (d("0.00"), Payer::None));
    assert_eq!(t.due, date("2025-03-10"));
}

#[test]
fn overpayment_comes_back_from_the_supplier_on_termination() {
    // Paid ¥93,000 in advance for a contract terminated (mutual) on 2025-02-14: earned January
    // ¥31,000 + 14/28 of February = ¥15,500 → ¥46,500. The supplier repays ¥46,500. The due date
    // 02-14 + 15 = 03-01, a Saturday → Monday 03-03 (China calendar).
    let r = run(&with(&[
        ("/as_of", json!("2025-03-31")),
        ("/payment/calendar", json!("cn")),
        (
            "/payment/payments",
            json!([{"date": "2025-01-02", "amount": "93000"}]),
        ),
        (
            "/termination",
            json!({"date": "2025-02-14", "reason": "mutual", "settlement_days": 15}),
        ),
    ]));
    assert_eq!(r.unapplied_payments, d("46500.00"));
    let t = r.termination.unwrap();
    assert_eq!(
        (t.earned, t.net, t.payer),
        (d("46500.00"), d("46500.00"), Payer::Supplier)
    );
    assert_eq!(t.due, date("2025-03-03"));
}

#[test]
fn a_client_breach_penalty_is_on_the_whole_contract_total() {
    // Terminated for the client's breach on 2025-06-30, 10% of the whole-term total ¥372,000 =
    // ¥37,200 (not of the ¥186,000 earned). Nothing paid: 186,000 + 37,200 = ¥223,200 from the
    // client, due 06-30 + 30 = 07-30.
    let r = run(&with(&[
        ("/as_of", json!("2025-06-30")),
        (
            "/termination",
            json!({"date": "2025-06-30", "reason": "client_breach",
                                 "breach_penalty_fraction": "0.10", "settlement_days": 30}),
        ),
    ]));
    let t = r.termination.unwrap();
    assert_eq!(t.client_charges, d("37200.00"));
    assert_eq!((t.net, t.payer), (d("223200.00"), Payer::Client));
    assert_eq!(t.due, date("2025-07-30"));
}

// ---------------------------------------------------------------------------------------------
// §8 Amounts in words
// ---------------------------------------------------------------------------------------------

#[test]
fn awkward_amounts_in_words() {
    // PBOC rules (spec §8): a run of zeros is one 零; 元 digit 0 and 角 not → 零 after 元;
    // 角 0 and 分 not → 零; 整 after 元 or 角, never after 分.
    for (amount, expected) in [
        ("100000000", "壹亿元整"),
        ("10000.01", "壹万元零壹分"),
        ("1000000.10", "壹佰万元零壹角整"),
        ("20.30", "贰拾元零叁角整"),
        ("0.1", "壹角整"),
        ("0.09", "玖分"),
        ("100010000", "壹亿零壹万元整"),
        ("1000001", "壹佰万零壹元整"),
        ("10100.01", "壹万零壹佰元零壹分"),
        ("1010.10", "壹仟零壹拾元零壹角整"),
        ("110000", "壹拾壹万元整"),
        ("100000001", "壹亿零壹元整"),
        ("1100001000", "壹拾壹亿零壹仟元整"),
        ("19.99", "壹拾玖元玖角玖分"),
        ("1000000000000", "壹万亿元整"),
    ] {
        assert_eq!(words(amount), expected, "{amount}");
    }
}

// ---------------------------------------------------------------------------------------------
// Validation: paths and messages
// ---------------------------------------------------------------------------------------------

#[test]
fn nested_array_errors_name_the_element_and_field() {
    let v = with(&[(
        "/payment/payments",
        json!([{"date": "2025-02-10", "amount": "1"}, {"date": "2025-02-30", "amount": "1"}]),
    )]);
    assert_eq!(
        refusal(&v),
        "payment.payments[1].date: expected a date like \"2025-01-01\" (years 1900–2200), got \"2025-02-30\""
    );
    let v = with(&[(
        "/supplier_breaches",
        json!({"losses": [{"amount": "1"}, 5]}),
    )]);
    assert_eq!(
        refusal(&v),
        "supplier_breaches.losses[1]: expected an object {…}, got 5"
    );
    let v = with(&[(
        "/fees/components",
        json!([{"label": "a", "amount": "1"}, {"label": 7, "amount": "1"}]),
    )]);
    assert_eq!(
        refusal(&v),
        "fees.components[1].label: expected text in quotes, got 7"
    );
    let v = with(&[(
        "/late_payment",
        json!({"rate": {"lpr_multiple": "1.5", "basis_days": 364}}),
    )]);
    assert_eq!(
        refusal(&v),
        "late_payment.rate.basis_days: expected one of the numbers 360, 365 (without quotes), got 364"
    );
    let v = with(&[(
        "/termination",
        json!({"date": "2026-01-01", "reason": "mutual"}),
    )]);
    assert_eq!(
        refusal(&v),
        "termination.date: must be within the contract term 2025-01-01 to 2025-12-31"
    );
}

#[test]
fn a_hundred_year_term_is_accepted_and_a_day_more_is_not() {
    // README: "terms up to 100 years". 2000-07-01..2100-06-30 is exactly 100 years, and
    // 2000-12-31..2100-01-01 is 99 years and 2 days: both accepted, though the years' numbers
    // differ by 100. The term ends before start + 1,200 months; 2000-07-01..2100-07-01 is 100
    // years and a day, refused.
    let v = with(&[
        ("/as_of", json!("2000-07-01")),
        (
            "/contract",
            json!({"start": "2000-07-01", "end": "2100-06-30"}),
        ),
    ]);
    assert_eq!(refusal(&v), "accepted");
    let v = with(&[
        ("/as_of", json!("2000-12-31")),
        (
            "/contract",
            json!({"start": "2000-12-31", "end": "2100-01-01"}),
        ),
    ]);
    assert_eq!(refusal(&v), "accepted");
    let v = with(&[
        ("/as_of", json!("2000-07-01")),
        (
            "/contract",
            json!({"start": "2000-07-01", "end": "2100-07-01"}),
        ),
    ]);
    assert_eq!(
        refusal(&v),
        "contract.end: term too long: at most 100 years"
    );
}

#[test]
fn a_renewal_from_28_february_of_a_leap_year_follows_the_spec_formula() {
    // DOUBTFUL (spec-literal; README "Where the spec is silent"). Term 2023-03-01..2024-02-28 at ¥29,000 a month:
    // 11 × 29,000 + February 2024 (28 of 29 days) 28,000 = ¥347,000. Renewed 12 months, spec
    // §1: end' = (2024-02-28 + 1 day) + 12 months − 1 day = 2025-02-28 − 1 day = 2025-02-27.
    // Renewal: 2024-02-29 (1 of 29 days) ¥1,000 + March 2024..January 2025 11 × ¥29,000 +
    // February 2025 27 of 28 days = 29,000 × 27/28 = ¥27,964.29 → with renewal ¥694,964.29.
    // Art. 202 read as "到期月的对应日" (2024-02-28 + 12 months) would end on 2025-02-28:
    // ¥696,000.
    let r = run(&with(&[
        ("/as_of", json!("2024-12-31")),
        (
            "/contract",
            json!({"start": "2023-03-01", "end": "2024-02-28", "renewal_months": 12}),
        ),
        ("/fees/components/0/amount", json!("29000")),
    ]));
    assert_eq!(r.total_fees.contract_total, d("347000.00"));
    assert_eq!(r.total_fees.with_renewal, d("694964.29"));
}

#[test]
fn cycles_due_on_the_same_day_are_paid_in_cycle_order() {
    // DOUBTFUL (spec-literal; README "Where the spec is silent"). Service from Saturday 2025-05-31, paid in advance on each billed
    // period's first day (China calendar): the one-day May period (¥1,000) and June (¥31,000)
    // are both due 06-03 (端午 5-31..6-2). ¥1,000 paid 06-03 settles May in full and nothing of
    // June. Art. 560 (last sentence: 到期时间相同的，按照债务比例履行) would split it 1:31
    // (¥31.25 to May, ¥968.75 to June); the spec only says "earliest due date".
    let r = run(&with(&[
        ("/as_of", json!("2025-06-30")),
        (
            "/contract",
            json!({"start": "2025-05-31", "end": "2025-06-30"}),
        ),
        ("/payment/calendar", json!("cn")),
        (
            "/payment/due",
            json!({"rule": "days_after_cycle_start", "days": 0, "day_type": "calendar"}),
        ),
        (
            "/payment/payments",
            json!([{"date": "2025-06-03", "amount": "1000"}]),
        ),
    ]));
    let c = &r.total_fees.cycles;
    assert_eq!(
        (c[0].outstanding, c[1].outstanding),
        (d("0.00"), d("31000.00"))
    );
}

#[test]
fn amounts_of_ten_thousand_yi_and_more_in_words() {
    // Chinese numerals group by 万 within 亿: 1,010,000,000,000 = 10,100 亿 = 壹万零壹佰亿;
    // 1,234,567,890,000 = 12,345 亿 6,789 万 = 壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万.
    // Reachable: 10 months at ¥101,000,000,000 is a contract total of ¥1,010,000,000,000,
    // which the statement prints in words.
    assert_eq!(words("1010000000000"), "壹万零壹佰亿元整");
    assert_eq!(
        words("1234567890000"),
        "壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万元整"
    );
    let r = run(&with(&[
        ("/contract/end", json!("2025-10-31")),
        ("/fees/components/0/amount", json!("101000000000")),
    ]));
    assert_eq!(
        amount_in_words(r.total_fees.contract_total).unwrap(),
        "壹万零壹佰亿元整"
    );
}

#[test]
fn a_subcontracting_clause_without_refund_paid_is_refused() {
    // Spec: only fields shown with null (and the listed defaults: renewal_months, partial_cycle,
    // calendar, payments, partial_period) may be left out; refund_paid is shown as true and has
    // no default. Read as false it silently drops the refund of every fee paid (spec §5).
    let v = with(&[(
        "/supplier_breaches",
        json!({"subcontracting": {"penalty_fraction": "0.20", "occurred_on": "2025-04-01"}}),
    )]);
    assert_eq!(
        refusal(&v),
        "supplier_breaches.subcontracting.refund_paid: is required"
    );
}

#[test]
fn a_due_date_in_2027_is_computed_on_the_provisional_calendar() {
    // §10: December 2026's fee falls due Sunday 2027-01-10, beyond the published notices. The
    // 2027 rest days follow the 放假办法: the deadline moves to Monday 01-11, and the result says
    // the 2027 calendar was provisional.
    let r = run(&with(&[
        ("/as_of", json!("2026-12-31")),
        (
            "/contract",
            json!({"start": "2026-12-01", "end": "2026-12-31"}),
        ),
        ("/payment/calendar", json!("cn")),
    ]));
    assert_eq!(r.total_fees.cycles[0].due, date("2027-01-11"));
    assert_eq!(
        serde_json::to_value(&r.warnings).unwrap(),
        json!([{"code": "calendar_provisional", "year": 2027}])
    );
    // A date before the first published year (2010) is refused, naming the calendar.
    let v = with(&[
        ("/as_of", json!("2009-12-31")),
        (
            "/contract",
            json!({"start": "2009-11-01", "end": "2009-11-30"}),
        ),
        ("/payment/calendar", json!("cn")),
    ]);
    assert_eq!(
        refusal(&v),
        "payment.calendar: the China holiday table starts on 2010-01-01, so whether the earlier 2009-12-10 is a working day is unknown; choose the “Weekends only” (weekends) or “No rest days” (none) calendar"
    );
}

#[test]
fn an_lpr_penalty_after_the_table_uses_the_latest_fixing_and_says_so() {
    // §10: April 2026's ¥31,000 is due 2026-05-10, after the table's last verified day
    // (2026-04-19); unpaid on 2026-06-30, 51 days late at 1.5 × the latest one-year LPR (3.00%
    // since 2025-05-20), 365-day year: 31,000 × 4.5% × 51/365 = ¥194.92.
    let mut v = with(&[
        ("/as_of", json!("2026-06-30")),
        (
            "/contract",
            json!({"start": "2026-04-01", "end": "2026-04-30"}),
        ),
        (
            "/late_payment",
            json!({"rate": {"lpr_multiple": "1.5", "basis_days": 365}}),
        ),
    ]);
    let r = run(&v);
    assert_eq!(r.late_payment.total_penalty, d("194.92"));
    assert_eq!(
        serde_json::to_value(&r.warnings).unwrap(),
        json!([{"code": "lpr_beyond_table", "known_until": "2026-04-19"}])
    );
    // The user adds a fixing of 2.90% from 2026-05-20 and the clause says 同期 (floating):
    // 9 days at 4.50% and 42 days at 4.35%: 31,000 × (4.5% × 9 + 4.35% × 42)/365 = ¥189.57.
    // The warning stays: the built-in data cannot vouch for the user's fixing.
    v["late_payment"]["rate"]["lpr_fixing"] = json!("floating");
    v["late_payment"]["lpr_fixings"] = json!([{"effective": "2026-05-20", "one_year": "2.90"}]);
    let r = run(&v);
    assert_eq!(r.late_payment.total_penalty, d("189.57"));
    assert_eq!(r.total_fees.cycles[0].segments.len(), 2);
    assert_eq!(r.warnings.len(), 1);
    // Paid on time, the same clause needs no rate: no penalty, no assumption about the LPR.
    v["payment"]["payments"] = json!([{"date": "2026-05-10", "amount": "31000"}]);
    let r = run(&v);
    assert_eq!(r.late_payment.total_penalty, d("0.00"));
    assert!(r.warnings.is_empty());
}

#[test]
fn aggregate_caps_bite_or_not() {
    // 2025 at ¥31,000 a month, nothing paid, as of 2025-12-31, 日万分之五. January to November
    // are late 324, 296, 265, 235, 204, 174, 143, 112, 82, 51 and 21 days: 1,907 days × ¥15.50 =
    // ¥29,558.50 uncapped. December (due 2026-01-10) is not late yet.
    let late = |cap: &str, base: &str| {
        with(&[(
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1},
                   "cap_fraction": cap, "cap_base": base}),
        )])
    };
    let r = run(&late("10", "cycle"));
    assert_eq!(r.late_payment.total_penalty, d("29558.50"));
    assert!(!r.late_payment.cap_applied);
    // 累计不超过合同总金额的5%: 5% × ¥372,000 = ¥18,600 bites; 10% (¥37,200) does not.
    let r = run(&late("0.05", "contract_total"));
    assert_eq!(r.late_payment.total_penalty, d("18600.00"));
    assert!(r.late_payment.cap_applied);
    assert_eq!(
        r.total_fees.cycles[0].penalty,
        d("5022.00"),
        "cycles uncapped"
    );
    let r = run(&late("0.10", "contract_total"));
    assert_eq!(r.late_payment.total_penalty, d("29558.50"));
    assert!(!r.late_payment.cap_applied);
    // 以逾期付款总额的5%为上限: 11 months overdue = ¥341,000; 5% = ¥17,050 bites; 10% (¥34,100)
    // does not.
    let r = run(&late("0.05", "overdue"));
    assert_eq!(r.late_payment.total_penalty, d("17050.00"));
    assert!(r.late_payment.cap_applied);
    let r = run(&late("0.10", "overdue"));
    assert_eq!(r.late_payment.total_penalty, d("29558.50"));
    assert!(!r.late_payment.cap_applied);
    // Per cycle, 10% of ¥31,000 = ¥3,100 cuts January to May (5,022.00, 4,588.00, 4,107.50,
    // 3,642.50, 3,162.00) to ¥3,100 each: 5 × 3,100 + 2,697.00 + 2,216.50 + 1,736.00 + 1,271.00
    // + 790.50 + 325.50 = ¥24,536.50.
    let r = run(&late("0.10", "cycle"));
    assert_eq!(r.late_payment.total_penalty, d("24536.50"));
    assert!(r.late_payment.cap_applied);
}

#[test]
fn designated_payment_and_an_overdue_settlement() {
    // §13: January and February 2025 (¥31,000 each, due 02-10 and 03-10) both unpaid; ¥31,000
    // paid 2025-03-20 "for" February settles February (10 days late: ¥155.00); January stays
    // open to 2025-12-31 (324 days: ¥5,022.00). Without "for" it would pay January (38 days:
    // ¥589.00) and February would run 296 days (¥4,588.00).
    let mut v = with(&[
        (
            "/contract",
            json!({"start": "2025-01-01", "end": "2025-02-28"}),
        ),
        (
            "/payment/payments",
            json!([{"date": "2025-03-20", "amount": "31000", "for": "2025-02-01"}]),
        ),
        (
            "/late_payment",
            json!({"rate": {"fraction": "0.0005", "per_days": 1}}),
        ),
    ]);
    let r = run(&v);
    assert_eq!(r.total_fees.cycles[0].penalty, d("5022.00"));
    assert_eq!(r.total_fees.cycles[1].penalty, d("155.00"));
    v["payment"]["payments"][0]
        .as_object_mut()
        .unwrap()
        .remove("for");
    let r = run(&v);
    assert_eq!(r.total_fees.cycles[0].penalty, d("589.00"));
    assert_eq!(r.total_fees.cycles[1].penalty, d("4588.00"));
    // A "for" that is no billed period's start is refused, naming the payment.
    v["payment"]["payments"][0]["for"] = json!("2025-02-10");
    assert_eq!(
        refusal(&v),
        "payment.payments[0].for: 2025-02-10 is not the first day of any billed period: a designated payment names the period it pays by its first day (e.g. 2025-02-01)"
    );
    // February's period, after a termination on 2025-01-31, is no longer billed: the refusal
    // names the termination, not just "no period".
    v["payment"]["payments"][0]["for"] = json!("2025-02-01");
    let mut ended = v.clone();
    ended["termination"] = json!({"date": "2025-01-31", "reason": "mutual", "settlement_days": 0});
    assert_eq!(
        refusal(&ended),
        "payment.payments[0].for: the period from 2025-02-01 is after the contract ended on 2025-01-31, and is not billed: name a period before it, or leave this empty (the earliest due is paid first)"
    );
    // After the term (to 2025-02-28), a renewal's period is not billed either: said so.
    v["payment"]["payments"][0]["for"] = json!("2025-03-01");
    assert_eq!(
        refusal(&v),
        "payment.payments[0].for: the period from 2025-03-01 is after the term, which ended on 2025-02-28, and is not billed (a renewal's fees are not in this scenario): name a period in the term, or leave this empty (the earliest due is paid first)"
    );

    // Terminated by mutual agreement on 2025-02-28 with 0 settlement days: the client owes the
    // ¥62,000 earned (nothing paid) plus ¥5,022.00 + ¥4,588.00 penalties = ¥71,610.00, due
    // 2025-02-28. As of 2025-12-31 that is 306 days overdue; at the one-year LPR (3.10% to
    // 2025-05-19, 3.00% from 05-20): 71,610 × (3.10% × 80 + 3.00% × 226)/365 = ¥1,816.74.
    v["payment"]["payments"] = json!([]);
    v["termination"] = json!({"date": "2025-02-28", "reason": "mutual"});
    let t = run(&v).termination.unwrap();
    assert_eq!(t.net, d("71610.00"));
    assert_eq!(t.overdue_days, 306);
    assert_eq!(t.overdue_interest, Some(d("1816.74")));
}

/// April 2026's ¥31,000, due 2026-05-10 and unpaid on 2026-06-30, at 1 × the 同期 one-year LPR
/// (floating, 365-day year), with the user's `lpr_fixings`.
fn floating_with_fixings(fixings: Value) -> Value {
    with(&[
        ("/as_of", json!("2026-06-30")),
        (
            "/contract",
            json!({"start": "2026-04-01", "end": "2026-04-30"}),
        ),
        (
            "/late_payment",
            json!({"rate": {"lpr_multiple": "1", "basis_days": 365, "lpr_fixing": "floating"},
                   "lpr_fixings": fixings}),
        ),
    ])
}

#[test]
fn a_users_lpr_is_listed_as_given_and_the_list_may_come_in_any_order() {
    // A fixing of 2.875% from 2026-05-20: 05-11..05-19 at 3.00% (9 days) = ¥22.93, then
    // 05-20..06-30 at 2.875% (42 days): 31,000 × 2.875% × 42/365 = ¥102.55. The 计算明细 line
    // shows 2.875, the rate its amount used (2.88 would give ¥102.73).
    let r = run(&floating_with_fixings(
        json!([{"effective": "2026-05-20", "one_year": "2.875"}]),
    ));
    let lines = serde_json::to_value(&r.total_fees.cycles[0].segments).unwrap();
    assert_eq!(lines[0]["lpr"], json!("3.00"));
    assert_eq!(
        (&lines[1]["lpr"], &lines[1]["amount"]),
        (&json!("2.875"), &json!("102.55"))
    );
    // §9 merges the user's fixings with the table: listed 06-22 first, then 05-20, they give
    // what they give in date order: 9 days at 3.00%, 33 at 2.90%, 9 at 2.80%.
    let ordered = json!([{"effective": "2026-05-20", "one_year": "2.90"},
                         {"effective": "2026-06-22", "one_year": "2.80"}]);
    let unordered = json!([{"effective": "2026-06-22", "one_year": "2.80"},
                           {"effective": "2026-05-20", "one_year": "2.90"}]);
    let a = run(&floating_with_fixings(ordered))
        .late_payment
        .total_penalty;
    let b = run(&floating_with_fixings(unordered))
        .late_payment
        .total_penalty;
    // 31,000 × (3.00% × 9 + 2.90% × 33 + 2.80% × 9)/365 = 31,000 × 1.479/365 = ¥125.61.
    assert_eq!((a, b), (d("125.61"), d("125.61")));
    // The same date twice is ambiguous: refused at the second.
    let twice = json!([{"effective": "2026-05-20", "one_year": "2.90"},
                       {"effective": "2026-06-22", "one_year": "2.80"},
                       {"effective": "2026-05-20", "one_year": "2.85"}]);
    assert_eq!(
        refusal(&floating_with_fixings(twice)),
        "late_payment.lpr_fixings[2].effective: 2026-05-20 repeats an earlier entry's date (one entry per date)"
    );
}

#[test]
fn an_lpr_needed_before_2015_10_24_is_refused_at_the_field_to_change() {
    // August 2015's fee is due 2015-09-10, unpaid on 2015-12-31. Neither the LPR nor the PBOC
    // benchmark table (from 2015-10-24) gives a rate for the days before.
    let late = |rate: Value| {
        with(&[
            ("/as_of", json!("2015-12-31")),
            (
                "/contract",
                json!({"start": "2015-08-01", "end": "2015-08-31"}),
            ),
            ("/late_payment", json!({ "rate": rate })),
        ])
    };
    // Taken on the due date (the default): the fixing day is what to change.
    assert_eq!(
        refusal(&late(json!({"lpr_multiple": "1", "basis_days": 365}))),
        "late_payment.rate.lpr_fixing: the LPR is taken on 2015-09-10, before 2015-10-24, the first day of the rates this calculator holds (the benchmark lending rate, then the LPR); choose a later fixing day or use a fixed fraction"
    );
    // 同期 (floating): the first counted day is; counting from 2015-10-24 computes.
    let floating = json!({"lpr_multiple": "1", "basis_days": 365, "lpr_fixing": "floating"});
    assert_eq!(
        refusal(&late(floating.clone())),
        "late_payment.accrues_from: the counted days include 2015-09-11, before 2015-10-24, the first day of the rates this calculator holds (the benchmark lending rate, then the LPR); set accrues_from to 2015-10-24 or later, or use a fixed fraction"
    );
    let mut from_then = late(floating.clone());
    from_then["late_payment"]["accrues_from"] = json!("2015-10-24");
    assert!(run(&from_then).late_payment.total_penalty > Decimal::ZERO);
    // 日万分之五, then 同期 LPR from 2015-10-01: the change's date is at fault, not where
    // counting starts (the days at 日万分之五 are rightly counted).
    let mut changed = late(json!({"fraction": "0.0005", "per_days": 1}));
    changed["late_payment"]["rate_changes"] = json!([{"from": "2015-10-01", "rate": floating}]);
    assert_eq!(
        refusal(&changed),
        "late_payment.rate_changes[0].from: the counted days include 2015-10-01, before 2015-10-24, the first day of the rates this calculator holds (the benchmark lending rate, then the LPR); move this rate change to 2015-10-24 or later, or use a fixed fraction"
    );
}

#[test]
fn a_file_that_is_not_json_is_said_so_in_chinese_with_where() {
    // A file cut short, and one with a stray character: the parser's own words stay English
    // (the CLI's), the page's Chinese says what and where.
    let zh = |text: &str| parse_scenario(text).unwrap_err().display(Lang::Zh);
    assert_eq!(
        zh("{\"format\": "),
        "不是有效的 JSON：内容不完整，在第 1 行第 11 列中断"
    );
    assert_eq!(zh("{\n  x}"), "不是有效的 JSON：第 2 行第 3 列附近有误");
    assert_eq!(
        parse_scenario("{\n  x}").unwrap_err().display(Lang::En),
        "not valid JSON: key must be a string at line 2 column 3"
    );
    // Cut short: said in words, not as the parser's "EOF while parsing a value".
    assert_eq!(
        parse_scenario("{\"format\": ")
            .unwrap_err()
            .display(Lang::En),
        "not valid JSON: the text ends too soon, at line 1, column 11 (a file cut short?)"
    );
}

#[test]
fn what_is_left_to_pay_counts_payments_after_the_evaluation_date() {
    // ¥31,000 a month, evaluated on 2025-06-30: May's fee (due 06-10) is unpaid then. A payment
    // of ¥31,000 on 2025-07-15 with no period named counts in no figure on 06-30 (§3), but it
    // pays the earliest fee due (May's, then June's is next): May has nothing left, June all of
    // it. A second payment "for May paid 30 days late" would pay May twice.
    use contract_calc::engine::compute::left_to_pay;
    let s = parse_scenario(
        &with(&[
            ("/as_of", json!("2025-06-30")),
            (
                "/payment/payments",
                json!([
                    {"date": "2025-02-10", "amount": "31000.00"},
                    {"date": "2025-03-10", "amount": "31000.00"},
                    {"date": "2025-04-10", "amount": "31000.00"},
                    {"date": "2025-05-10", "amount": "31000.00"},
                    {"date": "2025-07-15", "amount": "31000.00"}
                ]),
            ),
        ])
        .to_string(),
    )
    .unwrap();
    let r = compute(&s).unwrap();
    assert_eq!(r.total_fees.cycles[4].outstanding, d("31000.00"));
    let may = left_to_pay(&s, date("2025-05-01")).unwrap().unwrap();
    assert_eq!(may.left, d("0"));
    // Paid by the fifth payment listed (index 4), the one of 07-15.
    assert_eq!(may.paid_by, [4]);
    assert_eq!(
        left_to_pay(&s, date("2025-06-01")).unwrap().map(|l| l.left),
        Some(d("31000.00"))
    );
    // A payment of ¥10,000 after it, for June: June has ¥21,000.00 left.
    let mut part = s.clone();
    part.payment
        .payments
        .push(contract_calc::engine::scenario::PaymentMade {
            date: date("2025-08-01"),
            amount: d("10000"),
            for_period: Some(date("2025-06-01")),
            extra: Default::default(),
        });
    assert_eq!(
        left_to_pay(&part, date("2025-06-01"))
            .unwrap()
            .map(|l| l.left),
        Some(d("21000.00"))
    );
    // No period starts on 2025-06-15.
    assert_eq!(left_to_pay(&s, date("2025-06-15")).unwrap(), None);
}
