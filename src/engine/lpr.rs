//! The Loan Prime Rate (贷款市场报价利率) in force on a date, for penalties agreed as a multiple of
//! the LPR (spec §4, §9) and for the loss references of §11 and §13; the PBOC benchmark rate courts
//! use before the LPR existed; and what happens after the built-in table ends (spec §10: the latest
//! known fixing, with a warning).

use crate::engine::date_order::in_date_order;
use crate::engine::scenario::{LprTerm, UserLprFixing};
use crate::engine::warnings::Assumptions;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// Copied from `shared/data/lpr.tsv` (sources in its header): only the fixings where a rate changed,
/// as `LPR_ROWS` and `LPR_KNOWN_UNTIL`, compiled and checked by `build.rs`.
mod table {
    include!(concat!(env!("OUT_DIR"), "/lpr.rs"));
}
use crate::engine::calendar::date_of_key;
use table::{LPR_KNOWN_UNTIL, LPR_ROWS};

/// The first LPR fixing; before it the PBOC benchmark lending rate applies.
pub fn lpr_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 8, 20).unwrap_or(NaiveDate::MIN)
}

/// From this date the PBOC benchmark was 4.35% (up to one year) and 4.90% (over five years);
/// earlier rates are not in the table, so no LPR-based figure can be given for an earlier day.
pub fn benchmark_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 10, 24).unwrap_or(NaiveDate::MIN)
}

/// The last day the built-in table is verified for (its `# known_until:` header line).
pub fn known_until() -> NaiveDate {
    builtin().known_until
}

/// One row of the built-in table: the one-year and five-year rates in percent per year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LprRow {
    pub effective: NaiveDate,
    pub one_year_percent: Decimal,
    pub five_year_percent: Decimal,
}

/// One series of rates in percent per year, each in force from its date until the next one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Series(Vec<(NaiveDate, Decimal)>);

/// No rate exists for this day: it is before 2015-10-24.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooEarly(pub NaiveDate);

/// The rate on a day and the day the next different rate takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateOn {
    pub percent: Decimal,
    pub next_change: Option<NaiveDate>,
}

impl Series {
    /// From `(date, percent)` pairs in any order; on the same date the later pair wins, and a pair
    /// that repeats the rate in force is dropped (no rate change, no new segment).
    fn from_pairs(pairs: Vec<(NaiveDate, Decimal)>) -> Series {
        let mut out: Vec<(NaiveDate, Decimal)> = Vec::with_capacity(pairs.len());
        for i in in_date_order(pairs.iter().map(|p| p.0)) {
            let (date, rate) = pairs[i];
            if let Some(last) = out.last_mut() {
                if last.0 == date {
                    last.1 = rate;
                    continue;
                }
            }
            out.push((date, rate));
        }
        out.dedup_by(|b, a| a.1 == b.1);
        Series(out)
    }

    /// The rate in force on `day`.
    pub fn on(&self, day: NaiveDate) -> Result<RateOn, TooEarly> {
        let i = self.0.partition_point(|r| r.0 <= day);
        if i == 0 {
            return Err(TooEarly(day));
        }
        Ok(RateOn {
            percent: self.0[i - 1].1,
            next_change: self.0.get(i).map(|r| r.0),
        })
    }
}

/// The rates an LPR clause may use: the built-in table merged with the user's fixings (§9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LprTable {
    one_year: Series,
    five_year: Series,
    known_until: NaiveDate,
}

/// The rows in the file's order, which `build.rs` checks is date order.
pub fn lpr_rows() -> &'static [LprRow] {
    static ROWS: OnceLock<Vec<LprRow>> = OnceLock::new();
    ROWS.get_or_init(|| {
        LPR_ROWS
            .iter()
            .map(|&(date, one, five)| LprRow {
                effective: date_of_key(date),
                one_year_percent: Decimal::new(one.into(), 2),
                five_year_percent: Decimal::new(five.into(), 2),
            })
            .collect()
    })
}

