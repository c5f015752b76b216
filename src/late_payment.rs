//! Late-payment penalties (逾期付款违约金, spec §4): per cycle, every tranche accrues
//! `tranche × f × g(days late)`, capped and rounded per cycle; and the dates from which the
//! supplier may suspend service (暂停服务) or terminate (解除合同) for non-payment.

use crate::lpr::{one_year_rate_on, RateUnavailable};
use crate::money::round_yuan;
use crate::payments::Tranche;
use crate::scenario::{LatePayment, PartialPeriod, Rate};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

/// The rate applied to one cycle: `fraction` per `per_days` days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppliedRate {
    pub fraction: Decimal,
    pub per_days: u32,
    /// For an LPR multiple: the one-year LPR (as a fraction) in force on the due date.
    pub lpr: Option<Decimal>,
}

/// One cycle's penalty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CyclePenalty {
    /// Rounded to 0.01, after the cap.
    pub penalty: Decimal,
    /// Whether the cap cut the penalty.
    pub capped: bool,
    /// The rate used; `None` when nothing was late (no rate needed).
    pub rate: Option<AppliedRate>,
    /// Days late of the part still unpaid on the evaluation date.
    pub unpaid_days: i64,
}

/// Days late: the first day is not counted (Art. 201), so paying on the due date is 0 days late.
pub fn days_late(due: NaiveDate, paid_on: NaiveDate) -> i64 {
    (paid_on - due).num_days().max(0)
}

/// `f` and `N` for a cycle due on `due`; the LPR is looked up only when asked for.
pub fn applied_rate(rate: &Rate, due: NaiveDate) -> Result<AppliedRate, RateUnavailable> {
    Ok(match rate {
        Rate::Fraction {
            fraction, per_days, ..
        } => AppliedRate {
            fraction: *fraction,
            per_days: *per_days,
            lpr: None,
        },
        Rate::Lpr {
            lpr_multiple,
            basis_days,
            ..
        } => {
            let lpr = one_year_rate_on(due)?;
            AppliedRate {
                fraction: *lpr_multiple * lpr,
                per_days: *basis_days,
                lpr: Some(lpr),
            }
        }
    })
}

/// The penalty on one cycle of `amount` due on `due`, paid by `tranches`, with `outstanding`
/// still unpaid on `as_of`.
pub fn cycle_penalty(
    terms: &LatePayment,
    due: NaiveDate,
    amount: Decimal,
    tranches: &[Tranche],
    outstanding: Decimal,
    as_of: NaiveDate,
) -> Result<CyclePenalty, RateUnavailable> {
    let unpaid_days = if outstanding > Decimal::ZERO {
        days_late(due, as_of)
    } else {
        0
    };
    let late = || {
        tranches
            .iter()
            .map(|t| (t.amount, days_late(due, t.paid_on)))
            .chain(std::iter::once((outstanding, unpaid_days)))
            .filter(|(a, d)| *d > 0 && *a > Decimal::ZERO)
    };
    if late().next().is_none() {
        return Ok(CyclePenalty {
            penalty: round_yuan(Decimal::ZERO),
            capped: false,
            rate: None,
            unpaid_days,
        });
    }
    let rate = applied_rate(&terms.rate, due)?;
    let n = i64::from(rate.per_days.max(1));
    let raw = match terms.partial_period {
        // g(d) = d / N
        PartialPeriod::ProRata => {
            let amount_days: Decimal = late().map(|(a, d)| a * Decimal::from(d)).sum();
            amount_days * rate.fraction / Decimal::from(n)
        }
        // g(d) = ⌈d / N⌉: a started period counts whole
        PartialPeriod::Full => {
            let amount_periods: Decimal = late()
                .map(|(a, d)| a * Decimal::from((d + n - 1) / n))
                .sum();
            amount_periods * rate.fraction
        }
    };
    let (raw, capped) = match terms.cap_fraction {
        Some(cap) if raw > cap * amount => (cap * amount, true),
        _ => (raw, false),
    };
    Ok(CyclePenalty {
        penalty: round_yuan(raw),
        capped,
        rate: Some(rate),
        unpaid_days,
    })
}

/// A cycle for the rights test: its due date, amount and the tranches that paid it.
pub struct CycleStatus<'a> {
    pub due: NaiveDate,
    pub amount: Decimal,
    pub tranches: &'a [Tranche],
}

