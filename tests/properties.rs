//! Properties that must hold for every scenario, checked on generated ones (proptest):
//! paying earlier never costs more, penalties only grow with time, whole periods cost at least as
//! much as pro rata, caps (per cycle and aggregate) hold, splitting into segments without a rate
//! change changes nothing, a floating LPR never exceeds the due date's while rates fall,
//! designated payments never change what was paid, totals add up, settlements equal their parts,
//! scenarios survive a save/load round trip, and no input makes the engine panic.

use chrono::{Days, NaiveDate};
use contract_calc::document::read::compute_json;
use contract_calc::document::read::parse_scenario;
use contract_calc::engine::calendar::Calendar;
use contract_calc::engine::compute::{compute, ComputeResult};
use contract_calc::engine::money::round_yuan;
use contract_calc::engine::scenario::*;
use contract_calc::engine::termination::Payer;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn day(from: &str, offset: u32) -> NaiveDate {
    NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap() + Days::new(offset.into())
}

fn money(max_cents: i64) -> impl Strategy<Value = Decimal> {
    (0..=max_cents).prop_map(|c| Decimal::new(c, 2))
}

fn fraction() -> impl Strategy<Value = Decimal> {
    (0i64..=200).prop_map(|f| Decimal::new(f, 4))
}

fn due_rule() -> impl Strategy<Value = DueRule> {
    let day_type = prop_oneof![Just(DayType::Calendar), Just(DayType::Working)];
    prop_oneof![
        (1u32..=31).prop_map(|day| DueRule::DayOfNextMonth {
            day,
            extra: Extra::new()
        }),
        (0u32..=30, day_type.clone()).prop_map(|(days, day_type)| DueRule::DaysAfterCycleEnd {
            days,
            day_type,
            extra: Extra::new()
        }),
        (0u32..=30, day_type.clone()).prop_map(|(days, day_type)| DueRule::DaysAfterCycleStart {
            days,
            day_type,
            extra: Extra::new()
        }),
        (1u32..=31, 0u32..=20, day_type).prop_map(|(invoice_day, days, day_type)| {
            DueRule::DaysAfterInvoice {
                invoice_day,
                days,
                day_type,
                extra: Extra::new(),
            }
        }),
    ]
}

fn rate() -> impl Strategy<Value = Rate> {
    let fixing = prop_oneof![
        Just(LprFixing::DueDate),
        Just(LprFixing::FirstDayLate),
        Just(LprFixing::ContractStart),
        Just(LprFixing::Floating),
        (0u32..700).prop_map(|o| LprFixing::On(day("2024-01-01", o))),
    ];
    prop_oneof![
        (fraction(), 1u32..=30).prop_map(|(fraction, per_days)| Rate::Fraction {
            fraction,
            per_days,
            extra: Extra::new()
        }),
        ((0i64..=300).prop_map(|f| Decimal::new(f, 4)), 1u32..=3).prop_map(
            |(fraction, per_months)| Rate::Monthly {
                fraction,
                per_months,
                extra: Extra::new()
            }
        ),
        (
            (1i64..=40).prop_map(|m| Decimal::new(m, 1)),
            prop_oneof![Just(360u32), Just(365u32)],
            fixing,
            prop_oneof![Just(LprTerm::OneYear), Just(LprTerm::FiveYear)],
        )
            .prop_map(
                |(lpr_multiple, basis_days, lpr_fixing, lpr_term)| Rate::Lpr {
                    lpr_multiple,
                    basis_days,
                    lpr_fixing,
                    lpr_term,
                    extra: Extra::new()
                }
            ),
    ]
}

fn is_floating(r: &Rate) -> bool {
    matches!(
        r,
        Rate::Lpr {
            lpr_fixing: LprFixing::Floating,
            ..
        }
    )
}

