//! The form, section by section in the order of the contract: term, fees, payment terms,
//! payments made, late payment, the supplier's and the client's breaches, termination. Each field
//! is labelled in the current language with its unit and a hint naming the clause it models.
//!
//! - [`widgets`]: field, checkbox, choice, section, labelled-amount rows;
//! - [`rows`]: an editable list's rows, a row's text field, remove and add buttons;
//! - [`term_and_fees`], [`payments`], [`late_payment`] (with [`rate_lists`]), [`breaches`]: the
//!   sections.

mod breaches;
mod late_payment;
mod payments;
mod rate_lists;
mod rows;
mod term_and_fees;
mod widgets;

pub(super) use widgets::dom_id;

use super::Ctx;
use breaches::{client_breaches, supplier_breaches, termination};
use late_payment::late_payment;
use leptos::prelude::*;
use payments::{payment_terms, payments};
use term_and_fees::{contract, fees};

#[component]
pub fn Form() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <form
            class="form"
            on:submit=|ev| ev.prevent_default()
            on:focusin=move |_| {
                let held = super::dom::focused_value().unwrap_or_default();
                let now = ctx.shown.with_untracked(|(f, _)| f.clone());
                ctx.typed.set_value(now.map(|f| vec![(held, f)]).unwrap_or_default());
            }
            on:focusout=move |_| ctx.typed.set_value(Vec::new())
            novalidate
        >
            {contract(ctx)}
            {fees(ctx)}
            {payment_terms(ctx)}
            {payments(ctx)}
            {late_payment(ctx)}
            {supplier_breaches(ctx)}
            {client_breaches(ctx)}
            {termination(ctx)}
        </form>
    }
}
