//! Numbers and dates as the document writes them (spec "Conventions").

use crate::engine::money::parse_plain_decimal;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// Whether `d`, written out, is a number the document can hold (at most 20 digits either side of
/// the point): a rate typed in ‱ gains four decimal places on the way to a fraction.
pub fn fits_document(d: Decimal) -> bool {
    document_decimal(&d.abs().to_string()).is_some()
}

/// A number as the document writes it (spec "Conventions"): digits, optionally a point and more
/// digits — no sign, no spaces, no "5." or ".5", no exponent.
pub(super) fn document_decimal(s: &str) -> Option<Decimal> {
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(int) && digits(frac)) {
        return None;
    }
    parse_plain_decimal(s)
}

/// `YYYY-MM-DD` exactly, years 1900 to 2200.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::engine::calendar::parse_ymd(s).filter(|d| in_date_range(*d))
}

/// A date the document may hold: years 1900 to 2200.
pub fn in_date_range(d: NaiveDate) -> bool {
    (1900..=2200).contains(&d.year())
}