/// The built-in table alone.
pub fn builtin() -> &'static LprTable {
    static TABLE: OnceLock<LprTable> = OnceLock::new();
    TABLE.get_or_init(|| LprTable::merged(&[]))
}

impl LprTable {
    fn merged(user: &[UserLprFixing]) -> LprTable {
        let start = benchmark_start();
        let rows = lpr_rows();
        let mut one = vec![(start, Decimal::new(435, 2))];
        let mut five = vec![(start, Decimal::new(490, 2))];
        one.extend(rows.iter().map(|r| (r.effective, r.one_year_percent)));
        five.extend(rows.iter().map(|r| (r.effective, r.five_year_percent)));
        for u in user {
            one.push((u.effective, u.one_year));
            if let Some(f) = u.five_year {
                five.push((u.effective, f));
            }
        }
        LprTable {
            one_year: Series::from_pairs(one),
            five_year: Series::from_pairs(five),
            known_until: date_of_key(LPR_KNOWN_UNTIL),
        }
    }

    /// The built-in table with the user's fixings added; on the same date the user's value wins.
    pub fn with_user_fixings(user: &[UserLprFixing]) -> LprTable {
        if user.is_empty() {
            builtin().clone()
        } else {
            LprTable::merged(user)
        }
    }

    pub fn series(&self, term: LprTerm) -> &Series {
        match term {
            LprTerm::OneYear => &self.one_year,
            LprTerm::FiveYear => &self.five_year,
        }
    }

    /// The last day the built-in data vouches for; a later day's rate is assumed (§10).
    pub fn known_until(&self) -> NaiveDate {
        self.known_until
    }

    /// Interest on `base` at the one-year LPR in force on each day from `from` through `to`, on a
    /// 365-day year, exact (§11's loss reference, §13's overdue interest). A day after
    /// [`LprTable::known_until`] is noted in `seen`.
    pub fn one_year_interest(
        &self,
        base: Decimal,
        from: NaiveDate,
        to: NaiveDate,
        seen: &mut Assumptions,
    ) -> Result<Decimal, TooEarly> {
        self.one_year_interest_on_all([(base, from, to)], seen)
    }

    /// The same summed over several `(base, from, to)` spans, with one division at the end: the
    /// base-days at each rate are added up first.
    pub fn one_year_interest_on_all(
        &self,
        spans: impl IntoIterator<Item = (Decimal, NaiveDate, NaiveDate)>,
        seen: &mut Assumptions,
    ) -> Result<Decimal, TooEarly> {
        let rates = &self.one_year.0;
        let mut base_days = vec![Decimal::ZERO; rates.len()];
        for (base, from, to) in spans {
            let mut i = rates.partition_point(|r| r.0 <= from);
            if i == 0 {
                return Err(TooEarly(from));
            }
            let mut a = from;
            while a <= to {
                let b = rates
                    .get(i)
                    .and_then(|n| n.0.pred_opt())
                    .map_or(to, |n| n.min(to));
                base_days[i - 1] += base * Decimal::from((b - a).num_days() + 1);
                match b.succ_opt() {
                    Some(n) => a = n,
                    None => break,
                }
                i += 1;
            }
            if to > self.known_until && from <= to {
                seen.lpr_beyond_table(self.known_until);
            }
        }
        let sum: Decimal = base_days
            .iter()
            .zip(rates)
            .filter(|(d, _)| !d.is_zero())
            .map(|(d, r)| *d * r.1)
            .sum();
        Ok(sum / Decimal::from(36_500))
    }
}

