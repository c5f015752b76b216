//! The one place the form names a field by its JSON path: the typed builder names its errors
//! with these, and the inputs their element ids (`f-…`) and the error they show. The document's
//! reader keys its fields by the last segment of the same paths.
//!
//! A few paths name the form's own choices, which the document does not hold:
//! [`CONTRACT_END_MODE`], [`CONTRACT_TERM_MONTHS`], a rate's [`rate::KIND`] and [`rate::UNIT`].
//! Paths stay plain strings: an error is found by `e.path == path`.

/// The scenario's name.
pub const NAME: &str = "name";
/// The evaluation date.
pub const AS_OF: &str = "as_of";

/// §1 the term.
pub const CONTRACT_START: &str = "contract.start";
/// The form's choice: the term's end given as a date or as a number of months.
pub const CONTRACT_END_MODE: &str = "contract.end_mode";
/// The term in months (the form's; the document holds its end date).
pub const CONTRACT_TERM_MONTHS: &str = "contract.term_months";
pub const CONTRACT_END: &str = "contract.end";
pub const CONTRACT_RENEWAL_MONTHS: &str = "contract.renewal_months";

/// §1 the fees.
pub const FEES_CYCLE: &str = "fees.cycle";
pub const FEES_PARTIAL_CYCLE: &str = "fees.partial_cycle";
/// The list of fee components: see [`component`].
pub const FEES_COMPONENTS: &str = "fees.components";

/// §2 the due rule and the calendar, §3 the payments made.
pub const PAYMENT_DUE_RULE: &str = "payment.due.rule";
pub const PAYMENT_DUE_DAY: &str = "payment.due.day";
pub const PAYMENT_DUE_INVOICE_DAY: &str = "payment.due.invoice_day";
pub const PAYMENT_DUE_DAYS: &str = "payment.due.days";
pub const PAYMENT_DUE_DAY_TYPE: &str = "payment.due.day_type";
pub const PAYMENT_CALENDAR: &str = "payment.calendar";
/// The list of payments made: see [`payment`].
pub const PAYMENT_PAYMENTS: &str = "payment.payments";

/// §4, §9 the late-payment clause.
/// The clause's rate: its fields at [`rate_field`]; the choice of its form is named by this path.
pub const LATE_PAYMENT_RATE: &str = "late_payment.rate";
/// The list of §9 rate changes: see [`rate_change`].
pub const LATE_PAYMENT_RATE_CHANGES: &str = "late_payment.rate_changes";
pub const LATE_PAYMENT_PARTIAL_PERIOD: &str = "late_payment.partial_period";
pub const LATE_PAYMENT_CAP_FRACTION: &str = "late_payment.cap_fraction";
pub const LATE_PAYMENT_CAP_BASE: &str = "late_payment.cap_base";
pub const LATE_PAYMENT_DAY_COUNT: &str = "late_payment.day_count";
pub const LATE_PAYMENT_ACCRUES_FROM: &str = "late_payment.accrues_from";
pub const LATE_PAYMENT_ROUNDING: &str = "late_payment.rounding";
/// The list of LPR fixings the user adds: see [`lpr_fixing`].
pub const LATE_PAYMENT_LPR_FIXINGS: &str = "late_payment.lpr_fixings";
pub const LATE_PAYMENT_SUSPEND_AFTER_DAYS: &str = "late_payment.suspend_after_days";
pub const LATE_PAYMENT_TERMINATE_AFTER_DAYS: &str = "late_payment.terminate_after_days";

/// §5, §6 what the supplier may owe.
pub const SUBCONTRACTING_PENALTY_FRACTION: &str =
    "supplier_breaches.subcontracting.penalty_fraction";
pub const SUBCONTRACTING_OCCURRED_ON: &str = "supplier_breaches.subcontracting.occurred_on";
pub const SERVICE_INCIDENTS_COUNT: &str = "supplier_breaches.service_incidents.count";
pub const SERVICE_INCIDENTS_PENALTY_EACH: &str = "supplier_breaches.service_incidents.penalty_each";
pub const SUBSTANDARD_SERVICE_VALUE: &str = "supplier_breaches.substandard_service.value";
pub const SUBSTANDARD_SERVICE_FRACTION: &str = "supplier_breaches.substandard_service.fraction";
pub const SUPPLIER_CONFIDENTIALITY_PENALTY: &str = "supplier_breaches.confidentiality_penalty";
/// The list of losses: see [`loss`].
pub const SUPPLIER_LOSSES: &str = "supplier_breaches.losses";

