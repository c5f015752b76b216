//! What the scenario store and the app's storage actions tell users, in Chinese or English: one
//! [`StoreText`] variant per message. The store's errors ([`crate::store::StoreError`]) and the
//! app's banners both say their words through it.

use crate::text::Lang;

/// One message about local storage. Fields are already in the message's language where they are
/// words (`err`, `reason`), and as stored where they are data (names, keys, ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreText<'a> {
    // Why storage refused an operation.
    Unavailable,
    Full,
    Blocked {
        key: &'a str,
    },
    NotFound {
        id: &'a str,
    },
    Invalid {
        detail: &'a str,
    },
    UndoTaken {
        id: &'a str,
    },
    /// A saved scenario was saved by another window since this one opened or saved it.
    NewerElsewhere {
        name: &'a str,
    },
    /// The working draft was written by another window since this one last wrote or read it.
    DraftNewerElsewhere,
    Other {
        detail: &'a str,
    },

    /// Said once when the page opens without local storage.
    UnavailableAtStart,

    // Entries set aside.
    ReadableNow,
    IdMismatch {
        stored: &'a str,
        key: &'a str,
    },
    QuarantinedMoved {
        what: &'a str,
        reason: &'a str,
    },
    QuarantinedKept {
        what: &'a str,
        reason: &'a str,
    },
    /// What was set aside: the autosaved draft, a saved scenario by name or id, or another entry.
    TheDraft,
    SavedNamed {
        name: &'a str,
    },
    SavedWithId {
        id: &'a str,
    },
    AnEntry,

    // Names the app gives to what it keeps for the user.
    /// The `n`th draft of a scenario named `name` (`n` ≥ 2 is numbered: two drafts of one
    /// scenario never share a name in the list).
    DraftName {
        name: &'a str,
        n: usize,
    },
    /// A duplicated scenario's name.
    CopyName {
        name: &'a str,
    },
    ConflictCopyName {
        name: &'a str,
    },

    // The app's storage actions.
    AutosaveFailed {
        err: &'a str,
    },
    SaveFailed {
        err: &'a str,
    },
    FixBeforeSaving,
    /// New / Open / Import stopped because the unsaved work could not be kept as a draft.
    KeepDraftFailed {
        err: &'a str,
    },
    /// The form is invalid, so it cannot be kept as a draft before New / Open / Import.
    KeepDraftInvalid,
    /// A tab showing a share link kept the autosaved draft it read before writing over it.
    WorkingKeptAsCopy {
        copy: &'a str,
    },
    /// That draft could not be kept: the tab stays on the link and writes nothing over it.
    KeepWorkingFailed {
        name: &'a str,
        err: &'a str,
    },
    ImportedAndSaved {
        name: &'a str,
    },
    ImportedNotSaved {
        name: &'a str,
        err: &'a str,
    },
    ImportedMany {
        n: usize,
    },
    /// An imported file's fields this version does not know: kept, used in no figure.
    UnknownFieldsKept {
        fields: &'a str,
    },
    ImportFailed {
        err: &'a str,
    },
    /// A file not imported, named, and why.
    ImportRefused {
        file: &'a str,
        detail: &'a str,
    },
    /// The work on screen, kept as a saved draft before another scenario replaced it.
    WorkKeptAsDraft {
        copy: &'a str,
    },
    /// An imported file that is not a scenario or an export of them at all (a photo, another
    /// program's JSON).
    NotAScenarioFile {
        file: &'a str,
    },
    FileUnreadable {
        file: &'a str,
    },
    /// Saving found a newer version from another window: this window's is kept as a copy.
    SavedAsConflictCopy {
        name: &'a str,
        copy: &'a str,
    },
    /// A linked scenario's unsaved edits could not be kept in the tab's session storage.
    LinkEditsNotKept,
    /// The working draft was taken by another window: this window's work is kept as a copy.
    DraftKeptAsCopy {
        copy: &'a str,
    },
    /// Another window saved the open scenario; this window had no unsaved changes.
    ReloadedFromElsewhere {
        name: &'a str,
    },
    /// Another window saved the open scenario; this window's changes are unsaved.
    ChangedElsewhereKeep {
        name: &'a str,
    },
    DeletedElsewhere {
        name: &'a str,
    },
    RenameFailed {
        err: &'a str,
    },
    DuplicateFailed {
        err: &'a str,
    },
    DeleteFailed {
        err: &'a str,
    },
    UndoFailed {
        err: &'a str,
    },
    DiscardFailed {
        err: &'a str,
    },
    LangNotSaved {
        err: &'a str,
    },
}

