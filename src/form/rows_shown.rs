//! Which rows of a long list the form draws. A list of thousands (an imported payment ledger,
//! up to the document's 10,000 rows) would freeze the page while every row is built, so a list
//! shows its first rows ([`RowsShown::AT_ONCE`], more on request), and then the rows added since
//! at its end, so that a payment added to a long ledger is seen at once. Two hundred rows hold a
//! fifteen-year monthly contract's payments, drawn whole as before.

/// The rows drawn: `0..head`, then `pinned`, then `tail..rows`; the other rows between `head`
/// and `tail` are not drawn. `pinned`: rows between them drawn out of sequence because they have
/// an error, in the order they were found; a row stays pinned while it is corrected, so that the
/// field being typed in is not taken away, until [`RowsShown::AT_ONCE`] are pinned: then a row
/// found wrong takes the place of the one corrected longest ago. `asked`: how many times "show more" had been pressed
/// when this was worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowsShown {
    pub rows: usize,
    pub head: usize,
    pub tail: usize,
    pub pinned: Vec<usize>,
    pub asked: u32,
}

impl RowsShown {
    /// Rows drawn at first, and drawn more by each "show more"; also the most rows pinned.
    pub const AT_ONCE: usize = 200;

    /// The rows to draw for a list of `rows` rows, after `before`, "show more" having been
    /// pressed `asked` times in all. A row added at the end is drawn (with the head when the list
    /// was drawn whole, else in the tail); `removed`: the row a "×" took away, when one did, so
    /// that the tail and the pinned rows keep theirs; a change of more than one row (an import, a
    /// scenario opened) starts again with the first [`RowsShown::AT_ONCE`]. Every row in `wrong`
    /// (rows with an error) is drawn, so that an error's field is on the page: a wrong row
    /// neither in the head nor in the tail is pinned (at most [`RowsShown::AT_ONCE`] of them),
    /// not reached by drawing every row before it.
    pub fn next(
        before: Option<&RowsShown>,
        rows: usize,
        asked: u32,
        wrong: &[usize],
        removed: Option<usize>,
    ) -> RowsShown {
        let (mut head, mut tail) = (Self::AT_ONCE, rows);
        let mut pinned = Vec::new();
        if let Some(b) = before {
            (head, tail, pinned) = if rows == b.rows {
                (b.head, b.tail, b.pinned.clone())
            } else if rows == b.rows + 1 && b.head == b.rows {
                // One row added to a list drawn whole.
                (rows, rows, Vec::new())
            } else if rows == b.rows + 1 {
                // One row added at the end of a long list.
                (b.head, b.tail, b.pinned.clone())
            } else if rows + 1 == b.rows {
                // One row removed: those after it move up one place.
                match removed {
                    Some(r) => {
                        let moved = |i: usize| if i > r { i - 1 } else { i };
                        let pinned = b.pinned.iter().filter(|i| **i != r).map(|i| moved(*i));
                        let tail = if r >= b.tail { b.tail } else { b.tail - 1 };
                        (b.head, tail, pinned.collect())
                    }
                    // Removed by another means: which rows moved is not known.
                    None => (b.head, b.tail.saturating_sub(1), Vec::new()),
                }
            } else {
                // Another list loaded.
                (Self::AT_ONCE, rows, Vec::new())
            };
            let more = asked.saturating_sub(b.asked) as usize;
            head = head.saturating_add(more.saturating_mul(Self::AT_ONCE));
        }
        let (head, tail) = (head.min(rows), tail.min(rows));
        if tail <= head {
            return RowsShown {
                rows,
                head: rows,
                tail: rows,
                pinned: Vec::new(),
                asked,
            };
        }
        // Rows the head or the tail has reached are drawn there.
        pinned.retain(|i| (head..tail).contains(i));
        for &i in wrong {
            if !(head..tail).contains(&i) || pinned.contains(&i) {
                continue;
            }
            if pinned.len() < Self::AT_ONCE {
                pinned.push(i);
                continue;
            }
            // Full: the row corrected longest ago gives its place, in place (the other slots
            // stay as they are), but never the last one pinned, where the caret most likely is.
            let last = pinned.len() - 1;
            match pinned[..last].iter().position(|p| !wrong.contains(p)) {
                Some(j) => pinned[j] = i,
                None => break,
            }
        }
        RowsShown {
            rows,
            head,
            tail,
            pinned,
            asked,
        }
    }

