//! Money: exact decimals, rounded to 0.01 yuan half away from zero (四舍五入) only where the
//! spec says so, and formatted the way Chinese contracts and invoices write them.

use rust_decimal::{Decimal, RoundingStrategy};

/// The largest amount a scenario may hold: ¥1,000,000,000,000 (one trillion yuan). Far beyond any
/// service contract, and small enough that every product the engine forms stays exact.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// Rounds to 0.01 yuan, half away from zero (四舍五入), and always keeps two decimals.
pub fn round_yuan(amount: Decimal) -> Decimal {
    let mut r = if amount.scale() <= 2 {
        amount
    } else {
        amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    };
    r.rescale(2);
    r
}

/// `¥1,234.56`; negative amounts as `-¥1,234.56`.
pub fn format_yuan(amount: Decimal) -> String {
    let r = round_yuan(amount);
    let sign = if r.is_sign_negative() && !r.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}¥{}", group_thousands(&r.abs().to_string()))
}

/// `1234567.5` → `1,234,567.5`: the integer part grouped by thousands.
pub fn group_thousands(plain: &str) -> String {
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain, None),
    };
    let mut out = String::with_capacity(plain.len() + plain.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Why a typed amount was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountInputError {
    NotANumber,
    Negative,
    TooLarge,
}

/// Typed text with a Chinese keyboard's full-width digits, point, minus and percent sign
/// (`０．０５％`, `１．５`) as their ASCII forms, so that every number field reads what an IME
/// types; other characters are left as they are.
pub fn half_width(text: &str) -> std::borrow::Cow<'_, str> {
    let wide = |c: char| matches!(c, '０'..='９' | '．' | '。' | '－' | '％');
    if !text.chars().any(wide) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' => '-',
            '％' => '%',
            c => c,
        })
        .collect()
}

/// Reads an amount the way people type it into a form: `50000`, `50,000`, `50000.00`, `¥50,000`,
/// `5万`, `1.2亿`, `５００００` (full-width digits). Returns the exact value; does not round.
pub fn parse_user_amount(input: &str) -> Result<Decimal, AmountInputError> {
    let plain = input.trim();
    if !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        // Digits and a point, as most amounts are typed: read without rewriting the text.
        let value = plain_amount(plain)?;
        if value > MAX_AMOUNT {
            return Err(AmountInputError::TooLarge);
        }
        return Ok(value.normalize());
    }
    if !commas_group_thousands(input) {
        return Err(AmountInputError::NotANumber);
    }
    let s: String = half_width(input.trim())
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}' | '_' | '¥' | '￥'))
        .collect();
    let s = currency_words_off(&s);
    if let Some(value) = wan_and_thousands(s) {
        return Ok(value);
    }
    let (number, multiplier) = if let Some(n) = s.strip_suffix('万') {
        (n, Decimal::from(10_000))
    } else if let Some(n) = s.strip_suffix('亿') {
        (n, Decimal::from(100_000_000))
    } else {
        (s, Decimal::ONE)
    };
    let value = plain_amount(number)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(AmountInputError::Negative);
    }
    let value = value
        .checked_mul(multiplier)
        .ok_or(AmountInputError::TooLarge)?;
    if value > MAX_AMOUNT {
        return Err(AmountInputError::TooLarge);
    }
    Ok(value.normalize().max(Decimal::ZERO))
}

/// "5万5", "5万5千" and "5万5000", as people say and write 55,000: whole 万, then one digit of
/// thousands or four digits of yuan. Anything else after 万 ("5万50", "5.5万5") is left to be
/// refused, not guessed.
fn wan_and_thousands(s: &str) -> Option<Decimal> {
    let (wan, rest) = s.split_once('万')?;
    let thousands = rest.strip_suffix('千').unwrap_or(rest);
    let rest_yuan = match thousands.as_bytes() {
        [d @ b'1'..=b'9'] => Decimal::from(d - b'0') * Decimal::from(1_000),
        [_, _, _, _] if !rest.ends_with('千') && rest.bytes().all(|b| b.is_ascii_digit()) => {
            rest.parse().ok()?
        }
        _ => return None,
    };
    if wan.is_empty() || !wan.bytes().all(|b| b.is_ascii_digit()) || wan.len() > 8 {
        return None;
    }
    let wan: Decimal = wan.parse().ok()?;
    Some(wan * Decimal::from(10_000) + rest_yuan)
}

/// An amount as a contract writes it, without its currency words: "人民币30000.00元整",
/// "RMB30000", "30000元", "CNY 30000" (blanks already gone).
fn currency_words_off(s: &str) -> &str {
    use crate::engine::notation::{CURRENCY_AFTER, CURRENCY_BEFORE};
    let s = CURRENCY_BEFORE
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s);
    CURRENCY_AFTER
        .iter()
        .fold(s, |s, w| s.strip_suffix(w).unwrap_or(s))
}

/// An amount as the form takes it: read by [`parse_user_amount`], to the fen at most (¥12.345 is
/// refused at its field, so no sum beside the field counts it either).
pub fn amount_to_fen(input: &str) -> Option<Decimal> {
    parse_user_amount(input)
        .ok()
        .filter(|d| !finer_than_fen(*d))
}

