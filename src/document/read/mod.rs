//! Reading a scenario document (spec "Conventions", "Document"): every field checked, every
//! refusal a [`ValidationError`] that names the field by its JSON path and says, in Chinese or
//! English, what was expected and what was found. Nothing is computed from a half-valid scenario.
//!
//! The generic reader is `object` (with `notation` for numbers and dates); each section of the
//! document has its reader: `terms`, `late_payment`, `breaches`; `consistency` checks what ties
//! one field to another.

mod breaches;
mod consistency;
mod late_payment;
mod notation;
mod object;
mod repeated_keys;
mod terms;

pub use consistency::check_consistency;
pub use notation::{fits_document, in_date_range, parse_date};
pub(crate) use object::{show, Obj, Shared};

use crate::document::error::{ErrorKind, ValidationError};
use crate::engine::scenario::*;
use rust_decimal::Decimal;
use serde_json::Value;

type Res<T> = Result<T, ValidationError>;

/// Longest contract term accepted, in years (the cycle table stays small enough to show).
pub const MAX_TERM_YEARS: u32 = 100;
/// Most entries in one list (components, payments, losses).
pub const MAX_LIST: usize = 10_000;
/// Largest fraction accepted (1000%): beyond any penalty a court would enforce.
pub fn max_fraction() -> Decimal {
    Decimal::TEN
}

pub use crate::document::input::MAX_DOCUMENT_BYTES;
/// All the fields this version does not know, together, at most this many bytes as JSON.
pub const MAX_UNKNOWN_BYTES: usize = 64 << 10;
/// An unknown field nests at most this deep.
pub const MAX_UNKNOWN_DEPTH: usize = 16;
pub use crate::engine::scenario::MAX_NAME_CHARS;
/// A fee component's or a loss's label, at most this many characters.
pub const MAX_LABEL_CHARS: usize = 100;
/// Most days a clause may name: a due rule's days, a rate's period, a notice.
pub const MAX_DAYS: u32 = 3660;

/// The range of a whole-number field: the one rule both notations apply, the document's JSON
/// number and the form's typed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whole {
    pub min: u32,
    pub max: u32,
    /// What the number counts, which a form may write after it ("15天", "12个月", "2次").
    pub counts: Counts,
}

/// What a whole-number field counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counts {
    /// Calendar days: "天", "日".
    Days,
    /// A day of the month: "日", "号".
    DayOfMonth,
    /// Months: "个月".
    Months,
    /// Times: "次", "起".
    Times,
}

/// §4 the days an LPR rate's year has.
pub const BASIS_DAYS: &[u32] = &[360, 365];

/// A day of the month (a due day, an invoice day).
pub const DAY_OF_MONTH: Whole = Whole {
    min: 1,
    max: 31,
    counts: Counts::DayOfMonth,
};
/// A number of days a clause names: a due rule's days, a notice, a settlement period.
pub const DAYS: Whole = Whole {
    min: 0,
    max: MAX_DAYS,
    counts: Counts::Days,
};
/// A rate's period in days ("per 7 days").
pub const PERIOD_DAYS: Whole = Whole {
    min: 1,
    max: MAX_DAYS,
    counts: Counts::Days,
};
/// A rate's period in months, and the term given in months.
pub const PERIOD_MONTHS: Whole = Whole {
    min: 1,
    max: 12 * MAX_TERM_YEARS,
    counts: Counts::Months,
};
/// A renewal, in months (0 = none).
pub const RENEWAL_MONTHS: Whole = Whole {
    min: 0,
    max: 12 * MAX_TERM_YEARS,
    counts: Counts::Months,
};
/// How many service incidents are counted.
pub const INCIDENTS: Whole = Whole {
    min: 0,
    max: 1_000_000,
    counts: Counts::Times,
};

/// Reads a scenario document from JSON text.
pub fn parse_scenario(text: &str) -> Res<Scenario> {
    scenario_from_value(&parse_json(text)?)
}

/// JSON text as a value, or the refusal "not valid JSON" (also for the store's own entries): at
/// most [`MAX_DOCUMENT_BYTES`], a leading byte-order mark ignored.
pub fn parse_json(text: &str) -> Res<Value> {
    parse_json_within(text, MAX_DOCUMENT_BYTES)
}

/// [`parse_json`] for text of at most `max_bytes` (an imported bundle's).
pub fn parse_json_within(text: &str, max_bytes: usize) -> Res<Value> {
    if text.len() > max_bytes {
        return Err(ValidationError::new(
            "",
            ErrorKind::DocumentTooLarge { max_bytes },
        ));
    }
    // A byte-order mark, as some editors write it, is not part of the document.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value =
        serde_json::from_str(text).map_err(|e| ValidationError::new("", ErrorKind::from(&e)))?;
    match repeated_keys::first_repeated_key(text) {
        Some(path) => Err(ValidationError::new(path, ErrorKind::RepeatedKey)),
        None => Ok(value),
    }
}

/// Reads a scenario document already parsed as JSON.
pub fn scenario_from_value(value: &Value) -> Res<Scenario> {
    scenario_noting_unknown(value).map(|(s, _)| s)
}

/// [`scenario_from_value`], with the paths of the fields this version does not know (kept for
/// re-saving, used in no figure): `late_payment.cap_fractoin`, a key misspelt.
pub fn scenario_noting_unknown(value: &Value) -> Res<(Scenario, Vec<String>)> {
    let shared = object::Shared::default();
    let scenario = read_scenario(value, &shared)?;
    Ok((scenario, shared.unknown()))
}

fn read_scenario(value: &Value, budget: &object::Shared) -> Res<Scenario> {
    let root = Obj::new(String::new(), value, budget)?;
    let format = root.text("format")?;
    if format != FORMAT {
        return Err(root.err(
            "format",
            ErrorKind::Format {
                got: show(root.req("format")?),
            },
        ));
    }
    let version = root.req("version")?;
    if version.as_u64() != Some(VERSION) {
        return Err(root.err("version", ErrorKind::Version { got: show(version) }));
    }
    let scenario = Scenario {
        format,
        version: VERSION,
        name: root
            .opt_short_text("name", MAX_NAME_CHARS)?
            .unwrap_or_default(),
        as_of: root.date("as_of")?,
        contract: terms::contract(&root.obj("contract")?)?,
        fees: terms::fees(&root.obj("fees")?)?,
        payment: terms::payment(&root.obj("payment")?)?,
        late_payment: root
            .opt_obj("late_payment")?
            .map(|o| late_payment::late_payment(&o))
            .transpose()?,
        supplier_breaches: root
            .opt_obj("supplier_breaches")?
            .map(|o| breaches::supplier_breaches(&o))
            .transpose()?,
        client_breaches: root
            .opt_obj("client_breaches")?
            .map(|o| breaches::client_breaches(&o))
            .transpose()?,
        termination: root
            .opt_obj("termination")?
            .map(|o| breaches::termination(&o))
            .transpose()?,
        extra: root.extra()?,
    };
    check_consistency(&scenario)?;
    Ok(scenario)
}

/// Reads a scenario document and computes it: what `contract-calc compute` does.
pub fn compute_json(text: &str) -> Res<crate::engine::compute::ComputeResult> {
    Ok(crate::engine::compute::compute(&parse_scenario(text)?)?)
}
