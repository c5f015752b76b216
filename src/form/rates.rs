//! Rates as typed in the form: the unit (%, ‰, ‱) and a typed sign that wins over it, the
//! clause's rate and each §9 rate change as text ([`RateFields`]), and the presets copied from
//! contract templates.

use crate::engine::money::{half_width, parse_plain_decimal};
use crate::engine::scenario::{LprFixing, LprTerm, Rate};
use rust_decimal::Decimal;

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

/// A fraction written in `unit` ("1000%" for 10), as the field shows rates.
pub fn in_unit(fraction: Decimal, unit: RateUnit) -> String {
    format!(
        "{}{}",
        (fraction * unit.divisor()).normalize(),
        unit.symbol()
    )
}

/// What was typed, with the unit it was typed in: "2000" in % reads "2000%"; "5‱" or
/// "万分之五" as typed.
pub fn typed_with_unit(text: &str, chosen: RateUnit) -> String {
    let t = half_width(text.trim());
    let has_unit = ["%", "‰", "‱"].iter().any(|s| t.ends_with(s))
        || ["百分之", "千分之", "万分之"]
            .iter()
            .any(|w| t.starts_with(w));
    if has_unit {
        t.into_owned()
    } else {
        format!("{t}{}", chosen.symbol())
    }
}

/// A rate as typed, as a fraction: a unit sign (`%`, `‰`, `‱`) or word (百分之, 千分之, 万分之)
/// typed with the number wins over the unit chosen beside the field, so "0.05%" is 万分之五
/// whatever the selector says; a bare number is in the chosen unit.
pub fn typed_rate(text: &str, chosen: RateUnit) -> Option<Decimal> {
    let t = half_width(text.trim());
    let t = t.as_ref();
    let signs = [
        ("%", RateUnit::Percent),
        ("‰", RateUnit::PerMille),
        ("‱", RateUnit::PerTenThousand),
    ];
    let words = [
        ("百分之", RateUnit::Percent),
        ("千分之", RateUnit::PerMille),
        ("万分之", RateUnit::PerTenThousand),
    ];
    let signed = signs
        .iter()
        .find_map(|(s, u)| t.strip_suffix(s).map(|rest| (rest, *u)));
    // After a unit word, the number may be in words too (万分之五), as contracts write it.
    let worded = words
        .iter()
        .find_map(|(w, u)| t.strip_prefix(w).map(|rest| (rest.trim(), *u)));
    if let (None, Some((number, unit))) = (signed, worded) {
        return parse_plain_decimal(number)
            .or_else(|| chinese_number(number))
            .map(|d| (d / unit.divisor()).normalize());
    }
    let (number, unit) = signed.unwrap_or((t, chosen));
    parse_plain_decimal(number.trim()).map(|d| (d / unit.divisor()).normalize())
}

/// A small number in Chinese numerals, as contracts write rates: 五, 二十, 十五, 一点二八, 零点五.
/// `None` for anything else (thousands, 两百, a mix with digits).
fn chinese_number(text: &str) -> Option<Decimal> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or((c == '〇').then_some(0))
            .or((c == '两').then_some(2))
    };
    let (whole, fraction) = match text.split_once('点') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (text, ""),
    };
    let chars: Vec<char> = whole.chars().collect();
    let whole: u32 = match chars.as_slice() {
        [] => return None,
        [d] if *d != '十' => digit(*d)? as u32,
        ['十'] => 10,
        ['十', d] => 10 + digit(*d)? as u32,
        [t, '十'] => digit(*t)? as u32 * 10,
        [t, '十', d] => digit(*t)? as u32 * 10 + digit(*d)? as u32,
        _ => return None,
    };
    let mut digits = whole.to_string();
    if !fraction.is_empty() {
        digits.push('.');
        for c in fraction.chars() {
            digits.push(char::from_digit(digit(c)? as u32, 10)?);
        }
    }
    parse_plain_decimal(&digits)
}

/// An LPR multiple as contracts write it: "1.5", "1.5倍", or "150%" (of the LPR); `None` when it
/// is not a number. Below zero is the reader's to refuse.
pub fn typed_multiple(text: &str) -> Option<Decimal> {
    let t = half_width(text.trim());
    let t = t.as_ref();
    let times = t.strip_suffix('倍').map(|n| (n.trim(), Decimal::ONE));
    let percent = t
        .strip_suffix('%')
        .map(|n| (n.trim(), Decimal::ONE_HUNDRED));
    let (number, per) = times.or(percent).unwrap_or((t, Decimal::ONE));
    parse_plain_decimal(number).and_then(|d| d.checked_div(per))
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
        let mut typed = |kind: RateKind, fraction: Decimal| {
            r.kind = kind;
            r.unit = RateUnit::natural_for(fraction);
            r.value = fraction_in_unit(fraction, r.unit);
        };
        match rate {
            Rate::Fraction {
                fraction, per_days, ..
            } => {
                typed(RateKind::Fraction, *fraction);
                r.per_days = per_days.to_string();
            }
            Rate::Monthly {
                fraction,
                per_months,
                ..
            } => {
                typed(RateKind::Monthly, *fraction);
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
    /// The change as loaded: a later version's fields on it and on its rate move with the row.
    pub loaded: Option<crate::engine::scenario::RateChange>,
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
