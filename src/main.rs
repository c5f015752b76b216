//! `contract-calc`: the command-line calculator over the same engine as the app.
//!
//! - `contract-calc compute FILE|-` prints the result JSON of spec §7;
//! - `contract-calc capital AMOUNT` prints the amount in Chinese capitals (spec §8).
//!
//! Invalid input exits 2 with one line on stderr naming the field; nothing goes to stdout.

use contract_calc::amount_in_words::amount_in_words;
use contract_calc::compute::compute_json;
use contract_calc::money::parse_user_amount;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: contract-calc compute FILE|-    print the result JSON of a scenario
       contract-calc capital AMOUNT       print an amount in Chinese capitals (大写)";

fn fail(msg: &str) -> ExitCode {
    eprintln!("contract-calc: {msg}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["compute", file] => {
            let text = if *file == "-" {
                let mut s = String::new();
                std::io::stdin().read_to_string(&mut s).map(|_| s)
            } else {
                std::fs::read_to_string(file)
            };
            let text = match text {
                Ok(t) => t,
                Err(e) => return fail(&format!("cannot read {file}: {e}")),
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
        ["--help"] | ["-h"] | ["help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => fail(USAGE),
    }
}
