//! `contract-calc`: the command-line calculator over the same engine as the app.
//!
//! - `contract-calc compute FILE|-` prints the result JSON of spec §7;
//! - `contract-calc capital AMOUNT` prints the amount in Chinese capitals (spec §8);
//! - `contract-calc report FILE|- [--en]` prints a standalone HTML statement of the terms and figures;
//! - `contract-calc link FILE|-` prints the share-link fragment (`s1.…`) of a scenario;
//! - `contract-calc sample starter|ten-year` prints a ready-made scenario.
//!
//! Invalid input exits 2 with one line on stderr naming the field; nothing goes to stdout.

use contract_calc::amount_in_words::amount_in_words;
use contract_calc::compute::compute;
use contract_calc::compute::compute_json;
use contract_calc::money::parse_user_amount;
use contract_calc::report::statement_page;
use contract_calc::samples;
use contract_calc::share_link::encode;
use contract_calc::validation::{parse_scenario, Lang};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: contract-calc compute FILE|-    print the result JSON of a scenario
       contract-calc capital AMOUNT       print an amount in Chinese capitals (大写)
       contract-calc report FILE|- [--en] print an HTML statement of the terms and figures
       contract-calc link FILE|-          print the share-link fragment of a scenario
       contract-calc sample starter|ten-year   print a ready-made scenario";

fn fail(msg: &str) -> ExitCode {
    eprintln!("contract-calc: {msg}");
    ExitCode::from(2)
}

fn read(file: &str) -> Result<String, String> {
    let text = if file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map(|_| s)
    } else {
        std::fs::read_to_string(file)
    };
    text.map_err(|e| format!("cannot read {file}: {e}"))
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
        ["capital", amount] => match parse_user_amount(amount).ok().and_then(amount_in_words) {
            Some(words) => {
                println!("{words}");
                ExitCode::SUCCESS
            }
            None => fail(&format!(
                "capital: expected a non-negative amount like 1409.50 (at most ¥1,000,000,000,000), got {amount}"
            )),
        },
        ["report", file, rest @ ..] if rest.is_empty() || rest == ["--en"] => {
            let lang = if rest.is_empty() { Lang::Zh } else { Lang::En };
            let parsed = read(file).and_then(|t| parse_scenario(&t).map_err(|e| e.to_string()));
            match parsed.and_then(|s| compute(&s).map(|r| (s, r)).map_err(|e| e.to_string())) {
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
        ["--help"] | ["-h"] | ["help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => fail(USAGE),
    }
}
