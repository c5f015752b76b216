//! Which rows of a long list the form draws. A list of thousands (an imported payment ledger,
//! up to the document's 10,000 rows) would freeze the page while every row is built, so a list
//! shows its first rows ([`RowsShown::AT_ONCE`], more on request), and then the rows added since
//! at its end, so that a payment added to a long ledger is seen at once. Two hundred rows hold a
//! fifteen-year monthly contract's payments, drawn whole as before.

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
    pub const AT_ONCE: usize = 200;

    /// The rows to draw for a list of `rows` rows, after `before`, "show more" having been
    /// pressed `asked` times in all. A row added at the end is drawn (with the head when the list
    /// was drawn whole, else in the tail); `removed`: the row a "×" took away, when one did, so
    /// that the tail keeps its rows; a change of more than one row (an import, a scenario opened)
    /// starts again with the first [`RowsShown::AT_ONCE`]. Every row in `wrong` (rows with an
    /// error) is drawn, the head reaching down to it, so that an error's field is on the page.
    pub fn next(
        before: Option<RowsShown>,
        rows: usize,
        asked: u32,
        wrong: &[usize],
        removed: Option<usize>,
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
                match removed {
                    Some(i) if i >= b.tail => (b.head, b.tail),
                    _ => (b.head, b.tail.saturating_sub(1)),
                }
            } else {
                // Another list loaded.
                (Self::AT_ONCE, rows)
            };
            let more = asked.saturating_sub(b.asked) as usize;
            head = head.saturating_add(more.saturating_mul(Self::AT_ONCE));
        }
        // A wrong row in the tail is drawn already.
        if let Some(i) = wrong.iter().copied().filter(|i| *i < tail).max() {
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
        let twelve = RowsShown::next(None, 12, 0, &[], None);
        assert_eq!(twelve, shown(12, 12, 12, 0));
        assert_eq!(
            RowsShown::next(Some(twelve), 13, 0, &[], None),
            shown(13, 13, 13, 0)
        );
        // A ten-year monthly contract's 120 payments are drawn whole.
        assert_eq!(
            RowsShown::next(None, 120, 0, &[], None),
            shown(120, 120, 120, 0)
        );
        // Added one by one past two hundred, every row stays drawn.
        let full = RowsShown::next(None, 200, 0, &[], None);
        let more = RowsShown::next(Some(full), 201, 0, &[], None);
        assert_eq!(more, shown(201, 201, 201, 0));
        assert_eq!(RowsShown::next(Some(more), 201, 0, &[], None), more);
    }

    #[test]
    fn an_imported_ledger_of_five_thousand_payments_draws_its_first_two_hundred() {
        let before = RowsShown::next(None, 12, 0, &[], None);
        let ledger = RowsShown::next(Some(before), 5000, 0, &[], None);
        assert_eq!(ledger, shown(5000, 200, 5000, 0));
        assert_eq!(ledger.hidden(), 4800);
        // "Show more", once.
        let more = RowsShown::next(Some(ledger), 5000, 1, &[], None);
        assert_eq!(more, shown(5000, 400, 5000, 1));
        // Typing changes nothing drawn.
        assert_eq!(RowsShown::next(Some(more), 5000, 1, &[], None), more);
        // Another ledger loaded starts again at its first two hundred.
        assert_eq!(
            RowsShown::next(Some(more), 300, 1, &[], None),
            shown(300, 200, 300, 1)
        );
    }

    #[test]
    fn a_payment_added_to_a_long_ledger_is_drawn_after_the_gap() {
        let ledger = RowsShown::next(None, 5000, 0, &[], None);
        let added = RowsShown::next(Some(ledger), 5001, 0, &[], None);
        assert_eq!(added, shown(5001, 200, 5000, 0));
        let again = RowsShown::next(Some(added), 5002, 0, &[], None);
        assert_eq!(again, shown(5002, 200, 5000, 0));
        // A row removed: the added rows moved up one place and stay drawn.
        assert_eq!(
            RowsShown::next(Some(again), 5001, 0, &[], Some(10)),
            shown(5001, 200, 4999, 0)
        );
        // Showing more until the head meets the tail draws the list whole.
        assert_eq!(
            RowsShown::next(Some(again), 5002, 24, &[], None),
            shown(5002, 5002, 5002, 24)
        );
    }

    #[test]
    fn a_row_with_an_error_is_always_drawn() {
        // Billing by quarter can leave payment 4,321 designated for a month that no longer
        // starts a period: its message links to its field, which must be on the page.
        let ledger = RowsShown::next(None, 5000, 0, &[], None);
        assert_eq!(
            RowsShown::next(Some(ledger), 5000, 0, &[4321], None),
            shown(5000, 4322, 5000, 0)
        );
    }

    #[test]
    fn a_row_typed_wrong_in_the_tail_draws_nothing_more() {
        // A payment added to a 5,000-row ledger, its date cleared while typing: the row is
        // drawn already, and the 4,800 rows before it stay undrawn.
        let ledger = RowsShown::next(None, 5000, 0, &[], None);
        let added = RowsShown::next(Some(ledger), 5001, 0, &[], None);
        assert_eq!(
            RowsShown::next(Some(added), 5001, 0, &[5000], None),
            shown(5001, 200, 5000, 0)
        );
    }

    #[test]
    fn the_row_just_added_removed_again_leaves_the_rest_undrawn() {
        let ledger = RowsShown::next(None, 5000, 0, &[], None);
        let added = RowsShown::next(Some(ledger), 5001, 0, &[], None);
        // "×" on the added row (5000): the tail is empty again, no old row comes into view.
        assert_eq!(
            RowsShown::next(Some(added), 5000, 0, &[], Some(5000)),
            shown(5000, 200, 5000, 0)
        );
        // "×" on a row of the head (3): the added row moved up one place and stays drawn.
        assert_eq!(
            RowsShown::next(Some(added), 5000, 0, &[], Some(3)),
            shown(5000, 200, 4999, 0)
        );
    }
}
