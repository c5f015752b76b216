//! Every refusal in words: what is wrong with a field, in Chinese or English (spec
//! "Conventions": the message names the field and says what is expected).

use crate::document::error::{EarlyLprFix, ErrorKind, Expected, ValidationError};
use crate::engine::calendar::Calendar;
use crate::engine::money::{group_thousands, MAX_AMOUNT};
use crate::engine::scenario::{FORMAT, VERSION};
use crate::text::terms::calendar;
use crate::text::{Lang, Text};
use std::fmt;

impl ValidationError {
    /// What is wrong, without the path, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ErrorKind::*;
        let zh = lang == Lang::Zh;
        match &self.kind {
            Json {
                line: 0, column: 0, ..
            } if zh => "不是有效的 JSON".into(),
            Json {
                line,
                column,
                cut_short: true,
                ..
            } if zh => format!("不是有效的 JSON：内容不完整，在第 {line} 行第 {column} 列中断"),
            Json { line, column, .. } if zh => {
                format!("不是有效的 JSON：第 {line} 行第 {column} 列附近有误")
            }
            Json {
                line,
                column,
                cut_short: true,
                ..
            } => format!("not valid JSON: the text ends too soon, at line {line}, column {column} (a file cut short?)"),
            Json { detail, .. } => format!("not valid JSON: {detail}"),
            Missing if zh => "必填".into(),
            Missing => "is required".into(),
            WrongType { expected, got } => {
                let (e_zh, e_en) = match expected {
                    Expected::Object => ("对象 {…}", "an object {…}"),
                    Expected::Array => ("列表 […]", "a list […]"),
                    Expected::Text => ("文字（带引号）", "text in quotes"),
                    Expected::Bool => ("true 或 false", "true or false"),
                };
                if zh {
                    format!("应为{e_zh}，实际为 {got}")
                } else {
                    format!("expected {e_en}, got {got}")
                }
            }
            Format { got } if zh => {
                format!("不是 contract-calc 方案文件（format 应为 \"{FORMAT}\"，实际为 {got}）")
            }
            Format { got } => {
                format!("not a contract-calc scenario (expected \"{FORMAT}\", got {got})")
            }
            Version { got } if zh => {
                format!("不支持的版本 {got}：本程序读取第 {VERSION} 版")
            }
            Version { got } => {
                format!("unsupported version {got}: this build reads version {VERSION}")
            }
            Amount { got } if zh => format!("应为不小于 0 的金额，如 \"50000.00\"，实际为 {got}"),
            Amount { got } => {
                format!("expected a non-negative amount like \"50000.00\", got {got}")
            }
            AmountTooLarge { got } => {
                let max = group_thousands(&MAX_AMOUNT.to_string());
                if zh {
                    format!("金额过大：最多 ¥{max}，实际为 {got}")
                } else {
                    format!("amount too large: at most ¥{max}, got {got}")
                }
            }
            Fraction { got } if zh => {
                format!("应为不小于 0 的比例（小数），如 \"0.0005\" 即万分之五，实际为 {got}")
            }
            Fraction { got } => {
                format!("expected a non-negative fraction like \"0.0005\" (0.05%), got {got}")
            }
            Multiple { got } if zh => {
                format!("应为 LPR 的倍数（数字），如 \"1.5\" 即 1.5 倍，实际为 {got}")
            }
            Multiple { got } => format!("expected a multiple of the LPR like \"1.5\", got {got}"),
            MultipleTooLarge { got, max } if zh => format!("倍数过大：最多 {max} 倍，实际为 {got}"),
            MultipleTooLarge { got, max } => {
                format!("multiple too large: at most {max} times the LPR, got {got}")
            }
            TypedRateTooLarge { got, max } if zh => format!("“{got}”过大：最多 {max}"),
            TypedRateTooLarge { got, max } => format!("“{got}” is too large: at most {max}"),
            FractionTooLarge { got, max } if zh => format!("比例过大：最多 {max}，实际为 {got}"),
            FractionTooLarge { got, max } => {
                format!("fraction too large: at most {max}, got {got}")
            }
            Date { got } if zh => {
                format!("应为日期，格式如 \"2025-01-01\"（1900–2200 年），实际为 {got}")
            }
            Date { got } => {
                format!("expected a date like \"2025-01-01\" (years 1900–2200), got {got}")
            }
            WholeNumber { got, min, max } if zh && got.starts_with('-') => {
                format!("“{got}”是负数：应为 {min} 至 {max} 之间的整数")
            }
            WholeNumber { got, min, max } if got.starts_with('-') => {
                format!("“{got}” is negative: expected a whole number from {min} to {max}")
            }
            WholeNumber { got, min, max } if zh => {
                format!("应为 {min} 至 {max} 之间的整数，实际为 {got}")
            }
            WholeNumber { got, min, max } => {
                format!("expected a whole number from {min} to {max}, got {got}")
            }
            Choice { got, allowed } => {
                let list = allowed
                    .iter()
                    .map(|a| format!("\"{a}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                if zh {
                    format!("应为 {list} 之一，实际为 {got}")
                } else {
                    format!("expected one of {list}, got {got}")
                }
            }
            TooMany { max } if zh => format!("条目过多：最多 {max} 条"),
            TooMany { max } => format!("too many entries: at most {max}"),
            EndBeforeStart { start } if zh => format!("结束日期不能早于开始日期 {start}"),
            EndBeforeStart { start } => format!("must not be before the start date {start}"),
            TermTooLong { max_years } if zh => format!("合同期限过长：最多 {max_years} 年"),
            TermTooLong { max_years } => format!("term too long: at most {max_years} years"),
            OutsideTerm { start, end } if zh => {
                format!("应在合同期限 {start} 至 {end} 之内")
            }
            OutsideTerm { start, end } => {
                format!("must be within the contract term {start} to {end}")
            }
            RateForm if zh => "违约金利率应为 {\"fraction\", \"per_days\"}（按日/按N日比例）、{\"fraction\", \"per_months\"}（按月）或 {\"lpr_multiple\", \"basis_days\"}（LPR 倍数）三者之一".into(),
            RateForm => "expected one of {\"fraction\", \"per_days\"}, {\"fraction\", \"per_months\"} or {\"lpr_multiple\", \"basis_days\"}, not several or none".into(),
            FloatingNeedsProRata if zh => {
                "按同期（浮动）LPR 计算时按日计息：不足一期应选“按比例”，不能选“按整期”（partial_period 应为 pro_rata）".into()
            }
            FloatingNeedsProRata => {
                "a floating (同期) LPR rate accrues by the day: a started period must be “Pro rata”, not “Whole periods” (partial_period must be pro_rata, not full)".into()
            }
            RepeatedDate { date } if zh => format!("日期 {date} 与前面一项重复（每个日期只能有一项）"),
            RepeatedDate { date } => format!("{date} repeats an earlier entry's date (one entry per date)"),
            NotIncreasing { previous } if zh => format!("日期应晚于上一条的 {previous}（按时间先后排列，不得重复）"),
            NotIncreasing { previous } => {
                format!("must be after the previous entry's {previous} (in date order, no repeats)")
            }
            NotABilledPeriod { got, example } => {
                let example = example.map_or(String::new(), |d| match zh {
                    true => format!("（如 {d}）"),
                    false => format!(" (e.g. {d})"),
                });
                if zh {
                    format!("{got} 不是任何计费期的起始日：指定清偿的付款应填写所付计费期的第一天{example}")
                } else {
                    format!("{got} is not the first day of any billed period: a designated payment names the period it pays by its first day{example}")
                }
            }
            PeriodAfterEnd { got, ended, terminated: true } if zh => format!("{got} 起的期间在合同终止日 {ended} 之后，不再计费：请改为终止前的期间，或留空（按到期先后抵充）"),
            PeriodAfterEnd { got, ended, terminated: true } => format!("the period from {got} is after the contract ended on {ended}, and is not billed: name a period before it, or leave this empty (the earliest due is paid first)"),
            PeriodAfterEnd { got, ended, .. } if zh => format!("{got} 起的期间在合同期限（至 {ended}）之后，不计费（续期内的费用不在本方案计算）：请改为期限内的期间，或留空（按到期先后抵充）"),
            PeriodAfterEnd { got, ended, .. } => format!("the period from {got} is after the term, which ended on {ended}, and is not billed (a renewal's fees are not in this scenario): name a period in the term, or leave this empty (the earliest due is paid first)"),
            NoScenarios if zh => "文件中没有方案，无可导入".to_string(),
            NoScenarios => "the file holds no scenario to import".to_string(),
            FixingBeforeLpr { first } if zh => format!("LPR 自 {first} 起才有报价，不能早于该日"),
            FixingBeforeLpr { first } => format!("the LPR has been fixed only since {first}: not before it"),
            Percent { got } if got.is_empty() && zh => "请填写年利率百分数（0 至 100），如 3.00 即 3.00%".into(),
            Percent { got } if got.is_empty() => "type a yearly rate in percent (0 to 100), e.g. 3.00 for 3.00%".into(),
            Percent { got } if zh => format!("应为年利率百分数（0 至 100），如 \"3.00\" 即 3.00%，实际为 {got}"),
            Percent { got } => format!("expected a yearly rate in percent (0 to 100) like \"3.00\" for 3.00%, got {got}"),
            NeedsSubcontracting if zh => {
                "以转包为由解除时，须先在“乙方违约”中勾选并填写“擅自转包条款”".into()
            }
            NeedsSubcontracting => {
                "ending the contract for subcontracting needs the subcontracting clause, under the supplier's breaches".into()
            }
            CalendarBeforeTable { date, first } if zh => format!(
                "中国法定节假日表自 {first} 起，无法确定更早的 {date} 是否为工作日；请改用“{}”或“{}”日历",
                calendar(Calendar::Weekends).get(lang),
                calendar(Calendar::None).get(lang)
            ),
            CalendarBeforeTable { date, first } => format!(
                "the China holiday table starts on {first}, so whether the earlier {date} is a working day is unknown; choose the “{}” (weekends) or “{}” (none) calendar",
                calendar(Calendar::Weekends).get(lang),
                calendar(Calendar::None).get(lang)
            ),
            LprTooEarly {
                date,
                fix: EarlyLprFix::ChangeFrom,
            } if zh => format!(
                "计算期间含 {date}，早于 2015-10-24，而本计算器所含利率（贷款基准利率、LPR）自该日起；请把这项利率变更的起始日改为 2015-10-24 或之后，或改用固定比例"
            ),
            LprTooEarly {
                date,
                fix: EarlyLprFix::ChangeFrom,
            } => format!(
                "the counted days include {date}, before 2015-10-24, the first day of the rates this calculator holds (the benchmark lending rate, then the LPR); move this rate change to 2015-10-24 or later, or use a fixed fraction"
            ),
            LprTooEarly {
                date,
                fix: EarlyLprFix::AccruesFrom,
            } if zh => format!(
                "计算期间含 {date}，早于 2015-10-24，而本计算器所含利率（贷款基准利率、LPR）自该日起；请把起算日（accrues_from）设为 2015-10-24 或之后，或改用固定比例"
            ),
            LprTooEarly {
                date,
                fix: EarlyLprFix::AccruesFrom,
            } => format!(
                "the counted days include {date}, before 2015-10-24, the first day of the rates this calculator holds (the benchmark lending rate, then the LPR); set accrues_from to 2015-10-24 or later, or use a fixed fraction"
            ),
            LprTooEarly {
                date,
                fix: EarlyLprFix::FixingDay,
            } if zh => format!(
                "LPR 取值日 {date} 早于 2015-10-24，而本计算器所含利率（贷款基准利率、LPR）自该日起；请选择更晚的取值日，或改用固定比例"
            ),
            LprTooEarly {
                date,
                fix: EarlyLprFix::FixingDay,
            } => format!(
                "the LPR is taken on {date}, before 2015-10-24, the first day of the rates this calculator holds (the benchmark lending rate, then the LPR); choose a later fixing day or use a fixed fraction"
            ),
            SubFen { got } if zh => format!("金额最多精确到分（两位小数），实际为 {got}"),
            SubFen { got } => format!("an amount has at most two decimals (fen), got {got}"),
            NumberChoice { got, allowed } => {
                let list = allowed
                    .iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                if zh {
                    format!("应为数字 {list} 之一（不加引号），实际为 {got}")
                } else {
                    format!("expected one of the numbers {list} (without quotes), got {got}")
                }
            }
            TextTooLong { max_chars } if zh => format!("过长：最多 {max_chars} 个字"),
            TextTooLong { max_chars } => format!("too long: at most {max_chars} characters"),
            UnknownTooLarge { max_bytes } if zh => format!(
                "本版本不认识的字段合计过大（最多 {} KB）：请删除不需要的字段",
                max_bytes / 1024
            ),
            UnknownTooLarge { max_bytes } => format!(
                "fields this version does not know take too much room (at most {} KB in all): remove those not needed",
                max_bytes / 1024
            ),
            UnknownTooDeep { max } if zh => format!("本版本不认识的字段嵌套过深（最多 {max} 层）"),
            UnknownTooDeep { max } => {
                format!("a field this version does not know nests too deeply (at most {max} levels)")
            }
            TypedAmount { got } if got.trim().is_empty() && zh => {
                "请填写金额，如 50000、50,000、50000.00 或 5万".into()
            }
            TypedAmount { got } if got.trim().is_empty() => {
                "enter an amount, e.g. 50000, 50,000, 50000.00 or 5万".into()
            }
            TypedAmount { got } if zh => {
                format!("“{got}”不是金额：请输入如 50000、50,000、50000.00 或 5万")
            }
            TypedAmount { got } => {
                format!("“{got}” is not an amount: type e.g. 50000, 50,000, 50000.00 or 5万")
            }
            TypedFen { got } if zh => format!("金额最多精确到分（两位小数），实际为“{got}”"),
            TypedFen { got } => format!("an amount has at most two decimals (fen), got “{got}”"),
            Unquoted { got } if zh => {
                format!("应写成带引号的字符串，如 \"{got}\"（小数不会失真），实际为不带引号的数字 {got}")
            }
            Unquoted { got } => {
                format!("write it in quotes, as \"{got}\" (so that no decimal is lost), not as the bare number {got}")
            }
            TypedMultiple { got } if got.trim().is_empty() && zh => {
                "请填写 LPR 的倍数，如 1.5（即 LPR 的 1.5 倍）".into()
            }
            TypedMultiple { got } if got.trim().is_empty() => {
                "enter how many times the LPR, e.g. 1.5".into()
            }
            TypedMultiple { got } if got.trim_start().starts_with(['-', '－', '−']) && zh => {
                format!("倍数不能为负数，实际为“{got}”")
            }
            TypedMultiple { got } if got.trim_start().starts_with(['-', '－', '−']) => {
                format!("a multiple cannot be negative, got “{got}”")
            }
            TypedMultiple { got } if zh => {
                format!("“{got}”不是倍数：请输入 LPR 的倍数，如 1.5（即 LPR 的 1.5 倍）")
            }
            TypedMultiple { got } => {
                format!("“{got}” is not a multiple: type how many times the LPR, e.g. 1.5")
            }
            NegativeAmount { got } if zh => format!("金额不能为负数，实际为“{got}”"),
            NegativeAmount { got } => format!("an amount cannot be negative, got “{got}”"),
            NegativeRate { got } if zh => format!("比例不能为负数，实际为“{got}”"),
            NegativeRate { got } => format!("a rate cannot be negative, got “{got}”"),
            RepeatedKey if zh => "该字段写了两次：每个字段只能写一次".into(),
            RepeatedKey => "written twice: each field may be written once".into(),
            TooManySegments { max } if zh => format!(
                "违约金计算明细将超过 {} 行（付款笔数 × 利率调整次数过多），无法计算：请减少利率调整或付款记录",
                group_thousands(&max.to_string())
            ),
            TooManySegments { max } => format!(
                "the penalty computation would take more than {} lines (too many payments times rate changes): remove rate changes or payments",
                group_thousands(&max.to_string())
            ),
            TypedPercent { got } if zh && got.trim().is_empty() => "请填写百分比，如 20".into(),
            TypedPercent { got } if got.trim().is_empty() => "type a percentage, e.g. 20".into(),
            TypedPercent { got } if zh => format!("“{got}”不是百分比：请输入数字，如 20 即 20%"),
            TypedPercent { got } => format!("“{got}” is not a percentage: type a number, e.g. 20 for 20%"),
            TypedRate { got } if zh && got.trim().is_empty() => "请填写比例，如 0.05%".into(),
            TypedRate { got } if got.trim().is_empty() => "type a rate, e.g. 0.05%".into(),
            TypedRate { got } if zh => format!(
                "“{got}”不是比例：请按所选单位输入数字（万分之五 在“‱”下输入 5），或连同单位输入，如 0.05%、0.5‰、5‱"
            ),
            TypedRate { got } => format!(
                "“{got}” is not a rate: type a number in the unit chosen (5 for 5‱), or with its unit, e.g. 0.05%, 0.5‰, 5‱"
            ),
            TypedWholeNumber { got, min, max } => {
                match (zh, got.trim()) {
                    (true, "") => format!("请填写 {min} 至 {max} 之间的整数"),
                    (false, "") => format!("type a whole number from {min} to {max}"),
                    (true, got) => format!("“{got}”不是整数：请输入 {min} 至 {max} 之间的整数"),
                    (false, got) => format!("“{got}” is not a whole number: type one from {min} to {max}"),
                }
            }
            TypedWorkingDays { got } if zh => format!("“{got}”是工作日：此处按自然日计，请换算为日历天数（付款期限可在“付款条款”中选择按工作日计）"),
            TypedWorkingDays { got } => format!("“{got}” counts working days: this field counts calendar days, so convert it (a payment deadline can count working days under Payment terms)"),
            TypedMonthOfYear { got } if zh => format!("“{got}”可能是指某月份：请填写月数，如 12 或 12个月"),
            TypedMonthOfYear { got } => format!("“{got}” may name a month of the year: type a number of months, e.g. 12"),
            TypedDate { got } if got.trim().is_empty() && zh => "请选择日期".to_string(),
            TypedDate { got } if got.trim().is_empty() => "pick a date".to_string(),
            TypedPeriod { got } if zh => {
                format!("“{got}”不是计费期：请填写该期第一天（如 2025-04-01）、月份（如 2025-04）或季度（如 2025年第2季度）")
            }
            TypedPeriod { got } => format!(
                "“{got}” is not a billed period: type its first day (e.g. 2025-04-01), its month (e.g. 2025-04) or its quarter (e.g. 2025 Q2)"
            ),
            TypedDate { got } if zh && is_a_day(got) => {
                format!("“{got}”的年份超出范围：应在 1900 至 2200 年之间")
            }
            TypedDate { got } if is_a_day(got) => {
                format!("“{got}”: the year must be from 1900 to 2200")
            }
            TypedDate { got } if zh => format!("“{got}”不是日期：请选择日期"),
            TypedDate { got } => format!("“{got}” is not a date: pick a date"),
            UnfinishedDate if zh => "日期不完整或不存在（如 2月30日）：请选择日期".to_string(),
            UnfinishedDate => {
                "the date is incomplete or does not exist (such as 30 February): pick a date"
                    .to_string()
            }
            NotUtf8 if zh => "文件不是 UTF-8 文本（可能是 GBK 等编码）：请在编辑器中“另存为”UTF-8 编码后再导入".to_string(),
            NotUtf8 => "the file is not UTF-8 text (perhaps GBK): save it as UTF-8 in an editor and import it again".to_string(),
            DocumentTooLarge { max_bytes } => {
                let bytes = group_thousands(&max_bytes.to_string());
                let mib = max_bytes / (1024 * 1024);
                match (zh, max_bytes % (1024 * 1024) == 0 && mib > 0) {
                    (true, true) => format!("方案文件过大：超过 {bytes} 字节（{mib} MiB）"),
                    (true, false) => format!("方案文件过大：超过 {bytes} 字节"),
                    (false, true) => format!("document too large: more than {bytes} bytes ({mib} MiB)"),
                    (false, false) => format!("document too large: more than {bytes} bytes"),
                }
            }
        }
    }