/// §6 what the client may owe.
pub const CLIENT_CONFIDENTIALITY_PENALTY: &str = "client_breaches.confidentiality_penalty";

/// §6 the termination.
pub const TERMINATION_DATE: &str = "termination.date";
pub const TERMINATION_REASON: &str = "termination.reason";
pub const TERMINATION_BREACH_PENALTY_FRACTION: &str = "termination.breach_penalty_fraction";
pub const TERMINATION_SETTLEMENT_DAYS: &str = "termination.settlement_days";

/// The fields of a labelled amount: a fee component ([`component`]) or a loss ([`loss`]).
pub mod labelled {
    pub const LABEL: &str = "label";
    pub const AMOUNT: &str = "amount";
}

/// The fields of a payment made ([`payment`](super::payment)).
pub mod paid {
    pub const DATE: &str = "date";
    pub const AMOUNT: &str = "amount";
    /// §13 the billed period the payment is for.
    pub const FOR: &str = "for";
}

/// The fields of a §9 rate change ([`rate_change`](super::rate_change)).
pub mod change {
    pub const FROM: &str = "from";
    /// The rate from then on: its fields at [`rate_field`](super::rate_field).
    pub const RATE: &str = "rate";
}

/// The fields of an LPR fixing the user adds ([`lpr_fixing`](super::lpr_fixing)).
pub mod fixing {
    pub const EFFECTIVE: &str = "effective";
    pub const ONE_YEAR: &str = "one_year";
    pub const FIVE_YEAR: &str = "five_year";
}

/// The fields of a late-payment rate ([`rate_field`](super::rate_field)).
pub mod rate {
    /// The form's choice of the rate's form (a fraction per days, per months, an LPR multiple).
    pub const KIND: &str = "kind";
    pub const FRACTION: &str = "fraction";
    /// The form's choice of the unit a fraction is typed in.
    pub const UNIT: &str = "unit";
    pub const PER_DAYS: &str = "per_days";
    pub const PER_MONTHS: &str = "per_months";
    pub const LPR_MULTIPLE: &str = "lpr_multiple";
    pub const BASIS_DAYS: &str = "basis_days";
    pub const LPR_FIXING: &str = "lpr_fixing";
    pub const LPR_TERM: &str = "lpr_term";
}

/// Row `i` of the list at `list`, or its `field`.
fn row(list: &str, i: usize, field: &str) -> String {
    format!("{list}[{i}].{field}")
}

/// The row a path's first `[i]` names: 1 in `payment.payments[1].amount`.
pub fn first_index(path: &str) -> Option<usize> {
    let (_, rest) = path.split_once('[')?;
    rest.split_once(']')?.0.parse().ok()
}

/// Which row of the list at `list` the field at `path` is in: `payment.payments[12].date` → 12.
pub fn row_of(list: &str, path: &str) -> Option<usize> {
    path.strip_prefix(list)?
        .starts_with('[')
        .then(|| first_index(path))?
}

/// A field ([`labelled`]) of fee component `i`.
pub fn component(i: usize, field: &str) -> String {
    row(FEES_COMPONENTS, i, field)
}

/// A field ([`paid`]) of payment `i`.
pub fn payment(i: usize, field: &str) -> String {
    row(PAYMENT_PAYMENTS, i, field)
}

/// A field ([`change`]) of §9 rate change `i`.
pub fn rate_change(i: usize, field: &str) -> String {
    row(LATE_PAYMENT_RATE_CHANGES, i, field)
}

/// A field ([`fixing`]) of LPR fixing `i`.
pub fn lpr_fixing(i: usize, field: &str) -> String {
    row(LATE_PAYMENT_LPR_FIXINGS, i, field)
}

