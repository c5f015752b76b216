//! The calculator's form: every field exactly as the user typed it, and the translation to and
//! from the scenario document. Typed text is kept even when it is not valid, so nothing a user
//! typed is lost; [`FormState::to_scenario`] says which fields are wrong, by their JSON path.
//!
//! Money fields accept `50000`, `50,000`, `50000.00` and `5万` ([`crate::engine::money::parse_user_amount`]);
//! rates are typed in %, ‰ or ‱ and stored as fractions; switched-off clauses are written as `null`.
//!
//! - [`rates`]: rates as typed (unit, sign, the clause's rate and its §9 changes, presets);
//! - [`reader`]: typed text into the document's values, with path-named errors;
//! - [`unknown`]: fields of a later version carried over from the loaded document.

pub mod rates;
mod reader;

pub use rates::{
    fraction_in_unit, typed_rate, RateChangeRow, RateFields, RateKind, RatePreset, RateUnit,
};

use crate::document::error::{ErrorKind, ValidationError};
use crate::document::read::{
    check_consistency, DAYS, DAY_OF_MONTH, INCIDENTS, MAX_LABEL_CHARS, MAX_LIST, MAX_NAME_CHARS,
    PERIOD_MONTHS, RENEWAL_MONTHS,
};
use crate::engine::calendar::Calendar;
use crate::engine::money::parse_user_amount;
use crate::engine::scenario::*;
use reader::Reader;
use rust_decimal::Decimal;
use std::sync::Arc;

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
}

/// A payment as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaymentRow {
    pub date: String,
    pub amount: String,
    /// §13 the start of the billed period this payment is for; empty = the earliest due.
    pub for_period: String,
}

