//! Working days and rest days (spec §2, §10): mainland China's statutory holidays and make-up
//! working days (调休) from the published notices, provisional rest days for later years
//! ([`crate::engine::provisional_holidays`], with a warning), plain weekends, or no rest days at all; and
//! the roll-forward of a deadline that falls on a rest day to the next working day (Art. 203).

use crate::engine::warnings::Assumptions;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The State Council's holiday arrangements, copied from `shared/data/cn-holidays.tsv` (sources in
/// its header), as `CN_DAYS`: only days that differ from the plain weekend rule, compiled and
/// checked by `build.rs`.
mod cn_days {
    include!(concat!(env!("OUT_DIR"), "/cn_holidays.rs"));
}
use cn_days::CN_DAYS;

/// `payment.calendar`: which days are working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    /// 中国法定节假日: weekends and statutory holidays rest, 调休 weekend days work.
    #[default]
    Cn,
    /// Monday to Friday work.
    Weekends,
    /// Every day counts; no deadline moves.
    None,
}

/// A date before the first year of the published table: nothing can be said of it (§10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotCovered {
    pub date: NaiveDate,
    pub first: NaiveDate,
}

/// How a listed day departs from the weekend rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// A rest day although it may be a weekday (法定节假日).
    Off,
    /// A working day although it is a weekend day (调休上班).
    Work,
}

/// `d` as the table's key, `yyyymmdd`.
fn table_key(d: NaiveDate) -> u32 {
    u32::try_from(d.year()).unwrap_or(0) * 10_000 + d.month() * 100 + d.day()
}

/// A `yyyymmdd` key of a table `build.rs` compiled (holidays, LPR fixings) as its date.
pub(crate) fn date_of_key(key: u32) -> NaiveDate {
    let year = i32::try_from(key / 10_000).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, key / 100 % 100, key % 100).unwrap_or(NaiveDate::MIN)
}

/// A `CN_DAYS` entry's date.
fn table_date(v: u32) -> NaiveDate {
    date_of_key(v >> 1)
}

/// Every listed day of the mainland China table and how it departs from the weekend rule, in date
/// order.
#[cfg(test)]
pub fn cn_listed_days() -> impl Iterator<Item = (NaiveDate, DayKind)> {
    CN_DAYS.iter().map(|&v| {
        let kind = if v & 1 == 1 {
            DayKind::Work
        } else {
            DayKind::Off
        };
        (table_date(v), kind)
    })
}

