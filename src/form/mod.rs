//! The calculator's form: every field exactly as the user typed it, and the translation to and
//! from the scenario document. Typed text is kept even when it is not valid, so nothing a user
//! typed is lost; [`FormState::to_scenario`] says which fields are wrong, by their JSON path.
//!
//! Money fields accept `50000`, `50,000`, `50000.00` and `5万` ([`crate::engine::money::parse_user_amount`]);
//! rates are typed in %, ‰ or ‱ and stored as fractions; switched-off clauses are written as `null`.

use crate::document::error::{ErrorKind, ValidationError};
use crate::document::read::scenario_from_value;
use crate::engine::calendar::Calendar;
use crate::engine::money::{parse_plain_decimal, parse_user_amount, AmountInputError};
use crate::engine::scenario::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// The unit a rate is typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RateUnit {
    /// 百分之 (%).
    #[default]
    Percent,
    /// 千分之 (‰).
    PerMille,
    /// 万分之 (‱).
    PerTenThousand,
}

impl RateUnit {
    pub const ALL: [RateUnit; 3] = [
        RateUnit::Percent,
        RateUnit::PerMille,
        RateUnit::PerTenThousand,
    ];

    fn divisor(self) -> Decimal {
        match self {
            RateUnit::Percent => Decimal::ONE_HUNDRED,
            RateUnit::PerMille => Decimal::ONE_THOUSAND,
            RateUnit::PerTenThousand => Decimal::from(10_000),
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            RateUnit::Percent => "%",
            RateUnit::PerMille => "‰",
            RateUnit::PerTenThousand => "‱",
        }
    }

    /// The unit that shows `fraction` most naturally: 0.0005 → 5‱ (万分之五), 0.001 → 1‰, 0.0365 → 3.65%.
    pub fn natural_for(fraction: Decimal) -> RateUnit {
        if fraction.is_zero() || fraction >= Decimal::new(1, 2) {
            RateUnit::Percent
        } else if fraction >= Decimal::new(1, 3) {
            RateUnit::PerMille
        } else {
            RateUnit::PerTenThousand
        }
    }
}

/// A rate as typed, as a fraction: a unit sign (`%`, `‰`, `‱`) or word (百分之, 千分之, 万分之)
/// typed with the number wins over the unit chosen beside the field, so "0.05%" is 万分之五
/// whatever the selector says; a bare number is in the chosen unit.
pub fn typed_rate(text: &str, chosen: RateUnit) -> Option<Decimal> {
    let t = text.trim();
    let signs = [
        ("%", RateUnit::Percent),
        ("％", RateUnit::Percent),
        ("‰", RateUnit::PerMille),
        ("‱", RateUnit::PerTenThousand),
    ];
    let words = [
        ("百分之", RateUnit::Percent),
        ("千分之", RateUnit::PerMille),
        ("万分之", RateUnit::PerTenThousand),
    ];
    let (number, unit) = signs
        .iter()
        .find_map(|(s, u)| t.strip_suffix(s).map(|rest| (rest, *u)))
        .or_else(|| {
            words
                .iter()
                .find_map(|(w, u)| t.strip_prefix(w).map(|rest| (rest, *u)))
        })
        .unwrap_or((t, chosen));
    parse_plain_decimal(number.trim()).map(|d| (d / unit.divisor()).normalize())
}

/// `fraction` written in `unit`, without trailing zeros: 0.0005 in ‱ → "5".
pub fn fraction_in_unit(fraction: Decimal, unit: RateUnit) -> String {
    (fraction * unit.divisor()).normalize().to_string()
}

/// Which form of late-payment rate the contract uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RateKind {
    /// A fraction per N days (日万分之五, 每10日1%…).
    #[default]
    Fraction,
    /// A fraction per N calendar months (月利率1.28%, spec §9).
    Monthly,
    /// A multiple of the LPR.
    Lpr,
}

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

/// A late-payment rate as typed: the clause's own rate, or one of its §9 `rate_changes`.
#[derive(Debug, Clone, PartialEq)]
pub struct RateFields {
    pub kind: RateKind,
    pub value: String,
    pub unit: RateUnit,
    pub per_days: String,
    pub per_months: String,
    pub lpr_multiple: String,
    pub basis_days: u32,
    pub lpr_fixing: LprFixing,
    pub lpr_term: LprTerm,
}

