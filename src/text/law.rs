//! The provisions a statement cites, under the law in force on the day in question: facts before
//! 2021-01-01 are judged under the law then in force (最高人民法院关于适用民法典时间效力的若干规定
//! 第1条第2款), the Contract Law and the General Provisions or General Principles of the Civil Law.

use crate::engine::reasonableness::LawInForce;
use crate::text::Lang;
use chrono::NaiveDate;

/// A rule a statement rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provision {
    /// A period whose last day is a rest day ends on the next working day.
    RestDayDeadline,
    /// The grounds to terminate a contract by law.
    TerminationGrounds,
    /// Settlement after termination: its clauses survive, and the losses are made good.
    SettlementAfterTermination,
    /// Damages for a breach, here the loss of the use of money paid late.
    Damages,
    /// Which debts a payment settles: the earliest due first (560), then costs, interest and
    /// the principal (561).
    PaymentAllocation,
    /// Debts due both ways set off by notice.
    SetOff,
    /// An agreed penalty excessively above the loss reduced on request.
    PenaltyReduction,
    /// What was performed restored after termination.
    Restitution,
}

/// `p` as the law in force on `day` words it, with the book's title: "《民法典》第203条",
/// "《民法总则》第203条", "《民法通则》第154条第3款"…
pub fn cite(p: Provision, day: NaiveDate, lang: Lang) -> &'static str {
    use LawInForce::{CivilCode, GeneralPrinciples, GeneralProvisions};
    use Provision::*;
    let law = LawInForce::for_days_to(Some(day));
    match (p, law, lang) {
        (RestDayDeadline, CivilCode, Lang::Zh) => "《民法典》第203条",
        (RestDayDeadline, CivilCode, Lang::En) => "Civil Code Art. 203",
        (RestDayDeadline, GeneralProvisions, Lang::Zh) => "《民法总则》第203条",
        (RestDayDeadline, GeneralProvisions, Lang::En) => {
            "General Provisions of the Civil Law Art. 203"
        }
        (RestDayDeadline, GeneralPrinciples, Lang::Zh) => "《民法通则》第154条第3款",
        (RestDayDeadline, GeneralPrinciples, Lang::En) => {
            "General Principles of the Civil Law Art. 154 ¶3"
        }
        (TerminationGrounds, CivilCode, Lang::Zh) => "《民法典》第563条",
        (TerminationGrounds, CivilCode, Lang::En) => "Civil Code Art. 563",
        (TerminationGrounds, _, Lang::Zh) => "《合同法》第94条",
        (TerminationGrounds, _, Lang::En) => "Contract Law Art. 94",
        (SettlementAfterTermination, CivilCode, Lang::Zh) => "《民法典》第566、567条",
        (SettlementAfterTermination, CivilCode, Lang::En) => "Civil Code Arts. 566–567",
        (SettlementAfterTermination, _, Lang::Zh) => "《合同法》第97、98条",
        (SettlementAfterTermination, _, Lang::En) => "Contract Law Arts. 97–98",
        (Damages, CivilCode, Lang::Zh) => "《民法典》第584条",
        (Damages, CivilCode, Lang::En) => "Civil Code Art. 584",
        (Damages, _, Lang::Zh) => "《合同法》第113条",
        (Damages, _, Lang::En) => "Contract Law Art. 113",
        (PaymentAllocation, CivilCode, Lang::Zh) => "《民法典》第560、561条",
        (PaymentAllocation, CivilCode, Lang::En) => "Civil Code Arts. 560–561",
        (PaymentAllocation, _, Lang::Zh) => "《合同法解释（二）》第20、21条",
        (PaymentAllocation, _, Lang::En) => {
            "SPC Interpretation (II) of the Contract Law Arts. 20–21"
        }
        (SetOff, CivilCode, Lang::Zh) => "《民法典》第568条",
        (SetOff, CivilCode, Lang::En) => "Civil Code Art. 568",
        (SetOff, _, Lang::Zh) => "《合同法》第99条",
        (SetOff, _, Lang::En) => "Contract Law Art. 99",
        (PenaltyReduction, CivilCode, Lang::Zh) => "《民法典》第585条第2款",
        (PenaltyReduction, CivilCode, Lang::En) => "Civil Code Art. 585 ¶2",
        (PenaltyReduction, _, Lang::Zh) => "《合同法》第114条第2款",
        (PenaltyReduction, _, Lang::En) => "Contract Law Art. 114 ¶2",
        (Restitution, CivilCode, Lang::Zh) => "《民法典》第566条",
        (Restitution, CivilCode, Lang::En) => "Civil Code Art. 566",
        (Restitution, _, Lang::Zh) => "《合同法》第97条",
        (Restitution, _, Lang::En) => "Contract Law Art. 97",
    }
}

/// `p` for facts from `first` to `last`: the law of each when they straddle 2021-01-01
/// ("《民法典》第560、561条；2021年前：《合同法解释（二）》第20、21条"), else the law of `last`.
pub fn cite_over(p: Provision, first: NaiveDate, last: NaiveDate, lang: Lang) -> String {
    let code = crate::engine::reasonableness::civil_code_start();
    let now = cite(p, last, lang);
    if first >= code || last < code {
        return now.to_string();
    }
    let then = cite(p, first, lang);
    match lang {
        Lang::Zh => format!("{now}；2021年前的：{then}"),
        Lang::En => format!("{now}; before 2021: {then}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::date;

    #[test]
    fn a_settlement_is_cited_under_the_law_of_its_day() {
        // Terminated on 2019-06-30: the Contract Law's articles, not the Civil Code's, which
        // took effect on 2021-01-01.
        let settle = |day| cite(Provision::SettlementAfterTermination, date(day), Lang::Zh);
        assert_eq!(settle("2019-06-30"), "《合同法》第97、98条");
        assert_eq!(settle("2021-01-01"), "《民法典》第566、567条");
        assert_eq!(
            cite(Provision::TerminationGrounds, date("2020-12-31"), Lang::Zh),
            "《合同法》第94条"
        );
        assert_eq!(
            cite(Provision::Damages, date("2020-12-31"), Lang::En),
            "Contract Law Art. 113"
        );
        // A deadline on a rest day: 民法通则 before 2017-10-01, 民法总则 until 2020, then 民法典.
        let rest_day = |day| cite(Provision::RestDayDeadline, date(day), Lang::Zh);
        assert_eq!(rest_day("2017-09-30"), "《民法通则》第154条第3款");
        assert_eq!(rest_day("2017-10-01"), "《民法总则》第203条");
        assert_eq!(rest_day("2021-01-01"), "《民法典》第203条");
        // Payments from 2020 into 2021: each under its own law.
        assert_eq!(
            cite_over(
                Provision::PaymentAllocation,
                date("2020-09-15"),
                date("2021-02-10"),
                Lang::Zh
            ),
            "《民法典》第560、561条；2021年前的：《合同法解释（二）》第20、21条"
        );
        assert_eq!(
            cite_over(
                Provision::PaymentAllocation,
                date("2021-01-15"),
                date("2021-02-10"),
                Lang::Zh
            ),
            "《民法典》第560、561条"
        );
    }
}
