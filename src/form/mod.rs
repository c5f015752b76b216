//! The calculator's form: every field exactly as the user typed it, and the translation to and
//! from the scenario document. Typed text is kept even when it is not valid, so nothing a user
//! typed is lost; [`FormState::to_scenario`] says which fields are wrong, by their JSON path.
//!
//! Money fields accept `50000`, `50,000`, `50000.00` and `5万` ([`crate::engine::money::parse_user_amount`]);
//! rates are typed in %, ‰ or ‱ and stored as fractions; switched-off clauses are written as `null`.
//!
//! - [`paths`]: every field's JSON path, named once;
//! - [`labels`]: each field's name as its label says it, by its path (for fields not drawn);
//! - [`rates`]: rates as typed (unit, sign, the clause's rate and its §9 changes, presets);
//! - [`reader`]: typed text into the scenario's values, with path-named errors;
//! - [`scenario`]: the typed scenario the form describes, section by section ([`FormState::to_scenario`]);

pub mod labels;
pub mod paths;
pub mod rates;
mod reader;
pub mod rows_shown;
mod scenario;

pub use rates::{
    fraction_in_unit, typed_multiple, typed_rate, RateChangeRow, RateFields, RateKind, RatePreset,
    RateUnit,
};
pub use reader::typed_days;

use crate::engine::calendar::Calendar;
use crate::engine::money::parse_user_amount;
use crate::engine::scenario::*;
use chrono::Datelike;
use rust_decimal::Decimal;
use std::sync::Arc;

/// What a date field holds once its input is left with a date the browser cannot read (a part
/// missing, or 30 February): refused with a message that says so. The working draft, which
/// only a valid form writes, never holds it.
pub const UNFINISHED_DATE: &str = "\u{2026}";

/// How the end of the term is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EndMode {
    #[default]
    Date,
    /// start + N months − 1 day.
    Months,
}

/// Which due rule is chosen (its fields live beside it in the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DueRuleKind {
    #[default]
    DayOfNextMonth,
    DaysAfterCycleEnd,
    DaysAfterCycleStart,
    DaysAfterInvoice,
}

/// A labelled amount: a fee component or a listed loss.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabelledAmount {
    pub label: String,
    pub amount: String,
    /// A later version's fields on the loaded row: they move with the row.
    pub extra: Extra,
}

/// What a change of billing cycle did to the payments designated for a period (§13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Redesignated {
    /// A designation's text changed: the form's fields must be read again.
    pub rewritten: bool,
    /// A designation now names a period of the new cycle (another length, if not another day:
    /// a quarter's payment now for its first month, or back for the month it was typed for): the
    /// user is told to check it.
    pub moved: bool,
}

/// A payment as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaymentRow {
    pub date: String,
    pub amount: String,
    /// §13 the start of the billed period this payment is for; empty = the earliest due.
    pub for_period: String,
    /// The period as designated before a change of billing cycle moved it to the new period
    /// holding that day, and where it moved: switched back, while the field still shows that,
    /// the designation is what it was ([`FormState::set_cycle`]). Not stored: after a reload the
    /// moved period stays, which the cycle note asks the user to check.
    pub for_before_cycle: Option<(String, String)>,
    /// A later version's fields on the loaded row: they move with the row.
    pub extra: Extra,
}

/// §9 one LPR fixing the user adds, as typed (percent per year).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LprFixingRow {
    pub effective: String,
    pub one_year: String,
    /// Empty = the five-year series stays as it was.
    pub five_year: String,
    /// A later version's fields on the loaded row: they move with the row.
    pub extra: Extra,
}

/// The last day of a term of `months` from `start` (Civil Code Art. 202: 2025-01-01 + 12 months
/// ends on 2025-12-31).
pub fn end_after(start: chrono::NaiveDate, months: u32) -> chrono::NaiveDate {
    crate::engine::fees::renewal_end(start.pred_opt().unwrap_or(start), months)
}

impl LprFixingRow {
    /// Nothing typed and nothing carried: a row added and not filled in, or emptied.
    pub fn is_blank(&self) -> bool {
        [&self.effective, &self.one_year, &self.five_year]
            .iter()
            .all(|t| t.trim().is_empty())
            && self.extra.is_empty()
    }
}

