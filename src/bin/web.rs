//! The browser app's entry point (built by Trunk for wasm32); natively it does nothing.
//! `boot.js` starts it once loaded, handing over the address's share link as the browser
//! inflated it and the function that makes links (README "First figures").

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// Mounts the app. `link_document`: the document text of the address's `s1.` link, `None`
    /// when there is none or it could not be inflated; `make_link(json)`: a promise of the
    /// fragment that carries `json`.
    #[wasm_bindgen]
    pub fn start(link_document: Option<String>, make_link: js_sys::Function) {
        contract_calc::app::start(link_document, make_link);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("contract-calc-web is the browser app: build it with `trunk build`.");
}
