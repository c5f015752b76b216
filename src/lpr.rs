//! The one-year Loan Prime Rate (贷款市场报价利率) in force on a date, for penalties agreed as a
//! multiple of the LPR (spec §4), and the PBOC benchmark rate courts use before it existed.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// Copied from `shared/data/lpr.tsv` (sources in its header): only the fixings where a rate changed.
const LPR_TSV: &str = include_str!("../data/lpr.tsv");

/// The first LPR fixing; before it the PBOC one-year benchmark lending rate applies.
pub fn lpr_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 8, 20).unwrap_or(NaiveDate::MIN)
}

/// From this date the PBOC benchmark (up to one year) was 4.35%; earlier rates are not in the table.
pub fn benchmark_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 10, 24).unwrap_or(NaiveDate::MIN)
}

/// The last day whose rate the table knows: it was verified unchanged through the 2026-03-20
/// fixing, which stays in force until the next fixing on 2026-04-20. A later date is refused rather
/// than assumed unchanged.
pub fn known_until() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 19).unwrap_or(NaiveDate::MAX)
}

/// One row: the one-year and five-year rates in percent per year from `effective` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LprRow {
    pub effective: NaiveDate,
    pub one_year_percent: Decimal,
    pub five_year_percent: Decimal,
}

/// The rows in file order (which the tests check is date order).
pub fn lpr_rows() -> &'static [LprRow] {
    static ROWS: OnceLock<Vec<LprRow>> = OnceLock::new();
    ROWS.get_or_init(|| {
        LPR_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("effective") && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some(LprRow {
                    effective: crate::calendar::parse_ymd(f.next()?)?,
                    one_year_percent: f.next()?.parse().ok()?,
                    five_year_percent: f.next()?.parse().ok()?,
                })
            })
            .collect()
    })
}

/// Why no rate can be given for a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateUnavailable {
    /// Before 2015-10-24: not in the table.
    TooEarly(NaiveDate),
    /// After [`known_until`]: the fixing is not in the table yet.
    NotYetKnown(NaiveDate),
}

/// The one-year rate in force on `date`, as a fraction per year (3.45% → 0.0345). A fixing is in
/// force from its own date on.
pub fn one_year_rate_on(date: NaiveDate) -> Result<Decimal, RateUnavailable> {
    if date < benchmark_start() {
        return Err(RateUnavailable::TooEarly(date));
    }
    if date > known_until() {
        return Err(RateUnavailable::NotYetKnown(date));
    }
    let percent = lpr_rows()
        .iter()
        .take_while(|r| r.effective <= date)
        .last()
        .map_or(Decimal::new(435, 2), |r| r.one_year_percent);
    Ok(percent / Decimal::ONE_HUNDRED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{d, date};

    #[test]
    fn every_row_is_in_date_order_and_parsed() {
        let rows = lpr_rows();
        assert_eq!(rows.len(), 15, "15 data rows in lpr.tsv");
        assert_eq!(rows[0].effective, lpr_start());
        for w in rows.windows(2) {
            assert!(
                w[0].effective < w[1].effective,
                "{} then {}",
                w[0].effective,
                w[1].effective
            );
        }
        assert!(rows.last().unwrap().effective <= known_until());
    }

    #[test]
    fn a_fixing_is_in_force_from_its_own_date() {
        // 2024-10-21 cut the one-year LPR from 3.35% to 3.10%.
        assert_eq!(one_year_rate_on(date("2024-10-20")), Ok(d("0.0335")));
        assert_eq!(one_year_rate_on(date("2024-10-21")), Ok(d("0.031")));
        assert_eq!(one_year_rate_on(date("2025-05-20")), Ok(d("0.03")));
    }

    #[test]
    fn before_the_lpr_the_pboc_benchmark_applies() {
        assert_eq!(one_year_rate_on(date("2019-08-19")), Ok(d("0.0435")));
        assert_eq!(one_year_rate_on(date("2015-10-24")), Ok(d("0.0435")));
        assert_eq!(
            one_year_rate_on(date("2015-10-23")),
            Err(RateUnavailable::TooEarly(date("2015-10-23")))
        );
    }

    #[test]
    fn rates_after_the_table_are_not_guessed() {
        assert_eq!(one_year_rate_on(date("2026-04-19")), Ok(d("0.03")));
        assert_eq!(
            one_year_rate_on(date("2026-04-20")),
            Err(RateUnavailable::NotYetKnown(date("2026-04-20")))
        );
    }
}