/// Whether `amount` has a fraction of a fen (¥12.345), which no amount to pay or 大写 can hold.
pub fn finer_than_fen(amount: Decimal) -> bool {
    amount.normalize().scale() > 2
}

/// A plain decimal as an amount: one of more than 20 whole digits is too large, like any other
/// amount above [`MAX_AMOUNT`] (or below zero, when it has a minus), not "not a number".
fn plain_amount(number: &str) -> Result<Decimal, AmountInputError> {
    parse_plain_decimal(number).ok_or_else(|| {
        let body = number.strip_prefix('-').unwrap_or(number);
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let too_long = int.len() > 20 && digits(int) && digits(frac);
        match (too_long, body.len() < number.len()) {
            (true, true) => AmountInputError::Negative,
            (true, false) => AmountInputError::TooLarge,
            (false, _) => AmountInputError::NotANumber,
        }
    })
}

/// Whether every comma in `input` separates thousands (`50,000.00`, `1，200`): three digits after
/// it, none after the decimal point. "86.000,00" (European) or "8,60" is not read as a number.
fn commas_group_thousands(input: &str) -> bool {
    let chars: Vec<char> = input.trim().chars().collect();
    let mut seen_point = false;
    for (i, c) in chars.iter().enumerate() {
        match c {
            '.' | '．' | '。' => seen_point = true,
            ',' | '，' => {
                let digits = chars[i + 1..]
                    .iter()
                    .take_while(|d| d.is_ascii_digit() || ('０'..='９').contains(*d))
                    .count();
                if seen_point || digits != 3 {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// A plain decimal: optional sign, digits, optional fraction. No exponents, no `+inf`, no blanks.
/// At most 28 digits fit a decimal: a longer fraction is cut there, which no amount or rate a
/// document may hold has (what is cut is still refused for its size or its decimals). Read
/// exactly, which also leaves rust_decimal's exponent and rounding parser out of the browser build.
pub fn parse_plain_decimal(s: &str) -> Option<Decimal> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let digits_ok = !(int.is_empty() && frac.is_empty())
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok || int.len() > 20 || frac.len() > 20 {
        return None;
    }
    if int.len() + frac.len() <= MAX_DIGITS {
        return Decimal::from_str_exact(s).ok();
    }
    let keep = MAX_DIGITS.saturating_sub(int.len()).min(frac.len());
    let sign = if s.starts_with('-') { "-" } else { "" };
    let cut = match keep {
        0 => format!("{sign}{int}"),
        _ => format!("{sign}{int}.{}", &frac[..keep]),
    };
    Decimal::from_str_exact(&cut).ok()
}

/// The digits a decimal holds exactly.
const MAX_DIGITS: usize = 28;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::d;

    #[test]
    fn plain_digits_read_as_the_same_amount_written_any_other_way() {
        // "86000.50" takes the short way; "86,000.50", "８６０００.５０" and "8.60005万" the long one.
        for (plain, other) in [
            ("86000.50", "86,000.50"),
            ("86000.50", "８６０００.５０"),
            ("86000.5", "8.60005万"),
            ("0", "0元"),
            ("1000000000000", "10000亿"),
            // As a contract writes it, pasted from its text.
            ("30000", "人民币 30,000.00 元"),
            ("30000", "30,000.00元整"),
            ("30000", "RMB 30000"),
            ("30000", "CNY30,000"),
            ("30000", "人民币3万元整"),
        ] {
            assert_eq!(
                parse_user_amount(plain),
                parse_user_amount(other),
                "{plain} / {other}"
            );
        }
        assert_eq!(
            parse_user_amount("1.2.3"),
            Err(AmountInputError::NotANumber)
        );
        assert_eq!(parse_user_amount("."), Err(AmountInputError::NotANumber));
        // Currency words alone, or in the middle, are no amount.
        assert_eq!(
            parse_user_amount("人民币元整"),
            Err(AmountInputError::NotANumber)
        );
        assert_eq!(
            parse_user_amount("30元000"),
            Err(AmountInputError::NotANumber)
        );
        assert_eq!(
            parse_user_amount("1000000000000.01"),
            Err(AmountInputError::TooLarge)
        );
    }

    #[test]
    fn digits_past_what_a_decimal_holds_are_cut_and_still_refused() {
        // 14 + 18 digits: the fraction is cut at 28 digits, and the amount is still too large
        // (and has too many decimals for money) rather than "not a number".
        assert_eq!(
            parse_user_amount("10000000000000.123456789012345678"),
            Err(AmountInputError::TooLarge)
        );
        assert_eq!(
            parse_plain_decimal("123456789.12345678901234567890"),
            Some(d("123456789.1234567890123456789"))
        );
        assert_eq!(parse_plain_decimal("-0.05"), Some(d("-0.05")));
        assert_eq!(
            parse_plain_decimal("0.00000000000000000005"),
            Some(d("0.00000000000000000005"))
        );
    }

    #[test]
    fn max_amount_is_one_trillion() {
        assert_eq!(MAX_AMOUNT, d("1000000000000"));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        // 28516.129… (52,000 × 17/31) → 28516.13; 0.005 → 0.01 (not banker's 0.00).
        assert_eq!(round_yuan(d("28516.129032")).to_string(), "28516.13");
        assert_eq!(round_yuan(d("0.005")).to_string(), "0.01");
        assert_eq!(round_yuan(d("-0.005")).to_string(), "-0.01");
        assert_eq!(round_yuan(d("50000")).to_string(), "50000.00");
    }

    #[test]
    fn yuan_format_groups_thousands() {
        assert_eq!(format_yuan(d("1234.5")), "¥1,234.50");
        assert_eq!(format_yuan(d("600000")), "¥600,000.00");
        assert_eq!(format_yuan(d("999")), "¥999.00");
        assert_eq!(format_yuan(d("-93573.224")), "-¥93,573.22");
        assert_eq!(format_yuan(d("0")), "¥0.00");
    }

    #[test]
    fn typed_amounts_in_every_usual_form() {
        for typed in [
            "50000",
            "50,000",
            "50000.00",
            "5万",
            "¥50,000",
            "５００００",
            "5 万",
            "50000元",
        ] {
            assert_eq!(parse_user_amount(typed), Ok(d("50000")), "{typed}");
        }
        assert_eq!(parse_user_amount("1.2亿"), Ok(d("120000000")));
        // As people say it: 5万5 is ¥55,000 (5万5千); anything else after 万 is not guessed.
        assert_eq!(parse_user_amount("5万5"), Ok(d("55000")));
        assert_eq!(parse_user_amount("12万3千"), Ok(d("123000")));
        assert_eq!(parse_user_amount("人民币5万5元"), Ok(d("55000")));
        assert_eq!(parse_user_amount("5万5000"), Ok(d("55000")));
        assert_eq!(parse_user_amount("5万0500"), Ok(d("50500")));
        for unsaid in ["5万50", "5.5万5", "万5", "5万0", "5万5百"] {
            assert_eq!(
                parse_user_amount(unsaid),
                Err(AmountInputError::NotANumber),
                "{unsaid}"
            );
        }
        assert_eq!(parse_user_amount("abc"), Err(AmountInputError::NotANumber));
        assert_eq!(parse_user_amount(""), Err(AmountInputError::NotANumber));
        assert_eq!(parse_user_amount("1e5"), Err(AmountInputError::NotANumber));
        assert_eq!(parse_user_amount("-5"), Err(AmountInputError::Negative));
        // A comma groups thousands or it is not an amount: "86.000,00" is not ¥86, and
        // "8,60" is not ¥860.
        assert_eq!(parse_user_amount("1,234,567.89"), Ok(d("1234567.89")));
        assert_eq!(parse_user_amount("1，200"), Ok(d("1200")));
        // Typed with a Chinese IME: full-width digits and comma, "。" for the point.
        assert_eq!(parse_user_amount("１２，０００"), Ok(d("12000")));
        assert_eq!(parse_user_amount("１２，０００。５０"), Ok(d("12000.50")));
        assert_eq!(
            parse_user_amount("８６。０００，００"),
            Err(AmountInputError::NotANumber)
        );
        // A fraction of a fen is refused at the field, and so in any sum beside it.
        assert_eq!(amount_to_fen("12.345"), None);
        assert_eq!(amount_to_fen("12.340"), Some(d("12.34")));
        for bad in ["86.000,00", "8,60", "86,0000", "1,2345"] {
            assert_eq!(
                parse_user_amount(bad),
                Err(AmountInputError::NotANumber),
                "{bad}"
            );
        }
        assert_eq!(
            parse_user_amount("2000000000000"),
            Err(AmountInputError::TooLarge)
        );
    }

    #[test]
    fn an_amount_of_many_digits_is_too_large_however_many() {
        // 17 digits and 22 digits are both more than ¥1 trillion: one message for both, not
        // "not an amount" once the digits outgrow a decimal.
        for typed in [
            "12345678901234567",
            "1234567890123456789012",
            "1234567890123456789012.50",
            "1,234,567,890,123,456,789,012",
            "１２３４５６７８９０１２３４５６７８９０１２",
        ] {
            assert_eq!(
                parse_user_amount(typed),
                Err(AmountInputError::TooLarge),
                "{typed}"
            );
        }
        assert_eq!(
            parse_user_amount("-1234567890123456789012"),
            Err(AmountInputError::Negative)
        );
    }

    #[test]
    fn a_chinese_keyboard_types_the_same_numbers() {
        assert_eq!(half_width("０．０５％"), "0.05%");
        assert_eq!(half_width("１．５"), "1.5");
        assert_eq!(half_width("－３"), "-3");
        assert_eq!(half_width("日万分之五"), "日万分之五");
        assert_eq!(parse_user_amount("５００００．５０"), Ok(d("50000.5")));
        assert_eq!(parse_user_amount("－５"), Err(AmountInputError::Negative));
    }
}
