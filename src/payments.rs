//! Payment allocation (spec §3, Civil Code Art. 560): each payment made by the evaluation date
//! settles the cycle with the earliest due date that still has an unpaid amount, then the next.

use crate::scenario::PaymentMade;
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
}

/// Allocates the payments dated on or before `as_of` to cycles with the given due dates and
/// amounts. Payments are taken in date order (same-day payments in the order listed).
pub fn allocate(
    dues: &[(NaiveDate, Decimal)],
    payments: &[PaymentMade],
    as_of: NaiveDate,
) -> Allocation {
    let mut order: Vec<usize> = (0..dues.len()).collect();
    order.sort_by_key(|&i| (dues[i].0, i));
    let mut counted: Vec<&PaymentMade> = payments.iter().filter(|p| p.date <= as_of).collect();
    counted.sort_by_key(|p| p.date);

    let mut a = Allocation {
        tranches: vec![Vec::new(); dues.len()],
        outstanding: dues.iter().map(|d| d.1).collect(),
        ..Allocation::default()
    };
    let mut next = 0;
    for p in counted {
        a.paid += p.amount;
        let mut left = p.amount;
        while left > Decimal::ZERO && next < order.len() {
            let c = order[next];
            let take = left.min(a.outstanding[c]);
            if take > Decimal::ZERO {
                a.tranches[c].push(Tranche {
                    paid_on: p.date,
                    amount: take,
                });
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
    use crate::scenario::Extra;
    use crate::test_support::{d, date};

    fn pay(on: &str, amount: &str) -> PaymentMade {
        PaymentMade {
            date: date(on),
            amount: d(amount),
            extra: Extra::new(),
        }
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
            &dues,
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
        let a = allocate(&dues, &[pay("2025-10-01", "50000")], date("2025-09-30"));
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
        let a = allocate(&dues, &[pay("2025-02-01", "120000")], date("2025-12-31"));
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
            &dues,
            &[pay("2025-03-20", "100"), pay("2025-02-10", "100")],
            date("2025-12-31"),
        );
        assert_eq!(a.tranches[0][0].paid_on, date("2025-02-10"));
        assert_eq!(a.tranches[1][0].paid_on, date("2025-03-20"));
    }
}
