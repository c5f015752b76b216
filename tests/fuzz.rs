//! Fuzzing every entrance of outside text, bounded so that it runs in `cargo test`: a share link
//! someone sends, a document someone imports or pipes into the CLI, and whatever is typed into
//! the form. Each target mutates a seed corpus — the scenario fixtures of `tests/fixtures/` and
//! the ready-made samples, their share links, their forms — with a seeded xorshift generator, so
//! a run is the same every time and a failure names the case that reproduces it.
//!
//! Properties: nothing panics; a document the reader accepts recomputes identically from its own
//! re-serialised JSON, and reads back as the same scenario; a link that opens re-encodes to a
//! link that opens the same scenario; a scenario the form accepts is a document that reads back
//! as itself and computes (or is refused with a named field, never a crash).
//!
//! `FUZZ_CASES` sets the inputs per target (default [`DEFAULT_CASES`], sized for debug builds),
//! `FUZZ_SEED` the generator's seed. The long run, in release:
//! `FUZZ_CASES=500000 cargo test --release --test fuzz -- --nocapture`.

use contract_calc::document::read::{compute_json, parse_scenario};
use contract_calc::document::samples;
use contract_calc::document::share_link::{decode, encode};
use contract_calc::engine::calendar::Calendar;
use contract_calc::engine::compute::compute;
use contract_calc::engine::scenario::*;
use contract_calc::form::{
    DueRuleKind, EndMode, FormState, LabelledAmount, PaymentRow, RateKind, RateUnit,
};
use contract_calc::text::Lang;
use serde_json::{json, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// Inputs per target in `cargo test` (debug): the three targets together stay under a minute
/// on a 2-core machine.
const DEFAULT_CASES: u64 = 10_000;

fn cases() -> u64 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

fn seed() -> u64 {
    std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_c0de_2025_0001)
}

// ---------------------------------------------------------------------------------------------
// The generator

/// xorshift64*: small, fast, and the same sequence for the same seed on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Values that sit on the edges of what the reader and the engine accept.
fn interesting_value(rng: &mut Rng) -> Value {
    let texts = [
        "",
        " ",
        "0",
        "0.00",
        "-0.01",
        "-1",
        "1e3",
        "0.005",
        "0.0000000000000000000000000001",
        "79228162514264337593543950335",
        "1000000000000.00",
        "1000000000000.01",
        "10",
        "10.0001",
        "2025-02-29",
        "2024-02-29",
        "2025-12-31",
        "2026-01-01",
        "1899-12-31",
        "1900-01-01",
        "2200-12-31",
        "2201-01-01",
        "2009-12-31",
        "2015-10-23",
        "2019-08-19",
        "2019-08-20",
        "9999-99-99",
        "monthly",
        "quarterly",
        "yearly",
        "full",
        "pro_rata",
        "by_days",
        "cn",
        "weekends",
        "none",
        "working",
        "calendar",
        "day_of_next_month",
        "days_after_cycle_end",
        "days_after_cycle_start",
        "days_after_invoice",
        "floating",
        "due_date",
        "first_day_late",
        "contract_start",
        "five_year",
        "per_segment",
        "subcontracting",
        "mutual",
        "client_breach",
        "supplier_breach",
        "force_majeure",
        "contract-calc/scenario",
        "５万",
        "\u{feff}",
        "\u{0}",
        "名称<script>",
    ];
    match rng.below(12) {
        0 => Value::Null,
        1 => json!(rng.pick(&[0i64, 1, -1, 2, 12, 28, 29, 30, 31, 32, 365, 366, 3660, 3661])),
        2 => json!(rng.pick(&[u64::MAX, 1 << 53, 1200, 1201, 10_000, 10_001])),
        3 => json!(rng.pick(&[0.5f64, -0.0, 1e300, 3.00])),
        4 => json!(rng.chance(2)),
        5 => json!([]),
        6 => json!({}),
        _ => Value::String(rng.pick(&texts).to_string()),
    }
}