/// Every field of the form, as text or as a choice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormState {
    pub name: String,
    pub as_of: String,
    pub start: String,
    pub end_mode: EndMode,
    pub end: String,
    pub term_months: String,
    pub renewal_months: String,

    pub cycle: Option<Cycle>,
    pub partial_cycle: PartialCycle,
    pub components: Vec<LabelledAmount>,

    pub due_rule: DueRuleKind,
    pub due_day: String,
    pub due_days: String,
    pub due_day_type: Option<DayType>,
    pub invoice_day: String,
    pub calendar: Calendar,
    pub payments: Vec<PaymentRow>,

    pub late_enabled: bool,
    pub rate_kind: RateKind,
    pub rate_value: String,
    pub rate_unit: RateUnit,
    pub per_days: String,
    pub per_months: String,
    pub lpr_multiple: String,
    pub basis_days: u32,
    pub lpr_fixing: LprFixing,
    pub lpr_term: LprTerm,
    pub partial_period: PartialPeriod,
    pub day_count: DayCount,
    /// Empty = from the day after the due date.
    pub accrues_from: String,
    pub rounding: Rounding,
    /// §9 the rate changes on a date (LPR × 1.3 until 2020-08-31, then 日万分之五).
    pub rate_changes: Vec<RateChangeRow>,
    pub lpr_fixings: Vec<LprFixingRow>,
    /// Cap as % of the base chosen; empty = no cap.
    pub cap_percent: String,
    pub cap_base: CapBase,
    /// Empty = the contract gives no such right.
    pub suspend_after_days: String,
    pub terminate_after_days: String,

    pub subcontracting_enabled: bool,
    pub subcontracting_percent: String,
    pub subcontracting_refund: bool,
    pub subcontracting_on: String,
    pub incidents_enabled: bool,
    pub incident_count: String,
    pub incident_penalty: String,
    pub substandard_enabled: bool,
    pub substandard_value: String,
    pub substandard_percent: String,
    /// Empty = no confidentiality penalty.
    pub supplier_confidentiality: String,
    pub losses: Vec<LabelledAmount>,
    pub client_confidentiality: String,

    pub termination_enabled: bool,
    pub termination_date: String,
    pub termination_reason: Option<TerminationReason>,
    pub breach_percent: String,
    pub settlement_days: String,

    /// The scenario the form was loaded from: fields this version does not know (its `extra`)
    /// are carried over.
    pub original: Option<Arc<Scenario>>,
}