    /// Rows not drawn, between the head and the tail.
    pub fn hidden(&self) -> usize {
        (self.tail - self.head).saturating_sub(self.pinned.len())
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
            pinned: Vec::new(),
            asked,
        }
    }

    fn pinned(rows: usize, head: usize, tail: usize, pinned: &[usize]) -> RowsShown {
        RowsShown {
            pinned: pinned.to_vec(),
            ..shown(rows, head, tail, 0)
        }
    }

    #[test]
    fn a_short_list_is_drawn_whole_and_so_is_a_row_added_to_it() {
        let twelve = RowsShown::next(None, 12, 0, &[], None);
        assert_eq!(twelve, shown(12, 12, 12, 0));
        assert_eq!(
            RowsShown::next(Some(&twelve), 13, 0, &[], None),
            shown(13, 13, 13, 0)
        );
        // A ten-year monthly contract's 120 payments are drawn whole.
        assert_eq!(
            RowsShown::next(None, 120, 0, &[], None),
            shown(120, 120, 120, 0)
        );
        // Added one by one past two hundred, every row stays drawn.
        let full = RowsShown::next(None, 200, 0, &[], None);
        let more = RowsShown::next(Some(&full), 201, 0, &[], None);
        assert_eq!(more, shown(201, 201, 201, 0));
        assert_eq!(RowsShown::next(Some(&more), 201, 0, &[], None), more);
    }

    #[test]
    fn an_imported_ledger_of_five_thousand_payments_draws_its_first_two_hundred() {
        let before = RowsShown::next(None, 12, 0, &[], None);
        let ledger = RowsShown::next(Some(&before), 5000, 0, &[], None);
        assert_eq!(ledger, shown(5000, 200, 5000, 0));
        assert_eq!(ledger.hidden(), 4800);
        // "Show more", once.
        let more = RowsShown::next(Some(&ledger), 5000, 1, &[], None);
        assert_eq!(more, shown(5000, 400, 5000, 1));
        // Typing changes nothing drawn.
        assert_eq!(RowsShown::next(Some(&more), 5000, 1, &[], None), more);
        // Another ledger loaded starts again at its first two hundred.
        assert_eq!(
            RowsShown::next(Some(&more), 300, 1, &[], None),
            shown(300, 200, 300, 1)
        );
    }

    #[test]
    fn a_payment_added_to_a_long_ledger_is_drawn_after_the_gap() {
        let ledger = RowsShown::next(None, 5000, 0, &[], None);
        let added = RowsShown::next(Some(&ledger), 5001, 0, &[], None);
        assert_eq!(added, shown(5001, 200, 5000, 0));
        let again = RowsShown::next(Some(&added), 5002, 0, &[], None);
        assert_eq!(again, shown(5002, 200, 5000, 0));
        // A row removed: the added rows moved up one place and stay drawn.
        assert_eq!(
            RowsShown::next(Some(&again), 5001, 0, &[], Some(10)),
            shown(5001, 200, 4999, 0)
        );
        // Showing more until the head meets the tail draws the list whole.
        assert_eq!(
            RowsShown::next(Some(&again), 5002, 24, &[], None),
            shown(5002, 5002, 5002, 24)
        );
    }

    #[test]
    fn a_row_with_an_error_is_drawn_alone_and_stays_while_it_is_corrected() {
        // Billing by quarter can leave payment 4,322 (row 4321) designated for a month that no
        // longer starts a period: its message links to its field, which must be on the page. It
        // is drawn after the first 200 rows, not with the 4,121 rows before it.
        let ledger = RowsShown::next(None, 5000, 0, &[], None);
        let wrong = RowsShown::next(Some(&ledger), 5000, 0, &[4321], None);
        assert_eq!(wrong, pinned(5000, 200, 5000, &[4321]));
        assert_eq!(wrong.hidden(), 4799);
        // Corrected, it stays where it is, under the caret.
        let right = RowsShown::next(Some(&wrong), 5000, 0, &[], None);
        assert_eq!(right, wrong);
        // Another row found wrong is pinned after it, the first one staying.
        let another = RowsShown::next(Some(&right), 5000, 0, &[17, 3000], None);
        assert_eq!(another, pinned(5000, 200, 5000, &[4321, 3000]));
        // A row removed above them moves them up one place; the pinned row removed goes.
        assert_eq!(
            RowsShown::next(Some(&another), 4999, 0, &[], Some(3000)),
            pinned(4999, 200, 4999, &[4320])
        );
        // "Show more" past a pinned row draws it in its place, once.
        let far = RowsShown::next(Some(&ledger), 5000, 0, &[250], None);
        assert_eq!(far, pinned(5000, 200, 5000, &[250]));
        assert_eq!(
            RowsShown::next(Some(&far), 5000, 1, &[250], None),
            RowsShown {
                asked: 1,
                ..shown(5000, 400, 5000, 0)
            }
        );
        // Another list loaded unpins them.
        assert_eq!(
            RowsShown::next(Some(&another), 300, 0, &[], None),
            shown(300, 200, 300, 0)
        );
    }

    #[test]
    fn past_two_hundred_corrected_a_row_found_wrong_takes_the_place_of_the_oldest() {
        // Billing by quarter, its designations found wrong one at a time and corrected in turn:
        // rows 1000, 1001, … pinned. The 201st takes the place of row 1000, corrected first; the
        // others stay where they are.
        let mut shown = RowsShown::next(None, 5000, 0, &[], None);
        for i in 1000..1200 {
            shown = RowsShown::next(Some(&shown), 5000, 0, &[i], None);
        }
        assert_eq!(shown.pinned.len(), 200);
        let next = RowsShown::next(Some(&shown), 5000, 0, &[1200], None);
        assert_eq!(next.pinned[0], 1200);
        assert_eq!(next.pinned[1..], shown.pinned[1..]);
        // Two hundred still wrong: none gives its place, and the next waits.
        let all_wrong: Vec<usize> = (1000..1201).collect();
        let full = RowsShown::next(Some(&shown), 5000, 0, &all_wrong, None);
        assert_eq!(full.pinned, shown.pinned);
    }

    #[test]
    fn at_most_two_hundred_rows_are_pinned_however_many_are_wrong() {
        // Billing by quarter makes two of every three monthly designations wrong: 3,200 rows.
        let ledger = RowsShown::next(None, 5000, 0, &[], None);
        let wrong: Vec<usize> = (200..5000).filter(|i| i % 3 != 0).collect();
        let shown = RowsShown::next(Some(&ledger), 5000, 0, &wrong, None);
        assert_eq!(shown.pinned.len(), RowsShown::AT_ONCE);
        assert_eq!(shown.pinned[..3], [200, 202, 203]);
        assert_eq!(shown.hidden(), 4600);
    }

    #[test]
    fn a_row_typed_wrong_in_the_tail_draws_nothing_more() {
        // A payment added to a 5,000-row ledger, its date cleared while typing: the row is
        // drawn already, and the 4,800 rows before it stay undrawn.
        let ledger = RowsShown::next(None, 5000, 0, &[], None);
        let added = RowsShown::next(Some(&ledger), 5001, 0, &[], None);
        assert_eq!(
            RowsShown::next(Some(&added), 5001, 0, &[5000], None),
            shown(5001, 200, 5000, 0)
        );
    }

    #[test]
    fn the_row_just_added_removed_again_leaves_the_rest_undrawn() {
        let ledger = RowsShown::next(None, 5000, 0, &[], None);
        let added = RowsShown::next(Some(&ledger), 5001, 0, &[], None);
        // "×" on the added row (5000): the tail is empty again, no old row comes into view.
        assert_eq!(
            RowsShown::next(Some(&added), 5000, 0, &[], Some(5000)),
            shown(5000, 200, 5000, 0)
        );
        // "×" on a row of the head (3): the added row moved up one place and stays drawn.
        assert_eq!(
            RowsShown::next(Some(&added), 5000, 0, &[], Some(3)),
            shown(5000, 200, 4999, 0)
        );
    }
}
