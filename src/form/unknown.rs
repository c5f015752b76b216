//! Fields the form does not know (a later version's, another tool's) are carried over from the
//! document it was loaded from, so re-saving a scenario keeps them.

use serde_json::Value;

/// Carries over from `original` every object field the form does not write (fields of a later
/// version or another tool), so re-saving a scenario keeps them.
pub(super) fn with_unknown_fields(mut doc: Value, original: &Value) -> Value {
    merge_unknown(&mut doc, original);
    doc
}

/// Every field name version 1 defines: these the form writes itself (or leaves out on purpose,
/// as when the rate changes from a fraction to an LPR multiple).
const KNOWN_FIELDS: &[&str] = &[
    "format",
    "version",
    "name",
    "as_of",
    "contract",
    "start",
    "end",
    "renewal_months",
    "fees",
    "cycle",
    "partial_cycle",
    "components",
    "label",
    "amount",
    "payment",
    "due",
    "rule",
    "day",
    "days",
    "day_type",
    "invoice_day",
    "calendar",
    "payments",
    "date",
    "late_payment",
    "rate",
    "fraction",
    "per_days",
    "per_months",
    "lpr_multiple",
    "basis_days",
    "lpr_fixing",
    "lpr_term",
    "partial_period",
    "day_count",
    "accrues_from",
    "rounding",
    "rate_changes",
    "from",
    "lpr_fixings",
    "effective",
    "one_year",
    "five_year",
    "cap_fraction",
    "cap_base",
    "for",
    "suspend_after_days",
    "terminate_after_days",
    "supplier_breaches",
    "subcontracting",
    "penalty_fraction",
    "refund_paid",
    "occurred_on",
    "service_incidents",
    "count",
    "penalty_each",
    "substandard_service",
    "value",
    "confidentiality_penalty",
    "losses",
    "client_breaches",
    "termination",
    "reason",
    "breach_penalty_fraction",
    "settlement_days",
];

fn merge_unknown(doc: &mut Value, original: &Value) {
    match (doc, original) {
        (Value::Object(d), Value::Object(o)) => {
            for (k, ov) in o {
                match d.get_mut(k) {
                    Some(dv) => merge_unknown(dv, ov),
                    None if !KNOWN_FIELDS.contains(&k.as_str()) => {
                        d.insert(k.clone(), ov.clone());
                    }
                    None => {}
                }
            }
        }
        (Value::Array(d), Value::Array(o)) => {
            for (dv, ov) in d.iter_mut().zip(o) {
                merge_unknown(dv, ov);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::KNOWN_FIELDS;
    use crate::document::read::{parse_scenario, scenario_from_value};
    use serde_json::{json, Value};
    use std::collections::BTreeSet;

    fn keys(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(o) => {
                for (k, v) in o {
                    out.insert(k.clone());
                    keys(v, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }

    /// The list the form keeps of the fields it writes is the list of fields the document has:
    /// every field name the scenario writer emits, over documents that between them use every
    /// clause and every variant. A field added to the format and not to the list would be
    /// carried over from the loaded document after the user changed it in the form.
    #[test]
    fn the_forms_known_fields_are_the_documents_fields() {
        let mut docs: Vec<Value> = [
            include_str!("../../tests/fixtures/contract-into-2027.json"),
            include_str!("../../tests/fixtures/fee-components-2024.json"),
            include_str!("../../tests/fixtures/floating-lpr-court.json"),
            include_str!("../../tests/fixtures/monthly-operation-2025.json"),
            include_str!("../../tests/fixtures/termination-2025.json"),
        ]
        .iter()
        .map(|t| parse_scenario(t).unwrap().to_json_value())
        .collect();
        docs.push(crate::document::samples::ten_year_monthly().to_json_value());
        // The variants no sample uses: every due rule, a monthly rate, a rate change, a stated
        // LPR fixing day and term, the §9 conventions, a designated payment.
        let mut v = docs[0].clone();
        v["payment"]["due"] = json!({"rule": "days_after_invoice", "invoice_day": 25, "days": 15, "day_type": "working"});
        v["payment"]["payments"] =
            json!([{"date": "2027-02-10", "amount": "100.00", "for": "2027-01-01"}]);
        v["late_payment"] = json!({
            "rate": {"fraction": "0.0128", "per_months": 1},
            "rate_changes": [{"from": "2027-06-01", "rate": {"lpr_multiple": "1.5", "basis_days": 365, "lpr_fixing": "floating", "lpr_term": "five_year"}}],
            "partial_period": "pro_rata", "day_count": "exclude_end", "accrues_from": "2027-02-01",
            "cap_fraction": "0.3", "cap_base": "contract_total", "rounding": "per_segment",
            "lpr_fixings": [{"effective": "2026-05-20", "one_year": "3.00", "five_year": "3.50"}],
            "suspend_after_days": 30, "terminate_after_days": 60});
        docs.push(scenario_from_value(&v).unwrap().to_json_value());
        let mut v = docs[0].clone();
        v["payment"]["due"] = json!({"rule": "day_of_next_month", "day": 10});
        docs.push(scenario_from_value(&v).unwrap().to_json_value());

        let mut written = BTreeSet::new();
        docs.iter().for_each(|d| keys(d, &mut written));
        let known: BTreeSet<String> = KNOWN_FIELDS.iter().map(|k| k.to_string()).collect();
        assert_eq!(
            written.difference(&known).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "fields the document has and the form's list lacks"
        );
        assert_eq!(
            known.difference(&written).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "fields on the form's list that no document has (or no sample here uses)"
        );
    }
}