/// §9 one LPR fixing the user adds, as typed (percent per year).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LprFixingRow {
    pub effective: String,
    pub one_year: String,
    /// Empty = the five-year series stays as it was.
    pub five_year: String,
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

    /// The scenario the form describes, or every field that is wrong (by JSON path): text that
    /// cannot be read or is out of range, field by field; then the rules that tie fields together
    /// ([`check_consistency`], the document's own). Fields of a later version carried by the
    /// loaded scenario are kept where the form still has their place.
    pub fn to_scenario(&self) -> Result<Scenario, Vec<ValidationError>> {
        let mut r = Reader::default();
        let s = self.typed(&mut r);
        match s {
            Some(s) if r.errors.is_empty() => {
                check_consistency(&s).map_err(|e| vec![e])?;
                Ok(s)
            }
            _ => Err(r.errors),
        }
    }

    /// What the loaded scenario kept at a place the form also fills (its unknown fields).
    fn kept<T>(&self, at: impl FnOnce(&Scenario) -> Option<&T>) -> Option<&T> {
        self.original.as_deref().and_then(at)
    }

    fn kept_extra(&self, at: impl FnOnce(&Scenario) -> Option<&Extra>) -> Extra {
        self.kept(at).cloned().unwrap_or_default()
    }

    /// §1 the term's last day: as typed, or from the start and a number of months.
    fn end(&self, r: &mut Reader) -> Option<chrono::NaiveDate> {
        match self.end_mode {
            EndMode::Date => r.date("contract.end", &self.end),
            EndMode::Months => {
                let start = crate::document::read::parse_date(self.start.trim());
                let months = r.whole("contract.term_months", &self.term_months, PERIOD_MONTHS)?;
                start.map(|s| crate::engine::fees::renewal_end(s.pred_opt().unwrap_or(s), months))
            }
        }
    }

    /// §2 the due rule chosen, with its days.
    fn due(&self, r: &mut Reader) -> Option<DueRule> {
        let day_type = self.due_day_type.unwrap_or(DayType::Calendar);
        let extra = || match (self.due_rule, self.kept(|o| Some(&o.payment.due))) {
            (DueRuleKind::DayOfNextMonth, Some(DueRule::DayOfNextMonth { extra, .. }))
            | (DueRuleKind::DaysAfterCycleEnd, Some(DueRule::DaysAfterCycleEnd { extra, .. }))
            | (
                DueRuleKind::DaysAfterCycleStart,
                Some(DueRule::DaysAfterCycleStart { extra, .. }),
            )
            | (DueRuleKind::DaysAfterInvoice, Some(DueRule::DaysAfterInvoice { extra, .. })) => {
                extra.clone()
            }
            _ => Extra::new(),
        };
        let days = |r: &mut Reader| r.whole("payment.due.days", &self.due_days, DAYS);
        Some(match self.due_rule {
            DueRuleKind::DayOfNextMonth => DueRule::DayOfNextMonth {
                day: r.whole("payment.due.day", &self.due_day, DAY_OF_MONTH)?,
                extra: extra(),
            },
            DueRuleKind::DaysAfterCycleEnd => DueRule::DaysAfterCycleEnd {
                days: days(r)?,
                day_type,
                extra: extra(),
            },
            DueRuleKind::DaysAfterCycleStart => DueRule::DaysAfterCycleStart {
                days: days(r)?,
                day_type,
                extra: extra(),
            },
            DueRuleKind::DaysAfterInvoice => {
                let invoice_day =
                    r.whole("payment.due.invoice_day", &self.invoice_day, DAY_OF_MONTH);
                DueRule::DaysAfterInvoice {
                    days: days(r)?,
                    invoice_day: invoice_day?,
                    day_type,
                    extra: extra(),
                }
            }
        })
    }

    /// A list's rows read one by one; `None` when one cannot be read (its message is in `r`), or
    /// when there are more rows than a document may list.
    fn rows<T, U>(
        r: &mut Reader,
        path: &str,
        rows: &[T],
        mut read: impl FnMut(&mut Reader, usize, &T) -> Option<U>,
    ) -> Option<Vec<U>> {
        if rows.len() > MAX_LIST {
            r.push(path, ErrorKind::TooMany { max: MAX_LIST });
            return None;
        }
        let mut out = Some(Vec::with_capacity(rows.len()));
        for (i, row) in rows.iter().enumerate() {
            match (read(r, i, row), &mut out) {
                (Some(v), Some(list)) => list.push(v),
                _ => out = None,
            }
        }
        out
    }

    /// §1 the fee components.
    fn components(&self, r: &mut Reader) -> Option<Vec<FeeComponent>> {
        let kept = self.kept(|o| Some(&o.fees.components));
        Self::rows(r, "fees.components", &self.components, |r, i, c| {
            let label = r.label(
                &format!("fees.components[{i}].label"),
                &c.label,
                MAX_LABEL_CHARS,
            );
            let amount = r.money(&format!("fees.components[{i}].amount"), &c.amount);
            Some(FeeComponent {
                label: label?,
                amount: amount?,
                extra: kept
                    .and_then(|k| k.get(i))
                    .map(|k| k.extra.clone())
                    .unwrap_or_default(),
            })
        })
    }

    /// §3, §13 the payments made, each possibly for a billed period.
    fn payments(&self, r: &mut Reader) -> Option<Vec<PaymentMade>> {
        let kept = self.kept(|o| Some(&o.payment.payments));
        Self::rows(r, "payment.payments", &self.payments, |r, i, p| {
            let date = r.date(&format!("payment.payments[{i}].date"), &p.date);
            let amount = r.money(&format!("payment.payments[{i}].amount"), &p.amount);
            let for_period = r.opt_date(&format!("payment.payments[{i}].for"), &p.for_period);
            Some(PaymentMade {
                date: date?,
                amount: amount?,
                for_period: for_period?,
                extra: kept
                    .and_then(|k| k.get(i))
                    .map(|k| k.extra.clone())
                    .unwrap_or_default(),
            })
        })
    }

    /// §4, §9 the late-payment clause.
    fn late_payment(&self, r: &mut Reader) -> Option<LatePayment> {
        let kept = self.kept(|o| o.late_payment.as_ref());
        let rate = r.rate_fields("late_payment.rate", &self.rate(), kept.map(|k| &k.rate));
        let rate_changes = Self::rows(
            r,
            "late_payment.rate_changes",
            &self.rate_changes,
            |r, i, c| {
                let path = format!("late_payment.rate_changes[{i}]");
                let was = kept.and_then(|k| k.rate_changes.get(i));
                let from = r.date(&format!("{path}.from"), &c.from);
                let rate = r.rate_fields(&format!("{path}.rate"), &c.rate, was.map(|w| &w.rate));
                Some(RateChange {
                    from: from?,
                    rate: rate?,
                    extra: was.map(|w| w.extra.clone()).unwrap_or_default(),
                })
            },
        );
        let lpr_fixings = Self::rows(
            r,
            "late_payment.lpr_fixings",
            &self.lpr_fixings,
            |r, i, x| {
                let path = format!("late_payment.lpr_fixings[{i}]");
                let effective = r.date(&format!("{path}.effective"), &x.effective);
                let one_year = r.percent(&format!("{path}.one_year"), &x.one_year);
                let five_year = r.optional(&x.five_year, |r| {
                    r.percent(&format!("{path}.five_year"), &x.five_year)
                });
                Some(UserLprFixing {
                    effective: effective?,
                    one_year: one_year?,
                    five_year: five_year?,
                    extra: kept
                        .and_then(|k| k.lpr_fixings.get(i))
                        .map(|k| k.extra.clone())
                        .unwrap_or_default(),
                })
            },
        );
        let cap_fraction = r.opt_rate(
            "late_payment.cap_fraction",
            &self.cap_percent,
            RateUnit::Percent,
        );
        let accrues_from = r.opt_date("late_payment.accrues_from", &self.accrues_from);
        let suspend = r.opt_whole(
            "late_payment.suspend_after_days",
            &self.suspend_after_days,
            DAYS,
        );
        let terminate = r.opt_whole(
            "late_payment.terminate_after_days",
            &self.terminate_after_days,
            DAYS,
        );
        Some(LatePayment {
            rate: rate?,
            rate_changes: rate_changes?,
            partial_period: self.partial_period,
            day_count: self.day_count,
            accrues_from: accrues_from?,
            cap_fraction: cap_fraction?,
            cap_base: self.cap_base,
            rounding: self.rounding,
            lpr_fixings: lpr_fixings?,
            suspend_after_days: suspend?,
            terminate_after_days: terminate?,
            extra: kept.map(|k| k.extra.clone()).unwrap_or_default(),
        })
    }

    /// §5, §6 what the supplier may owe: the clauses switched on, the losses listed. `None` when
    /// nothing is (and the loaded scenario kept nothing there).
    fn supplier_breaches(&self, r: &mut Reader) -> Option<Option<SupplierBreaches>> {
        let kept = self.kept(|o| o.supplier_breaches.as_ref());
        let subcontracting = self
            .subcontracting_enabled
            .then(|| {
                let fraction = r.rate(
                    "supplier_breaches.subcontracting.penalty_fraction",
                    &self.subcontracting_percent,
                    RateUnit::Percent,
                );
                let on = r.opt_date(
                    "supplier_breaches.subcontracting.occurred_on",
                    &self.subcontracting_on,
                );
                Some(Subcontracting {
                    penalty_fraction: fraction?,
                    refund_paid: self.subcontracting_refund,
                    occurred_on: on?,
                    extra: self.kept_extra(|o| {
                        Some(&o.supplier_breaches.as_ref()?.subcontracting.as_ref()?.extra)
                    }),
                })
            })
            .map_or(Some(None), |s| s.map(Some));
        let incidents = self
            .incidents_enabled
            .then(|| {
                let count = r.whole(
                    "supplier_breaches.service_incidents.count",
                    &self.incident_count,
                    INCIDENTS,
                );
                let each = r.money(
                    "supplier_breaches.service_incidents.penalty_each",
                    &self.incident_penalty,
                );
                Some(ServiceIncidents {
                    count: count?,
                    penalty_each: each?,
                    extra: self.kept_extra(|o| {
                        Some(
                            &o.supplier_breaches
                                .as_ref()?
                                .service_incidents
                                .as_ref()?
                                .extra,
                        )
                    }),
                })
            })
            .map_or(Some(None), |s| s.map(Some));
        let substandard = self
            .substandard_enabled
            .then(|| {
                let value = r.money(
                    "supplier_breaches.substandard_service.value",
                    &self.substandard_value,
                );
                let fraction = r.rate(
                    "supplier_breaches.substandard_service.fraction",
                    &self.substandard_percent,
                    RateUnit::Percent,
                );
                Some(SubstandardService {
                    value: value?,
                    fraction: fraction?,
                    extra: self.kept_extra(|o| {
                        Some(
                            &o.supplier_breaches
                                .as_ref()?
                                .substandard_service
                                .as_ref()?
                                .extra,
                        )
                    }),
                })
            })
            .map_or(Some(None), |s| s.map(Some));
        let confidentiality = r.opt_money(
            "supplier_breaches.confidentiality_penalty",
            &self.supplier_confidentiality,
        );
        let kept_losses = kept.map(|k| &k.losses);
        let losses = Self::rows(r, "supplier_breaches.losses", &self.losses, |r, i, l| {
            let label = r.label(
                &format!("supplier_breaches.losses[{i}].label"),
                &l.label,
                MAX_LABEL_CHARS,
            );
            let amount = r.money(&format!("supplier_breaches.losses[{i}].amount"), &l.amount);
            Some(Loss {
                label: label?,
                amount: amount?,
                extra: kept_losses
                    .and_then(|k| k.get(i))
                    .map(|k| k.extra.clone())
                    .unwrap_or_default(),
            })
        });
        let b = SupplierBreaches {
            subcontracting: subcontracting?,
            service_incidents: incidents?,
            substandard_service: substandard?,
            confidentiality_penalty: confidentiality?,
            losses: losses?,
            extra: kept.map(|k| k.extra.clone()).unwrap_or_default(),
        };
        let empty = b.subcontracting.is_none()
            && b.service_incidents.is_none()
            && b.substandard_service.is_none()
            && b.confidentiality_penalty.is_none()
            && b.losses.is_empty()
            && b.extra.is_empty();
        Some((!empty).then_some(b))
    }

    /// §6 the termination, when one is modelled.
    fn termination(&self, r: &mut Reader) -> Option<Termination> {
        let date = r.date("termination.date", &self.termination_date);
        let fraction = r.opt_rate(
            "termination.breach_penalty_fraction",
            &self.breach_percent,
            RateUnit::Percent,
        );
        let days = r.whole("termination.settlement_days", &self.settlement_days, DAYS);
        Some(Termination {
            date: date?,
            reason: self.termination_reason.unwrap_or(TerminationReason::Mutual),
            breach_penalty_fraction: fraction?,
            settlement_days: days?,
            extra: self.kept_extra(|o| Some(&o.termination.as_ref()?.extra)),
        })
    }

    /// The scenario as typed, every field read (so that every error is reported), or `None`.
    fn typed(&self, r: &mut Reader) -> Option<Scenario> {
        let name = r.label("name", &self.name, MAX_NAME_CHARS);
        let as_of = r.date("as_of", &self.as_of);
        let start = r.date("contract.start", &self.start);
        let end = self.end(r);
        let renewal = r.opt_whole(
            "contract.renewal_months",
            &self.renewal_months,
            RENEWAL_MONTHS,
        );
        let components = self.components(r);
        let due = self.due(r);
        let payments = self.payments(r);
        let late = self.late_enabled.then(|| self.late_payment(r));
        let supplier = self.supplier_breaches(r);
        let client = r.opt_money(
            "client_breaches.confidentiality_penalty",
            &self.client_confidentiality,
        );
        let termination = self.termination_enabled.then(|| self.termination(r));
        Some(Scenario {
            format: FORMAT.to_string(),
            version: VERSION,
            name: name?,
            as_of: as_of?,
            contract: Contract {
                start: start?,
                end: end?,
                renewal_months: renewal?.unwrap_or(0),
                extra: self.kept_extra(|o| Some(&o.contract.extra)),
            },
            fees: Fees {
                cycle: self.cycle.unwrap_or(Cycle::Monthly),
                partial_cycle: self.partial_cycle,
                components: components?,
                extra: self.kept_extra(|o| Some(&o.fees.extra)),
            },
            payment: Payment {
                due: due?,
                calendar: self.calendar,
                payments: payments?,
                extra: self.kept_extra(|o| Some(&o.payment.extra)),
            },
            late_payment: late.map_or(Some(None), |l| l.map(Some))?,
            supplier_breaches: supplier?,
            client_breaches: match client? {
                Some(p) => Some(ClientBreaches {
                    confidentiality_penalty: Some(p),
                    extra: self.kept_extra(|o| Some(&o.client_breaches.as_ref()?.extra)),
                }),
                None => self
                    .kept(|o| o.client_breaches.as_ref())
                    .filter(|k| !k.extra.is_empty())
                    .map(|k| ClientBreaches {
                        confidentiality_penalty: None,
                        extra: k.extra.clone(),
                    }),
            },
            termination: termination.map_or(Some(None), |t| t.map(Some))?,
            extra: self.kept_extra(|o| Some(&o.extra)),
        })
    }
}

#[cfg(test)]
mod tests;
