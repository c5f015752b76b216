//! The late-payment clause: the presets, the rate (per days, per month or an LPR multiple), the
//! conventions (partial periods, cap, days counted, rounding) and the rights it gives.

use crate::text::Text;

pub const PRESETS: Text = Text("常用：", "Presets:");
pub const PRESET_FIVE_PER_TEN_THOUSAND_DAILY: Text = Text(
    "日万分之五（中小企业款项支付条例）",
    "0.05%/day (SME payment regulation)",
);
pub const PRESET_ONE_PER_MILLE_DAILY: Text = Text("日千分之一", "0.1%/day");
pub const PRESET_LPR_TIMES_ONE_POINT_FIVE: Text = Text("LPR × 1.5", "LPR × 1.5");
pub const PRESET_FLOATING_LPR_TIMES_ONE_POINT_FIVE: Text =
    Text("按同期一年期LPR的1.5倍", "1.5 × the floating one-year LPR");
pub const PRESET_MONTHLY_ONE_POINT_TWO_EIGHT: Text = Text("月利率1.28%", "1.28% a month");
pub const PRESET_CAP_FIVE_PERCENT_OF_OVERDUE: Text = Text(
    "以逾期付款总额的5%为上限",
    "Capped at 5% of the overdue amount",
);
pub const PRESET_CAP_THIRTY_PERCENT_OF_TOTAL: Text = Text(
    "累计不超过合同总金额的30%",
    "In all at most 30% of the contract total",
);
pub const LATE_PAYMENT_PENALTY: Text = Text("逾期付款违约金", "Late-payment penalty");
pub const LATE_PAYMENT_PENALTY_CLAUSE: Text = Text("甲方逾期付款的，按约定比例按日支付违约金；逾期超过约定天数，乙方有权暂停服务或解除合同。", "Late payment accrues the agreed penalty per day; past the agreed days the supplier may suspend service or terminate.");
pub const CONTRACT_HAS_LATE_PAYMENT: Text = Text(
    "合同约定了逾期付款违约金",
    "The contract has a late-payment penalty",
);
pub const RATE_FORM: Text = Text("计算方式", "Rate form");
pub const RATE_FORM_HINT: Text = Text("按日或按月的固定比例，或 LPR 的倍数（到期日、逾期首日等某日的 LPR，或同期浮动）", "A fixed fraction per day(s) or month(s), or a multiple of the LPR (of a given day, or floating)");
pub const LPR_MULTIPLE: Text = Text("LPR 倍数", "LPR multiple");
pub const LPR_MULTIPLE_HINT: Text = Text("如 1.5 倍", "e.g. 1.5");
pub const DAYS_PER_YEAR: Text = Text("年天数", "Days per year");
pub const DAYS_PER_YEAR_HINT: Text = Text(
    "日利率 = 年利率 ÷ 年天数",
    "Daily rate = yearly rate ÷ days per year",
);
pub const WHICH_DAYS_LPR: Text = Text("取哪一天的 LPR", "Which day's LPR");
pub const WHICH_DAYS_LPR_HINT: Text = Text(
    "同期 = 逾期期间每日按当日 LPR",
    "Floating (同期) = each late day at that day's LPR",
);
pub const LPR_TERM: Text = Text("LPR 期限", "LPR term");
pub const PENALTY_RATE: Text = Text("违约金比例", "Penalty rate");
pub const PENALTY_RATE_HINT: Text = Text(
    "按所选单位输入，如 万分之五 = 5‱",
    "In the unit chosen, e.g. 5‱ = 0.05%",
);
pub const UNIT: Text = Text("单位", "Unit");
pub const PER_N_MONTHS: Text = Text("每 N 个月", "Per N months");
pub const PER_N_MONTHS_HINT: Text = Text(
    "1 = 月利率；按自然月计，不足一月按日/30",
    "1 = a monthly rate; calendar months, a part month as days/30",
);
pub const PER_N_DAYS: Text = Text("每 N 日", "Per N days");
pub const PER_N_DAYS_HINT: Text = Text("1 = 按日；10 = 每10日", "1 = per day; 10 = per 10 days");
pub const STARTED_PERIOD: Text = Text("不足一个计息期", "A started period");
pub const STARTED_PERIOD_HINT: Text =
    Text("按比例计，或按整期计", "Counts in proportion, or whole");
pub const CAP: Text = Text("违约金上限", "Cap");
pub const CAP_HINT: Text = Text(
    "占所选基数的百分比；留空 = 无上限",
    "Share of the base chosen; empty = no cap",
);
pub const CAP_BASE: Text = Text("上限基数", "Cap base");
pub const CAP_BASE_HINT: Text = Text(
    "每期各自封顶，或违约金累计封顶",
    "Each cycle capped, or the total",
);
pub const DAYS_COUNTED: Text = Text("逾期天数计法", "Days counted");
pub const DAYS_COUNTED_HINT: Text = Text("付款当日是否计入", "Whether the payment day counts");
pub const ACCRUES_FROM_OPTIONAL: Text = Text("起算日（可选）", "Accrues from (optional)");
pub const ACCRUES_FROM_OPTIONAL_HINT: Text = Text(
    "如“自起诉之日起”；留空 = 到期次日",
    "e.g. the filing date; empty = the day after the due date",
);
pub const ROUNDING: Text = Text("舍入", "Rounding");
pub const ROUNDING_HINT: Text = Text(
    "计算明细逐段四舍五入，或每期合计后一次",
    "Each breakdown line to the fen, or each cycle once",
);
pub const SUSPEND_AFTER: Text = Text("逾期超过N日可暂停服务", "Suspend after");
pub const EMPTY_NO_SUCH_CLAUSE: Text = Text("留空 = 无此约定", "Empty = no such clause");
pub const TERMINATE_AFTER: Text = Text("逾期超过N日可解除合同", "Terminate after");
pub const PERCENT: Text = Text("% 百分之", "% percent");
pub const PER_MILLE: Text = Text("‰ 千分之", "‰ per mille");
pub const PER_TEN_THOUSAND: Text = Text("‱ 万分之", "‱ per ten thousand");
pub const RATE_FRACTION: Text = Text("按日比例", "Per day(s)");
pub const RATE_MONTHLY_RATE: Text = Text("按月比例（月利率）", "Per month (monthly rate)");
