//! A rate echoed in words, so that a unit typed or chosen wrongly shows at once: 日万分之五 =
//! 0.05%/日 = 年18.25% (issue: a penalty 100× too small went unnoticed).

use crate::text::Lang;
use rust_decimal::Decimal;

/// What a rate is per: N days or N calendar months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    Days(u32),
    Months(u32),
}

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A whole number below 10,000 as it is read: 5 → 五, 12 → 十二, 105 → 一百零五.
fn whole_words(n: u64) -> String {
    if n >= 10_000 {
        return n.to_string();
    }
    if n < 10 {
        return DIGITS[n as usize].to_string();
    }
    let places = [(1000, "千"), (100, "百"), (10, "十")];
    let mut out = String::new();
    let mut rest = n;
    let mut zero_pending = false;
    for (value, unit) in places {
        let d = rest / value;
        rest %= value;
        if d == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        if !(d == 1 && value == 10 && out.is_empty()) {
            out.push_str(DIGITS[d as usize]);
        }
        out.push_str(unit);
    }
    if rest > 0 {
        if zero_pending || (n >= 100 && n % 100 < 10) {
            out.push('零');
        }
        out.push_str(DIGITS[rest as usize]);
    }
    out
}

/// A non-negative decimal in Chinese words: 3.5 → 三点五, 0.05 → 零点零五.
pub fn number_words(x: Decimal) -> String {
    let text = x.normalize().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = int.parse::<u64>().map_or(int.to_string(), whole_words);
    if !frac.is_empty() {
        out.push('点');
        for c in frac.chars() {
            out.push_str(c.to_digit(10).map_or("", |d| DIGITS[d as usize]));
        }
    }
    out
}

/// 0.0005 → 万分之五, 0.001 → 千分之一, 0.0365 → 百分之三点六五: the unit that reads most naturally.
pub fn fraction_words(f: Decimal) -> String {
    let (unit, scale) = if f.is_zero() || f >= Decimal::new(1, 2) {
        ("百分之", Decimal::ONE_HUNDRED)
    } else if f >= Decimal::new(1, 3) {
        ("千分之", Decimal::ONE_THOUSAND)
    } else {
        ("万分之", Decimal::from(10_000))
    };
    format!("{unit}{}", number_words(f * scale))
}

/// A fraction as a percentage without trailing zeros: 0.0005 → `0.05%`.
pub fn percent(f: Decimal) -> String {
    format!("{}%", (f * Decimal::ONE_HUNDRED).round_dp(6).normalize())
}

/// The rate three ways: in words, as a percentage per period, and per year (365 days or 12
/// months): 日万分之五 = 0.05%/日 = 年18.25%.
pub fn rate_echo(fraction: Decimal, per: Per, lang: Lang) -> String {
    let yearly = yearly(fraction, per);
    let pct = percent(fraction);
    let year = percent(yearly.round_dp(8));
    let echo = match (lang, per) {
        (Lang::Zh, Per::Days(1)) => format!("日{} = {pct}/日 = 年{year}", fraction_words(fraction)),
        (Lang::Zh, Per::Days(n)) => {
            format!(
                "每{n}日{} = {pct}/{n}日 = 年{year}",
                fraction_words(fraction)
            )
        }
        (Lang::Zh, Per::Months(1)) => {
            format!("月{} = {pct}/月 = 年{year}", fraction_words(fraction))
        }
        (Lang::Zh, Per::Months(n)) => {
            format!(
                "每{n}个月{} = {pct}/{n}个月 = 年{year}",
                fraction_words(fraction)
            )
        }
        (Lang::En, Per::Days(1)) => format!("{pct} per day = {year} a year"),
        (Lang::En, Per::Days(n)) => format!("{pct} per {n} days = {year} a year"),
        (Lang::En, Per::Months(1)) => format!("{pct} per month = {year} a year"),
        (Lang::En, Per::Months(n)) => format!("{pct} per {n} months = {year} a year"),
    };
    if !over_a_hundred_percent_a_year(fraction, per) {
        return echo;
    }
    match lang {
        Lang::Zh => format!("{echo}：年化超过 100%，请核对单位（过高的违约金法院通常会调减）"),
        Lang::En => format!(
            "{echo}: over 100% a year, check the unit (courts usually reduce a penalty this high)"
        ),
    }
}

/// The rate per year: per 365 days, or per 12 months.
fn yearly(fraction: Decimal, per: Per) -> Decimal {
    match per {
        Per::Days(n) => fraction * Decimal::from(365) / Decimal::from(n.max(1)),
        Per::Months(n) => fraction * Decimal::from(12) / Decimal::from(n.max(1)),
    }
}

/// A rate over 100% a year: most often a unit mistaken (5% a day typed for 日万分之五), and in
/// any case far above what courts let stand (Art. 585 ¶2), so its echo is a caution.
pub fn over_a_hundred_percent_a_year(fraction: Decimal, per: Per) -> bool {
    yearly(fraction, per) > Decimal::ONE
}

/// An LPR multiple in words, with what it adds to the LPR: 1.5 → LPR 的 1.5 倍（上浮 50%）. One
/// below 1 says so, since "上浮50%" or "1.5%" typed as a multiple gives 0.5 or 0.015 × the LPR.
pub fn multiple_echo(multiple: Decimal, lang: Lang) -> String {
    let m = multiple.normalize();
    let more = ((multiple - Decimal::ONE) * Decimal::ONE_HUNDRED).normalize();
    match (lang, multiple.cmp(&Decimal::ONE)) {
        (Lang::Zh, std::cmp::Ordering::Greater) => format!("LPR 的 {m} 倍（上浮 {more}%）"),
        (Lang::Zh, std::cmp::Ordering::Equal) => "LPR 的 1 倍（即 LPR 本身）".into(),
        (Lang::Zh, std::cmp::Ordering::Less) => {
            format!("LPR 的 {m} 倍，低于 LPR 本身：约定“上浮50%”或“1.5倍”均应输入 1.5")
        }
        (Lang::En, std::cmp::Ordering::Greater) => format!("{m} × the LPR ({more}% above the LPR)"),
        (Lang::En, std::cmp::Ordering::Equal) => "1 × the LPR (the LPR itself)".into(),
        (Lang::En, std::cmp::Ordering::Less) => format!(
            "{m} × the LPR, below the LPR itself: for “50% above the LPR” or “1.5 times” type 1.5"
        ),
    }
}

