//! Payment allocation (spec §3, §13, Civil Code Art. 560): each payment made by the evaluation date
//! first settles the cycle it names (`for`, Art. 560 ¶1), then the cycle with the earliest due date
//! that still has an unpaid amount, then the next.

use crate::engine::date_order::in_date_order;
use crate::engine::scenario::PaymentMade;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Part of a cycle's fee settled by one payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tranche {
    pub paid_on: NaiveDate,
    pub amount: Decimal,
}

/// How the payments fell on the cycles.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Allocation {
    /// Per cycle (in the order given), the tranches that paid it, in payment order.
    pub tranches: Vec<Vec<Tranche>>,
    /// Per cycle, what is still unpaid.
    pub outstanding: Vec<Decimal>,
    /// Everything paid by `as_of`.
    pub paid: Decimal,
    /// What was left after every cycle was paid.
    pub unapplied: Decimal,
    /// Per payment (in the order given), the cycles it paid, by their first day, and how much:
    /// what it settled, which a designation (Art. 560 ¶1) may not say alone. Empty for a payment
    /// after `as_of`.
    pub applied: Vec<Vec<(NaiveDate, Decimal)>>,
}

/// One billed cycle as allocation sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owed {
    /// The billed period's first day: what a designated payment names.
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub amount: Decimal,
}

/// Allocates the payments dated on or before `as_of` to the cycles. Payments are taken in date
/// order (same-day payments in the order listed).
pub fn allocate(cycles: &[Owed], payments: &[PaymentMade], as_of: NaiveDate) -> Allocation {
    let dues: Vec<(NaiveDate, Decimal)> = cycles.iter().map(|c| (c.due, c.amount)).collect();
    let order = in_date_order(dues.iter().map(|d| d.0));
    let made: Vec<usize> = (0..payments.len())
        .filter(|&i| payments[i].date <= as_of)
        .collect();
    let counted = in_date_order(made.iter().map(|&i| payments[i].date))
        .into_iter()
        .map(|k| made[k]);

    let mut a = Allocation {
        tranches: vec![Vec::new(); dues.len()],
        outstanding: dues.iter().map(|d| d.1).collect(),
        applied: vec![Vec::new(); payments.len()],
        ..Allocation::default()
    };
    let mut next = 0;
    for i in counted {
        let p = &payments[i];
        a.paid += p.amount;
        let mut left = p.amount;
        if let Some(c) = p
            .for_period
            .and_then(|f| cycles.iter().position(|c| c.start == f))
        {
            let take = left.min(a.outstanding[c]);
            if take > Decimal::ZERO {
                a.tranches[c].push(Tranche {
                    paid_on: p.date,
                    amount: take,
                });
                a.applied[i].push((cycles[c].start, take));
                a.outstanding[c] -= take;
                left -= take;
            }
        }
        while left > Decimal::ZERO && next < order.len() {
            let c = order[next];
            let take = left.min(a.outstanding[c]);
            if take > Decimal::ZERO {
                a.tranches[c].push(Tranche {
                    paid_on: p.date,
                    amount: take,
                });
                a.applied[i].push((cycles[c].start, take));
                a.outstanding[c] -= take;
                left -= take;
            }
            if a.outstanding[c].is_zero() {
                next += 1;
            }
        }
        a.unapplied += left;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario::Extra;
    use crate::test_support::{d, date};

    fn pay(on: &str, amount: &str) -> PaymentMade {
        PaymentMade {
            date: date(on),
            amount: d(amount),
            for_period: None,
            extra: Extra::new(),
        }
    }
    /// Cycles from their due dates and amounts; each starts a month before it is due.
    fn owed(dues: &[(NaiveDate, Decimal)]) -> Vec<Owed> {
        dues.iter()
            .map(|&(due, amount)| Owed {
                start: due - chrono::Days::new(40),
                due,
                amount,
            })
            .collect()
    }

    #[test]
    fn a_partial_payment_is_split_across_two_cycles() {
        // March ¥50,000 due 4-10 and April ¥50,000 due 5-12. ¥30,000 on 4-10, then ¥70,000 on
        // 5-30: ¥20,000 finishes March, ¥50,000 pays April (Art. 560: earliest due first).
        let dues = [
            (date("2025-04-10"), d("50000")),
            (date("2025-05-12"), d("50000")),
        ];
        let a = allocate(
            &owed(&dues),
            &[pay("2025-04-10", "30000"), pay("2025-05-30", "70000")],
            date("2025-09-30"),
        );
        assert_eq!(
            a.tranches[0],
            vec![
                Tranche {
                    paid_on: date("2025-04-10"),
                    amount: d("30000")
                },
                Tranche {
                    paid_on: date("2025-05-30"),
                    amount: d("20000")
                },
            ]
        );
        assert_eq!(
            a.tranches[1],
            vec![Tranche {
                paid_on: date("2025-05-30"),
                amount: d("50000")
            }]
        );
        assert_eq!(a.outstanding, vec![d("0"), d("0")]);
        assert_eq!(a.paid, d("100000"));
    }

    #[test]
    fn payments_after_the_evaluation_date_are_ignored() {
        let dues = [(date("2025-02-10"), d("50000"))];
        let a = allocate(
            &owed(&dues),
            &[pay("2025-10-01", "50000")],
            date("2025-09-30"),
        );
        assert_eq!(a.outstanding, vec![d("50000")]);
        assert_eq!(a.paid, d("0"));
    }

    #[test]
    fn overpayment_is_reported_as_unapplied() {
        // ¥120,000 against two cycles of ¥50,000: ¥20,000 left over.
        let dues = [
            (date("2025-02-10"), d("50000")),
            (date("2025-03-10"), d("50000")),
        ];
        let a = allocate(
            &owed(&dues),
            &[pay("2025-02-01", "120000")],
            date("2025-12-31"),
        );
        assert_eq!(a.unapplied, d("20000"));
        assert_eq!(a.outstanding, vec![d("0"), d("0")]);
    }

    #[test]
    fn payments_are_taken_in_date_order_whatever_the_list_order() {
        // Listed late-first: the 2-10 payment still pays the first cycle on time.
        let dues = [
            (date("2025-02-10"), d("100")),
            (date("2025-03-10"), d("100")),
        ];
        let a = allocate(
            &owed(&dues),
            &[pay("2025-03-20", "100"), pay("2025-02-10", "100")],
            date("2025-12-31"),
        );
        assert_eq!(a.tranches[0][0].paid_on, date("2025-02-10"));
        assert_eq!(a.tranches[1][0].paid_on, date("2025-03-20"));
    }

    #[test]
    fn a_designated_payment_settles_the_invoice_it_names() {
        // January ¥50,000 due 2-10 and February ¥50,000 due 3-10, both open. ¥50,000 paid 3-15
        // "for February" (Art. 560 ¶1) pays February; January stays open. Without "for" it
        // would pay January, the earliest due.
        let cycles = [
            Owed {
                start: date("2025-01-01"),
                due: date("2025-02-10"),
                amount: d("50000"),
            },
            Owed {
                start: date("2025-02-01"),
                due: date("2025-03-10"),
                amount: d("50000"),
            },
        ];
        let mut p = pay("2025-03-15", "60000");
        p.for_period = Some(date("2025-02-01"));
        let a = allocate(&cycles, &[p], date("2025-12-31"));
        assert_eq!(a.outstanding, vec![d("40000"), d("0")]);
        // What is left over (¥10,000) follows the earliest-due rule.
        assert_eq!(a.tranches[0][0].amount, d("10000"));
        assert_eq!(a.paid, d("60000"));
    }
}