/// Every node of `v` by JSON pointer, the root first.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            out.push(at.clone());
            for (k, c) in m {
                pointers(c, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            out.push(at.clone());
            for (i, c) in a.iter().enumerate() {
                pointers(c, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

/// A value near `text`, of the same kind, so that a document often stays valid and reaches the
/// engine: a date moved by some days, an amount or fraction scaled or nudged, else an edge value.
fn tweak_text(rng: &mut Rng, text: &str) -> String {
    use chrono::{Days, NaiveDate};
    use rust_decimal::Decimal;
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        let range = if rng.chance(4) { 4000 } else { 40 };
        let days = Days::new(1 + rng.below(range) as u64);
        let moved = if rng.chance(2) {
            d.checked_add_days(days)
        } else {
            d.checked_sub_days(days)
        };
        return moved.unwrap_or(d).to_string();
    }
    if let Ok(x) = text.parse::<Decimal>() {
        let factors = ["0", "0.5", "0.99", "1.01", "2", "3", "10", "1000", "0.001"];
        let f: Decimal = rng.pick(&factors).parse().unwrap_or(Decimal::ONE);
        let y = match rng.below(4) {
            0 => x
                .checked_add(Decimal::new(rng.below(2_000) as i64 - 1_000, 2))
                .unwrap_or(x),
            1 => x.checked_mul(f).unwrap_or(x).round_dp(2),
            2 => x.checked_mul(f).unwrap_or(x),
            _ => x.round_dp(rng.below(5) as u32),
        };
        return y.to_string();
    }
    interesting_value(rng).as_str().unwrap_or("").to_string()
}

/// A leaf changed within its kind (see [`tweak_text`]).
fn tweak_value(rng: &mut Rng, v: &Value) -> Value {
    match v {
        Value::String(t) => Value::String(tweak_text(rng, t)),
        Value::Number(n) => match n.as_u64() {
            Some(k) => json!(match rng.below(4) {
                0 => k.saturating_add(1),
                1 => k.saturating_sub(1),
                2 => k.saturating_mul(2),
                _ => rng.below(40) as u64,
            }),
            None => interesting_value(rng),
        },
        Value::Bool(b) => json!(!b),
        _ => interesting_value(rng),
    }
}

/// One change to a JSON document: a leaf nudged within its kind or replaced by an edge value, a
/// node taken from another document, a list grown, a key added, a node removed.
fn mutate_value(doc: &mut Value, rng: &mut Rng, donor: &Value) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let at = rng.pick(&all).clone();
    let mut donors = Vec::new();
    pointers(donor, String::new(), &mut donors);
    // The same field of the other document when it has one, else any of its nodes.
    let same_field = rng.chance(2);
    let from_donor = donor
        .pointer(&at)
        .filter(|_| same_field)
        .or_else(|| donor.pointer(rng.pick(&donors).as_str()))
        .cloned()
        .unwrap_or(Value::Null);
    let (parent_at, key) = match at.rfind('/') {
        Some(i) => (at[..i].to_string(), at[i + 1..].to_string()),
        None => (String::new(), String::new()),
    };
    let choice = rng.below(12);
    let Some(node) = doc.pointer_mut(&at) else {
        return;
    };
    match choice {
        0..=4 => *node = tweak_value(rng, node),
        5 => *node = interesting_value(rng),
        6 | 7 => *node = from_donor,
        8 => {
            // Grow a list: one of its elements repeated, up to a few hundred entries.
            if let Value::Array(a) = node {
                if let Some(one) = a.get(rng.below(a.len().max(1))).cloned() {
                    let n = rng.below(300);
                    a.extend(std::iter::repeat_n(one, n));
                }
            } else {
                *node = json!([node.clone(), node.clone()]);
            }
        }
        9 => {
            if let Value::Object(m) = node {
                m.insert(
                    rng.pick(&["extra", "for", "amount", "date", "rule", "day"])
                        .to_string(),
                    interesting_value(rng),
                );
            } else {
                *node = interesting_value(rng);
            }
        }
        _ => {
            // Remove the node from its parent.
            match doc.pointer_mut(&parent_at) {
                Some(Value::Object(m)) => {
                    m.remove(&key);
                }
                Some(Value::Array(a)) => {
                    if let Ok(i) = key.parse::<usize>() {
                        if i < a.len() {
                            a.remove(i);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// How many changes an input gets: one half of the time (to stay near a valid document), up to
/// five otherwise.
fn mutations(rng: &mut Rng) -> usize {
    if rng.chance(2) {
        1
    } else {
        2 + rng.below(4)
    }
}

/// One change to text: characters replaced, removed, repeated or spliced in from `donor`.
fn mutate_text(text: &mut String, rng: &mut Rng, donor: &str, alphabet: &[char]) {
    let chars: Vec<char> = text.chars().collect();
    let donor: Vec<char> = donor.chars().collect();
    let n = chars.len();
    let span = |rng: &mut Rng, len: usize| {
        if len == 0 {
            (0, 0)
        } else {
            let a = rng.below(len);
            let b = (a + 1 + rng.below(16.min(len - a))).min(len);
            (a, b)
        }
    };
    let mut out = chars.clone();
    match rng.below(7) {
        0 | 1 if n > 0 => {
            let i = rng.below(n);
            out[i] = *rng.pick(alphabet);
        }
        2 if n > 0 => {
            let (a, b) = span(rng, n);
            out.drain(a..b);
        }
        3 if n > 0 => {
            let (a, b) = span(rng, n);
            let piece: Vec<char> = chars[a..b].to_vec();
            let at = rng.below(n + 1);
            out.splice(at..at, piece);
        }
        4 if !donor.is_empty() => {
            let (a, b) = span(rng, donor.len());
            let at = rng.below(n + 1);
            out.splice(at..at, donor[a..b].iter().copied());
        }
        5 if n > 0 => out.truncate(rng.below(n)),
        _ => {
            let at = rng.below(n + 1);
            out.insert(at, *rng.pick(alphabet));
        }
    }
    *text = out.into_iter().collect();
}

const JSON_CHARS: &[char] = &[
    '{', '}', '[', ']', '"', ':', ',', '-', '.', 'e', 'E', '+', '0', '1', '2', '9', ' ', '\n',
    '\\', 'u', 'n', 't', 'f', 'a', '万', '\u{feff}', '\u{0}', '\u{7f}',
];

// ---------------------------------------------------------------------------------------------
// The seed corpus

/// The scenario fixtures (not their expected results) and the ready-made samples, as JSON text.
fn seed_documents() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut docs: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.ends_with(".json") && !name.ends_with(".expected.json")
        })
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    docs.sort();
    let starter = samples::starter(chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap());
    docs.push(starter.to_json_pretty());
    docs.push(samples::ten_year_monthly().to_json());
    assert!(docs.len() >= 7, "seed corpus: {} documents", docs.len());
    for d in &docs {
        compute_json(d).unwrap_or_else(|e| panic!("a seed does not compute: {e}"));
    }
    docs
}

// ---------------------------------------------------------------------------------------------
// The runner

/// Runs `one` on `cases()` inputs made by `make`; a panic names the case and shows its input.
/// `one` says whether the input was accepted (a scenario), to report how deep the run went.
fn fuzz<T: std::fmt::Debug>(target: &str, make: impl Fn(&mut Rng) -> T, one: impl Fn(&T) -> bool) {
    let (n, seed) = (cases(), seed());
    let started = Instant::now();
    let mut rng = Rng::new(seed ^ (u64::from(target.as_bytes()[0]) << 32) ^ target.len() as u64);
    let mut accepted = 0u64;
    for case in 0..n {
        let input = make(&mut rng);
        let outcome = catch_unwind(AssertUnwindSafe(|| one(&input)));
        accepted += u64::from(matches!(outcome, Ok(true)));
        if outcome.is_err() {
            let shown = format!("{input:#?}");
            let cut: String = shown.chars().take(8_000).collect();
            panic!(
                "fuzz target {target}: case {case} of FUZZ_SEED={seed} panicked on this input \
                 ({} characters shown of {}):\n{cut}",
                cut.chars().count(),
                shown.chars().count()
            );
        }
    }
    println!(
        "fuzz {target}: {n} inputs, {accepted} of them accepted, in {:.1} s (FUZZ_SEED={seed})",
        started.elapsed().as_secs_f64()
    );
}

// ---------------------------------------------------------------------------------------------
// Targets

#[test]
fn fuzz_document_reader_and_compute() {
    let seeds = seed_documents();
    let values: Vec<Value> = seeds
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    fuzz(
        "document",
        |rng| {
            let i = rng.below(seeds.len());
            if rng.chance(4) {
                // Text-level: broken syntax, numbers and strings cut or spliced.
                let mut text = seeds[i].clone();
                for _ in 0..1 + rng.below(4) {
                    let donor = rng.pick(&seeds).clone();
                    mutate_text(&mut text, rng, &donor, JSON_CHARS);
                }
                text
            } else {
                // Structure-level: well-formed JSON with fields changed, removed, multiplied.
                let mut doc = values[i].clone();
                for _ in 0..mutations(rng) {
                    let donor = rng.pick(&values).clone();
                    mutate_value(&mut doc, rng, &donor);
                }
                if rng.chance(2) {
                    doc.to_string()
                } else {
                    serde_json::to_string_pretty(&doc).unwrap()
                }
            }
        },
        |text: &String| {
            let Ok(result) = compute_json(text) else {
                return false;
            };
            // Accepted: the scenario re-serialised reads back as itself and computes the same.
            let s = parse_scenario(text).expect("compute_json accepted it");
            let again = s.to_json();
            let reread = parse_scenario(&again)
                .unwrap_or_else(|e| panic!("the re-serialised scenario is refused: {e}\n{again}"));
            assert_eq!(reread, s, "the scenario changed on a round trip");
            assert_eq!(
                compute_json(&again).unwrap(),
                result,
                "the figures changed on a round trip"
            );
            let _ = result.to_json_pretty();
            true
        },
    );
}

#[test]
fn fuzz_share_link_decoding() {
    let seeds = seed_documents();
    let links: Vec<String> = seeds
        .iter()
        .map(|d| encode(&parse_scenario(d).unwrap()))
        .collect();
    let values: Vec<Value> = seeds
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let b64: Vec<char> = ('A'..='Z')
        .chain('a'..='z')
        .chain('0'..='9')
        .chain(['-', '_', '=', '+', '/', '.', '#', ' ', '%', '万'])
        .collect();
    fuzz(
        "share-link",
        |rng| {
            let i = rng.below(links.len());
            match rng.below(4) {
                // The link's characters: cut by a chat app, mistyped, spliced.
                0 | 1 => {
                    let mut link = links[i].clone();
                    for _ in 0..1 + rng.below(3) {
                        let donor = rng.pick(&links).clone();
                        mutate_text(&mut link, rng, &donor, &b64);
                    }
                    link
                }
                // Well-formed deflate of a changed document: reaches the reader.
                2 => {
                    let mut doc = values[i].clone();
                    for _ in 0..mutations(rng) {
                        let donor = rng.pick(&values).clone();
                        mutate_value(&mut doc, rng, &donor);
                    }
                    link_of(doc.to_string().as_bytes())
                }
                // Damaged deflate bytes: reaches the inflater.
                _ => {
                    use base64::Engine;
                    let b = base64::engine::general_purpose::URL_SAFE_NO_PAD;
                    let mut bytes = b.decode(&links[i][3..]).unwrap();
                    for _ in 0..1 + rng.below(4) {
                        if bytes.is_empty() {
                            break;
                        }
                        let at = rng.below(bytes.len());
                        match rng.below(3) {
                            0 => bytes[at] ^= 1 << rng.below(8),
                            1 => bytes[at] = rng.next() as u8,
                            _ => bytes.truncate(at),
                        }
                    }
                    format!("s1.{}", b.encode(bytes))
                }
            }
        },
        |link| match decode(link) {
            Ok(s) => {
                // Opened: its own link opens the same scenario, and it computes or is refused.
                assert_eq!(decode(&encode(&s)).as_ref(), Ok(&s), "re-encoded link");
                let _ = compute(&s);
                true
            }
            Err(e) => {
                let _ = (e.message(Lang::Zh), e.message(Lang::En));
                false
            }
        },
    );
}

/// `s1.` + base64url(raw deflate(`bytes`)).
fn link_of(bytes: &[u8]) -> String {
    use base64::Engine;
    use std::io::Write;
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    let compressed = e.finish().unwrap();
    format!(
        "s1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed)
    )
}

/// What a person might type into a form field.
const TYPED: &[&str] = &[
    "",
    " ",
    "0",
    "1",
    "-1",
    "5万",
    "５万",
    "5.5万",
    "1亿",
    "50,000",
    "50,000.00",
    "50000.001",
    "1e5",
    "0.05",
    "3.65",
    "100",
    "1000",
    "99999999999999999999999999999",
    "0.0000000000000000000000000001",
    "1000000000000",
    "1000000000000.01",
    "12",
    "31",
    "32",
    "3660",
    "3661",
    "1200",
    "2025-01-31",
    "2025-02-29",
    "2024-02-29",
    "1900-01-01",
    "1899-12-31",
    "2200-12-31",
    "2201-01-01",
    "2009-06-01",
    "2015-10-23",
    "abc",
    "五万",
    "￥5000",
    "¥5,000.00",
    "5 000",
    "%",
    "‰",
    "\u{feff}1",
    "1\u{0}",
    "<b>x</b>",
    "💴",
];

/// What lands in a field that showed `current`: a nearby value of the same kind half of the
/// time, else something from [`TYPED`]; sometimes mistyped on top.
fn typed(rng: &mut Rng, current: &str) -> String {
    let mut t = if rng.chance(2) {
        tweak_text(rng, current)
    } else {
        rng.pick(TYPED).to_string()
    };
    if rng.chance(4) {
        let donor = rng.pick(TYPED).to_string();
        mutate_text(&mut t, rng, &donor, JSON_CHARS);
    }
    t
}

/// The form's text fields outside its lists, in `typed_form`.
const SCALARS: usize = 27;

/// A form with one to four of its text fields typed into, and sometimes its choices changed.
fn typed_form(rng: &mut Rng, seeds: &[Scenario]) -> FormState {
    let mut f = FormState::from_scenario(rng.pick(seeds));
    for _ in 0..1 + rng.below(4) {
        let mut fields: Vec<&mut String> = vec![
            &mut f.name,
            &mut f.as_of,
            &mut f.start,
            &mut f.end,
            &mut f.term_months,
            &mut f.renewal_months,
            &mut f.due_day,
            &mut f.due_days,
            &mut f.invoice_day,
            &mut f.rate_value,
            &mut f.per_days,
            &mut f.per_months,
            &mut f.lpr_multiple,
            &mut f.cap_percent,
            &mut f.suspend_after_days,
            &mut f.terminate_after_days,
            &mut f.subcontracting_percent,
            &mut f.subcontracting_on,
            &mut f.incident_count,
            &mut f.incident_penalty,
            &mut f.substandard_value,
            &mut f.substandard_percent,
            &mut f.supplier_confidentiality,
            &mut f.client_confidentiality,
            &mut f.termination_date,
            &mut f.breach_percent,
            &mut f.settlement_days,
        ];
        for c in f.components.iter_mut().chain(f.losses.iter_mut()) {
            fields.push(&mut c.amount);
            fields.push(&mut c.label);
        }
        for p in f.payments.iter_mut() {
            fields.push(&mut p.amount);
            fields.push(&mut p.date);
        }
        // A scalar field two times in three, else a row of a list (the ten-year seed has 240).
        let i = if rng.chance(3) && fields.len() > SCALARS {
            SCALARS + rng.below(fields.len() - SCALARS)
        } else {
            rng.below(SCALARS)
        };
        *fields[i] = typed(rng, fields[i]);
    }
    match rng.below(8) {
        0 => f.components.push(LabelledAmount {
            label: typed(rng, ""),
            amount: typed(rng, ""),
            ..Default::default()
        }),
        1 => f.payments.push(PaymentRow {
            date: typed(rng, "2025-03-10"),
            amount: typed(rng, "50000"),
            for_period: typed(rng, "2025-02-01"),
            ..Default::default()
        }),
        2 => f.losses.push(LabelledAmount::default()),
        3 => f.components.clear(),
        _ => {}
    }
    if rng.chance(4) {
        f.late_enabled = rng.chance(2);
        f.subcontracting_enabled = rng.chance(2);
        f.subcontracting_refund = rng.chance(2);
        f.incidents_enabled = rng.chance(2);
        f.substandard_enabled = rng.chance(2);
        f.termination_enabled = rng.chance(2);
    }
    if rng.chance(4) {
        f.end_mode = *rng.pick(&[EndMode::Date, EndMode::Months]);
        f.cycle = *rng.pick(&[
            None,
            Some(Cycle::Monthly),
            Some(Cycle::Quarterly),
            Some(Cycle::Yearly),
        ]);
        f.partial_cycle = *rng.pick(&[PartialCycle::ByDays, PartialCycle::Full]);
        f.due_rule = *rng.pick(&[
            DueRuleKind::DayOfNextMonth,
            DueRuleKind::DaysAfterCycleEnd,
            DueRuleKind::DaysAfterCycleStart,
            DueRuleKind::DaysAfterInvoice,
        ]);
        f.due_day_type = *rng.pick(&[None, Some(DayType::Calendar), Some(DayType::Working)]);
        f.calendar = *rng.pick(&[Calendar::Cn, Calendar::Weekends, Calendar::None]);
        f.rate_kind = *rng.pick(&[RateKind::Fraction, RateKind::Monthly, RateKind::Lpr]);
        f.rate_unit = *rng.pick(&RateUnit::ALL);
        f.basis_days = *rng.pick(&[0, 1, 360, 365, 366, u32::MAX]);
        f.lpr_fixing = *rng.pick(&[
            LprFixing::DueDate,
            LprFixing::FirstDayLate,
            LprFixing::ContractStart,
            LprFixing::Floating,
        ]);
        f.lpr_term = *rng.pick(&[LprTerm::OneYear, LprTerm::FiveYear]);
        f.partial_period = *rng.pick(&[PartialPeriod::ProRata, PartialPeriod::Full]);
        f.termination_reason = *rng.pick(&[
            None,
            Some(TerminationReason::Mutual),
            Some(TerminationReason::ForceMajeure),
            Some(TerminationReason::ClientBreach),
            Some(TerminationReason::SupplierBreach),
            Some(TerminationReason::Subcontracting),
        ]);
    }
    f
}

#[test]
fn fuzz_form_text() {
    let seeds: Vec<Scenario> = seed_documents()
        .iter()
        .map(|d| parse_scenario(d).unwrap())
        .collect();
    fuzz(
        "form",
        |rng| typed_form(rng, &seeds),
        |f| {
            match f.to_scenario() {
                Ok(s) => {
                    // Accepted: a document that reads back as itself, and computes or is
                    // refused naming a field (data beyond the tables), never a crash.
                    let json = s.to_json();
                    let reread = parse_scenario(&json)
                        .unwrap_or_else(|e| panic!("the form's scenario is refused: {e}\n{json}"));
                    assert_eq!(reread, s, "the form's scenario changed on a round trip");
                    let _ = compute(&s);
                    true
                }
                Err(errors) => {
                    assert!(!errors.is_empty(), "refused without a reason");
                    for e in &errors {
                        let _ = (e.display(Lang::Zh), e.display(Lang::En));
                    }
                    false
                }
            }
        },
    );
}