    /// `path: message` in `lang`.
    pub fn display(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            self.message(lang)
        } else {
            format!("{}: {}", self.path, self.message(lang))
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(Lang::En))
    }
}

/// A share link that is not this program's `s1.` format.
pub const LINK_UNKNOWN_FORMAT: Text = Text(
    "无法识别的分享链接格式，可能来自更新版本的程序。",
    "Unknown share link format; it may come from a newer version of this program.",
);

/// A share link that cannot be decoded: damaged, truncated or hostile. What to do about it
/// (the link may be cut short: ask for it again) is said once, where it is shown.
pub const LINK_CORRUPT: Text = Text(
    "分享链接已损坏，无法读取。",
    "The share link is damaged and cannot be read.",
);

/// A share link refused for its length before any decoding.
pub fn link_too_large(max_chars: usize, lang: Lang) -> String {
    let max = group_thousands(&max_chars.to_string());
    match lang {
        Lang::Zh => format!("分享链接过长（超过 {max} 个字符），无法读取。"),
        Lang::En => format!("The share link is too long to read (more than {max} characters)."),
    }
}

/// A share link whose scenario the reader refused: why.
pub fn link_invalid(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("分享链接中的方案有误：{why}"),
        Lang::En => format!("The scenario in the share link is invalid: {why}"),
    }
}

/// A day of the calendar, but not one a scenario may hold: a year typed into the wrong part of
/// a date field ("0005-02-02"), or before 1900 or after 2200.
fn is_a_day(typed: &str) -> bool {
    crate::engine::calendar::parse_ymd(typed.trim()).is_some()
}
