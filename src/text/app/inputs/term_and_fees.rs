//! The contract's term and its fees: the fields, the fee components offered, and the note when
//! the billing cycle changes.

use crate::engine::scenario::Cycle;
use crate::text::{terms, Lang, Text};

pub const KEEP_AMOUNTS: Text = Text("保持金额不变", "Keep the amounts");
pub const GOT_IT: Text = Text("知道了", "OK");
/// Before the fee components offered.
pub const ADD: Text = Text("添加：", "Add:");
pub const OTHER: Text = Text("+ 其他", "+ Other");
pub const PER_CYCLE: Text = Text("每期合计：", "Per cycle: ");
/// Fee components contracts commonly list, offered as one-click labels.
pub const COMPONENT_PRESETS: [Text; 5] = [
    BASE_SERVICE_FEE,
    VALUE_ADDED_SERVICE_FEE,
    STAFF_COST,
    COMMUNICATION_COST,
    SYSTEM_MAINTENANCE,
];
pub const BASE_SERVICE_FEE: Text = Text("基本服务费", "Base service fee");
pub const VALUE_ADDED_SERVICE_FEE: Text = Text("增值服务费", "Value-added service fee");
pub const STAFF_COST: Text = Text("人力成本", "Staff cost");
pub const COMMUNICATION_COST: Text = Text("通讯费用", "Communication cost");
pub const SYSTEM_MAINTENANCE: Text = Text("系统维护费用", "System maintenance");
pub const CONTRACT: Text = Text("合同", "Contract");
pub const CONTRACT_CLAUSE: Text = Text(
    "合同期限与自动续期：期满双方均未提出异议的，合同自动续期。",
    "Term and automatic renewal: the contract renews unless either side objects.",
);
pub const SCENARIO_NAME: Text = Text("方案名称", "Scenario name");
pub const SCENARIO_NAME_HINT: Text =
    Text("便于区分不同谈判方案", "To tell negotiation options apart");
pub const FIRST_DAY_SERVICE: Text = Text("服务开始日", "First day of service");
pub const FIRST_DAY_SERVICE_HINT: Text = Text(
    "合同约定的服务期起始日",
    "The first day of the service term",
);
pub const TERM_GIVEN: Text = Text("期限给定方式", "Term given as");
pub const TERM_GIVEN_HINT: Text = Text(
    "结束日期，或自开始日起的月数",
    "An end date, or months from the start",
);
pub const TERM: Text = Text("服务期限", "Term");
pub const TERM_HINT: Text = Text(
    "开始日 + N 个月 − 1 日（民法典第202条）",
    "Start + N months − 1 day (Civil Code Art. 202)",
);
pub const LAST_DAY_SERVICE: Text = Text("服务结束日", "Last day of service");
pub const LAST_DAY_SERVICE_HINT: Text = Text("含当日", "Inclusive");
pub const AUTO_RENEWAL: Text = Text("自动续期", "Auto-renewal");
pub const AUTO_RENEWAL_HINT: Text = Text(
    "期满未提出异议自动续期的月数；0 = 不续期",
    "Months added when neither side objects; 0 = none",
);
pub const EVALUATION_DATE: Text = Text("计算截至日", "Evaluation date");
pub const EVALUATION_DATE_HINT: Text = Text(
    "违约金计至此日；此日之后的付款不计入",
    "Penalties accrue to this day; later payments are ignored",
);
pub const FEES: Text = Text("费用", "Fees");
pub const FEES_CLAUSE: Text = Text("服务费用由各项费用组成，按计费周期结算；不足一期的按实际服务天数折算或按整期计。", "The fee is the sum of its components per billing cycle; a partial cycle is prorated by days or billed in full.");
pub const BILLING_CYCLE: Text = Text("计费周期", "Billing cycle");
pub const BILLING_CYCLE_HINT: Text = Text(
    "按自然月、自然季度或合同年结算",
    "Calendar months, calendar quarters or contract years",
);
pub const PARTIAL_CYCLE: Text = Text("不足一期", "Partial cycle");
pub const PARTIAL_CYCLE_HINT: Text = Text(
    "首尾不足一期的计费方式",
    "How a cycle only partly in the term is billed",
);
pub const FEE_COMPONENTS: Text = Text("费用构成", "Fee components");
pub const COMPONENT: Text = Text("费用项目", "Component");
pub const COMPONENT_AMOUNT: Text = Text("每期金额", "Per cycle");
pub const REMOVE_COMPONENT: Text = Text("删除此项费用", "Remove this component");
pub const END_DATE: Text = Text("结束日期", "End date");
pub const END_MONTHS: Text = Text("期限（月）", "Term in months");

/// After a change of billing cycle: the amounts stay per cycle, so the total changed.
pub fn amounts_stay_per(cycle: Cycle, total: &str, lang: Lang) -> String {
    let per = terms::per_cycle(cycle).get(lang);
    match lang {
        Lang::Zh => format!("各项金额现按“{per}”计，合同总金额现为 {total}。"),
        Lang::En => format!("Each amount now counts {per}; the contract total is {total}."),
    }
}

/// The offer to restate the amounts in proportion to the months of a cycle. It promises no total:
/// a part period billed by days, and amounts rounded to the fen, can move it.
pub fn restate_amounts(from: Cycle, to: Cycle, lang: Lang) -> String {
    let (from, to) = (
        terms::per_cycle(from).get(lang),
        terms::per_cycle(to).get(lang),
    );
    match lang {
        Lang::Zh => format!("把{from}金额按月数比例换算为{to}金额"),
        Lang::En => format!("Restate the amounts from {from} to {to}, in proportion to months"),
    }
}

/// After the amounts were restated, when the contract total moved: by how much, and why.
pub fn restated_total(before: &str, after: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已换算。合同总金额由 {before} 变为 {after}：不足一期的期间按日折算、金额取整到分，换算后合计未必相等，请核对。"),
        Lang::En => format!("Restated. The contract total moved from {before} to {after}: a part period billed by days and amounts rounded to the fen need not add up the same; please check."),
    }
}

/// After a change of billing cycle moved payments designated for a period (§13).
pub const DESIGNATIONS_MOVED: Text = Text(
    "指定抵充某一期的付款，现改为抵充新周期中包含该日的那一期，请核对“抵充哪一期”。",
    "Payments designated for a period are now for the new period that holds that day: please check their “For period”.",
);
