//! contract-calc: the calculation core for after-sales service outsourcing contracts
//! (售后服务外包合同). Every module here is plain Rust with no web types; the Leptos app
//! (`app`, wasm32 only) and the `contract-calc` CLI are thin layers over [`compute::compute`].
//!
//! The rules are those of `spec/scenario-format.md` (shared with the other side of the
//! product), section by section:
//! - §1 fees, cycles and the contract total: [`fees`]
//! - §2 due dates and the working-day calendar: [`due_dates`], [`calendar`]
//! - §3 payment allocation: [`payments`]
//! - §4 late-payment penalties and the LPR table: [`late_payment`], [`lpr`]
//! - §5 subcontracting: [`subcontracting`]
//! - §6 termination settlement: [`termination`]
//! - §7 the result document: [`compute`]
//! - §8 amounts in words (大写): [`amount_in_words`]
//! - §9 penalty conventions and segments: [`late_payment`], [`lpr`]
//! - §10 dates and rates beyond the data: [`provisional_holidays`], [`warnings`]
//! - §11 the Art. 585 reasonableness check: [`reasonableness`]
//! - §12, §13 exposure and what-if lateness: [`what_if`]; designated payments: [`payments`];
//!   an overdue settlement: [`termination`]
//! - the scenario document and its validation: [`scenario`], [`validation`]

pub mod amount_in_words;
pub mod calendar;
pub mod compare;
pub mod compute;
pub mod due_dates;
pub mod explain;
pub mod fees;
pub mod form;
pub mod late_payment;
pub mod lpr;
pub mod money;
pub mod payments;
pub mod provisional_holidays;
pub mod reasonableness;
pub mod report;
pub mod samples;
pub mod scenario;
pub mod scenario_store;
pub mod share_link;
pub mod subcontracting;
pub mod termination;
pub mod validation;
pub mod warnings;
pub mod what_if;

#[cfg(test)]
mod test_support;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use compute::{compute, ComputeResult};
pub use scenario::Scenario;
pub use validation::{Lang, ValidationError};
