//! Scenarios side by side: the picker and the table's corner.

use crate::text::{Lang, Text};

pub const COMPARE_SCENARIOS: Text = Text("方案对比", "Compare scenarios");
pub const PICK_TWO_OR_THREE: Text = Text(
    "选择两到三个方案（当前方案或已保存的方案），差异所在的行会高亮显示。",
    "Pick two or three scenarios (the current one or saved ones); rows that differ are highlighted.",
);
pub const SCENARIOS_TO_COMPARE: Text = Text(
    "参与对比的方案（最多3个）",
    "Scenarios to compare (up to 3)",
);
pub const THREE_PICKED: Text = Text(
    "已选 3 个方案：如要换一个，请先取消勾选其中一个。",
    "Three scenarios are picked: untick one to pick another.",
);
pub const CURRENT_SCENARIO: Text = Text("当前方案", "Current scenario");
pub const PICK_AT_LEAST_TWO: Text = Text(
    "请至少选择两个方案。还没有保存的方案？在“计算”页的“我的方案”中另存当前方案，修改后再另存一个。",
    "Pick at least two scenarios. None saved yet? On the calculator, use My scenarios → Save as, change a term, and save again.",
);
/// The corner of the table, over the rows' labels.
pub const ITEM: Text = Text("项目", "Item");

/// The column of the scenario being edited.
pub fn current(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("当前：{name}"),
        Lang::En => format!("Current: {name}"),
    }
}
