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