impl Default for RateFields {
    /// 日万分之五, the SME payment regulation's default.
    fn default() -> Self {
        RateFields {
            kind: RateKind::Fraction,
            value: "5".into(),
            unit: RateUnit::PerTenThousand,
            per_days: "1".into(),
            per_months: "1".into(),
            lpr_multiple: "1.5".into(),
            basis_days: 365,
            lpr_fixing: LprFixing::default(),
            lpr_term: LprTerm::default(),
        }
    }
}

impl RateFields {
    /// The fields showing `rate`.
    pub fn of(rate: &Rate) -> RateFields {
        let mut r = RateFields::default();
        match rate {
            Rate::Fraction {
                fraction, per_days, ..
            } => {
                r.kind = RateKind::Fraction;
                r.unit = RateUnit::natural_for(*fraction);
                r.value = fraction_in_unit(*fraction, r.unit);
                r.per_days = per_days.to_string();
            }
            Rate::Monthly {
                fraction,
                per_months,
                ..
            } => {
                r.kind = RateKind::Monthly;
                r.unit = RateUnit::natural_for(*fraction);
                r.value = fraction_in_unit(*fraction, r.unit);
                r.per_months = per_months.to_string();
            }
            Rate::Lpr {
                lpr_multiple,
                basis_days,
                lpr_fixing,
                lpr_term,
                ..
            } => {
                r.kind = RateKind::Lpr;
                r.lpr_multiple = lpr_multiple.normalize().to_string();
                r.basis_days = *basis_days;
                r.lpr_fixing = *lpr_fixing;
                r.lpr_term = *lpr_term;
            }
        }
        r
    }
}

/// §9 one `rate_changes` entry as typed: from this day on, another rate.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RateChangeRow {
    pub from: String,
    pub rate: RateFields,
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

    /// The document the form was loaded from: fields this version does not know are carried over.
    pub original: Option<Value>,
}

