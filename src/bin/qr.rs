//! The share link's QR code (README "Share links"): a small wasm module without Leptos that
//! boot.js loads the first time a link is shared, so that the app does not carry the QR encoder
//! (13 KiB gzipped) for a panel most visits never open. The service worker keeps it once loaded.
//! Natively it does nothing.

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// The QR code of `text` as SVG markup ([`contract_calc::document::share_link::qr_svg`]);
    /// `None` when `text` is too long for a QR code.
    #[wasm_bindgen]
    pub fn qr_svg(text: &str) -> Option<String> {
        contract_calc::document::share_link::qr_svg(text)
    }
}

fn main() {}
