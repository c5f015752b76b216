//! "In date order, same-day items in the order listed": how payments are taken (§3), LPR fixings
//! merged (§9) and payments listed in the 计算明细.

use chrono::NaiveDate;

/// The positions of `dates` in date order, equal dates in their given order.
///
/// The position breaks every tie, so the one unstable sort of `(date, position)` pairs gives the
/// stable order; and every caller shares that one sort instead of compiling a stable sort for each
/// item type (in the browser build each such copy costs about 3 KB).
pub fn in_date_order(dates: impl IntoIterator<Item = NaiveDate>) -> Vec<usize> {
    let mut keyed: Vec<(NaiveDate, usize)> =
        dates.into_iter().enumerate().map(|(i, d)| (d, i)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::date;

    #[test]
    fn same_day_items_keep_their_listed_order() {
        // Payments listed 03-10, 03-01, 03-10, 02-28: taken 02-28 (4th), 03-01 (2nd), then the
        // two of 03-10 as listed (1st, 3rd).
        let listed = ["2025-03-10", "2025-03-01", "2025-03-10", "2025-02-28"].map(date);
        assert_eq!(in_date_order(listed), [3, 1, 0, 2]);
        assert!(in_date_order([]).is_empty());
    }
}
