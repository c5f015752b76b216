//! The typed scenario the form describes, section by section: every field read with the
//! document's own ranges, every error named by its JSON path, then the document's rules across
//! fields. A later version's fields on the loaded scenario stay where the form keeps their place.

use super::paths::{self, change, fixing, labelled, paid};
use super::reader::{At, Reader};
use super::{DueRuleKind, EndMode, FormState};
use crate::document::error::{ErrorKind, ValidationError};
use crate::document::read::{
    check_consistency, DAYS, DAY_OF_MONTH, INCIDENTS, MAX_LABEL_CHARS, MAX_LIST, MAX_NAME_CHARS,
    PERIOD_MONTHS, RENEWAL_MONTHS,
};
use crate::engine::scenario::*;

/// A clause switched on and read (`Some(Some(..))`), switched off (`Some(None)`), or switched on
/// and refused (`None`: its messages are in the reader).
fn clause<T>(on: bool, read: impl FnOnce() -> Option<T>) -> Option<Option<T>> {
    if on {
        read().map(Some)
    } else {
        Some(None)
    }
}

impl FormState {
    /// The scenario the form describes, or every field that is wrong (by JSON path): text that
    /// cannot be read or is out of range, field by field; then the rules that tie fields together
    /// ([`check_consistency`], the document's own). Fields of a later version carried by the
    /// loaded scenario are kept where the form still has their place.
    pub fn to_scenario(&self) -> Result<Scenario, Vec<ValidationError>> {
        let mut r = Reader::default();
        let s = self.typed(&mut r);
        match s {
            Some(s) if r.errors.is_empty() => {
                check_consistency(&s).map_err(|e| vec![self.at_form_row(e)])?;
                Ok(s)
            }
            _ => Err(r.errors),
        }
    }

    /// A rule's error on the scenario's LPR fixing `j`, moved to that fixing's row in the form,
    /// which may have blank rows before it.
    fn at_form_row(&self, mut e: ValidationError) -> ValidationError {
        let prefix = format!("{}[", paths::LATE_PAYMENT_LPR_FIXINGS);
        let row = e.path.strip_prefix(&prefix).and_then(|rest| {
            let (j, field) = rest.split_once(']')?;
            let j: usize = j.parse().ok()?;
            let (i, _) = self
                .lpr_fixings
                .iter()
                .enumerate()
                .filter(|(_, x)| !x.is_blank())
                .nth(j)?;
            Some(format!("{prefix}{i}]{field}"))
        });
        if let Some(path) = row {
            e.path = path;
        }
        e
    }

    /// What the loaded scenario kept at a place the form also fills (its unknown fields).
    fn kept<T>(&self, at: impl FnOnce(&Scenario) -> Option<&T>) -> Option<&T> {
        self.original.as_deref().and_then(at)
    }

    fn kept_extra(&self, at: impl FnOnce(&Scenario) -> Option<&Extra>) -> Extra {
        self.kept(at).cloned().unwrap_or_default()
    }

    /// §1 the term's last day: as typed, or from the start and a number of months.
    fn end(&self, r: &mut Reader) -> Option<chrono::NaiveDate> {
        match self.end_mode {
            EndMode::Date => r.date(paths::CONTRACT_END, &self.end),
            EndMode::Months => {
                let start = crate::document::read::parse_date(self.start.trim());
                let months = r.whole(
                    paths::CONTRACT_TERM_MONTHS,
                    &self.term_months,
                    PERIOD_MONTHS,
                )?;
                let end = start.map(|s| super::end_after(s, months))?;
                if !crate::document::read::in_date_range(end) {
                    let got = end.to_string();
                    r.push(
                        paths::CONTRACT_END,
                        ErrorKind::Date {
                            got: format!("\"{got}\""),
                        },
                    );
                    return None;
                }
                Some(end)
            }
        }
    }