/// The late-payment presets the contract templates use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatePreset {
    /// 日万分之五: the default of the SME payment regulation (《保障中小企业款项支付条例》).
    FivePerTenThousandDaily,
    /// 日千分之一.
    OnePerMilleDaily,
    /// 1.5 × LPR, 365-day year.
    LprTimesOnePointFive,
    /// 按同期一年期LPR的1.5倍: floating, as courts compute it.
    FloatingLprTimesOnePointFive,
    /// 月利率1.28%: calendar months, a part month by days/30.
    MonthlyOnePointTwoEight,
    /// 以逾期付款总额的5%为上限.
    CapFivePercentOfOverdue,
    /// 累计不超过合同总金额的30%.
    CapThirtyPercentOfTotal,
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
            original: Some(s.to_json_value()),
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

    /// The scenario the form describes, or every field that is wrong (by JSON path). Text that
    /// cannot be read is reported first, field by field; then the document's own rules apply.
    pub fn to_scenario(&self) -> Result<Scenario, Vec<ValidationError>> {
        let mut r = Reader::default();
        let doc = self.document(&mut r);
        if !r.errors.is_empty() {
            return Err(r.errors);
        }
        let doc = match &self.original {
            Some(orig) => with_unknown_fields(doc, orig),
            None => doc,
        };
        scenario_from_value(&doc).map_err(|e| vec![e])
    }

    fn document(&self, r: &mut Reader) -> Value {
        let end = match self.end_mode {
            EndMode::Date => r.date("contract.end", &self.end),
            EndMode::Months => {
                let start = crate::document::read::parse_date(self.start.trim());
                let months = r.whole("contract.term_months", &self.term_months);
                match (start, months.as_u64()) {
                    (Some(s), Some(m)) if (1..=1200).contains(&m) => {
                        json!(
                            crate::engine::fees::renewal_end(s.pred_opt().unwrap_or(s), m as u32)
                                .to_string()
                        )
                    }
                    (_, Some(_)) => {
                        r.push(
                            "contract.term_months",
                            ErrorKind::WholeNumber {
                                got: self.term_months.clone(),
                                min: 1,
                                max: 1200,
                            },
                        );
                        Value::Null
                    }
                    _ => Value::Null,
                }
            }
        };
        let day_type = json!(match self.due_day_type.unwrap_or(DayType::Calendar) {
            DayType::Calendar => "calendar",
            DayType::Working => "working",
        });
        let due = match self.due_rule {
            DueRuleKind::DayOfNextMonth => {
                json!({"rule": "day_of_next_month", "day": r.whole("payment.due.day", &self.due_day)})
            }
            DueRuleKind::DaysAfterCycleEnd => json!({"rule": "days_after_cycle_end",
                "days": r.whole("payment.due.days", &self.due_days), "day_type": day_type}),
            DueRuleKind::DaysAfterCycleStart => json!({"rule": "days_after_cycle_start",
                "days": r.whole("payment.due.days", &self.due_days), "day_type": day_type}),
            DueRuleKind::DaysAfterInvoice => json!({"rule": "days_after_invoice",
                "invoice_day": r.whole("payment.due.invoice_day", &self.invoice_day),
                "days": r.whole("payment.due.days", &self.due_days), "day_type": day_type}),
        };
        let components: Vec<Value> = self
            .components
            .iter()
            .enumerate()
            .map(|(i, c)| json!({"label": c.label, "amount": r.money(&format!("fees.components[{i}].amount"), &c.amount)}))
            .collect();
        let payments: Vec<Value> = self
            .payments
            .iter()
            .enumerate()
            .map(|(i, p)| {
                json!({"date": r.date(&format!("payment.payments[{i}].date"), &p.date),
                       "amount": r.money(&format!("payment.payments[{i}].amount"), &p.amount),
                       "for": r.opt_date(&format!("payment.payments[{i}].for"), &p.for_period)})
            })
            .collect();
        let late = if self.late_enabled {
            let rate = r.rate_fields("late_payment.rate", &self.rate());
            let changes: Vec<Value> = self
                .rate_changes
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let path = format!("late_payment.rate_changes[{i}]");
                    json!({"from": r.date(&format!("{path}.from"), &c.from),
                           "rate": r.rate_fields(&format!("{path}.rate"), &c.rate)})
                })
                .collect();
            json!({"rate": rate,
                   "rate_changes": changes,
                   "partial_period": match self.partial_period { PartialPeriod::ProRata => "pro_rata", PartialPeriod::Full => "full" },
                   "cap_fraction": r.opt_rate("late_payment.cap_fraction", &self.cap_percent, RateUnit::Percent),
                   "cap_base": self.cap_base,
                   "day_count": self.day_count,
                   "accrues_from": r.opt_date("late_payment.accrues_from", &self.accrues_from),
                   "rounding": self.rounding,
                   "lpr_fixings": self.lpr_fixings.iter().enumerate().map(|(i, x)| json!({
                       "effective": r.date(&format!("late_payment.lpr_fixings[{i}].effective"), &x.effective),
                       "one_year": r.percent(&format!("late_payment.lpr_fixings[{i}].one_year"), &x.one_year),
                       "five_year": r.optional(&x.five_year, |r| r.percent(&format!("late_payment.lpr_fixings[{i}].five_year"), &x.five_year)),
                   })).collect::<Vec<_>>(),
                   "suspend_after_days": r.opt_whole("late_payment.suspend_after_days", &self.suspend_after_days),
                   "terminate_after_days": r.opt_whole("late_payment.terminate_after_days", &self.terminate_after_days)})
        } else {
            Value::Null
        };
        let losses: Vec<Value> = self
            .losses
            .iter()
            .enumerate()
            .map(|(i, l)| json!({"label": l.label, "amount": r.money(&format!("supplier_breaches.losses[{i}].amount"), &l.amount)}))
            .collect();
        let supplier = json!({
            "subcontracting": if self.subcontracting_enabled { json!({
                "penalty_fraction": r.rate("supplier_breaches.subcontracting.penalty_fraction", &self.subcontracting_percent, RateUnit::Percent),
                "refund_paid": self.subcontracting_refund,
                "occurred_on": r.opt_date("supplier_breaches.subcontracting.occurred_on", &self.subcontracting_on)}) } else { Value::Null },
            "service_incidents": if self.incidents_enabled { json!({
                "count": r.whole("supplier_breaches.service_incidents.count", &self.incident_count),
                "penalty_each": r.money("supplier_breaches.service_incidents.penalty_each", &self.incident_penalty)}) } else { Value::Null },
            "substandard_service": if self.substandard_enabled { json!({
                "value": r.money("supplier_breaches.substandard_service.value", &self.substandard_value),
                "fraction": r.rate("supplier_breaches.substandard_service.fraction", &self.substandard_percent, RateUnit::Percent)}) } else { Value::Null },
            "confidentiality_penalty": r.opt_money("supplier_breaches.confidentiality_penalty", &self.supplier_confidentiality),
            "losses": losses,
        });
        let client_conf = r.opt_money(
            "client_breaches.confidentiality_penalty",
            &self.client_confidentiality,
        );
        let termination = if self.termination_enabled {
            json!({"date": r.date("termination.date", &self.termination_date),
                   "reason": match self.termination_reason.unwrap_or(TerminationReason::Mutual) {
                       TerminationReason::Mutual => "mutual",
                       TerminationReason::ForceMajeure => "force_majeure",
                       TerminationReason::ClientBreach => "client_breach",
                       TerminationReason::SupplierBreach => "supplier_breach",
                       TerminationReason::Subcontracting => "subcontracting",
                   },
                   "breach_penalty_fraction": r.opt_rate("termination.breach_penalty_fraction", &self.breach_percent, RateUnit::Percent),
                   "settlement_days": r.whole("termination.settlement_days", &self.settlement_days)})
        } else {
            Value::Null
        };
        let mut doc = json!({
            "format": FORMAT,
            "version": VERSION,
            "name": self.name,
            "as_of": r.date("as_of", &self.as_of),
            "contract": {"start": r.date("contract.start", &self.start), "end": end,
                         "renewal_months": r.opt_whole("contract.renewal_months", &self.renewal_months).as_u64().unwrap_or(0)},
            "fees": {"cycle": match self.cycle.unwrap_or(Cycle::Monthly) {
                        Cycle::Monthly => "monthly", Cycle::Quarterly => "quarterly", Cycle::Yearly => "yearly" },
                     "partial_cycle": match self.partial_cycle { PartialCycle::ByDays => "by_days", PartialCycle::Full => "full" },
                     "components": []},
            "payment": {"due": due,
                        "calendar": match self.calendar { Calendar::Cn => "cn", Calendar::Weekends => "weekends", Calendar::None => "none" },
                        "payments": []},
            "late_payment": late,
            "supplier_breaches": if supplier.as_object().is_some_and(|o| o.values().all(|v| v.is_null() || v == &json!([]))) {
                Value::Null
            } else {
                supplier
            },
            "client_breaches": if client_conf.is_null() { Value::Null } else { json!({"confidentiality_penalty": client_conf}) },
            "termination": termination,
        });
        // Moved in, not through `json!`, which would copy every row once more (per keystroke).
        doc["fees"]["components"] = Value::Array(components);
        doc["payment"]["payments"] = Value::Array(payments);
        doc
    }
}