impl FormState {
    /// The form showing `s`.
    pub fn from_scenario(s: &Scenario) -> FormState {
        let money = |d: Decimal| d.to_string();
        let percent = |d: Decimal| fraction_in_unit(d, RateUnit::Percent);
        let opt_money = |d: Option<Decimal>| d.map(money).unwrap_or_default();
        let opt_days = |d: Option<u32>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut f = FormState {
            name: s.name.clone(),
            as_of: s.as_of.to_string(),
            start: s.contract.start.to_string(),
            end: s.contract.end.to_string(),
            renewal_months: s.contract.renewal_months.to_string(),
            cycle: Some(s.fees.cycle),
            partial_cycle: s.fees.partial_cycle,
            components: s
                .fees
                .components
                .iter()
                .map(|c| LabelledAmount {
                    label: c.label.clone(),
                    amount: money(c.amount),
                    extra: c.extra.clone(),
                })
                .collect(),
            calendar: s.payment.calendar,
            payments: s
                .payment
                .payments
                .iter()
                .map(|p| PaymentRow {
                    date: p.date.to_string(),
                    amount: money(p.amount),
                    for_period: p.for_period.map(|d| d.to_string()).unwrap_or_default(),
                    for_before_cycle: None,
                    extra: p.extra.clone(),
                })
                .collect(),
            original: Some(Arc::new(s.clone())),
            ..FormState::blank()
        };
        match &s.payment.due {
            DueRule::DayOfNextMonth { day, .. } => {
                f.due_rule = DueRuleKind::DayOfNextMonth;
                f.due_day = day.to_string();
            }
            DueRule::DaysAfterCycleEnd { days, day_type, .. } => {
                f.due_rule = DueRuleKind::DaysAfterCycleEnd;
                f.due_days = days.to_string();
                f.due_day_type = Some(*day_type);
            }
            DueRule::DaysAfterCycleStart { days, day_type, .. } => {
                f.due_rule = DueRuleKind::DaysAfterCycleStart;
                f.due_days = days.to_string();
                f.due_day_type = Some(*day_type);
            }
            DueRule::DaysAfterInvoice {
                invoice_day,
                days,
                day_type,
                ..
            } => {
                f.due_rule = DueRuleKind::DaysAfterInvoice;
                f.invoice_day = invoice_day.to_string();
                f.due_days = days.to_string();
                f.due_day_type = Some(*day_type);
            }
        }
        if let Some(l) = &s.late_payment {
            f.late_enabled = true;
            f.set_rate(RateFields::of(&l.rate));
            f.rate_changes = l
                .rate_changes
                .iter()
                .map(|c| RateChangeRow {
                    from: c.from.to_string(),
                    rate: RateFields::of(&c.rate),
                    loaded: Some(c.clone()),
                })
                .collect();
            f.partial_period = l.partial_period;
            f.cap_percent = l.cap_fraction.map(percent).unwrap_or_default();
            f.cap_base = l.cap_base;
            f.day_count = l.day_count;
            f.accrues_from = l.accrues_from.map(|d| d.to_string()).unwrap_or_default();
            f.rounding = l.rounding;
            f.lpr_fixings = l
                .lpr_fixings
                .iter()
                .map(|x| LprFixingRow {
                    effective: x.effective.to_string(),
                    one_year: x.one_year.normalize().to_string(),
                    five_year: x
                        .five_year
                        .map(|v| v.normalize().to_string())
                        .unwrap_or_default(),
                    extra: x.extra.clone(),
                })
                .collect();
            f.suspend_after_days = opt_days(l.suspend_after_days);
            f.terminate_after_days = opt_days(l.terminate_after_days);
        }
        if let Some(b) = &s.supplier_breaches {
            if let Some(c) = &b.subcontracting {
                f.subcontracting_enabled = true;
                f.subcontracting_percent = percent(c.penalty_fraction);
                f.subcontracting_refund = c.refund_paid;
                f.subcontracting_on = c.occurred_on.map(|d| d.to_string()).unwrap_or_default();
            }
            if let Some(i) = &b.service_incidents {
                f.incidents_enabled = true;
                f.incident_count = i.count.to_string();
                f.incident_penalty = money(i.penalty_each);
            }
            if let Some(q) = &b.substandard_service {
                f.substandard_enabled = true;
                f.substandard_value = money(q.value);
                f.substandard_percent = percent(q.fraction);
            }
            f.supplier_confidentiality = opt_money(b.confidentiality_penalty);
            f.losses = b
                .losses
                .iter()
                .map(|l| LabelledAmount {
                    label: l.label.clone(),
                    amount: money(l.amount),
                    extra: l.extra.clone(),
                })
                .collect();
        }
        if let Some(c) = &s.client_breaches {
            f.client_confidentiality = opt_money(c.confidentiality_penalty);
        }
        if let Some(t) = &s.termination {
            f.termination_enabled = true;
            f.termination_date = t.date.to_string();
            f.termination_reason = Some(t.reason);
            f.breach_percent = t.breach_penalty_fraction.map(percent).unwrap_or_default();
            f.settlement_days = t.settlement_days.to_string();
        }
        f
    }

    /// The clause's own rate as typed.
    pub fn rate(&self) -> RateFields {
        RateFields {
            kind: self.rate_kind,
            value: self.rate_value.clone(),
            unit: self.rate_unit,
            per_days: self.per_days.clone(),
            per_months: self.per_months.clone(),
            lpr_multiple: self.lpr_multiple.clone(),
            basis_days: self.basis_days,
            lpr_fixing: self.lpr_fixing,
            lpr_term: self.lpr_term,
        }
    }