    /// §2 the due rule chosen, with its days.
    fn due(&self, r: &mut Reader) -> Option<DueRule> {
        let day_type = self.due_day_type.unwrap_or(DayType::Calendar);
        let extra = || match (self.due_rule, self.kept(|o| Some(&o.payment.due))) {
            (DueRuleKind::DayOfNextMonth, Some(DueRule::DayOfNextMonth { extra, .. }))
            | (DueRuleKind::DaysAfterCycleEnd, Some(DueRule::DaysAfterCycleEnd { extra, .. }))
            | (
                DueRuleKind::DaysAfterCycleStart,
                Some(DueRule::DaysAfterCycleStart { extra, .. }),
            )
            | (DueRuleKind::DaysAfterInvoice, Some(DueRule::DaysAfterInvoice { extra, .. })) => {
                extra.clone()
            }
            _ => Extra::new(),
        };
        let days = |r: &mut Reader| r.whole(paths::PAYMENT_DUE_DAYS, &self.due_days, DAYS);
        Some(match self.due_rule {
            DueRuleKind::DayOfNextMonth => DueRule::DayOfNextMonth {
                day: r.whole(paths::PAYMENT_DUE_DAY, &self.due_day, DAY_OF_MONTH)?,
                extra: extra(),
            },
            DueRuleKind::DaysAfterCycleEnd => DueRule::DaysAfterCycleEnd {
                days: days(r)?,
                day_type,
                extra: extra(),
            },
            DueRuleKind::DaysAfterCycleStart => DueRule::DaysAfterCycleStart {
                days: days(r)?,
                day_type,
                extra: extra(),
            },
            DueRuleKind::DaysAfterInvoice => {
                let invoice_day = r.whole(
                    paths::PAYMENT_DUE_INVOICE_DAY,
                    &self.invoice_day,
                    DAY_OF_MONTH,
                );
                DueRule::DaysAfterInvoice {
                    days: days(r)?,
                    invoice_day: invoice_day?,
                    day_type,
                    extra: extra(),
                }
            }
        })
    }

    /// A list's rows read one by one; `None` when one cannot be read (its message is in `r`), or
    /// when there are more rows than a document may list.
    fn rows<T, U>(
        r: &mut Reader,
        path: &str,
        rows: &[T],
        mut read: impl FnMut(&mut Reader, usize, &T) -> Option<U>,
    ) -> Option<Vec<U>> {
        if rows.len() > MAX_LIST {
            r.push(path, ErrorKind::TooMany { max: MAX_LIST });
            return None;
        }
        let mut out = Some(Vec::with_capacity(rows.len()));
        for (i, row) in rows.iter().enumerate() {
            match (read(r, i, row), &mut out) {
                (Some(v), Some(list)) => list.push(v),
                _ => out = None,
            }
        }
        out
    }

    /// §1 the fee components.
    fn components(&self, r: &mut Reader) -> Option<Vec<FeeComponent>> {
        Self::rows(r, paths::FEES_COMPONENTS, &self.components, |r, i, c| {
            let label = r.label(
                At::Row(paths::component, i, labelled::LABEL),
                &c.label,
                MAX_LABEL_CHARS,
            );
            let amount = r.money(At::Row(paths::component, i, labelled::AMOUNT), &c.amount);
            Some(FeeComponent {
                label: label?,
                amount: amount?,
                extra: c.extra.clone(),
            })
        })
    }

    /// §3, §13 the payments made, each possibly for a billed period.
    fn payments(&self, r: &mut Reader) -> Option<Vec<PaymentMade>> {
        Self::rows(r, paths::PAYMENT_PAYMENTS, &self.payments, |r, i, p| {
            let date = r.date(At::Row(paths::payment, i, paid::DATE), &p.date);
            let amount = r.money(At::Row(paths::payment, i, paid::AMOUNT), &p.amount);
            let for_period =
                r.opt_period_start(At::Row(paths::payment, i, paid::FOR), &p.for_period);
            Some(PaymentMade {
                date: date?,
                amount: amount?,
                for_period: for_period?,
                extra: p.extra.clone(),
            })
        })
    }

