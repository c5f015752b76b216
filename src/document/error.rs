//! Why a scenario document was refused: the field's JSON path and what was wrong with it
//! ([`ErrorKind`]), without words; [`crate::text::messages`] says it in Chinese or English.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What kind of JSON value a field must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    Text,
    Bool,
}

/// What to change when a rate needs an LPR before 2015-10-24 (the error's field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EarlyLprFix {
    /// A floating clause rate counts days before it: `accrues_from`.
    AccruesFrom,
    /// A floating rate a `rate_changes` entry brings in too early: the entry's `from`.
    ChangeFrom,
    /// A rate that takes its LPR on one day: its `lpr_fixing`.
    FixingDay,
}

/// Why a field was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not JSON at all: the parser's words (English), and where it stopped.
    Json {
        detail: String,
        line: usize,
        column: usize,
        /// The text ends before the JSON does (a file cut short).
        cut_short: bool,
    },
    Missing,
    WrongType {
        expected: Expected,
        got: String,
    },
    Format {
        got: String,
    },
    Version {
        got: String,
    },
    Amount {
        got: String,
    },
    AmountTooLarge {
        got: String,
    },
    Fraction {
        got: String,
    },
    /// Not a number of times the LPR (§9 `lpr_multiple`).
    Multiple {
        got: String,
    },
    MultipleTooLarge {
        got: String,
        max: Decimal,
    },
    FractionTooLarge {
        got: String,
        max: Decimal,
    },
    Date {
        got: String,
    },
    WholeNumber {
        got: String,
        min: u64,
        max: u64,
    },
    Choice {
        got: String,
        allowed: &'static [&'static str],
    },
    TooMany {
        max: usize,
    },
    EndBeforeStart {
        start: NaiveDate,
    },
    TermTooLong {
        max_years: u32,
    },
    OutsideTerm {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// `late_payment.rate` holds none of the three forms, or more than one.
    RateForm,
    /// §9 `partial_period: "full"` with a floating LPR rate.
    FloatingNeedsProRata,
    /// A date given twice in a list that holds each date once.
    RepeatedDate {
        date: NaiveDate,
    },
    /// §9 a list of dates that must strictly increase.
    NotIncreasing {
        previous: NaiveDate,
    },
    /// §13 a designated payment's `for` that is no billed period's start.
    NotABilledPeriod {
        got: NaiveDate,
        /// A period's first day to give as the example: the one `got` falls in (the last one for a
        /// day after the term), else the first.
        example: Option<NaiveDate>,
    },
    /// §13 a designated payment's `for`: a period after the contract `ended` (terminated on that
    /// day when `terminated`, else its term's last day: a renewal's periods are not billed).
    PeriodAfterEnd {
        got: NaiveDate,
        ended: NaiveDate,
        terminated: bool,
    },
    /// An exported bundle with an empty list of scenarios: nothing to import.
    NoScenarios,
    /// §9 a user LPR fixing before the LPR existed.
    FixingBeforeLpr {
        first: NaiveDate,
    },
    /// An amount finer than a fen (分) in a document.
    SubFen {
        got: String,
    },
    /// A whole number from a fixed set, written as a JSON number.
    NumberChoice {
        got: String,
        allowed: &'static [u32],
    },
    /// A name or label longer than allowed.
    TextTooLong {
        max_chars: usize,
    },
    /// Fields this version does not know take more room than allowed.
    UnknownTooLarge {
        max_bytes: usize,
    },
    /// A field this version does not know nests too deeply.
    UnknownTooDeep {
        max: usize,
    },
    /// §9 an LPR in percent per year.
    Percent {
        got: String,
    },
    /// `termination.reason: "subcontracting"` without a subcontracting clause.
    NeedsSubcontracting,
    /// §10 a `cn` calendar day before the published table's first year.
    CalendarBeforeTable {
        date: NaiveDate,
        first: NaiveDate,
    },
    /// §9 an LPR needed for a day before 2015-10-24, and what to move to a later day.
    LprTooEarly {
        date: NaiveDate,
        fix: EarlyLprFix,
    },
    /// A form field: the text typed is not an amount.
    TypedAmount {
        got: String,
    },
    /// A form field: an amount finer than a fen (分).
    TypedFen {
        got: String,
    },
    /// A field written twice in one object (the JSON reader would keep the last).
    RepeatedKey,
    /// The late-payment clause would split into more 计算明细 segments than one computation makes.
    TooManySegments {
        max: usize,
    },
    /// A form field whose unit is always %: not a number.
    TypedPercent {
        got: String,
    },
    /// A form field: the text typed is not a percentage / ‰ / ‱ figure.
    TypedRate {
        got: String,
    },
    /// A form field: the text typed is not a whole number (the field takes `min` to `max`).
    TypedWholeNumber {
        got: String,
        min: u64,
        max: u64,
    },
    /// A form field of calendar days given in working days ("15个工作日").
    TypedWorkingDays {
        got: String,
    },
    /// A form field of months given as what may be a month of the year ("12月").
    TypedMonthOfYear {
        got: String,
    },
    /// A decimal written as a bare JSON number; the format writes decimals as strings.
    Unquoted {
        got: String,
    },
    /// A form field: a rate or share over the largest the document takes, both in the field's
    /// unit ("2000%", at most "1000%").
    TypedRateTooLarge {
        got: String,
        max: String,
    },
    /// A form field: an LPR multiple that is not a number of times.
    TypedMultiple {
        got: String,
    },
    /// A form field: a rate typed below zero (as typed, in its unit).
    NegativeRate {
        got: String,
    },
    /// A form field: an amount typed below zero.
    NegativeAmount {
        got: String,
    },
    /// A form field: no valid date chosen.
    TypedDate {
        got: String,
    },
    /// A form field: a payment's period that is neither a date nor a month.
    TypedPeriod {
        got: String,
    },
    /// A form field left with a date the browser cannot read: a part missing, or no such day.
    UnfinishedDate,
    /// A document longer than the limit of [`crate::document::input`] (`path` is empty).
    DocumentTooLarge {
        max_bytes: usize,
    },
    /// A document whose bytes are not UTF-8 text (a file saved as GBK, most often; `path` is
    /// empty): refused, never read with its characters replaced.
    NotUtf8,
}

