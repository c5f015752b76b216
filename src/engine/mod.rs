//! The calculation engine: the contract's terms ([`scenario`]) and every figure of the spec,
//! one module per clause. It knows nothing of the layers above it — no text, no JSON paths, no
//! web types — and fails only with a [`compute::ComputeError`] naming what data is missing.
//!
//! - §1 fees, cycles and the contract total: [`fees`]
//! - §2 due dates and the working-day calendar: [`due_dates`], [`calendar`]
//! - §3, §13 payment allocation, designated payments: [`payments`]
//! - §4, §9 late-payment penalties, segments and caps: [`late_payment`]; the LPR: [`lpr`]
//! - §5 subcontracting: [`subcontracting`]
//! - §6, §13 termination settlement and an overdue settlement: [`termination`]
//! - §7 the result document: [`compute`]
//! - §10 dates and rates beyond the data: [`provisional_holidays`], [`warnings`]
//! - §11 the Art. 585 reasonableness check: [`reasonableness`]
//! - §12, §13 exposure and "every invoice D days late": [`what_if`]
//! - money, rounding to the fen: [`money`]; date order with ties as listed: [`date_order`]

pub mod calendar;
pub mod compute;
pub mod date_order;
pub mod due_dates;
pub mod fees;
pub mod late_payment;
pub mod lpr;
pub mod money;
pub mod notation;
pub mod payments;
pub mod provisional_holidays;
pub mod reasonableness;
pub mod scenario;
pub mod subcontracting;
pub mod termination;
pub mod warnings;
pub mod what_if;
