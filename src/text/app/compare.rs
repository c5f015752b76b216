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
/// Beside the saved scenario the calculator has open: its version as last saved, which the
/// current scenario is with any edits since.
pub const SAVED_VERSION_OF_CURRENT: Text = Text(
    "（当前打开的方案，上次保存的版本）",
    " (open now: as last saved)",
);
pub const PICK_AT_LEAST_TWO: Text = Text(
    "请至少选择两个方案。还没有保存的方案？在“计算”页的“我的方案”中另存当前方案，修改后再另存一个。",
    "Pick at least two scenarios. None saved yet? On the calculator, use My scenarios → Save as, change a term, and save again.",
);
/// The corner of the table, over the rows' labels.
pub const ITEM: Text = Text("项目", "Item");

/// The column of the scenario being edited.
pub fn current(name: &str, stale: bool, lang: Lang) -> String {
    let name = match (name.trim(), lang) {
        ("", Lang::Zh) => "（未命名）",
        ("", Lang::En) => "(unnamed)",
        (name, _) => name,
    };
    match lang {
        Lang::Zh => format!("当前：{name}{}", current_stale(stale, lang)),
        Lang::En => format!("Current: {name}{}", current_stale(stale, lang)),
    }
}

/// While a field of the form is wrong, the current column holds the last valid input's figures
/// (struck through in the results), and says so.
fn current_stale(stale: bool, lang: Lang) -> &'static str {
    match (stale, lang) {
        (false, _) => "",
        (true, Lang::Zh) => "（输入有误，此列为上次有效的输入）",
        (true, Lang::En) => " (a field is wrong: this column is the last valid input)",
    }
}
