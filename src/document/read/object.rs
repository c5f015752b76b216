//! The path-tracking JSON reader under every section reader: one object at a time, each value
//! checked for its type and range, each refusal a [`ValidationError`] naming the field by its
//! JSON path; the fields this version does not know kept within their limits.

use super::notation::{document_decimal, parse_date};
use super::{max_fraction, Res, Whole, MAX_LIST, MAX_UNKNOWN_BYTES, MAX_UNKNOWN_DEPTH};
use crate::document::error::{ErrorKind, Expected, ValidationError};
use crate::engine::money::MAX_AMOUNT;
use crate::engine::scenario::Extra;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::cell::{Cell, RefCell};

/// How deeply a JSON value nests (a scalar is 0).
fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// A JSON value as it appears in the file, shortened for a message.
pub(crate) fn show(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// What the objects of one document share as they are read: the bytes of unknown fields kept so
/// far, and their paths (a misspelt key is kept, not used: said to whoever imports the file).
#[derive(Default)]
pub(crate) struct Shared {
    bytes: Cell<usize>,
    unknown: RefCell<Vec<String>>,
}

impl Shared {
    /// The paths of the fields this version does not know, in the order read.
    pub(crate) fn unknown(self) -> Vec<String> {
        self.unknown.into_inner()
    }
}

/// One JSON object being read, with its path for messages (the store reads its entries with it).
pub(crate) struct Obj<'a> {
    pub(super) path: String,
    map: &'a Map<String, Value>,
    /// What the whole document's objects share.
    budget: &'a Shared,
    /// The keys read so far: what [`Obj::extra`] keeps is every other key.
    read: RefCell<Vec<&'a str>>,
}

impl<'a> Obj<'a> {
    pub(crate) fn new(path: String, v: &'a Value, budget: &'a Shared) -> Res<Self> {
        match v {
            Value::Object(map) => Ok(Obj {
                path,
                map,
                budget,
                read: RefCell::new(Vec::new()),
            }),
            other => Err(ValidationError::new(
                path,
                ErrorKind::WrongType {
                    expected: Expected::Object,
                    got: show(other),
                },
            )),
        }
    }

    pub(super) fn err(&self, key: &str, kind: ErrorKind) -> ValidationError {
        ValidationError::new(join(&self.path, key), kind)
    }

