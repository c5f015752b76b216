//! Which rows of a long list the form draws. A list of thousands (an imported payment ledger,
//! up to the document's 10,000 rows) would freeze the page while every row is built, so a list
//! shows its first rows ([`RowsShown::AT_ONCE`], more on request), and then the rows added since
//! at its end, so that a payment added to a long ledger is seen at once.

/// The rows drawn: `0..head`, then `tail..rows`; the rows between are not drawn. `asked`: how
/// many times "show more" had been pressed when this was worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowsShown {
    pub rows: usize,
    pub head: usize,
    pub tail: usize,
    pub asked: u32,
}

impl RowsShown {
    /// Rows drawn at first, and drawn more by each "show more".
    pub const AT_ONCE: usize = 100;

    /// The rows to draw for a list of `rows` rows, after `before`, "show more" having been
    /// pressed `asked` times in all. A list loaded (an import, a scenario opened) starts with
    /// its first [`RowsShown::AT_ONCE`]; a row added at the end is drawn (with the head when the
    /// list was drawn whole, else in the tail); every row up to `last_wrong` is drawn, so that
    /// an error's field is on the page.
    pub fn next(
        before: Option<RowsShown>,
        rows: usize,
        asked: u32,
        last_wrong: Option<usize>,
    ) -> RowsShown {
        let (mut head, mut tail) = (Self::AT_ONCE, rows);
        if let Some(b) = before {
            (head, tail) = if rows == b.rows {
                (b.head, b.tail)
            } else if rows == b.rows + 1 && b.head == b.rows {
                // One row added to a list drawn whole.
                (rows, rows)
            } else if rows == b.rows + 1 {
                // One row added at the end of a long list.
                (b.head, b.tail)
            } else if rows + 1 == b.rows {
                // One row removed: those after it move up one place.
                (b.head, b.tail.saturating_sub(1))
            } else {
                // Another list loaded.
                (Self::AT_ONCE, rows)
            };
            let more = asked.saturating_sub(b.asked) as usize;
            head = head.saturating_add(more.saturating_mul(Self::AT_ONCE));
        }
        if let Some(i) = last_wrong {
            head = head.max(i + 1);
        }
        let head = head.min(rows);
        if tail <= head {
            return RowsShown {
                rows,
                head: rows,
                tail: rows,
                asked,
            };
        }
        RowsShown {
            rows,
            head,
            tail,
            asked,
        }
    }

    /// Rows not drawn, between the head and the tail.
    pub fn hidden(self) -> usize {
        self.tail - self.head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(rows: usize, head: usize, tail: usize, asked: u32) -> RowsShown {
        RowsShown {
            rows,
            head,
            tail,
            asked,
        }
    }

    #[test]
    fn a_short_list_is_drawn_whole_and_so_is_a_row_added_to_it() {
        let twelve = RowsShown::next(None, 12, 0, None);
        assert_eq!(twelve, shown(12, 12, 12, 0));
        assert_eq!(
            RowsShown::next(Some(twelve), 13, 0, None),
            shown(13, 13, 13, 0)
        );
        // Added one by one past a hundred, every row stays drawn.
        let hundred = RowsShown::next(None, 100, 0, None);
        let more = RowsShown::next(Some(hundred), 101, 0, None);
        assert_eq!(more, shown(101, 101, 101, 0));
        assert_eq!(RowsShown::next(Some(more), 101, 0, None), more);
    }

    #[test]
    fn an_imported_ledger_of_five_thousand_payments_draws_its_first_hundred() {
        let before = RowsShown::next(None, 12, 0, None);
        let ledger = RowsShown::next(Some(before), 5000, 0, None);
        assert_eq!(ledger, shown(5000, 100, 5000, 0));
        assert_eq!(ledger.hidden(), 4900);
        // "Show more", once.
        let more = RowsShown::next(Some(ledger), 5000, 1, None);
        assert_eq!(more, shown(5000, 200, 5000, 1));
        // Typing changes nothing drawn.
        assert_eq!(RowsShown::next(Some(more), 5000, 1, None), more);
        // Another ledger loaded starts again at its first hundred.
        assert_eq!(
            RowsShown::next(Some(more), 300, 1, None),
            shown(300, 100, 300, 1)
        );
    }

    #[test]
    fn a_payment_added_to_a_long_ledger_is_drawn_after_the_gap() {
        let ledger = RowsShown::next(None, 5000, 0, None);
        let added = RowsShown::next(Some(ledger), 5001, 0, None);
        assert_eq!(added, shown(5001, 100, 5000, 0));
        let again = RowsShown::next(Some(added), 5002, 0, None);
        assert_eq!(again, shown(5002, 100, 5000, 0));
        // A row removed: the added rows moved up one place and stay drawn.
        assert_eq!(
            RowsShown::next(Some(again), 5001, 0, None),
            shown(5001, 100, 4999, 0)
        );
        // Showing more until the head meets the tail draws the list whole.
        assert_eq!(
            RowsShown::next(Some(again), 5002, 49, None),
            shown(5002, 5002, 5002, 49)
        );
    }

    #[test]
    fn a_row_with_an_error_is_always_drawn() {
        // Shortening the term can leave payment 4,321 designated for a period that no longer
        // exists: its message links to its field, which must be on the page.
        let ledger = RowsShown::next(None, 5000, 0, None);
        assert_eq!(
            RowsShown::next(Some(ledger), 5000, 0, Some(4321)),
            shown(5000, 4322, 5000, 0)
        );
    }
}