/// Reads typed text into JSON values, collecting one error per unreadable field.
#[derive(Default)]
struct Reader {
    errors: Vec<ValidationError>,
}

impl Reader {
    fn push(&mut self, path: &str, kind: ErrorKind) {
        self.errors.push(ValidationError::new(path, kind));
    }

    /// Records that the text typed at `path` was refused; the document gets `null` there.
    fn refuse(&mut self, path: &str, text: &str, kind: impl FnOnce(String) -> ErrorKind) -> Value {
        self.push(path, kind(text.trim().to_string()));
        Value::Null
    }

    /// An optional field: empty text means "not agreed" (`null`); anything else is read.
    fn optional(&mut self, text: &str, read: impl FnOnce(&mut Self) -> Value) -> Value {
        if text.trim().is_empty() {
            Value::Null
        } else {
            read(self)
        }
    }

    fn money(&mut self, path: &str, text: &str) -> Value {
        match parse_user_amount(text) {
            Ok(d) if d.normalize().scale() > 2 => {
                self.refuse(path, text, |got| ErrorKind::TypedFen { got })
            }
            Ok(mut d) => {
                if d.scale() < 2 {
                    d.rescale(2);
                }
                json!(d.to_string())
            }
            Err(AmountInputError::Negative) => {
                self.refuse(path, text, |got| ErrorKind::Amount { got })
            }
            Err(AmountInputError::TooLarge) => {
                self.refuse(path, text, |got| ErrorKind::AmountTooLarge { got })
            }
            Err(AmountInputError::NotANumber) => {
                self.refuse(path, text, |got| ErrorKind::TypedAmount { got })
            }
        }
    }