/// A refused scenario: the field's JSON path (`fees.components[0].amount`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub path: String,
    pub kind: ErrorKind,
}

impl ValidationError {
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        ValidationError {
            path: path.into(),
            kind,
        }
    }

    /// The same refusal for a document read inside another, at `prefix`
    /// (`fees.cycle` within `scenarios[2].scenario` is `scenarios[2].scenario.fees.cycle`).
    pub fn within(mut self, prefix: &str) -> Self {
        self.path = if self.path.is_empty() {
            prefix.to_string()
        } else {
            format!("{prefix}.{}", self.path)
        };
        self
    }
}

impl std::error::Error for ValidationError {}

impl From<&serde_json::Error> for ErrorKind {
    fn from(e: &serde_json::Error) -> Self {
        ErrorKind::Json {
            detail: e.to_string(),
            line: e.line(),
            column: e.column(),
            cut_short: e.is_eof(),
        }
    }
}

impl From<crate::engine::compute::ComputeError> for ValidationError {
    /// The field whose data ran out: the calendar, or the LPR rate that needed a day without one.
    fn from(e: crate::engine::compute::ComputeError) -> Self {
        use crate::engine::compute::ComputeError;
        use crate::engine::late_payment::RateRef;
        match e {
            ComputeError::CalendarBeforeTable { date, first } => ValidationError::new(
                "payment.calendar",
                ErrorKind::CalendarBeforeTable { date, first },
            ),
            // A floating rate counts days before the LPR existed: where counting starts is at
            // fault. Any other rate takes its LPR on a day before it: the fixing day is.
            ComputeError::NoLpr(n) => {
                let (path, fix) = match (n.floating, n.rate) {
                    (true, RateRef::Base) => (
                        "late_payment.accrues_from".to_string(),
                        EarlyLprFix::AccruesFrom,
                    ),
                    (true, RateRef::Change(i)) => (
                        format!("late_payment.rate_changes[{i}].from"),
                        EarlyLprFix::ChangeFrom,
                    ),
                    (false, RateRef::Base) => (
                        "late_payment.rate.lpr_fixing".to_string(),
                        EarlyLprFix::FixingDay,
                    ),
                    (false, RateRef::Change(i)) => (
                        format!("late_payment.rate_changes[{i}].rate.lpr_fixing"),
                        EarlyLprFix::FixingDay,
                    ),
                };
                ValidationError::new(path, ErrorKind::LprTooEarly { date: n.date, fix })
            }
            ComputeError::TooManySegments { max } => {
                ValidationError::new("late_payment", ErrorKind::TooManySegments { max })
            }
        }
    }
}