    /// The value at `key`; absent and `null` are the same. A key looked at is a known field.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        let (k, v) = self.map.get_key_value(key)?;
        self.read.borrow_mut().push(k.as_str());
        Some(v).filter(|v| !v.is_null())
    }

    pub(crate) fn req(&self, key: &str) -> Res<&'a Value> {
        self.get(key)
            .ok_or_else(|| self.err(key, ErrorKind::Missing))
    }

    /// The fields this version does not know (every key not read so far, so it comes last),
    /// kept for re-saving: each at most [`MAX_UNKNOWN_DEPTH`] deep, all of them together at most
    /// [`MAX_UNKNOWN_BYTES`] as JSON.
    pub(super) fn extra(&self) -> Res<Extra> {
        let mut out = Extra::new();
        let read = self.read.borrow();
        for (k, v) in self.map.iter().filter(|(k, _)| !read.contains(&k.as_str())) {
            if depth(v) > MAX_UNKNOWN_DEPTH {
                return Err(self.err(
                    k,
                    ErrorKind::UnknownTooDeep {
                        max: MAX_UNKNOWN_DEPTH,
                    },
                ));
            }
            let raw =
                serde_json::value::to_raw_value(v).map_err(|e| self.err(k, ErrorKind::from(&e)))?;
            let used = self.budget.bytes.get() + k.len() + raw.get().len();
            if used > MAX_UNKNOWN_BYTES {
                return Err(self.err(
                    k,
                    ErrorKind::UnknownTooLarge {
                        max_bytes: MAX_UNKNOWN_BYTES,
                    },
                ));
            }
            self.budget.bytes.set(used);
            self.budget.unknown.borrow_mut().push(join(&self.path, k));
            out.insert(k.clone(), raw);
        }
        Ok(out)
    }

    pub(super) fn opt_obj(&self, key: &str) -> Res<Option<Obj<'a>>> {
        self.get(key)
            .map(|v| Obj::new(join(&self.path, key), v, self.budget))
            .transpose()
    }

    pub(super) fn obj(&self, key: &str) -> Res<Obj<'a>> {
        Obj::new(join(&self.path, key), self.req(key)?, self.budget)
    }

    pub(super) fn opt_array(&self, key: &str) -> Res<Vec<Obj<'a>>> {
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        let path = join(&self.path, key);
        let Value::Array(items) = v else {
            return Err(ValidationError::new(
                path,
                ErrorKind::WrongType {
                    expected: Expected::Array,
                    got: show(v),
                },
            ));
        };
        if items.len() > MAX_LIST {
            return Err(ValidationError::new(
                path,
                ErrorKind::TooMany { max: MAX_LIST },
            ));
        }
        items
            .iter()
            .enumerate()
            .map(|(i, item)| Obj::new(format!("{path}[{i}]"), item, self.budget))
            .collect()
    }

    pub(crate) fn array(&self, key: &str) -> Res<Vec<Obj<'a>>> {
        self.req(key)?;
        self.opt_array(key)
    }

    fn opt_text(&self, key: &str) -> Res<Option<String>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.err(
                key,
                ErrorKind::WrongType {
                    expected: Expected::Text,
                    got: show(other),
                },
            )),
        }
    }

    /// Text of at most `max` characters (a name, a label).
    pub(crate) fn opt_short_text(&self, key: &str, max: usize) -> Res<Option<String>> {
        let t = self.opt_text(key)?;
        if t.as_ref().is_some_and(|t| t.chars().count() > max) {
            return Err(self.err(key, ErrorKind::TextTooLong { max_chars: max }));
        }
        Ok(t)
    }

    pub(crate) fn text(&self, key: &str) -> Res<String> {
        self.req(key)?;
        Ok(self.opt_text(key)?.unwrap_or_default())
    }

    pub(super) fn opt_bool(&self, key: &str) -> Res<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(self.err(
                key,
                ErrorKind::WrongType {
                    expected: Expected::Bool,
                    got: show(other),
                },
            )),
        }
    }

    /// A non-negative decimal written as a JSON string.
    fn opt_decimal(&self, key: &str, refuse: fn(String) -> ErrorKind) -> Res<Option<Decimal>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        match v.as_str().and_then(document_decimal) {
            Some(d) => Ok(Some(d)),
            // A hand-edited file's bare 50000, which in quotes would do: the format writes
            // decimals as strings.
            None if v.is_number() && document_decimal(&v.to_string()).is_some() => {
                Err(self.err(key, ErrorKind::Unquoted { got: show(v) }))
            }
            None => Err(self.err(key, refuse(show(v)))),
        }
    }

    pub(super) fn opt_money(&self, key: &str) -> Res<Option<Decimal>> {
        let amount = self.opt_decimal(key, |got| ErrorKind::Amount { got })?;
        if amount.is_some_and(|a| a.normalize().scale() > 2) {
            return Err(self.err(
                key,
                ErrorKind::SubFen {
                    got: show(self.req(key)?),
                },
            ));
        }
        if let Some(a) = amount {
            if a > MAX_AMOUNT {
                return Err(self.err(
                    key,
                    ErrorKind::AmountTooLarge {
                        got: show(self.req(key)?),
                    },
                ));
            }
        }
        Ok(amount)
    }

    pub(super) fn money(&self, key: &str) -> Res<Decimal> {
        self.req(key)?;
        Ok(self.opt_money(key)?.unwrap_or_default())
    }

    pub(super) fn opt_fraction(&self, key: &str) -> Res<Option<Decimal>> {
        self.at_most(
            key,
            max_fraction(),
            |got| ErrorKind::Fraction { got },
            |got, max| ErrorKind::FractionTooLarge { got, max },
        )
    }

    /// A decimal of at most `max`, refused as `not_one` or `too_large` says.
    fn at_most(
        &self,
        key: &str,
        max: Decimal,
        not_one: fn(String) -> ErrorKind,
        too_large: fn(String, Decimal) -> ErrorKind,
    ) -> Res<Option<Decimal>> {
        match self.opt_decimal(key, not_one)? {
            Some(d) if d > max => Err(self.err(key, too_large(show(self.req(key)?), max))),
            d => Ok(d),
        }
    }

    pub(super) fn fraction(&self, key: &str) -> Res<Decimal> {
        self.req(key)?;
        Ok(self.opt_fraction(key)?.unwrap_or_default())
    }

    /// How many times the LPR (§9 `lpr_multiple`): a number, not a fraction of anything.
    pub(super) fn multiple(&self, key: &str) -> Res<Decimal> {
        self.req(key)?;
        let m = self.at_most(
            key,
            max_fraction(),
            |got| ErrorKind::Multiple { got },
            |got, max| ErrorKind::MultipleTooLarge { got, max },
        )?;
        Ok(m.unwrap_or_default())
    }

    /// A yearly rate in percent, 0 to 100, written as a JSON string (§9 `lpr_fixings`).
    pub(super) fn opt_percent(&self, key: &str) -> Res<Option<Decimal>> {
        self.at_most(
            key,
            Decimal::ONE_HUNDRED,
            |got| ErrorKind::Percent { got },
            |got, _| ErrorKind::Percent { got },
        )
    }

    pub(super) fn percent(&self, key: &str) -> Res<Decimal> {
        self.req(key)?;
        Ok(self.opt_percent(key)?.unwrap_or_default())
    }

    pub(super) fn opt_date(&self, key: &str) -> Res<Option<NaiveDate>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        v.as_str()
            .and_then(parse_date)
            .map(Some)
            .ok_or_else(|| self.err(key, ErrorKind::Date { got: show(v) }))
    }

    pub(super) fn date(&self, key: &str) -> Res<NaiveDate> {
        self.req(key)?;
        Ok(self.opt_date(key)?.unwrap_or_default())
    }

    /// A whole number in `range`, written as a JSON number.
    pub(crate) fn opt_uint(&self, key: &str, range: Whole) -> Res<Option<u32>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if (range.min..=range.max).contains(&n) => Ok(Some(n)),
            _ => Err(self.err(
                key,
                ErrorKind::WholeNumber {
                    got: show(v),
                    min: range.min.into(),
                    max: range.max.into(),
                },
            )),
        }
    }

    pub(super) fn uint(&self, key: &str, range: Whole) -> Res<u32> {
        self.req(key)?;
        Ok(self.opt_uint(key, range)?.unwrap_or_default())
    }

    /// A count of revisions or the like: any whole number a JSON reader keeps exact.
    pub(crate) fn opt_count(&self, key: &str) -> Res<Option<u64>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        v.as_u64().map(Some).ok_or_else(|| {
            self.err(
                key,
                ErrorKind::WholeNumber {
                    got: show(v),
                    min: 0,
                    max: u64::MAX,
                },
            )
        })
    }

    /// One of a few whole numbers, written as a JSON number (`basis_days`: 360 or 365).
    pub(super) fn number_choice(&self, key: &str, allowed: &'static [u32]) -> Res<u32> {
        let v = self.req(key)?;
        v.as_u64()
            .and_then(|n| allowed.iter().copied().find(|a| u64::from(*a) == n))
            .ok_or_else(|| {
                self.err(
                    key,
                    ErrorKind::NumberChoice {
                        got: show(v),
                        allowed,
                    },
                )
            })
    }

    /// One of a fixed set of values, written as strings (or, for numbers like `basis_days`, as
    /// JSON numbers whose text is in `names`).
    pub(super) fn choice<T: Copy>(
        &self,
        key: &str,
        names: &'static [&'static str],
        values: &[T],
        default: Option<T>,
    ) -> Res<T> {
        let v = match (self.get(key), default) {
            (None, Some(d)) => return Ok(d),
            (None, None) => return Err(self.err(key, ErrorKind::Missing)),
            (Some(v), _) => v,
        };
        let text = match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        text.and_then(|t| names.iter().position(|n| *n == t))
            .and_then(|i| values.get(i).copied())
            .ok_or_else(|| {
                self.err(
                    key,
                    ErrorKind::Choice {
                        got: show(v),
                        allowed: names,
                    },
                )
            })
    }
}
