//! Typed text into the scenario's values, one error per unreadable field, named by its JSON path.
//! The ranges are the document's own ([`Whole`], the largest fraction, percent and label), so a
//! field is refused in the form exactly where the document's reader would refuse it.

use super::paths::{self, rate};
use super::rates::{
    in_unit, typed_multiple, typed_rate, typed_with_unit, RateFields, RateKind, RateUnit,
};
use crate::document::error::{ErrorKind, ValidationError};
use crate::document::read::{
    fits_document, max_fraction, parse_date, show, Whole, BASIS_DAYS, PERIOD_DAYS, PERIOD_MONTHS,
};
use crate::engine::money::{half_width, parse_plain_decimal, parse_user_amount, AmountInputError};
use crate::engine::scenario::{Extra, Rate};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

/// Reads typed text into the scenario's values, collecting one error per unreadable field;
/// `None` means "refused, see `errors`".
#[derive(Default)]
pub(super) struct Reader {
    pub(super) errors: Vec<ValidationError>,
}

/// A decimal as the document would show it in a message (a JSON string).
fn shown(d: Decimal) -> String {
    show(&Value::String(d.to_string()))
}

/// Where a field is, by its JSON path; a row's path is written only when the row is refused (a
/// list of 120 payments is read on every keystroke).
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    Path(&'a str),
    /// `paths::payment`, the row, the field.
    Row(fn(usize, &str) -> String, usize, &'a str),
}

impl At<'_> {
    fn path(self) -> String {
        match self {
            At::Path(p) => p.to_string(),
            At::Row(path, i, field) => path(i, field),
        }
    }
}

impl<'a> From<&'a str> for At<'a> {
    fn from(p: &'a str) -> At<'a> {
        At::Path(p)
    }
}

impl<'a> From<&'a String> for At<'a> {
    fn from(p: &'a String) -> At<'a> {
        At::Path(p)
    }
}

impl Reader {
    pub(super) fn push(&mut self, path: &str, kind: ErrorKind) {
        self.errors.push(ValidationError::new(path, kind));
    }

    fn push_at(&mut self, at: At<'_>, kind: ErrorKind) {
        self.errors.push(ValidationError::new(at.path(), kind));
    }

    fn refuse<T>(
        &mut self,
        path: At<'_>,
        text: &str,
        kind: impl FnOnce(String) -> ErrorKind,
    ) -> Option<T> {
        self.push_at(path, kind(text.trim().to_string()));
        None
    }

    /// An optional field: empty text means "not agreed" (`Some(None)`); anything else is read.
    pub(super) fn optional<T>(
        &mut self,
        text: &str,
        read: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        if text.trim().is_empty() {
            Some(None)
        } else {
            read(self).map(Some)
        }
    }

