//! What a result assumed beyond the built-in data (spec §10): a provisional holiday calendar for
//! a year with no published notice, an LPR after the table's last verified day.

use chrono::NaiveDate;
use serde::Serialize;

/// One assumption, as the result's `warnings` list carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Warning {
    /// The `cn` calendar's rest days for `year` follow the 放假办法, not a published notice.
    CalendarProvisional { year: i32 },
    /// An LPR for a day after `known_until` was taken as the latest fixing on or before it.
    LprBeyondTable { known_until: NaiveDate },
}

/// Collects the assumptions made while computing one result.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assumptions {
    /// Ascending, each once.
    provisional_years: Vec<i32>,
    lpr_beyond: Option<NaiveDate>,
}

impl Assumptions {
    pub fn provisional_year(&mut self, year: i32) {
        if let Err(i) = self.provisional_years.binary_search(&year) {
            self.provisional_years.insert(i, year);
        }
    }

    pub fn lpr_beyond_table(&mut self, known_until: NaiveDate) {
        self.lpr_beyond = Some(known_until);
    }

    /// Calendar years first, in ascending order, then the LPR warning (§10).
    pub fn warnings(&self) -> Vec<Warning> {
        self.provisional_years
            .iter()
            .map(|&year| Warning::CalendarProvisional { year })
            .chain(
                self.lpr_beyond
                    .map(|known_until| Warning::LprBeyondTable { known_until }),
            )
            .collect()
    }
}
