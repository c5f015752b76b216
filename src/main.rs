//! `contract-calc`: the command-line calculator over the same engine as the app.
//!
//! - `contract-calc compute FILE|-` prints the result JSON of spec §7;
//! - `contract-calc capital AMOUNT` prints the amount in Chinese capitals (spec §8);
//! - `contract-calc report FILE|- [--en]` prints a standalone HTML statement of the terms and figures;
//! - `contract-calc link FILE|-` prints the share-link fragment (`s1.…`) of a scenario;
//! - `contract-calc sample starter|ten-year` prints a ready-made scenario;
//! - `contract-calc shell-figures` prints the starter's day-independent figures for index.html;
//! - `contract-calc exposure FILE|- --days N [--step S]` prints the penalty if nothing more is
//!   paid for 0, S, 2S, … N days (spec §12);
//! - `contract-calc whatif FILE|- --late-days D` prints the result with every invoice paid D days
//!   late (spec §13).
//!
//! Invalid input exits 2 with one line on stderr naming the field; nothing goes to stdout. A
//! document larger than [`MAX_DOCUMENT_BYTES`] (1 MiB) is refused the same way, after reading
//! no more than that.

use contract_calc::document::input::{read_document, InputError, MAX_DOCUMENT_BYTES};
use contract_calc::document::read::compute_json;
use contract_calc::document::read::parse_scenario;
use contract_calc::document::samples;
use contract_calc::document::share_link::encode;
use contract_calc::engine::compute::compute;
use contract_calc::engine::money::parse_user_amount;
use contract_calc::engine::what_if::{exposure, what_if_late, MAX_LATE_DAYS};
use contract_calc::present::report::{dateless_figures_html, statement_page};
use contract_calc::text::amount_in_words::amount_in_words;
use contract_calc::text::Lang;
use contract_calc::ValidationError;
use std::process::ExitCode;

const USAGE: &str = "usage: contract-calc compute FILE|-    print the result JSON of a scenario
       contract-calc capital AMOUNT       print an amount in Chinese capitals (大写)
       contract-calc report FILE|- [--en] print an HTML statement of the terms and figures
       contract-calc link FILE|-          print the share-link fragment of a scenario
       contract-calc sample starter|ten-year   print a ready-made scenario
       contract-calc shell-figures        print the starter's figures that hold on any day, as
                                          HTML for the page's static shell (used by the build)
       contract-calc exposure FILE|- --days N [--step S]
                                          print the penalty if nothing more is paid for 0, S, … N days
       contract-calc whatif FILE|- --late-days D
                                          print the result with every invoice paid D days late";

fn fail(msg: &str) -> ExitCode {
    eprintln!("contract-calc: {msg}");
    ExitCode::from(2)
}

/// The document in `file` (`-`: standard input): at most [`MAX_DOCUMENT_BYTES`] are read, a
/// larger one (or `/dev/zero`) is refused without reading on; a leading UTF-8 BOM is dropped.
fn read(file: &str) -> Result<String, String> {
    let text = if file == "-" {
        read_document(std::io::stdin().lock(), MAX_DOCUMENT_BYTES)
    } else {
        std::fs::File::open(file)
            .map_err(InputError::Io)
            .and_then(|f| read_document(f, MAX_DOCUMENT_BYTES))
    };
    let name = if file == "-" { "stdin" } else { file };
    text.map_err(|e| match e {
        InputError::Io(e) => format!("cannot read {name}: {e}"),
        InputError::Refused(e) => format!("{name}: {e}"),
    })
}

/// A whole number given after a flag, within `max`.
fn count(flag: &str, text: &str, min: u32, max: u32) -> Result<u32, String> {
    text.parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| format!("{flag}: expected a whole number from {min} to {max}, got {text}"))
}