    pub fn set_rate(&mut self, r: RateFields) {
        self.rate_kind = r.kind;
        self.rate_value = r.value;
        self.rate_unit = r.unit;
        self.per_days = r.per_days;
        self.per_months = r.per_months;
        self.lpr_multiple = r.lpr_multiple;
        self.basis_days = r.basis_days;
        self.lpr_fixing = r.lpr_fixing;
        self.lpr_term = r.lpr_term;
    }

    /// Adds a §9 rate change to be edited: the rate in force, from the day after the evaluation
    /// date (or after the last change, when that is later), so no counted day changes its rate
    /// and the figures stay as they were until the row is edited.
    pub fn add_rate_change(&mut self) {
        let parse = |t: &str| crate::document::read::parse_date(t.trim());
        let after = |d: Option<chrono::NaiveDate>| d.and_then(|d| d.succ_opt());
        let last = after(self.rate_changes.last().and_then(|c| parse(&c.from)));
        let from = match (after(parse(&self.as_of)), last) {
            (Some(a), Some(l)) => Some(a.max(l)),
            (a, l) => a.or(l),
        };
        let rate = self
            .rate_changes
            .last()
            .map_or_else(|| self.rate(), |c| c.rate.clone());
        self.rate_changes.push(RateChangeRow {
            from: from.map(|d| d.to_string()).unwrap_or_default(),
            rate,
            loaded: None,
        });
    }

    /// Defaults for every switched-off clause, so switching one on shows sensible terms.
    fn blank() -> FormState {
        let mut f = FormState {
            renewal_months: "0".into(),
            term_months: "12".into(),
            due_day: "10".into(),
            due_days: "15".into(),
            invoice_day: "25".into(),
            subcontracting_percent: "20".into(),
            subcontracting_refund: true,
            incident_count: "0".into(),
            incident_penalty: "2000".into(),
            substandard_value: "0".into(),
            substandard_percent: "10".into(),
            settlement_days: "30".into(),
            ..FormState::default()
        };
        f.set_rate(RateFields::default());
        f
    }

    /// A new billing cycle. A payment designated for a period (§13) is then designated for the
    /// new period that holds that day: "2025-05" billed by quarter is the quarter from
    /// 2025-04-01 (or from the contract's start, for a first period that starts later), not a
    /// day that starts no period and stops every figure. Switched back, it is for May again,
    /// not for April. Says whether a designation was rewritten (the form's fields must then be
    /// read again) and whether one now names another period than designated (the user is told).
    pub fn set_cycle(&mut self, cycle: Cycle) -> Redesignated {
        let old = self.cycle.unwrap_or(Cycle::Monthly);
        self.cycle = Some(cycle);
        let mut out = Redesignated::default();
        if old == cycle {
            return out;
        }
        let start = crate::document::read::parse_date(self.start.trim());
        for p in &mut self.payments {
            let designated = match p.for_before_cycle.take() {
                Some((typed, moved)) if moved == p.for_period => typed,
                _ => p.for_period.clone(),
            };
            if let Some(day) = reader::written_period(designated.trim()) {
                // With no start to read, natural months and quarters still hold the day (counted
                // from its 1 January); a contract year cannot be known, so the day stays.
                let from = start.unwrap_or(match cycle {
                    Cycle::Yearly => day,
                    _ => day.with_ordinal(1).unwrap_or(day),
                });
                let first = crate::engine::fees::billed_period_start(cycle, from, day).to_string();
                out.rewritten |= first != p.for_period;
                let moved = reader::written_period(&first) != Some(day);
                // Any designation now names a period of another length (restored or not): the
                // user checks it.
                out.moved = true;
                p.for_before_cycle = moved.then(|| (designated, first.clone()));
                p.for_period = first;
            }
        }
        out
    }

