//! Each field's name as the form's label says it, by its JSON path: for a refusal about a field
//! the form does not draw now. An imported file's termination date is wrong while the form has
//! no termination, or its third rate change while the form has one: the notice names
//! 服务终止日 and 利率变更第 3 行 · 自, not `termination.date`.
//!
//! The labels are the constants the form's views pass with the same paths; they are paired
//! twice, here and in the views. A unit test checks that each path the form names has a name
//! here, and a browser test that a field refused while not drawn is named as its label reads
//! once drawn (the termination date); a label changed in a view alone is not caught.

use super::paths::{self, change, fixing, labelled, paid, rate};
use crate::text::app::inputs::{
    breaches as br, late_payment as lp, payments as pm, rate_lists as rl, term_and_fees as tf,
};
use crate::text::Text;

/// A field's name: its label, and the list and row (from 1) it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldName {
    pub list: Option<(Text, usize)>,
    pub label: Text,
}

/// A list of the form: its path, its name, and a row's field's label by the field's path within
/// the row (`date`, `rate.fraction`).
type List = (&'static str, Text, fn(&str) -> Option<Text>);

const LISTS: [List; 5] = [
    (paths::FEES_COMPONENTS, tf::FEE_COMPONENTS, |field| {
        labelled_field(field, tf::COMPONENT, tf::COMPONENT_AMOUNT)
    }),
    (paths::PAYMENT_PAYMENTS, pm::PAYMENTS, |field| match field {
        paid::DATE => Some(pm::PAID_ON),
        paid::AMOUNT => Some(pm::AMOUNT),
        paid::FOR => Some(pm::PERIOD_OPTIONAL),
        _ => None,
    }),
    (
        paths::LATE_PAYMENT_RATE_CHANGES,
        rl::RATE_CHANGES,
        |field| match field.split_once('.') {
            Some((change::RATE, rate::FRACTION)) => Some(rl::RATE),
            Some((change::RATE, field)) => rate_label(field),
            None if field == change::FROM => Some(rl::FROM),
            None if field == change::RATE => Some(rl::THEN),
            _ => None,
        },
    ),
    (
        paths::LATE_PAYMENT_LPR_FIXINGS,
        rl::LPR_FIXINGS_ADDED,
        |field| match field {
            fixing::EFFECTIVE => Some(rl::EFFECTIVE),
            fixing::ONE_YEAR => Some(rl::ONE_YEAR),
            fixing::FIVE_YEAR => Some(rl::FIVE_YEAR),
            _ => None,
        },
    ),
    (paths::SUPPLIER_LOSSES, br::LOSSES, |field| {
        labelled_field(field, br::LOSS, br::LOSS_AMOUNT)
    }),
];

fn labelled_field(field: &str, label: Text, amount: Text) -> Option<Text> {
    match field {
        labelled::LABEL => Some(label),
        labelled::AMOUNT => Some(amount),
        _ => None,
    }
}

/// A field of a late-payment rate ([`paths::rate`]), the clause's or a change's.
fn rate_label(field: &str) -> Option<Text> {
    Some(match field {
        rate::KIND => lp::RATE_FORM,
        rate::FRACTION => lp::PENALTY_RATE,
        rate::UNIT => lp::UNIT,
        rate::PER_DAYS => lp::PER_N_DAYS,
        rate::PER_MONTHS => lp::PER_N_MONTHS,
        rate::LPR_MULTIPLE => lp::LPR_MULTIPLE,
        rate::BASIS_DAYS => lp::DAYS_PER_YEAR,
        rate::LPR_FIXING => lp::WHICH_DAYS_LPR,
        rate::LPR_TERM => lp::LPR_TERM,
        _ => return None,
    })
}

/// A field, or a part of the document, outside the lists.
fn plain_label(path: &str) -> Option<Text> {
    if let Some(field) = path
        .strip_prefix(paths::LATE_PAYMENT_RATE)
        .and_then(|rest| rest.strip_prefix('.'))
    {
        return rate_label(field);
    }
    Some(match path {
        paths::NAME => tf::SCENARIO_NAME,
        paths::AS_OF => tf::EVALUATION_DATE,
        "contract" => tf::CONTRACT,
        paths::CONTRACT_START => tf::FIRST_DAY_SERVICE,
        paths::CONTRACT_END_MODE => tf::TERM_GIVEN,
        paths::CONTRACT_TERM_MONTHS => tf::TERM,
        paths::CONTRACT_END => tf::LAST_DAY_SERVICE,
        paths::CONTRACT_RENEWAL_MONTHS => tf::AUTO_RENEWAL,
        "fees" => tf::FEES,
        paths::FEES_CYCLE => tf::BILLING_CYCLE,
        paths::FEES_PARTIAL_CYCLE => tf::PARTIAL_CYCLE,
        paths::FEES_COMPONENTS => tf::FEE_COMPONENTS,
        "payment" => pm::PAYMENT_TERMS,
        "payment.due" | paths::PAYMENT_DUE_RULE => pm::WHEN_FEES_ARE_DUE,
        paths::PAYMENT_DUE_DAY => pm::DAY_MONTH,
        paths::PAYMENT_DUE_INVOICE_DAY => pm::INVOICE_DAY,
        paths::PAYMENT_DUE_DAYS => pm::DAYS,
        paths::PAYMENT_DUE_DAY_TYPE => pm::DAY_TYPE,
        paths::PAYMENT_CALENDAR => pm::CALENDAR,
        paths::PAYMENT_PAYMENTS => pm::PAYMENTS,
        "late_payment" => lp::LATE_PAYMENT_PENALTY,
        paths::LATE_PAYMENT_RATE => lp::RATE_FORM,
        paths::LATE_PAYMENT_RATE_CHANGES => rl::RATE_CHANGES,
        paths::LATE_PAYMENT_PARTIAL_PERIOD => lp::STARTED_PERIOD,
        paths::LATE_PAYMENT_CAP_FRACTION => lp::CAP,
        paths::LATE_PAYMENT_CAP_BASE => lp::CAP_BASE,
        paths::LATE_PAYMENT_DAY_COUNT => lp::DAYS_COUNTED,
        paths::LATE_PAYMENT_ACCRUES_FROM => lp::ACCRUES_FROM_OPTIONAL,
        paths::LATE_PAYMENT_ROUNDING => lp::ROUNDING,
        paths::LATE_PAYMENT_LPR_FIXINGS => rl::LPR_FIXINGS_ADDED,
        paths::LATE_PAYMENT_SUSPEND_AFTER_DAYS => lp::SUSPEND_AFTER,
        paths::LATE_PAYMENT_TERMINATE_AFTER_DAYS => lp::TERMINATE_AFTER,
        "supplier_breaches" => br::SUPPLIER_BREACHES,
        "supplier_breaches.subcontracting" => br::SUBCONTRACTING_CLAUSE,
        paths::SUBCONTRACTING_PENALTY_FRACTION => br::SUBCONTRACTING_PENALTY,
        paths::SUBCONTRACTING_OCCURRED_ON => br::SUBCONTRACTING_OCCURRED,
        "supplier_breaches.service_incidents" => br::PER_INCIDENT_PENALTY,
        paths::SERVICE_INCIDENTS_COUNT => br::INCIDENTS,
        paths::SERVICE_INCIDENTS_PENALTY_EACH => br::PER_INCIDENT,
        "supplier_breaches.substandard_service" => br::SUBSTANDARD_SERVICE_PENALTY,
        paths::SUBSTANDARD_SERVICE_VALUE => br::VALUE_SUBSTANDARD_SERVICE,
        paths::SUBSTANDARD_SERVICE_FRACTION => br::PENALTY_SHARE,
        paths::SUPPLIER_CONFIDENTIALITY_PENALTY => br::SUPPLIER_CONFIDENTIALITY_PENALTY,
        paths::SUPPLIER_LOSSES => br::LOSSES,
        "client_breaches" => br::CLIENT_BREACHES,
        paths::CLIENT_CONFIDENTIALITY_PENALTY => br::CLIENT_CONFIDENTIALITY_PENALTY,
        "termination" => br::TERMINATION_SETTLEMENT,
        paths::TERMINATION_DATE => br::TERMINATION_DATE,
        paths::TERMINATION_REASON => br::REASON,
        paths::TERMINATION_BREACH_PENALTY_FRACTION => br::BREACH_PENALTY,
        paths::TERMINATION_SETTLEMENT_DAYS => br::SETTLE_WITHIN,
        _ => return None,
    })
}

/// The name of the field at `path`, as its label on the form says it; `None` for a path the
/// form has no label for (`format`, a later version's field).
pub fn field_name(path: &str) -> Option<FieldName> {
    for (list, name, row_label) in LISTS {
        let Some(row) = paths::row_of(list, path) else {
            continue;
        };
        // The row itself (`payment.payments[3]`, an entry that is no object) is named by the
        // list's name and its row.
        let field = path.split_once("].").map_or("", |(_, field)| field);
        let label = if field.is_empty() {
            name
        } else {
            row_label(field)?
        };
        return Some(FieldName {
            list: Some((name, row + 1)),
            label,
        });
    }
    plain_label(path).map(|label| FieldName { list: None, label })
}

#[cfg(test)]
mod tests {
    //! Refusals of an imported file name the field as the form's label does.
    use super::*;
    use crate::document::read::parse_scenario;

    fn named(path: &str) -> Option<(Option<(&'static str, usize)>, &'static str)> {
        field_name(path).map(|n| (n.list.map(|(l, r)| (l.0, r)), n.label.0))
    }

    #[test]
    fn a_field_outside_the_lists_is_named_by_its_label() {
        assert_eq!(named(paths::TERMINATION_DATE), Some((None, "服务终止日")));
        assert_eq!(named("late_payment.rate.per_days"), Some((None, "每 N 日")));
        assert_eq!(named("termination"), Some((None, "提前终止与结算")));
        assert_eq!(named("format"), None);
        assert_eq!(named("late_payment.rate.colour"), None);
    }

    #[test]
    fn a_field_in_a_list_is_named_with_its_list_and_row_from_one() {
        assert_eq!(
            named("late_payment.rate_changes[2].from"),
            Some((Some(("利率变更", 3)), "自"))
        );
        assert_eq!(
            named("late_payment.rate_changes[0].rate.fraction"),
            Some((Some(("利率变更", 1)), "比例"))
        );
        assert_eq!(
            named("late_payment.rate_changes[0].rate.lpr_multiple"),
            Some((Some(("利率变更", 1)), "LPR 倍数"))
        );
        assert_eq!(
            named("payment.payments[11].for"),
            Some((Some(("付款记录", 12)), "抵充哪一期（可选）"))
        );
        assert_eq!(
            named("supplier_breaches.losses[0]"),
            Some((Some(("损失", 1)), "损失"))
        );
        assert_eq!(named("fees.components[0].colour"), None);
    }

    /// Every field the form draws has its label here: each path the form names.
    #[test]
    fn every_path_the_form_names_has_a_name() {
        let rate_fields = [
            rate::KIND,
            rate::FRACTION,
            rate::UNIT,
            rate::PER_DAYS,
            rate::PER_MONTHS,
            rate::LPR_MULTIPLE,
            rate::BASIS_DAYS,
            rate::LPR_FIXING,
            rate::LPR_TERM,
        ];
        let mut all: Vec<String> = [
            paths::NAME,
            paths::AS_OF,
            paths::CONTRACT_START,
            paths::CONTRACT_END_MODE,
            paths::CONTRACT_TERM_MONTHS,
            paths::CONTRACT_END,
            paths::CONTRACT_RENEWAL_MONTHS,
            paths::FEES_CYCLE,
            paths::FEES_PARTIAL_CYCLE,
            paths::FEES_COMPONENTS,
            paths::PAYMENT_DUE_RULE,
            paths::PAYMENT_DUE_DAY,
            paths::PAYMENT_DUE_INVOICE_DAY,
            paths::PAYMENT_DUE_DAYS,
            paths::PAYMENT_DUE_DAY_TYPE,
            paths::PAYMENT_CALENDAR,
            paths::PAYMENT_PAYMENTS,
            paths::LATE_PAYMENT_RATE,
            paths::LATE_PAYMENT_RATE_CHANGES,
            paths::LATE_PAYMENT_PARTIAL_PERIOD,
            paths::LATE_PAYMENT_CAP_FRACTION,
            paths::LATE_PAYMENT_CAP_BASE,
            paths::LATE_PAYMENT_DAY_COUNT,
            paths::LATE_PAYMENT_ACCRUES_FROM,
            paths::LATE_PAYMENT_ROUNDING,
            paths::LATE_PAYMENT_LPR_FIXINGS,
            paths::LATE_PAYMENT_SUSPEND_AFTER_DAYS,
            paths::LATE_PAYMENT_TERMINATE_AFTER_DAYS,
            paths::SUBCONTRACTING_PENALTY_FRACTION,
            paths::SUBCONTRACTING_OCCURRED_ON,
            paths::SERVICE_INCIDENTS_COUNT,
            paths::SERVICE_INCIDENTS_PENALTY_EACH,
            paths::SUBSTANDARD_SERVICE_VALUE,
            paths::SUBSTANDARD_SERVICE_FRACTION,
            paths::SUPPLIER_CONFIDENTIALITY_PENALTY,
            paths::SUPPLIER_LOSSES,
            paths::CLIENT_CONFIDENTIALITY_PENALTY,
            paths::TERMINATION_DATE,
            paths::TERMINATION_REASON,
            paths::TERMINATION_BREACH_PENALTY_FRACTION,
            paths::TERMINATION_SETTLEMENT_DAYS,
        ]
        .iter()
        .map(|p| p.to_string())
        .collect();
        for field in rate_fields {
            all.push(paths::rate_field(paths::LATE_PAYMENT_RATE, field));
            all.push(paths::rate_field(
                &paths::rate_change(4, change::RATE),
                field,
            ));
        }
        all.extend([
            paths::component(0, labelled::LABEL),
            paths::component(0, labelled::AMOUNT),
            paths::loss(3, labelled::LABEL),
            paths::loss(3, labelled::AMOUNT),
            paths::payment(7, paid::DATE),
            paths::payment(7, paid::AMOUNT),
            paths::payment(7, paid::FOR),
            paths::rate_change(1, change::FROM),
            paths::rate_change(1, change::RATE),
            paths::lpr_fixing(0, fixing::EFFECTIVE),
            paths::lpr_fixing(0, fixing::ONE_YEAR),
            paths::lpr_fixing(0, fixing::FIVE_YEAR),
        ]);
        for path in all {
            assert!(field_name(&path).is_some(), "{path} has no name");
        }
    }

    /// What an import says of a wrong rate change the form does not show.
    #[test]
    fn the_document_readers_refusal_is_named_by_the_forms_label() {
        let starter = crate::document::samples::starter(
            chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap(),
        );
        let mut doc = serde_json::to_value(&starter).unwrap();
        doc["late_payment"]["rate_changes"] = serde_json::json!([
            { "from": "2025-03-01", "rate": { "fraction": "0.0003", "per_days": 1 } },
            { "from": "2025-02-01", "rate": { "fraction": "0.0004", "per_days": 1 } }
        ]);
        let e = parse_scenario(&doc.to_string()).unwrap_err();
        assert_eq!(e.path, "late_payment.rate_changes[1].from");
        let name = field_name(&e.path).unwrap();
        assert_eq!(name.list, Some((rl::RATE_CHANGES, 2)));
        assert_eq!(name.label, rl::FROM);
    }
}
