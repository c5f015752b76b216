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

/// The lines of `source` that are not `#[cfg(test)]` items (`#[cfg(test)] mod tests;`, a
/// `use …;`, or a braced `mod tests { … }`), each with its number from 1: the code after such an
/// item is checked too.
fn code_lines(source: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut lines = source.lines().enumerate();
    while let Some((n, line)) = lines.next() {
        let Some(rest) = line.trim().strip_prefix("#[cfg(test)]") else {
            out.push((n + 1, line));
            continue;
        };
        // The item: on the attribute's line, or the next; to its `;`, or to its closing brace.
        let mut item = Some(rest.trim()).filter(|r| !r.is_empty());
        let mut depth = 0i32;
        while let Some(text) = item.take().or_else(|| lines.next().map(|(_, l)| l)) {
            depth += text.matches('{').count() as i32 - text.matches('}').count() as i32;
            if depth <= 0 && (text.contains('}') || text.trim_end().ends_with(';')) {
                break;
            }
        }
    }
    out
}

/// Every line of `source` that reaches outside `allowed`, as "line N: text".
fn crossings(source: &str, allowed: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in code_lines(source) {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let path = &rest[i + "crate::".len()..];
            if !allowed.iter().any(|a| path.starts_with(a)) && !path.starts_with("test_support") {
                out.push(format!("line {n}: {}", line.trim()));
            }
            rest = &rest[i + 1..];
        }
        if code.contains("super::super") {
            out.push(format!("line {n}: {}", line.trim()));
        }
        for web in WEB_CRATES {
            if code.contains(&format!("{web}::")) {
                out.push(format!("line {n}: {}", line.trim()));
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
               use crate::document::read::parse_scenario;\n\
               #[cfg(test)] mod tests;\n\
               #[cfg(test)]\n\
               mod more {\n\
                   use crate::app::Ctx;\n\
               }\n\
               // Code after a test item is checked too.\n\
               fn g() -> crate::present::Open { todo!() }\n";
    let found = crossings(bad, &["engine"]);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[0].starts_with("line 2:"));
    assert!(found[3].starts_with("line 14:"), "{found:#?}");
    assert!(crossings("use crate::engine::money::round_yuan;", &["engine"]).is_empty());
}