    /// Switches between an end date and a number of months, carrying the term over: the end date
    /// the months give, or the months an end date covers when it ends a whole number of months
    /// after the start (2025-01-01 to 2027-06-30: 30); an end date that does not leaves the months
    /// empty, to be typed, rather than a number the field last held, which silently changed the
    /// contract.
    pub fn set_end_mode(&mut self, mode: EndMode) {
        let parse = |t: &str| crate::document::read::parse_date(t.trim());
        let range = crate::document::read::PERIOD_MONTHS;
        match (self.end_mode, mode, parse(&self.start)) {
            (EndMode::Date, EndMode::Months, Some(start)) => {
                let end = parse(&self.end);
                let months = (range.min..=range.max).find(|&m| Some(end_after(start, m)) == end);
                self.term_months = months.map(|m| m.to_string()).unwrap_or_default();
            }
            (EndMode::Months, EndMode::Date, Some(start)) => {
                let months = crate::engine::money::half_width(self.term_months.trim())
                    .parse::<u32>()
                    .ok()
                    .filter(|m| (range.min..=range.max).contains(m));
                if let Some(m) = months {
                    self.end = end_after(start, m).to_string();
                }
            }
            _ => {}
        }
        self.end_mode = mode;
    }

    /// Switches the termination clause on or off; switched on with no date yet, it starts from the
    /// evaluation date (or the term's last day, whichever is earlier), so nothing shows as wrong
    /// before the user has typed anything.
    pub fn set_termination(&mut self, on: bool) {
        self.termination_enabled = on;
        if on && self.termination_date.trim().is_empty() {
            let parse = |t: &str| crate::document::read::parse_date(t.trim());
            let end = match self.end_mode {
                EndMode::Date => parse(&self.end),
                EndMode::Months => None,
            };
            let date = match (parse(&self.as_of), end) {
                (Some(a), Some(e)) => Some(a.min(e)),
                (a, e) => a.or(e),
            };
            self.termination_date = date.map(|d| d.to_string()).unwrap_or_default();
        }
    }

    /// Restates every fee component for a new billing cycle (monthly → quarterly: × 3), rounded
    /// to the fen, so the contract total stays what it was; text that is not an amount is left.
    pub fn convert_cycle_amounts(&mut self, from: Cycle, to: Cycle) {
        let months = |c: Cycle| match c {
            Cycle::Monthly => Decimal::ONE,
            Cycle::Quarterly => Decimal::from(3),
            Cycle::Yearly => Decimal::from(12),
        };
        for c in &mut self.components {
            if let Ok(a) = parse_user_amount(&c.amount) {
                let mut v = crate::engine::money::round_yuan(a * months(to) / months(from));
                v.rescale(2);
                c.amount = v.to_string();
            }
        }
    }

    /// Applies one of the contract templates' late-payment rates.
    pub fn apply_preset(&mut self, preset: RatePreset) {
        self.late_enabled = true;
        let caps = [
            RatePreset::CapFivePercentOfOverdue,
            RatePreset::CapThirtyPercentOfTotal,
        ];
        if !caps.contains(&preset) {
            self.partial_period = PartialPeriod::ProRata;
        }
        match preset {
            RatePreset::FivePerTenThousandDaily => {
                self.rate_kind = RateKind::Fraction;
                self.rate_value = "5".into();
                self.rate_unit = RateUnit::PerTenThousand;
                self.per_days = "1".into();
            }
            RatePreset::OnePerMilleDaily => {
                self.rate_kind = RateKind::Fraction;
                self.rate_value = "1".into();
                self.rate_unit = RateUnit::PerMille;
                self.per_days = "1".into();
            }
            RatePreset::LprTimesOnePointFive => {
                self.rate_kind = RateKind::Lpr;
                self.lpr_multiple = "1.5".into();
                self.basis_days = 365;
                self.lpr_fixing = LprFixing::DueDate;
            }
            RatePreset::FloatingLprTimesOnePointFive => {
                self.rate_kind = RateKind::Lpr;
                self.lpr_multiple = "1.5".into();
                self.basis_days = 365;
                self.lpr_fixing = LprFixing::Floating;
                self.lpr_term = LprTerm::OneYear;
            }
            RatePreset::MonthlyOnePointTwoEight => {
                self.rate_kind = RateKind::Monthly;
                self.rate_value = "1.28".into();
                self.rate_unit = RateUnit::Percent;
                self.per_months = "1".into();
            }
            RatePreset::CapFivePercentOfOverdue => {
                self.cap_percent = "5".into();
                self.cap_base = CapBase::Overdue;
            }
            RatePreset::CapThirtyPercentOfTotal => {
                self.cap_percent = "30".into();
                self.cap_base = CapBase::ContractTotal;
            }
        }
    }
}

#[cfg(test)]
mod tests;
