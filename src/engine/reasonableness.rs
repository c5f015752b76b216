//! Is the late-payment penalty likely to be reduced? (spec §11; Civil Code Art. 585 ¶2, SPC
//! interpretation of the contract part 2023 Art. 65: a penalty more than 30% above the loss is
//! generally excessively high). The loss of late money is measured as interest at the one-year
//! LPR over the same counted days.

use crate::engine::late_payment::CountedSpan;
use crate::engine::lpr::{lpr_start, LprTable};
use crate::engine::money::round_yuan;
use crate::engine::warnings::Assumptions;
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// The penalty set against the usual measure of the loss.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reasonableness {
    /// Every late tranche over its counted days at each day's one-year LPR, 365-day year.
    pub loss_reference: Decimal,
    /// 1.3 × the exact loss.
    pub threshold: Decimal,
    /// total penalty ÷ exact loss, to 4 places; `None` when the loss is 0 (or so near it that
    /// the ratio does not fit a decimal).
    pub ratio: Option<Decimal>,
    pub above_threshold: bool,
    /// The penalty is at most 1.3 × the loss measured at the LPR plus 50% (1.95 × the exact
    /// loss, rounded to 0.01 as the threshold is): the upper measure courts also use for a late
    /// payment's loss (SPC sales-contract interpretation Art. 18 ¶4). Not in the spec's result.
    #[serde(skip)]
    pub within_lpr_plus_half: bool,
    /// Some counted day is before 2019-08-20, where the loss is at the PBOC benchmark rate, not
    /// an LPR. Not in the spec's result.
    #[serde(skip)]
    pub benchmark_days: bool,
    /// Every counted day is before 2019-08-20: the loss is at the benchmark rate only. Not in the
    /// spec's result.
    #[serde(skip)]
    pub all_benchmark: bool,
    /// Every counted day is before the Civil Code (2021-01-01): the Contract Law's Art. 114 and
    /// its interpretation (II) Art. 29 govern (SPC provisions on the Civil Code's temporal effect,
    /// Art. 1 ¶2). Not in the spec's result.
    #[serde(skip)]
    pub before_civil_code: bool,
    /// The total penalty assessed, named beside the ratio where four places still read 1.3. Not
    /// in the spec's result.
    #[serde(skip)]
    pub penalty: Decimal,
}

/// The day the Civil Code took effect; the Contract Law governs what happened before.
pub fn civil_code_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 1, 1).unwrap_or_default()
}

/// The law in force over the late days (SPC provisions on the Civil Code's temporal effect, Art.
/// 1 ¶2): the Civil Code when any is from 2021; before, the Contract Law with the General
/// Principles (to 2017-09-30) or the General Provisions (from 2017-10-01) for counting days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LawInForce {
    CivilCode,
    GeneralProvisions,
    GeneralPrinciples,
}

impl LawInForce {
    /// The law for late days ending on `last` (the latest counted day).
    pub fn for_days_to(last: Option<NaiveDate>) -> LawInForce {
        let general_provisions = NaiveDate::from_ymd_opt(2017, 10, 1).unwrap_or_default();
        match last {
            Some(l) if l < general_provisions => LawInForce::GeneralPrinciples,
            Some(l) if l < civil_code_start() => LawInForce::GeneralProvisions,
            _ => LawInForce::CivilCode,
        }
    }
}