    fn opt_money(&mut self, path: &str, text: &str) -> Value {
        self.optional(text, |r| r.money(path, text))
    }

    /// A plain non-negative decimal (an LPR multiple).
    fn plain(&mut self, path: &str, text: &str) -> Value {
        match parse_plain_decimal(text.trim()) {
            Some(d) => json!(d.to_string()),
            None => self.refuse(path, text, |got| ErrorKind::TypedRate { got }),
        }
    }

    /// A yearly rate in percent (an LPR fixing): "3.00" or "3.00%".
    fn percent(&mut self, path: &str, text: &str) -> Value {
        let t = text.trim();
        let number = t.strip_suffix(['%', '％']).unwrap_or(t).trim();
        match parse_plain_decimal(number) {
            Some(d) => json!(d.to_string()),
            None => self.refuse(path, text, |got| ErrorKind::Percent { got }),
        }
    }

    fn rate(&mut self, path: &str, text: &str, unit: RateUnit) -> Value {
        match typed_rate(text, unit) {
            Some(d) => json!(d.to_string()),
            None => self.refuse(path, text, |got| ErrorKind::TypedRate { got }),
        }
    }

    /// A rate at `path` (`late_payment.rate` or a change's `rate`) in its document form.
    fn rate_fields(&mut self, path: &str, f: &RateFields) -> Value {
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

    fn opt_rate(&mut self, path: &str, text: &str, unit: RateUnit) -> Value {
        self.optional(text, |r| r.rate(path, text, unit))
    }

    fn whole(&mut self, path: &str, text: &str) -> Value {
        match text.trim().parse::<u64>() {
            Ok(n) => json!(n),
            Err(_) => self.refuse(path, text, |got| ErrorKind::TypedWholeNumber { got }),
        }
    }

    fn opt_whole(&mut self, path: &str, text: &str) -> Value {
        self.optional(text, |r| r.whole(path, text))
    }

    fn date(&mut self, path: &str, text: &str) -> Value {
        match crate::document::read::parse_date(text.trim()) {
            Some(d) => json!(d.to_string()),
            None => self.refuse(path, text, |got| ErrorKind::TypedDate { got }),
        }
    }

    fn opt_date(&mut self, path: &str, text: &str) -> Value {
        self.optional(text, |r| r.date(path, text))
    }
}

/// Carries over from `original` every object field the form does not write (fields of a later
/// version or another tool), so re-saving a scenario keeps them.
fn with_unknown_fields(mut doc: Value, original: &Value) -> Value {
    merge_unknown(&mut doc, original);
    doc
}

/// Every field name version 1 defines: these the form writes itself (or leaves out on purpose,
/// as when the rate changes from a fraction to an LPR multiple).
const KNOWN_FIELDS: &[&str] = &[
    "format",
    "version",
    "name",
    "as_of",
    "contract",
    "start",
    "end",
    "renewal_months",
    "fees",
    "cycle",
    "partial_cycle",
    "components",
    "label",
    "amount",
    "payment",
    "due",
    "rule",
    "day",
    "days",
    "day_type",
    "invoice_day",
    "calendar",
    "payments",
    "date",
    "late_payment",
    "rate",
    "fraction",
    "per_days",
    "per_months",
    "lpr_multiple",
    "basis_days",
    "lpr_fixing",
    "lpr_term",
    "partial_period",
    "day_count",
    "accrues_from",
    "rounding",
    "rate_changes",
    "from",
    "lpr_fixings",
    "effective",
    "one_year",
    "five_year",
    "cap_fraction",
    "cap_base",
    "for",
    "suspend_after_days",
    "terminate_after_days",
    "supplier_breaches",
    "subcontracting",
    "penalty_fraction",
    "refund_paid",
    "occurred_on",
    "service_incidents",
    "count",
    "penalty_each",
    "substandard_service",
    "value",
    "confidentiality_penalty",
    "losses",
    "client_breaches",
    "termination",
    "reason",
    "breach_penalty_fraction",
    "settlement_days",
];

fn merge_unknown(doc: &mut Value, original: &Value) {
    match (doc, original) {
        (Value::Object(d), Value::Object(o)) => {
            for (k, ov) in o {
                match d.get_mut(k) {
                    Some(dv) => merge_unknown(dv, ov),
                    None if !KNOWN_FIELDS.contains(&k.as_str()) => {
                        d.insert(k.clone(), ov.clone());
                    }
                    None => {}
                }
            }
        }
        (Value::Array(d), Value::Array(o)) => {
            for (dv, ov) in d.iter_mut().zip(o) {
                merge_unknown(dv, ov);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::samples::starter;
    use crate::engine::compute::compute;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 9, 30).unwrap()
    }

    #[test]
    fn the_form_shows_a_scenario_and_gives_it_back_unchanged() {
        let s = crate::document::read::parse_scenario(include_str!(
            "../../tests/fixtures/termination-2025.json"
        ))
        .unwrap();
        let back = FormState::from_scenario(&s).to_scenario().unwrap();
        assert_eq!(compute(&back).unwrap(), compute(&s).unwrap());
        // Amounts compare as numbers: the form writes 40000.00 for 40000.00 and 0.1 for 0.10.
        assert_eq!(back, s);
    }

    #[test]
    fn the_starter_survives_the_form_unchanged() {
        // No supplier clause switched on: the document keeps `supplier_breaches: null`.
        let s = starter(today());
        assert_eq!(FormState::from_scenario(&s).to_scenario().unwrap(), s);
    }

    #[test]
    fn five_wan_is_fifty_thousand() {
        // Typing "5万" as the base fee gives ¥50,000 a month; with the ¥5,000 maintenance fee
        // that is ¥55,000 a month, ¥660,000 for 2025.
        let mut f = FormState::from_scenario(&starter(today()));
        f.components[0].amount = "5万".into();
        let s = f.to_scenario().unwrap();
        assert_eq!(s.fees.components[0].amount, Decimal::from(50_000));
        assert_eq!(
            compute(&s).unwrap().total_fees.contract_total,
            Decimal::new(66_000_000, 2)
        );
        f.components[0].amount = "45,000.00".into();
        assert_eq!(
            f.to_scenario().unwrap().fees.components[0].amount,
            Decimal::from(45_000)
        );
        // Contracts state amounts to the fen: a third decimal is refused in the form.
        f.components[0].amount = "45000.005".into();
        assert_eq!(
            f.to_scenario().unwrap_err()[0].path,
            "fees.components[0].amount"
        );
        f.components[0].amount = "45,000.00".into();
        assert_eq!(
            f.to_scenario().unwrap().fees.components[0].amount,
            Decimal::from(45_000)
        );
    }

    #[test]
    fn an_unreadable_field_is_named_and_nothing_is_computed() {
        let mut f = FormState::from_scenario(&starter(today()));
        f.components[1].amount = "五千".into();
        f.payments[0].date = String::new();
        let errors = f.to_scenario().unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            vec!["fees.components[1].amount", "payment.payments[0].date"]
        );
        assert!(errors[0].message(crate::text::Lang::Zh).contains("5万"));
    }

    #[test]
    fn end_before_start_is_the_documents_own_rule() {
        let mut f = FormState::from_scenario(&starter(today()));
        f.end = "2024-06-30".into();
        let errors = f.to_scenario().unwrap_err();
        assert_eq!(errors[0].path, "contract.end");
    }

    #[test]
    fn switching_termination_on_starts_from_a_valid_date() {
        // Ticking 提前终止 used to show "“”不是日期" at once.
        let mut f = FormState::from_scenario(&starter(today()));
        f.set_termination(true);
        assert_eq!(f.termination_date, "2025-09-30");
        assert!(f.to_scenario().is_ok());
    }

    #[test]
    fn switching_to_quarters_can_keep_the_total() {
        // ¥86,000 a month is ¥258,000 a quarter; back to months, ¥86,000 again.
        let mut f = FormState::from_scenario(&starter(today()));
        f.components[0].amount = "86000".into();
        f.components.truncate(1);
        f.convert_cycle_amounts(Cycle::Monthly, Cycle::Quarterly);
        assert_eq!(f.components[0].amount, "258000.00");
        f.convert_cycle_amounts(Cycle::Quarterly, Cycle::Yearly);
        assert_eq!(f.components[0].amount, "1032000.00");
        f.convert_cycle_amounts(Cycle::Yearly, Cycle::Monthly);
        assert_eq!(f.components[0].amount, "86000.00");
    }

    #[test]
    fn the_new_conventions_survive_the_form() {
        // §9 and §13 fields the form now edits: a designated payment, an aggregate cap, a day
        // count, a floating LPR, the user's LPR fixings; each comes back as it went in.
        let mut doc: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/contract-into-2027.json"))
                .unwrap();
        doc["late_payment"]["day_count"] = json!("exclude_end");
        doc["late_payment"]["accrues_from"] = json!("2027-02-01");
        doc["late_payment"]["rounding"] = json!("per_segment");
        doc["late_payment"]["lpr_fixings"] =
            json!([{"effective": "2026-05-20", "one_year": "2.9", "five_year": "3.4"}]);
        let s = crate::document::read::scenario_from_value(&doc).unwrap();
        let back = FormState::from_scenario(&s).to_scenario().unwrap();
        assert_eq!(back, s);
        let s = crate::document::read::parse_scenario(include_str!(
            "../../tests/fixtures/floating-lpr-court.json"
        ))
        .unwrap();
        assert_eq!(FormState::from_scenario(&s).to_scenario().unwrap(), s);
    }

    #[test]
    fn a_rate_change_typed_in_the_form_splits_the_breakdown() {
        // The court's example: ¥320,000 due 2023-05-15, unpaid on 2025-01-14, at the floating
        // one-year LPR / 360: ¥18,475.56. Typed in the form: from 2024-10-21 日万分之五 instead.
        // The first four segments stay (¥16,105.78 before rounding); the last 86 days become
        // 86 × 320,000 × 0.05% = ¥13,760.00 instead of ¥2,369.78. Total ¥29,865.78.
        let court = crate::document::read::parse_scenario(include_str!(
            "../../tests/fixtures/floating-lpr-court.json"
        ))
        .unwrap();
        let mut f = FormState::from_scenario(&court);
        f.rate_changes.push(RateChangeRow {
            from: "2024-10-21".into(),
            rate: RateFields::default(),
        });
        let s = f.to_scenario().unwrap();
        let r = compute(&s).unwrap();
        assert_eq!(r.late_payment.total_penalty, Decimal::new(2986578, 2));
        assert_eq!(FormState::from_scenario(&s).to_scenario().unwrap(), s);
        // A date that is not one is named by its field.
        f.rate_changes[0].from = "2024-10-32".into();
        let errors = f.to_scenario().unwrap_err();
        assert_eq!(errors[0].path, "late_payment.rate_changes[0].from");
        // Changes must come in order of their dates (spec §9).
        f.rate_changes[0].from = "2024-10-21".into();
        f.rate_changes.push(RateChangeRow {
            from: "2024-10-01".into(),
            rate: RateFields::default(),
        });
        let errors = f.to_scenario().unwrap_err();
        assert_eq!(errors[0].path, "late_payment.rate_changes[1].from");
    }

    #[test]
    fn a_typed_unit_sign_wins_over_the_chosen_unit() {
        // 万分之五 typed with its sign or word is 0.0005 whatever unit is chosen beside the field
        // (with ‱ chosen, "0.05%" used to be read as 0.05‱: a penalty 100× too small).
        for chosen in RateUnit::ALL {
            for typed in [
                "0.05%",
                "0.05 %",
                "0.05％",
                "0.5‰",
                "5‱",
                "万分之5",
                "百分之0.05",
            ] {
                assert_eq!(
                    typed_rate(typed, chosen),
                    Some(Decimal::new(5, 4)),
                    "{typed} {chosen:?}"
                );
            }
        }
        // A bare number is in the chosen unit; two signs are refused.
        assert_eq!(
            typed_rate("5", RateUnit::PerTenThousand),
            Some(Decimal::new(5, 4))
        );
        assert_eq!(typed_rate("5", RateUnit::Percent), Some(Decimal::new(5, 2)));
        assert_eq!(typed_rate("5‱%", RateUnit::Percent), None);
        assert_eq!(typed_rate("%", RateUnit::Percent), None);
    }

    #[test]
    fn rates_are_typed_in_percent_permille_or_per_ten_thousand() {
        // 万分之五 a day typed three ways is the same fraction 0.0005.
        let mut f = FormState::from_scenario(&starter(today()));
        assert_eq!(
            (f.rate_value.as_str(), f.rate_unit),
            ("5", RateUnit::PerTenThousand)
        );
        for (value, unit) in [
            ("0.05", RateUnit::Percent),
            ("0.5", RateUnit::PerMille),
            ("5", RateUnit::PerTenThousand),
        ] {
            f.rate_value = value.into();
            f.rate_unit = unit;
            let s = f.to_scenario().unwrap();
            let Some(Rate::Fraction { fraction, .. }) = s.late_payment.map(|l| l.rate) else {
                panic!()
            };
            assert_eq!(fraction, Decimal::new(5, 4), "{value}{}", unit.symbol());
        }
        assert_eq!(
            RateUnit::natural_for(Decimal::new(365, 4)),
            RateUnit::Percent
        );
        assert_eq!(
            RateUnit::natural_for(Decimal::new(1, 3)),
            RateUnit::PerMille
        );
    }

    #[test]
    fn presets_set_the_rate() {
        let mut f = FormState::from_scenario(&starter(today()));
        f.apply_preset(RatePreset::OnePerMilleDaily);
        let s = f.to_scenario().unwrap();
        assert!(
            matches!(s.late_payment.unwrap().rate, Rate::Fraction { fraction, per_days: 1, .. } if fraction == Decimal::new(1, 3))
        );
        f.apply_preset(RatePreset::LprTimesOnePointFive);
        let s = f.to_scenario().unwrap();
        assert!(matches!(
            s.late_payment.unwrap().rate,
            Rate::Lpr {
                basis_days: 365,
                ..
            }
        ));
    }

    #[test]
    fn a_clause_switched_off_is_null_and_its_typed_text_stays() {
        let mut f = FormState::from_scenario(&starter(today()));
        f.late_enabled = false;
        f.rate_value = "abc".into();
        let s = f.to_scenario().unwrap();
        assert_eq!(s.late_payment, None);
        assert_eq!(f.rate_value, "abc");
    }

    #[test]
    fn the_term_can_be_given_in_months() {
        // 12 months from 2025-01-01 end on 2025-12-31.
        let mut f = FormState::from_scenario(&starter(today()));
        f.end_mode = EndMode::Months;
        f.term_months = "12".into();
        assert_eq!(
            f.to_scenario().unwrap().contract.end.to_string(),
            "2025-12-31"
        );
        f.term_months = "0".into();
        assert_eq!(f.to_scenario().unwrap_err()[0].path, "contract.term_months");
    }

    #[test]
    fn unknown_fields_of_the_loaded_document_are_kept() {
        let mut doc = starter(today()).to_json_value();
        doc["negotiation"] = json!({"round": 3});
        doc["contract"]["signed_by"] = json!("王律师");
        let s = crate::document::read::scenario_from_value(&doc).unwrap();
        let mut f = FormState::from_scenario(&s);
        f.components[0].amount = "40000".into();
        let back = f.to_scenario().unwrap().to_json_value();
        assert_eq!(back["negotiation"], json!({"round": 3}));
        assert_eq!(back["contract"]["signed_by"], json!("王律师"));
        assert_eq!(back["fees"]["components"][0]["amount"], json!("40000.00"));
    }
}
