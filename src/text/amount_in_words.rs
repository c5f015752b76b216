//! Amounts in Chinese capitals (大写金额, spec §8), by the PBOC rules for filling in payment
//! instruments (《支付结算办法》附一《正确填写票据和结算凭证的基本规定》).

use crate::engine::money::round_yuan;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACE: [&str; 4] = ["", "拾", "佰", "仟"];
const GROUP: [&str; 2] = ["", "万"];
const YI: u128 = 100_000_000;

/// Writes `amount` (rounded to 0.01 first) in capitals: `1409.50` → `壹仟肆佰零玖元伍角整`.
/// Negative amounts are prefixed 负. Returns `None` from ¥10,000,000,000,000,000 (一亿亿) up.
///
/// - a run of zeros inside the number is one 零: 1409 → 壹仟肆佰零玖元;
/// - a zero in the 万 (or 亿) place followed by a non-zero 千 digit writes no 零, the group's
///   unit already marks the place: 107000 → 壹拾万柒仟元整. Where the whole 万 group is zero no 万
///   is written, so the 零 stays: 100007000 → 壹亿零柒仟元整;
/// - 元 digit 0 and 角 not: 零 after 元: 1680.32 → 壹仟陆佰捌拾元零叁角贰分;
/// - 角 0 and 分 not: 零 in its place: 325.04 → 叁佰贰拾伍元零肆分;
/// - 整 ends an amount that stops at 元 or 角, never one with 分; 0 is 零元整.
pub fn amount_in_words(amount: Decimal) -> Option<String> {
    let rounded = round_yuan(amount);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let cents = rounded.abs().checked_mul(Decimal::ONE_HUNDRED)?.to_u128()?;
    let yuan = cents / 100;
    if yuan >= 10u128.pow(16) {
        return None;
    }
    let jiao = (cents / 10 % 10) as usize;
    let fen = (cents % 10) as usize;

    let mut out = String::new();
    if negative {
        out.push('负');
    }
    if yuan > 0 {
        write_yuan(yuan, &mut out);
        out.push('元');
        if jiao == 0 && fen == 0 {
            out.push('整');
            return Some(out);
        }
        if yuan % 10 == 0 || jiao == 0 {
            out.push('零');
        }
    } else if jiao == 0 && fen == 0 {
        return Some("零元整".to_string());
    }
    if jiao != 0 {
        out.push(DIGITS[jiao]);
        out.push('角');
    }
    if fen != 0 {
        out.push(DIGITS[fen]);
        out.push('分');
    } else {
        out.push('整');
    }
    Some(out)
}

/// Whole yuan: from 1亿 up, the 亿 count is itself written with 万 (壹万贰仟亿, not 壹万亿贰仟亿).
fn write_yuan(yuan: u128, out: &mut String) {
    if yuan < YI {
        return write_below_yi(yuan, out);
    }
    write_below_yi(yuan / YI, out);
    out.push('亿');
    let rest = yuan % YI;
    if rest > 0 {
        // The 亿 just written marks its place; a gap before a non-zero 千万 digit needs no 零,
        // a zero 千万 digit does (壹亿零柒万元整).
        if rest < YI / 10 {
            out.push('零');
        }
        write_below_yi(rest, out);
    }
}

/// Fewer than 1亿 yuan: 仟佰拾 within each group of four digits, 万 between the groups.
fn write_below_yi(yuan: u128, out: &mut String) {
    let digits: Vec<usize> = yuan
        .to_string()
        .bytes()
        .rev()
        .map(|b| (b - b'0') as usize)
        .collect();
    let group_nonzero = |g: usize| digits.iter().skip(g * 4).take(4).any(|&d| d != 0);
    let mut lowest_pending_zero: Option<usize> = None;
    for p in (0..digits.len()).rev() {
        let d = digits[p];
        if d == 0 {
            lowest_pending_zero = Some(p);
        } else {
            if let Some(z) = lowest_pending_zero.take() {
                let unit_marks_place = z % 4 == 0 && z > 0 && group_nonzero(z / 4);
                if !unit_marks_place {
                    out.push('零');
                }
            }
            out.push(DIGITS[d]);
            out.push_str(PLACE[p % 4]);
        }
        if p % 4 == 0 && p > 0 && group_nonzero(p / 4) {
            out.push_str(GROUP[p / 4]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> String {
        amount_in_words(s.parse().unwrap()).unwrap()
    }

    #[test]
    fn the_specs_examples() {
        assert_eq!(words("1409.50"), "壹仟肆佰零玖元伍角整");
        assert_eq!(words("107000"), "壹拾万柒仟元整");
        assert_eq!(words("1680.32"), "壹仟陆佰捌拾元零叁角贰分");
        assert_eq!(words("325.04"), "叁佰贰拾伍元零肆分");
        assert_eq!(words("0"), "零元整");
    }

    #[test]
    fn ten_is_written_with_its_one() {
        // PBOC: 壹拾, never a bare 拾, so nothing can be written in front of it.
        assert_eq!(words("10"), "壹拾元整");
        assert_eq!(words("16"), "壹拾陆元整");
        assert_eq!(words("100000"), "壹拾万元整");
    }

    #[test]
    fn a_run_of_zeros_is_one_zero() {
        assert_eq!(words("1000010"), "壹佰万零壹拾元整");
        assert_eq!(words("100700"), "壹拾万零柒佰元整");
        assert_eq!(words("1010000"), "壹佰零壹万元整");
        assert_eq!(words("10001"), "壹万零壹元整");
    }

    #[test]
    fn zero_in_the_wan_place_before_a_thousand() {
        // The 万 written just before 柒仟 already shows the place: no 零 (spec §8).
        assert_eq!(words("1007000"), "壹佰万柒仟元整");
        // 元 digit 0, 角 not: 零 after 元 (spec §8).
        assert_eq!(words("107000.53"), "壹拾万柒仟元零伍角叁分");
        // The whole 万 group is zero, so no 万 is written and the 零 is needed.
        assert_eq!(words("100007000"), "壹亿零柒仟元整");
        // The same rule one group up: 亿 written, 千万 digit non-zero.
        assert_eq!(words("1070000000"), "壹拾亿柒仟万元整");
        assert_eq!(words("1000000000000"), "壹万亿元整");
        // From 1万亿 the 亿 count itself carries 万: 壹万零壹佰亿, never 壹万亿零壹佰亿.
        assert_eq!(words("1010000000000"), "壹万零壹佰亿元整");
    }

    #[test]
    fn jiao_and_fen() {
        assert_eq!(words("0.50"), "伍角整");
        assert_eq!(words("0.05"), "伍分");
        assert_eq!(words("0.32"), "叁角贰分");
        assert_eq!(words("1600.04"), "壹仟陆佰元零肆分");
        assert_eq!(words("1600.30"), "壹仟陆佰元零叁角整");
        assert_eq!(words("93573.22"), "玖万叁仟伍佰柒拾叁元贰角贰分");
        // Rounded to the fen first, half away from zero.
        assert_eq!(words("0.005"), "壹分");
    }

    #[test]
    fn negative_and_out_of_range() {
        assert_eq!(words("-50"), "负伍拾元整");
        assert_eq!(amount_in_words("10000000000000000".parse().unwrap()), None);
        assert_eq!(
            words("9999999999999999.99"),
            "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
        );
    }
}