/// The assessment for `total_penalty` over the counted `spans`; `None` when a counted day has
/// no LPR (before 2015-10-24).
pub fn assess(
    total_penalty: Decimal,
    spans: &[CountedSpan],
    lpr: &LprTable,
    seen: &mut Assumptions,
) -> Option<Reasonableness> {
    let loss = lpr
        .one_year_interest_on_all(spans.iter().map(|s| (s.base, s.from, s.to)), seen)
        .ok()?;
    let threshold = round_yuan(loss * Decimal::new(13, 1));
    // A loss of a fraction of a fen (a user's LPR fixing of 0.00…01%) gives a ratio past what a
    // decimal holds: no ratio, as for a loss of 0.
    let ratio = total_penalty.checked_div(loss).map(|r| {
        let mut r = r.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
        r.rescale(4);
        r
    });
    let civil_code = Some(civil_code_start());
    Some(Reasonableness {
        loss_reference: round_yuan(loss),
        threshold,
        ratio,
        above_threshold: total_penalty > threshold,
        within_lpr_plus_half: total_penalty <= round_yuan(loss * Decimal::new(195, 2)),
        benchmark_days: spans.iter().any(|s| s.from < lpr_start()),
        all_benchmark: spans.iter().all(|s| s.to < lpr_start()),
        before_civil_code: spans.iter().all(|s| Some(s.to) < civil_code),
        penalty: total_penalty,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::lpr::builtin;
    use crate::test_support::{d, date};

    fn span(base: &str, from: &str, to: &str) -> CountedSpan {
        CountedSpan {
            base: d(base),
            from: date(from),
            to: date(to),
        }
    }

    #[test]
    fn the_courts_lpr_penalty_is_near_the_loss() {
        // The §9 court case: ¥320,000 from 2023-05-16 through 2025-01-14 at the 同期 one-year LPR
        // on a 365-day year: loss ¥18,222.47; the penalty ¥18,475.56 (360-day year) is 1.0139×
        // the loss, well under the 1.3× threshold of ¥23,689.21.
        let r = assess(
            d("18475.56"),
            &[span("320000", "2023-05-16", "2025-01-14")],
            builtin(),
            &mut Assumptions::default(),
        )
        .unwrap();
        assert_eq!(r.loss_reference, d("18222.47"));
        assert_eq!(r.threshold, d("23689.21"));
        assert_eq!(r.ratio, Some(d("1.0139")));
        assert!(!r.above_threshold);
    }

    #[test]
    fn five_per_ten_thousand_a_day_is_six_times_the_loss() {
        // ¥50,000 for 30 days in 2025 (LPR 3.00%): loss 50,000 × 3% × 30/365 = ¥123.29; the
        // 日万分之五 penalty 50,000 × 0.05% × 30 = ¥750 is 6.08×, above the ¥160.27 threshold.
        let r = assess(
            d("750.00"),
            &[span("50000", "2025-06-01", "2025-06-30")],
            builtin(),
            &mut Assumptions::default(),
        )
        .unwrap();
        assert_eq!(r.loss_reference, d("123.29"));
        assert_eq!(r.threshold, d("160.27"));
        assert_eq!(r.ratio, Some(d("6.0833")));
        assert!(r.above_threshold);
        assert!(!r.benchmark_days && !r.before_civil_code);
        // The same in 2018: at the benchmark rate, under the Contract Law.
        let old = assess(
            d("750.00"),
            &[span("50000", "2018-06-01", "2018-06-30")],
            builtin(),
            &mut Assumptions::default(),
        )
        .unwrap();
        assert!(old.benchmark_days && old.before_civil_code);
        // Late from December 2020 into 2021: the Civil Code (the facts run on past it).
        let across = assess(
            d("750.00"),
            &[span("50000", "2020-12-20", "2021-01-10")],
            builtin(),
            &mut Assumptions::default(),
        )
        .unwrap();
        assert!(!across.benchmark_days && !across.before_civil_code);
    }

    #[test]
    fn a_loss_of_a_fraction_of_a_fen_gives_no_ratio() {
        // A user's fixing of 0.00000000000000000001% from 2027-02-01: ¥0.01 one day late is a
        // loss of ¥0.000…0027, so a ¥7,400 penalty is ~2.7 × 10^30 times it, past what a decimal
        // holds (this division stopped the app). No ratio is given; the penalty is above the
        // threshold of ¥0.00.
        let tiny = LprTable::with_user_fixings(&[crate::engine::scenario::UserLprFixing {
            effective: date("2027-02-01"),
            one_year: d("0.00000000000000000001"),
            five_year: None,
            extra: Default::default(),
        }]);
        let r = assess(
            d("7400.00"),
            &[span("0.01", "2027-02-11", "2027-02-11")],
            &tiny,
            &mut Assumptions::default(),
        )
        .unwrap();
        assert_eq!(r.loss_reference, d("0.00"));
        assert_eq!(r.ratio, None);
        assert!(r.above_threshold);
    }

    #[test]
    fn no_lpr_before_october_2015_no_assessment() {
        let r = assess(
            d("100"),
            &[span("1000", "2015-10-01", "2015-10-30")],
            builtin(),
            &mut Assumptions::default(),
        );
        assert_eq!(r, None);
    }
}
