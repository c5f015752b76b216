//! Reading a scenario document (spec "Conventions", "Document"): every field checked, every
//! refusal a [`ValidationError`] that names the field by its JSON path and says, in Chinese or
//! English, what was expected and what was found. Nothing is computed from a half-valid scenario.

use super::error::{ErrorKind, Expected, ValidationError};
use crate::engine::calendar::Calendar;
use crate::engine::money::{parse_plain_decimal, MAX_AMOUNT};
use crate::engine::scenario::*;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::cell::Cell;

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
/// A scenario's name, at most this many characters.
pub const MAX_NAME_CHARS: usize = 200;
/// A fee component's or a loss's label, at most this many characters.
pub const MAX_LABEL_CHARS: usize = 100;

/// How deeply a JSON value nests (a scalar is 0).
fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Reads a scenario document from JSON text.
pub fn parse_scenario(text: &str) -> Res<Scenario> {
    scenario_from_value(&parse_json(text)?)
}

/// JSON text as a value, or the refusal "not valid JSON" (also for the store's own entries): at
/// most [`MAX_DOCUMENT_BYTES`], a leading byte-order mark ignored.
pub fn parse_json(text: &str) -> Res<Value> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ValidationError::new(
            "",
            ErrorKind::DocumentTooLarge {
                max_bytes: MAX_DOCUMENT_BYTES,
            },
        ));
    }
    // A byte-order mark, as some editors write it, is not part of the document.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        ValidationError::new(
            "",
            ErrorKind::Json {
                detail: e.to_string(),
            },
        )
    })
}

/// Reads a scenario document already parsed as JSON.
pub fn scenario_from_value(value: &Value) -> Res<Scenario> {
    let budget = Cell::new(0);
    let root = Obj::new(String::new(), value, &budget)?;
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
        contract: contract(&root.obj("contract")?)?,
        fees: fees(&root.obj("fees")?)?,
        payment: payment(&root.obj("payment")?)?,
        late_payment: root
            .opt_obj("late_payment")?
            .map(|o| late_payment(&o))
            .transpose()?,
        supplier_breaches: root
            .opt_obj("supplier_breaches")?
            .map(|o| supplier_breaches(&o))
            .transpose()?,
        client_breaches: root
            .opt_obj("client_breaches")?
            .map(|o| {
                Res::Ok(ClientBreaches {
                    confidentiality_penalty: o.opt_money("confidentiality_penalty")?,
                    extra: o.extra(&["confidentiality_penalty"])?,
                })
            })
            .transpose()?,
        termination: root
            .opt_obj("termination")?
            .map(|o| termination(&o))
            .transpose()?,
        extra: root.extra(&[
            "format",
            "version",
            "name",
            "as_of",
            "contract",
            "fees",
            "payment",
            "late_payment",
            "supplier_breaches",
            "client_breaches",
            "termination",
        ])?,
    };
    check_consistency(&scenario)?;
    Ok(scenario)
}

fn contract(o: &Obj) -> Res<Contract> {
    Ok(Contract {
        start: o.date("start")?,
        end: o.date("end")?,
        renewal_months: o
            .opt_uint("renewal_months", 0, 12 * MAX_TERM_YEARS as u64)?
            .unwrap_or(0) as u32,
        extra: o.extra(&["start", "end", "renewal_months"])?,
    })
}

