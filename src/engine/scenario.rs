//! The scenario document, version 1 (spec "Document"): the contract's terms as a user typed them.
//! The same JSON is stored in the browser, carried by share links, exported, and read by the CLI.
//! Reading it (with every check and its message) is [`crate::document::read`]; writing it is serde.
//! Fields this version does not know are kept in `extra` and written back unchanged.

use crate::engine::calendar::Calendar;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;

/// The `format` every scenario document carries.
pub const FORMAT: &str = "contract-calc/scenario";
/// The version this build reads and writes.
pub const VERSION: u64 = 1;
/// A scenario's name, at most this many characters (the reader refuses a longer one, so every
/// name the app makes, a copy's or a draft's, fits it).
pub const MAX_NAME_CHARS: usize = 200;

/// Unknown fields of one JSON object, preserved on re-save as the JSON text they were read as:
/// copying a scenario copies a few strings, never a tree (the reader bounds them, 64 KiB in all).
#[derive(Debug, Clone, Default)]
pub struct Extra(Vec<(String, Box<RawValue>)>);

impl Extra {
    pub fn new() -> Extra {
        Extra(Vec::new())
    }

    /// Keeps `value` under `key` (replacing a field of the same name).
    pub fn insert(&mut self, key: String, value: Box<RawValue>) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// The JSON text kept under `key`.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| &**v)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Extra) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((a, x), (b, y))| a == b && x.get() == y.get())
    }
}

impl Eq for Extra {}

impl Serialize for Extra {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    pub format: String,
    pub version: u64,
    pub name: String,
    /// The evaluation date: penalties accrue up to it, payments after it are ignored.
    pub as_of: NaiveDate,
    pub contract: Contract,
    pub fees: Fees,
    pub payment: Payment,
    pub late_payment: Option<LatePayment>,
    pub supplier_breaches: Option<SupplierBreaches>,
    pub client_breaches: Option<ClientBreaches>,
    pub termination: Option<Termination>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// §1 the service term: first and last day of service (inclusive), and automatic renewal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contract {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub renewal_months: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

/// §1 billing cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cycle {
    /// Calendar months.
    Monthly,
    /// Calendar quarters: Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec.
    Quarterly,
    /// Contract years counted from `contract.start`.
    Yearly,
}

/// §1 how a cycle only partly inside the term is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PartialCycle {
    /// fee × service days / days in the cycle.
    #[default]
    ByDays,
    /// The whole cycle fee.
    Full,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fees {
    pub cycle: Cycle,
    pub partial_cycle: PartialCycle,
    pub components: Vec<FeeComponent>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One fee component (基本服务费、增值服务费、人力成本 …), per cycle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeComponent {
    pub label: String,
    pub amount: Decimal,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Payment {
    pub due: DueRule,
    pub calendar: Calendar,
    pub payments: Vec<PaymentMade>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Whether a count of days counts every day or working days only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayType {
    Calendar,
    Working,
}

/// §2 when a cycle's fee falls due.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum DueRule {
    /// 每月N日前支付上月费用: day N of the month after the cycle ends.
    DayOfNextMonth {
        day: u32,
        #[serde(flatten)]
        extra: Extra,
    },
    /// N days after the cycle's last day.
    DaysAfterCycleEnd {
        days: u32,
        day_type: DayType,
        #[serde(flatten)]
        extra: Extra,
    },
    /// Payment in advance: N days after the billed period's first day (0 = on it).
    DaysAfterCycleStart {
        days: u32,
        day_type: DayType,
        #[serde(flatten)]
        extra: Extra,
    },
    /// 每月25日结算，收到发票后15个工作日内支付: invoice on `invoice_day` of the cycle's last month.
    DaysAfterInvoice {
        invoice_day: u32,
        days: u32,
        day_type: DayType,
        #[serde(flatten)]
        extra: Extra,
    },
}

/// A payment the client actually made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PaymentMade {
    pub date: NaiveDate,
    pub amount: Decimal,
    /// §13 a designated payment (Civil Code Art. 560 ¶1): the start of the billed period it pays.
    #[serde(rename = "for", skip_serializing_if = "Option::is_none")]
    pub for_period: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// §4, §9 the agreed late-payment rate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Rate {
    /// `fraction` per `per_days` days: 日万分之五 = 0.0005 per 1 day.
    Fraction {
        fraction: Decimal,
        per_days: u32,
        #[serde(flatten)]
        extra: Extra,
    },
    /// §9 `fraction` per `per_months` calendar months: 月利率1.28% = 0.0128 per 1 month.
    Monthly {
        fraction: Decimal,
        per_months: u32,
        #[serde(flatten)]
        extra: Extra,
    },
    /// `lpr_multiple` × the LPR of `lpr_term` fixed as `lpr_fixing` says, per `basis_days`.
    Lpr {
        lpr_multiple: Decimal,
        basis_days: u32,
        #[serde(skip_serializing_if = "is_default")]
        lpr_fixing: LprFixing,
        #[serde(skip_serializing_if = "is_default")]
        lpr_term: LprTerm,
        #[serde(flatten)]
        extra: Extra,
    },
}

/// §9 which day's LPR an LPR-multiple rate uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LprFixing {
    /// The LPR in force on the due date (§4).
    #[default]
    DueDate,
    /// On the day after the due date (违约行为发生时, SPC sales-contract interpretation Art. 18).
    FirstDayLate,
    /// On `contract.start` (合同订立时).
    ContractStart,
    /// On a stated day, e.g. the filing date.
    On(NaiveDate),
    /// 同期: every counted day at the LPR in force that day.
    Floating,
}

