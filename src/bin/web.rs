//! The browser app's entry point (built by Trunk for wasm32); natively it does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    contract_calc::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("contract-calc-web is the browser app: build it with `trunk build`.");
}
