//! The scenario bar, the saved scenarios and the banners' buttons.

use crate::text::{Lang, Text};

/// The banners' region.
pub const NOTICES: Text = Text("通知", "Notices");
/// A quarantined entry's banner: download the raw text.
pub const DOWNLOAD_IT: Text = Text("下载该数据", "Download it");
pub const DOWNLOADED_DELETE_IT: Text = Text("已下载，删除", "Downloaded: delete it");
/// A scenario from a link: keep it or go back.
pub const SAVE_TO_MY_SCENARIOS: Text = Text("保存为我的方案", "Save to my scenarios");
pub const DISCARD_BACK_TO_MINE: Text = Text("放弃，回到我的方案", "Discard, back to mine");
/// The same, on a device with no work of its own: what New gives.
pub const DISCARD_START_NEW: Text = Text("放弃，新建方案", "Discard, start a new one");
pub const DISMISS: Text = Text("关闭", "Dismiss");
/// Before the scenario's name in the bar.
pub const SCENARIO: Text = Text("当前方案", "Scenario");
pub const SAVE: Text = Text("保存", "Save");
pub const NEW: Text = Text("新建", "New");
pub const MY_SCENARIOS: Text = Text("我的方案", "My scenarios");
pub const EXPORT: Text = Text("导出", "Export");
/// Export pressed while a field is wrong.
pub const EXPORT_FIX_FIRST: Text = Text(
    "表单中有输入需要修改，未导出：请先改正标红的字段。",
    "Not exported: a field needs fixing first (marked in red).",
);
pub const IMPORT: Text = Text("导入", "Import");
pub const PRINT: Text = Text("打印", "Print");
pub const UNDO: Text = Text("撤销", "Undo");
pub const SAVE_AS: Text = Text("另存为", "Save as");
pub const SAVE_AS_NEW: Text = Text("另存为新方案", "Save as new");
pub const EXPORT_ALL: Text = Text("全部导出", "Export all");
pub const NO_SAVED_SCENARIOS_YET: Text = Text("还没有保存的方案。", "No saved scenarios yet.");
pub const NEW_NAME: Text = Text("新名称", "New name");
pub const OK: Text = Text("确定", "OK");
pub const OPEN: Text = Text("打开", "Open");
pub const RENAME: Text = Text("重命名", "Rename");
pub const DUPLICATE: Text = Text("复制", "Duplicate");
pub const DELETE: Text = Text("删除", "Delete");

// What the bar says of the work on screen.
pub const FROM_LINK_NOT_SAVED: Text = Text("来自链接，未保存", "from a link, not saved");
pub const IN_MEMORY_ONLY: Text = Text("仅在内存中", "in memory only");
pub const UNSAVED_CHANGES: Text = Text("有未保存的修改", "unsaved changes");
pub const SAVED: Text = Text("已保存", "saved");
pub const DRAFT_KEPT: Text = Text("草稿已自动保存", "draft kept automatically");
/// Beside the sample's name, shown because a share link could not be read.
pub const SAMPLE_NOT_THE_LINK: Text = Text(
    "示例方案，不是链接中的合同",
    "the sample, not the linked contract",
);
/// A field is wrong: the draft keeps the last correct form, and nothing typed since.
pub const DRAFT_NOT_KEPT_WHILE_WRONG: Text = Text(
    "输入有误，草稿暂未更新：改正后自动保存",
    "not kept while a field is wrong: kept once it is fixed",
);

/// A deleted saved scenario, offered back with Undo.
pub fn deleted(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已删除“{name}”。"),
        Lang::En => format!("Deleted “{name}”."),
    }
}