impl LprFixing {
    pub const NAMES: &'static [&'static str] =
        &["due_date", "first_day_late", "contract_start", "floating"];
    pub const FIXED: [LprFixing; 4] = [
        LprFixing::DueDate,
        LprFixing::FirstDayLate,
        LprFixing::ContractStart,
        LprFixing::Floating,
    ];
}

impl Serialize for LprFixing {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LprFixing::On(d) => s.collect_str(d),
            other => {
                let i = Self::FIXED.iter().position(|f| f == other).unwrap_or(0);
                s.serialize_str(Self::NAMES[i])
            }
        }
    }
}

/// §9 the LPR series: one-year, or over five years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LprTerm {
    #[default]
    OneYear,
    FiveYear,
}

/// §9 which days of a late tranche count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    /// From the day after the due date through the payment date (Art. 201).
    #[default]
    Standard,
    /// 自付款日次日起至实际支付日前一日: the end day is not counted.
    ExcludeEnd,
    /// The due date itself counts too.
    IncludeDueDate,
}

/// §9 where a penalty is rounded to the fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// The exact sum of a cycle's segments, rounded once (§4).
    #[default]
    PerCycle,
    /// Each segment rounded, then summed (as a claim's 计算明细 lists them).
    PerSegment,
}

/// §9 what `cap_fraction` is a share of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CapBase {
    /// Each cycle's penalty ≤ cap × the cycle's amount (§4).
    #[default]
    Cycle,
    /// 累计不超过合同总金额的N%: the total ≤ cap × contract total.
    ContractTotal,
    /// 以逾期付款总额的N%为上限: the total ≤ cap × the amounts paid late or overdue.
    Overdue,
}

/// §9 a rate that applies from a date on (e.g. LPR × 1.3 until 2020-08-31, then 日万分之五).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateChange {
    pub from: NaiveDate,
    pub rate: Rate,
    #[serde(flatten)]
    pub extra: Extra,
}

/// §9 an LPR fixing the user adds, in percent per year, from `effective` on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserLprFixing {
    pub effective: NaiveDate,
    pub one_year: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub five_year: Option<Decimal>,
    #[serde(flatten)]
    pub extra: Extra,
}

pub(crate) fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// §4 whether a started period counts in proportion or whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PartialPeriod {
    #[default]
    ProRata,
    Full,
}

/// §4, §9 逾期付款违约金 and the rights to suspend and terminate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LatePayment {
    pub rate: Rate,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rate_changes: Vec<RateChange>,
    pub partial_period: PartialPeriod,
    #[serde(skip_serializing_if = "is_default")]
    pub day_count: DayCount,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accrues_from: Option<NaiveDate>,
    pub cap_fraction: Option<Decimal>,
    #[serde(skip_serializing_if = "is_default")]
    pub cap_base: CapBase,
    #[serde(skip_serializing_if = "is_default")]
    pub rounding: Rounding,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lpr_fixings: Vec<UserLprFixing>,
    pub suspend_after_days: Option<u32>,
    pub terminate_after_days: Option<u32>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl LatePayment {
    /// The agreed rate, then each rate that replaces it from a date on (§9 `rate_changes`).
    pub fn rates(&self) -> impl Iterator<Item = &Rate> {
        std::iter::once(&self.rate).chain(self.rate_changes.iter().map(|c| &c.rate))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplierBreaches {
    pub subcontracting: Option<Subcontracting>,
    pub service_incidents: Option<ServiceIncidents>,
    pub substandard_service: Option<SubstandardService>,
    pub confidentiality_penalty: Option<Decimal>,
    pub losses: Vec<Loss>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// §5 擅自转包: a share of the contract total, plus the refund of paid fees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subcontracting {
    pub penalty_fraction: Decimal,
    pub refund_paid: bool,
    pub occurred_on: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Per-incident penalties (每发生一次服务事故 …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceIncidents {
    pub count: u32,
    pub penalty_each: Decimal,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Penalty as a share of the value of substandard service (不合格服务价值的10%).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubstandardService {
    pub value: Decimal,
    pub fraction: Decimal,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A loss the supplier must make good (客户索赔、赔偿、诉讼费 …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loss {
    pub label: String,
    pub amount: Decimal,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClientBreaches {
    pub confidentiality_penalty: Option<Decimal>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// §6 why the contract ended early.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TerminationReason {
    /// 协商一致解除.
    Mutual,
    /// 不可抗力.
    ForceMajeure,
    /// 甲方违约: the client's breach.
    ClientBreach,
    /// 乙方违约: the supplier's breach.
    SupplierBreach,
    /// 乙方擅自转包.
    Subcontracting,
}

/// §6 终止结算.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Termination {
    /// The last day of service.
    pub date: NaiveDate,
    pub reason: TerminationReason,
    pub breach_penalty_fraction: Option<Decimal>,
    pub settlement_days: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Scenario {
    /// The scenario as the JSON document of the spec.
    pub fn to_json_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Pretty JSON, as exported. Written from [`Scenario::to_json_value`], as [`Scenario::to_json`],
    /// so that the wasm holds one serializer of the scenario (−7 KB), not one per output.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_json_value()).unwrap_or_default()
    }

    /// Compact JSON, as stored and linked.
    pub fn to_json(&self) -> String {
        self.to_json_value().to_string()
    }

    /// Sum of the fee components: the fee of one whole cycle.
    pub fn cycle_fee(&self) -> Decimal {
        self.fees.components.iter().map(|c| c.amount).sum()
    }
}