/// The one-year rate in force on `date` in the built-in table, as a fraction per year (3.45% →
/// 0.0345); after [`known_until`] the latest fixing.
pub fn one_year_rate_on(date: NaiveDate) -> Result<Decimal, TooEarly> {
    Ok(builtin().one_year.on(date)?.percent / Decimal::ONE_HUNDRED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario::Extra;
    use crate::test_support::{d, date};

    #[test]
    fn every_row_is_in_date_order_and_parsed() {
        let rows = lpr_rows();
        assert_eq!(rows.len(), 15, "15 data rows in lpr.tsv");
        // The compiled rows are the file's, row for row.
        let file: Vec<LprRow> = include_str!("../../data/lpr.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("effective") && !l.is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                LprRow {
                    effective: date(f[0]),
                    one_year_percent: d(f[1]),
                    five_year_percent: d(f[2]),
                }
            })
            .collect();
        assert_eq!(rows, file.as_slice());
        assert_eq!(rows[0].effective, lpr_start());
        for w in rows.windows(2) {
            assert!(
                w[0].effective < w[1].effective,
                "{} then {}",
                w[0].effective,
                w[1].effective
            );
        }
        assert_eq!(known_until(), date("2026-04-19"), "the header line");
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
        let five = builtin().series(LprTerm::FiveYear);
        assert_eq!(five.on(date("2019-08-19")).unwrap().percent, d("4.90"));
        assert_eq!(
            one_year_rate_on(date("2015-10-23")),
            Err(TooEarly(date("2015-10-23")))
        );
    }

    #[test]
    fn after_the_table_the_latest_fixing_stays_in_force() {
        // §10: 2026-11-22 is after known_until (2026-04-19); the 3.00% of 2025-05-20 is used.
        assert_eq!(one_year_rate_on(date("2026-11-22")), Ok(d("0.03")));
    }

    #[test]
    fn interest_at_the_one_year_lpr_day_by_day() {
        // ¥100,000 from 2024-10-11 through 2024-10-30: 10 days at 3.35% and 10 at 3.10%:
        // 100,000 × (3.35 × 10 + 3.10 × 10) / 36,500 = ¥176.712… .
        let mut seen = Assumptions::default();
        let i = builtin()
            .one_year_interest(
                d("100000"),
                date("2024-10-11"),
                date("2024-10-30"),
                &mut seen,
            )
            .unwrap();
        assert_eq!(crate::engine::money::round_yuan(i), d("176.71"));
        assert!(seen.warnings().is_empty());
        // A day after the table's last verified day is noted (§10).
        builtin()
            .one_year_interest(d("100"), date("2026-04-19"), date("2026-04-20"), &mut seen)
            .unwrap();
        assert_eq!(seen.warnings().len(), 1);
    }

    #[test]
    fn unchanged_rows_start_no_new_rate() {
        // 2022-05-20 cut only the five-year rate: the one-year 3.70% of 2022-01-20 runs on, and
        // its next change is 2022-08-22.
        let r = builtin()
            .series(LprTerm::OneYear)
            .on(date("2022-01-20"))
            .unwrap();
        assert_eq!(r.percent, d("3.70"));
        assert_eq!(r.next_change, Some(date("2022-08-22")));
    }

    #[test]
    fn a_users_fixing_joins_the_table_and_wins_on_the_same_date() {
        let user = [
            UserLprFixing {
                effective: date("2026-05-20"),
                one_year: d("2.90"),
                five_year: None,
                extra: Extra::new(),
            },
            UserLprFixing {
                effective: date("2025-05-20"),
                one_year: d("3.05"),
                five_year: Some(d("3.55")),
                extra: Extra::new(),
            },
        ];
        let t = LprTable::with_user_fixings(&user);
        let one = t.series(LprTerm::OneYear);
        assert_eq!(one.on(date("2025-06-01")).unwrap().percent, d("3.05"));
        assert_eq!(one.on(date("2026-05-19")).unwrap().percent, d("3.05"));
        assert_eq!(one.on(date("2026-05-20")).unwrap().percent, d("2.90"));
        // The first fixing gives no five-year rate: that series keeps the user's 3.55 of 2025.
        let five = t.series(LprTerm::FiveYear);
        assert_eq!(five.on(date("2026-06-01")).unwrap().percent, d("3.55"));
    }
}