/// `name` with what `write` adds to it, within the longest name a scenario takes
/// (`MAX_NAME_CHARS`): a long name is cut, not its suffix, so that the copy, draft or numbered
/// entry can be read back (a name past the limit made the saved entry unreadable).
pub fn fitted(name: &str, write: impl Fn(&str) -> String) -> String {
    let full = write(name);
    let over = full
        .chars()
        .count()
        .saturating_sub(crate::engine::scenario::MAX_NAME_CHARS);
    if over == 0 {
        return full;
    }
    let keep = name.chars().count().saturating_sub(over);
    let cut: String = name.chars().take(keep).collect();
    write(cut.trim_end())
}

/// The name a draft was kept from: “名称（草稿）”, “名称（草稿 2）”, “name (draft)” or
/// “name (draft 2)” give `Some("名称")`/`Some("name")`; any other name `None`.
pub fn draft_base(name: &str) -> Option<&str> {
    // Only the numbers the app writes: 2 to 999, no leading zero ("Budget (draft 2026)" is a
    // name of its own).
    let numbered = |rest: &str, close: char| -> bool {
        rest.strip_suffix(close).is_some_and(|n| {
            n.is_empty()
                || n.strip_prefix(' ').is_some_and(|d| {
                    d.len() <= 3
                        && !d.starts_with('0')
                        && d != "1"
                        && !d.is_empty()
                        && d.bytes().all(|b| b.is_ascii_digit())
                })
        })
    };
    if let Some((base, rest)) = name.rsplit_once("（草稿") {
        if numbered(rest, '）') {
            return Some(base);
        }
    }
    if let Some((base, rest)) = name.rsplit_once(" (draft") {
        if numbered(rest, ')') {
            return Some(base);
        }
    }
    None
}

