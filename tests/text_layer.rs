//! What users read lives in `src/text` (issue 6): a string literal holding Chinese in a checked
//! folder is text written in place, and fails here, naming the file, the line and the literal.
//! Comments, `#[cfg(test)]` items and char literals (such as the '万' a typed amount may hold) may
//! hold any text; English literals are not caught (they cannot be told from class names and
//! keys), only Han and fullwidth punctuation.

mod support;
use support::rust_files;

use std::path::Path;

/// The folders of `src/` whose literals must not hold Chinese.
const CHECKED: &[&str] = &[
    "app", "present", "form", "store", "document", "engine", "bin",
];

/// The files at the top of `src/` checked the same way.
const CHECKED_FILES: &[&str] = &["lib.rs", "main.rs", "first_figures.rs"];

/// Files whose Chinese literals are not text shown to users, and why.
const NOT_TEXT: &[(&str, &str)] = &[
    (
        "main.rs",
        "the CLI's usage line names the term it prints, 大写, in an English (developer's) text",
    ),
    (
        "form/rates.rs",
        "the notation a rate may be typed in (％, 百分之, 千分之, 万分之): what users type, not read",
    ),
    (
        "engine/notation.rs",
        "the words written beside typed numbers (人民币, 元整, 天, 个月), taken off: what users type, not read",
    ),
    (
        "document/samples.rs",
        "the sample scenarios' names and fee labels: a document's content, as a user would type it",
    ),
];

