//! Ready-made scenarios: the app's first screen and the benchmark's ten-year contract.

use crate::document::read::parse_scenario;
use crate::engine::scenario::Scenario;
use chrono::{Datelike, Days, NaiveDate};
use serde_json::json;

/// The scenario a new user starts from: the outsourced after-sales operation agreement of the
/// spec (monthly fixed fee, 日万分之五, suspend after 30 days, terminate after 60, auto-renewal).
pub fn starter(as_of: NaiveDate) -> Scenario {
    let doc = json!({
        "format": "contract-calc/scenario", "version": 1,
        "name": "售后外包运营合同",
        "as_of": as_of.to_string(),
        "contract": {"start": "2025-01-01", "end": "2025-12-31", "renewal_months": 12},
        "fees": {"cycle": "monthly", "partial_cycle": "by_days",
                 "components": [{"label": "基本服务费", "amount": "45000.00"},
                                {"label": "系统维护费用", "amount": "5000.00"}]},
        "payment": {"due": {"rule": "day_of_next_month", "day": 10}, "calendar": "cn",
                    "payments": [{"date": "2025-02-10", "amount": "50000.00"},
                                 {"date": "2025-03-20", "amount": "50000.00"},
                                 {"date": "2025-04-10", "amount": "30000.00"},
                                 {"date": "2025-05-30", "amount": "70000.00"}]},
        "late_payment": {"rate": {"fraction": "0.0005", "per_days": 1}, "partial_period": "pro_rata",
                         "cap_fraction": null, "suspend_after_days": 30, "terminate_after_days": 60},
        "supplier_breaches": null,
        "client_breaches": null,
        "termination": null
    });
    // A fixed document the tests read back; its error text is not carried into the wasm.
    parse_scenario(&doc.to_string()).unwrap_or_else(|_| unreachable!("the starter scenario reads"))
}

/// A ten-year monthly contract with 120 payments (every fourth one late, one short) and every
/// clause switched on: cap, suspension and termination rights, subcontracting, incidents,
/// substandard service, losses, confidentiality, and a termination in the last month.
pub fn ten_year_monthly() -> Scenario {
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    let payments: Vec<_> = (0..120u32)
        .map(|i| {
            let month_start = crate::engine::fees::add_months(start, i + 1);
            let late = if i % 4 == 3 { 25 } else { 5 };
            let date = month_start.with_day(1).unwrap_or(month_start) + Days::new(late);
            let amount = if i % 10 == 9 { "48000.00" } else { "50000.00" };
            json!({"date": date.to_string(), "amount": amount})
        })
        .collect();
    let doc = json!({
        "format": "contract-calc/scenario", "version": 1,
        "name": "十年期售后外包（基准）",
        "as_of": "2026-03-31",
        "contract": {"start": "2016-01-01", "end": "2025-12-31", "renewal_months": 24},
        "fees": {"cycle": "monthly", "partial_cycle": "by_days",
                 "components": [{"label": "基本服务费", "amount": "30000.00"},
                                {"label": "增值服务费", "amount": "8000.00"},
                                {"label": "人力成本", "amount": "10000.00"},
                                {"label": "通讯费用", "amount": "1200.00"},
                                {"label": "系统维护费用", "amount": "800.00"}]},
        "payment": {"due": {"rule": "days_after_invoice", "invoice_day": 25, "days": 15, "day_type": "working"},
                    "calendar": "weekends", "payments": payments},
        "late_payment": {"rate": {"fraction": "0.0005", "per_days": 1}, "partial_period": "pro_rata",
                         "cap_fraction": "0.2", "suspend_after_days": 30, "terminate_after_days": 60},
        "supplier_breaches": {
            "subcontracting": {"penalty_fraction": "0.20", "refund_paid": true, "occurred_on": "2025-11-30"},
            "service_incidents": {"count": 3, "penalty_each": "2000.00"},
            "substandard_service": {"value": "15000.00", "fraction": "0.10"},
            "confidentiality_penalty": "50000.00",
            "losses": [{"label": "客户索赔", "amount": "8000.00"}, {"label": "诉讼费用", "amount": "2350.00"}]
        },
        "client_breaches": {"confidentiality_penalty": "30000.00"},
        "termination": {"date": "2025-12-20", "reason": "supplier_breach", "breach_penalty_fraction": "0.1", "settlement_days": 30}
    });
    parse_scenario(&doc.to_string()).unwrap_or_else(|e| unreachable!("benchmark scenario: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compute::compute;

    #[test]
    fn the_samples_compute() {
        let today = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
        let r = compute(&starter(today)).unwrap();
        assert_eq!(r.total_fees.contract_total.to_string(), "600000.00");
        let big = ten_year_monthly();
        assert_eq!(big.payment.payments.len(), 120);
        let r = compute(&big).unwrap();
        assert_eq!(r.total_fees.cycles.len(), 120);
        assert!(r.termination.is_some() && r.subcontracting.is_some());
        assert!(r.late_payment.total_penalty > rust_decimal::Decimal::ZERO);
    }
}