fn late_payment() -> impl Strategy<Value = LatePayment> {
    (
        rate(),
        proptest::collection::vec((1u32..200, rate()), 0..3),
        prop_oneof![Just(PartialPeriod::ProRata), Just(PartialPeriod::Full)],
        proptest::option::of((0i64..=50).prop_map(|c| Decimal::new(c, 2))),
        proptest::option::of(0u32..=90),
        proptest::option::of(0u32..=120),
        (
            prop_oneof![
                Just(DayCount::Standard),
                Just(DayCount::ExcludeEnd),
                Just(DayCount::IncludeDueDate)
            ],
            proptest::option::of(0u32..800),
            prop_oneof![
                Just(CapBase::Cycle),
                Just(CapBase::ContractTotal),
                Just(CapBase::Overdue)
            ],
            prop_oneof![Just(Rounding::PerCycle), Just(Rounding::PerSegment)],
        ),
    )
        .prop_map(
            |(
                rate,
                changes,
                partial_period,
                cap_fraction,
                suspend_after_days,
                terminate_after_days,
                (day_count, accrues_from, cap_base, rounding),
            )| {
                let mut from = 0;
                let rate_changes: Vec<RateChange> = changes
                    .into_iter()
                    .map(|(gap, rate)| {
                        from += gap;
                        RateChange {
                            from: day("2024-01-01", from),
                            rate,
                            extra: Extra::new(),
                        }
                    })
                    .collect();
                // §9: a floating LPR accrues by the day, so it is never counted in whole periods.
                let any_floating =
                    is_floating(&rate) || rate_changes.iter().any(|c| is_floating(&c.rate));
                LatePayment {
                    rate,
                    rate_changes,
                    partial_period: if any_floating {
                        PartialPeriod::ProRata
                    } else {
                        partial_period
                    },
                    day_count,
                    accrues_from: accrues_from.map(|o| day("2024-01-01", o)),
                    cap_fraction,
                    cap_base,
                    rounding,
                    lpr_fixings: Vec::new(),
                    suspend_after_days,
                    terminate_after_days,
                    extra: Extra::new(),
                }
            },
        )
}

fn supplier_breaches() -> impl Strategy<Value = SupplierBreaches> {
    (
        proptest::option::of((fraction(), any::<bool>(), proptest::option::of(0u32..700))),
        proptest::option::of((0u32..20, money(500_000))),
        proptest::option::of((money(10_000_000), fraction())),
        proptest::option::of(money(10_000_000)),
        proptest::collection::vec(money(5_000_000), 0..3),
    )
        .prop_map(
            |(sub, incidents, substandard, confidentiality, losses)| SupplierBreaches {
                subcontracting: sub.map(|(penalty_fraction, refund_paid, on)| Subcontracting {
                    penalty_fraction,
                    refund_paid,
                    occurred_on: on.map(|o| day("2024-01-01", o)),
                    extra: Extra::new(),
                }),
                service_incidents: incidents.map(|(count, penalty_each)| ServiceIncidents {
                    count,
                    penalty_each,
                    extra: Extra::new(),
                }),
                substandard_service: substandard.map(|(value, fraction)| SubstandardService {
                    value,
                    fraction,
                    extra: Extra::new(),
                }),
                confidentiality_penalty: confidentiality,
                losses: losses
                    .into_iter()
                    .map(|amount| Loss {
                        label: "客户索赔".into(),
                        amount,
                        extra: Extra::new(),
                    })
                    .collect(),
                extra: Extra::new(),
            },
        )
}

/// Scenarios whose every date lies inside the holiday and LPR tables: start in 2024–2025, at most
/// two years, ending by 2026-01-31.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (0u32..600, 0u32..730, 0u32..=24, 0u32..800),
        prop_oneof![
            Just(Cycle::Monthly),
            Just(Cycle::Quarterly),
            Just(Cycle::Yearly)
        ],
        prop_oneof![Just(PartialCycle::ByDays), Just(PartialCycle::Full)],
        proptest::collection::vec(money(10_000_000), 1..4),
        due_rule(),
        prop_oneof![
            Just(Calendar::Cn),
            Just(Calendar::Weekends),
            Just(Calendar::None)
        ],
        proptest::collection::vec((0u32..800, money(20_000_000)), 0..12),
        proptest::option::of(late_payment()),
        proptest::option::of(supplier_breaches()),
        proptest::option::of(money(1_000_000)),
        proptest::option::of((
            0u32..730,
            0u8..5,
            proptest::option::of(fraction()),
            0u32..60,
        )),
    )
        .prop_map(
            |(
                dates,
                cycle,
                partial,
                amounts,
                due,
                calendar,
                payments,
                late,
                supplier,
                client_conf,
                termination,
            )| {
                let (start_off, len, renewal, as_of_off) = dates;
                let start = day("2024-01-01", start_off);
                let end = day("2024-01-01", start_off + len).min(day("2026-01-31", 0));
                let reason = |r: u8, has_sub: bool| match r {
                    0 => TerminationReason::Mutual,
                    1 => TerminationReason::ForceMajeure,
                    2 => TerminationReason::ClientBreach,
                    3 => TerminationReason::SupplierBreach,
                    _ if has_sub => TerminationReason::Subcontracting,
                    _ => TerminationReason::Mutual,
                };
                let has_sub = supplier
                    .as_ref()
                    .is_some_and(|s| s.subcontracting.is_some());
                Scenario {
                    format: FORMAT.into(),
                    version: VERSION,
                    name: "生成的方案".into(),
                    as_of: day("2024-01-01", as_of_off),
                    contract: Contract {
                        start,
                        end,
                        renewal_months: renewal,
                        extra: Extra::new(),
                    },
                    fees: Fees {
                        cycle,
                        partial_cycle: partial,
                        components: amounts
                            .into_iter()
                            .map(|amount| FeeComponent {
                                label: "基本服务费".into(),
                                amount,
                                extra: Extra::new(),
                            })
                            .collect(),
                        extra: Extra::new(),
                    },
                    payment: Payment {
                        due,
                        calendar,
                        payments: payments
                            .into_iter()
                            .map(|(o, amount)| PaymentMade {
                                date: day("2024-01-01", o),
                                amount,
                                for_period: None,
                                extra: Extra::new(),
                            })
                            .collect(),
                        extra: Extra::new(),
                    },
                    late_payment: late,
                    supplier_breaches: supplier,
                    client_breaches: client_conf.map(|c| ClientBreaches {
                        confidentiality_penalty: Some(c),
                        extra: Extra::new(),
                    }),
                    termination: termination.map(|(t, r, f, days)| Termination {
                        date: (start + Days::new(t.into())).min(end),
                        reason: reason(r, has_sub),
                        breach_penalty_fraction: f,
                        settlement_days: days,
                        extra: Extra::new(),
                    }),
                    extra: Extra::new(),
                }
            },
        )
}