fn fees(o: &Obj) -> Res<Fees> {
    let components = o
        .array("components")?
        .into_iter()
        .map(|c| {
            Ok(FeeComponent {
                label: c
                    .opt_short_text("label", MAX_LABEL_CHARS)?
                    .unwrap_or_default(),
                amount: c.money("amount")?,
                extra: c.extra(&["label", "amount"])?,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    Ok(Fees {
        cycle: o.choice(
            "cycle",
            &["monthly", "quarterly", "yearly"],
            &[Cycle::Monthly, Cycle::Quarterly, Cycle::Yearly],
            None,
        )?,
        partial_cycle: o.choice(
            "partial_cycle",
            &["by_days", "full"],
            &[PartialCycle::ByDays, PartialCycle::Full],
            Some(PartialCycle::ByDays),
        )?,
        components,
        extra: o.extra(&["cycle", "partial_cycle", "components"])?,
    })
}

const DAY_TYPES: &[&str] = &["calendar", "working"];
const MAX_DAYS: u64 = 3660;

fn day_type(o: &Obj) -> Res<DayType> {
    o.choice(
        "day_type",
        DAY_TYPES,
        &[DayType::Calendar, DayType::Working],
        None,
    )
}

fn payment(o: &Obj) -> Res<Payment> {
    let d = o.obj("due")?;
    let rule = d.choice(
        "rule",
        &[
            "day_of_next_month",
            "days_after_cycle_end",
            "days_after_cycle_start",
            "days_after_invoice",
        ],
        &[0u8, 1, 2, 3],
        None,
    )?;
    let due = match rule {
        0 => DueRule::DayOfNextMonth {
            day: d.uint("day", 1, 31)? as u32,
            extra: d.extra(&["rule", "day"])?,
        },
        1 => DueRule::DaysAfterCycleEnd {
            days: d.uint("days", 0, MAX_DAYS)? as u32,
            day_type: day_type(&d)?,
            extra: d.extra(&["rule", "days", "day_type"])?,
        },
        2 => DueRule::DaysAfterCycleStart {
            days: d.uint("days", 0, MAX_DAYS)? as u32,
            day_type: day_type(&d)?,
            extra: d.extra(&["rule", "days", "day_type"])?,
        },
        _ => DueRule::DaysAfterInvoice {
            invoice_day: d.uint("invoice_day", 1, 31)? as u32,
            days: d.uint("days", 0, MAX_DAYS)? as u32,
            day_type: day_type(&d)?,
            extra: d.extra(&["rule", "invoice_day", "days", "day_type"])?,
        },
    };
    let payments = o
        .opt_array("payments")?
        .into_iter()
        .map(|p| {
            Ok(PaymentMade {
                date: p.date("date")?,
                amount: p.money("amount")?,
                for_period: p.opt_date("for")?,
                extra: p.extra(&["date", "amount", "for"])?,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    Ok(Payment {
        due,
        calendar: o.choice(
            "calendar",
            &["cn", "weekends", "none"],
            &[Calendar::Cn, Calendar::Weekends, Calendar::None],
            Some(Calendar::Cn),
        )?,
        payments,
        extra: o.extra(&["due", "calendar", "payments"])?,
    })
}

/// §4, §9 one of the three rate forms.
fn rate(r: &Obj) -> Res<Rate> {
    let has = |k: &str| r.get(k).is_some();
    let fraction_days = has("per_days");
    let fraction_months = has("per_months");
    let lpr = has("lpr_multiple") || has("basis_days") || has("lpr_fixing") || has("lpr_term");
    let forms = usize::from(fraction_days) + usize::from(fraction_months) + usize::from(lpr);
    let fraction_only = forms == 0 && has("fraction");
    if forms > 1 || (lpr && has("fraction")) {
        return Err(ValidationError::new(r.path.clone(), ErrorKind::RateForm));
    }
    Ok(if lpr {
        Rate::Lpr {
            lpr_multiple: r.fraction("lpr_multiple")?,
            basis_days: r.number_choice("basis_days", &[360, 365])?,
            lpr_fixing: lpr_fixing(r)?,
            lpr_term: r.choice(
                "lpr_term",
                &["one_year", "five_year"],
                &[LprTerm::OneYear, LprTerm::FiveYear],
                Some(LprTerm::OneYear),
            )?,
            extra: r.extra(&["lpr_multiple", "basis_days", "lpr_fixing", "lpr_term"])?,
        }
    } else if fraction_months {
        Rate::Monthly {
            fraction: r.fraction("fraction")?,
            per_months: r.uint("per_months", 1, 12 * MAX_TERM_YEARS as u64)? as u32,
            extra: r.extra(&["fraction", "per_months"])?,
        }
    } else if fraction_days || fraction_only {
        Rate::Fraction {
            fraction: r.fraction("fraction")?,
            per_days: r.uint("per_days", 1, MAX_DAYS)? as u32,
            extra: r.extra(&["fraction", "per_days"])?,
        }
    } else {
        return Err(ValidationError::new(r.path.clone(), ErrorKind::RateForm));
    })
}

/// §9 `lpr_fixing`: one of the named days, or a date.
fn lpr_fixing(r: &Obj) -> Res<LprFixing> {
    let Some(v) = r.get("lpr_fixing") else {
        return Ok(LprFixing::DueDate);
    };
    if let Some(d) = v.as_str().and_then(parse_date) {
        return Ok(LprFixing::On(d));
    }
    const NAMES: &[&str] = &[
        "due_date",
        "first_day_late",
        "contract_start",
        "floating",
        "YYYY-MM-DD",
    ];
    v.as_str()
        .and_then(|t| LprFixing::NAMES.iter().position(|n| *n == t))
        .map(|i| LprFixing::FIXED[i])
        .ok_or_else(|| {
            r.err(
                "lpr_fixing",
                ErrorKind::Choice {
                    got: show(v),
                    allowed: NAMES,
                },
            )
        })
}

/// Strictly increasing dates in a list, refused at the first that is not.
fn increasing(path: &str, key: &str, dates: impl Iterator<Item = NaiveDate>) -> Res<()> {
    let mut previous: Option<NaiveDate> = None;
    for (i, d) in dates.enumerate() {
        if let Some(p) = previous.filter(|p| d <= *p) {
            return Err(ValidationError::new(
                format!("{path}[{i}].{key}"),
                ErrorKind::NotIncreasing { previous: p },
            ));
        }
        previous = Some(d);
    }
    Ok(())
}

fn late_payment(o: &Obj) -> Res<LatePayment> {
    let rate_changes = o
        .opt_array("rate_changes")?
        .into_iter()
        .map(|c| {
            Ok(RateChange {
                from: c.date("from")?,
                rate: rate(&c.obj("rate")?)?,
                extra: c.extra(&["from", "rate"])?,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    increasing(
        &join(&o.path, "rate_changes"),
        "from",
        rate_changes.iter().map(|c| c.from),
    )?;
    let lpr_fixings = o
        .opt_array("lpr_fixings")?
        .into_iter()
        .map(|f| {
            let effective = f.date("effective")?;
            if effective < crate::engine::lpr::lpr_start() {
                return Err(f.err(
                    "effective",
                    ErrorKind::FixingBeforeLpr {
                        first: crate::engine::lpr::lpr_start(),
                    },
                ));
            }
            Ok(UserLprFixing {
                effective,
                one_year: f.percent("one_year")?,
                five_year: f.opt_percent("five_year")?,
                extra: f.extra(&["effective", "one_year", "five_year"])?,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    increasing(
        &join(&o.path, "lpr_fixings"),
        "effective",
        lpr_fixings.iter().map(|f| f.effective),
    )?;
    let terms = LatePayment {
        rate: rate(&o.obj("rate")?)?,
        rate_changes,
        partial_period: o.choice(
            "partial_period",
            &["pro_rata", "full"],
            &[PartialPeriod::ProRata, PartialPeriod::Full],
            Some(PartialPeriod::ProRata),
        )?,
        day_count: o.choice(
            "day_count",
            &["standard", "exclude_end", "include_due_date"],
            &[
                DayCount::Standard,
                DayCount::ExcludeEnd,
                DayCount::IncludeDueDate,
            ],
            Some(DayCount::Standard),
        )?,
        accrues_from: o.opt_date("accrues_from")?,
        cap_fraction: o.opt_fraction("cap_fraction")?,
        cap_base: o.choice(
            "cap_base",
            &["cycle", "contract_total", "overdue"],
            &[CapBase::Cycle, CapBase::ContractTotal, CapBase::Overdue],
            Some(CapBase::Cycle),
        )?,
        rounding: o.choice(
            "rounding",
            &["per_cycle", "per_segment"],
            &[Rounding::PerCycle, Rounding::PerSegment],
            Some(Rounding::PerCycle),
        )?,
        lpr_fixings,
        suspend_after_days: o
            .opt_uint("suspend_after_days", 0, MAX_DAYS)?
            .map(|v| v as u32),
        terminate_after_days: o
            .opt_uint("terminate_after_days", 0, MAX_DAYS)?
            .map(|v| v as u32),
        extra: o.extra(&[
            "rate",
            "rate_changes",
            "partial_period",
            "day_count",
            "accrues_from",
            "cap_fraction",
            "cap_base",
            "rounding",
            "lpr_fixings",
            "suspend_after_days",
            "terminate_after_days",
        ])?,
    };
    let floating = |r: &Rate| {
        matches!(
            r,
            Rate::Lpr {
                lpr_fixing: LprFixing::Floating,
                ..
            }
        )
    };
    if terms.partial_period == PartialPeriod::Full
        && (floating(&terms.rate) || terms.rate_changes.iter().any(|c| floating(&c.rate)))
    {
        return Err(o.err("partial_period", ErrorKind::FloatingNeedsProRata));
    }
    Ok(terms)
}

fn supplier_breaches(o: &Obj) -> Res<SupplierBreaches> {
    Ok(SupplierBreaches {
        subcontracting: o
            .opt_obj("subcontracting")?
            .map(|s| {
                Res::Ok(Subcontracting {
                    penalty_fraction: s.fraction("penalty_fraction")?,
                    refund_paid: s
                        .opt_bool("refund_paid")?
                        .ok_or_else(|| s.err("refund_paid", ErrorKind::Missing))?,
                    occurred_on: s.opt_date("occurred_on")?,
                    extra: s.extra(&["penalty_fraction", "refund_paid", "occurred_on"])?,
                })
            })
            .transpose()?,
        service_incidents: o
            .opt_obj("service_incidents")?
            .map(|s| {
                Res::Ok(ServiceIncidents {
                    count: s.uint("count", 0, 1_000_000)? as u32,
                    penalty_each: s.money("penalty_each")?,
                    extra: s.extra(&["count", "penalty_each"])?,
                })
            })
            .transpose()?,
        substandard_service: o
            .opt_obj("substandard_service")?
            .map(|s| {
                Res::Ok(SubstandardService {
                    value: s.money("value")?,
                    fraction: s.fraction("fraction")?,
                    extra: s.extra(&["value", "fraction"])?,
                })
            })
            .transpose()?,
        confidentiality_penalty: o.opt_money("confidentiality_penalty")?,
        losses: o
            .opt_array("losses")?
            .into_iter()
            .map(|l| {
                Ok(Loss {
                    label: l
                        .opt_short_text("label", MAX_LABEL_CHARS)?
                        .unwrap_or_default(),
                    amount: l.money("amount")?,
                    extra: l.extra(&["label", "amount"])?,
                })
            })
            .collect::<Res<Vec<_>>>()?,
        extra: o.extra(&[
            "subcontracting",
            "service_incidents",
            "substandard_service",
            "confidentiality_penalty",
            "losses",
        ])?,
    })
}

fn termination(o: &Obj) -> Res<Termination> {
    Ok(Termination {
        date: o.date("date")?,
        reason: o.choice(
            "reason",
            &[
                "mutual",
                "force_majeure",
                "client_breach",
                "supplier_breach",
                "subcontracting",
            ],
            &[
                TerminationReason::Mutual,
                TerminationReason::ForceMajeure,
                TerminationReason::ClientBreach,
                TerminationReason::SupplierBreach,
                TerminationReason::Subcontracting,
            ],
            None,
        )?,
        breach_penalty_fraction: o.opt_fraction("breach_penalty_fraction")?,
        settlement_days: o.opt_uint("settlement_days", 0, MAX_DAYS)?.unwrap_or(0) as u32,
        extra: o.extra(&[
            "date",
            "reason",
            "breach_penalty_fraction",
            "settlement_days",
        ])?,
    })
}

/// The rules that tie one field to another: the term, the termination date, the reason.
pub fn check_consistency(s: &Scenario) -> Res<()> {
    let c = &s.contract;
    if c.end < c.start {
        return Err(ValidationError::new(
            "contract.end",
            ErrorKind::EndBeforeStart { start: c.start },
        ));
    }
    if c.end >= crate::engine::fees::add_months(c.start, 12 * MAX_TERM_YEARS) {
        return Err(ValidationError::new(
            "contract.end",
            ErrorKind::TermTooLong {
                max_years: MAX_TERM_YEARS,
            },
        ));
    }
    if let Some(t) = &s.termination {
        if t.date < c.start || t.date > c.end {
            return Err(ValidationError::new(
                "termination.date",
                ErrorKind::OutsideTerm {
                    start: c.start,
                    end: c.end,
                },
            ));
        }
        let has_clause = s
            .supplier_breaches
            .as_ref()
            .is_some_and(|b| b.subcontracting.is_some());
        if t.reason == TerminationReason::Subcontracting && !has_clause {
            return Err(ValidationError::new(
                "termination.reason",
                ErrorKind::NeedsSubcontracting,
            ));
        }
    }
    let designated = s.payment.payments.iter().enumerate();
    let mut designated = designated
        .filter_map(|(i, p)| p.for_period.map(|f| (i, f)))
        .peekable();
    if designated.peek().is_some() {
        let starts: Vec<NaiveDate> = crate::engine::compute::billed_periods(s)
            .iter()
            .map(|c| c.start)
            .collect();
        for (i, f) in designated {
            if starts.binary_search(&f).is_err() {
                return Err(ValidationError::new(
                    format!("payment.payments[{i}].for"),
                    ErrorKind::NotABilledPeriod { got: f },
                ));
            }
        }
    }
    Ok(())
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

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// One JSON object being read, with its path for messages (the store reads its entries with it).
pub(crate) struct Obj<'a> {
    path: String,
    map: &'a Map<String, Value>,
    /// Bytes of unknown fields kept so far in the whole document.
    budget: &'a Cell<usize>,
}

impl<'a> Obj<'a> {
    pub(crate) fn new(path: String, v: &'a Value, budget: &'a Cell<usize>) -> Res<Self> {
        match v {
            Value::Object(map) => Ok(Obj { path, map, budget }),
            other => Err(ValidationError::new(
                path,
                ErrorKind::WrongType {
                    expected: Expected::Object,
                    got: show(other),
                },
            )),
        }
    }

    fn err(&self, key: &str, kind: ErrorKind) -> ValidationError {
        ValidationError::new(join(&self.path, key), kind)
    }

    /// The value at `key`; absent and `null` are the same.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub(crate) fn req(&self, key: &str) -> Res<&'a Value> {
        self.get(key)
            .ok_or_else(|| self.err(key, ErrorKind::Missing))
    }

    /// The fields this version does not know, kept for re-saving: each at most
    /// [`MAX_UNKNOWN_DEPTH`] deep, all of them together at most [`MAX_UNKNOWN_BYTES`] as JSON.
    fn extra(&self, known: &[&str]) -> Res<Extra> {
        let mut out = Extra::new();
        for (k, v) in self
            .map
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
        {
            if depth(v) > MAX_UNKNOWN_DEPTH {
                return Err(self.err(
                    k,
                    ErrorKind::UnknownTooDeep {
                        max: MAX_UNKNOWN_DEPTH,
                    },
                ));
            }
            let raw = serde_json::value::to_raw_value(v).map_err(|e| {
                self.err(
                    k,
                    ErrorKind::Json {
                        detail: e.to_string(),
                    },
                )
            })?;
            let used = self.budget.get() + k.len() + raw.get().len();
            if used > MAX_UNKNOWN_BYTES {
                return Err(self.err(
                    k,
                    ErrorKind::UnknownTooLarge {
                        max_bytes: MAX_UNKNOWN_BYTES,
                    },
                ));
            }
            self.budget.set(used);
            out.insert(k.clone(), raw);
        }
        Ok(out)
    }

    fn opt_obj(&self, key: &str) -> Res<Option<Obj<'a>>> {
        self.get(key)
            .map(|v| Obj::new(join(&self.path, key), v, self.budget))
            .transpose()
    }

    fn obj(&self, key: &str) -> Res<Obj<'a>> {
        Obj::new(join(&self.path, key), self.req(key)?, self.budget)
    }

    fn opt_array(&self, key: &str) -> Res<Vec<Obj<'a>>> {
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
    fn opt_short_text(&self, key: &str, max: usize) -> Res<Option<String>> {
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

    fn opt_bool(&self, key: &str) -> Res<Option<bool>> {
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
            None => Err(self.err(key, refuse(show(v)))),
        }
    }

    fn opt_money(&self, key: &str) -> Res<Option<Decimal>> {
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

    fn money(&self, key: &str) -> Res<Decimal> {
        self.req(key)?;
        Ok(self.opt_money(key)?.unwrap_or_default())
    }

    fn opt_fraction(&self, key: &str) -> Res<Option<Decimal>> {
        let f = self.opt_decimal(key, |got| ErrorKind::Fraction { got })?;
        if let Some(f) = f {
            if f > max_fraction() {
                return Err(self.err(
                    key,
                    ErrorKind::FractionTooLarge {
                        got: show(self.req(key)?),
                        max: max_fraction(),
                    },
                ));
            }
        }
        Ok(f)
    }

    fn fraction(&self, key: &str) -> Res<Decimal> {
        self.req(key)?;
        Ok(self.opt_fraction(key)?.unwrap_or_default())
    }

    /// A yearly rate in percent, 0 to 100, written as a JSON string (§9 `lpr_fixings`).
    fn opt_percent(&self, key: &str) -> Res<Option<Decimal>> {
        let p = self.opt_decimal(key, |got| ErrorKind::Percent { got })?;
        match p {
            Some(p) if p > Decimal::ONE_HUNDRED => Err(self.err(
                key,
                ErrorKind::Percent {
                    got: show(self.req(key)?),
                },
            )),
            other => Ok(other),
        }
    }

    fn percent(&self, key: &str) -> Res<Decimal> {
        self.req(key)?;
        Ok(self.opt_percent(key)?.unwrap_or_default())
    }

    fn opt_date(&self, key: &str) -> Res<Option<NaiveDate>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        v.as_str()
            .and_then(parse_date)
            .map(Some)
            .ok_or_else(|| self.err(key, ErrorKind::Date { got: show(v) }))
    }

    fn date(&self, key: &str) -> Res<NaiveDate> {
        self.req(key)?;
        Ok(self.opt_date(key)?.unwrap_or_default())
    }

    pub(crate) fn opt_uint(&self, key: &str, min: u64, max: u64) -> Res<Option<u64>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        match v.as_u64() {
            Some(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(self.err(
                key,
                ErrorKind::WholeNumber {
                    got: show(v),
                    min,
                    max,
                },
            )),
        }
    }

    fn uint(&self, key: &str, min: u64, max: u64) -> Res<u64> {
        self.req(key)?;
        Ok(self.opt_uint(key, min, max)?.unwrap_or_default())
    }

    /// One of a few whole numbers, written as a JSON number (`basis_days`: 360 or 365).
    fn number_choice(&self, key: &str, allowed: &'static [u32]) -> Res<u32> {
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
    fn choice<T: Copy>(
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

/// A number as the document writes it (spec "Conventions"): digits, optionally a point and more
/// digits — no sign, no spaces, no "5." or ".5", no exponent.
fn document_decimal(s: &str) -> Option<Decimal> {
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(int) && digits(frac)) {
        return None;
    }
    parse_plain_decimal(s)
}

/// `YYYY-MM-DD` exactly, years 1900 to 2200.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::engine::calendar::parse_ymd(s).filter(|d| (1900..=2200).contains(&d.year()))
}

/// Reads a scenario document and computes it: what `contract-calc compute` does.
pub fn compute_json(text: &str) -> Res<crate::engine::compute::ComputeResult> {
    Ok(crate::engine::compute::compute(&parse_scenario(text)?)?)
}