/// A field ([`labelled`]) of loss `i`.
pub fn loss(i: usize, field: &str) -> String {
    row(SUPPLIER_LOSSES, i, field)
}

/// A field ([`rate`]) of the rate at `base`: [`LATE_PAYMENT_RATE`] or a change's
/// (`rate_change(i, change::RATE)`).
pub fn rate_field(base: &str, field: &str) -> String {
    format!("{base}.{field}")
}

#[cfg(test)]
mod tests {
    //! Each path the form names is where the document holds the field, and where the form puts
    //! the field's error.
    use super::*;

    #[test]
    fn a_fields_row_is_read_back_from_its_path() {
        assert_eq!(row_of(PAYMENT_PAYMENTS, &payment(12, paid::DATE)), Some(12));
        assert_eq!(row_of(PAYMENT_PAYMENTS, "payment.payments[3]"), Some(3));
        assert_eq!(
            row_of(PAYMENT_PAYMENTS, &component(12, labelled::AMOUNT)),
            None
        );
        assert_eq!(row_of(PAYMENT_PAYMENTS, "payment.payments"), None);
        assert_eq!(row_of(FEES_COMPONENTS, "fees.components_x[1].amount"), None);
        // Any list's row, for naming a field in the list of problems.
        assert_eq!(first_index(&rate_change(2, "from")), Some(2));
        assert_eq!(first_index("contract.start"), None);
    }
    use crate::document::read::{MAX_LABEL_CHARS, MAX_LIST, MAX_NAME_CHARS};
    use crate::engine::scenario::{
        CapBase, DayCount, LprFixing, LprTerm, PartialCycle, PartialPeriod, Rounding,
    };
    use crate::form::{DueRuleKind, EndMode, FormState, LprFixingRow, RateKind};
    use serde_json::Value;