fn run(s: &Scenario) -> ComputeResult {
    // Every generated scenario is valid: it must pass the same checks a file does.
    let reread =
        parse_scenario(&s.to_json()).unwrap_or_else(|e| panic!("{e}\n{}", s.to_json_pretty()));
    compute(&reread).unwrap_or_else(|e| panic!("{e:?}\n{}", s.to_json_pretty()))
}

fn total_penalty(s: &Scenario) -> Decimal {
    run(s).late_payment.total_penalty
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn paying_earlier_never_raises_the_penalty(s in scenario(), pick in any::<prop::sample::Index>(), earlier in 1u32..60) {
        prop_assume!(!s.payment.payments.is_empty());
        // Rounding each segment may add a fen where an earlier payment splits a tranche anew.
        prop_assume!(s.late_payment.as_ref().is_none_or(|l| l.rounding == Rounding::PerCycle));
        let mut sooner = s.clone();
        let p = &mut sooner.payment.payments[pick.index(s.payment.payments.len())];
        p.date = p.date - Days::new(earlier.into());
        prop_assert!(total_penalty(&sooner) <= total_penalty(&s));
    }

    #[test]
    fn penalties_grow_with_the_evaluation_date(s in scenario(), later in 1u32..200) {
        // Rounding each segment may lose a fen where a payment that now counts splits a tranche.
        prop_assume!(s.late_payment.as_ref().is_none_or(|l| l.rounding == Rounding::PerCycle));
        let mut next = s.clone();
        next.as_of = s.as_of + Days::new(later.into());
        prop_assert!(total_penalty(&next) >= total_penalty(&s));
    }

    #[test]
    fn pro_rata_never_exceeds_whole_periods(s in scenario()) {
        prop_assume!(s.late_payment.as_ref().is_some_and(|l| {
            !is_floating(&l.rate) && !l.rate_changes.iter().any(|c| is_floating(&c.rate))
        }));
        let (mut pro, mut full) = (s.clone(), s.clone());
        pro.late_payment.as_mut().unwrap().partial_period = PartialPeriod::ProRata;
        full.late_payment.as_mut().unwrap().partial_period = PartialPeriod::Full;
        prop_assert!(total_penalty(&pro) <= total_penalty(&full));
    }

    #[test]
    fn a_cap_is_never_exceeded(s in scenario()) {
        let terms = s.late_payment.clone();
        let cap = terms.as_ref().and_then(|l| l.cap_fraction);
        prop_assume!(cap.is_some());
        let (terms, cap) = (terms.unwrap(), cap.unwrap());
        let r = run(&s);
        let sum: Decimal = r.total_fees.cycles.iter().map(|c| c.penalty).sum();
        match terms.cap_base {
            CapBase::Cycle => {
                for c in &r.total_fees.cycles {
                    prop_assert!(c.penalty <= round_yuan(cap * c.amount), "{c:?}");
                }
                prop_assert_eq!(r.late_payment.total_penalty, sum);
            }
            CapBase::ContractTotal => {
                let limit = round_yuan(cap * r.total_fees.contract_total);
                prop_assert_eq!(r.late_payment.total_penalty, sum.min(limit));
                prop_assert_eq!(r.late_payment.cap_applied, sum > limit);
            }
            CapBase::Overdue => {
                prop_assert!(r.late_payment.total_penalty <= sum);
                let overdue: Decimal = r.total_fees.cycles.iter().map(|c| {
                    c.payments.iter().filter(|t| t.days_late > 0).map(|t| t.amount).sum::<Decimal>()
                        + if c.unpaid_days > 0 { c.outstanding } else { Decimal::ZERO }
                }).sum();
                prop_assert!(r.late_payment.total_penalty <= round_yuan(cap * overdue) + Decimal::new(1, 2));
            }
        }
    }

    #[test]
    fn segments_add_up_when_nothing_changes(s in scenario(), gaps in proptest::collection::vec(1u32..300, 1..4)) {
        // "Changing" to the same fixed rate on some dates splits the segments but, pro rata and
        // rounded once per cycle, the penalty is the same to the fen.
        prop_assume!(s.late_payment.as_ref().is_some_and(|l| !matches!(l.rate, Rate::Lpr { .. })));
        let mut plain = s.clone();
        let l = plain.late_payment.as_mut().unwrap();
        l.rate_changes.clear();
        l.partial_period = PartialPeriod::ProRata;
        l.rounding = Rounding::PerCycle;
        if let Rate::Monthly { .. } = l.rate {
            l.rate = Rate::Fraction { fraction: Decimal::new(5, 4), per_days: 1, extra: Extra::new() };
        }
        let mut split = plain.clone();
        let same = split.late_payment.as_ref().unwrap().rate.clone();
        let mut from = 0;
        split.late_payment.as_mut().unwrap().rate_changes = gaps.iter().map(|g| {
            from += g;
            RateChange { from: day("2024-01-01", from), rate: same.clone(), extra: Extra::new() }
        }).collect();
        let (a, b) = (run(&plain), run(&split));
        prop_assert_eq!(a.late_payment.total_penalty, b.late_payment.total_penalty);
        for (x, y) in a.total_fees.cycles.iter().zip(&b.total_fees.cycles) {
            prop_assert_eq!(x.penalty, y.penalty);
            prop_assert!(y.segments.len() >= x.segments.len());
        }
    }

    #[test]
    fn a_floating_lpr_never_exceeds_the_due_date_lpr_while_rates_fall(s in scenario(), multiple in 1i64..40, basis in prop_oneof![Just(360u32), Just(365u32)]) {
        // Every LPR since 2015-10-24 is at or below the one before it, so each later day's rate
        // is at most the due date's.
        let terms = |fixing| LatePayment {
            rate: Rate::Lpr { lpr_multiple: Decimal::new(multiple, 1), basis_days: basis, lpr_fixing: fixing, lpr_term: LprTerm::OneYear, extra: Extra::new() },
            rate_changes: Vec::new(),
            partial_period: PartialPeriod::ProRata,
            day_count: DayCount::Standard,
            accrues_from: None,
            cap_fraction: None,
            cap_base: CapBase::Cycle,
            rounding: Rounding::PerCycle,
            lpr_fixings: Vec::new(),
            suspend_after_days: None,
            terminate_after_days: None,
            extra: Extra::new(),
        };
        let (mut floating, mut fixed) = (s.clone(), s.clone());
        floating.late_payment = Some(terms(LprFixing::Floating));
        fixed.late_payment = Some(terms(LprFixing::DueDate));
        let (f, d) = (run(&floating), run(&fixed));
        for (x, y) in f.total_fees.cycles.iter().zip(&d.total_fees.cycles) {
            prop_assert!(x.penalty <= y.penalty, "{x:?} {y:?}");
        }
    }

    #[test]
    fn designated_payments_never_change_the_total_paid(s in scenario(), picks in proptest::collection::vec(any::<prop::sample::Index>(), 12)) {
        let mut named = s.clone();
        let starts: Vec<NaiveDate> = run(&s).total_fees.cycles.iter().map(|c| c.start).collect();
        prop_assume!(!starts.is_empty());
        for (p, i) in named.payment.payments.iter_mut().zip(&picks) {
            p.for_period = Some(starts[i.index(starts.len())]);
        }
        let (a, b) = (run(&s), run(&named));
        prop_assert_eq!(a.paid, b.paid);
        prop_assert_eq!(a.unapplied_payments, b.unapplied_payments);
        let paid = |r: &ComputeResult| r.total_fees.cycles.iter().map(|c| c.paid).sum::<Decimal>();
        prop_assert_eq!(paid(&a), paid(&b));
    }

    #[test]
    fn the_contract_total_is_the_sum_of_its_cycles(mut s in scenario()) {
        s.termination = None;
        let r = run(&s);
        let sum: Decimal = r.total_fees.cycles.iter().map(|c| c.amount).sum();
        prop_assert_eq!(r.total_fees.contract_total, sum);
        prop_assert!(r.total_fees.with_renewal >= r.total_fees.contract_total);
        let paid: Decimal = r.total_fees.cycles.iter().map(|c| c.paid).sum();
        prop_assert_eq!(r.paid, paid + r.unapplied_payments);
    }

    #[test]
    fn the_termination_net_equals_its_parts(s in scenario()) {
        prop_assume!(s.termination.is_some());
        let t = run(&s).termination.unwrap();
        let signed = t.earned - t.paid + t.late_penalty + t.client_charges - t.supplier_charges;
        prop_assert_eq!(t.net, signed.abs());
        let expected_payer = if signed > Decimal::ZERO { Payer::Client } else if signed < Decimal::ZERO { Payer::Supplier } else { Payer::None };
        prop_assert_eq!(t.payer, expected_payer);
        let lines: Decimal = t.supplier_charge_lines.iter().map(|c| c.amount).sum();
        prop_assert_eq!(t.supplier_charges, lines);
    }

    #[test]
    fn a_scenario_survives_save_and_load(mut s in scenario(), note in "[a-z一-龥]{0,8}") {
        let note = serde_json::value::to_raw_value(&json!({ "text": note, "n": 1 })).unwrap();
        s.extra.insert("app_note".into(), note);
        let once = parse_scenario(&s.to_json()).unwrap();
        prop_assert_eq!(&once, &s);
        prop_assert_eq!(once.to_json(), s.to_json());
    }

    #[test]
    fn no_field_value_makes_compute_panic(s in scenario(), which in any::<prop::sample::Index>(), junk in junk_value()) {
        // Replace one leaf of a valid document with junk: the engine answers Ok or Err, never panics.
        let mut doc = s.to_json_value();
        let mut leaves = Vec::new();
        collect_leaves(&doc, String::new(), &mut leaves);
        let target = &leaves[which.index(leaves.len())];
        *doc.pointer_mut(target).unwrap() = junk;
        let _ = compute_json(&doc.to_string());
    }

    #[test]
    fn no_text_makes_compute_panic(text in ".{0,200}") {
        let _ = compute_json(&text);
    }

    #[test]
    fn nothing_typed_into_the_form_makes_it_panic(s in scenario(), typed in proptest::collection::vec(".{0,24}", 12)) {
        // Whatever lands in the text fields, the form answers with a scenario or with messages.
        let mut f = contract_calc::form::FormState::from_scenario(&s);
        f.late_enabled = true;
        f.termination_enabled = true;
        f.subcontracting_enabled = true;
        f.incidents_enabled = true;
        f.substandard_enabled = true;
        let mut t = typed.into_iter();
        let mut next = || t.next().unwrap_or_default();
        f.start = next();
        f.end = next();
        f.as_of = next();
        f.renewal_months = next();
        f.due_day = next();
        f.rate_value = next();
        f.per_days = next();
        f.cap_percent = next();
        f.termination_date = next();
        f.settlement_days = next();
        f.incident_count = next();
        if let Some(c) = f.components.first_mut() {
            c.amount = next();
        }
        match f.to_scenario() {
            Ok(s) => { let _ = compute(&s); }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }
}

fn junk_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(-1)),
        Just(json!(0)),
        Just(json!(1.5)),
        Just(json!(u64::MAX)),
        Just(json!("")),
        Just(json!("-0.01")),
        Just(json!("79228162514264337593543950335")),
        Just(json!("0.0000000000000000000000000001")),
        Just(json!("1900-01-01")),
        Just(json!("2200-12-31")),
        Just(json!("9999-99-99")),
        Just(json!([])),
        Just(json!({})),
        Just(json!(true)),
        "[ -~]{0,12}".prop_map(Value::String),
        (0u64..100_000).prop_map(|n| json!(n)),
    ]
}

fn collect_leaves(v: &Value, path: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, c)| collect_leaves(c, format!("{path}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| collect_leaves(c, format!("{path}/{i}"), out)),
        _ => {}
    }
    if !path.is_empty() {
        out.push(path);
    }
}