impl StoreText<'_> {
    /// The message in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        use StoreText::*;
        let zh = lang == Lang::Zh;
        match *self {
            Unavailable if zh => "浏览器本地存储不可用（可能处于隐私模式或已被禁用），方案只保留在当前页面中，请及时导出。".into(),
            Unavailable => "The browser's local storage is unavailable (private mode, or disabled): scenarios live in this page only, so export them.".into(),
            Full if zh => "浏览器本地存储已满，未能保存。请导出后删除不需要的方案。".into(),
            Full => "The browser's local storage is full; nothing was saved. Export, then delete scenarios you no longer need.".into(),
            Blocked { key } if zh => format!("存储中的条目 {key} 无法读取，也未能移出保存；为免覆盖，暂不写入该位置。请先下载该条目再丢弃。"),
            Blocked { key } => format!("The stored entry {key} cannot be read and could not be moved aside; to avoid overwriting it, nothing is written there. Download it, then discard it."),
            NotFound { id } if zh => format!("找不到方案 {id}（可能已在其他窗口中删除）。"),
            NotFound { id } => format!("No saved scenario {id} (perhaps deleted in another window)."),
            Invalid { detail } if zh => format!("方案有误，未保存：{detail}"),
            Invalid { detail } => format!("The scenario has errors and was not saved: {detail}"),
            UndoTaken { id } if zh => format!("方案 {id} 的位置已被新方案占用，无法撤销删除。"),
            UndoTaken { id } => format!("A newer scenario now uses id {id}; the deletion cannot be undone."),
            NewerElsewhere { name } if zh => format!("另一窗口已保存了“{name}”的较新版本，未覆盖。"),
            NewerElsewhere { name } => format!("Another window saved a newer version of “{name}”; it was not overwritten."),
            DraftNewerElsewhere if zh => "另一窗口已更新了自动保存的草稿，未覆盖。".into(),
            DraftNewerElsewhere => "Another window updated the autosaved draft; it was not overwritten.".into(),
            UnavailableAtStart if zh => "浏览器本地存储不可用：本页仍可正常计算，但关闭后不会保留。请用“导出”保存方案。".into(),
            UnavailableAtStart => "Local storage is unavailable: the calculator works, but nothing is kept after you close the page. Use Export to keep a scenario.".into(),
            Other { detail } if zh => format!("本地存储出错：{detail}"),
            Other { detail } => format!("Local storage error: {detail}"),

            ReadableNow if zh => "此条目现在可以读取，可下载后导入恢复".into(),
            ReadableNow => "this entry reads now; download it and import it to restore it".into(),
            IdMismatch { stored, key } if zh => format!("条目中的编号 \"{stored}\" 与存储位置 \"{key}\" 不一致"),
            IdMismatch { stored, key } => format!("the entry's id \"{stored}\" does not match its storage key \"{key}\""),
            QuarantinedMoved { what, reason } if zh => format!("本机{what}无法读取（{reason}），已原样另存，不会被覆盖。可下载后检查。"),
            QuarantinedMoved { what, reason } => format!("{what} could not be read ({reason}); it was set aside unchanged and will not be overwritten. Download it to check."),
            QuarantinedKept { what, reason } if zh => format!("本机{what}无法读取（{reason}），且存储空间不足无法另存：该数据保持原样，不会被覆盖，本次修改只保存在内存中。"),
            QuarantinedKept { what, reason } => format!("{what} could not be read ({reason}) and storage is too full to set it aside: it is left untouched, and this session works in memory."),
            TheDraft if zh => "自动保存的草稿".into(),
            TheDraft => "The autosaved draft".into(),
            SavedNamed { name } if zh => format!("已保存的方案“{name}”"),
            SavedNamed { name } => format!("The saved scenario “{name}”"),
            SavedWithId { id } if zh => format!("保存的一个方案（编号 {id}）"),
            SavedWithId { id } => format!("A saved scenario (id {id})"),
            AnEntry if zh => "保存的一份数据".into(),
            AnEntry => "A stored entry".into(),

            // A draft of a draft keeps one suffix, whichever language wrote it.
            DraftName { name, n } if draft_base(name).is_some() => DraftName {
                name: draft_base(name).unwrap_or(name),
                n,
            }
            .say(if name.ends_with('）') { Lang::Zh } else { Lang::En }),
            DraftName { name, n: 0 | 1 } if zh => fitted(name, |b| format!("{b}（草稿）")),
            DraftName { name, n: 0 | 1 } => fitted(name, |b| format!("{b} (draft)")),
            DraftName { name, n } if zh => fitted(name, |b| format!("{b}（草稿 {n}）")),
            DraftName { name, n } => fitted(name, |b| format!("{b} (draft {n})")),
            CopyName { name } if zh => fitted(name, |b| format!("{b} (副本)")),
            CopyName { name } => fitted(name, |b| format!("{b} (copy)")),
            ConflictCopyName { name } if zh => fitted(name, |b| format!("{b}（冲突副本）")),
            ConflictCopyName { name } => fitted(name, |b| format!("{b} (conflicted copy)")),

            AutosaveFailed { err } if zh => format!("无法自动保存：{}。您的输入仍保留在本页内存中，请用“导出”另存。", err.trim_end_matches('。')),
            AutosaveFailed { err } => format!("Autosave failed: {}. Your input stays in this page's memory; use Export to keep it.", err.trim_end_matches('.')),
            SaveFailed { err } if zh => format!("保存失败：{err}"),
            SaveFailed { err } => format!("Could not save: {err}"),
            FixBeforeSaving if zh => "请先修正标红的输入再保存。".into(),
            FixBeforeSaving => "Fix the fields marked in red before saving.".into(),
            KeepDraftFailed { err } if zh => format!("未能把未保存的内容存为草稿（{err}），为免丢失，仍显示当前方案。请先导出，或删除不需要的方案后再试。"),
            KeepDraftFailed { err } => format!("Your unsaved work could not be kept as a draft ({err}), so it stays on screen. Export it, or delete scenarios you no longer need, then try again."),
            KeepDraftInvalid if zh => "当前方案有标红的输入，无法存为草稿；为免丢失，仍显示当前方案。请先修正或导出。".into(),
            KeepDraftInvalid => "The scenario has fields marked in red and cannot be kept as a draft, so it stays on screen. Fix them first.".into(),
            WorkingKeptAsCopy { copy } if zh => format!("本机自动保存的草稿已另存为“{copy}”（在“我的方案”中），以免被覆盖。"),
            WorkingKeptAsCopy { copy } => format!("The draft autosaved on this device was kept as “{copy}” (in My scenarios), so that it is not overwritten."),
            KeepWorkingFailed { name, err } if zh => format!("未能把本机自动保存的草稿“{name}”另存为草稿（{err}），为免覆盖，仍显示链接方案。可点“放弃，回到我的方案”回到该草稿，或删除不需要的方案后再试。"),
            KeepWorkingFailed { name, err } => format!("The draft autosaved on this device, “{name}”, could not be kept as a copy ({err}), so this window stays on the linked scenario and does not overwrite it. Use “Discard, back to mine” to get back to it, or delete scenarios you no longer need, then try again."),
            ImportedAndSaved { name } if zh => format!("已导入并保存“{name}”。"),
            ImportedAndSaved { name } => format!("Imported and saved “{name}”."),
            ImportedNotSaved { name, err } if zh => format!("已导入“{name}”，但未能保存：{err}。它只在本页中，请导出另存。"),
            ImportedNotSaved { name, err } => format!("Imported “{name}” but could not save it: {err}. It is in this page only; export it to keep it."),
            UnknownFieldsKept { fields } if zh => format!("文件中有本版本不认识的字段，已原样保留，但未用于计算（如为拼写错误，请在表单中重新填写）：{fields}"),
            UnknownFieldsKept { fields } => format!("The file has fields this version does not know, kept as they are but used in no figure (if misspelt, enter them again in the form): {fields}"),
            ImportedMany { n } if zh => format!("已导入 {n} 个方案。"),
            ImportedMany { n } => format!("Imported {n} scenarios."),
            ImportFailed { err } if zh => format!("导入失败：{err}"),
            ImportFailed { err } => format!("Import failed: {err}"),
            ImportRefused { file, detail } if zh => format!("文件“{file}”未导入，当前内容未改变：{detail}"),
            ImportRefused { file, detail } => format!("“{file}” was not imported and nothing changed: {detail}"),
            WorkKeptAsDraft { copy } if zh => format!("未保存的修改已另存为“{copy}”（在“我的方案”中）。"),
            WorkKeptAsDraft { copy } => format!("Your unsaved changes are kept as “{copy}” in My scenarios."),
            NotAScenarioFile { file } if zh => format!("文件“{file}”未导入，当前内容未改变：这不是本计算器导出的方案文件。请选择用“导出”保存的 .json 文件。"),
            NotAScenarioFile { file } => format!("“{file}” was not imported and nothing changed: it is not a scenario file from this calculator. Pick a .json file saved with Export."),
            FileUnreadable { file } if zh => format!("无法读取文件“{file}”。"),
            FileUnreadable { file } => format!("Could not read “{file}”."),
            SavedAsConflictCopy { name, copy } if zh => format!("另一窗口已保存了“{name}”的较新版本。为免覆盖，本窗口的版本已另存为“{copy}”；两个版本都在“我的方案”中。"),
            SavedAsConflictCopy { name, copy } => format!("Another window saved a newer version of “{name}”. So as not to overwrite it, this window's version was saved as “{copy}”; both are in My scenarios."),
            LinkEditsNotKept if zh => "无法在本窗口暂存对这个链接方案的修改（浏览器存储已满或不可用），重新加载会丢失这些修改。请用“保存”或“导出”保留。".into(),
            LinkEditsNotKept => "Your edits of this linked scenario could not be kept for a reload (browser storage is full or unavailable): use Save or Export to keep them.".into(),
            DraftKeptAsCopy { copy } if zh => format!("另一窗口也在编辑并自动保存草稿。为免互相覆盖，本窗口的内容已另存为“{copy}”（在“我的方案”中），此后本窗口的修改请用“保存”保存。"),
            DraftKeptAsCopy { copy } => format!("Another window is also editing the autosaved draft. So that neither overwrites the other, this window's work was saved as “{copy}” (in My scenarios); from now on, use Save in this window."),
            ReloadedFromElsewhere { name } if zh => format!("另一窗口保存了“{name}”的新版本，已显示该版本。"),
            ReloadedFromElsewhere { name } => format!("Another window saved a new version of “{name}”; it is shown now."),
            ChangedElsewhereKeep { name } if zh => format!("另一窗口保存了“{name}”的新版本。本窗口的修改尚未保存；保存时将另存为副本，不会覆盖对方的版本。"),
            ChangedElsewhereKeep { name } => format!("Another window saved a new version of “{name}”. This window's changes are not saved; saving them keeps both versions."),
            DeletedElsewhere { name } if zh => format!("“{name}”已在另一窗口删除；当前内容仍在本页，作为未保存的草稿。"),
            DeletedElsewhere { name } => format!("“{name}” was deleted in another window; what is on screen stays, as an unsaved draft."),
            RenameFailed { err } if zh => format!("重命名失败：{err}"),
            RenameFailed { err } => format!("Could not rename: {err}"),
            DuplicateFailed { err } if zh => format!("复制失败：{err}"),
            DuplicateFailed { err } => format!("Could not duplicate: {err}"),
            DeleteFailed { err } if zh => format!("删除失败：{err}"),
            DeleteFailed { err } => format!("Could not delete: {err}"),
            UndoFailed { err } if zh => format!("无法撤销删除：{err}"),
            UndoFailed { err } => format!("Could not undo the deletion: {err}"),
            DiscardFailed { err } if zh => format!("未能删除该数据：{err}"),
            DiscardFailed { err } => format!("Could not delete it: {err}"),
            LangNotSaved { err } if zh => format!("语言设置未能保存：{err}"),
            LangNotSaved { err } => format!("The language choice was not saved: {err}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        let all = [
            StoreText::Full,
            StoreText::DraftNewerElsewhere,
            StoreText::ConflictCopyName { name: "甲" },
            StoreText::SavedAsConflictCopy {
                name: "甲",
                copy: "甲（冲突副本）",
            },
            StoreText::KeepDraftFailed { err: "x" },
            StoreText::WorkingKeptAsCopy {
                copy: "甲（草稿）"
            },
            StoreText::KeepWorkingFailed {
                name: "甲",
                err: "x",
            },
        ];
        for m in all {
            let (zh, en) = (m.say(Lang::Zh), m.say(Lang::En));
            assert_ne!(zh, en);
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) || en.contains('甲')
            );
        }
        assert_eq!(
            StoreText::ConflictCopyName { name: "甲" }.say(Lang::Zh),
            "甲（冲突副本）"
        );
    }

    #[test]
    fn a_failed_autosave_names_its_cause_in_one_sentence() {
        // Storage full: the cause's own full stop is not doubled ("…方案。。您的输入…").
        for lang in [Lang::Zh, Lang::En] {
            let full = StoreText::Full.say(lang);
            let said = StoreText::AutosaveFailed { err: &full }.say(lang);
            assert!(!said.contains("。。") && !said.contains(".."), "{said}");
        }
        assert_eq!(
            StoreText::AutosaveFailed {
                err: &StoreText::Full.say(Lang::Zh)
            }
            .say(Lang::Zh),
            "无法自动保存：浏览器本地存储已满，未能保存。请导出后删除不需要的方案。您的输入仍保留在本页内存中，请用“导出”另存。"
        );
    }

    #[test]
    fn a_draft_of_a_draft_keeps_one_suffix() {
        // "乙方案（草稿）" opened, changed and left again is kept as "乙方案（草稿）", not
        // "乙方案（草稿）（草稿）", in whichever language the first suffix was written.
        let name = |name, lang| StoreText::DraftName { name, n: 1 }.say(lang);
        assert_eq!(name("乙方案", Lang::Zh), "乙方案（草稿）");
        assert_eq!(name("乙方案（草稿）", Lang::Zh), "乙方案（草稿）");
        assert_eq!(name("乙方案（草稿 3）", Lang::Zh), "乙方案（草稿）");
        assert_eq!(name("Plan B (draft)", Lang::Zh), "Plan B (draft)");
        assert_eq!(name("乙方案（草稿）", Lang::En), "乙方案（草稿）");
        assert_eq!(name("Plan B", Lang::En), "Plan B (draft)");
        // A second draft of 乙方案 is numbered, in its first suffix's language.
        let second = |name, lang| StoreText::DraftName { name, n: 2 }.say(lang);
        assert_eq!(second("乙方案", Lang::Zh), "乙方案（草稿 2）");
        assert_eq!(second("乙方案（草稿）", Lang::En), "乙方案（草稿 2）");
        assert_eq!(second("Plan B (draft 4)", Lang::Zh), "Plan B (draft 2)");
    }

    #[test]
    fn a_draft_name_tells_what_it_was_kept_from() {
        assert_eq!(draft_base("乙方案（草稿）"), Some("乙方案"));
        assert_eq!(draft_base("乙方案（草稿 12）"), Some("乙方案"));
        assert_eq!(draft_base("Plan B (draft 2)"), Some("Plan B"));
        // Names a user typed that only look alike are their own.
        assert_eq!(draft_base("乙方案（草稿二）"), None);
        assert_eq!(draft_base("Plan B (drafted)"), None);
        assert_eq!(draft_base("Plan B (draft )"), None);
        assert_eq!(draft_base("Budget (draft 2026)"), None);
        assert_eq!(draft_base("乙方案（草稿 1）"), None);
        assert_eq!(draft_base("乙方案（草稿 02）"), None);
        assert_eq!(draft_base("乙方案"), None);
    }
}