/// Han ideographs (U+3400–U+9FFF), CJK punctuation (U+3000–U+303F) and fullwidth forms
/// (U+FF00–U+FFEF).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// A literal's text with `\u{…}` escapes read, so an escaped ideograph is caught too.
fn unescaped(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some(i) = rest.find("\\u{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 3..];
        match after.find('}') {
            Some(j) => {
                let c = u32::from_str_radix(&after[..j], 16)
                    .ok()
                    .and_then(char::from_u32);
                match c {
                    Some(c) => out.push(c),
                    None => out.push_str(&rest[i..i + 3 + j + 1]),
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every string literal of `source` outside comments and `#[cfg(test)]` items, with the line it
/// starts on. Char literals are read past (so that '"' opens no string) but not returned.
fn literals(source: &str) -> Vec<(usize, String)> {
    let s: Vec<char> = source.chars().collect();
    let at = |i: usize| s.get(i).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let mut depth = 0usize;
    // `#[cfg(test)]` seen and its item not yet opened; the depth inside its braces once opened.
    let mut test_pending = false;
    let mut test_depth: Option<usize> = None;
    while i < s.len() {
        let c = s[i];
        let skip = test_depth.is_some();
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if at(i + 1) == '/' => {
                while i < s.len() && s[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                let mut nest = 0;
                while i < s.len() {
                    if s[i] == '/' && at(i + 1) == '*' {
                        nest += 1;
                        i += 2;
                    } else if s[i] == '*' && at(i + 1) == '/' {
                        nest -= 1;
                        i += 2;
                        if nest == 0 {
                            break;
                        }
                    } else {
                        if s[i] == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                }
            }
            '"' => {
                let start = line;
                let mut body = String::new();
                i += 1;
                while i < s.len() && s[i] != '"' {
                    if s[i] == '\\' {
                        body.push(s[i]);
                        i += 1;
                    }
                    if at(i) == '\n' {
                        line += 1;
                    }
                    body.push(at(i));
                    i += 1;
                }
                i += 1;
                if !skip {
                    out.push((start, unescaped(&body)));
                }
            }
            '\'' => {
                if at(i + 1) == '\\' {
                    let mut j = i + 3;
                    while j < s.len() && s[j] != '\'' {
                        j += 1;
                    }
                    i = j + 1;
                } else if at(i + 2) == '\'' {
                    i += 3;
                } else {
                    // A lifetime or a label.
                    i += 1;
                }
            }
            '#' if s[i..].starts_with(&"#[cfg(test)]".chars().collect::<Vec<_>>()) => {
                if test_depth.is_none() {
                    test_pending = true;
                }
                i += "#[cfg(test)]".len();
            }
            '{' => {
                depth += 1;
                if test_pending {
                    test_pending = false;
                    test_depth = Some(depth);
                }
                i += 1;
            }
            '}' => {
                if test_depth == Some(depth) {
                    test_depth = None;
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            ';' => {
                // `#[cfg(test)] use …;` or `mod tests;`: an item without braces.
                test_pending = false;
                i += 1;
            }
            c if is_ident(c) => {
                let mut j = i;
                while j < s.len() && is_ident(s[j]) {
                    j += 1;
                }
                let word: String = s[i..j].iter().collect();
                let raw = matches!(word.as_str(), "r" | "br" | "cr");
                let mut hashes = 0;
                while raw && at(j + hashes) == '#' {
                    hashes += 1;
                }
                if raw && at(j + hashes) == '"' {
                    let start = line;
                    let close: Vec<char> = std::iter::once('"')
                        .chain(std::iter::repeat_n('#', hashes))
                        .collect();
                    let mut k = j + hashes + 1;
                    let mut body = String::new();
                    while k < s.len() && !s[k..].starts_with(&close) {
                        if s[k] == '\n' {
                            line += 1;
                        }
                        body.push(s[k]);
                        k += 1;
                    }
                    if !skip {
                        out.push((start, body));
                    }
                    i = k + close.len();
                } else {
                    // A `b"…"` or `c"…"` literal is read as a plain string next.
                    i = j;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// The literals of `source` holding Chinese, as "line N: "…"".
fn han_literals(source: &str) -> Vec<String> {
    literals(source)
        .into_iter()
        .filter(|(_, body)| body.chars().any(is_han))
        .map(|(line, body)| format!("line {line}: {body:?}"))
        .collect()
}

#[test]
fn no_chinese_is_written_in_place_outside_src_text() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    let top = CHECKED_FILES.iter().map(|f| vec![src.join(f)]);
    let folders = CHECKED.iter().map(|dir| {
        let mut files = Vec::new();
        rust_files(&src.join(dir), &mut files);
        assert!(!files.is_empty(), "src/{dir} has no files");
        files.sort();
        files
    });
    for files in top.chain(folders) {
        for f in files {
            let relative = f
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            // A `tests.rs` is a `#[cfg(test)] mod tests;` of its folder: examples, not text.
            let is_tests = f.file_name().is_some_and(|n| n == "tests.rs");
            if is_tests || NOT_TEXT.iter().any(|(file, _)| *file == relative) {
                continue;
            }
            let text = std::fs::read_to_string(&f).unwrap();
            for p in han_literals(&text) {
                problems.push(format!("{}: {p}", f.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} literals with Chinese outside src/text (move them to a Text or a text function):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_scanner_finds_literals_and_skips_comments() {
    let sample = r##"
        // "注释" in a line comment
        /// "文档" in a doc comment
        /* "块" in a /* nested */ block */
        let a = "escaped \" quote, then 中文";
        let b = '"';
        let c = r#"raw "引号" inside"#;
        let d = "\u{4e2d}";
        fn f<'a>(x: &'a str) -> char { '年' }
        let e = r"plain raw";
        #[cfg(test)]
        mod tests {
            fn g() { let s = "测试"; if true { "内层"; } }
        }
        let h = "之后";
    "##;
    let found = han_literals(sample);
    assert_eq!(
        found,
        [
            r#"line 5: "escaped \\\" quote, then 中文""#,
            r#"line 7: "raw \"引号\" inside""#,
            r#"line 8: "中""#,
            r#"line 15: "之后""#,
        ],
        "{found:#?}"
    );
    let all = literals(sample);
    assert!(all.iter().all(|(l, _)| *l != 6 && *l != 9), "{all:?}");
    assert!(
        all.iter().any(|(l, b)| *l == 10 && b == "plain raw"),
        "{all:?}"
    );
    assert!(han_literals("let x = \"EN\"; // 中文").is_empty());
}