    /// An amount in yuan, to the fen, as the document would hold it (two decimals at least).
    pub(super) fn money<'a>(&mut self, path: impl Into<At<'a>>, text: &str) -> Option<Decimal> {
        let path: At = path.into();
        match parse_user_amount(text) {
            Ok(d) if crate::engine::money::finer_than_fen(d) => {
                self.refuse(path, text, |got| ErrorKind::TypedFen { got })
            }
            Ok(mut d) => {
                if d.scale() < 2 {
                    d.rescale(2);
                }
                Some(d)
            }
            Err(AmountInputError::Negative) => {
                self.refuse(path, text, |got| ErrorKind::NegativeAmount { got })
            }
            Err(AmountInputError::TooLarge) => {
                self.refuse(path, text, |got| ErrorKind::AmountTooLarge { got })
            }
            Err(AmountInputError::NotANumber) => {
                self.refuse(path, text, |got| ErrorKind::TypedAmount { got })
            }
        }
    }

    pub(super) fn opt_money<'a>(
        &mut self,
        path: impl Into<At<'a>>,
        text: &str,
    ) -> Option<Option<Decimal>> {
        let path: At = path.into();
        self.optional(text, |r| r.money(path, text))
    }

    /// A fraction the document allows: not negative, no larger than its largest (`too_large`
    /// says so in the field's own terms), no more decimal places than it can write.
    fn within_max_fraction(
        &mut self,
        path: At<'_>,
        d: Decimal,
        too_large: impl FnOnce(Decimal) -> ErrorKind,
    ) -> Option<Decimal> {
        if below_zero(d) || !fits_document(d) {
            self.push_at(path, ErrorKind::Fraction { got: shown(d) });
            return None;
        }
        if d > max_fraction() {
            self.push_at(path, too_large(max_fraction()));
            return None;
        }
        Some(d)
    }

    /// An LPR multiple, as contracts write it ([`typed_multiple`]).
    pub(super) fn multiple<'a>(&mut self, path: impl Into<At<'a>>, text: &str) -> Option<Decimal> {
        let path: At = path.into();
        match typed_multiple(text) {
            Some(d) if !below_zero(d) => {
                self.within_max_fraction(path, d, |max| ErrorKind::MultipleTooLarge {
                    got: text.trim().to_string(),
                    max,
                })
            }
            _ => self.refuse(path, text, |got| ErrorKind::TypedMultiple { got }),
        }
    }

    /// A yearly rate in percent, 0 to 100 (an LPR fixing): "3.00" or "3.00%".
    pub(super) fn percent<'a>(&mut self, path: impl Into<At<'a>>, text: &str) -> Option<Decimal> {
        let path: At = path.into();
        let t = half_width(text.trim());
        let number = t.strip_suffix('%').unwrap_or(&t).trim();
        match parse_plain_decimal(number) {
            Some(d) if (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&d) => Some(d),
            Some(d) => {
                self.push_at(path, ErrorKind::Percent { got: shown(d) });
                None
            }
            None => self.refuse(path, text, |got| ErrorKind::Percent { got }),
        }
    }

    /// A rate typed in `unit` (or with its own sign), as a fraction.
    pub(super) fn rate<'a>(
        &mut self,
        path: impl Into<At<'a>>,
        text: &str,
        unit: RateUnit,
    ) -> Option<Decimal> {
        self.fraction(path.into(), text, unit, |got| ErrorKind::TypedRate { got })
    }

    /// A share typed in a field whose unit is always % (a cap, a share of the contract total),
    /// as a fraction; its message does not point to a unit to choose.
    pub(super) fn share<'a>(&mut self, path: impl Into<At<'a>>, text: &str) -> Option<Decimal> {
        self.fraction(path.into(), text, RateUnit::Percent, |got| {
            ErrorKind::TypedPercent { got }
        })
    }

    pub(super) fn opt_share<'a>(
        &mut self,
        path: impl Into<At<'a>>,
        text: &str,
    ) -> Option<Option<Decimal>> {
        let path: At = path.into();
        self.optional(text, |r| r.share(path, text))
    }

    fn fraction(
        &mut self,
        path: At,
        text: &str,
        unit: RateUnit,
        not_typed: fn(String) -> ErrorKind,
    ) -> Option<Decimal> {
        match typed_rate(text, unit) {
            Some(d) if below_zero(d) => {
                self.refuse(path, text, |got| ErrorKind::NegativeRate { got })
            }
            Some(d) => self.within_max_fraction(path, d, |max| ErrorKind::TypedRateTooLarge {
                got: typed_with_unit(text, unit),
                max: in_unit(max, unit),
            }),
            None => self.refuse(path, text, not_typed),
        }
    }

    /// A rate at `path` (`late_payment.rate` or a change's `rate`) in the form chosen; `extra`
    /// carries the loaded document's unknown fields of the same form.
    pub(super) fn rate_fields(
        &mut self,
        path: &str,
        f: &RateFields,
        extra: Option<&Rate>,
    ) -> Option<Rate> {
        let at = |field: &str| paths::rate_field(path, field);
        let extra = |kind: RateKind| match (kind, extra) {
            (RateKind::Fraction, Some(Rate::Fraction { extra, .. }))
            | (RateKind::Monthly, Some(Rate::Monthly { extra, .. }))
            | (RateKind::Lpr, Some(Rate::Lpr { extra, .. })) => extra.clone(),
            _ => Extra::new(),
        };
        match f.kind {
            RateKind::Fraction => {
                let fraction = self.rate(&at(rate::FRACTION), &f.value, f.unit);
                let per_days = self.whole(&at(rate::PER_DAYS), &f.per_days, PERIOD_DAYS);
                Some(Rate::Fraction {
                    fraction: fraction?,
                    per_days: per_days?,
                    extra: extra(f.kind),
                })
            }
            RateKind::Monthly => {
                let fraction = self.rate(&at(rate::FRACTION), &f.value, f.unit);
                let per_months = self.whole(&at(rate::PER_MONTHS), &f.per_months, PERIOD_MONTHS);
                Some(Rate::Monthly {
                    fraction: fraction?,
                    per_months: per_months?,
                    extra: extra(f.kind),
                })
            }
            RateKind::Lpr => {
                let multiple = self.multiple(&at(rate::LPR_MULTIPLE), &f.lpr_multiple);
                if !BASIS_DAYS.contains(&f.basis_days) {
                    self.push(
                        &at(rate::BASIS_DAYS),
                        ErrorKind::NumberChoice {
                            got: f.basis_days.to_string(),
                            allowed: BASIS_DAYS,
                        },
                    );
                    return None;
                }
                Some(Rate::Lpr {
                    lpr_multiple: multiple?,
                    basis_days: f.basis_days,
                    lpr_fixing: f.lpr_fixing,
                    lpr_term: f.lpr_term,
                    extra: extra(f.kind),
                })
            }
        }
    }

    /// A whole number in `range`.
    pub(super) fn whole<'a>(
        &mut self,
        path: impl Into<At<'a>>,
        text: &str,
        range: Whole,
    ) -> Option<u32> {
        let path: At = path.into();
        let number = half_width(text.trim());
        let number = unit_words_off(number.trim_end(), range.counts).trim_end();
        // "-0" is nought, whatever its sign.
        let n = number
            .parse::<u64>()
            .ok()
            .or_else(|| (number.parse::<i64>() == Ok(0)).then_some(0));
        let (min, max) = (range.min.into(), range.max.into());
        let Some(n) = n else {
            // A whole number below zero, or past any count: what the field takes, as for one
            // too large.
            let digits = number.strip_prefix('-').unwrap_or(number);
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                let got = text.trim().to_string();
                self.push_at(path, ErrorKind::WholeNumber { got, min, max });
                return None;
            }
            // A number of another unit than the field counts: said, not "no whole number".
            let of_digits = |rest: Option<&str>| {
                rest.is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
            };
            let working = crate::engine::notation::WORKING_DAYS
                .iter()
                .find_map(|w| number.strip_suffix(w));
            if range.counts == crate::document::read::Counts::Days && of_digits(working) {
                return self.refuse(path, text, |got| ErrorKind::TypedWorkingDays { got });
            }
            let month = number.strip_suffix(crate::engine::notation::MONTH_OF_YEAR);
            if range.counts == crate::document::read::Counts::Months && of_digits(month) {
                return self.refuse(path, text, |got| ErrorKind::TypedMonthOfYear { got });
            }
            return self.refuse(path, text, |got| ErrorKind::TypedWholeNumber {
                got,
                min,
                max,
            });
        };
        match u32::try_from(n) {
            Ok(n) if (range.min..=range.max).contains(&n) => Some(n),
            _ => {
                self.push_at(
                    path,
                    ErrorKind::WholeNumber {
                        got: n.to_string(),
                        min,
                        max,
                    },
                );
                None
            }
        }
    }

    pub(super) fn opt_whole<'a>(
        &mut self,
        path: impl Into<At<'a>>,
        text: &str,
        range: Whole,
    ) -> Option<Option<u32>> {
        let path: At = path.into();
        self.optional(text, |r| r.whole(path, text, range))
    }

    pub(super) fn date<'a>(&mut self, path: impl Into<At<'a>>, text: &str) -> Option<NaiveDate> {
        let path: At = path.into();
        let d = parse_date(text.trim());
        if d.is_none() && text == super::UNFINISHED_DATE {
            self.refuse::<()>(path, text, |_| ErrorKind::UnfinishedDate);
        } else if d.is_none() {
            self.refuse::<()>(path, text, |got| ErrorKind::TypedDate { got });
        }
        d
    }

    pub(super) fn opt_date<'a>(
        &mut self,
        path: impl Into<At<'a>>,
        text: &str,
    ) -> Option<Option<NaiveDate>> {
        let path: At = path.into();
        self.optional(text, |r| r.date(path, text))
    }

    /// §13 the billed period a payment is for, by its first day ("2025-03-01"), or a month as the
    /// cycle table writes it ("2025-03": the period that starts on its first day), also as people
    /// write them: "2025-3", "2025/03/01", "2025.3", "2025年3月", "2025 年 3 月 1 日", full-width
    /// digits and separators.
    pub(super) fn opt_period_start<'a>(
        &mut self,
        path: impl Into<At<'a>>,
        text: &str,
    ) -> Option<Option<NaiveDate>> {
        let path: At = path.into();
        let t = text.trim();
        if t.is_empty() {
            return Some(None);
        }
        match written_period(t) {
            Some(first) => Some(Some(first)),
            None if text == super::UNFINISHED_DATE => self.opt_date(path, text),
            None => {
                self.refuse::<()>(path, text, |got| ErrorKind::TypedPeriod { got });
                None
            }
        }
    }

    /// A name or label of at most `max` characters.
    pub(super) fn label<'a>(
        &mut self,
        path: impl Into<At<'a>>,
        text: &str,
        max: usize,
    ) -> Option<String> {
        let path: At = path.into();
        if text.chars().count() > max {
            self.push_at(path, ErrorKind::TextTooLong { max_chars: max });
            return None;
        }
        Some(text.to_string())
    }
}