    /// §4, §9 the late-payment clause.
    fn late_payment(&self, r: &mut Reader) -> Option<LatePayment> {
        let kept = self.kept(|o| o.late_payment.as_ref());
        let rate = r.rate_fields(
            paths::LATE_PAYMENT_RATE,
            &self.rate(),
            kept.map(|k| &k.rate),
        );
        let rate_changes = Self::rows(
            r,
            paths::LATE_PAYMENT_RATE_CHANGES,
            &self.rate_changes,
            |r, i, c| {
                let was = c.loaded.as_ref();
                let from = r.date(At::Row(paths::rate_change, i, change::FROM), &c.from);
                let rate = r.rate_fields(
                    &paths::rate_change(i, change::RATE),
                    &c.rate,
                    was.map(|w| &w.rate),
                );
                Some(RateChange {
                    from: from?,
                    rate: rate?,
                    extra: was.map(|w| w.extra.clone()).unwrap_or_default(),
                })
            },
        );
        // A row left blank (added, or emptied) is no fixing: it is left out, not refused.
        let lpr_fixings = Self::rows(
            r,
            paths::LATE_PAYMENT_LPR_FIXINGS,
            &self.lpr_fixings,
            |r, i, x| {
                if x.is_blank() {
                    return Some(None);
                }
                let effective = r.date(
                    At::Row(paths::lpr_fixing, i, fixing::EFFECTIVE),
                    &x.effective,
                );
                let one_year =
                    r.percent(At::Row(paths::lpr_fixing, i, fixing::ONE_YEAR), &x.one_year);
                let five_year = r.optional(&x.five_year, |r| {
                    r.percent(
                        At::Row(paths::lpr_fixing, i, fixing::FIVE_YEAR),
                        &x.five_year,
                    )
                });
                Some(Some(UserLprFixing {
                    effective: effective?,
                    one_year: one_year?,
                    five_year: five_year?,
                    extra: x.extra.clone(),
                }))
            },
        )
        .map(|rows| rows.into_iter().flatten().collect());
        let cap_fraction = r.opt_share(paths::LATE_PAYMENT_CAP_FRACTION, &self.cap_percent);
        let accrues_from = r.opt_date(paths::LATE_PAYMENT_ACCRUES_FROM, &self.accrues_from);
        let suspend = r.opt_whole(
            paths::LATE_PAYMENT_SUSPEND_AFTER_DAYS,
            &self.suspend_after_days,
            DAYS,
        );
        let terminate = r.opt_whole(
            paths::LATE_PAYMENT_TERMINATE_AFTER_DAYS,
            &self.terminate_after_days,
            DAYS,
        );
        Some(LatePayment {
            rate: rate?,
            rate_changes: rate_changes?,
            partial_period: self.partial_period,
            day_count: self.day_count,
            accrues_from: accrues_from?,
            cap_fraction: cap_fraction?,
            cap_base: self.cap_base,
            rounding: self.rounding,
            lpr_fixings: lpr_fixings?,
            suspend_after_days: suspend?,
            terminate_after_days: terminate?,
            extra: kept.map(|k| k.extra.clone()).unwrap_or_default(),
        })
    }

    /// §5, §6 what the supplier may owe: the clauses switched on, the losses listed. `None` when
    /// nothing is (and the loaded scenario kept nothing there).
    fn supplier_breaches(&self, r: &mut Reader) -> Option<Option<SupplierBreaches>> {
        let kept = self.kept(|o| o.supplier_breaches.as_ref());
        let subcontracting = clause(self.subcontracting_enabled, || {
            let fraction = r.share(
                paths::SUBCONTRACTING_PENALTY_FRACTION,
                &self.subcontracting_percent,
            );
            let on = r.opt_date(paths::SUBCONTRACTING_OCCURRED_ON, &self.subcontracting_on);
            Some(Subcontracting {
                penalty_fraction: fraction?,
                refund_paid: self.subcontracting_refund,
                occurred_on: on?,
                extra: self.kept_extra(|o| {
                    Some(&o.supplier_breaches.as_ref()?.subcontracting.as_ref()?.extra)
                }),
            })
        });
        let incidents = clause(self.incidents_enabled, || {
            let count = r.whole(
                paths::SERVICE_INCIDENTS_COUNT,
                &self.incident_count,
                INCIDENTS,
            );
            let each = r.money(
                paths::SERVICE_INCIDENTS_PENALTY_EACH,
                &self.incident_penalty,
            );
            Some(ServiceIncidents {
                count: count?,
                penalty_each: each?,
                extra: self.kept_extra(|o| {
                    Some(
                        &o.supplier_breaches
                            .as_ref()?
                            .service_incidents
                            .as_ref()?
                            .extra,
                    )
                }),
            })
        });
        let substandard = clause(self.substandard_enabled, || {
            let value = r.money(paths::SUBSTANDARD_SERVICE_VALUE, &self.substandard_value);
            let fraction = r.share(
                paths::SUBSTANDARD_SERVICE_FRACTION,
                &self.substandard_percent,
            );
            Some(SubstandardService {
                value: value?,
                fraction: fraction?,
                extra: self.kept_extra(|o| {
                    Some(
                        &o.supplier_breaches
                            .as_ref()?
                            .substandard_service
                            .as_ref()?
                            .extra,
                    )
                }),
            })
        });
        let confidentiality = r.opt_money(
            paths::SUPPLIER_CONFIDENTIALITY_PENALTY,
            &self.supplier_confidentiality,
        );
        let losses = Self::rows(r, paths::SUPPLIER_LOSSES, &self.losses, |r, i, l| {
            let label = r.label(
                At::Row(paths::loss, i, labelled::LABEL),
                &l.label,
                MAX_LABEL_CHARS,
            );
            let amount = r.money(At::Row(paths::loss, i, labelled::AMOUNT), &l.amount);
            Some(Loss {
                label: label?,
                amount: amount?,
                extra: l.extra.clone(),
            })
        });
        let b = SupplierBreaches {
            subcontracting: subcontracting?,
            service_incidents: incidents?,
            substandard_service: substandard?,
            confidentiality_penalty: confidentiality?,
            losses: losses?,
            extra: kept.map(|k| k.extra.clone()).unwrap_or_default(),
        };
        let empty = b.subcontracting.is_none()
            && b.service_incidents.is_none()
            && b.substandard_service.is_none()
            && b.confidentiality_penalty.is_none()
            && b.losses.is_empty()
            && b.extra.is_empty();
        Some((!empty).then_some(b))
    }