/// `exposure FILE --days N [--step S]` (spec §12).
fn exposure_command(file: &str, flags: &[&str]) -> Result<String, String> {
    let (days, step) = match flags {
        ["--days", n] => (*n, "1"),
        ["--days", n, "--step", s] | ["--step", s, "--days", n] => (*n, *s),
        _ => return Err(USAGE.to_string()),
    };
    let days = count("--days", days, 0, MAX_LATE_DAYS)?;
    let step = count("--step", step, 1, MAX_LATE_DAYS)?;
    let s = read(file).and_then(|t| parse_scenario(&t).map_err(|e| e.to_string()))?;
    let points = exposure(&s, days, step).map_err(|e| ValidationError::from(e).to_string())?;
    serde_json::to_string_pretty(&points).map_err(|e| e.to_string())
}

/// `whatif FILE --late-days D` (spec §13).
fn whatif_command(file: &str, late_days: &str) -> Result<String, String> {
    let d = count("--late-days", late_days, 0, MAX_LATE_DAYS)?;
    let s = read(file).and_then(|t| parse_scenario(&t).map_err(|e| e.to_string()))?;
    what_if_late(&s, d)
        .map(|r| r.to_json_pretty())
        .map_err(|e| ValidationError::from(e).to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["compute", file] => {
            let text = match read(file) {
                Ok(t) => t,
                Err(e) => return fail(&e),
            };
            match compute_json(&text) {
                Ok(result) => {
                    println!("{}", result.to_json_pretty());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e.to_string()),
            }
        }
        // A fraction of a fen has no capital: refused, as the form refuses it, not rounded.
        ["capital", amount] => match parse_user_amount(amount) {
            Ok(d) if contract_calc::engine::money::finer_than_fen(d) => fail(&format!(
                "capital: an amount has at most two decimal places (分), got {amount}"
            )),
            Ok(d) => match amount_in_words(d) {
                Some(words) => {
                    println!("{words}");
                    ExitCode::SUCCESS
                }
                None => fail(&format!(
                    "capital: expected a non-negative amount like 1409.50 (at most ¥1,000,000,000,000), got {amount}"
                )),
            },
            Err(_) => fail(&format!(
                "capital: expected a non-negative amount like 1409.50 (at most ¥1,000,000,000,000), got {amount}"
            )),
        },
        ["report", file, rest @ ..] if rest.is_empty() || rest == ["--en"] => {
            let lang = if rest.is_empty() { Lang::Zh } else { Lang::En };
            let parsed = read(file).and_then(|t| parse_scenario(&t).map_err(|e| e.to_string()));
            match parsed.and_then(|s| compute(&s).map(|r| (s, r)).map_err(|e| ValidationError::from(e).to_string())) {
                Ok((s, r)) => {
                    println!("{}", statement_page(&s, &r, lang));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        ["link", file] => match read(file).and_then(|t| parse_scenario(&t).map_err(|e| e.to_string())) {
            Ok(s) => {
                println!("{}", encode(&s));
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
        ["sample", which] => {
            let s = match *which {
                "starter" => samples::starter(chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap_or_default()),
                "ten-year" => samples::ten_year_monthly(),
                other => return fail(&format!("sample: expected starter or ten-year, got {other}")),
            };
            println!("{}", s.to_json_pretty());
            ExitCode::SUCCESS
        }
        ["shell-figures"] => {
            // The starter's figures that hold whatever the day (see dateless_figures_html).
            let s = samples::starter(chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap_or_default());
            match compute(&s) {
                Ok(r) => {
                    println!(
                        r#"<div data-lang="zh">{}</div><div data-lang="en">{}</div>"#,
                        dateless_figures_html(&s, &r, Lang::Zh),
                        dateless_figures_html(&s, &r, Lang::En)
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&ValidationError::from(e).to_string()),
            }
        }
        ["exposure", file, flags @ ..] => match exposure_command(file, flags) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
        ["whatif", file, "--late-days", d] => match whatif_command(file, d) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
        ["--help"] | ["-h"] | ["help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => fail(USAGE),
    }
}