    /// The value at `path` (`payment.payments[3].date`) in `doc`, if there is one.
    fn at<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
        let pointer: String = path
            .replace('[', ".")
            .replace(']', "")
            .split('.')
            .map(|s| format!("/{s}"))
            .collect();
        doc.pointer(&pointer).filter(|v| !v.is_null())
    }

    /// Every clause on, and one of each list row the form edits.
    fn base() -> FormState {
        let mut f = FormState::from_scenario(&crate::document::samples::ten_year_monthly());
        f.accrues_from = "2016-02-15".into();
        f.payments[3].for_period = "2016-04-01".into();
        f.add_rate_change();
        f.lpr_fixings.push(LprFixingRow {
            effective: "2030-01-20".into(),
            one_year: "3".into(),
            five_year: "3.5".into(),
            ..Default::default()
        });
        f
    }

    type Edit = fn(&mut FormState);

    fn none(_: &mut FormState) {}

    fn lpr(f: &mut FormState) {
        f.rate_kind = RateKind::Lpr;
    }

    fn too_long(n: usize) -> String {
        "x".repeat(n + 1)
    }

    /// (the form's variant that shows the field, a bad value, the path of its error, whether
    /// the document holds the field).
    fn cases() -> Vec<(Edit, Edit, String, bool)> {
        let r = |field| rate_field(LATE_PAYMENT_RATE, field);
        let changed = |field| rate_field(&rate_change(0, change::RATE), field);
        vec![
            (
                none,
                |f| f.name = too_long(MAX_NAME_CHARS),
                NAME.into(),
                true,
            ),
            (none, |f| f.as_of = "x".into(), AS_OF.into(), true),
            (none, |f| f.start = "x".into(), CONTRACT_START.into(), true),
            (
                |f| {
                    f.end_mode = EndMode::Months;
                    f.term_months = "120".into();
                },
                |f| f.term_months = "x".into(),
                CONTRACT_TERM_MONTHS.into(),
                false,
            ),
            (none, |f| f.end = "x".into(), CONTRACT_END.into(), true),
            (
                none,
                |f| f.renewal_months = "x".into(),
                CONTRACT_RENEWAL_MONTHS.into(),
                true,
            ),
            (
                none,
                |f| f.components.resize(MAX_LIST + 1, Default::default()),
                FEES_COMPONENTS.into(),
                true,
            ),
            (
                none,
                |f| f.components[2].label = too_long(MAX_LABEL_CHARS),
                component(2, labelled::LABEL),
                true,
            ),
            (
                none,
                |f| f.components[2].amount = "x".into(),
                component(2, labelled::AMOUNT),
                true,
            ),
            (
                |f| {
                    f.due_rule = DueRuleKind::DayOfNextMonth;
                    f.due_day = "10".into();
                },
                |f| f.due_day = "32".into(),
                PAYMENT_DUE_DAY.into(),
                true,
            ),
            (
                none,
                |f| f.invoice_day = "x".into(),
                PAYMENT_DUE_INVOICE_DAY.into(),
                true,
            ),
            (
                none,
                |f| f.due_days = "x".into(),
                PAYMENT_DUE_DAYS.into(),
                true,
            ),
            (
                none,
                |f| f.payments.resize(MAX_LIST + 1, Default::default()),
                PAYMENT_PAYMENTS.into(),
                true,
            ),
            (
                none,
                |f| f.payments[3].date = "x".into(),
                payment(3, paid::DATE),
                true,
            ),
            (
                none,
                |f| f.payments[3].amount = "x".into(),
                payment(3, paid::AMOUNT),
                true,
            ),
            (
                none,
                |f| f.payments[3].for_period = "x".into(),
                payment(3, paid::FOR),
                true,
            ),
            (none, |f| f.rate_value = "x".into(), r(rate::FRACTION), true),
            (none, |f| f.per_days = "0".into(), r(rate::PER_DAYS), true),
            (
                |f| f.rate_kind = RateKind::Monthly,
                |f| f.per_months = "x".into(),
                r(rate::PER_MONTHS),
                true,
            ),
            (
                lpr,
                |f| f.lpr_multiple = "x".into(),
                r(rate::LPR_MULTIPLE),
                true,
            ),
            (lpr, |f| f.basis_days = 300, r(rate::BASIS_DAYS), true),
            (
                none,
                |f| f.rate_changes[0].from = "x".into(),
                rate_change(0, change::FROM),
                true,
            ),
            (
                none,
                |f| f.rate_changes[0].rate.value = "x".into(),
                changed(rate::FRACTION),
                true,
            ),
            (
                none,
                |f| f.rate_changes[0].rate.per_days = "0".into(),
                changed(rate::PER_DAYS),
                true,
            ),
            (
                none,
                |f| f.lpr_fixings[0].effective = "x".into(),
                lpr_fixing(0, fixing::EFFECTIVE),
                true,
            ),
            (
                none,
                |f| f.lpr_fixings[0].one_year = "x".into(),
                lpr_fixing(0, fixing::ONE_YEAR),
                true,
            ),
            (
                none,
                |f| f.lpr_fixings[0].five_year = "x".into(),
                lpr_fixing(0, fixing::FIVE_YEAR),
                true,
            ),
            (
                none,
                |f| f.cap_percent = "x".into(),
                LATE_PAYMENT_CAP_FRACTION.into(),
                true,
            ),
            (
                none,
                |f| f.accrues_from = "x".into(),
                LATE_PAYMENT_ACCRUES_FROM.into(),
                true,
            ),
            (
                none,
                |f| f.suspend_after_days = "x".into(),
                LATE_PAYMENT_SUSPEND_AFTER_DAYS.into(),
                true,
            ),
            (
                none,
                |f| f.terminate_after_days = "x".into(),
                LATE_PAYMENT_TERMINATE_AFTER_DAYS.into(),
                true,
            ),
            (
                none,
                |f| f.subcontracting_percent = "x".into(),
                SUBCONTRACTING_PENALTY_FRACTION.into(),
                true,
            ),
            (
                none,
                |f| f.subcontracting_on = "x".into(),
                SUBCONTRACTING_OCCURRED_ON.into(),
                true,
            ),
            (
                none,
                |f| f.incident_count = "x".into(),
                SERVICE_INCIDENTS_COUNT.into(),
                true,
            ),
            (
                none,
                |f| f.incident_penalty = "x".into(),
                SERVICE_INCIDENTS_PENALTY_EACH.into(),
                true,
            ),
            (
                none,
                |f| f.substandard_value = "x".into(),
                SUBSTANDARD_SERVICE_VALUE.into(),
                true,
            ),
            (
                none,
                |f| f.substandard_percent = "x".into(),
                SUBSTANDARD_SERVICE_FRACTION.into(),
                true,
            ),
            (
                none,
                |f| f.supplier_confidentiality = "x".into(),
                SUPPLIER_CONFIDENTIALITY_PENALTY.into(),
                true,
            ),
            (
                none,
                |f| f.losses.resize(MAX_LIST + 1, Default::default()),
                SUPPLIER_LOSSES.into(),
                true,
            ),
            (
                none,
                |f| f.losses[1].label = too_long(MAX_LABEL_CHARS),
                loss(1, labelled::LABEL),
                true,
            ),
            (
                none,
                |f| f.losses[1].amount = "x".into(),
                loss(1, labelled::AMOUNT),
                true,
            ),
            (
                none,
                |f| f.client_confidentiality = "x".into(),
                CLIENT_CONFIDENTIALITY_PENALTY.into(),
                true,
            ),
            (
                none,
                |f| f.termination_date = "x".into(),
                TERMINATION_DATE.into(),
                true,
            ),
            (
                none,
                |f| f.breach_percent = "x".into(),
                TERMINATION_BREACH_PENALTY_FRACTION.into(),
                true,
            ),
            (
                none,
                |f| f.settlement_days = "x".into(),
                TERMINATION_SETTLEMENT_DAYS.into(),
                true,
            ),
        ]
    }

    #[test]
    fn a_bad_field_is_refused_at_its_path_where_the_document_holds_it() {
        for (show, bad, path, in_document) in cases() {
            let mut f = base();
            show(&mut f);
            let doc = f.to_scenario().expect(&path).to_json_value();
            assert_eq!(
                at(&doc, &path).is_some(),
                in_document,
                "{path} in the document"
            );
            bad(&mut f);
            let errors = f.to_scenario().expect_err(&path);
            let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
            assert_eq!(paths, vec![path.as_str()]);
        }
    }

    #[test]
    fn every_choice_the_form_offers_is_a_field_of_the_document() {
        let mut f = base();
        f.partial_cycle = PartialCycle::Full;
        f.partial_period = PartialPeriod::Full;
        f.cap_base = CapBase::Overdue;
        f.day_count = DayCount::ExcludeEnd;
        f.rounding = Rounding::PerSegment;
        let mut l = f.clone();
        lpr(&mut l);
        l.basis_days = 360;
        l.lpr_fixing = LprFixing::Floating;
        l.lpr_term = LprTerm::FiveYear;
        l.partial_period = PartialPeriod::ProRata;
        let doc = f.to_scenario().unwrap().to_json_value();
        let lpr_doc = l.to_scenario().unwrap().to_json_value();
        for path in [
            FEES_CYCLE,
            FEES_PARTIAL_CYCLE,
            PAYMENT_DUE_RULE,
            PAYMENT_DUE_DAY_TYPE,
            PAYMENT_CALENDAR,
            LATE_PAYMENT_RATE,
            LATE_PAYMENT_PARTIAL_PERIOD,
            LATE_PAYMENT_CAP_BASE,
            LATE_PAYMENT_DAY_COUNT,
            LATE_PAYMENT_ROUNDING,
            TERMINATION_REASON,
        ] {
            assert!(at(&doc, path).is_some(), "{path}");
        }
        for field in [rate::BASIS_DAYS, rate::LPR_FIXING, rate::LPR_TERM] {
            let path = rate_field(LATE_PAYMENT_RATE, field);
            assert!(at(&lpr_doc, &path).is_some(), "{path}");
        }
        // The form's own choices: how the end is given, a rate's form and unit.
        for path in [
            CONTRACT_END_MODE.to_string(),
            rate_field(LATE_PAYMENT_RATE, rate::KIND),
            rate_field(LATE_PAYMENT_RATE, rate::UNIT),
        ] {
            assert!(at(&doc, &path).is_none(), "{path}");
        }
    }
}
