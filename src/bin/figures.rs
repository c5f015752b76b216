//! First figures before the app (README "First figures"): a small wasm module, without Leptos,
//! that boot.js fetches for a share link and runs before the app's. It paints the figures of the
//! scenario the app will open into the static shell ([`contract_calc::first_figures`]); the app
//! replaces the shell when it starts. Natively it does nothing.

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// Paints the opening scenario's figures into `#shell-results`; whether it did
    /// ([`contract_calc::first_figures::paint`]).
    #[wasm_bindgen]
    pub fn paint(link_document: Option<String>) -> bool {
        contract_calc::first_figures::paint(link_document)
    }
}

fn main() {}
