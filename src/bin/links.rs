//! Share links for a browser without `CompressionStream`/`DecompressionStream("deflate-raw")`
//! (Safari before 16.4): a small wasm module, without Leptos, that `boot.js` loads only there.
//! Elsewhere the browser deflates and inflates links itself, and neither the app nor the
//! first-figures module carries deflate code (README "First figures"). Both functions are
//! [`contract_calc::document::share_link`]'s, so a link made here is the CLI's, byte for byte.
//! Natively it does nothing.

#[cfg(target_arch = "wasm32")]
mod web {
    use contract_calc::document::share_link::{document_of, fragment_of_document, payload};
    use wasm_bindgen::prelude::*;

    /// The document text a share-link fragment carries, or `None` when it is not a readable
    /// `s1.` link (too long, another format, damaged): what `boot.js` reads with
    /// `DecompressionStream`.
    #[wasm_bindgen]
    pub fn read_link(fragment: &str) -> Option<String> {
        document_of(payload(fragment).ok()?).ok()
    }

    /// The fragment (`s1.…`) that carries the document text `json`.
    #[wasm_bindgen]
    pub fn make_link(json: &str) -> String {
        fragment_of_document(json)
    }
}

fn main() {}