/// 逾期超过k日: the right arises on due + k + 1 for the first cycle not fully paid by due + k.
/// The earliest such date on or before `as_of`, else `None`.
pub fn right_arises(
    after_days: u32,
    cycles: &[CycleStatus],
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    cycles
        .iter()
        .filter_map(|c| {
            let deadline = c.due.checked_add_days(Days::new(after_days.into()))?;
            let paid: Decimal = c
                .tranches
                .iter()
                .filter(|t| t.paid_on <= deadline)
                .map(|t| t.amount)
                .sum();
            (paid < c.amount)
                .then(|| deadline.checked_add_days(Days::new(1)))
                .flatten()
        })
        .min()
        .filter(|d| *d <= as_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Extra;
    use crate::test_support::{d, date};

    fn daily(
        fraction: &str,
        per_days: u32,
        partial: PartialPeriod,
        cap: Option<&str>,
    ) -> LatePayment {
        LatePayment {
            rate: Rate::Fraction {
                fraction: d(fraction),
                per_days,
                extra: Extra::new(),
            },
            partial_period: partial,
            cap_fraction: cap.map(d),
            suspend_after_days: None,
            terminate_after_days: None,
            extra: Extra::new(),
        }
    }
    fn paid(on: &str, amount: &str) -> Tranche {
        Tranche {
            paid_on: date(on),
            amount: d(amount),
        }
    }

    #[test]
    fn ten_days_late_at_five_per_ten_thousand_a_day() {
        // ¥50,000 due 2025-03-10, paid 03-20: 10 days × 0.05% × ¥50,000 = ¥250.
        let p = cycle_penalty(
            &daily("0.0005", 1, PartialPeriod::ProRata, None),
            date("2025-03-10"),
            d("50000"),
            &[paid("2025-03-20", "50000")],
            d("0"),
            date("2025-09-30"),
        )
        .unwrap();
        assert_eq!(p.penalty, d("250.00"));
    }

    #[test]
    fn paying_on_the_due_date_costs_nothing() {
        let p = cycle_penalty(
            &daily("0.0005", 1, PartialPeriod::ProRata, None),
            date("2025-03-10"),
            d("50000"),
            &[paid("2025-03-10", "50000")],
            d("0"),
            date("2025-09-30"),
        )
        .unwrap();
        assert_eq!(p.penalty, d("0.00"));
        assert_eq!(p.rate, None);
    }

    #[test]
    fn split_payment_each_tranche_for_its_own_days() {
        // ¥30,000 on time, ¥20,000 50 days late (4-10 → 5-30): 20,000 × 0.0005 × 50 = ¥500.
        let p = cycle_penalty(
            &daily("0.0005", 1, PartialPeriod::ProRata, None),
            date("2025-04-10"),
            d("50000"),
            &[paid("2025-04-10", "30000"), paid("2025-05-30", "20000")],
            d("0"),
            date("2025-09-30"),
        )
        .unwrap();
        assert_eq!(p.penalty, d("500.00"));
    }

    #[test]
    fn per_ten_days_whole_or_pro_rata() {
        // 1% per 10 days on ¥10,000, 15 days late: pro rata 1.5 periods = ¥150; counted whole
        // (a started period counts) 2 periods = ¥200.
        let pro = cycle_penalty(
            &daily("0.01", 10, PartialPeriod::ProRata, None),
            date("2025-03-10"),
            d("10000"),
            &[],
            d("10000"),
            date("2025-03-25"),
        )
        .unwrap();
        assert_eq!(pro.penalty, d("150.00"));
        let full = cycle_penalty(
            &daily("0.01", 10, PartialPeriod::Full, None),
            date("2025-03-10"),
            d("10000"),
            &[],
            d("10000"),
            date("2025-03-25"),
        )
        .unwrap();
        assert_eq!(full.penalty, d("200.00"));
    }

    #[test]
    fn the_cap_limits_a_cycles_penalty() {
        // 0.1% a day on ¥40,000 for 300 days would be ¥12,000; capped at 20% of the fee = ¥8,000.
        let p = cycle_penalty(
            &daily("0.001", 1, PartialPeriod::ProRata, Some("0.2")),
            date("2025-01-10"),
            d("40000"),
            &[],
            d("40000"),
            date("2025-11-06"),
        )
        .unwrap();
        assert_eq!(p.penalty, d("8000.00"));
        assert!(p.capped);
    }

    #[test]
    fn lpr_multiple_uses_the_rate_on_the_due_date() {
        // 1.5 × LPR, 365-day year. Due 2024-05-17 (LPR 3.45%), paid 3 days late on ¥52,000:
        // 52,000 × 1.5 × 3.45% × 3 / 365 = ¥22.118… → ¥22.12.
        let terms = LatePayment {
            rate: Rate::Lpr {
                lpr_multiple: d("1.5"),
                basis_days: 365,
                extra: Extra::new(),
            },
            ..daily("0", 1, PartialPeriod::ProRata, None)
        };
        let p = cycle_penalty(
            &terms,
            date("2024-05-17"),
            d("52000"),
            &[paid("2024-05-20", "52000")],
            d("0"),
            date("2024-12-31"),
        )
        .unwrap();
        assert_eq!(p.penalty, d("22.12"));
        assert_eq!(p.rate.unwrap().fraction, d("0.05175"));
        // Due before the PBOC table starts: refused, since a penalty accrues.
        let too_early = cycle_penalty(
            &terms,
            date("2014-05-17"),
            d("52000"),
            &[],
            d("52000"),
            date("2014-12-31"),
        );
        assert!(too_early.is_err());
    }

    #[test]
    fn suspension_right_after_thirty_days() {
        // Due 4-10; ¥20,000 still open on 5-10 (due + 30) → the right to suspend arises 5-11.
        let tranches = [paid("2025-04-10", "30000"), paid("2025-05-30", "20000")];
        let cycles = [CycleStatus {
            due: date("2025-04-10"),
            amount: d("50000"),
            tranches: &tranches,
        }];
        assert_eq!(
            right_arises(30, &cycles, date("2025-09-30")),
            Some(date("2025-05-11"))
        );
        // Fully paid within 60 days: no right to terminate.
        assert_eq!(right_arises(60, &cycles, date("2025-09-30")), None);
        // Not yet arisen on the evaluation date.
        assert_eq!(right_arises(30, &cycles, date("2025-05-10")), None);
    }
}
