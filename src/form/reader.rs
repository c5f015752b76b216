//! Typed text into the document's JSON values, one error per unreadable field, named by its
//! JSON path.

use super::rates::{typed_rate, RateFields, RateKind, RateUnit};
use crate::document::error::{ErrorKind, ValidationError};
use crate::engine::money::{parse_plain_decimal, parse_user_amount, AmountInputError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// Reads typed text into JSON values, collecting one error per unreadable field.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) errors: Vec<ValidationError>,
}

impl Reader {
    pub(super) fn push(&mut self, path: &str, kind: ErrorKind) {
        self.errors.push(ValidationError::new(path, kind));
    }

    /// Records that the text typed at `path` was refused; the document gets `null` there.
    pub(super) fn refuse(
        &mut self,
        path: &str,
        text: &str,
        kind: impl FnOnce(String) -> ErrorKind,
    ) -> Value {
        self.push(path, kind(text.trim().to_string()));
        Value::Null
    }

    /// An optional field: empty text means "not agreed" (`null`); anything else is read.
    pub(super) fn optional(&mut self, text: &str, read: impl FnOnce(&mut Self) -> Value) -> Value {
        if text.trim().is_empty() {
            Value::Null
        } else {
            read(self)
        }
    }

    pub(super) fn money(&mut self, path: &str, text: &str) -> Value {
        self.typed_money(path, text)
            .map_or(Value::Null, |d| json!(d.to_string()))
    }

    /// An amount in yuan, to the fen, as the document would hold it (two decimals at least).
    pub(super) fn typed_money(&mut self, path: &str, text: &str) -> Option<Decimal> {
        let refuse = |r: &mut Self, kind: fn(String) -> ErrorKind| {
            r.refuse(path, text, kind);
            None
        };
        match parse_user_amount(text) {
            Ok(d) if d.normalize().scale() > 2 => refuse(self, |got| ErrorKind::TypedFen { got }),
            Ok(mut d) => {
                if d.scale() < 2 {
                    d.rescale(2);
                }
                Some(d)
            }
            Err(AmountInputError::Negative) => refuse(self, |got| ErrorKind::Amount { got }),
            Err(AmountInputError::TooLarge) => {
                refuse(self, |got| ErrorKind::AmountTooLarge { got })
            }
            Err(AmountInputError::NotANumber) => refuse(self, |got| ErrorKind::TypedAmount { got }),
        }
    }

    pub(super) fn opt_money(&mut self, path: &str, text: &str) -> Value {
        self.optional(text, |r| r.money(path, text))
    }

    /// A plain non-negative decimal (an LPR multiple).
    pub(super) fn plain(&mut self, path: &str, text: &str) -> Value {
        match parse_plain_decimal(text.trim()) {
            Some(d) => json!(d.to_string()),
            None => self.refuse(path, text, |got| ErrorKind::TypedRate { got }),
        }
    }

    /// A yearly rate in percent (an LPR fixing): "3.00" or "3.00%".
    pub(super) fn percent(&mut self, path: &str, text: &str) -> Value {
        let t = text.trim();
        let number = t.strip_suffix(['%', '％']).unwrap_or(t).trim();
        match parse_plain_decimal(number) {
            Some(d) => json!(d.to_string()),
            None => self.refuse(path, text, |got| ErrorKind::Percent { got }),
        }
    }

    pub(super) fn rate(&mut self, path: &str, text: &str, unit: RateUnit) -> Value {
        match typed_rate(text, unit) {
            Some(d) => json!(d.to_string()),
            None => self.refuse(path, text, |got| ErrorKind::TypedRate { got }),
        }
    }

    /// A rate at `path` (`late_payment.rate` or a change's `rate`) in its document form.
    pub(super) fn rate_fields(&mut self, path: &str, f: &RateFields) -> Value {
        let at = |field: &str| format!("{path}.{field}");
        match f.kind {
            RateKind::Fraction => json!({
                "fraction": self.rate(&at("fraction"), &f.value, f.unit),
                "per_days": self.whole(&at("per_days"), &f.per_days)}),
            RateKind::Monthly => json!({
                "fraction": self.rate(&at("fraction"), &f.value, f.unit),
                "per_months": self.whole(&at("per_months"), &f.per_months)}),
            RateKind::Lpr => json!({
                "lpr_multiple": self.plain(&at("lpr_multiple"), &f.lpr_multiple),
                "basis_days": f.basis_days,
                "lpr_fixing": f.lpr_fixing,
                "lpr_term": f.lpr_term}),
        }
    }

    pub(super) fn opt_rate(&mut self, path: &str, text: &str, unit: RateUnit) -> Value {
        self.optional(text, |r| r.rate(path, text, unit))
    }

    pub(super) fn whole(&mut self, path: &str, text: &str) -> Value {
        match text.trim().parse::<u64>() {
            Ok(n) => json!(n),
            Err(_) => self.refuse(path, text, |got| ErrorKind::TypedWholeNumber { got }),
        }
    }

    pub(super) fn opt_whole(&mut self, path: &str, text: &str) -> Value {
        self.optional(text, |r| r.whole(path, text))
    }

    pub(super) fn date(&mut self, path: &str, text: &str) -> Value {
        self.typed_date(path, text)
            .map_or(Value::Null, |d| json!(d.to_string()))
    }

    pub(super) fn typed_date(&mut self, path: &str, text: &str) -> Option<NaiveDate> {
        let d = crate::document::read::parse_date(text.trim());
        if d.is_none() {
            self.refuse(path, text, |got| ErrorKind::TypedDate { got });
        }
        d
    }

    pub(super) fn opt_date(&mut self, path: &str, text: &str) -> Value {
        self.optional(text, |r| r.date(path, text))
    }

    /// An optional date: `Some(None)` when left empty, `None` when it cannot be read.
    pub(super) fn typed_opt_date(&mut self, path: &str, text: &str) -> Option<Option<NaiveDate>> {
        if text.trim().is_empty() {
            Some(None)
        } else {
            self.typed_date(path, text).map(Some)
        }
    }
}