    /// §6 the termination, when one is modelled.
    fn termination(&self, r: &mut Reader) -> Option<Termination> {
        let date = r.date(paths::TERMINATION_DATE, &self.termination_date);
        let fraction = r.opt_share(
            paths::TERMINATION_BREACH_PENALTY_FRACTION,
            &self.breach_percent,
        );
        let days = r.whole(
            paths::TERMINATION_SETTLEMENT_DAYS,
            &self.settlement_days,
            DAYS,
        );
        Some(Termination {
            date: date?,
            reason: self.termination_reason.unwrap_or(TerminationReason::Mutual),
            breach_penalty_fraction: fraction?,
            settlement_days: days?,
            extra: self.kept_extra(|o| Some(&o.termination.as_ref()?.extra)),
        })
    }

    /// The scenario as typed, every field read (so that every error is reported), or `None`.
    fn typed(&self, r: &mut Reader) -> Option<Scenario> {
        let name = r.label(paths::NAME, &self.name, MAX_NAME_CHARS);
        let as_of = r.date(paths::AS_OF, &self.as_of);
        let start = r.date(paths::CONTRACT_START, &self.start);
        let end = self.end(r);
        let renewal = r.opt_whole(
            paths::CONTRACT_RENEWAL_MONTHS,
            &self.renewal_months,
            RENEWAL_MONTHS,
        );
        let components = self.components(r);
        let due = self.due(r);
        let payments = self.payments(r);
        let late = clause(self.late_enabled, || self.late_payment(r));
        let supplier = self.supplier_breaches(r);
        let client = r.opt_money(
            paths::CLIENT_CONFIDENTIALITY_PENALTY,
            &self.client_confidentiality,
        );
        let termination = clause(self.termination_enabled, || self.termination(r));
        Some(Scenario {
            format: FORMAT.to_string(),
            version: VERSION,
            name: name?,
            as_of: as_of?,
            contract: Contract {
                start: start?,
                end: end?,
                renewal_months: renewal?.unwrap_or(0),
                extra: self.kept_extra(|o| Some(&o.contract.extra)),
            },
            fees: Fees {
                cycle: self.cycle.unwrap_or(Cycle::Monthly),
                partial_cycle: self.partial_cycle,
                components: components?,
                extra: self.kept_extra(|o| Some(&o.fees.extra)),
            },
            payment: Payment {
                due: due?,
                calendar: self.calendar,
                payments: payments?,
                extra: self.kept_extra(|o| Some(&o.payment.extra)),
            },
            late_payment: late?,
            supplier_breaches: supplier?,
            client_breaches: match client? {
                Some(p) => Some(ClientBreaches {
                    confidentiality_penalty: Some(p),
                    extra: self.kept_extra(|o| Some(&o.client_breaches.as_ref()?.extra)),
                }),
                None => self
                    .kept(|o| o.client_breaches.as_ref())
                    .filter(|k| !k.extra.is_empty())
                    .map(|k| ClientBreaches {
                        confidentiality_penalty: None,
                        extra: k.extra.clone(),
                    }),
            },
            termination: termination?,
            extra: self.kept_extra(|o| Some(&o.extra)),
        })
    }
}
