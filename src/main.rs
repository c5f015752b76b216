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
use contract_calc::document::share_link::{self, encode};
use contract_calc::engine::compute::compute;
use contract_calc::engine::money::{group_thousands, parse_user_amount};
use contract_calc::engine::scenario::Scenario;
use contract_calc::engine::what_if::{exposure, what_if_late, MAX_LATE_DAYS};
use contract_calc::present::report::{dateless_figures_html, statement_page};
use contract_calc::text::amount_in_words::amount_in_words;
use contract_calc::text::Lang;
use contract_calc::ValidationError;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
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
    // The usage is ours, several lines; any other message may carry a document's keys.
    if msg == USAGE {
        eprintln!("contract-calc: {USAGE}");
    } else {
        eprintln!("contract-calc: {}", terminal_safe(msg));
    }
    ExitCode::from(2)
}

/// `msg` with every control character and bidirectional override written as `\u{…}`: a key
/// the document holds is named in a refusal as it is, and must neither drive the terminal
/// (ESC [2J) nor reorder or break the one line the refusal is.
fn terminal_safe(msg: &str) -> String {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    msg.chars()
        .map(|c| {
            if unsafe_char(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The document in `file` (`-`: standard input): at most [`MAX_DOCUMENT_BYTES`] are read, a
/// larger one (or `/dev/zero`) is refused without reading on; a leading UTF-8 BOM is dropped.
/// A file name need not be UTF-8.
fn read(file: &Path) -> Result<String, String> {
    let stdin = file == Path::new("-");
    let text = if stdin {
        read_document(std::io::stdin().lock(), MAX_DOCUMENT_BYTES)
    } else {
        std::fs::File::open(file)
            .map_err(InputError::Io)
            .and_then(|f| read_document(f, MAX_DOCUMENT_BYTES))
    };
    let name = if stdin {
        "stdin".into()
    } else {
        file.display().to_string()
    };
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
fn exposure_command(file: &Path, flags: &[&str]) -> Result<String, String> {
    let (days, step) = match flags {
        ["--days", n] => (*n, "1"),
        ["--days", n, "--step", s] | ["--step", s, "--days", n] => (*n, *s),
        _ => return Err(USAGE.to_string()),
    };
    let days = count("--days", days, 0, MAX_LATE_DAYS)?;
    let step = count("--step", step, 1, MAX_LATE_DAYS)?;
    let s = scenario(file)?;
    let points = exposure(&s, days, step).map_err(|e| ValidationError::from(e).to_string())?;
    serde_json::to_string_pretty(&points).map_err(|e| e.to_string())
}

/// `whatif FILE --late-days D` (spec §13).
fn whatif_command(file: &Path, late_days: &str) -> Result<String, String> {
    let d = count("--late-days", late_days, 0, MAX_LATE_DAYS)?;
    let s = scenario(file)?;
    what_if_late(&s, d)
        .map(|r| r.to_json_pretty())
        .map_err(|e| ValidationError::from(e).to_string())
}

/// The scenario in `file`, read and checked.
fn scenario(file: &Path) -> Result<Scenario, String> {
    read(file).and_then(|t| parse_scenario(&t).map_err(|e| e.to_string()))
}

/// What a command prints, or why it cannot. `file` is the second argument as given (a path need
/// not be UTF-8); `args` are all the arguments, for matching.
fn run(args: &[&str], file: &Path) -> Result<String, String> {
    let figures = |s: Scenario| {
        compute(&s)
            .map(|r| (s, r))
            .map_err(|e| ValidationError::from(e).to_string())
    };
    match args {
        ["compute", _] => compute_json(&read(file)?)
            .map(|r| r.to_json_pretty())
            .map_err(|e| e.to_string()),
        // A fraction of a fen has no capital: refused, as the form refuses it, not rounded.
        ["capital", amount] => match parse_user_amount(amount) {
            Ok(d) if contract_calc::engine::money::finer_than_fen(d) => Err(format!(
                "capital: an amount has at most two decimal places (分), got {amount}"
            )),
            Ok(d) => amount_in_words(d).ok_or_else(|| capital_range(amount)),
            Err(_) => Err(capital_range(amount)),
        },
        ["report", _, rest @ ..] if rest.is_empty() || rest == ["--en"] => {
            let lang = if rest.is_empty() { Lang::Zh } else { Lang::En };
            let (s, r) = figures(scenario(file)?)?;
            Ok(statement_page(&s, &r, lang))
        }
        ["link", _] => {
            let link = encode(&scenario(file)?);
            if share_link::opens(&link) {
                Ok(link)
            } else {
                Err(format!(
                    "link: the scenario is too large for a link: {} characters, more than the {} a link may have; send the file instead",
                    group_thousands(&link.len().to_string()),
                    group_thousands(&share_link::MAX_FRAGMENT.to_string())
                ))
            }
        }
        ["sample", which] => match *which {
            "starter" => Ok(samples::starter(starter_day()).to_json_pretty()),
            "ten-year" => Ok(samples::ten_year_monthly().to_json_pretty()),
            other => Err(format!("sample: expected starter or ten-year, got {other}")),
        },
        ["shell-figures"] => {
            // The starter's figures that hold whatever the day (see dateless_figures_html).
            let (s, r) = figures(samples::starter(starter_day()))?;
            Ok(format!(
                r#"<div data-lang="zh">{}</div><div data-lang="en">{}</div>"#,
                dateless_figures_html(&s, &r, Lang::Zh),
                dateless_figures_html(&s, &r, Lang::En)
            ))
        }
        ["exposure", _, flags @ ..] => exposure_command(file, flags),
        ["whatif", _, "--late-days", d] => whatif_command(file, d),
        ["--help"] | ["-h"] | ["help"] => Ok(USAGE.to_string()),
        _ => Err(USAGE.to_string()),
    }
}

fn capital_range(amount: &str) -> String {
    format!(
        "capital: expected a non-negative amount like 1409.50 (at most ¥1,000,000,000,000), got {amount}"
    )
}

/// The evaluation date of the starter the CLI prints (the page's static shell is built from it).
fn starter_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap_or_default()
}

fn main() -> ExitCode {
    let raw: Vec<OsString> = std::env::args_os().skip(1).collect();
    let text: Vec<String> = raw
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let args: Vec<&str> = text.iter().map(String::as_str).collect();
    let file = raw.get(1).map_or_else(PathBuf::new, PathBuf::from);
    match run(&args, &file) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{out}").and_then(|()| stdout.flush()) {
                // A reader that stopped early (`| head`) wanted no more: not an error.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    fail(&format!("cannot write the output: {e}"))
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(e) => fail(&e),
    }
}
