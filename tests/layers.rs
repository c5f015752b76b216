//! The layers stay in order: the engine uses nothing above it (no text, no JSON paths, no web
//! types), and nothing but the app uses the app. A file that imports across the line fails here,
//! naming the file and the line. A file's unit tests (from its `#[cfg(test)]` line on) may use
//! any layer: reading a fixture through the document reader is test set-up, not a dependency.

mod support;
use support::rust_files;

use std::path::Path;

/// What each layer (a folder of `src/`) may use of the crate.
const LAYERS: &[(&str, &[&str])] = &[
    ("engine", &["engine"]),
    ("text", &["engine", "text", "document::error"]),
    ("document", &["engine", "text", "document"]),
    ("present", &["engine", "text", "document", "present"]),
    ("form", &["engine", "text", "document", "form"]),
    ("store", &["engine", "text", "document", "store"]),
];

/// Crates only the browser layer may use.
const WEB_CRATES: &[&str] = &[
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "gloo_storage",
    "js_sys",
];

/// Every line of `source` that reaches outside `allowed`, as "line N: text".
fn crossings(source: &str, allowed: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let code_lines = source.lines().take_while(|l| l.trim() != "#[cfg(test)]");
    for (n, line) in code_lines.enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let path = &rest[i + "crate::".len()..];
            if !allowed.iter().any(|a| path.starts_with(a)) && !path.starts_with("test_support") {
                out.push(format!("line {}: {}", n + 1, line.trim()));
            }
            rest = &rest[i + 1..];
        }
        if code.contains("super::super") {
            out.push(format!("line {}: {}", n + 1, line.trim()));
        }
        for web in WEB_CRATES {
            if code.contains(&format!("{web}::")) {
                out.push(format!("line {}: {}", n + 1, line.trim()));
            }
        }
    }
    out
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for (layer, allowed) in LAYERS {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        assert!(!files.is_empty(), "src/{layer} has no files");
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            for c in crossings(&text, allowed) {
                problems.push(format!("{}: {c}", f.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "imports across layers:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_catches_an_engine_file_importing_from_above() {
    // A stand-in engine file that reaches for the document layer, the text layer and Leptos.
    let bad = "use crate::engine::fees::total;\n\
               use crate::document::error::ValidationError;\n\
               fn f() -> crate::text::Lang { todo!() }\n\
               use leptos::prelude::*;\n\
               // a comment naming crate::app is not an import\n\
               #[cfg(test)]\n\
               use crate::document::read::parse_scenario;\n";
    let found = crossings(bad, &["engine"]);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].starts_with("line 2:"));
    assert!(crossings("use crate::engine::money::round_yuan;", &["engine"]).is_empty());
}