/// The days the table answers for: 1 January of its first year to 31 December of its last.
fn cn_coverage() -> (NaiveDate, NaiveDate) {
    let year = |v: Option<&u32>| v.map_or(2010, |&v| table_date(v).year());
    (
        NaiveDate::from_ymd_opt(year(CN_DAYS.first()), 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(year(CN_DAYS.last()), 12, 31).unwrap_or(NaiveDate::MIN),
    )
}

/// `YYYY-MM-DD` exactly (ISO 8601 calendar date), or `None`.
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

impl Calendar {
    /// The dates this calendar can answer for (inclusive).
    #[cfg(test)]
    pub fn coverage(self) -> (NaiveDate, NaiveDate) {
        match self {
            Calendar::Cn => cn_coverage(),
            Calendar::Weekends | Calendar::None => (NaiveDate::MIN, NaiveDate::MAX),
        }
    }

    /// Whether `d` is a working day. A `cn` day after the published table is answered
    /// provisionally (§10) and its year noted in `seen`; a day before the table is refused.
    #[inline]
    pub fn is_working_day(self, d: NaiveDate, seen: &mut Assumptions) -> Result<bool, NotCovered> {
        match self {
            Calendar::None => Ok(true),
            Calendar::Weekends => Ok(!is_weekend(d)),
            Calendar::Cn => Self::cn_working_day(d, seen),
        }
    }

    fn cn_working_day(d: NaiveDate, seen: &mut Assumptions) -> Result<bool, NotCovered> {
        let (first, last) = cn_coverage();
        if d < first {
            return Err(NotCovered { date: d, first });
        }
        if d > last {
            seen.provisional_year(d.year());
            return Ok(!crate::engine::provisional_holidays::is_rest_day(d)
                .unwrap_or_else(|| is_weekend(d)));
        }
        Ok(
            match CN_DAYS.binary_search_by_key(&table_key(d), |v| v >> 1) {
                Ok(i) => CN_DAYS[i] & 1 == 1,
                Err(_) => !is_weekend(d),
            },
        )
    }

    /// Civil Code Art. 203: a deadline that falls on a rest day moves to the next working day.
    #[inline]
    pub fn roll_forward(
        self,
        deadline: NaiveDate,
        seen: &mut Assumptions,
    ) -> Result<NaiveDate, NotCovered> {
        let mut d = deadline;
        while !self.is_working_day(d, seen)? {
            d = next_day(d)?;
        }
        Ok(d)
    }

    /// "N working days after X": the N-th working day after X, X itself not counted
    /// (Civil Code Art. 201). With N = 0, X itself moved off a rest day.
    pub fn add_working_days(
        self,
        from: NaiveDate,
        n: u32,
        seen: &mut Assumptions,
    ) -> Result<NaiveDate, NotCovered> {
        if n == 0 {
            return self.roll_forward(from, seen);
        }
        let mut d = from;
        let mut left = n;
        while left > 0 {
            d = next_day(d)?;
            if self.is_working_day(d, seen)? {
                left -= 1;
            }
        }
        Ok(d)
    }
}

/// The next day; the end of chrono's range is reported like a day outside the table.
pub(crate) fn next_day(d: NaiveDate) -> Result<NaiveDate, NotCovered> {
    d.succ_opt().ok_or(NotCovered { date: d, first: d })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::date;

    fn seen() -> Assumptions {
        Assumptions::default()
    }

    #[test]
    fn dates_are_read_exactly_as_written() {
        assert_eq!(parse_ymd("2024-02-29"), Some(date("2024-02-29")));
        for bad in [
            "2025-02-29",
            "2025-2-28",
            "2025/02/28",
            "2025-13-01",
            "20250228",
            "2025-02-28 ",
            "+025-02-28",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_make_up_working_day_is_a_weekend_day() {
        // But one: Monday 2020-02-03, the first working day after the 2020 Spring Festival
        // extension, which the data set lists although a Monday works anyway.
        let listed_weekday = date("2020-02-03");
        for (day, _) in cn_listed_days().filter(|&(d, k)| k == DayKind::Work && d != listed_weekday)
        {
            assert!(is_weekend(day), "{day} is listed as 调休 but is a weekday");
        }
    }

    #[test]
    fn the_table_is_complete_and_covers_2010_to_2026() {
        // Every row of the source file but its comments and header line, day for day and kind
        // for kind, in the file's order.
        let rows: Vec<(NaiveDate, DayKind)> = include_str!("../../data/cn-holidays.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("date\t") && !l.is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                let kind = if f[1] == "work" {
                    DayKind::Work
                } else {
                    DayKind::Off
                };
                (date(f[0]), kind)
            })
            .collect();
        assert_eq!(cn_listed_days().collect::<Vec<_>>(), rows);
        assert!(rows.len() > 500, "17 years of notices, {} rows", rows.len());
        assert_eq!(
            Calendar::Cn.coverage(),
            (date("2010-01-01"), date("2026-12-31"))
        );
    }

    #[test]
    fn national_day_2025_rolls_to_october_9() {
        // 2025-10-01..08 is the National Day & Mid-Autumn break: a deadline on 10-01 moves to
        // Thursday 10-09, the first working day after it (Art. 203).
        assert_eq!(
            Calendar::Cn.roll_forward(date("2025-10-01"), &mut seen()),
            Ok(date("2025-10-09"))
        );
        // Under the plain weekend rule 10-01 is a Wednesday and does not move.
        assert_eq!(
            Calendar::Weekends.roll_forward(date("2025-10-01"), &mut seen()),
            Ok(date("2025-10-01"))
        );
        assert_eq!(
            Calendar::None.roll_forward(date("2025-10-04"), &mut seen()),
            Ok(date("2025-10-04"))
        );
    }

    #[test]
    fn saturday_deadline_moves_to_monday() {
        // 2025-05-10 is a Saturday → Monday 05-12 (the April fee in the monthly-operation example).
        assert_eq!(
            Calendar::Cn.roll_forward(date("2025-05-10"), &mut seen()),
            Ok(date("2025-05-12"))
        );
        assert_eq!(
            Calendar::Weekends.roll_forward(date("2025-05-10"), &mut seen()),
            Ok(date("2025-05-12"))
        );
    }

    #[test]
    fn a_make_up_sunday_is_a_working_day() {
        // Sunday 2025-09-28 is worked (调休 for National Day): a deadline on it does not move.
        assert_eq!(
            Calendar::Cn.roll_forward(date("2025-09-28"), &mut seen()),
            Ok(date("2025-09-28"))
        );
        assert_eq!(
            Calendar::Weekends.roll_forward(date("2025-09-28"), &mut seen()),
            Ok(date("2025-09-29"))
        );
    }

    #[test]
    fn fifteen_working_days_across_qingming_and_a_make_up_sunday() {
        // Invoice Monday 2024-03-25. Working days after it: 3-26..29 (4), 4-1..3 (7);
        // 4-4..6 Qingming rest; Sunday 4-7 worked (8); 4-8..12 (13); 4-15 (14); 4-16 (15).
        assert_eq!(
            Calendar::Cn.add_working_days(date("2024-03-25"), 15, &mut seen()),
            Ok(date("2024-04-16"))
        );
        // Weekends only: 3-26..29 (4), 4-1..5 (9), 4-8..12 (14), 4-15 (15).
        assert_eq!(
            Calendar::Weekends.add_working_days(date("2024-03-25"), 15, &mut seen()),
            Ok(date("2024-04-15"))
        );
        assert_eq!(
            Calendar::None.add_working_days(date("2024-03-25"), 15, &mut seen()),
            Ok(date("2024-04-09"))
        );
    }

    #[test]
    fn the_2013_make_up_days_are_working_days() {
        // The 2013 notice made Sunday 04-07 (Qingming) and Saturday 10-12 (National Day) working days.
        assert!(Calendar::Cn
            .is_working_day(date("2013-04-07"), &mut seen())
            .unwrap());
        assert!(Calendar::Cn
            .is_working_day(date("2013-10-12"), &mut seen())
            .unwrap());
    }

    #[test]
    fn a_day_before_2010_is_refused() {
        let err = Calendar::Cn
            .roll_forward(date("2009-12-31"), &mut seen())
            .unwrap_err();
        assert_eq!(err.date, date("2009-12-31"));
        assert_eq!(err.first, date("2010-01-01"));
    }

    #[test]
    fn later_years_are_provisional_and_say_so() {
        // §10: Sunday 2027-01-10 rolls to Monday 01-11, and 2027 is noted as provisional.
        let mut s = seen();
        assert_eq!(
            Calendar::Cn.roll_forward(date("2027-01-10"), &mut s),
            Ok(date("2027-01-11"))
        );
        assert_eq!(
            s.warnings(),
            vec![crate::engine::warnings::Warning::CalendarProvisional { year: 2027 }]
        );
        // 2027-02-10 is the second 补假 of the Spring Festival (除夕 02-05 … 初三 02-08, the
        // Saturday and Sunday give 02-09 and 02-10): the deadline moves to Thursday 02-11.
        assert_eq!(
            Calendar::Cn.roll_forward(date("2027-02-10"), &mut seen()),
            Ok(date("2027-02-11"))
        );
        // Within the table nothing is noted.
        let mut s = seen();
        Calendar::Cn
            .roll_forward(date("2026-12-31"), &mut s)
            .unwrap();
        assert!(s.warnings().is_empty());
    }
}