/// The cap in words, as the statement says it, and whether it is below 1% (then with the
/// caution that a cap agreed as "20%" is typed 20): a cap typed as a document writes it, 0.2 for
/// 20%, cut the penalty a hundredfold without a word.
pub fn cap_echo(
    cap: Decimal,
    base: crate::engine::scenario::CapBase,
    lang: Lang,
) -> (String, bool) {
    let words = crate::text::report::sentence(crate::text::report::cap_words(cap, base, lang));
    let small = cap < Decimal::new(1, 2);
    if !small {
        return (words, false);
    }
    let caution = match lang {
        Lang::Zh => "：低于 1%，请核对（约定“20%”应输入 20）",
        Lang::En => ": below 1%, please check (a cap agreed as “20%” is typed 20)",
    };
    (words + caution, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_rate_over_a_hundred_percent_a_year_is_echoed_as_a_caution() {
        // "5%" typed under ‱ for 日万分之五: 5% a day is 1,825% a year.
        assert_eq!(
            rate_echo(d("0.05"), Per::Days(1), Lang::Zh),
            "日百分之五 = 5%/日 = 年1825%：年化超过 100%，请核对单位（过高的违约金法院通常会调减）"
        );
        assert!(
            over_a_hundred_percent_a_year(d("0.003"), Per::Days(1)),
            "日千分之三, 109.5%"
        );
        assert!(
            !over_a_hundred_percent_a_year(d("0.0005"), Per::Days(1)),
            "日万分之五, 18.25%"
        );
        // 8.33% a month is 99.96% a year: not over.
        assert!(!over_a_hundred_percent_a_year(d("0.0833"), Per::Months(1)));
    }

    #[test]
    fn five_per_ten_thousand_a_day_is_eighteen_point_two_five_percent_a_year() {
        assert_eq!(
            rate_echo(d("0.0005"), Per::Days(1), Lang::Zh),
            "日万分之五 = 0.05%/日 = 年18.25%"
        );
        assert_eq!(
            rate_echo(d("0.0005"), Per::Days(1), Lang::En),
            "0.05% per day = 18.25% a year"
        );
        // 月利率1.28% is 15.36% a year; 1% per 10 days is 36.5% a year.
        assert_eq!(
            rate_echo(d("0.0128"), Per::Months(1), Lang::Zh),
            "月百分之一点二八 = 1.28%/月 = 年15.36%"
        );
        assert_eq!(
            rate_echo(d("0.01"), Per::Days(10), Lang::Zh),
            "每10日百分之一 = 1%/10日 = 年36.5%"
        );
        // A rate typed 10,000× too small reads as such.
        assert_eq!(
            rate_echo(d("0.00000005"), Per::Days(1), Lang::Zh),
            "日万分之零点零零零五 = 0.000005%/日 = 年0.001825%"
        );
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(number_words(d("5")), "五");
        assert_eq!(number_words(d("12")), "十二");
        assert_eq!(number_words(d("20")), "二十");
        assert_eq!(number_words(d("105")), "一百零五");
        assert_eq!(number_words(d("1010")), "一千零一十");
        assert_eq!(number_words(d("3.5")), "三点五");
        assert_eq!(fraction_words(d("0.001")), "千分之一");
        assert_eq!(fraction_words(d("0.0003")), "万分之三");
    }

    #[test]
    fn an_lpr_multiple_says_what_it_adds_and_warns_below_the_lpr() {
        assert_eq!(
            multiple_echo(d("1.5"), Lang::Zh),
            "LPR 的 1.5 倍（上浮 50%）"
        );
        assert_eq!(
            multiple_echo(d("1.30"), Lang::Zh),
            "LPR 的 1.3 倍（上浮 30%）"
        );
        assert_eq!(
            multiple_echo(d("4"), Lang::En),
            "4 × the LPR (300% above the LPR)"
        );
        assert_eq!(
            multiple_echo(d("1"), Lang::Zh),
            "LPR 的 1 倍（即 LPR 本身）"
        );
        // "1.5%" typed as a multiple is 0.015 × the LPR: almost certainly not what was agreed.
        assert_eq!(
            multiple_echo(d("0.015"), Lang::Zh),
            "LPR 的 0.015 倍，低于 LPR 本身：约定“上浮50%”或“1.5倍”均应输入 1.5"
        );
    }

    #[test]
    fn a_cap_below_one_percent_is_echoed_with_a_caution() {
        // 0.2 typed under %: 0.2% of each cycle's fee, likely meant as 20%.
        let (words, caution) = cap_echo(
            Decimal::new(2, 3),
            crate::engine::scenario::CapBase::Cycle,
            Lang::Zh,
        );
        assert_eq!(
            words,
            "每期违约金以该期费用的 0.2% 为上限：低于 1%，请核对（约定“20%”应输入 20）"
        );
        assert!(caution);
        let (words, caution) = cap_echo(
            Decimal::new(2, 1),
            crate::engine::scenario::CapBase::Cycle,
            Lang::En,
        );
        assert_eq!(words, "Each cycle's penalty at most 20% of its fee");
        assert!(!caution);
    }
}
