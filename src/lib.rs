//! contract-calc: a calculator for after-sales service outsourcing contracts (售后服务外包合同).
//!
//! The layers, each depending only on those listed before it:
//! - [`engine`]: the contract's terms and every figure the spec defines, clause by clause; plain
//!   Rust, no text, no JSON paths, no web types (checked by `tests/layers.rs`);
//! - [`text`]: the one place for Chinese and English: [`text::Lang`], messages, labels, 大写;
//! - [`document`]: the scenario JSON format: reading with errors named by JSON path, samples,
//!   share links;
//! - [`present`]: the results, the statement and the comparison as escaped markup;
//! - [`form`]: the app's form, text as typed ↔ scenario;
//! - [`store`]: scenarios in local storage, quarantine, import and export;
//! - `first_figures` (wasm32 only): the opening scenario's figures set into the page's static
//!   shell before the app starts;
//! - `app` (wasm32 only): the Leptos UI; `main.rs`: the `contract-calc` CLI.

pub mod document;
pub mod engine;
pub mod form;
pub mod present;
pub mod store;
pub mod text;

#[cfg(test)]
mod test_support;

#[cfg(target_arch = "wasm32")]
pub mod first_figures;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod app;

pub use document::error::ValidationError;
pub use engine::compute::{compute, ComputeResult};
pub use engine::scenario::Scenario;
pub use text::Lang;

/// The browser builds' allocator (the app and the first-figures module): Talc instead of Rust's
/// default dlmalloc, smaller in the wasm (the module −2.5 KB gzipped) and faster.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
