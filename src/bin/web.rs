//! The browser app's entry point (built by Trunk for wasm32); natively it does nothing.
//! `boot.js` starts it once loaded, handing over the address's share link as the browser
//! inflated it and the function that makes links (README "First figures").

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// Mounts the app, with the address's link as boot.js read it: `address`, the fragment it
    /// read (`#…`); `link_document`, the document text of its `s1.` link (`None`: none, or
    /// damaged); `link_unavailable`, the links module such a browser needs could not be loaded;
    /// `make_link(json)`, a promise of the fragment that carries `json`; `qr_code(text)`, a
    /// promise of its QR code's SVG markup.
    #[wasm_bindgen]
    pub fn start(
        address: String,
        link_document: Option<String>,
        link_unavailable: bool,
        make_link: js_sys::Function,
        qr_code: js_sys::Function,
    ) {
        let link = contract_calc::app::BootLink {
            address,
            document: link_document,
            unavailable: link_unavailable,
        };
        contract_calc::app::start(link, make_link, qr_code);
    }

    /// Paints the figures of the scenario the app will open into the static shell before
    /// [`start`] ([`contract_calc::first_figures::paint`]): boot.js calls it for a stored draft,
    /// whose page carries no figures of its own, so that this wasm, already needed and in the
    /// offline copy, shows them and no second module is fetched.
    #[wasm_bindgen]
    pub fn paint(link_document: Option<String>) -> bool {
        contract_calc::first_figures::paint(link_document)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("contract-calc-web is the browser app: build it with `trunk build`.");
}