/// A date or a month written with `-`, `/`, `.` or 年月日, the month and day with or without a
/// leading zero; a month alone is its first day.
pub(super) fn written_period(text: &str) -> Option<NaiveDate> {
    let t: String = half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if let Some(first) = written_quarter(&t) {
        return Some(first);
    }
    let t = t
        .trim_end_matches('日')
        .replace(['年', '月', '/', '／', '.'], "-");
    let parts: Vec<&str> = t.trim_end_matches('-').split('-').collect();
    let number = |s: &str| (!s.is_empty() && s.len() <= 4).then(|| s.parse::<u32>().ok())?;
    let (year, month, day) = match parts[..] {
        [y, m] if y.len() == 4 => (number(y)?, number(m)?, 1),
        [y, m, d] if y.len() == 4 => (number(y)?, number(m)?, number(d)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
        .filter(|d| crate::document::read::in_date_range(*d))
}

/// A quarter as the cycle table names it, "2025年第2季度" or "2025 Q2" (also "2025Q2",
/// "2025-Q2"): its first day.
fn written_quarter(t: &str) -> Option<NaiveDate> {
    let upper = t.to_ascii_uppercase();
    let (year, q) = match upper.split_once('Q') {
        Some((y, q)) => (y.trim_end_matches('-'), q),
        None => {
            let rest = upper.strip_suffix('度')?.strip_suffix('季')?;
            let (y, q) = rest.split_once('年')?;
            (y, q.strip_prefix('第').unwrap_or(q))
        }
    };
    let q: u32 = (q.len() == 1).then(|| q.parse().ok())??;
    let year: i32 = (year.len() == 4).then(|| year.parse().ok())??;
    (1..=4).contains(&q).then_some(())?;
    NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)
        .filter(|d| crate::document::read::in_date_range(*d))
}

/// Below zero: -0 is zero.
fn below_zero(d: Decimal) -> bool {
    d.is_sign_negative() && !d.is_zero()
}

/// A number of calendar days as typed outside the form's fields (the quick entry's and the
/// what-if's days late): "30", "３０", "30天"; `None` when it is no whole number of days.
pub fn typed_days(text: &str) -> Option<u32> {
    let number = half_width(text.trim());
    unit_words_off(number.trim_end(), crate::document::read::Counts::Days)
        .trim_end()
        .parse()
        .ok()
}

/// A whole number without the word for what it counts after it, as contracts write it: "15天",
/// "15 日", "12个月", "2次". "个工作日" is no calendar day and stays, to be refused.
fn unit_words_off(number: &str, counts: crate::document::read::Counts) -> &str {
    use crate::document::read::Counts;
    use crate::engine::notation;
    let words = match counts {
        Counts::Days => notation::DAYS,
        Counts::DayOfMonth => notation::DAY_OF_MONTH,
        Counts::Months => notation::MONTHS,
        Counts::Times => notation::TIMES,
    };
    words
        .iter()
        .find_map(|w| number.strip_suffix(w))
        .filter(|n| !notation::NOT_THE_UNIT.iter().any(|w| n.ends_with(w)))
        .unwrap_or(number)
}
