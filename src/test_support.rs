//! Shorthands for the unit tests: dates and amounts written as in the contracts.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// `"2025-05-12"` as a date.
pub fn date(s: &str) -> NaiveDate {
    crate::engine::calendar::parse_ymd(s).unwrap_or_else(|| panic!("not a date: {s}"))
}

/// `"50000.00"` as an exact amount.
pub fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("not an amount: {s}"))
}
